"""Stage 3, split: one page -> its reports.

Compilation pages mark each report ("第一篇:…", "篇一:", "范文第1篇"). Other
pages glue reports together with no marker at all; there a report starts at
its head (an organisation line and a title, or a title with a "----…经验交流材料"
subtitle) right after the previous one ended (a full stop, a date, a
distribution block). The "第一篇 …" lines of a contents list are not markers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import rules
from .chrome import is_body_line, line_key
from .dates import is_date_line
from .model import Line, Page, Removal, Report
from .shapes import (
    SENDS,
    byline, complete_title, is_cover_notice, is_distribution_line, is_distribution_start, is_org_name, is_salutation,
    is_signature, is_title_like, org_line, simple, subtitle_text,
)
from .text import cjk_count, cn_number, ends_sentence, fold


@dataclass(frozen=True)
class Marker:
    index: int
    number: int
    title: str
    weak: bool


def find_markers(lines: list[Line]) -> list[Marker]:
    """Report markers on a page, in order.

    >>> [(m.number, m.title) for m in find_markers([Line("第二篇:部门创先争优点评工作汇报", 1)])]
    [(2, '部门创先争优点评工作汇报')]
    """
    out = []
    for i, ln in enumerate(lines):
        key = simple(ln.text)
        for _name, rx, weak in rules.structure()["report_markers"]:
            m = rx.match(key)
            if m:
                title = m.group("title") or ""
                if len(key) == len(ln.text) and title:  # take the title as written
                    title = ln.text[m.start("title"): m.end("title")]
                number = m.group("n") or m.groupdict().get("nb") or m.groupdict().get("nc") or ""
                out.append(Marker(i, cn_number(number), strip_listing_count(title.strip()), weak))
                break
    return out


_LISTING_COUNT = re.compile(r"\s*[（(【\[]\s*(?:精选|推荐|通用|汇总|合集|集锦|优选|热门|最新|精编|优秀|实用|经典|范文|共)?"
                            r"\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*篇\s*[)）】\]]$")


def strip_listing_count(title: str) -> str:
    """A marker's title without the site's count of the page ("…致辞(汇总16篇)" -> "…致辞").

    >>> strip_listing_count("演讲比赛领导开场致辞（汇总16篇）")
    '演讲比赛领导开场致辞'
    """
    m = _LISTING_COUNT.search(simple(title))
    return title[: m.start()] if m and len(simple(title)) == len(title) else _LISTING_COUNT.sub("", title)


def document_contents(lines: list[Line], markers: list[Marker]) -> set[int]:
    """Line indices of a document's own contents list: entries with dot leaders and a
    page number, and the part markers standing over them ("第一篇" / "党支部的设置
    和职责 ......(1)"). They stay in the document; its parts are not reports.

    >>> lines = [Line(t, n) for n, t in enumerate(["第一篇", "党支部的设置 ........ (1)", "一、任务 ...... (2)"], 1)]
    >>> sorted(document_contents(lines, find_markers(lines)))
    [0, 1, 2]
    """
    entry = rules.structure()["contents_entry"]
    entries = {i for i, ln in enumerate(lines) if entry.search(ln.text)}
    if len(entries) < 2:
        return set()
    parts = {m.index for m in markers if {m.index, m.index + 1, m.index + 2} & entries}
    return entries | parts


_NUMBERED_ENTRY = re.compile(r"^\s*(?P<n>\d{1,2})\s*[.．、]\s*(?!\d)\S.{1,40}$")  # not a manual's "1.0 序言"


def _numbered_title_run(lines: list[Line], start: int) -> list[int]:
    """Indices of "1.区妇联年度工作总结(一)", "2.镇妇联年度工作总结", … under "目录": three or
    more titles numbered 1, 2, 3 in a row, none of them running text."""
    run = []
    for i in range(start, len(lines)):
        m = _NUMBERED_ENTRY.match(line_key(lines[i].text))
        if not m or int(m.group("n")) != len(run) + 1 or is_body_line(lines[i].text):
            break
        run.append(i)
    return run if len(run) >= 3 else []


_INLINE_CONTENTS = re.compile(r"^\s*目\s*录\s*[:：]?\s*1\s*[.．、].{2,40}?\s2\s*[.．、].{2,40}?\s3\s*[.．、]")


def compilation_contents(lines: list[Line]) -> set[int]:
    """Line indices of a compilation's contents: "目录" over three or more titles numbered
    1, 2, 3 (no page numbers: the site's list of the texts it holds), or the same list run
    into one line ("目录 1.… 2.… 3.…").

    >>> lines = [Line(t, n) for n, t in enumerate(["目录", "1.区妇联工作总结", "2.镇妇联工作总结", "3.街道工作总结", "X年，…"], 1)]
    >>> sorted(compilation_contents(lines))
    [0, 1, 2, 3]
    """
    heading = rules.structure()["contents_heading"]
    out: set[int] = set()
    for i, ln in enumerate(lines):
        if not ln.text.lstrip().startswith("目"):
            continue  # "目录", "目錄" (line_key converts script, which is slow: only where it may pay)
        key = line_key(ln.text)
        if _INLINE_CONTENTS.match(key):
            out.add(i)
        elif heading.match(key):
            run = _numbered_title_run(lines, i + 1)
            if run:
                out.update([i, *run])
    return out


def contents_indices(lines: list[Line], markers: list[Marker]) -> set[int]:
    """Line indices of a contents list: markers right after "目录", or two or more in a row.

    >>> lines = [Line(t, n) for n, t in enumerate(["目录", "第一篇 总则", "第二篇 分则", "正文"], 1)]
    >>> sorted(contents_indices(lines, find_markers(lines)))
    [0, 1, 2]
    """
    by_index = {m.index: m for m in markers}
    toc: set[int] = set()
    heading = rules.structure()["contents_heading"]
    for i, ln in enumerate(lines):
        if heading.match(ln.text):
            run = _marker_run(by_index, i + 1)
            if run:
                toc.update([i, *run])
    for m in markers:
        run = _marker_run(by_index, m.index)
        if len(run) >= 2:
            toc.update(run)
    return toc


def _marker_run(by_index: dict[int, Marker], start: int) -> list[int]:
    """Consecutive marker lines from ``start`` while their numbers go up (a restart
    at "第一篇" is where the document itself begins)."""
    run: list[int] = []
    j, last = start, 0
    while j in by_index and by_index[j].number > last:
        run.append(j)
        last = by_index[j].number
        j += 1
    return run


def _ends_report(s: str) -> bool:
    return (ends_sentence(s) or is_date_line(s) or is_distribution_line(s)
            or is_distribution_start(s) or is_signature(s))


def _closes_document(s: str) -> bool:
    return is_date_line(s) or is_distribution_line(s)


# A line wholly in brackets is a stage direction of a script ("（校长致辞）", "（教师代表发言）"),
# never a report's heading
_STAGE_DIRECTION = re.compile(r"^\s*[（(][^（()）]{2,30}[)）]\s*$")


# A photo's caption between a news item's paragraphs tells what someone did ("县政协主席陈会龙作
# 工作报告", "党委书记严想元讲话", "各支部书记述职汇报"): the act, where a report's own title
# names the text ("…在…会议上的讲话", "政府工作报告")
_CAPTION = re.compile(
    r"^(?:各|全体)[\u4e00-\u9fff]{1,12}(?:讲话|发言|致辞|汇报|述职|报告)$"
    r"|(?<=[\u4e00-\u9fff])(?<![工写制创合协操运劳])(?:作|做)(?:工作|述职|专题|总结|主题|典型|表态)?(?:报告|讲话|发言|汇报|述职|辅导|点评|动员|部署|总结)$"
    r"|^[\u4e00-\u9fff]{0,14}(?:书记|主席|主任|局长|院长|校长|县长|市长|区长|镇长|乡长|部长|经理|董事长|厂长|所长|处长|站长|馆长)"
    r"[\u4e00-\u9fff]{2,3}(?:同志)?(?:讲话|致辞|发言|点评)$")


def starts_report(lines: list[Line], i: int) -> bool:
    """Does an unmarked report start at line i (its head follows the previous report's end)?"""
    if i == 0 or not _ends_report(lines[i - 1].text):
        return False
    at = [ln.text for ln in lines[i : i + 3]] + ["", "", ""]
    s, nxt, nxt2 = at[0], at[1], at[2]
    if org_line(s) and is_title_like(nxt):
        return True
    if not is_title_like(s) or _STAGE_DIRECTION.match(s) or _CAPTION.search(line_key(s).strip()):
        return False
    if subtitle_text(nxt) or (is_title_like(nxt) and subtitle_text(nxt2)):
        return True
    head_follows = (is_body_line(nxt) or bool(org_line(nxt)) or is_org_name(nxt) or is_date_line(nxt)
                    or is_salutation(nxt) or any(byline(nxt)))
    if not head_follows:
        return False
    # after a dated or distributed document, a title line; or a whole report
    # title ("…的情况汇报", "…上的讲话") after a finished paragraph
    return _closes_document(lines[i - 1].text) or complete_title(s)


def _covers(chunk: list[Line], title: str) -> bool:
    """Is ``chunk`` a notice that sends out the document titled ``title`` (its addressees, a
    sentence or two, the sender and the date)? Then notice and document are one text.

    >>> notice = [Line(t, n) for n, t in enumerate(["关于印发2016年工作总结的通知", "各处室：",
    ...     "《2016年工作总结》已经主任办公会议通过，现予以下发，请贯彻执行。", "市卫生计生委", "2017年2月22日"])]
    >>> _covers(notice, "2016年工作总结"), _covers(notice, "2017年工作要点")
    (True, False)
    >>> bare = [Line(t, n) for n, t in enumerate(["纲要办发〔2018〕3号", "各成员单位：",
    ...     "现将《2018年全民科学素质行动工作要点》印发给你们。请认真贯彻落实。", "纲要办", "2018年3月19日"])]
    >>> _covers(bare, "2018年全民科学素质行动工作要点")
    True
    """
    head = next((ln.text for ln in chunk if ln.text.strip()), "")
    if len(fold(title)) < 6 or sum(cjk_count(ln.text) for ln in chunk) > 300:
        return False
    if is_cover_notice(head) and fold(title) in fold(head):
        return True
    # a notice printed without its heading: "现将《…工作要点》印发给你们" names the document
    sends = SENDS.search("".join(ln.text for ln in chunk))
    return bool(sends) and fold(sends.group("title")) == fold(title)



_ITEM_NUMBER_SUFFIX = re.compile(
    r"^(?P<title>.{4,60}?)\s*(?:范文|例文|之)?\s*(?:(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})|[（(](?P<nb>\d{1,2}|[一二三四五六七八九十]{1,3})[)）])\s*[:：]?$")
_YEAR_PREFIX = re.compile(r"^(?:19|20)\d\d\s*年?(?:度)?")


def numbered_items(lines: list[Line], page: Page) -> list[Marker]:
    """Items headed by the page's own title and a number ("关于春节回乡调研报告一",
    "教師節表彰大會發言稿1"): a compilation that numbers its items instead of marking them.

    The title must be one the page gives elsewhere: its listing heading, its <title>,
    the name in the editor's intro, or a line of its own above the item.
    """
    def key(t: str) -> str:
        return _YEAR_PREFIX.sub("", fold(simple(t)))

    known = {key(t) for t in (page.announced_label, page.title, page.intro_title) if t}
    out = []
    for i, ln in enumerate(lines):
        m = _ITEM_NUMBER_SUFFIX.match(simple(ln.text))
        if not m or is_body_line(ln.text):
            continue
        title = key(m.group("title"))
        above = {key(x.text) for x in lines[:i]}
        if len(title) >= 4 and (title in known or title in above):
            number = cn_number(m.group("n") or m.group("nb"))
            out.append(Marker(i, number, ln.text[: m.end("title")].strip(), False))
    return out


def _drop_contents(page: Page, lines: list[Line], indices: set[int]) -> list[Line]:
    """The lines without a contents list's, which are logged as removed."""
    for i in sorted(indices):
        page.removed.append(Removal("contents_list", lines[i].text, lines[i].no))
    return [ln for i, ln in enumerate(lines) if i not in indices]


def split_page(page: Page) -> list[Report]:
    """Cut the page's lines into reports (``source_part`` is the 1-based position)."""
    # a compilation's contents ("目录" and "1.区妇联年度工作总结(一)", "2.…"): the site's list
    lines = _drop_contents(page, page.lines, compilation_contents(page.lines))
    markers = find_markers(lines)
    if not markers:
        markers = numbered_items(lines, page)
    own_contents = document_contents(lines, markers)
    markers = [m for m in markers if m.index not in own_contents]
    toc = contents_indices(lines, markers)
    real = [m for m in markers if m.index not in toc]
    if real and all(m.weak for m in real) and toc:
        real = []  # "第一篇 总则" after a contents list: parts of one document
    if toc and real:
        lines = _drop_contents(page, lines, toc)
        found = find_markers(lines)
        own_contents = document_contents(lines, found)
        real = [m for m in found if m.index not in own_contents]
    chunks: list[tuple[Marker | None, list[Line]]] = []
    if real:
        pre = lines[: real[0].index]
        if pre and real[0].number >= 2 and any(is_body_line(ln.text) for ln in pre):
            chunks.append((None, pre))  # the first report carries no marker
        else:
            for ln in pre:
                page.removed.append(Removal("page_preamble", ln.text, ln.no))
        for k, m in enumerate(real):
            end = real[k + 1].index if k + 1 < len(real) else len(lines)
            chunks.append((m, lines[m.index + 1 : end]))
    else:
        starts = [0]
        for i in range(1, len(lines)):
            # a report ends only after some text of its own (not right after its head)
            if (starts_report(lines, i) and any(is_body_line(ln.text) for ln in lines[starts[-1] : i])
                    and not _covers(lines[starts[-1] : i], lines[i].text)):
                starts.append(i)
        for k, s in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(lines)
            chunks.append((None, lines[s:end]))
    reports: list[Report] = []
    for marker, chunk in chunks:
        if marker is not None and not chunk:
            # a marker with nothing after it: the page lists a report it does not hold
            page.removed.append(Removal("empty_report", lines[marker.index].text, lines[marker.index].no))
            page.warnings.append(f"“{lines[marker.index].text}” has no text after it")
            continue
        head = lines[marker.index] if marker is not None else None
        at = head.text.find(marker.title[:12]) if marker is not None and is_body_line(marker.title) else -1
        if at > 0:
            # "【篇1】 根据人大常委会工作要点安排，…": the marker, then the text's first paragraph
            chunk = [Line(head.text[at:], head.no, indent=head.indent), *chunk]
        rep = Report(source=page.source, part=len(reports) + 1, lines=list(chunk),
                     listing_title=marker.title if marker is not None and at <= 0 else "")
        if head is not None:
            rep.remove("report_marker", head.text[:at] if at > 0 else head.text, head.no)
        reports.append(rep)
    return reports
