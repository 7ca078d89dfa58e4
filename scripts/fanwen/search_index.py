"""The search index: which reports contain each character bigram, and each report's text.

Chinese has no spaces between words, and word segmenters disagree with each
other (the same phrase is cut differently at index time and at query time).
Search engines match Chinese phrases exactly with character n-grams (Lucene's
CJK bigram filter, SQLite FTS5's trigram tokenizer). This index does the same
for a static site, and keeps what one query downloads about the same size
whether the library holds 100 reports or 10,000:

1. For every pair of adjacent characters (bigram) the index lists the reports
   containing it: a sorted id list, or a bitmap (one bit per report) when that
   is smaller. The reports containing all of a query's bigrams are the
   candidates; their number is what the result count and the facet counts
   show until every candidate has been checked.
2. Each report's text is stored compressed (zlib, base64), PACK reports to a
   file. The browser checks candidates in report order (newest first), a
   result page at a time: it loads their texts, looks for the phrase, and lists
   a candidate only when the phrase is really there, so every listed report is
   right, and once all candidates are checked the count is exact. The same
   text gives the excerpt.

Every file is a script, ``fanwenSearchData("<name>", <JSON>);``, loaded with a
``<script>`` element: that works from a web server and from ``file://`` (an
unzipped offline copy), where ``fetch()`` of a JSON file does not. Files under
``search-data/`` of the built site (report ids are positions in date order,
newest first):
    meta.js        format, sizes, shard count, reports a text pack, facet vocabularies, year runs
    facets.js      one character per report: its unit type and genre
    t2s/N.js       Traditional -> Simplified for code points N * 512 ... N * 512 + 511
    sets/N.js      bigram -> [report count, reports]
    text/N.js      reports N * PACK ...: [slug, title, unit, genre, date, org, body start, zlib text]
"""
from __future__ import annotations

import base64
import json
import math
import re
import shutil
import unicodedata
import zlib
from array import array
from functools import lru_cache
from pathlib import Path

from .text import to_simplified

FORMAT = 3
SEPARATOR = "\u0001"  # between lines: a phrase never runs across two paragraphs
SHARD_BYTES = 16384  # target size of one sets/ file: what a bigram's lookup costs, at any corpus size
PACK_BYTES = 12000  # target size of one text/ file: what checking a candidate costs, at any corpus size
T2S_SHIFT = 9  # t2s/N.js holds the characters whose code point >> T2S_SHIFT is N
T2S_RANGE = (0x3400, 0xA000)  # where OpenCC has Traditional characters with one Simplified form
CALLBACK = "fanwenSearchData"  # every data file calls it: fanwenSearchData("<name>", <JSON>);


@lru_cache(maxsize=1)
def _t2s_map() -> dict[str, str]:
    trad, simp = traditional_table()
    return dict(zip(trad, simp))


def normalise_char(ch: str) -> str:
    """One character as it is matched: Simplified, half-width, lower case (never two characters)."""
    ch = _t2s_map().get(ch, ch)
    nf = unicodedata.normalize("NFKC", ch).lower()
    return nf if len(nf) == 1 else ch.lower()


def display_text(lines: list[str]) -> str:
    """The report's text as shown in excerpts: lines joined by SEPARATOR, whitespace removed."""
    return SEPARATOR.join(t for t in (re.sub(r"\s+", "", ln) for ln in lines) if t)


_NORMALISED: dict[int, str] = {}  # code point -> normalise_char, filled as characters are met


def normalise(text: str) -> str:
    """What is matched, character for character, so positions fit the displayed text.

    >>> normalise("公開　承諾 ABC１２３，")
    '公开承诺abc123,'
    """
    text = re.sub(r"\s+", "", text)
    for ch in set(text):
        if ord(ch) not in _NORMALISED:
            _NORMALISED[ord(ch)] = normalise_char(ch)
    return text.translate(_NORMALISED)


def index_text(lines: list[str]) -> str:
    return normalise(display_text(lines))


def shard_of(bigram: str, shards: int) -> int:
    """Which sets/ file holds a bigram (the browser computes the same CRC32)."""
    return zlib.crc32(bigram.encode("utf-8")) % shards


def b36(n: int) -> str:
    if n < len(_B36_SMALL):
        return _B36_SMALL[n]
    return _b36(n)


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


_B36_SMALL = [_b36(n) for n in range(36 * 36)]


def _may_be_dense(count: int, total: int) -> bool:
    """Whether a bitmap could be shorter than the id list (only for sets of many reports)."""
    return count * 8 > total // 6


def encode_docs(docs, total: int) -> str:
    """A sorted id list as base-36 deltas, or "~" + a base64 bitmap when that is shorter.

    >>> encode_docs([3, 40], 100), encode_docs(list(range(0, 100, 2)), 100)
    ('3,11', '~VVVVVVVVVVVVVVVVBQ==')
    """
    small = _B36_SMALL
    deltas = list(map(int.__sub__, docs, [0, *docs[:-1]])) if len(docs) else []
    listed = ",".join([small[d] if d < 1296 else _b36(d) for d in deltas])
    if _may_be_dense(len(docs), total):
        bits = bytearray((total + 7) // 8)
        for d in docs:
            bits[d >> 3] |= 1 << (d & 7)
        bitmap = "~" + base64.b64encode(bytes(bits)).decode("ascii")
        if len(bitmap) < len(listed):
            return bitmap
    return listed


def decode_docs(text: str) -> list[int]:
    if text.startswith("~"):
        bits = base64.b64decode(text[1:])
        return [i * 8 + b for i, byte in enumerate(bits) for b in range(8) if byte >> b & 1]
    out, last = [], 0
    for part in text.split(","):
        last += int(part, 36)
        out.append(last)
    return out


def traditional_table() -> tuple[str, str]:
    """Every character OpenCC writes differently in Simplified, and its Simplified form."""
    trad, simp = [], []
    for code in range(*T2S_RANGE):
        ch = chr(code)
        s = to_simplified(ch)
        if s != ch and len(s) == 1:
            trad.append(ch)
            simp.append(s)
    return "".join(trad), "".join(simp)


def date_order(reports: list[dict]) -> list[dict]:
    """Reports newest first (undated last); ties keep catalogue order."""
    return sorted(reports, key=lambda r: r["date"] or "", reverse=True)


def year_of(date: str) -> str:
    return date[:4] if re.match(r"\d{4}", date or "") else ""


def data_script(name: str, payload) -> str:
    """One data file: a call of CALLBACK with the file's name and its JSON.

    JSON is a JavaScript expression; U+2028 and U+2029 are escaped for engines older than ES2019.
    >>> data_script("sets/3", {"公开": [1, "0"]})
    'fanwenSearchData("sets/3",{"公开":[1,"0"]});\\n'
    """
    return _script(name, json.dumps(payload, ensure_ascii=False, separators=(",", ":")))


def _script(name: str, body: str) -> str:
    """The data file around JSON already written (``body``)."""
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"{CALLBACK}({json.dumps(name)},{body});\n"


def read_data(path: Path):
    """The JSON of a data file written by data_script (for tests and the query below)."""
    text = path.read_text(encoding="utf-8")
    start = text.index(",") + 1
    return json.loads(text[start : text.rindex(")")])


def _write(out_dir: Path, name: str, payload) -> None:
    (out_dir / f"{name}.js").write_text(data_script(name, payload), encoding="utf-8")


def pack_text(shown: str) -> str:
    """A report's displayed text as stored: zlib-compressed UTF-8 in base64 (the browser
    inflates it with DecompressionStream("deflate"))."""
    return base64.b64encode(zlib.compress(shown.encode("utf-8"), 9)).decode("ascii")


def unpack_text(packed: str) -> str:
    return zlib.decompress(base64.b64decode(packed)).decode("utf-8")


def bigrams_of(norm: str) -> set[str]:
    """The bigrams of a normalised text, none across two lines."""
    grams: set[str] = set()
    for line in norm.split(SEPARATOR):
        grams.update(map(str.__add__, line, line[1:]))
    return grams


class _Postings:
    """bigram -> the ids of the reports holding it, in order, kept compact (4 bytes an id)
    while reports stream in."""

    def __init__(self) -> None:
        self.entries: dict[str, array] = {}

    def add(self, doc: int, grams: set[str]) -> None:
        entries = self.entries
        for g in grams:
            ids = entries.get(g)
            if ids is None:
                entries[g] = array("I", (doc,))
            else:
                ids.append(doc)


def build_index(reports: list[dict], texts: dict[str, list[str]], out_dir: Path,
                units: list[str], genres: list[str]) -> dict:
    """Write the index for these reports into out_dir (replacing any earlier one); return its figures."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    for sub in ("sets", "text", "t2s"):
        (out_dir / sub).mkdir(parents=True)
    ordered = date_order(reports)
    total = len(ordered)
    postings = _Postings()
    facets, years, rows = [], [], []
    for doc, r in enumerate(ordered):
        shown = display_text(texts.get(r["slug"], []))
        postings.add(doc, bigrams_of(normalise(shown)))
        unit, genre = units.index(r["unit_type"]), genres.index(r["genre"])
        facets.append(chr(0x30 + unit * len(genres) + genre))
        year = year_of(r["date"])
        if years and years[-1][0] == year:
            years[-1][1] += 1
        else:
            years.append([year, 1])
        rows.append([r["slug"], r["title"], unit, genre, r["date"], r["org"], shown.find(SEPARATOR) + 1,
                     pack_text(shown)])
    # reports a text file: as many as make PACK_BYTES on average (the same at any corpus size)
    average = sum(len(row[7]) + len(row[1]) * 3 + 80 for row in rows) / max(total, 1)
    pack = max(1, round(PACK_BYTES / max(average, 1)))
    packs = math.ceil(total / pack)
    for n in range(packs):
        _write(out_dir, f"text/{n}", rows[n * pack : (n + 1) * pack])
    text_bytes = sum(len(row[7]) for row in rows)
    del rows

    entries: dict[str, str] = {}
    for g in sorted(postings.entries):
        ids = postings.entries.pop(g)
        entries[g] = f'[{len(ids)},"{encode_docs(ids, total)}"]'
    set_bytes = sum(len(g.encode("utf-8")) + len(v) + 6 for g, v in entries.items())
    shards = max(1, math.ceil(set_bytes / SHARD_BYTES))
    by_shard: dict[int, list[str]] = {}
    for g, v in entries.items():
        by_shard.setdefault(shard_of(g, shards), []).append(f"{json.dumps(g, ensure_ascii=False)}:{v}")
    for n in range(shards):
        name = f"sets/{n}"
        (out_dir / f"{name}.js").write_text(_script(name, "{" + ",".join(by_shard.get(n, [])) + "}"), encoding="utf-8")

    buckets: dict[int, dict[str, str]] = {}
    for t, s in _t2s_map().items():
        buckets.setdefault(ord(t) >> T2S_SHIFT, {})[t] = s
    for n in range(T2S_RANGE[0] >> T2S_SHIFT, ((T2S_RANGE[1] - 1) >> T2S_SHIFT) + 1):
        _write(out_dir, f"t2s/{n}", dict(sorted(buckets.get(n, {}).items())))
    _write(out_dir, "facets", "".join(facets))
    _write(out_dir, "meta", {"format": FORMAT, "docs": total, "shards": shards, "pack": pack,
                             "separator": SEPARATOR, "units": units, "genres": genres, "years": years})
    return {"reports": total, "bigrams": len(entries), "shards": shards, "set_bytes": set_bytes,
            "packs": packs, "text_bytes": text_bytes}


def search(phrases: list[str], reports: list[dict], texts: dict[str, list[str]]) -> list[str]:
    """Reference implementation of a query, for tests: slugs of reports containing every phrase."""
    wanted = [normalise(p) for p in phrases if normalise(p)]
    out = []
    for r in reports:
        text = index_text(texts.get(r["slug"], []))
        if all(p in text for p in wanted):
            out.append(r["slug"])
    return out


def query_files(index: Path, phrases: list[str]) -> list[str]:
    """What the browser does for a query, in Python, for tests: slugs found, in result order.

    Reads only the files the browser reads: meta, the query's sets/ shards and the
    text/ packs of the candidates.
    """
    meta = read_data(index / "meta.js")
    phrases = [p for p in (normalise(p) for p in phrases) if p]
    if not phrases or any(len(p) < 2 for p in phrases):
        return []
    sets = []
    for p in phrases:
        for i in range(len(p) - 1):
            g = p[i : i + 2]
            shard = read_data(index / "sets" / f"{shard_of(g, meta['shards'])}.js")
            if g not in shard:
                return []
            sets.append(set(decode_docs(shard[g][1])))
    found = []
    for doc in sorted(set.intersection(*sets)):
        row = read_data(index / "text" / f"{doc // meta['pack']}.js")[doc % meta["pack"]]
        text = normalise(unpack_text(row[7]))
        if all(p in text for p in phrases):
            found.append(row[0])
    return found
