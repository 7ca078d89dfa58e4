"""Related reports and near-duplicates (the same text reprinted by several sites).

Each report is fingerprinted by a sample of its 8-character shingles (those
whose CRC32 falls in one bucket of 8). Two reports sharing at least half of the
smaller one's fingerprint are near-duplicates; a smaller share makes them
related. An inverted index over the fingerprints finds the pairs without
comparing every report with every other, and shingles found in very many
reports (set phrases of the genre) are left out.
"""
from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict

from .text import to_simplified

SHINGLE = 8
SAMPLE = 8  # keep one shingle in SAMPLE
NEAR_DUPLICATE = 0.5
RELATED = 0.12
COMMON = 50  # a shingle in more reports than this is a set phrase, not evidence
MAX_RELATED = 6


def fingerprint(text: str) -> set[int]:
    """Sampled shingle hashes of a text (punctuation and spaces ignored)."""
    s = re.sub(r"[\W_]+", "", to_simplified(text))
    hashes = {zlib.crc32(s[i : i + SHINGLE].encode("utf-8")) for i in range(len(s) - SHINGLE + 1)}
    return {h for h in hashes if h % SAMPLE == 0}


def overlaps(prints: dict[str, set[int]]) -> dict[str, dict[str, float]]:
    """slug -> {other slug: share of the smaller fingerprint they have in common}."""
    index: dict[int, list[str]] = defaultdict(list)
    for slug in sorted(prints):
        for h in prints[slug]:
            index[h].append(slug)
    shared: dict[str, Counter] = defaultdict(Counter)
    for slugs in index.values():
        if 1 < len(slugs) <= COMMON:
            for a in slugs:
                for b in slugs:
                    if a != b:
                        shared[a][b] += 1
    out: dict[str, dict[str, float]] = {}
    for a, counts in shared.items():
        out[a] = {b: n / max(1, min(len(prints[a]), len(prints[b]))) for b, n in counts.items()}
    return out


def related_reports(reports: list[dict], texts: dict[str, str]) -> dict[str, list[tuple[str, float, bool]]]:
    """slug -> [(other slug, similarity, near duplicate?)], best first.

    Similar text first (near-duplicates marked), then reports of the same unit
    type that share the most practices (topic tags), newest first.
    """
    prints = {r["slug"]: fingerprint(texts.get(r["slug"], "")) for r in reports}
    sims = overlaps(prints)
    by_unit: dict[str, list[dict]] = defaultdict(list)
    for r in sorted(reports, key=lambda r: (r["date"], r["slug"]), reverse=True):
        by_unit[r["unit_type"]].append(r)
    out: dict[str, list[tuple[str, float, bool]]] = {}
    for r in reports:
        similar = sorted(((b, s) for b, s in sims.get(r["slug"], {}).items() if s >= RELATED),
                         key=lambda x: (-x[1], x[0]))
        chosen = [(b, round(s, 3), s >= NEAR_DUPLICATE) for b, s in similar[:MAX_RELATED]]
        taken = {r["slug"], *(b for b, _s, _d in chosen)}
        tags = set(r["tags"][2:])
        same_unit = [o for o in by_unit[r["unit_type"]] if o["slug"] not in taken]
        same_unit.sort(key=lambda o: -len(tags & set(o["tags"][2:])))
        for o in same_unit[: MAX_RELATED - len(chosen)]:
            chosen.append((o["slug"], 0.0, False))
        out[r["slug"]] = chosen
    return out
