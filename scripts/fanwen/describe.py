"""Stage 6, describe: read a report's head and closing into metadata.

Head: organisation line, title (possibly broken over two lines), subtitle,
byline (organisation or position and a person), date; repeats of the title
are dropped. Closing: the signature, the date and the distribution block of
an official document. What is left between them is the body.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from .chrome import COLUMN_NAME, is_body_line
from .dates import is_date_line, parse_date, split_trailing_date
from .model import Line, Report
from .shapes import (
    GLUED_CREDIT, SENDS, author_field, byline, complete_title, reporter_credit, is_distribution_line, is_document_number, is_distribution_start, is_org_name, is_person_name, is_salutation, is_section_label,
    SENTENCE_CLOSE, SENTENCE_OPENER, is_signature, is_title_like, names_genre, numbering, runs_on, org_and_title, org_line, simple, subtitle_text,
    title_ends,
)
from . import rules
from .text import Lexicon, cjk_count, compact, ends_sentence, fold, is_cjk, to_simplified

MAX_HEAD_LINES = 8
_BRACKETED = re.compile(r"^[（(][^（）()]{4,60}[）)]$")
MAX_CLOSING_LINES = 10


def join_title(parts: list[str]) -> str:
    """Join a title broken over lines: directly inside a quotation or after a comma,
    with a space between two complete phrases.

    >>> join_title(["发挥“党旗下的蒲公英”品牌效应助推“创先", "争优”活动显实效"])
    '发挥“党旗下的蒲公英”品牌效应助推“创先争优”活动显实效'
    >>> join_title(["以创先争优活动为契机", "推动企业党建工作创新"])
    '以创先争优活动为契机 推动企业党建工作创新'
    """
    out = parts[0].strip()
    for p in parts[1:]:
        p = p.strip()
        open_quote = out.count("“") > out.count("”") or out.count("《") > out.count("》")
        # a long first line was broken by the page width, not between two phrases
        if open_quote or runs_on(out) or not is_cjk(out[-1:]) or len(p) <= 3 or len(compact(out)) >= 18:
            out += p
        else:
            out += " " + p
    return out


def _same(a: str, b: str) -> bool:
    return bool(a) and fold(a) == fold(b)


def _near_same(a: str, b: str) -> bool:
    """Two wordings of one title, a character or two apart (not the same, not two titles).

    >>> _near_same("党旗，在煤海中高高飘扬", "党旗，在煤海高高飘扬"), _near_same("创先争优激活力", "夯实基础促发展")
    (True, False)
    >>> _near_same("校长年度述职报告：我们一直在努力", "校长年度：我们一直在努力")
    True
    """
    fa, fb = fold(a), fold(b)
    if fa.startswith(fb) or fb.startswith(fa):
        return False  # one runs on where the other stops: an author glued on, or half a title
    if min(len(fa), len(fb)) < 6:
        return False
    return SequenceMatcher(None, fa, fb).ratio() >= 0.85 or _shortened(fb, fa) or _shortened(fa, fb)


def _shortened(short: str, long_: str) -> bool:
    """The title with a word or two left out ("校长年度：我们一直在努力" of
    "校长年度述职报告：我们一直在努力"): every character of it in order, 70% of the length."""
    if len(short) >= len(long_) or len(short) < 0.7 * len(long_):
        return False
    it = iter(long_)
    return all(ch in it for ch in short)


def _credit(s: str) -> tuple[str, str]:
    """(the rule, the names) of a line that credits the writers: a newspaper's credit ("本报记者
    杨晓斌") or a site's author field ("作者：郝雅静"); ("", "") for any other line. The names go
    to the report's author, the line to the removal log: neither text nor byline."""
    names = reporter_credit(s)
    if names:
        return "reporter_credit", names
    names = author_field(s)
    return ("author_field", names) if names else ("", "")


def parse_head(rep: Report, stamped_heading: int = -1, lexicon: Lexicon | None = None) -> None:
    """Take the head lines off ``rep.lines`` into ``rep.meta``. ``stamped_heading``: the
    number of the line a site printed its publish stamp under (the article's heading);
    ``lexicon``: the page's character pairs, to see a heading broken inside a word."""
    lines = rep.lines
    meta = rep.meta
    title_parts: list[str] = []
    title_nos: list[int] = []
    head: list[str] = []  # organisation, byline and date lines, as written
    title_done = False
    title_repeated = False  # the title line came twice: the page's heading, if another title follows
    i = 0
    while i < min(len(lines), MAX_HEAD_LINES):
        s = lines[i].text
        no = lines[i].no
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        long_title = not title_parts and (is_long_title(s, nxt) or (no == stamped_heading and (
            is_title_like(s) or (cjk_count(s) >= 6 and len(s) <= 100 and not SENTENCE_CLOSE.search(s)))))
        if (lexicon is not None and len(title_parts) == 1 and not title_done and s.strip()
                and _broken_inside_word(title_parts[0], s.strip(), lexicon)):
            # "在全县经" / "济工作会议上的讲话", "…个人对照检" / "查材料": a heading broken inside a
            # word (经济, 检查: pairs the text uses elsewhere), whole only when joined
            title_parts, title_nos = [title_parts[0].rstrip() + s.strip()], [*title_nos, no]
            i += 1
            continue
        rule, credited = _credit(s)
        if rule and not title_parts:
            # "《人民日报》记者张永恒" over the text of a page that prints no heading: the credit,
            # never the title
            rep.remove(rule, s, no)
            meta.setdefault("author", credited)
            i += 1
            continue
        numbered_title = _numbered_title(s) if not title_parts and i == 0 else ""
        if numbered_title:
            # "3、小学教师两学一做学习心得": the item number of a paginated compilation
            rep.remove("report_marker", s[: len(s) - len(numbered_title)], no)
            title_parts, title_nos = [numbered_title], [no]
            i += 1
            continue
        bracketed = _BRACKETED_TITLE.match(s)
        if (not title_parts and bracketed and not _BRACKETED_CREDIT.search(simple(bracketed.group("title")))
                and (is_salutation(bracketed.group("rest")) or is_body_line(bracketed.group("rest")))):
            # "【2020中学开学典礼主持词】尊敬的各位领导、老师：", "【什么是派出所】派出所是公安机关最基层的…":
            # the title in brackets, then the text
            title_parts, title_nos = [bracketed.group("title")], [no]
            lines[i] = Line(bracketed.group("rest"), no, indent=lines[i].indent)
            title_done = True
            continue
        tail = split_title_tail(s) if not title_parts else None
        if tail:
            # "…工作总结 市统计局 2023年5月1日", "…上的讲话 同志们：": the heading, then its next
            # line run onto it
            title_parts, title_nos = [tail[0]], [no]
            lines[i] = Line(tail[1], no, indent=lines[i].indent)
            if _same(*tail):
                rep.remove("duplicate_title", tail[1], no)
                i += 1
            continue
        cut = _title_run_into_text(s) if not title_parts else 0
        if cut:
            # "××区 20xx 年食品安全宣传周活动总结为动员全社会关心、": the heading, then the text's
            # first words, on a line the page broke inside a sentence
            title_parts, title_nos = [s[:cut].strip()], [no]
            lines[i] = Line(s[cut:].strip(), no, indent=lines[i].indent)
            break
        if is_salutation(s) or numbering(s)[0] or (is_body_line(s) and not long_title) or len(s) > 80:
            break
        if not title_parts and is_section_label(s):
            break  # "引言", "摘要": the text's first section, no title
        if not title_parts and SENTENCE_OPENER.match(s) and not complete_title(s):
            break  # "根据2003年初制定的工作计划": the first sentence, broken off by the page
        if (not title_parts and SENTENCE_CLOSE.search(s) and not is_salutation(s)
                and not (rep.listing_title and _same(rep.listing_title, s))):
            break  # "近日，我县召开…会议。", "一是加强政治建设。": a sentence; titles end in words
        if (not title_parts and _GENRE_LABEL.match(to_simplified(s)) and not (head and i and head[-1] == lines[i - 1].text)
                and any(complete_title(to_simplified(ln.text)) and cjk_count(ln.text) >= 6 for ln in lines[i + 1: i + 5])):
            # "演讲辞" over "…三期大楼落成庆典致词": the site's column, the report's heading below it
            rep.remove("head_decoration", s, no)
            i += 1
            continue
        if not title_parts and COLUMN_NAME.match(s) and cjk_count(s) <= 8 and is_body_line(nxt) and not complete_title(s):
            # "工作动态" over the text of a page with no heading: the site's column, no title
            rep.remove("head_decoration", s, no)
            i += 1
            continue
        if _LABEL_NUMBER.match(s):
            # "网站访问人数: 139258829", "股票代码 600016", "教育部代码:12616" in the head: a
            # counter or a registration code, never half of a heading
            rep.remove("head_decoration", s, no)
            i += 1
            continue
        if not title_parts and _SITE_LABEL.search(s) and cjk_count(s) <= 10:
            rep.remove("head_decoration", s, no)  # the site's own label ("公司网站群"), no title
            if rep.listing_title and _same(rep.listing_title, s):
                rep.listing_title = ""
            i += 1
            continue
        if title_parts and s[-1:] in "，," and (is_body_line(nxt) or cjk_count(nxt) >= 20 or "。" in nxt):
            break  # the first line of the text, broken after a comma
        if title_parts and lines[i].indent and not any(ln.indent for ln in lines[:i]) and not is_date_line(s):
            # the page indents its paragraphs, not its title: the text begins here (a date line
            # indented like them, "  (2015年1月22日)" under the speaker, is still the head's)
            break
        title = join_title(title_parts) if title_parts else ""
        known = [t for t in (title, *title_parts, rep.listing_title) if t]
        org, title_text = org_and_title(s)
        if org and not title_parts:
            meta.setdefault("org", org)
            head.append(org)  # "大庙集镇：党建述职凝聚力…": the organisation is shown with the byline
            rep.remove("org_prefix", s[: len(s) - len(title_text)], no)  # moved out of the title line
            title_parts, title_nos = [title_text], [no]
            # "…高地_专题_央视网(cctv.com)": the page's <title>, whole with the site's name after it
            title_done = title_done or bool(site_suffix(title_text))
            i += 1
            continue
        if title_parts and len(title_parts) == 1 and _near_same(s, title_parts[0]):
            # "党旗，在煤海中高高飘扬" / "党旗，在煤海高高飘扬": the listing's wording, then the article's
            if _shortened(fold(s), fold(title_parts[0])) and fold(s) not in fold(title_parts[0]):
                # words left out of the middle: the full wording came first, keep it (words
                # around a whole title are the site's: "精品范文 …" keeps the inner one)
                rep.remove("duplicate_title", s, no)
            else:
                rep.remove("duplicate_title", title_parts[0], title_nos[0])
                title_parts, title_nos = [s], [no]
            i += 1
            continue
        if any(_same(s, t) for t in known):
            if not title_parts:
                title_parts, title_nos = [s], [no]
            else:
                if len(title_parts) > 1 and _same(s, title_parts[-1]) and not _same(s, title):
                    # "要闻动态Navigation" / "市委第二巡察组…" / "市委第二巡察组…": the line the
                    # page prints twice is its heading; what stood above it, a column's name
                    for part, part_no in zip(title_parts[:-1], title_nos[:-1]):
                        rep.remove("page_title", part, part_no)
                    title_parts, title_nos = title_parts[-1:], title_nos[-1:]
                rep.remove("duplicate_title", s, no)
                title_repeated = True
            i += 1
            continue
        if long_title:
            title_parts, title_nos = [s], [no]
            title_done = True
            i += 1
            continue
        if (not title_parts and lexicon is not None and nxt.strip() and len(s.strip()) <= 12
                and _broken_inside_word(s, nxt.strip(), lexicon)):
            # "在全" / "县经济工作会议上的讲话", "2023" / "年度民主生活会…": the heading's first piece
            title_parts, title_nos = [s.strip()], [no]
            i += 1
            continue
        if not title_parts and not is_date_line(s) and (
                cjk_count(s) == 0 or (cjk_count(s) < 3 and not is_title_like(s) and is_title_like(nxt)
                                      and cjk_count(nxt) >= 6 and not _names_row(s))):
            # a decoration above the heading ("/ NEW CENTER"), or a site's short name over
            # it ("电力18"): no Chinese text at all, or too little to be a title
            rep.remove("head_decoration", s, no)
            i += 1
            continue
        if title_parts and not is_date_line(s) and cjk_count(s) == 0 and re.fullmatch(r"\s*[A-Za-z_]+\d+\s*", s):
            # a user name under the heading ("is_353097"): the uploader's, not the text's
            rep.remove("head_decoration", s, no)
            i += 1
            continue
        rest = _after_title(s, known)
        if rest is not None:
            # the title repeated with the author glued on: "…新发展李云清"
            rep.remove("duplicate_title", s[: len(s) - len(rest)], no)
            meta.setdefault("author", rest)
            if not title_parts:
                title_parts, title_nos = [s[: len(s) - len(rest)]], [no]
            title_done = True
            i += 1
            continue
        if (title_parts and (not title_done or lines[i - 1].no == title_nos[-1]) and is_title_like(s)
                and cjk_count(s) >= 6 and len(fold(s)) < len(fold(title)) and fold(s) in fold(title)):
            # "…路径选择（微山法院张月）" then "司法责任制改革进程中" / "基层法院…路径选择", or
            # "2022年度如何写好…（范文推荐）" then "如何写好…": the page's listing title, then the
            # report's own heading (maybe broken over lines) inside it
            for part, part_no in zip(title_parts, title_nos):
                rep.remove("page_title", part, part_no)
            if not rep.listing_title:
                rep.listing_title = title
            title_parts, title_nos = [s], [no]
            title_done = False  # the heading may go on over the next line
            i += 1
            continue
        if (title_parts and rep.listing_title and not title_done and len(title_parts) < 4
                and fold(title) != fold(rep.listing_title)
                and fold(join_title([*title_parts, s])) in fold(rep.listing_title)):
            # "中国人民政治协商会议" / "常宁市第十一届委员会常务委员会" / "工 作 报 告": the
            # heading broken over lines, which together spell the page's listing title
            title_parts.append(s)
            title_nos.append(no)
            i += 1
            continue
        sub = subtitle_text(s)
        if sub:
            if meta.get("subtitle"):
                if not _same(s.strip(), meta["subtitle"]):
                    break
                # the page prints its heading twice, subtitle and all: the repeat goes, and the
                # date or speaker lines under it are still the head's
                rep.remove("duplicate_title", s, no)
                i += 1
                continue
            meta["subtitle"] = s.strip()
            when = parse_date(sub) if re.search(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", sub) else ""
            if when:
                meta.setdefault("date", when)  # "——2022年1月18日在全省检察长会议上"
            title_done = True
            i += 1
            continue
        if _AWARD_NOTE.match(s):
            # "（获2015年度全省组织工作调研成果二等奖）": a note on the text's award, shown with the
            # byline, never its title
            head.append(s)
            i += 1
            continue
        if _VENUE.match(s) and title_parts:
            # "一九九〇年三月十五日" / "在肥城县第十二届人民代表大会第一次会议上": when and where
            when = parse_date(re.sub(r"(?<=[一二三四五六七八九〇零])[OoＯ]|[OoＯ](?=[一二三四五六七八九〇零年])", "〇", s))
            if when:
                meta.setdefault("date", when)
            head.append(s)
            title_done = True
            i += 1
            continue
        if is_date_line(s) or (_BRACKETED.match(s) and parse_date(s)):
            # "（2010年12月9日）", "（2012年3月5日在全县组织工作会议上）"
            meta.setdefault("date", parse_date(s))
            if title_parts:
                head.append(s)
            else:
                # a date over the heading ("2025年07月21日" over "当前位置：首页…", a paper's issue
                # date): the site's stamp; the date is kept, the line is not shown with the byline
                rep.remove("head_date", s, no)
            title_done = True
            i += 1
            continue
        sig, date_text = split_trailing_date(s)
        if date_text and title_parts and (is_org_name(sig) or is_person_name(sig)):
            # "市统计局 2023年5月1日" under the heading: who wrote it and when
            meta.setdefault("org" if is_org_name(sig) else "author", sig)
            meta.setdefault("date", parse_date(date_text))
            head.append(s)
            title_done = True
            i += 1
            continue
        org = org_line(s)
        m = _RED_HEAD.match(s)
        if not org and m and not title_done and (is_org_name(m.group("org")) or _CONGRESS.search(m.group("org"))):
            # the issuer's document header over the title ("成都泸州商会文件"), maybe broken over
            # lines ("中国共产党孝感市 / 中心医院第四次 / 代表大会文件（七）")
            org = join_title([*title_parts, m.group("org")])
            head.extend(title_parts)
            title_parts, title_nos = [], []
        if org:
            meta.setdefault("org", org)
            head.append(s)
            i += 1
            continue
        if _names_row(s):
            # a row of names above or under the title ("孙文明", "燕雨 段婷婷"): the authors
            meta.setdefault("author", s.strip())
            head.append(s)
            title_done = title_done or bool(title_parts)
            i += 1
            continue
        if is_document_number(s) or _PAPER_META.match(s):
            # "关键词：…", "中图分类号：…": shown with the byline, not a title; "道人社〔2017〕26号":
            # the source document's number, kept in the metadata (a reader writing a model of
            # it gives the text a number of their own)
            if is_document_number(s):
                meta.setdefault("document_number", s.strip().strip("|｜ "))
                rep.remove("document_number", s, no)
            else:
                head.append(s)
            # a heading over the document number is the page's: the document's own follows it
            title_repeated = title_repeated or (bool(title_parts) and is_document_number(s))
            i += 1
            continue
        who, name = byline(s)
        role = _ROLE_LINE.match(to_simplified(s.strip())) if title_parts else None
        if role and (re.search(r"的|关于|召开|加强|开展|推进|做好|全面|我", role.group("org"))
                     or (role.group("name") and (not is_person_name(role.group("name"))
                                                 or re.search(r"[党委支部组会]", role.group("name"))))):
            role = None  # "…全面加强社区党支部书记": words of a heading, no unit's name
        if role:
            # "东城街道明月社区第七网格网格员", "新社区大林国小古月娥主任" under the heading: the
            # writer's unit and post (and name), a byline, not the heading's second line
            who, name = s.strip()[: role.end("org")], role.group("name") or ""
        if rule and not (who or name):
            name = credited  # "创建者：王宇凡": a label no byline shape knows
        if who or name:
            if rule:
                rep.remove(rule, s, no)  # "本报记者 杨晓斌", "作者：郝雅静": the page's record of its writer
                name = credited
            else:
                head.append(s)
            if name:
                meta.setdefault("author", name)
            if who and is_org_name(who):
                meta.setdefault("org", who)
            elif who:
                meta.setdefault("position", who)
            title_done = True
            i += 1
            continue
        if is_org_name(s) and not complete_title(s):
            # "井陉县公路工程队" above the title, or "XX县人民医院党委" below it
            meta.setdefault("org", s)
            head.append(s)
            if (len(title_parts) == 1 and not title_done and cjk_count(title_parts[0]) <= 5
                    and not names_genre(title_parts[0]) and is_title_like(nxt) and cjk_count(nxt) >= 5
                    and not is_body_line(nxt) and not is_date_line(nxt) and not is_org_name(nxt)):
                # "校园微播" / "盱城镇中心小学" / "庆元旦 迎新年": a column's name, the unit, then the heading
                rep.remove("page_title", title_parts[0], title_nos[0])
                title_parts, title_nos = [], []
            title_done = title_done or bool(title_parts)
            i += 1
            continue
        if not title_parts and _BARE_GENRE.match(s) and i and head and head[-1] == lines[i - 1].text:
            # "…数学教研组" / "工作总结": a genre word alone is no title; the unit's line above
            # is its first half
            title_parts, title_nos = [head.pop(), s], [lines[i - 1].no, no]
            title_done = True
            i += 1
            continue
        if (title_parts and not meta.get("subtitle") and _BRACKETED_PHRASE.match(s)
                and not complete_title(s.strip()[1:-1])):
            # "2024年教师节校长致辞（一）" / "（知秋九月 感念师恩）": a phrase in brackets under the
            # title (no date, no organisation: those are read above) is its subtitle
            meta["subtitle"] = s.strip()
            title_done = True
            i += 1
            continue
        if title_parts and not title_done and is_title_like(s) and _furniture_above(title_parts, s, nxt):
            # "有关党在我心中演讲稿5分钟" / "信息公开" over the report's own heading: the site's
            # listing title or column name, not the first half of the title
            for part, part_no in zip(title_parts, title_nos):
                rep.remove("page_title", part, part_no)
            if not rep.listing_title and names_genre(title):
                rep.listing_title = title
            title_parts, title_nos = [s], [no]
            i += 1
            continue
        if title_parts and _FIELD_LINE.match(s):
            # "保密审查情况:已审查" under the title: a record's field, shown with the byline
            head.append(s)
            title_done = True
            i += 1
            continue
        if title_parts and complete_title(title) and not complete_title(s) and is_title_like(s) and not title_done:
            break  # a whole title ("…工作纪实（二）") is followed by the text's first heading
        if (title_parts and not title_done and cjk_count(title) >= 20 and not runs_on(title) and not names_genre(title)
                and is_title_like(s) and not complete_title(s) and cjk_count(s) <= 12 and not _JOINER_START.match(s.strip())):
            break  # a long title line that does not run on, then a short heading: the text's first
        if is_title_like(s) and not title_done and len(title_parts) < 3:
            if title_parts and (title_repeated or (complete_title(title) and complete_title(s)
                                                   and not _JOINER_START.match(s.strip()))):
                # two whole titles, or a title the page printed twice before the report's own:
                # the first is the page's heading, the second the report's
                for part, part_no in zip(title_parts, title_nos):
                    rep.remove("page_title", part, part_no)
                if not rep.listing_title:
                    rep.listing_title = title
                title_parts, title_nos, title_repeated = [], [], False
            title_parts.append(s)
            title_nos.append(no)
            title_done = title_done or bool(site_suffix(s))
            i += 1
            continue
        break
    rep.lines = lines[i:]
    own = join_title(title_parts) if title_parts else ""
    suffix = site_suffix(own)
    if suffix:
        rep.remove("site_suffix", suffix.strip(), title_nos[-1])
        own = own[: len(own) - len(suffix)]
    mark = _TITLE_MARK.match(own)
    if mark and cjk_count(own[mark.end():]) >= 4:
        # "◎…工作总结", "🔥…工作总结": a listing's bullet or badge before the heading
        rep.remove("title_decoration", mark.group(0).strip(), title_nos[0])
        own = own[mark.end():]
    series = _SERIES_LABEL.match(own)
    if (series and cjk_count(series.group("rest")) >= 8 and is_title_like(series.group("rest"))
            and not is_org_name(series.group("rest")) and not names_genre(series.group("series"))):
        # "平安海州 幸福家园|新浦街道李蕊宏:初识不知网格事…": a column's or a series' name before the
        # bar, the heading after it (a unit after the bar, "… | 中国电信…党支部", is no heading)
        rep.remove("series_label", own[: series.start("rest")].strip(), title_nos[0])
        rep.listing_title = rep.listing_title or own  # the whole line stays the page's name for it
        own = series.group("rest").strip()
    listing = rep.listing_title
    listing = listing[: len(listing) - len(site_suffix(listing))]
    meta["title"] = own or listing or _fallback_title(rep)
    if own and listing and not _same(own, listing):
        meta["listing_title"] = listing
    if head:
        meta["byline"] = "　".join(head)


# a record's field on a line of its own: a short label, a colon, a short value
_FIELD_LINE = re.compile(r"^\s*[\u4e00-\u9fff]{2,12}\s*[:：]\s*[\u4e00-\u9fff\w]{1,10}\s*$"
                         r"|^\s*【[\u4e00-\u9fff]{2,8}】\s*[:：]\s*[^。；]{1,40}$")  # "【活动名称】:…"
# a kind of text alone on a line: a site's column over the heading, or half of a title
_GENRE_LABEL = re.compile(r"^\s*(?:演讲词|演讲辞|演讲稿|演辞|讲话稿|讲话|致辞|致词|发言稿|发言|主持词|开幕词|闭幕词|述职报告|"
                          r"心得体会|调研报告|工作汇报|汇报材料|事迹材料|范文|公文)\s*$")
_BARE_GENRE = re.compile(r"^\s*(?:年度|年终|上半年|下半年)?(?:工作总结|述职报告|述职述廉报告|工作报告|工作汇报|汇报材料|"
                         r"心得体会|调研报告|自查报告|工作计划|经验材料|事迹材料|经验交流材料)\s*$")
_BRACKETED_PHRASE = re.compile(r"^\s*[（(][^()（）]{2,30}[)）]\s*$")
# a column's or a series' name, a bar, the heading: "平安海州 幸福家园|…", "话语新春︱…"
_SERIES_LABEL = re.compile(r"^\s*(?P<series>[\u4e00-\u9fff]{2,8}(?:\s+[\u4e00-\u9fff]{2,8}){0,2})\s*[|｜丨︱]\s*(?P<rest>[^|｜丨︱]+)$")
# the writer's unit, maybe a name, then the post, on a line of its own (no space between them)
_ROLE_LINE = re.compile(r"^(?P<org>[\u4e00-\u9fff]{2,16}?(?:社区|街道|村|镇|乡|学校|中学|小学|国小|国中|高中|大学|学院|"
                        r"医院|公司|集团|局|中心|网格|支部|党委|工会))(?:第[一二三四五六七八九十\d]{1,3}[\u4e00-\u9fff]{1,3})?"
                        r"(?P<name>[\u4e00-\u9fff]{2,3}?)??(?P<post>网格员|网格长|主任|书记|校长|院长|局长|部长|经理|处长|科长|"
                        r"站长|所长|队长|组长|会长|主席|干事|社工|教师|老师)\s*$")
# a note on the prize the text won, in brackets on a line of its own
_AWARD_NOTE = re.compile(r"^\s*[（(]\s*(?:本文|此文|该文)?(?:荣获|获得|曾获|获)[^()（）]{2,40}奖\s*[)）]\s*$")
# what a page's <title> adds after the headline: "_专题_央视网(cctv.com)", " -【新闻】", " – 评论文章"
_UNDERSCORE_SUFFIX = re.compile(r"_[^_]{1,20}(?:_[^_]{1,20})*$")
# a site's name after a bare dash or bar ("…工作总结-原创力文档", "…|范文大全")
_SITE_NAME_SUFFIX = re.compile(r"[-–|｜_]\s*[\u4e00-\u9fff]{0,6}(?:文档|文库|范文大全|范文网|文档网|资料网)$"
                               r"|[|｜_]\s*[\u4e00-\u9fff]{1,8}(?:网|网站|门户|在线)$"
                               r"|\s*——\s*[\u4e00-\u9fff]{1,8}(?:网|网站|频道|客户端)$")
_DASH_SUFFIX = re.compile(r"(?:\s+[-–|｜]\s*|\s*[-–|｜]\s+|\s*[-–]\s*(?=[【\[]))[【\[]?[^\s\-–—|｜【】\[\]]{1,8}[】\]]?$"
                          # or the site's column and name: "… - 党建网 - 中国共产党新闻网"
                          r"|(?:\s+[-–|｜]\s+[^\s\-–—|｜【】\[\]:：]{2,10}){2,3}$")


def _broken_inside_word(a: str, b: str, lexicon: Lexicon) -> bool:
    """Is heading line ``a`` broken off inside a word that line ``b`` finishes? Neither half is a
    whole title, the two are, the pair across the break is one the page uses elsewhere, and
    there is no stop, space or mark at the break."""
    a = a.rstrip()
    if not a or not b or not complete_title(a + b) or cjk_count(a + b) > 45 or re.search(r"[\s，。；：:,;！？!?]", b):
        return False
    if (a[-1].isdigit() and (b[0].isdigit() or b[0] == "年")) or (a[-1] == "—" and b[0] == "—"):
        return not is_date_line(a + b)  # "XX公司202" / "3年…", "…振兴—" / "—XX村…": no word breaks there
    if not is_cjk(a[-1]) or not is_cjk(b[0]) or lexicon.pair(a[-1], b[0]) < 1:
        return False
    # a whole title broken before the end of its kind's word ("…心得" / "体会", "…述职" / "报告")
    if complete_title(a) and not (len(b) <= 4 and complete_title(b) and not complete_title(b[1:] or "x")):
        return False
    return not is_org_name(a) and not is_date_line(a)


def site_suffix(title: str) -> str:
    """The site's column or name after a headline, as a page's <title> has it, or "".

    >>> site_suffix("弘扬“巴山精神” 坚守精神高地_专题_央视网(cctv.com)"), site_suffix("湘潭市委书记分享悦读故事-【新闻】")
    ('_专题_央视网(cctv.com)', '-【新闻】')
    >>> site_suffix("做实事 为民生 （林建岳） – 评论文章"), site_suffix("工作总结——记某某同志"), site_suffix("XX县2023年工作总结")
    (' – 评论文章', '', '')
    >>> site_suffix("2023年党支部工作总结-原创力文档"), site_suffix("2023年党支部工作总结|范文大全")
    ('-原创力文档', '|范文大全')
    >>> site_suffix("市统计局2023年上半年工作总结_工作总结_总结/汇报_实用文档"), site_suffix("市统计局2023年上半年工作总结|统计信息网")
    ('_工作总结_总结/汇报_实用文档', '|统计信息网')
    """
    for rx in (_UNDERSCORE_SUFFIX, _DASH_SUFFIX, _SITE_NAME_SUFFIX):
        m = rx.search(title)
        # "…工作总结_工作总结_总结/汇报_实用文档": a document site's categories, then its name
        if m and cjk_count(title[: m.start()]) >= 8 and (rx is _SITE_NAME_SUFFIX or not names_genre(m.group(0))
                                                        or (rx is _UNDERSCORE_SUFFIX and _SITE_NAME_SUFFIX.search(m.group(0)))):
            return m.group(0)
    return ""


_JOINER_START = re.compile(r"^(?:暨|及|和|与|之|的|——|—|-)")


def _furniture_above(parts: list[str], s: str, nxt: str) -> bool:
    """Are the title lines read so far the site's, now that ``s`` reads as the heading?

    ``s`` must stand as a title of its own: it ends like one ("…演讲稿(一)") or what follows
    it is what follows a heading (a byline, a subtitle, a date, a salutation). The lines
    above are then the site's listing title when they name a kind of text themselves
    ("有关党在我心中演讲稿5分钟"), or its column names when they are short beside it
    ("信息公开", "党的建设") — never the first half of a title that runs on ("关于…的").

    >>> _furniture_above(["有关党在我心中演讲稿5分钟"], "党在我心中5分钟演讲稿(一)", "各位领导：")
    True
    >>> _furniture_above(["信息公开"], "中华思源工程基金会行政管理制度", "第一章 总则")
    True
    >>> _furniture_above(["以创先争优活动为契机"], "推动企业党建工作创新的经验材料", "")
    False
    >>> _furniture_above(["XX局2022年工作总结"], "暨2023年工作计划", "")
    False
    """
    own = cjk_count(s)
    if own < 6 or _JOINER_START.match(s.strip()) or any(runs_on(p) for p in parts):
        return False
    if not (complete_title(s) or is_salutation(nxt) or bool(subtitle_text(nxt)) or is_date_line(nxt)
            or any(byline(nxt)) or _names_row(nxt)):
        return False
    if any(names_genre(p) for p in parts):
        return True
    return all(cjk_count(p) <= min(6, own // 2) for p in parts)


def _names_row(s: str) -> bool:
    return bool(s.split()) and len(s.split()) <= 8 and all(is_person_name(w) for w in s.split())


# The date in Chinese numerals ("一九九O年三月十五日", a Latin O for 〇 as typed) or the meeting
# a speech or report was given at ("在…第一次会议上"), on a line of their own under the title
_VENUE = re.compile(r"^\s*[（(]?\s*(?:[一二三四五六七八九〇零OoＯ]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日"
                    r"|在.{2,40}?(?:会议|大会|座谈会|会)上(?:的(?:讲话|报告|发言))?)\s*[）)]?\s*$")


# a listing's bullet or badge glued before a heading ("◎…", "■…", "🔥…", "★★★…"), a trail's last step mark
_TITLE_MARK = re.compile(r"^\s*[◎■□●○▲△▼▽◆◇►▶❖✦✧★☆※>›»\u2b50\U0001F525]+\s*")
# A title in brackets with the text's salutation run on after it
_BRACKETED_TITLE = re.compile(r"^\s*【(?P<title>[^】]{4,40})】\s*(?P<rest>\S.*)$")
# a newspaper's dateline in those brackets is no title ("【新南瀛记者黄钟毅报导】", "【本报讯】")
_BRACKETED_CREDIT = re.compile(r"(?:记者|通讯员).*(?:报道|报导)$|^(?:本报|本刊|本台|本网)?讯$|(?:日报|晚报|新闻网|电视台)讯$")

# A salutation run on after the heading with no space ("…工作报告各位代表："): the speech's first line
_GLUED_SALUTATION = re.compile(r"(?:尊敬的|各位|亲爱的|同志们|老师们|同学们|女士们|先生们|朋友们)[^：:，,。]{0,24}[：:]\s*$")
# the date a speech was given, in brackets after its heading ("…上的讲话（2023年5月1日）")
_GLUED_DATE = re.compile(r"[（(]\s*(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[)）]\s*$")


# the writer glued after a heading with no space: unit, post and name ("…暖人心市人民医院党委书记侯瑞芳")
_POST = (r"(?:党委书记|党支部书记|党总支书记|副书记|书记|院长|局长|校长|园长|主任|总经理|经理|董事长|县长|市长|区长|镇长|"
         r"乡长|所长|站长|行长|厂长|矿长|部长|处长|科长|主席|会长|理事长|队长)")
_GLUED_BYLINE = re.compile(r"(?P<who>(?P<unit>[省市县区州盟旗镇乡村][\u4e00-\u9fff]{1,20}?)" + _POST + r")(?P<name>[\u4e00-\u9fff]{2,3})$")


def split_title_tail(s: str) -> tuple[str, str] | None:
    """(title, tail) when a heading line carries the next head line after it, else None:
    the salutation, the writer's name, the writing unit with its date, the date in brackets,
    the heading again, or the first section heading. The title ends like a whole one.

    >>> split_title_tail("市统计局2023年上半年工作总结 市统计局 2023年5月1日")
    ('市统计局2023年上半年工作总结', '市统计局 2023年5月1日')
    >>> split_title_tail("在全县经济工作会议上的讲话各位代表："), split_title_tail("关于加强党建工作的调研报告 张三")
    (('在全县经济工作会议上的讲话', '各位代表：'), ('关于加强党建工作的调研报告', '张三'))
    >>> split_title_tail("情暖百姓送健康 为民服务暖人心市人民医院党委书记侯瑞芳")
    ('情暖百姓送健康 为民服务暖人心', '市人民医院党委书记 侯瑞芳')
    >>> split_title_tail("同心协力 共创佳绩"), split_title_tail("2023年工作总结 暨2024年工作计划")
    (None, None)
    """
    s = s.strip()
    if len(s) > 80:
        return None
    m = _GLUED_BYLINE.search(s)
    if m and m.start() and is_person_name(m.group("name")) and cjk_count(s[: m.start()]) >= 6:
        unit = m.group("unit")
        if is_org_name(unit) or not unit.strip("省市县区州盟旗镇乡村"):
            return s[: m.start()], f"{m.group('who')} {m.group('name')}"
    cuts = [m.start() for m in (_GLUED_SALUTATION.search(s), _GLUED_DATE.search(s)) if m]
    cuts += [m.start() for m in re.finditer(r"[ \u3000]+|[【\[](?=[\u4e00-\u9fff]{2,8}[】\]]\s*[:：])", s)]
    for at in sorted(set(cuts)):
        title, tail = s[:at].strip().rstrip("—–-").strip(), s[at:].strip()
        if cjk_count(title) < 6 or not complete_title(title) or not tail:
            continue
        words = tail.split()
        if (is_salutation(tail) or _GLUED_DATE.fullmatch(tail) or _same(title, tail) or numbering(tail)[0]
                or re.match(r"[【\[][\u4e00-\u9fff]{2,8}[】\]]\s*[:：]", tail)  # a record's first field
                or (len(words) <= 3 and all(is_person_name(w) or is_org_name(w) or is_date_line(w) for w in words))):
            return title, tail
    return None


# A site's own label over its pages ("公司网站群", "XX门户网站", "豆丁文库")
_SITE_LABEL = re.compile(r"(?:网站|网站群|文库|门户)\s*$")
# a label and a number alone on a line: a visitor counter or a code (a year is no such number)
_LABEL_NUMBER = re.compile(r"^\s*[\u4e00-\u9fff]{2,10}\s*(?:[:：]\s*\d{3,}|\s\d{5,}|\d{5,})\s*(?:次|人次)?\s*$")


# An official document's header (版头): the issuer's name and 文件 ("中共XX县委文件", "成都泸州商会文件")
_RED_HEAD = re.compile(r"^\s*(?P<org>\S.{1,40}?)\s*文\s*件\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）])?\s*$")


# A congress or committee issuing its documents ("…第四次代表大会文件（七）")
_CONGRESS = re.compile(r"(?:代表大会|委员会|党委|政府)")


# A journal article's head lines (its keywords, its library numbers)
# A paper's fields, or a person's card in a profile ("单位：云南省人力资源和社会保障厅", "驻村地点：…")
_PAPER_META = re.compile(r"^\s*(?:关键词|關鍵詞|关键字|中图分类号|中圖分類號|文献标[志识]码|文獻標[志識]碼|文章编号|文章編號|DOI"
                         r"|(?:工作|所在|派出)?单位|單位|职务|職務|性别|性別|年龄|年齡|民族|籍贯|籍貫|出生年月|政治面貌"
                         r"|入党时间|入黨時間|学历|學歷|驻村地点|駐村地點|驻村时间|駐村時間"
                         # a listed company's announcement header, in the exchanges' prescribed form:
                         # "证券代码:002579 证券简称:中京电子 公告编号:2013-009", "股份代號：0005"
                         r"|证券代码|證券代碼|证券简称|證券簡稱|股票代码|股票代碼|股票简称|股票簡稱|公告编号|公告編號"
                         r"|债券代码|債券代碼|股份代號|股份代号)\s*[:：]", re.I)


_ITEM_NUMBER = re.compile(r"^\s*\d{1,2}\s*[、．.]\s*")


def _numbered_title(s: str) -> str:
    """The title after an item number, when the whole line is a title ("3、…学习心得")."""
    m = _ITEM_NUMBER.match(s)
    rest = s[m.end():] if m else ""
    return rest if rest and complete_title(rest) and is_title_like(rest) else ""


def is_long_title(s: str, nxt: str) -> bool:
    """A title long enough to read like a sentence, known by what follows it: a salutation,
    a subtitle, a byline or a date ("主题教育党课：从…凝聚奋进力量，用…推动博物馆事业高质量发展"
    over "同志们：").

    >>> is_long_title("主题教育党课：从主题教育中凝聚奋进力量，用党的创新理论推动博物馆事业高质量发展", "同志们：")
    True
    >>> is_long_title("县人民医院位于龙泉镇府东街，占地面积26亩，", "建筑面积16700平方米，是一所综合医院。")
    False
    >>> is_long_title("市文化旅游委帮扶集团着力“六个聚焦” 助推巫山县乡村振兴工作走在前、做示范", "2023年，按照中央和市委部署……")
    True
    >>> is_long_title("2025-11", "10月22日，马鞍山湖北路过江通道项目临时党支部联合江东控股集团机关党支部开展主题党日活动。")
    False
    """
    s = s.strip()
    if not s or ends_sentence(s) or s[-1] in "，,、：:；;" or cjk_count(s) > 50 or numbering(s)[0]:
        return False
    if cjk_count(re.sub(r"[年月日]", "", s)) < 2:
        return False  # "2025-11", "2025年11月" over "10月22日，…": the site's date, no words of a title
    return (is_salutation(nxt) or bool(subtitle_text(nxt)) or is_date_line(nxt) or bool(org_line(nxt))
            or any(byline(nxt)) or (not re.search(r"[，,]", s) and bool(_NEWS_LEAD.match(nxt))))


# the first words of a news item under its headline: "2023年，按照…", "9月24日，…", "近日，…"
_NEWS_LEAD = re.compile(r"^\s*(?:(?:19|20)\d\d年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日(?:[上下]午)?|近日|日前|近年来|今年以来)\s*[，,]")


def _after_title(s: str, titles: list[str]) -> str | None:
    """What follows a repeated title on its line, when that is a person's name.

    >>> _after_title("以“创先争优”活动为契机 推动组织建设新发展李云清", ["以“创先争优”活动为契机 推动组织建设新发展"])
    '李云清'
    """
    for t in titles:
        ft = fold(t)
        acc = ""
        for idx, ch in enumerate(s):
            acc += fold(ch)
            if acc == ft:
                rest = s[idx + 1 :].strip()
                return rest if rest and is_person_name(rest) else None
            if not ft.startswith(acc):
                break
    return None


def lift_credit_line(rep: Report) -> None:
    """A credit line among the text's first lines ("作者:余练" under a paper's abstract) is the
    byline: it goes up to it. A reporter's credit at the end of a news item ("通讯员 吕守军报道")
    names the newspaper's people: the names go to the metadata, the text closes over it."""
    while len(rep.lines) > 1 and (credit := _credit(rep.lines[-1].text))[0]:
        # the newspaper's credit or the site's author field, not the writer's text: its names
        # stay in the metadata, the line is no text of the model (nor shown with the byline)
        ln = rep.lines.pop()
        rep.meta.setdefault("author", credit[1])
        rep.remove(credit[0], ln.text, ln.no)
    glued = GLUED_CREDIT.search(rep.lines[-1].text) if rep.lines else None
    if glued and (names := reporter_credit(glued.group("credit"))):
        # "…深入开展。 (阮莉 陈颖)": the credit run on after the last sentence
        last = rep.lines[-1]
        rep.lines[-1] = Line(last.text[: glued.start()].rstrip(), last.no, indent=last.indent)
        rep.meta.setdefault("author", names)
        rep.remove("reporter_credit", glued.group("credit"), last.no)
    if rep.meta.get("author"):
        return
    for i, ln in enumerate(rep.lines[:4]):
        if rules.structure()["credit_re"].match(simple(ln.text)):
            _who, name = byline(ln.text)
            if name:
                rep.meta["author"] = name
                rep.meta["byline"] = "　".join(filter(None, [rep.meta.get("byline", ""), ln.text.strip()]))
                del rep.lines[i]
            return


def drop_running_titles(rep: Report) -> None:
    """Remove repeats of the title inside the body: running headers of a PDF
    conversion, or the site printing the title again."""
    titles = {fold(t) for t in (rep.meta.get("title", ""), rep.listing_title) if t}
    # a repeat holds about as many Chinese characters as the title (conversion may change a
    # few): the other lines are not folded
    sizes = {cjk_count(t) + d for t in titles for d in range(-2, 3)}
    kept = []
    for ln in rep.lines:
        if cjk_count(ln.text) in sizes and fold(ln.text) in titles:
            rep.remove("running_title", ln.text, ln.no)
        else:
            kept.append(ln)
    rep.lines = kept


def parse_closing(rep: Report) -> None:
    """Take the signature, date and distribution block off the end of ``rep.lines``."""
    lines = rep.lines
    meta = rep.meta
    n = len(lines)
    lo = max(0, n - MAX_CLOSING_LINES)
    # the distribution block: from its first line ("分送:…") to the end, short lines only
    for k in range(lo, n):
        if is_distribution_start(lines[k].text) and all(len(ln.text) <= 60 for ln in lines[k:]):
            meta["distribution"] = [ln.text for ln in lines[k:]]
            for ln in lines[k:]:
                rep.remove("distribution_block", ln.text, ln.no)
            lines = lines[:k]
            break
    while lines and is_distribution_line(lines[-1].text) and len(lines[-1].text) <= 40:
        meta.setdefault("distribution", []).insert(0, lines[-1].text)
        rep.remove("distribution_block", lines[-1].text, lines[-1].no)
        lines = lines[:-1]
    closing: list[str] = []
    for _ in range(3):
        if len(lines) < 2:
            break
        s = lines[-1].text
        if is_date_line(s):
            meta.setdefault("date", parse_date(s))
        else:
            sig, date_text = split_trailing_date(s)
            if date_text and is_signature(sig):
                meta.setdefault("date", parse_date(date_text))
                meta.setdefault("signature", sig)
            elif is_signature(s):
                meta.setdefault("signature", s)
            else:
                break
        closing.insert(0, s)
        lines = lines[:-1]
    rep.closing = closing
    rep.lines = lines


_DEFINED_AS = re.compile(r"(?:^|[，,。；：:])\s*(?P<org>[^，,。；：:“”（）()\s]{4,30}?)\s*[（(]以下简称")


@lru_cache(maxsize=1)
def _clause_org() -> re.Pattern:
    st = rules.structure()
    return re.compile(
        r"(?:^|[，,。；])\s*(?:现将|我们|经过)?(?P<org>[\u4e00-\u9fffXx×＊*]{2,24}?" + st["org_suffix"] + ")"
        r"(?=" + "|".join(st["actor_verbs"]) + ")"
    )


def find_org_in_body(rep: Report) -> str:
    """The organisation a report speaks for, read off its first paragraphs.

    "上海金山石油化工建筑有限公司党委(以下简称公司)" defines it outright; else the
    subject of an opening clause ("…,管理部党总支认真组织开展…").
    """
    opening = "".join(ln.text for ln in rep.lines[:3] if ln.kind == "p")[:400]
    not_actor = tuple(rules.structure()["not_an_actor"])
    m = _DEFINED_AS.search(opening)
    if m and not m.group("org").startswith(not_actor):
        return m.group("org")
    not_org = rules.structure()["not_an_org"]
    for m in _clause_org().finditer(opening):
        org = m.group("org")
        around = opening[m.start("org"): m.end("org") + 1]
        # function words never stand inside a name ("党支部书记在院党委")
        if (not org.startswith(not_actor) and not any(w in around for w in not_org)
                and not re.search(rules.structure()["not_in_names"], org)):
            return org
    return ""


def fuller_org(org: str, rep: Report) -> str:
    """"市疾病预防控制中心" -> "开平市疾病预防控制中心" when the body names it in full."""
    if not org:
        return org
    text = "".join(ln.text for ln in rep.lines[:3])
    m = re.search(r"(?:^|[，,。；：:])\s*(?P<pre>[\u4e00-\u9fff]{2,4}?)" + re.escape(org), text)
    if m and (m.group("pre")[-1] in "省市县区州旗盟" or org[0] in "省市县区州"):
        return m.group("pre") + org
    return org


# The opening sentence that publishes the text by name ("根据《条例》规定，现公布昭通市2024年
# 政府信息公开工作年度报告。"), as every government's annual disclosure report opens
_PUBLISHES = re.compile(r"(?:现|特|予以|现予)(?:公布|发布|印发|公开)(?P<name>[^，。；,;《》]{6,40}?"
                        r"(?:报告|总结|方案|计划|要点|办法|规定|细则))(?=[。，,；;]|$)")


def self_named_title(rep: Report) -> str:
    """The name an untitled report gives itself in its first sentence, or "".

    >>> from .model import Line
    >>> self_named_title(Report("x", 1, lines=[Line("根据《条例》规定,现公布昭通市2024年政府信息公开工作年度报告。本报告由…", 1)]))
    '昭通市2024年政府信息公开工作年度报告'
    """
    first = next((ln.text for ln in rep.lines if ln.text.strip()), "")
    m = _PUBLISHES.search(first[:120])
    return m.group("name").strip() if m else ""


def sent_document(rep: Report) -> str:
    """The document a notice at the top of the text sends out ("现将《…工作要点》印发给你们"),
    when its own heading follows further down, or "": the text is the document's."""
    sent = SENDS.search("".join(ln.text for ln in rep.lines[:8]))
    if sent and any(fold(ln.text) == fold(sent.group("title")) for ln in rep.lines[1:12]):
        return sent.group("title").strip()
    return ""


_ABSTRACT_LABEL = re.compile(r"^\s*[【\[]?\s*(?:摘\s*要|内容提要|内容摘要|提\s*要|导\s*读)\s*[】\]]?\s*[:：]?[\s|｜]*")

# How a sentence of a report opens, never a title ("根据…", "为了进一步…", "今年以来…")
def _fallback_title(rep: Report) -> str:
    """A title for a report whose head has none, as an editor would give it.

    A short first line that is not running text is the title, whatever it holds;
    otherwise the report is named by the start of its text, and flagged ``untitled``.
    """
    if not rep.lines:
        return "（无标题）"
    first = rep.lines[0].text.strip()
    # a salutation, a person's name, a numbered heading or a section label ("引言") opens the
    # text: it is no title;
    # nor is the start of a sentence broken off by the page ("根据2003年初制定的工作计划")
    opening = (is_salutation(first) or is_person_name(first) or bool(numbering(first)[0])
               or bool(SENTENCE_OPENER.match(first)) or is_section_label(first)
               # a sentence ("一是加强政治建设。"): titles end in words (a comma may break a title over lines)
               or bool(SENTENCE_CLOSE.search(first)))
    if len(first) <= 60 and not is_body_line(first) and cjk_count(first) >= 2 and not opening:
        rep.lines = rep.lines[1:]
        return first
    return untitled_title(rep)


def _title_run_into_text(s: str) -> int:
    """Where the heading ends on a line that runs it into the text's first words and breaks
    off inside a sentence (a comma or a 、 at its end); 0 when it does not.

    >>> _title_run_into_text("××区 20xx 年食品安全宣传周活动总结为动员全社会关心、")
    21
    >>> _title_run_into_text("发挥党员先锋模范作用，"), _title_run_into_text("关于挂职收获我个人总结如下几点：")
    (0, 0)
    """
    if not re.search(r"[，,、；;]\s*$", s) or SENTENCE_OPENER.match(s):
        return 0
    # (a sentence's clause is no heading: "在本年度中，为贯彻落实《中学生行为规范》…")
    ends = [k for k in title_ends(s) if cjk_count(s[:k]) >= 6 and cjk_count(s[k:]) >= 4
            and not re.search(r"[，,。；;：:]", s[:k])]
    return ends[-1] if ends else 0


def untitled_title(rep: Report) -> str:
    """A report with no heading is named by the start of its text, and flagged ``untitled``."""
    rep.flags.add("untitled")
    first = rep.lines[0].text.strip() if rep.lines else ""
    text = next((ln.text.strip() for ln in rep.lines if is_body_line(ln.text)), first)
    text = _ABSTRACT_LABEL.sub("", text)  # "摘 要：当前，…": the label is no word of the text
    words = text[:20].rstrip("，,。、；;：: ")
    return f"{words}……" if len(text) > 20 else words or "（无标题）"
