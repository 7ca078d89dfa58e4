"""The search index: character bigrams with positions, sharded by bigram.

Chinese has no spaces between words, and word segmenters disagree with each
other (the same phrase is cut differently at index time and at query time).
Search engines match Chinese phrases exactly with character n-grams and their
positions (Lucene's CJK bigram filter, SQLite FTS5's trigram tokenizer). This
index does the same for a static site: for every pair of adjacent characters,
the reports and positions where it occurs. A phrase matches a report where all
its bigrams occur at consecutive positions, so recall and precision are exact.

Files under ``search-data/`` of the built site:
    meta.json          format, shard count, facet vocabularies, the T->S table
    docs.json          per report: slug, title, unit type, genre, date, org
    shards/NNN.json    bigram -> postings, for the bigrams hashing to NNN
    text/ID.json       the text of report ID as shown in excerpts

A posting list is a string "doc:pos,pos,…;doc:…" with doc ids and positions
delta-encoded in base 36: compact, and cheap to parse in the browser.
"""
from __future__ import annotations

import json
import re
import unicodedata
import zlib
from functools import lru_cache
from collections import defaultdict
from pathlib import Path

from .text import to_simplified

FORMAT = 1
SEPARATOR = "\u0001"  # between lines: a phrase never runs across two paragraphs
TARGET_BIGRAMS_PER_SHARD = 400


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


def normalise(text: str) -> str:
    """What is matched, character for character, so positions fit the displayed text.

    >>> normalise("公開　承諾 ABC１２３，")
    '公开承诺abc123,'
    """
    return "".join(normalise_char(ch) for ch in re.sub(r"\s+", "", text))


def index_text(lines: list[str]) -> str:
    return normalise(display_text(lines))


def shard_of(bigram: str, shards: int) -> int:
    """Which shard holds a bigram (the browser computes the same CRC32)."""
    return zlib.crc32(bigram.encode("utf-8")) % shards


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


def encode_postings(postings: list[tuple[int, list[int]]]) -> str:
    """[(doc, [positions])] -> "doc:pos,pos;…", all numbers delta-encoded in base 36.

    >>> encode_postings([(3, [10, 12]), (40, [0])])
    '3:a,2;11:0'
    """
    parts, last_doc = [], 0
    for doc, positions in postings:
        prev, deltas = 0, []
        for p in positions:
            deltas.append(_b36(p - prev))
            prev = p
        parts.append(f"{_b36(doc - last_doc)}:{','.join(deltas)}")
        last_doc = doc
    return ";".join(parts)


def traditional_table() -> tuple[str, str]:
    """Every character OpenCC writes differently in Simplified, and its Simplified form."""
    trad, simp = [], []
    for code in range(0x3400, 0xA000):
        ch = chr(code)
        s = to_simplified(ch)
        if s != ch and len(s) == 1:
            trad.append(ch)
            simp.append(s)
    return "".join(trad), "".join(simp)


def build_index(reports: list[dict], texts: dict[str, list[str]], out_dir: Path,
                units: list[str], genres: list[str]) -> dict:
    """Write the index for these reports (in catalogue order) into out_dir; return its figures."""
    out_dir.mkdir(parents=True, exist_ok=True)
    postings: dict[str, dict[int, list[int]]] = defaultdict(dict)
    docs = []
    (out_dir / "text").mkdir(exist_ok=True)
    for doc, r in enumerate(reports):
        text = index_text(texts.get(r["slug"], []))
        for i in range(len(text) - 1):
            bigram = text[i : i + 2]
            if SEPARATOR in bigram:
                continue
            postings[bigram].setdefault(doc, []).append(i)
        docs.append([r["slug"], r["title"], units.index(r["unit_type"]), genres.index(r["genre"]),
                     r["date"], r["org"], r["chars"]])
        shown = display_text(texts.get(r["slug"], []))
        (out_dir / "text" / f"{doc}.json").write_text(json.dumps(shown, ensure_ascii=False), encoding="utf-8")
    shards = max(1, min(4096, len(postings) // TARGET_BIGRAMS_PER_SHARD + 1))
    by_shard: dict[int, dict[str, str]] = defaultdict(dict)
    for bigram in sorted(postings):
        by_shard[shard_of(bigram, shards)][bigram] = encode_postings(sorted(postings[bigram].items()))
    (out_dir / "shards").mkdir(exist_ok=True)
    total = 0
    for n in range(shards):
        data = json.dumps(by_shard.get(n, {}), ensure_ascii=False, separators=(",", ":"))
        (out_dir / "shards" / f"{n}.json").write_text(data, encoding="utf-8")
        total += len(data.encode("utf-8"))
    trad, simp = traditional_table()
    meta = {"format": FORMAT, "shards": shards, "docs": len(docs), "units": units, "genres": genres,
            "separator": SEPARATOR, "t2s": [trad, simp]}
    (out_dir / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    (out_dir / "docs.json").write_text(json.dumps(docs, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {"reports": len(docs), "bigrams": len(postings), "shards": shards, "shard_bytes": total}


def search(phrases: list[str], reports: list[dict], texts: dict[str, list[str]]) -> list[str]:
    """Reference implementation of a query, for tests: slugs of reports containing every phrase."""
    wanted = [normalise(p) for p in phrases if normalise(p)]
    out = []
    for r in reports:
        text = index_text(texts.get(r["slug"], []))
        if all(p in text for p in wanted):
            out.append(r["slug"])
    return out
