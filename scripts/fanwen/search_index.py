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
import hashlib
import json
import math
import re
import shutil
import sys
import unicodedata
import zlib
from array import array
from collections import deque
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path

from .text import to_simplified
from .write import text_key, write_atomic

try:
    import fcntl
except ImportError:  # (Windows: no lock; builds there are not run side by side by make)
    fcntl = None

FORMAT = 3
SEPARATOR = "\u0001"  # between lines: a phrase never runs across two paragraphs
SHARD_BYTES = 16384  # target size of one sets/ file: what a bigram's lookup costs, at any corpus size
FLUSH_ENTRIES = 256  # new cache entries are written in batches of this many (bounded memory)
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
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


@lru_cache(maxsize=4)
def _b36_table(size: int) -> list[str]:
    """b36(n) for every n below size: an id gap is looked up, not computed."""
    return [b36(n) for n in range(size)]


def _may_be_dense(count: int, total: int) -> bool:
    """Whether a bitmap could be shorter than the id list (only for sets of many reports)."""
    return count * 8 > total // 6


def encode_docs(docs, total: int) -> str:
    """A sorted id list as base-36 deltas, or "~" + a base64 bitmap when that is shorter.

    >>> encode_docs([3, 40], 100), encode_docs(list(range(0, 100, 2)), 100)
    ('3,11', '~VVVVVVVVVVVVVVVVBQ==')
    """
    table = _b36_table(max(total, 1296) + 1)
    listed = ",".join(map(table.__getitem__, map(int.__sub__, docs, chain((0,), docs))))
    if _may_be_dense(len(docs), total):
        # one ASCII digit a report, read as a binary number (report 0 the lowest bit): the bitmap
        digits = bytearray(b"0") * total
        deque(map(digits.__setitem__, docs, repeat(49)), maxlen=0)
        bits = int(digits[::-1], 2).to_bytes((total + 7) // 8, "little")
        bitmap = "~" + base64.b64encode(bits).decode("ascii")
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


class Grams:
    """Each report's bigrams (as ids into a vocabulary) and its stored text, worked out once per
    text and kept across builds in ``root`` (``.cache/search/``): a build after adding one report
    normalises, cuts and compresses only that report's text.

    The vocabulary (``vocab.txt``, one bigram a line) only grows, so an id keeps its bigram for
    as long as the folder lives; it is written before any entry that uses a new id, and a build
    holds a lock on the store (``search.lock`` beside it) from reading it to ``save``. Entries
    (``<2 hex>/<text hash>``, zlib) this build did not use are removed. Without ``root`` the same
    work is done in memory.
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self.grams: list[str] = []  # id -> bigram
        self.ids: dict[str, int] = {}
        self.used: set[str] = set()
        self.new: dict[str, bytes] = {}  # entries made by this build, not yet written
        self.hits = 0
        self._saved_grams = 0
        self._lock = None
        if root is not None:
            # one build at a time may use the store (make serve and make site may both run): the
            # ids of a vocabulary that grew in another build would name other bigrams
            root.parent.mkdir(parents=True, exist_ok=True)
            self._lock = open(root.parent / f"{root.name}.lock", "ab")
            if fcntl is not None:
                fcntl.flock(self._lock, fcntl.LOCK_EX)
            stamp = root / "version"
            try:
                if stamp.read_text(encoding="utf-8") == _cache_version():
                    self.grams = (root / "vocab.txt").read_bytes().decode("utf-8").split("\n")
                    self.grams = [] if self.grams == [""] else self.grams
            except (OSError, UnicodeDecodeError):
                self.grams = []
            self.ids = {g: i for i, g in enumerate(self.grams)}
            if len(self.ids) != len(self.grams) or any(len(g) != 2 for g in self.grams):
                self.grams, self.ids = [], {}
            self._saved_grams = self._written_grams = len(self.grams)
            self._fresh = not self._saved_grams

    def of(self, shown: str) -> tuple[array, str]:
        """The ids of the bigrams of a report's displayed text, and the text as stored (pack_text)."""
        key = text_key(shown) if self.root is not None else ""
        self.used.add(key)
        if self._saved_grams:
            try:
                data = zlib.decompress((self.root / key[:2] / key).read_bytes())
                count = int.from_bytes(data[:4], "little")
                ids = array("I")
                ids.frombytes(data[4 : 4 + 4 * count])
                if sys.byteorder != "little":
                    ids.byteswap()
                if not count or ids[-1] < self._saved_grams:
                    self.hits += 1
                    return ids, data[4 + 4 * count :].decode("ascii")
            except (OSError, ValueError, zlib.error):
                pass
        grams, index = bigrams_of(normalise(shown)), self.ids
        for g in sorted(grams.difference(index)):
            index[g] = len(self.grams)
            self.grams.append(g)
        ids = array("I", map(index.__getitem__, grams))
        packed = pack_text(shown)
        if self.root is not None:
            stored = array("I", sorted(ids))  # (sorted: the largest id last, checked on reading)
            if sys.byteorder != "little":
                stored.byteswap()
            self.new[key] = zlib.compress(len(ids).to_bytes(4, "little") + stored.tobytes() + packed.encode("ascii"), 1)
            if len(self.new) >= FLUSH_ENTRIES:
                self._flush()
        return ids, packed

    def _flush(self) -> None:
        """Write the vocabulary (when it grew), then the entries made since the last flush."""
        if self._fresh:  # an old or broken store: start afresh
            shutil.rmtree(self.root, ignore_errors=True)
            self._fresh = False
        if len(self.grams) > self._written_grams:
            write_atomic(self.root / "vocab.txt", "\n".join(self.grams).encode("utf-8"))
            write_atomic(self.root / "version", _cache_version().encode("utf-8"))
            self._written_grams = len(self.grams)
        for key, data in self.new.items():
            write_atomic(self.root / key[:2] / key, data)
        self.new.clear()

    def save(self, live: int) -> None:
        """Write the vocabulary, then the new entries; remove the entries this build did not use.

        ``live`` is how many bigrams this build's reports hold: once the vocabulary (which keeps
        the bigrams of removed reports too) is four times that, the store starts afresh."""
        if self.root is None:
            return
        try:
            if len(self.grams) > max(4 * live, 100_000):
                shutil.rmtree(self.root, ignore_errors=True)
                return
            self._flush()
            for path in self.root.glob("??/*"):
                if path.name not in self.used:
                    path.unlink()
        finally:
            self._lock.close()  # (closing releases the lock)


@lru_cache(maxsize=1)
def _cache_version() -> str:
    """What a stored entry depends on: the format, this module, OpenCC (Traditional -> Simplified)."""
    import importlib.metadata as md

    source = Path(__file__).read_bytes() + md.version("opencc").encode() + bytes([FORMAT])
    return hashlib.sha256(source).hexdigest()[:16]


def build_index(reports: list[dict], texts: dict[str, list[str]], out_dir: Path,
                units: list[str], genres: list[str], cache: Path | None = None) -> dict:
    """Write the index for these reports into out_dir (replacing any earlier one); return its figures.

    With ``cache`` (a folder), each report's bigrams and stored text are kept there across builds."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    for sub in ("sets", "text", "t2s"):
        (out_dir / sub).mkdir(parents=True)
    ordered = date_order(reports)
    total = len(ordered)
    grams = Grams(cache)
    postings: list[array] = []  # bigram id -> the reports holding it, in order (4 bytes an id)
    facets, years, rows = [], [], []
    for doc, r in enumerate(ordered):
        shown = display_text(texts.get(r["slug"], []))
        ids, packed = grams.of(shown)
        if len(postings) < len(grams.grams):
            postings.extend(array("I") for _ in range(len(grams.grams) - len(postings)))
        deque(map(array.append, map(postings.__getitem__, ids), repeat(doc)), maxlen=0)
        unit, genre = units.index(r["unit_type"]), genres.index(r["genre"])
        facets.append(chr(0x30 + unit * len(genres) + genre))
        year = year_of(r["date"])
        if years and years[-1][0] == year:
            years[-1][1] += 1
        else:
            years.append([year, 1])
        rows.append([r["slug"], r["title"], unit, genre, r["date"], r["org"], shown.find(SEPARATOR) + 1, packed])
    # reports a text file: as many as make PACK_BYTES on average (the same at any corpus size)
    average = sum(len(row[7]) + len(row[1]) * 3 + 80 for row in rows) / max(total, 1)
    pack = max(1, round(PACK_BYTES / max(average, 1)))
    packs = math.ceil(total / pack)
    for n in range(packs):
        _write(out_dir, f"text/{n}", rows[n * pack : (n + 1) * pack])
    text_bytes = sum(len(row[7]) for row in rows)
    del rows

    grams.save(sum(1 for ids in postings if ids))
    entries: dict[str, str] = {}
    for gid in sorted(range(len(postings)), key=grams.grams.__getitem__):
        ids = postings[gid]
        if ids:  # (a bigram of the vocabulary no report of this build holds has none)
            entries[grams.grams[gid]] = f'[{len(ids)},"{encode_docs(ids, total)}"]'
            postings[gid] = None
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
            "packs": packs, "text_bytes": text_bytes, "cached": grams.hits}


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
