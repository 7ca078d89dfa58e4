"""Related reports and near-duplicates (the same text reprinted by several sites).

Each report is fingerprinted by a sample of its 8-character shingles (those
whose CRC32 falls in one bucket of 8). An inverted index over the fingerprints
finds the pairs that share text without comparing every report with every
other; shingles found in very many reports (set phrases of the genre) are left
out. A pair is a near-duplicate when most of the shorter report's paragraphs
(by length) reappear in the other: a paragraph reappears when at least half
of its shingles do. That holds for a reprint even when a site rewrote a few
words or added paragraphs of its own.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
import zlib
from array import array
from collections import Counter, OrderedDict, defaultdict
from itertools import combinations
from pathlib import Path

from .text import to_simplified
from .write import text_key, write_atomic

SHINGLE = 8
KEPT_SHINGLES = 64  # reports whose paragraph shingles are kept while their pairs are compared
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
    slugs = sorted(prints)
    index: dict[int, list[int]] = defaultdict(list)
    for i, slug in enumerate(slugs):
        for h in prints[slug]:
            index[h].append(i)
    shared: Counter = Counter()  # (i, j), i < j -> shingles in common; counted in C
    for members in index.values():
        if 1 < len(members) <= COMMON:
            shared.update(combinations(members, 2))
    sizes = [len(prints[slug]) for slug in slugs]
    out: dict[str, dict[str, float]] = {}
    for (i, j), n in sorted(shared.items()):
        share = n / max(1, min(sizes[i], sizes[j]))
        out.setdefault(slugs[i], {})[slugs[j]] = share
        out.setdefault(slugs[j], {})[slugs[i]] = share
    return out


def _shingles(text: str) -> set[str]:
    s = re.sub(r"[\W_]+", "", to_simplified(text))
    return {s[i : i + SHINGLE] for i in range(len(s) - SHINGLE + 1)}


def paragraph_share(paragraphs: list[str], other: list[str]) -> float:
    """Share (by length) of these paragraphs that reappear in the other text.

    >>> a = ["党支部书记亲自深入调查了解，对部分党员以个别谈话的模式重点进行了点评。",
    ...      "这一段文字只在第一篇材料里出现过，别的材料里都没有出现。"]
    >>> round(paragraph_share(a, ["党支部书记亲自深入调查了解，对部分党员以个别谈话的模式重点进行了点评和帮助。"]), 2)
    0.58
    """
    return _share([_shingles(p) for p in paragraphs], set().union(*(_shingles(p) for p in other)))


def _share(mine_by_paragraph: list[set[str]], theirs: set[str]) -> float:
    total = shared = 0
    for mine in mine_by_paragraph:
        if len(mine) < 12:  # headings and short lines prove nothing
            continue
        total += len(mine)
        if len(mine & theirs) * 2 >= len(mine):
            shared += len(mine)
    return shared / total if total else 0.0


class _Shingled:
    """Each report's paragraph shingles, made once while its pairs are compared (a report's
    pairs are compared one after the other) and kept for the last KEPT_SHINGLES reports:
    made again for every pair they took most of the time of the related reports at 1,000."""

    def __init__(self, texts: dict[str, list[str]]) -> None:
        self.texts = texts
        self.kept: OrderedDict[str, tuple[list[set[str]], set[str]]] = OrderedDict()

    def __call__(self, slug: str) -> tuple[list[set[str]], set[str]]:
        if slug in self.kept:
            self.kept.move_to_end(slug)
            return self.kept[slug]
        paragraphs = [_shingles(p) for p in self.texts.get(slug, [])]
        self.kept[slug] = (paragraphs, set().union(*paragraphs))
        if len(self.kept) > KEPT_SHINGLES:
            self.kept.popitem(last=False)
        return self.kept[slug]


def _memo_version() -> str:
    """What a stored fingerprint or pair decision depends on: this module and OpenCC."""
    import importlib.metadata as md

    return hashlib.sha256(Path(__file__).read_bytes() + md.version("opencc").encode()).hexdigest()[:16]


MEMO_VERSION = _memo_version()


class Memo:
    """What related_reports works out from one text (its fingerprint) or from two (whether
    they are near-duplicates), kept across builds in a file, keyed by the texts' hashes:
    a build after adding a report fingerprints that report and compares only its pairs.
    Entries this build did not use are not written back."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.prints: dict[str, set[int]] = {}
        self.pairs: dict[str, bool] = {}
        self._stored: dict = {"prints": {}, "pairs": {}}
        if path is not None and path.exists():
            try:
                stored = json.loads(path.read_text(encoding="utf-8"))
                if stored.get("version") == MEMO_VERSION:
                    self._stored = stored
            except (OSError, ValueError):
                pass

    def fingerprint(self, key: str, text: str) -> set[int]:
        if key not in self.prints:
            packed = self._stored["prints"].get(key)
            self.prints[key] = (set(array("I", base64.b64decode(packed))) if packed is not None
                                else fingerprint(text))
        return self.prints[key]

    def pair(self, key: str, decide) -> bool:
        if key not in self.pairs:
            stored = self._stored["pairs"].get(key)
            self.pairs[key] = bool(stored) if stored is not None else decide()
        return self.pairs[key]

    def save(self) -> None:
        if self.path is None:
            return
        if self.path.exists() and self.prints.keys() == self._stored["prints"].keys() \
                and self.pairs.keys() == self._stored["pairs"].keys():
            return  # nothing new and nothing unused: the file already holds exactly this
        data = {"version": MEMO_VERSION,
                "prints": {k: base64.b64encode(array("I", sorted(v)).tobytes()).decode("ascii")
                           for k, v in sorted(self.prints.items())},
                "pairs": {k: int(v) for k, v in sorted(self.pairs.items())}}
        write_atomic(self.path, json.dumps(data, separators=(",", ":")).encode("utf-8"))


def related_reports(reports: list[dict], texts: dict[str, list[str]],
                    memo: Memo | None = None) -> dict[str, list[tuple[str, float, bool]]]:
    """slug -> [(other slug, similarity, near duplicate?)], best first.

    Similar text first (near-duplicates marked), then reports of the same unit
    type that share the most practices (topic tags), newest first.
    """
    memo = memo or Memo()
    joined = {r["slug"]: "\n".join(texts.get(r["slug"], [])) for r in reports}
    keys = {slug: text_key(text) for slug, text in joined.items()}
    prints = {slug: memo.fingerprint(keys[slug], text) for slug, text in joined.items()}
    sims = overlaps(prints)
    chars = {r["slug"]: r["chars"] for r in reports}

    shingled = _Shingled(texts)

    def near_duplicate(a: str, b: str) -> bool:  # a pair is decided once, from either side
        short, long_ = sorted((a, b), key=lambda s: (chars[s], s))
        return memo.pair(f"{keys[short]}:{keys[long_]}",
                         lambda: _share(shingled(short)[0], shingled(long_)[1]) >= NEAR_DUPLICATE)
    units = _SameUnit(reports)
    out: dict[str, list[tuple[str, float, bool]]] = {}
    for r in reports:
        similar = sorted(((b, s) for b, s in sims.get(r["slug"], {}).items() if s >= RELATED),
                         key=lambda x: (-x[1], x[0]))
        chosen = [(b, round(s, 3), near_duplicate(r["slug"], b)) for b, s in similar[:MAX_RELATED]]
        taken = {r["slug"], *(b for b, _s, _d in chosen)}
        for slug in units.sharing_most_tags(r, taken, MAX_RELATED - len(chosen)):
            chosen.append((slug, 0.0, False))
        out[r["slug"]] = chosen
    return out


class _SameUnit:
    """The reports of each unit type, newest first, and for each of their tags (practices)
    the set of those holding it, as a bit mask over that order."""

    def __init__(self, reports: list[dict]) -> None:
        self.order: dict[str, list[str]] = defaultdict(list)
        self.bits: dict[str, dict[str, int]] = defaultdict(dict)
        for r in sorted(reports, key=lambda r: (r["date"], r["slug"]), reverse=True):
            unit = r["unit_type"]
            bit = 1 << len(self.order[unit])
            self.order[unit].append(r["slug"])
            masks = self.bits[unit]
            for tag in set(r["tags"][2:]):
                masks[tag] = masks.get(tag, 0) | bit

    def sharing_most_tags(self, r: dict, taken: set[str], wanted: int) -> list[str]:
        """Up to ``wanted`` reports of r's unit type not in ``taken``: most tags shared with r
        first, newest first among equals (a stable sort of the newest-first list by the
        number of shared tags, done with bit masks: sorting the whole list for every report
        took most of the related reports' time at 10,000)."""
        if wanted <= 0:
            return []
        unit, order = r["unit_type"], self.order[r["unit_type"]]
        # a binary counter per position, one bit plane per power of two: the tags shared
        planes: list[int] = []
        for tag in set(r["tags"][2:]):
            carry = self.bits[unit].get(tag, 0)
            for i, plane in enumerate(planes):
                planes[i], carry = plane ^ carry, plane & carry
                if not carry:
                    break
            if carry:
                planes.append(carry)
        every = (1 << len(order)) - 1
        some = 0
        for plane in planes:
            some |= plane
        levels = [every & ~some]  # no tag shared
        for count in range(1, 1 << len(planes)):
            mask = every
            for i, plane in enumerate(planes):
                mask &= plane if count >> i & 1 else ~plane
            levels.append(mask)
        out: list[str] = []
        for mask in reversed(levels):
            while mask and len(out) < wanted:
                low = mask & -mask
                slug = order[low.bit_length() - 1]
                if slug not in taken:
                    out.append(slug)
                mask ^= low
            if len(out) >= wanted:
                break
        return out
