"""Stage 2, strip site chrome: the 范文 site's furniture around the reports.

The patterns live in ``rules/chrome.yaml``; this module applies them with
their scopes and keeps what they tell about the page (a report count, a
paywall that cut the text).
"""
from __future__ import annotations

import re

from . import line_model, rules
from .dates import parse_date
from .model import Line, Page, Removal
from .shapes import (SENTENCE_CLOSE, complete_title, is_document_number, is_org_name, is_person_name, is_section_label,
                     is_title_like, runs_on, subtitle_text)
from .text import cjk_count, cn_number, fold, to_simplified

def is_body_line(s: str) -> bool:
    """A line of running text (not a title, a menu or a button)."""
    return cjk_count(s) >= 30 and any(p in s for p in "，,。、；")


def line_key(text: str, disabled: frozenset[str] = frozenset()) -> str:
    """The form whole-line rules are matched against: Simplified script, reading aids gone.

    The rules are written once, in Simplified; a Traditional page's furniture
    ("導語:…不代表本站觀點") and a line with pinyin after its characters
    ("來(lái)源(yuán):網(wǎng)絡(luò)") are the same furniture.

    >>> line_key("導(dǎo)語(yǔ):本文來(lái)源於網(wǎng)絡")
    '导语:本文来源于网络'
    """
    if "pinyin_annotation" not in disabled:
        text = _pinyin().sub("", text)
    return to_simplified(text)


# A list item's bullet in front of a line of furniture ("- 上一篇:…"); "——" stays (a subtitle).
_BULLET = re.compile(r"^\s*[-•·*]\s+")


def _pinyin():
    return next(r.pattern for r in rules.chrome()["inline"] if r.name == "pinyin_annotation")


def _toneless() -> rules.Rule:
    return rules.chrome()["pinyin_toneless"]


def match_line_rule(text: str, scope: str, disabled: frozenset[str] = frozenset()) -> rules.Rule | None:
    """The first whole-line chrome rule that applies to a line in this scope.

    >>> match_line_rule("首页 > 精品范文库 > 11号文库", "head").name
    'breadcrumb'
    >>> match_line_rule("共印20份", "head") is None
    True
    >>> match_line_rule("導語:本文一文來源於網友上傳,不代表本站觀點。", "head").name
    'disclaimer'
    """
    key = line_key(text, disabled)
    unbulleted = _BULLET.sub("", key)
    cfg = rules.chrome()
    for i in rules.candidates(cfg["line_index"], key):  # the rules whose characters the line holds
        rule = cfg["line"][i]
        if rule.scope not in ("anywhere", scope) or rule.name in disabled:
            continue
        m = rule.pattern.search(unbulleted) or (unbulleted != key and rule.pattern.search(key))
        if not m and rule.name == "breadcrumb":
            m = rule.pattern.search(re.sub(r"^\s*\d{1,2}\.\s+", "", key))  # "1. 首页 > 工作计划": a list's first item
        if m and (rule.name != "item_count" or _is_listing_heading(m, scope)):
            return rule
    return None


def _is_listing_heading(m, scope: str) -> bool:
    """A count line is the site's listing heading, not the document's own ("共印20份",
    "附件3份", "全年发表文章12篇"): a bare count only in the head of the page."""
    if m.group("bare") and scope != "head":
        return False
    return _is_site_count(m.group("label"))


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
    key = _same_length_simplified(text)
    chars = set(key)
    cfg = rules.chrome()
    for i in rules.candidates(cfg["inline_index"], key):  # the rules whose characters the line holds
        rule = cfg["inline"][i]
        if (rule.name in disabled or (rule.max_line_chars and len(text) > rule.max_line_chars)
                or (rule.needs and chars.isdisjoint(rule.needs))):  # (a cut may have taken them)
            continue
        # matched in Simplified script where the conversion keeps every position
        spans = [m.span() for m in rule.pattern.finditer(key) if m.group(0).strip()]
        if spans:
            removed.extend((rule.name, text[a:b]) for a, b in spans)
            for a, b in reversed(spans):
                text = text[:a] + text[b:]
            key = _same_length_simplified(text)
            chars = set(key)
    return text.strip(), removed


def _same_length_simplified(text: str) -> str:
    key = to_simplified(text)
    return key if len(key) == len(text) else text


# A menu item a page's text extraction set on a line of its own ("  • 网站首页"), or a bare
# column name ("学会动态", "通知公告")
_MENU_BULLET = re.compile(r"^\s*[•▪◦]\s*")
COLUMN_NAME = re.compile(r"^\s*[\u4e00-\u9fff]{0,6}(?:动态|新闻|公告|概况|简介|首页|公开|专题|下载|留言|互动|导航|资讯|要闻|风采|"
                          r"荣誉|政策|法规|活动)\s*$")
MENU_RUN = 3


def _bullet_menu(lines: list[Line]) -> set[int]:
    """Positions of the site's menu in the head: three or more lines in a row that start
    with a bullet ("• 网站首页", "• 新闻 要闻 国内 …", "• Tags") before the first paragraph,
    none of them a sentence. An author's bullets stand in the text and end in 。.

    >>> sorted(_bullet_menu([Line(t, n) for n, t in enumerate(["电力18", "  • 网站首页", "  • 新闻 要闻 国内", "  • Tags",
    ...     "付俊杰：十七载浓浓运行情"])]))
    [1, 2, 3]
    >>> _bullet_menu([Line(t, n) for n, t in enumerate(["• 坚持学习。", "• 严守纪律。", "• 服务群众。"])])
    set()
    >>> sorted(_bullet_menu([Line(t, n) for n, t in enumerate(["学会动态", "学会新闻", "通知公告", "学术活动",
    ...     "中国系统工程学会十届七次常务理事会会议纪要"])]))
    [0, 1, 2, 3]
    """
    first_prose = next((i for i, ln in enumerate(lines) if is_body_line(ln.text) and not _MENU_BULLET.match(ln.text)),
                       len(lines))
    out: set[int] = set()
    run: list[int] = []
    for i, ln in enumerate(lines[:first_prose] + [Line("", 0)]):
        if (_MENU_BULLET.match(ln.text) and not ln.text.rstrip().endswith(("。", "！", "？", "!", "?"))
                or COLUMN_NAME.match(ln.text)):
            run.append(i)
            continue
        if len(run) >= MENU_RUN:
            out.update(run)
        run = []
    return out


def _strip_toneless_pinyin(page: Page, disabled: frozenset[str]) -> None:
    """A page that glosses its characters with toneless pinyin ("的(de)面龐(pang)") does it on
    every line, short ones too ("發布時(shi)間"): once the page holds ``min_matches`` of them,
    they go everywhere; on other pages a bracketed syllable may be an abbreviation and stays."""
    rule = _toneless()
    if rule.name in disabled:
        return
    glossed = [ln for ln in page.lines if "(" in ln.text or "（" in ln.text]
    if sum(len(rule.pattern.findall(ln.text)) for ln in glossed) < rule.min_matches:
        return
    for ln in glossed:
        for m in rule.pattern.finditer(ln.text):
            page.removed.append(Removal(rule.name, m.group(0), ln.no))
        ln.text = rule.pattern.sub("", ln.text)



# a run of tokens of one or two ASCII characters ("$ M( Z& Y \\8 D")
_JAM_RUN = re.compile(r"(?<![\x21-\x7e])(?:[\x21-\x7e]{1,2} ){3,}[\x21-\x7e]{1,2}(?=[^\x21-\x7e]|$)")


def _is_jammer(run: str) -> bool:
    r"""A forum's anti-copy noise (Discuz "jammer" text, hidden on the site and copied with the
    post): random letters and digits each with a punctuation mark, not a list, a table row,
    code or English words.

    >>> _is_jammer("$ M( Z& Y \\8 D"), _is_jammer("( I) q3 p! j' C$ t b/ y5 k"), _is_jammer(", `% d. S1 K6 O")
    (True, True, True)
    >>> _is_jammer("| 0 | 0 | 0 | |"), _is_jammer("1, 0, 0, 1, 0"), _is_jammer("I am a boy"), _is_jammer("A. B. C. D.")
    (False, False, False, False)
    """
    toks = run.split(" ")
    # a character with a mark ("Z&", "?4") or a letter with a digit ("m3", "S1")
    jam = [t for t in toks if re.fullmatch(r"[A-Za-z0-9][^A-Za-z0-9]|[^A-Za-z0-9][A-Za-z0-9]|[A-Za-z]\d|\d[A-Za-z]", t)]
    marks = {c for t in toks for c in t if not c.isalnum()}
    letters = sum(1 for t in toks if re.search(r"[A-Za-z]", t))
    return len(toks) >= 4 and len(jam) >= 3 and len(marks) >= 2 and letters >= 2


def _strip_jammer(page: Page, disabled: frozenset[str]) -> None:
    """Cut forum anti-copy noise wherever it stands: alone on a line or glued to the text
    ("$ M( Z& Y \\8 D 1月21日下午，…", "…y5 k毛委员说过")."""
    if "jammer" in disabled:
        return
    for ln in page.lines:
        if ln.text.count(" ") < 3:
            continue  # a run holds four tokens at least, three spaces apart
        spans = []
        for m in _JAM_RUN.finditer(ln.text):
            start, end = m.span()
            last = m.group(0).rsplit(" ", 1)[1]
            if last.isdigit() and end < len(ln.text) and not ln.text[end].isspace():
                end -= len(last) + 1  # "… G2 P- Q 1月21日": the figure glued to the text is the text's
            if _is_jammer(ln.text[start:end]):
                spans.append((start, end))
        for start, end in reversed(spans):
            page.removed.append(Removal("jammer", ln.text[start:end], ln.no))
            before, after = ln.text[:start].rstrip(" "), ln.text[end:].lstrip(" ")
            ln.text = f"{before} {after}".strip(" ") if before and after else before + after


# a summary field's label and text ("摘要:1935年10月19日，…", "【摘要】:…", "摘 要: | …")
_SUMMARY_FIELD = re.compile(r"^\s*[【\[]?\s*(?:摘\s*要|内容摘要|文章摘要|导\s*读|内容简介)\s*[】\]]?\s*[:：]?\s*[|｜]?\s*(?P<text>.+)$")


def _strip_repeated_summary(page: Page, disabled: frozenset[str]) -> None:
    """A site's summary field at the top of the page ("摘要:近年来，大方县全面推进…") that only
    repeats the first words of the paragraph below it: the site's, so the line goes. An
    abstract in words of its own is the author's and stays."""
    if "summary_repeat" in disabled:
        return
    for i, ln in enumerate(page.lines[:15]):
        m = _SUMMARY_FIELD.match(to_simplified(ln.text))
        if not m or cjk_count(m.group("text")) < 10:
            continue
        start = fold(m.group("text"))[:15]
        # the text's first paragraph below it opens with the same words (a summary field
        # filled from the text's start; an author's abstract says it in other words)
        first = next((x.text for x in page.lines[i + 1:] if is_body_line(x.text)), "")
        if start and start in fold(to_simplified(first))[:40]:
            page.removed.append(Removal("summary_repeat", ln.text, ln.no))
            del page.lines[i]
            return


def strip_site_chrome(page: Page, disabled: frozenset[str] = frozenset()) -> None:
    """Drop chrome lines and spans from a page, logging each under its rule's name."""
    _strip_jammer(page, disabled)
    _strip_repeated_summary(page, disabled)
    _strip_toneless_pinyin(page, disabled)
    lines = page.lines
    if "bullet_menu" not in disabled:
        menu = _bullet_menu(lines)
        page.removed.extend(Removal("bullet_menu", lines[i].text, lines[i].no) for i in sorted(menu))
        lines = [ln for i, ln in enumerate(lines) if i not in menu]
    body_idx = [i for i, ln in enumerate(lines) if is_body_line(ln.text)]
    last_body = body_idx[-1] if body_idx else -1
    kept: list[Line] = []
    in_head = True  # until the first paragraph that is not itself furniture (an editor's intro is)
    editor_para = False  # the paragraph under an editor's heading ("开栏的话") is the editor's
    trail_from = -1  # a location label alone ("您所在的位置:"): its trail follows on the next lines
    for i, ln in enumerate(lines):
        scope = "tail" if i > last_body else "head" if in_head else "body"
        if 0 <= trail_from and i - trail_from <= 2 and _TRAIL.match(line_key(ln.text)) and "breadcrumb" not in disabled:
            page.removed.append(Removal("breadcrumb", ln.text, ln.no))
            continue
        if editor_para and is_body_line(ln.text):
            page.removed.append(Removal("editor_heading", ln.text, ln.no))
            editor_para = False
            continue
        rule = match_line_rule(ln.text, scope, disabled)
        if rule is not None and rule.name == "editor_heading":
            editor_para = True
        if rule is not None and rule.name == "meta_bullet":
            # "• 来源:笋岗街道湖景社区" over "• 时间:…": a stamp's field in the list is the stamp's
            rule = match_line_rule(ln.text[_BULLET.match(ln.text).end():], scope, disabled) or rule
        if rule is not None and rule.name == "meta_bullet" and (
                _stamp_follows(lines, i, scope, disabled) or _heading_over_text(lines, i)):
            # "• 榮促進會會員大會通過報告續擴會址" over "时间:… 来源:…": the article's heading in a list
            bullet = _BULLET.match(ln.text)
            page.removed.append(Removal(rule.name, bullet.group(0), ln.no))
            kept.append(Line(ln.text[bullet.end():].strip(), ln.no, indent=ln.indent))
            continue
        title = (_title_before_meta(ln.text, rule, disabled) or _title_before_site(ln.text, rule)) if rule is not None else ""
        rest = _text_after_meta(ln.text, rule) if rule is not None else ""
        if title or rest:
            # "師德學習心得——孫燕作者:孫燕瀏覽數:4次": the heading keeps its line, the stamp goes;
            # "…来源:人民日报 作者:张秀贤 保持共产党员先进性，…": so does the text after the stamp
            page.removed.append(Removal(rule.name, ln.text[len(title): len(ln.text) - len(rest)], ln.no))
            if title.strip():
                kept.append(Line(title.strip(), ln.no, indent=ln.indent))
            if rest:
                kept.append(Line(rest.strip(), ln.no, indent=ln.indent))
            continue
        if rule is not None:
            page.removed.append(Removal(rule.name, ln.text, ln.no))
            if rule.name == "empty_field" and _LOCATION.match(line_key(ln.text)):
                trail_from = i
            if rule.name == "doc_stat_label" and kept and kept[-1].no == ln.no - 1 and _STAT_VALUE.match(kept[-1].text):
                # "0.02 MB" over "大小", "2024年09月22日" over "发布时间": the card's value goes with it
                page.removed.append(Removal(rule.name, kept.pop().text, ln.no - 1))
            _note_page_fact(page, rule, ln, kept)
            # (a source credit with the day it was posted, "来源:沙坡头区政府办公室 2021.09.09", too;
            # a bare date under a heading, "2020-06-13", but not under a byline: "…书记 彭真")
            stamp = (rule.name in _STAMPS or (rule.name == "head_date_stamp" and (
                _SOURCED.search(ln.text) or not (kept and is_person_name(kept[-1].text.split()[-1]))))
                     or (rule.name == "head_source" and parse_date(ln.text)))
            # the heading stands right over the stamp: not over a record's other fields (索引号,
            # 发布机构, … then 发布日期: the line above them is the column, "预算绩效管理")
            # (over a menu of short words, "省级云" / "A" / "B" …, however many)
            if stamp and page.stamped_heading < 0 and 0 < len(kept) \
                    and (len(kept) <= 4 or all(map(_menu_word, kept[:-1]))) \
                    and is_title_like(kept[-1].text) and cjk_count(kept[-1].text) >= 6 \
                    and sum(kept[-1].no < r.line < ln.no for r in page.removed) < 2:
                page.stamped_heading = kept[-1].no  # the article's heading, however long
            if rule.name == "breadcrumb" and scope == "head" and "above_breadcrumb" not in disabled:
                kept = _strip_above_breadcrumb(page, kept, ln.text)
            elif stamp and scope == "head" and "above_stamped_title" not in disabled:
                kept = _strip_above_stamped_title(page, kept)
            continue
        text, cut = strip_inline_chrome(ln.text, disabled)
        if cut and text and cjk_count(text) <= 10 and (again := match_line_rule(text, scope, disabled)) is not None:
            # "发布日期:2022年11月03日 上一版  下一版": the few words left once the stamp goes may be furniture too
            cut.append((again.name, text))
            text = ""
        for name, frag in cut:
            page.removed.append(Removal(name, frag, ln.no))
            if name == "news_dateline" and re.search(r"[讯电訊電]\s*(?:[（(][^（()）]*[)）])?\s*[:：]?\s*$", frag):  # not a site's name before a salutation
                page.dateline_lines.add(ln.no)
            if name == "member_cut":  # the site cut the text here for non-members
                page.paywalled = True
                page.paywall_lines.append(ln.no)
        if text:
            kept.append(Line(text, ln.no, indent=ln.indent))
            in_head = in_head and not is_body_line(text)
    kept = _strip_page_headings(page, kept, disabled)
    if page.is_html and "html_heading" not in disabled:
        kept = _strip_above_html_heading(page, kept)
    if not page.title and kept:
        first = kept[0].text
        # a line that ends a sentence ("近日，我县召开…会议。") is the text's, not a heading
        if (len(first) <= 50 and not is_body_line(first) and not is_document_number(first)
                and not is_section_label(first) and not SENTENCE_CLOSE.search(first)):
            page.title = first
    page.lines = _strip_tail(page, kept, disabled)
    if "learned_chrome" not in disabled:
        line_model.mark_page(page, is_body_line,
                             lambda t: any(match_line_rule(t, s, disabled) for s in ("head", "body", "tail")))


# Where a site's meta fields start on a line ("来源：四川党的建设 | 被引量：0次 | 上传用户:…")
_META_LABEL = re.compile(r"(?:来源|作者|编辑|发布时间|发布日期|更新时间|被引量|上传用户|上传者|浏览量|浏览次数|阅读量|点击)\s*[:：]")
# A site's name, its buttons or a shared file's name before its meta line ("无忧文档网 时间:…",
# "【以稿换稿】【收藏】 作者:…", "《年度总结.docx》由会员分享")
_SITE_OR_BUTTON = re.compile(r"【|】|\[|\]|《|(?:网|文库|文档|范文|网站)\s*$|^\S{0,12}(?:网|文库)\s|\.(?:docx?|pdf|pptx?|wps|txt)\b", re.I)


# a date set off by a space, where a clock stamp starts after a heading
_SPACED_STAMP = re.compile(r"(?<=[\s(（\[【])(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}")


def _title_before_meta(text: str, rule: rules.Rule, disabled: frozenset[str]) -> str:
    """The heading a site glued in front of its meta line ("…心得——孫燕作者:孫燕瀏覽數:4次"),
    or "" when the line is all furniture.

    >>> t = "师德学习心得——孙燕作者:孙燕浏览数:4次"
    >>> _title_before_meta(t, match_line_rule(t, "head"), frozenset())
    '师德学习心得——孙燕'
    >>> t = "无忧文档网    时间: 2021-10-09 09:14:00     阅读:"
    >>> _title_before_meta(t, match_line_rule(t, "head"), frozenset())
    ''
    >>> t = "市统计局2023年上半年工作总结 2023-05-01 10:20 浏览次数：125"
    >>> _title_before_meta(t, match_line_rule(t, "head"), frozenset())
    '市统计局2023年上半年工作总结'
    >>> t = "市统计局2023年上半年工作总结 字数：3000"
    >>> _title_before_meta(t, match_line_rule(t, "head"), frozenset())
    '市统计局2023年上半年工作总结'
    """
    if rule.name not in ("publish_meta", "clock_stamp", "reading_stats"):
        return ""
    key = line_key(text, disabled)
    if rule.name == "reading_stats":
        # "…上半年工作总结 字数：3000": the heading, a space, the counter
        m = _READING_START.search(key)
        label = None
    elif rule.name == "clock_stamp":
        # "…上半年工作总结 2023-05-01 10:20 浏览次数：125": the heading, a space, the stamp
        m = _SPACED_STAMP.search(key)
        label = None
    else:
        m = rule.pattern.search(key)
        label = _META_LABEL.search(key)
    start = min(m.start() if m else len(key), label.start() if label else len(key))
    if start < 4 or start == len(key):
        return ""
    head = re.sub(r"(?:作者|编辑|责任编辑|发布人|发布者|(?:文章|信息|新闻|稿件)?(?:来源|出处))\s*[:：]?\s*$|\s+(?:文章|信息|新闻|稿件)$", "",
                  key[:start]).rstrip()
    head = head.rstrip("(（[【 ")  # "…工作总结(2023-05-01 10:20)": the stamp in brackets
    # the stamp's date before its labels ("…工作总结 2023年05月01日 来源：…")
    head = re.sub(r"\s+(?:19|20)\d\d(?:年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$", "", head)
    if not is_title_like(head) or cjk_count(head) < 6 or _SITE_OR_BUTTON.search(head):
        return ""
    if rule.name == "reading_stats" and not complete_title(head):
        return ""  # "转载 分享 时间: 加入收藏 共计6026个字": the site's buttons, no heading
    if rule.name == "clock_stamp" and re.search(r"\s|https?:|www\.", head):
        return ""  # "本报记者 殷泓 http://…", "本帖最后由 李乐 于": a byline or a forum's note, no heading
    n = len(head)
    return text[:n] if fold(text[:n]) == fold(head) else ""


# where a reading counter starts after a heading ("… 字数：3000", "… 本文共3000字", "… 预计阅读5分钟")
_READING_START = re.compile(r"\s(?=\s*(?:(?:文章|全文)?字数|本文|全文|共计?\s*\d|预计阅读|阅读(?:需要?|约需?|大约)|\d{2,6}\s*字))")


# A site's name or its download button after a heading ("…工作总结 - 百度文库", "…工作总结 免费下载")
_SITE_PART = re.compile(r"网站|文库|资料库|门户|范文|文档|网$|下载")
_FURNITURE_WORD = re.compile(r"客服|提示|登录|注册|下载|首页|网站|文库|会员|资料库|门户|范文网|文档网|VIP", re.I)
_SEPARATOR = re.compile(r"\s*[-—–|_｜]+\s*|\s+")


def _title_before_site(text: str, rule: rules.Rule) -> str:
    """The heading a site glued its own name or a download button to, on a line that rule
    takes for the site's, or "".

    >>> t = "2023年党支部工作总结 - 百度文库"
    >>> _title_before_site(t, match_line_rule(t, "head"))
    '2023年党支部工作总结'
    >>> t = "联系客服提示-办公文库—老笔头原创资料库—职场写作门户网站"
    >>> _title_before_site(t, match_line_rule(t, "head"))
    ''
    """
    if rule.name not in ("site_name_line", "site_title_line", "promo"):
        return ""
    for sep in _SEPARATOR.finditer(text):
        head, tail = text[: sep.start()].strip(), text[sep.end():].strip()
        if not head or not tail:
            continue
        if cjk_count(tail) > 12 or not _SITE_PART.search(tail):
            continue
        if cjk_count(head) >= 8 and is_title_like(head) and not _FURNITURE_WORD.search(head):
            return text[: sep.start()]
        return ""
    return ""


# A run of a stamp's labelled fields ("来源:人民日报 作者:张秀贤 "), each value without spaces
_META_FIELDS = re.compile(r"(?:(?:来源|作者|编辑|责任编辑|发布时间|发布日期|更新时间|时间|日期|浏览|阅读|点击|人气)\s*[:：]\s*\S{0,30}\s+)+")


def _text_after_meta(text: str, rule: rules.Rule) -> str:
    """The report's text the site ran on after its stamp on one line ("…来源:人民日报
    作者:张秀贤 保持共产党员先进性，对于我们党来说，…"), or "".

    >>> t = "来源:人民日报 作者:张秀贤 保持共产党员先进性，对于我们党来说，无疑是一个老话题。但在今天，我们党把它提到全党同志面前。"
    >>> _text_after_meta(t, match_line_rule(t, "head"))[:9]
    '保持共产党员先进性'
    """
    fields = list(_META_FIELDS.finditer(text)) if rule.name == "publish_meta" else []
    if not fields:
        return ""
    rest = text[fields[-1].end():]
    # a last field whose Latin value runs into the text ("作者:admin新华社北京…")
    rest = re.sub(r"^(?:来源|作者|编辑|责任编辑)\s*[:：]\s*[A-Za-z0-9_@.\-]{1,30}(?=[\u4e00-\u9fff])", "", rest)
    return rest if is_body_line(rest) and re.search(r"[。！？]", rest) else ""


# a location label and a trail of steps under it ("您所在的位置:" / "福建妇联新闻> 基层互动" / "> 正文")
_LOCATION = re.compile(r"^\s*(?:您的当前位置|您现在的位置|您所在的位置|您当前的位置|您当前位置|所在位置|当前位置|您的位置)\s*[:：]\s*$")
_TRAIL = re.compile(r"^\s*(?=[^。，,；;！？]{1,40}$)(?:[^>›»＞]{0,16}\s*(?:>>?|›|»|＞)\s*)+[^>›»＞]{0,16}$")
# the value on a document site's fact card: a date, a count, a file size
_STAT_VALUE = re.compile(r"^\s*(?:(?:19|20)\d\d(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)(?:\s+\d{1,2}:\d\d(?::\d\d)?)?"
                         r"|[\d.,]+\s*(?:[KMG]B|页|次|字)?)\s*$", re.I)
# a bare date with its source or author after it ("2022-11-24 来源:大有能源") is a publish stamp too
# (or a clock time: "2019-03-15 17:34:30 苏州都市网" is when the site published it)
_SOURCED = re.compile(r"(?:来源|來源|作者|编辑|編輯)\s*[:：]|(?<!\d)[0-2]?\d:[0-5]\d(?!\d)")
# The site's stamp under an article's heading: publish time, source, views
_STAMPS = frozenset({"publish_meta", "site_timestamp", "clock_stamp"})


def _stamp_follows(lines: list[Line], i: int, scope: str, disabled: frozenset[str]) -> bool:
    """Is the next line a publish stamp, and line i a heading over it (not a value)?"""
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    rule = match_line_rule(nxt, scope, disabled) if nxt else None
    head = _BULLET.sub("", lines[i].text)
    return rule is not None and rule.name in _STAMPS and is_title_like(head) and cjk_count(head) >= 6


def _menu_word(ln: Line) -> bool:
    """A line short enough to be an item of the site's menu ("省级云", "A", "临床科室")."""
    return cjk_count(ln.text) <= 6 and len(ln.text) <= 12


def _heading_over_text(lines: list[Line], i: int) -> bool:
    """A bulleted line that names a kind of report, alone over the text ("· …工作总结" then
    its first paragraph): the heading, set as a list item by the page, not one of the site's."""
    text = _BULLET.sub("", lines[i].text)
    alone = not (i and _BULLET.match(lines[i - 1].text))
    # (or a long headline: "- 党建引领丨增城区中医医院与派潭镇中心卫生院共探…新路径")
    return (alone and i + 1 < len(lines) and is_body_line(lines[i + 1].text) and cjk_count(text) >= 6
            and (complete_title(text) or (cjk_count(text) >= 16 and is_title_like(text))))


def _strip_above_stamped_title(page: Page, kept: list[Line]) -> list[Line]:
    """A CMS prints its header, then the article's heading, then the stamp ("发布时间：…
    来源：…"): the heading is the line right above the stamp, and the short lines above
    it are the site's ("写作顾问", "工作总结/工作汇报", "更多 >>"). Kept: an organisation's name,
    a date, and the first half of a heading broken over two lines.

    >>> page = Page(source="p.txt", text="", encoding="utf-8", is_html=False)
    >>> kept = [Line(t, n) for n, t in enumerate(["写作顾问", "工作总结/工作汇报", "2011年教育体育局工作年度总结"])]
    >>> [k.text for k in _strip_above_stamped_title(page, kept)]
    ['2011年教育体育局工作年度总结']
    >>> kept = [Line(t, n) for n, t in enumerate(["关于进一步加强基层党组织建设的", "调研报告与对策建议"])]
    >>> [k.text for k in _strip_above_stamped_title(page, kept)]
    ['关于进一步加强基层党组织建设的', '调研报告与对策建议']
    """
    heading = kept[-1].text if kept else ""
    if len(kept) < 2 or not is_title_like(heading) or cjk_count(heading) < 6 or is_org_name(heading):
        return kept  # no heading right above the stamp (a record's last value, an issuer's name)
    first_body = next((i for i, k in enumerate(kept) if is_body_line(k.text)), -1)
    out = kept[: first_body + 1] if first_body >= 0 else []
    for k in kept[first_body + 1 : -1]:
        # (a name of three characters at least: "全部" over the heading is a menu word)
        if (is_org_name(k.text) and cjk_count(k.text) >= 3) or parse_date(k.text) or runs_on(k.text):
            out.append(k)
        else:
            page.removed.append(Removal("above_stamped_title", k.text, k.no))
    return out + kept[-1:]


def _strip_above_breadcrumb(page: Page, kept: list[Line], crumb: str) -> list[Line]:
    """A breadcrumb ends the site's header: the short lines above it are the site's (its
    logo text, banners, menu words "在线参阅", "手机版"), not the report's. Kept: an
    organisation's name or a date, and a line the breadcrumb itself names (the title
    printed above its own trail)."""
    steps = {fold(c) for c in _CRUMB_SPLIT.split(re.sub(r"^.*?[:：]", "", line_key(crumb)))} - {""}
    # four short words or more over it are the site's menu ("预约挂号", "临床科室", "互联网医院"):
    # a unit's name among them is a menu item too
    menu = sum(map(_menu_word, kept)) >= 4
    out = []
    for k in kept:
        if (is_body_line(k.text) or (is_org_name(k.text) and not menu) or parse_date(k.text)
                or fold(line_key(k.text)) in steps):
            out.append(k)
        else:
            page.removed.append(Removal("above_breadcrumb", k.text, k.no))
    return out


_CRUMB_SPLIT = re.compile(r"\s*(?:[>›»＞→/|]|&gt;)\s*")


def _strip_page_headings(page: Page, kept: list[Line], disabled: frozenset[str]) -> list[Line]:
    """The site's column name or listing label on a line of its own in the head
    ("协会动态" under "您的位置:首页> 协会动态", "党员文章" over "党员文章(精选20篇)"):
    a step of the breadcrumb or the label of the listing heading, not the report's heading."""
    names: dict[str, str] = {}
    last_steps: set[str] = set()  # a breadcrumb's last step names the article itself
    if "breadcrumb" not in disabled:
        for r in page.removed:
            if r.rule == "breadcrumb":
                crumbs = [c for c in _CRUMB_SPLIT.split(re.sub(r"^.*?[:：]", "", line_key(r.text))) if c.strip()]
                for crumb in crumbs:
                    names[fold(crumb)] = "breadcrumb"
                if crumbs and cjk_count(crumbs[-1]) >= 10:
                    last_steps.add(fold(crumbs[-1]))
    if page.announced_label and "item_count" not in disabled:
        names.setdefault(fold(page.announced_label), "item_count")
    for r in page.removed:
        if r.rule in ("clock_stamp", "publish_meta", "site_timestamp"):
            # the column named in the stamp ("时间:2022-10-08 17:39:05 致辞 我要投稿")
            for word in re.findall(r"(?<![\w:：])([\u4e00-\u9fff]{2,6})(?=\s|$)", line_key(r.text)):
                names.setdefault(fold(word), r.rule)
    names.pop("", None)
    if not names:
        return kept
    first_body = next((i for i, k in enumerate(kept) if is_body_line(k.text)), len(kept))
    out = []
    for i, ln in enumerate(kept):
        key = fold(line_key(ln.text)) if i < first_body else ""
        rule = names.get(key) if key else None
        # the heading a stamp stands under, or one the breadcrumb ends on, is the article's;
        # not when another heading follows it ("数字档案馆建设典型案例" over "…档案馆：奋楫笃行…")
        if rule and ln.no != page.stamped_heading and (key not in last_steps or _heading_follows(kept, i, first_body)):
            page.removed.append(Removal(rule, ln.text, ln.no))
        else:
            out.append(ln)
    return out


def _heading_follows(kept: list[Line], i: int, first_body: int) -> bool:
    nxt = kept[i + 1].text if i + 1 < first_body else ""
    return bool(nxt) and is_title_like(nxt) and cjk_count(nxt) >= 10 and not subtitle_text(nxt)


# What an editor's intro says it brings: "下面是小编为大家整理的街道工作总结及2023年工作思路,供大家参考。"
_INTRO_NAMES = re.compile(r"(?:整理|收集|带来|分享|准备|推荐|精选)(?:了|的)(?:一篇|几篇|\d+篇)?(?:关于)?"
                          r"(?P<title>(?![\d一二三四五六七八九十几]+篇)[^，。,！!？?；;“”\s]{4,40}?)(?:[（(【][^）)】]*[）)】])?(?=[，。,！!；;]|范文|$)")

_TITLE_PARTS = re.compile(r"\s*(?:[-_|｜–—]+|\s)\s*")


def _strip_above_html_heading(page: Page, kept: list[Line]) -> list[Line]:
    """The article's heading is the line that the page's <title> agrees on; the short lines
    above it (a column name "学生活动", a section heading "不忘初心 牢记使命") are the
    site's, not the report's. The heading becomes the page title."""
    parts = {fold(p) for p in _TITLE_PARTS.split(page.html_title) if cjk_count(p) >= 4}
    parts |= {fold(page.html_title)} - {""}
    headline = fold(page.title)
    if headline and any(fold(ln.text) == headline for ln in kept):
        # the headline <title> gives before the site's name ("…深入人心_市社科规划办"), not the
        # site's name that the logo over it repeats
        parts = {headline}
    for i, ln in enumerate(kept):
        if is_body_line(ln.text) and fold(ln.text) != headline:
            break
        if fold(ln.text) in parts:
            above = kept[:i]
            # (an organisation's name stays, unless it is the site's that <title> ends with)
            site = [fold(p) for p in _TITLE_PARTS.split(page.html_title) if cjk_count(p) >= 4 and fold(p) not in parts]
            keep = [a for a in above if (is_org_name(a.text) and not any(x in fold(a.text) for x in site))
                    or parse_date(a.text)]
            for a in above:
                if a not in keep:
                    page.removed.append(Removal("html_heading", a.text, a.no))
            page.title = ln.text
            return keep + kept[i:]
    return kept


# The shared document's file name in a document site's blurb: 《年度工作总结.docx》
_DOC_NAME = re.compile(r"《(?P<name>[^《》]{2,80}?)\.(?:docx?|pdf|pptx?|wps|txt)\b", re.I)


def _bare_name(name: str) -> str:
    """A name the site gives a text (its breadcrumb's last step, its editor's intro) without
    the furniture a title line loses too: "(2篇)关于…心得体会" -> "关于…心得体会"."""
    return strip_inline_chrome(name.strip())[0].strip() or name.strip()


def _note_page_fact(page: Page, rule: rules.Rule, ln: Line, kept: list[Line]) -> None:
    if rule.name == "item_count":
        key = line_key(ln.text)
        m = rule.pattern.search(_BULLET.sub("", key)) or rule.pattern.search(key)
        page.announced = cn_number(m.group("count") or m.group("bare"))
        page.announced_label = m.group("label")
    elif rule.name == "breadcrumb" and not page.crumb_title:
        last = _CRUMB_SPLIT.split(re.sub(r"^.*?[:：]", "", line_key(ln.text)).strip(" >›»＞→/|"))[-1]
        if complete_title(last) and len(last) <= 50:
            page.crumb_title = _bare_name(last)
        elif 10 <= len(last) <= 50 and not re.search(r"[。！？!?；;]", last):
            page.crumb_headline = _bare_name(last)
    elif rule.name == "editor_intro" and not page.intro_title:
        m = _INTRO_NAMES.search(line_key(ln.text))
        if m:
            page.intro_title = _bare_name(m.group("title"))
    elif rule.name == "original_title" and not page.intro_title and len(kept) <= 1:
        # "原标题:…" at the top of a repost (at most a lead line above it): the heading the piece
        # ran under, its name when it prints no other
        m = re.search(r"原标题\s*[:：]\s*(.+)$", line_key(ln.text))
        if m and is_title_like(m.group(1).strip()):
            page.intro_title = _bare_name(m.group(1))
    elif rule.name == "doc_share_blurb" and not page.title:
        m = _DOC_NAME.search(ln.text)
        if m:
            page.title = m.group("name").strip()
    elif rule.name == "paywall":
        page.paywalled = True
        if kept:
            page.paywall_lines.append(kept[-1].no)


_SENTENCE_END = re.compile(r"。[”’」』)）]?\s*$")  # titles end in words, or ？！


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
    # a list of short dated titles under its heading may read like text ("03-29古冶社区教育分院举办…"):
    # the list may start after the last paragraph that ends a sentence
    last_sentence = max((i for i in body_idx if _SENTENCE_END.search(lines[i].text)), default=last_body)
    for i in range(min(last_body, last_sentence) + 1, len(lines)):
        text = lines[i].text
        if (related.name not in disabled and related.pattern.search(line_key(text, disabled))
                and longest_after[i] <= cfg["related_max_chars"]
                # a list of titles, not the text going on in short sentences after a link box
                and not any(_SENTENCE_END.search(ln.text) and cjk_count(ln.text) >= 15 for ln in lines[i + 1:])):
            cut = i
            for ln in lines[i:]:
                page.removed.append(Removal(related.name, ln.text, ln.no))
            break
    lines = lines[:cut]
    if related.name not in disabled:
        # a link box's heading alone ("推荐阅读：") where the text goes on after the box
        bare = [ln for ln in lines if len(ln.text.strip()) <= 8 and related.pattern.search(line_key(ln.text, disabled))]
        page.removed.extend(Removal(related.name, ln.text, ln.no) for ln in bare)
        lines = [ln for ln in lines if ln not in bare]
    while ("page_title_repeat" not in disabled and len(lines) - 1 > max(last_body, 0)
           and fold(lines[-1].text) in titles):
        page.removed.append(Removal("page_title_repeat", lines[-1].text, lines[-1].no))
        lines = lines[:-1]
    return lines
