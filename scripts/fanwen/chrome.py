"""Stage 2, strip site chrome: the 范文 site's furniture around the reports.

The patterns live in ``rules/chrome.yaml``; this module applies them with
their scopes and keeps what they tell about the page (a report count, a
paywall that cut the text).
"""
from __future__ import annotations

from . import rules
from .model import Line, Page, Removal
from .text import cjk_count, cn_number, fold

def is_body_line(s: str) -> bool:
    """A line of running text (not a title, a menu or a button)."""
    return cjk_count(s) >= 30 and any(p in s for p in "，,。、；")


def match_line_rule(text: str, scope: str, disabled: frozenset[str] = frozenset()) -> rules.Rule | None:
    """The first whole-line chrome rule that applies to a line in this scope.

    >>> match_line_rule("首页 > 精品范文库 > 11号文库", "head").name
    'breadcrumb'
    >>> match_line_rule("共印20份", "head") is None
    True
    """
    for rule in rules.chrome()["line"]:
        if rule.scope not in ("anywhere", scope) or rule.name in disabled:
            continue
        m = rule.pattern.search(text)
        if m and (rule.name != "item_count" or _is_site_count(m.group("label"))):
            return rule
    return None


def _is_site_count(label: str) -> bool:
    """A count line is the site's, not the document's own ("共印20份", "附件3份")."""
    return not label.endswith(("共印", "印", "附件", "共", "计", "打印"))


def strip_inline_chrome(text: str, disabled: frozenset[str] = frozenset()) -> tuple[str, list[tuple[str, str]]]:
    """Cut chrome spans out of a line. Returns the line and (rule, removed text) pairs.

    >>> strip_inline_chrome("进一步提升综合井区现场管理水平。那一世范文网")
    ('进一步提升综合井区现场管理水平。', [('watermark', '那一世范文网')])
    >>> strip_inline_chrome("党员干部积极参与第2页共8页到活动中")
    ('党员干部积极参与到活动中', [('pdf_page_marker', '第2页共8页')])
    """
    removed: list[tuple[str, str]] = []
    for rule in rules.chrome()["inline"]:
        if rule.name in disabled or (rule.max_line_chars and len(text) > rule.max_line_chars):
            continue
        found = [m.group(0) for m in rule.pattern.finditer(text) if m.group(0).strip()]
        if found:
            removed.extend((rule.name, f) for f in found)
            text = rule.pattern.sub("", text)
    return text.strip(), removed


def strip_site_chrome(page: Page, disabled: frozenset[str] = frozenset()) -> None:
    """Drop chrome lines and spans from a page, logging each under its rule's name."""
    lines = page.lines
    body_idx = [i for i, ln in enumerate(lines) if is_body_line(ln.text)]
    first_body = body_idx[0] if body_idx else len(lines)
    last_body = body_idx[-1] if body_idx else -1
    kept: list[Line] = []
    for i, ln in enumerate(lines):
        scope = "head" if i < first_body else "tail" if i > last_body else "body"
        rule = match_line_rule(ln.text, scope, disabled)
        if rule is not None:
            page.removed.append(Removal(rule.name, ln.text, ln.no))
            _note_page_fact(page, rule, ln, kept)
            continue
        text, cut = strip_inline_chrome(ln.text, disabled)
        for name, frag in cut:
            page.removed.append(Removal(name, frag, ln.no))
        if text:
            kept.append(Line(text, ln.no))
    if not page.title and kept:
        first = kept[0].text
        if len(first) <= 50 and not is_body_line(first):
            page.title = first
    page.lines = _strip_tail(page, kept, disabled)


def _note_page_fact(page: Page, rule: rules.Rule, ln: Line, kept: list[Line]) -> None:
    if rule.name == "item_count":
        m = rule.pattern.search(ln.text)
        page.announced = cn_number(m.group("count"))
        page.announced_label = m.group("label")
    elif rule.name == "paywall":
        page.paywalled = True
        if kept:
            page.paywall_lines.append(kept[-1].no)


def _strip_tail(page: Page, lines: list[Line], disabled: frozenset[str]) -> list[Line]:
    """After the last paragraph: the site's related-article list and a repeat of the page title."""
    cfg = rules.chrome()
    related = cfg["related_list"]
    body_idx = [i for i, ln in enumerate(lines) if is_body_line(ln.text)]
    last_body = body_idx[-1] if body_idx else -1
    titles = {fold(page.title)} if page.title else set()
    cut = len(lines)
    # longest line from each position to the end: the related list holds only short ones
    longest_after = [0] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        longest_after[i] = max(longest_after[i + 1], len(lines[i].text))
    for i in range(last_body + 1, len(lines)):
        text = lines[i].text
        if (related.name not in disabled and related.pattern.search(text)
                and longest_after[i] <= cfg["related_max_chars"]):
            cut = i
            for ln in lines[i:]:
                page.removed.append(Removal(related.name, ln.text, ln.no))
            break
    lines = lines[:cut]
    while ("page_title_repeat" not in disabled and len(lines) - 1 > max(last_body, 0)
           and fold(lines[-1].text) in titles):
        page.removed.append(Removal("page_title_repeat", lines[-1].text, lines[-1].no))
        lines = lines[:-1]
    return lines
