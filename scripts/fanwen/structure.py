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


def mark_headings(lines: list[Line]) -> list[Line]:
    """Mark numbered heading lines with their level; split run-in headings.

    >>> out = mark_headings([Line("一、点评模式灵活", 1), Line("2、创新激励机制。各单位注重与企业实际工作相结合，开展各种形式的激励活动。", 2),
    ...                      Line("1、组织会议集中点评，领导点评工作的基本模式是组织召开会议集中点评。一是组织召开了民主生活会。", 3)])
    >>> [(ln.kind, ln.level, ln.text) for ln in out]  # doctest: +NORMALIZE_WHITESPACE
    [('h', 2, '一、点评模式灵活'), ('h', 4, '2、创新激励机制。'),
     ('p', 0, '各单位注重与企业实际工作相结合，开展各种形式的激励活动。'),
     ('p', 0, '1、组织会议集中点评，领导点评工作的基本模式是组织召开会议集中点评。一是组织召开了民主生活会。')]
    """
    run_in_max = rules.structure()["run_in_heading_max_chars"]
    out: list[Line] = []
    for ln in lines:
        level, _num = numbering(ln.text)
        if not level or ln.kind != "p":
            out.append(ln)
            continue
        if is_heading_text(ln.text):
            out.append(Line(ln.text, ln.no, "h", level))
            continue
        m = _SENTENCE.match(ln.text)
        if m and cjk_count(m.group(1)) <= run_in_max and "，" not in m.group(1) and "," not in m.group(1):
            rest = ln.text[m.end(1):].strip()
            out += [Line(m.group(1), ln.no, "h", level), Line(rest, ln.no)]
            continue
        out.append(ln)
    return out
