"""The learned chrome line model: a second opinion on the lines the chrome rules kept.

Site furniture comes in endless words ("打印", "我的首页", "热度:39", "Follow", "pic") but in
few shapes: short, no sentence, at a page's head or tail or between paragraphs, words that
sites share. A logistic model reads those shapes off each line the rules kept (its length,
punctuation, digits and Latin letters, where it stands among the paragraphs, its character
pairs) and gives the odds that it is furniture. It is learned from the tune half of the
real-page corpus by ``tests/check_real.py --write-chrome-model``: the lines the rules took
and the lines the answer keys call chrome are furniture; the rest are text.

A line is dropped (``learned_chrome`` in the removal log) only inside a report's body, after
its head is read (a title or subtitle never goes), only when it is short, is no numbered
heading, no figure, placeholder or lead-in (``_KEEP``), and the odds clear the threshold in
``rules/chrome.yaml``.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from . import logit, rules
from .model import Page, Report
from .text import cjk_count, fold

_DIGIT = re.compile(r"\d+")
_LATIN = re.compile(r"[A-Za-z]+")
_SENTENCE_END = re.compile(r"[。！？!?；;][”’」』)）]?\s*$")
_DATE = re.compile(r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}")
_HEAD_CHARS = 40  # the pairs of a line's first (and last) characters: furniture is short
MAX_CJK = 30  # longer lines are text: the model never sees them
# what stays whatever the odds: figures alone (a table's cells, "2017-2018-2"), a name's
# placeholder ("xxx"), a line that introduces what follows ("曾先生：", "附件："), a heading
# numbered as sections are ("1.1 人事动态")
_KEEP = re.compile(r"[\d\s.,:/\-–—~%()（）|]+|[xX×＊*]+|.*[:：]\s*|\d+(?:\.\d+)+\s.*")


def candidate(text: str) -> bool:
    """A line the model may judge: short, no figure, placeholder or lead-in."""
    return cjk_count(text) < MAX_CJK and not _KEEP.fullmatch(text.strip())


def _bucket(n: int) -> str:
    return next((str(b) for b in (2, 4, 8, 12, 20, 30, 50, 80) if n <= b), "more")


def pairs(text: str) -> set[str]:
    """The line's character pairs, digits as 0 and Latin words as a, with ^ and $ at its ends.

    >>> sorted(pairs("热度:39"))
    ['0$', ':0', '^热', '度:', '热度']
    """
    s = _LATIN.sub("a", _DIGIT.sub("0", re.sub(r"\s+", " ", text.strip())))
    if len(s) <= _HEAD_CHARS:
        s = f"^{s}$"
        return {s[i:i + 2] for i in range(len(s) - 1)}
    head, tail = "^" + s[:_HEAD_CHARS // 2], s[-_HEAD_CHARS // 2:] + "$"
    return {t[i:i + 2] for t in (head, tail) for i in range(len(t) - 1)}


def page_features(texts: list[str], is_body: list[bool], only: list[int] | None = None) -> list[dict[str, float]]:
    """What the model reads of each line of a page (or of the lines ``only`` names): its
    shape, where it stands, its pairs."""
    body = [i for i, b in enumerate(is_body) if b]
    first, last = (body[0], body[-1]) if body else (len(texts), -1)
    seen = Counter(texts)
    out = []
    for i in range(len(texts)) if only is None else only:
        t = texts[i]
        n, size = cjk_count(t), len(t)
        f = {"bias": 1.0, f"cjk:{_bucket(n)}": 1.0, f"chars:{_bucket(size)}": 1.0}
        for name, on in (("sentence_end", _SENTENCE_END.search(t)), ("comma", "，" in t or "," in t),
                         ("body", is_body[i]), ("date", _DATE.search(t)), ("no_cjk", n == 0),
                         ("digits", size and sum(map(len, _DIGIT.findall(t))) / size > 0.2),
                         ("latin", size and sum(map(len, _LATIN.findall(t))) / size > 0.3),
                         ("bar", "|" in t or "｜" in t), ("colon", ":" in t or "：" in t),
                         ("space", " " in t.strip()), ("repeated", seen[t] > 1)):
            if on:
                f[name] = 1.0
        scope = "head" if i < first else "tail" if i > last else "body"
        prev = is_body[i - 1] if i else None
        nxt = is_body[i + 1] if i + 1 < len(texts) else None
        f[f"scope:{scope}"] = 1.0
        f[f"from_start:{min(i, 4)}"] = 1.0
        f[f"from_end:{min(len(texts) - 1 - i, 4)}"] = 1.0
        f[f"around:{scope}:{prev}:{nxt}"] = 1.0
        ps = pairs(t)
        scale = 1 / math.sqrt(max(1, len(ps)))
        f.update({f"p:{p}": scale for p in ps})
        out.append(f)
    return out


def odds(weights: dict[str, float], features: dict[str, float]) -> float:
    z = max(-30.0, min(30.0, logit.score(weights, features)))
    return 1 / (1 + math.exp(-z))


def mark_page(page: Page, is_body, ruled) -> None:
    """Score the lines the chrome rules kept; note the ones the model calls furniture
    (``page.learned_chrome``: line number -> the line as it stood, folded). A line that
    a chrome rule takes elsewhere on a page (``ruled``: "编者按" alone takes only at the
    head) was left here by the rules on purpose: the model does not overrule them."""
    model = rules.chrome_model()
    if model is None:
        return
    texts = [ln.text for ln in page.lines]
    only = [i for i, t in enumerate(texts) if candidate(t)]
    if not only:
        return
    threshold = rules.chrome()["learned_chrome_above"]
    for i, f in zip(only, page_features(texts, [is_body(t) for t in texts], only)):
        if odds(model["weights"], f) > threshold and not ruled(texts[i]):
            page.learned_chrome[page.lines[i].no] = fold(texts[i])


def drop_from_report(rep: Report, page: Page, keep) -> None:
    """Drop the body lines the model called furniture, when they still read as they did
    (no join or cut has made them part of a paragraph) and ``keep`` does not hold them
    (a numbered heading); never the report's last line of text."""
    if not page.learned_chrome:
        return
    kept = []
    for ln in rep.lines:
        marked = page.learned_chrome.get(ln.no)
        if marked is not None and marked == fold(ln.text) and ln.text.strip() and not keep(ln):
            rep.remove("learned_chrome", ln.text, ln.no)
        else:
            kept.append(ln)
    if any(ln.text.strip() for ln in kept):
        rep.lines = kept
