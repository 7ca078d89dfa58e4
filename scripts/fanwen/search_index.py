"""The search index: which reports contain each character bigram, and in which chunk of their text.

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
2. Each report's text is cut into chunks of CHUNK characters, each carrying
   OVERLAP more characters of what follows, so a phrase of up to OVERLAP + 1
   characters lies whole inside one chunk. For every (bigram, report) the index
   keeps a mask of the chunks the bigram starts in.
3. The browser checks candidates in report order (newest first), a result page
   at a time: it downloads the chunks where the phrase's rarest bigram occurs
   and looks for the phrase in their text. A candidate is listed only when the
   phrase is really there, so every listed report is right, and once all
   candidates are checked the count is exact. The same chunk gives the excerpt,
   so a result costs about one small file, however large the library.

Files under ``search-data/`` of the built site (report ids are positions in
date order, newest first):
    meta.json           format, sizes, shard count, facet vocabularies, year runs
    facets.txt          one character per report: its unit type and genre
    t2s/N.json          Traditional -> Simplified for code points N * 512 ... N * 512 + 511
    sets/N.json         bigram -> [report count, reports, chunk masks | mask pages]
    masks/HEX.K.txt     chunk masks of a frequent bigram, MASK_PAGE reports a page
    chunks/ID/K.json    [slug, title, unit, genre, date, org, body start, chunks, chunk start, text]
"""
from __future__ import annotations

import base64
import json
import math
import re
import shutil
import unicodedata
import zlib
from functools import lru_cache
from pathlib import Path

from .text import to_simplified

FORMAT = 2
SEPARATOR = "\u0001"  # between lines: a phrase never runs across two paragraphs
CHUNK = 256  # characters a chunk advances by
OVERLAP = 32  # extra characters a chunk carries; phrases up to OVERLAP + 1 characters fit one chunk
SHARD_BYTES = 4096  # target size of one sets/ file: what a bigram's lookup costs, at any corpus size
INLINE_MASKS = 256  # a bigram in more reports than this keeps its masks in masks/ pages
MASK_PAGE = 1024  # reports per masks/ page
T2S_SHIFT = 9  # t2s/N.json holds the characters whose code point >> T2S_SHIFT is N
T2S_RANGE = (0x3400, 0xA000)  # where OpenCC has Traditional characters with one Simplified form
B32 = "0123456789abcdefghijklmnopqrstuv"


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


def encode_mask(mask: int) -> str:
    """Chunk numbers as a bit mask, five chunks a base-32 digit, lowest first (any length).

    >>> encode_mask(0b1), encode_mask(0b100001), encode_mask(1 << 12)
    ('1', '11', '004')
    """
    out = ""
    while mask:
        out += B32[mask & 31]
        mask >>= 5
    return out


def decode_mask(text: str) -> list[int]:
    """
    >>> decode_mask('11')
    [0, 5]
    """
    return [i * 5 + b for i, ch in enumerate(text) for b in range(5) if B32.index(ch) >> b & 1]


def _may_be_dense(count: int, total: int) -> bool:
    """Whether a bitmap could be shorter than the id list (only for sets of many reports)."""
    return count * 8 > total // 6


def encode_docs(docs: list[int], total: int) -> str:
    """A sorted id list as base-36 deltas, or "~" + a base64 bitmap when that is shorter.

    >>> encode_docs([3, 40], 100), encode_docs(list(range(0, 100, 2)), 100)
    ('3,11', '~VVVVVVVVVVVVVVVVBQ==')
    """
    deltas, last = [], 0
    for d in docs:
        deltas.append(b36(d - last))
        last = d
    listed = ",".join(deltas)
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


class _Postings:
    """bigram -> report ids and chunk masks, kept as compact text while reports stream in."""

    def __init__(self) -> None:
        self.entries: dict[str, list] = {}  # bigram -> [count, last id, ids bytearray, masks bytearray]
        self._masks: dict[int, bytes] = {}  # mask -> its encoding

    def add(self, doc: int, text: str) -> None:
        local: dict[str, int] = {}
        get = local.get
        for k in range(0, max(len(text) - 1, 0), CHUNK):
            seg = text[k : k + CHUNK + 1]
            bit = 1 << (k // CHUNK)
            for g in {a + b for a, b in zip(seg, seg[1:])}:
                local[g] = get(g, 0) | bit
        entries, masks = self.entries, self._masks
        for g, mask in local.items():
            if SEPARATOR in g:
                continue
            e = entries.get(g)
            code = masks.get(mask)
            if code is None:
                code = masks[mask] = encode_mask(mask).encode("ascii")
            if e is None:
                entries[g] = [1, doc, bytearray(b36(doc).encode("ascii")), bytearray(code)]
            else:
                e[2] += b"," + b36(doc - e[1]).encode("ascii")
                e[3] += b"," + code
                e[0] += 1
                e[1] = doc


def build_index(reports: list[dict], texts: dict[str, list[str]], out_dir: Path,
                units: list[str], genres: list[str]) -> dict:
    """Write the index for these reports into out_dir (replacing any earlier one); return its figures."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    ordered = date_order(reports)
    total = len(ordered)
    postings = _Postings()
    facets, years = [], []
    chunk_files = 0
    for doc, r in enumerate(ordered):
        shown = display_text(texts.get(r["slug"], []))
        norm = normalise(shown)
        postings.add(doc, norm)
        unit, genre = units.index(r["unit_type"]), genres.index(r["genre"])
        facets.append(chr(0x30 + unit * len(genres) + genre))
        year = year_of(r["date"])
        if years and years[-1][0] == year:
            years[-1][1] += 1
        else:
            years.append([year, 1])
        starts = range(0, max(len(shown), 1), CHUNK)
        head = [r["slug"], r["title"], unit, genre, r["date"], r["org"], shown.find(SEPARATOR) + 1, len(starts)]
        folder = out_dir / "chunks" / str(doc)
        folder.mkdir(parents=True)
        for k, start in enumerate(starts):
            data = json.dumps(head + [start, shown[start : start + CHUNK + OVERLAP]],
                              ensure_ascii=False, separators=(",", ":"))
            (folder / f"{k}.json").write_text(data, encoding="utf-8")
            chunk_files += 1

    entries: dict[str, str] = {}
    (out_dir / "masks").mkdir()
    mask_pages = 0
    for g in sorted(postings.entries):
        count, _, ids, masks = postings.entries.pop(g)
        docs = ids.decode("ascii")
        if _may_be_dense(count, total):
            docs = encode_docs(decode_docs(docs), total)
        if count <= INLINE_MASKS:
            tail = json.dumps(masks.decode("ascii"))
        else:
            parts = masks.decode("ascii").split(",")
            pages = math.ceil(count / MASK_PAGE)
            name = g.encode("utf-8").hex()
            for k in range(pages):
                (out_dir / "masks" / f"{name}.{k}.txt").write_text(
                    ",".join(parts[k * MASK_PAGE : (k + 1) * MASK_PAGE]), encoding="ascii")
            mask_pages += pages
            tail = str(pages)
        entries[g] = f"[{count},{json.dumps(docs)},{tail}]"
    set_bytes = sum(len(g.encode("utf-8")) + len(v) + 6 for g, v in entries.items())
    shards = max(1, math.ceil(set_bytes / SHARD_BYTES))
    by_shard: dict[int, list[str]] = {}
    for g, v in entries.items():
        by_shard.setdefault(shard_of(g, shards), []).append(f"{json.dumps(g, ensure_ascii=False)}:{v}")
    (out_dir / "sets").mkdir()
    for n in range(shards):
        (out_dir / "sets" / f"{n}.json").write_text("{" + ",".join(by_shard.get(n, [])) + "}", encoding="utf-8")

    (out_dir / "t2s").mkdir()
    buckets: dict[int, dict[str, str]] = {}
    for t, s in _t2s_map().items():
        buckets.setdefault(ord(t) >> T2S_SHIFT, {})[t] = s
    for n in range(T2S_RANGE[0] >> T2S_SHIFT, ((T2S_RANGE[1] - 1) >> T2S_SHIFT) + 1):
        (out_dir / "t2s" / f"{n}.json").write_text(
            json.dumps(buckets.get(n, {}), ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    (out_dir / "facets.txt").write_text("".join(facets), encoding="utf-8")
    meta = {"format": FORMAT, "docs": total, "shards": shards, "chunk": CHUNK, "overlap": OVERLAP,
            "mask_page": MASK_PAGE, "separator": SEPARATOR,
            "units": units, "genres": genres, "years": years}
    (out_dir / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {"reports": total, "bigrams": len(entries), "shards": shards, "set_bytes": set_bytes,
            "chunks": chunk_files, "mask_pages": mask_pages}


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

    Reads only the files the browser reads: meta, the query's sets/ shards, the
    masks of each phrase's rarest bigram, and the chunks they point to.
    """
    meta = json.loads((index / "meta.json").read_text(encoding="utf-8"))
    phrases = [p for p in (normalise(p) for p in phrases) if p]
    if not phrases or any(len(p) < 2 for p in phrases):
        return []
    info: dict[str, tuple[int, list[int], str | int]] = {}
    for p in phrases:
        for i in range(len(p) - 1):
            g = p[i : i + 2]
            shard = json.loads((index / "sets" / f"{shard_of(g, meta['shards'])}.json").read_text(encoding="utf-8"))
            if g not in shard:
                return []
            count, docs, masks = shard[g]
            info[g] = (count, decode_docs(docs), masks)
    candidates = set.intersection(*(set(v[1]) for v in info.values()))
    found = []
    for doc in sorted(candidates):
        if all(_verify(index, meta, doc, p, info) for p in phrases):
            found.append(json.loads((index / "chunks" / str(doc) / "0.json").read_text(encoding="utf-8"))[0])
    return found


def _verify(index: Path, meta: dict, doc: int, phrase: str, info: dict) -> bool:
    grams = [(phrase[i : i + 2], i) for i in range(len(phrase) - 1)]
    g, j = min(grams, key=lambda t: info[t[0]][0])
    count, docs, masks = info[g]
    rank = docs.index(doc)
    if isinstance(masks, int):
        page = (index / "masks" / f"{g.encode('utf-8').hex()}.{rank // meta['mask_page']}.txt").read_text()
        mask = page.split(",")[rank % meta["mask_page"]]
    else:
        mask = masks.split(",")[rank]
    for k in decode_mask(mask):
        lo = max(0, k - 1) if j else k
        hi = k + max(0, math.ceil((len(phrase) - j - meta["overlap"] - 1) / meta["chunk"]))
        text = ""
        for c in range(lo, hi + 1):
            path = index / "chunks" / str(doc) / f"{c}.json"
            if not path.exists():
                break
            chunk = json.loads(path.read_text(encoding="utf-8"))
            text = text[: (c - lo) * meta["chunk"]] + chunk[9]
        if phrase in normalise(text):
            return True
    return False
