"""A second opinion on a report's title, learned from the tune half of the real-page corpus.

The head rules (``describe.parse_head``) decide one line at a time. Written page by page,
they fit the pages they were written for better than pages nobody has seen: on the held
half of the corpus they get about one title in six wrong. This module looks at the same
head lines another way: every one of the first lines (and "no title at all") is a
candidate, described by a few dozen plain features (length, how it ends, whether it names
a genre, what the next line is, whether the page's ``<title>`` holds it …), and a linear
model learned from the tune half scores them (a conditional logit: the candidates of one
report compete in a softmax). ``tests/check_real.py --write-title-model`` learns it into
``rules/title_model.json``.

A second, smaller model of the same kind trims a title: a title line cut at its spaces and
marks, every run of whole pieces a candidate, what it keeps and what it drops described by
the same kind of features ("新闻动态 …", "… 下载本文", "2025-10-30 …").

The rules keep the last word unless the model prefers another candidate by a clear margin
(``margin`` in the model file): its log-odds against the rules' choice. The margin was
chosen on the tune half against the rules as they were *before* each tune page came in
(pages the rules had not yet been fitted to), never on the held half.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .chrome import COLUMN_NAME, is_body_line
from .dates import is_date_line
from .describe import _BRACKETED_TITLE, _TITLE_MARK, site_suffix, split_title_tail
from .shapes import (
    SENTENCE_OPENER, byline, complete_title, is_document_number, is_org_name, is_person_name, is_salutation,
    is_section_label,
    is_title_like, names_genre, numbering, org_and_title, org_line, subtitle_text,
)
from .logit import overrule
from .text import cjk_count, fold

MAX_CANDIDATES = 6  # the first lines a title may stand on
MAX_LINES = 12  # the lines read (the candidates, the lines after them, repeats)
_WORDS = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Context:
    """What the page says about a report besides its lines."""

    page_title: str = ""  # the page's <title> or listing title
    listing: str = ""  # the title a listing gave the report
    stamped: int = -1  # the number of the line the site stamped as its heading
    not_first: bool = False  # not the page's first report
    html: bool = False


@lru_cache(maxsize=8192)
def _key(s: str) -> str:
    return _WORDS.sub("", fold(s))


def same_title(a: str, b: str) -> bool:
    """The same words, whatever the punctuation, spacing and script."""
    return _key(a) == _key(b)


def normalize(line: str) -> str:
    """The title a line holds once what pages glue to titles is off: the text run on
    after it, an organisation before a colon, the site's name, a listing bullet, brackets.

    >>> normalize("◎关于开展主题教育的工作总结_范文网")
    '关于开展主题教育的工作总结'
    """
    s = line.strip()
    tail = split_title_tail(s)
    if tail:
        s = tail[0]
    org, title = org_and_title(s)
    if org:
        s = title
    suffix = site_suffix(s)
    if suffix:
        s = s[: len(s) - len(suffix)]
    mark = _TITLE_MARK.match(s)
    if mark and cjk_count(s[mark.end():]) >= 4:
        s = s[mark.end():]
    bracketed = _BRACKETED_TITLE.match(s)
    if bracketed:
        s = bracketed.group("title")
    return s.strip()


def candidates(lines: list[str]) -> list[tuple[str | None, int]]:
    """(title, line number in ``lines``) for each line that could hold the title; first
    (None, -1): the report has none."""
    out: list[tuple[str | None, int]] = [(None, -1)]
    for i, s in enumerate(lines[:MAX_CANDIDATES]):
        if cjk_count(s) >= 2 and len(s.strip()) <= 120:
            out.append((normalize(s), i))
    return out


def _bucket(n: int, edges: tuple[int, ...]) -> int:
    return next((e for e in edges if n <= e), 999)


_PREDICATES = (("complete", complete_title), ("genre", names_genre), ("titlelike", is_title_like),
               ("body", is_body_line), ("salut", is_salutation), ("date", is_date_line), ("org", is_org_name),
               ("section", is_section_label), ("docno", is_document_number))


@lru_cache(maxsize=4096)
def _line_features(s: str) -> tuple[str, ...]:
    """The features of one line (without a prefix saying which line it is)."""
    st = s.strip()
    f = [f"cjk{_bucket(cjk_count(s), (0, 2, 4, 6, 10, 16, 24, 32, 45, 80))}",
         f"len{_bucket(len(s), (4, 10, 20, 30, 45, 60, 100))}"]
    end = st.rstrip("”’\"'」』)）")
    if end[-1:] and end[-1] in "。！？!?；;…":
        f.append("end_stop")
    if end[-1:] and end[-1] in "，,、：:":
        f.append("end_comma")
    if st[:1] in ("“", "\"", "「"):
        f.append("quote_start")
    if "。" in st[:-1]:
        f.append("inner_stop")
    commas = st.count("，") + st.count(",")
    if commas:
        f.append(f"commas{min(commas, 3)}")
    for name, pattern in (("space", r"\s"), ("latin", r"[A-Za-z]{3,}"), ("digit", r"\d"),
                          ("bar", r"[|｜>»_]"), ("bracket", r"[【】\[\]]")):
        if re.search(pattern, st):
            f.append(name)
    if st:
        f.extend(name for name, test in _PREDICATES if test(st))
        if SENTENCE_OPENER.match(st):
            f.append("opener")
        if numbering(st)[0]:
            f.append("numbered")
        if any(byline(st)):
            f.append("byline")
        if subtitle_text(st):
            f.append("subtitle")
        if org_line(st):
            f.append("orgline")
    return tuple(f)


def features(cand: str | None, i: int, lines: list[str], line_nos: list[int], ctx: Context) -> dict[str, float]:
    """The features of one candidate (``i``: its line in ``lines``; -1 for no title)."""
    f: dict[str, float] = {}

    def add(prefix: str, s: str, keep=lambda k: True) -> None:
        for k in _line_features(s):
            if keep(k):
                f[prefix + k] = 1.0

    if cand is None:
        f["bias_none"] = 1.0
        if lines:
            add("none_first_", lines[0])
        if len(lines) > 1:
            add("none_second_", lines[1])
        if ctx.listing:
            f["none_listing"] = 1.0
        if ctx.not_first:
            f["none_notfirstrep"] = 1.0
        return f
    s = lines[i]
    f[f"pos{i}"] = 1.0
    add("c_", s)
    if cand != s.strip():
        f["normed"] = 1.0
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    add("n_", nxt)
    if not nxt:
        f["n_none"] = 1.0
    if i > 0:
        add("p_", lines[i - 1], lambda k: not k.startswith(("len", "cjk")))
        if any("titlelike" in _line_features(ln) for ln in lines[:i]):
            f["above_titlelike"] = 1.0
        if any("complete" in _line_features(ln) for ln in lines[:i]):
            f["above_complete"] = 1.0
    key = _key(cand)
    for name, other in (("in_ptitle", ctx.page_title), ("in_listing", ctx.listing)):
        other_key = _key(other)
        if key and other_key and (key in other_key or other_key in key):
            f[name] = 1.0
    if line_nos[i] == ctx.stamped:
        f["stamped"] = 1.0
    if key and sum(1 for ln in lines if _key(ln) == key) > 1:
        f["repeated"] = 1.0
    if ctx.not_first:
        f["notfirstrep"] = 1.0
    if ctx.html:
        f["html"] = 1.0
    return f


def second_opinion(model: dict, lines: list[str], line_nos: list[int], ctx: Context,
                   rule_title: str | None) -> tuple[tuple[str | None, int], tuple[str | None, int]] | None:
    """(the rules' candidate, the model's) when the model prefers another candidate than
    the rules' by more than the margin; None when the rules stand (their choice is not
    one of the candidates, or the model agrees, or it is not sure enough)."""
    lines, line_nos = lines[:MAX_LINES], line_nos[:MAX_LINES]
    cands = candidates(lines)
    rule_key = None if rule_title is None else _key(rule_title)
    ri = next((j for j, (c, _i) in enumerate(cands)
               if (c is None) == (rule_key is None) and (c is None or _key(c) == rule_key)), -1)
    if ri < 0:
        return None
    best = overrule(model["weights"], [features(c, i, lines, line_nos, ctx) for c, i in cands], ri, model["margin"])
    if best is None or _subtitle_of(cands[best], cands[ri]):
        return None
    return cands[ri], cands[best]


def _subtitle_of(cand: tuple[str | None, int], rules_cand: tuple[str | None, int]) -> bool:
    """A subtitle ("——在全市…推进会上的讲话") right under the rules' title describes that
    title: it never replaces it (it is the title only where nothing stands above it)."""
    (text, i), (rule_text, ri) = cand, rules_cand
    return text is not None and rule_text is not None and i == ri + 1 and bool(subtitle_text(text))


# --- the title's own furniture --------------------------------------------------------
#
# A title line may carry the site's words glued on with a space or a mark ("新闻动态 常村煤矿：…",
# "…工作总结 下载本文", "2025-10-30 2025年…总结"). The title is cut into segments at spaces and
# marks; every run of whole segments is a candidate, scored by what it keeps and what it
# drops, and the title keeps its whole wording unless a shorter run is clearly surer.

_SEPARATOR = re.compile(r"\s+|[|｜_]+|\s-\s|【|】|\[|\]|>|》(?=\S)|«|»")
MAX_SEGMENTS = 8
_SITE_WORD = re.compile(r"(?:网|站|频道|首页|栏目|专题|论坛|文库|范文|资料|公众号|新闻|资讯|动态|中心)$")
_FURNITURE_WORD = re.compile(r"来源|时间|发布|作者|通讯员|记者|编辑|授课|演讲人|收藏|下载|分享|打印|字体|阅读|浏览|点击|"
                             r"投稿|如题所述|版权|上传|引用|转载|跳到|跳转|复制|手机版|扫描|Flipbook|PDF|网$|\.com|\.cn")
_DATE_IN = re.compile(r"\d{4}[-/.年]\d{1,2}")


def segments(title: str) -> list[tuple[int, int]]:
    """(start, end) of each piece of the title between spaces and marks."""
    out, pos = [], 0
    for m in _SEPARATOR.finditer(title):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(title):
        out.append((pos, len(title)))
    return out


def spans(title: str) -> list[tuple[int, int]]:
    """(first, last) segment of every run of whole segments; none for a title of one piece."""
    n = len(segments(title))
    if not 2 <= n <= MAX_SEGMENTS:
        return []
    return [(a, b) for a in range(n) for b in range(a, n)]


@lru_cache(maxsize=4096)
def _part_features(s: str) -> tuple[str, ...]:
    f = [f"cjk{_bucket(cjk_count(s), (0, 2, 4, 6, 10, 20))}"]
    for name, hit in (("column", bool(COLUMN_NAME.match(s))), ("furn", bool(_FURNITURE_WORD.search(s))),
                      ("date", is_date_line(s) or bool(_DATE_IN.search(s))), ("siteword", bool(_SITE_WORD.search(s))),
                      ("latin", bool(re.search(r"[A-Za-z]{2,}", s))), ("digit", bool(re.search(r"\d", s))),
                      ("genre", names_genre(s)), ("complete", complete_title(s)), ("org", is_org_name(s)),
                      ("person", is_person_name(s)), ("colon_end", bool(re.search(r"[:：]$", s)))):
        if hit:
            f.append(name)
    return tuple(f)


def span_features(title: str, a: int, b: int) -> dict[str, float]:
    """The features of keeping segments ``a``..``b`` of the title (and dropping the rest)."""
    segs = segments(title)
    n = len(segs)
    span = title[segs[a][0]: segs[b][1]]
    f: dict[str, float] = {f"drop_start{min(a, 3)}": 1.0, f"drop_end{min(n - 1 - b, 3)}": 1.0}
    if a == 0 and b == n - 1:
        f["whole"] = 1.0
    f.update({"s_" + k: 1.0 for k in _part_features(span)})
    key = _key(span)
    for name, lo, hi, gap in (("pre_", 0, a - 1, (a - 1, a)), ("post_", b + 1, n - 1, (b, b + 1))):
        if lo > hi:
            continue
        part = title[segs[lo][0]: segs[hi][1]]
        f.update({name + k: 1.0 for k in _part_features(part)})
        between = title[segs[gap[0]][1]: segs[gap[1]][0]]
        f[name + ("sep_space" if between[:1].isspace() else "sep_mark")] = 1.0
        part_key = _key(part)
        if part_key and key and (part_key in key or key in part_key):
            f[name + "overlaps"] = 1.0
    return f


def trimmed(model: dict, title: str) -> tuple[str, list[str]] | None:
    """(the title, the pieces dropped) when a run of the title's segments is clearly surer
    than the whole; None when the whole stands."""
    weights = model.get("trim_weights")
    runs = spans(title)
    if not weights or not runs:
        return None
    segs = segments(title)
    best = overrule(weights, [span_features(title, a, b) for a, b in runs], runs.index((0, len(segs) - 1)), model["margin"])
    if best is None:
        return None
    a, b = runs[best]
    span = title[segs[a][0]: segs[b][1]]
    if cjk_count(span) < 2:
        return None
    return span, [p.strip() for p in (title[: segs[a][0]], title[segs[b][1]:]) if p.strip()]
