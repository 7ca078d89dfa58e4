"""Grading the cleanup against hand-checked answer keys, as a reader sees the pages.

Shared by the seed answer key test, the unseen-style pages and the real-page
corpus (``check_real.py``). Text is compared in folded form: Simplified script
(OpenCC t2s), NFKC (full- and half-width punctuation equal), no whitespace.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import markdown
import yaml
from bs4 import BeautifulSoup

from fanwen.text import to_simplified

# How far from the start (end) of the body a report's first (last) phrase may stand.
WINDOW = 300


# Pinyin some sites print after characters ("創(chuàng)"): a reading aid, not the author's text.
# A key may quote a phrase as the page shows it, with the aid; it is compared without.
_PINYIN = re.compile(r"(?<=[\u3400-\u9fff])[(（]\s*(?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-zü]*|[a-zü]{1,6}[1-5])\s*[)）]")


# The cleanup writes a document number's year in 〔〕 as official documents do ("湛组通〔2003〕63号"),
# where a page may print [] or 【】: the same text
_BRACKETS = str.maketrans({"〔": "[", "〕": "]", "【": "[", "】": "]"})


def fold(s: str) -> str:
    """Compare-form: no reading aids, Simplified script (着 and 著 as one: a key may quote
    Traditional 著 that Mainland text writes 着), NFKC, no whitespace, one kind of square bracket."""
    s = to_simplified(_PINYIN.sub("", str(s)).replace("着", "著")).replace("着", "著")
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s)).translate(_BRACKETS)


def fold_title(s: str) -> str:
    return re.sub(r"[\W_]+", "", fold(s))


_ORG_PREFIX = re.compile(r"^[^:：]{2,20}[:：]\s*(?P<rest>.{4,})$")


def title_ok(got: str, acceptable: list[str]) -> bool:
    """The same title, or one that holds at least 70% of the other (a prefix dropped).
    A title written "组织：标题" also accepts 标题: the cleanup shows the organisation in
    the byline."""
    g = fold_title(got)
    forms = [*acceptable, *(m.group("rest") for m in map(_ORG_PREFIX.match, map(str, acceptable)) if m)]
    for a in map(fold_title, forms):
        short, long_ = sorted((g, a), key=len)
        if g == a or (short and short in long_ and len(short) / len(long_) >= 0.7):
            return True
    return False


def read_reports(out: Path) -> dict[str, list[dict]]:
    """Source file name -> its reports in page order, each with its front matter and the
    body text a reader sees (the H1 and the note boxes left out)."""
    by_src: dict[str, list[dict]] = {}
    for f in sorted(out.glob("*.md")):
        text = f.read_text(encoding="utf-8")
        m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
        if not m:
            continue
        meta = yaml.safe_load(m.group(1))
        if "source" not in meta:
            continue
        html = markdown.markdown(m.group(2), extensions=["admonition", "attr_list", "tables", "md_in_html"])
        soup = BeautifulSoup(html, "html.parser")
        for tag in soup.select("h1, .admonition"):
            tag.decompose()
        by_src.setdefault(meta["source"], []).append({"meta": meta, "body": soup.get_text("\n"), "file": f.name})
    for reps in by_src.values():
        reps.sort(key=lambda r: r["meta"]["source_part"])
    return by_src


def boundary_ok(body: str, first: str, last: str) -> tuple[bool, bool]:
    """Is the first phrase near the start of the body, the last one near its end?"""
    body, first, last = fold(body), fold(first), fold(last)
    return first in body[: WINDOW + len(first)], last in body[-(WINDOW + len(last)):]
