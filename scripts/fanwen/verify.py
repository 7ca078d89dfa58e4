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
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
import yaml
from bs4 import BeautifulSoup

from .curation import load_curation
from .model import Page
from .read import ReadError, decode, html_lines, looks_like_html, text_lines
from .text import fold
from .write import REMOVAL_LOG

# Shortest run of a raw line that may be found apart from the rest of it.
MIN_CHUNK = 6


@dataclass(frozen=True)
class Lost:
    source: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.text[:60]}"


def _visible_text(md_text: str) -> str:
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", md_text, re.S)
    meta, body = ({}, md_text) if not m else (yaml.safe_load(m.group(1)) or {}, m.group(2))
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


def check_nothing_lost(raw_dir: Path, out_dir: Path) -> list[Lost]:
    """Raw lines found neither in a written report nor in the removal log."""
    log = json.loads((out_dir / REMOVAL_LOG).read_text(encoding="utf-8"))
    curation = load_curation(raw_dir)
    reports: dict[str, list[str]] = {}
    for md in sorted(out_dir.glob("*.md")):
        text = md.read_text(encoding="utf-8")
        m = re.search(r"^source: (.+)$", text, re.M)
        if m:
            source = yaml.safe_load(m.group(1))
            reports.setdefault(str(source), []).append(_visible_text(text))
    lost: list[Lost] = []
    for source, entry in sorted(log.items()):
        path = raw_dir / source
        try:
            raw = _raw_lines(source, path.read_bytes())
        except (OSError, ReadError):
            continue
        corpus = fold("\n".join(reports.get(source, [])))
        removed = [r["text"] for r in entry["removed"]]
        substitutions = [(r["raw"], r["fixed"]) for r in entry["repaired"]]
        for rep in entry["reports"].values():
            removed += [r["text"] for r in rep["removed"]]
            substitutions += [(r["raw"], r["fixed"]) for r in rep["substituted"]]
            removed += rep.get("hidden_text", [])
        phrases = [*curation.redact, *(p for e in curation.reports.values() for p in e.get("redact", []))]
        fragments = sorted({fold(t) for t in removed if fold(t)}, key=len, reverse=True)
        for no, line in raw:
            for a, b in substitutions:
                line = line.replace(a, b)
            for p in phrases:
                line = line.replace(p, "")
            pieces = [fold(line)]
            for frag in fragments:
                pieces = [q for p in pieces for q in p.split(frag)]
            if not all(_covered(p, corpus) for p in pieces if p):
                lost.append(Lost(source, no, line))
    return lost
