"""The nothing-lost check: every non-blank line of readable raw text is in a report
or in the removal log.

It reads what the cleanup wrote (the Markdown files as a reader sees them,
their front matter, the removal log and the curation file) and re-reads the
raw pages; it does not trust the pipeline's own bookkeeping. Text is compared
in folded form (Simplified script, no spaces or punctuation), after the
character repairs the log records, so conversions do not count as losses.
"""
from __future__ import annotations

import json
from collections import Counter
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
import yaml
from bs4 import BeautifulSoup

from . import rules
from .curation import load_curation
from .model import Page
from .read import ReadError, decode, html_lines, looks_like_html, text_lines
from .text import fold as _fold
from .write import REMOVAL_LOG

# Rules that cut a span out of a line rather than drop the whole line (a shared document's
# chunk numbers "1、" "2、" are cut from inside its flattened lines too, and the second copy of
# each run of a fake-bold heading).
INLINE_RULES = frozenset(r.name for r in [*rules.chrome()["inline"], rules.chrome()["pinyin_toneless"]]) | {
    "document_chunk_number", "jammer", "bold_doubling"}

# Shortest run of a raw line that may be found apart from the rest of it.
MIN_CHUNK = 6


@dataclass(frozen=True)
class Lost:
    source: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.text[:60]}"


def fold(s: str) -> str:
    """The comparison form, with 着 and 著 as one (a Traditional report's 著 becomes 着); made
    one before the script conversion too, which reads "藉着" as a word ("借着") but not "藉著"."""
    return _fold(s.replace("着", "著")).replace("着", "著")


def _front_matter(md_text: str) -> tuple[dict, str]:
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", md_text, re.S)
    return ({}, md_text) if not m else (yaml.safe_load(m.group(1)) or {}, m.group(2))


def _visible_text(meta: dict, body: str) -> str:
    html = markdown.markdown(body, extensions=["admonition", "attr_list", "tables", "md_in_html"])
    parts = [BeautifulSoup(html, "html.parser").get_text("\n")]
    for value in meta.values():
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            parts.extend(str(v) for v in value)
    return "\n".join(parts)


def _raw_lines(source: str, data: bytes) -> list[tuple[int, str]]:
    """Every non-blank line of readable text in a raw file (HTML: its visible text)."""
    text, _enc = decode(data)
    if looks_like_html(text):
        page = Page(source=source, text=text, encoding="", is_html=True)
        lines = [(ln.no, ln.text) for ln in html_lines(text, page)]
        lines += [(0, r.text) for r in page.removed]
        return lines
    return [(ln.no, ln.text) for ln in text_lines(text)]


def _covered(piece: str, corpus: str) -> bool:
    """Is the folded piece in the corpus, whole or as consecutive chunks?

    Chunks (each at least MIN_CHUNK characters) allow for text a repair moved
    within the report (a page-break fragment put back where it belongs); a
    shorter rest must be found as it is.
    """
    while piece:
        if piece in corpus:
            return True
        k = len(piece) - 1
        while k >= MIN_CHUNK and piece[:k] not in corpus:
            k -= 1
        if k < MIN_CHUNK:
            return False
        piece = piece[k:]
    return True


def _close_over(folded: str, spans: Counter, from_end: bool = False) -> str:
    """The folded line with the spans cut out of it taken out, each as often as it was cut
    (in two rounds: a span may have been found only once another was cut, as a page
    stamp after the pinyin inside it). The log does not say which occurrence of a span
    was cut: the first ones, or with ``from_end`` the last ones."""
    left = Counter(spans)
    for _ in range(2):
        for span in sorted(left, key=len, reverse=True):
            n = min(left[span], folded.count(span))
            for _k in range(n):
                i = folded.rfind(span) if from_end else folded.find(span)
                folded = folded[:i] + folded[i + len(span):]
            left[span] -= n
    return folded


def _accounted(folded: str, fragments: list[str], corpus: str) -> bool:
    """Is every part of a folded raw line either a logged removal or in the reports?"""
    pieces = [folded]
    for frag in fragments:
        pieces = [q for p in pieces for q in p.split(frag)]
    return all(_covered(p, corpus) for p in pieces if p)


def check_nothing_lost(raw_dir: Path, out_dir: Path) -> list[Lost]:
    """Raw lines found neither in a written report nor in the removal log."""
    log = json.loads((out_dir / REMOVAL_LOG).read_text(encoding="utf-8"))
    curation = load_curation(raw_dir)
    reports: dict[str, list[str]] = {}
    # a report's title and subtitle as the page shows them: a line whose first words became
    # the title and the rest the text ("陆集中心学校:“疫”线有我 战“疫”无惧 一名党员…") is
    # whole when both are, however short the title
    headings: dict[str, set[str]] = {}
    for md in sorted(out_dir.glob("*.md")):
        text = md.read_text(encoding="utf-8")
        meta, body = _front_matter(text)
        if "source" in meta:
            source = meta["source"]
            reports.setdefault(str(source), []).append(_visible_text(meta, body))
            headings.setdefault(str(source), set()).update(
                fold(str(meta.get(k) or "")) for k in ("title", "subtitle"))
    lost: list[Lost] = []
    for source, entry in sorted(log.items()):
        path = raw_dir / source
        try:
            raw = _raw_lines(source, path.read_bytes())
        except (OSError, ReadError):
            continue
        corpus = fold("\n".join(reports.get(source, [])))
        # spans cut out of a line (pinyin after characters, a watermark): the text closes over them
        spans: dict[int, Counter] = {}
        for r in entry["removed"]:
            if r["rule"] in INLINE_RULES and fold(r["text"]):
                spans.setdefault(r["line"], Counter())[fold(r["text"])] += 1
        removed = [r["text"] for r in entry["removed"] if r["rule"] not in INLINE_RULES]
        substitutions = [(r["raw"], r["fixed"]) for r in entry["repaired"]]
        for rep in entry["reports"].values():
            removed += [r["text"] for r in rep["removed"]]
            substitutions += [(r["raw"], r["fixed"]) for r in rep["substituted"]]
            removed += rep.get("hidden_text", [])
        phrases = [*curation.redact, *(p for e in curation.reports.values() for p in e.get("redact", []))]
        fragments = sorted(({fold(t) for t in removed} | headings.get(source, set())) - {""}, key=len, reverse=True)
        for no, line in raw:
            for a, b in substitutions:
                line = line.replace(a, b)
            for p in phrases:
                line = line.replace(p, "")
            cut = spans.get(no, Counter())
            # the log does not say which occurrences of a span were cut: the first ones, the
            # last ones, or (a span also left standing in mid-line, as pinyin after a
            # mis-encoded letter "袑W(xué)") the pieces between all of them must be there
            # (or every occurrence of every span cut, as a span may hold another: a dateline
            # logged once its pinyin was out, "中國臺灣網(wǎng)11月13日…消息")
            every = Counter(dict.fromkeys(cut, len(line)))
            if not (any(_accounted(_close_over(fold(line), cut, end), fragments, corpus) for end in (False, True))
                    or (cut and _accounted(fold(line), fragments + sorted(cut, key=len, reverse=True), corpus))
                    or (cut and _accounted(_close_over(fold(line), every), fragments, corpus))):
                lost.append(Lost(source, no, line))
    return lost
