"""Stage 5, structure: official-document numbering -> Markdown headings.

"一、" is level 2, "（一）" level 3, "1、"/"1." level 4, "（1）" level 5, and only
where the line is a heading, not a paragraph that happens to start with a
number. Headings keep their numbering. A heading glued to its paragraph is
cut off it.
"""
from __future__ import annotations

import re

from . import rules
from .model import Line
from .shapes import is_heading_text, numbering
from .text import CJK_RANGES, cjk_count

_SENTENCE = re.compile(r"^(.+?[。；;])(?=.)")
_TRAILING_HEADING = re.compile(
    r"^(?P<para>.*[。！？”])\s*(?P<head>(?:[一二三四五六七八九十]{1,3}[、．]|[（(][一二三四五六七八九十]{1,3}[）)])[^。！？；，,]{2,30})$"
)
_GLUED_AT_SPACE = re.compile(rf"^(?P<head>.{{4,60}}?[^\s，。、；：,])[ \u3000]+(?P<para>[{CJK_RANGES}“].+)$")


def split_glued_headings(lines: list[Line]) -> list[Line]:
    """Cut headings off the paragraphs they are glued to.

    >>> [ln.text for ln in split_glued_headings([Line("1、对班子成员的点评，重点围绕四个方面 一是组织抓好创先争优活动，推动本单位业务工作。", 1)])]
    ['1、对班子成员的点评，重点围绕四个方面', '一是组织抓好创先争优活动，推动本单位业务工作。']
    >>> [ln.text for ln in split_glued_headings([Line("在自身建设等方面做了一些工作，取得了一定的成绩。一、五年工作回顾", 1)])]
    ['在自身建设等方面做了一些工作，取得了一定的成绩。', '一、五年工作回顾']
    >>> [ln.text for ln in split_glued_headings([Line("二、开展“相聚在党旗下 奉献在发展中”主题活动。", 1)])]
    ['二、开展“相聚在党旗下 奉献在发展中”主题活动。']
    """
    out: list[Line] = []
    for ln in lines:
        s = ln.text
        m = _TRAILING_HEADING.match(s)
        if m and cjk_count(m.group("para")) >= 10 and numbering(m.group("head"))[0]:
            out += [Line(m.group("para"), ln.no), Line(m.group("head"), ln.no)]
            continue
        if numbering(s)[0]:
            m = _GLUED_AT_SPACE.match(s)
            if (m and is_heading_text(m.group("head")) and "。" not in m.group("head")
                    and cjk_count(m.group("para")) >= 20 and not _inside_quotes(m.group("head"))):
                out += [Line(m.group("head"), ln.no), Line(m.group("para"), ln.no)]
                continue
        out.append(ln)
    return out


def _inside_quotes(head: str) -> bool:
    """True when the space falls inside a quotation (an open “ without its ”)."""
    return head.count("“") > head.count("”")


def _lead_sentence(text: str) -> str:
    """The first sentence of a numbered paragraph, when more text follows it."""
    m = _SENTENCE.match(text)
    # a lead sentence with figures states a fact ("1、全年完成投资40亿元，…"), not a heading
    return m.group(1) if m and not re.search(r"\d", m.group(1)[2:]) else ""


def mark_headings(lines: list[Line]) -> list[Line]:
    """Mark numbered heading lines with their level; split run-in headings.

    Sibling items (same level, same parent section) are formatted alike, as an
    editor would: when most of them open with a short lead sentence ("2、创新激励
    机制。各单位…"), each item's lead sentence becomes its heading; when most are
    plain numbered paragraphs, they all stay paragraphs.

    >>> out = mark_headings([Line("一、点评模式灵活", 1), Line("2、创新激励机制。各单位注重与企业实际工作相结合，开展各种形式的激励活动。", 2),
    ...                      Line("3、完善制度，规范管理。各单位建立健全了各项制度。", 3)])
    >>> [(ln.kind, ln.level, ln.text) for ln in out]  # doctest: +NORMALIZE_WHITESPACE
    [('h', 2, '一、点评模式灵活'), ('h', 4, '2、创新激励机制。'),
     ('p', 0, '各单位注重与企业实际工作相结合，开展各种形式的激励活动。'), ('h', 4, '3、完善制度，规范管理。'),
     ('p', 0, '各单位建立健全了各项制度。')]
    """
    cfg = rules.structure()
    strict, loose = cfg["run_in_heading_max_chars"], cfg["run_in_heading_loose_chars"]
    levels = [numbering(ln.text)[0] if ln.kind == "p" else 0 for ln in lines]
    # sibling groups: same level, same parent (the last line of a higher level)
    group_of: dict[int, tuple[int, int]] = {}
    parent: dict[int, int] = {}
    for i, level in enumerate(levels):
        if level:
            group_of[i] = (level, max((parent[lv] for lv in parent if lv < level), default=-1))
            parent = {lv: idx for lv, idx in parent.items() if lv < level}
            parent[level] = i
    votes: dict[tuple[int, int], list[bool]] = {}
    for i, key in group_of.items():
        text = lines[i].text
        lead = _lead_sentence(text)
        votes.setdefault(key, []).append(is_heading_text(text) or (bool(lead) and cjk_count(lead) <= strict))
    out: list[Line] = []
    for i, ln in enumerate(lines):
        level = levels[i]
        if not level:
            out.append(ln)
            continue
        vote = votes[group_of[i]]
        # a short item among siblings that are mostly paragraphs is a paragraph too
        if is_heading_text(ln.text) and (len(vote) < 3 or sum(vote) * 2 >= len(vote)):
            out.append(Line(ln.text, ln.no, "h", level))
            continue
        limit = loose if sum(vote) * 2 >= len(vote) else strict
        lead = _lead_sentence(ln.text)
        if lead and cjk_count(lead) <= limit and sum(vote) * 2 >= len(vote):
            out += [Line(lead, ln.no, "h", level), Line(ln.text[len(lead):].strip(), ln.no)]
        else:
            out.append(ln)
    return out
