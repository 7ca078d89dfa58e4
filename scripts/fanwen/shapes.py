"""What a line looks like: a title, an organisation line, a subtitle, a heading…

Splitting, head parsing and structuring all ask these questions; they are
answered here, once, from the patterns in ``rules/structure.yaml``. Every
predicate works on Traditional and Simplified text alike.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import rules
from .dates import is_date_line
from .text import SENTENCE_END, cjk_count, cn_number, fold, to_simplified

_INNER_STOP = re.compile(r"[。！？；!?;]")
_COMMAS = re.compile(r"[，,]")
_NAME_PUNCT_OK = set("、（）()·－-×＊*")  # and anonymisation marks ("×××委员会")


@lru_cache(maxsize=65536)
def simple(s: str) -> str:
    """The Simplified form patterns are matched against (cached: lines are asked often)."""
    return to_simplified(s)


def numbering(s: str) -> tuple[int, int]:
    """(heading level, number) of an official-document numbering at the line start, or (0, 0).

    >>> numbering("一、点评模式灵活"), numbering("（三）点评步骤切实可行"), numbering("2、工作现场即时点评")
    ((2, 1), (3, 3), (4, 2))
    >>> numbering("(1)落实领导责任"), numbering("2011年2月14日"), numbering("一是加强领导")
    ((5, 1), (0, 0), (0, 0))
    """
    for level, rx in rules.structure()["headings"]:
        m = rx.match(s)
        if m:
            return level, cn_number(m.group("num"))
    return 0, 0


def is_heading_text(s: str) -> bool:
    """Short, and no sentence ends inside it: a numbered line of this shape is a heading.

    >>> is_heading_text("二、新時期國有企業黨建工作面臨的挑戰。")
    True
    >>> is_heading_text("1、承诺践诺立足实际。在确定承诺内容上,广大党员结合岗位职责")
    False
    >>> is_heading_text("1、七点钟的班会，有的同学会出现迟到的情况；")
    False
    """
    if cjk_count(s) > rules.structure()["heading_max_chars"] or s.rstrip()[-1:] in "；;":
        return False  # an item of an enumeration ends in "；", a heading never does
    return not _INNER_STOP.search(s.rstrip("。：:！!？?” "))


def is_salutation(s: str) -> bool:
    """"同志们:", "尊敬的各位领导…": the opening of a speech, body text."""
    return bool(rules.structure()["salutation"].match(simple(s)))


def subtitle_text(s: str) -> str:
    """The text of a subtitle line ("——在…上的讲话"), or ""."""
    m = rules.structure()["subtitle"].match(s)
    return m.group("text") if m and cjk_count(m.group("text")) >= 2 else ""


def is_org_name(s: str) -> bool:
    """A bare organisation name: short, ends like one, no title words.

    >>> is_org_name("井陉县公路工程队"), is_org_name("市疾病预防控制中心"), is_org_name("部门创先争优点评工作汇报")
    (True, True, False)
    >>> is_org_name("创先争优推进会"), is_org_name("因地制宜 突出特色 创建文明社区")
    (False, False)
    >>> is_org_name("XX镇"), is_org_name("XX高新区管委会")
    (True, True)
    """
    s = s.strip()
    # "XX镇", "××公司": a 范文's placeholder stands for the name
    if not (2 <= len(s) <= 30) or cjk_count(s) + len(re.findall(r"[XxＸｘ×＊*]", s)) < 2:
        return False
    if any(not ch.isalnum() and ch not in _NAME_PUNCT_OK and not ch.isspace() for ch in s):
        return False
    if len(s.split()) > 2:
        return False  # "因地制宜 突出特色 创建文明社区": a slogan of phrases, not a name
    st = rules.structure()
    k = simple(s)
    return bool(st["org_suffix_re"].search(k)) and not st["title_words_re"].search(k)


def org_line(s: str) -> str:
    """"市疾病预防控制中心:" (an organisation, then a colon, nothing else) -> the name. Those a
    notice is addressed to ("各党支部：", "所属各单位：") are no writer.

    >>> org_line("市疾病预防控制中心:"), org_line("各党支部：")
    ('市疾病预防控制中心', '')
    """
    s = s.strip()
    if s[-1:] in (":", "：") and is_org_name(s[:-1]) and not re.match(r"^(?:各|全体|所属|公司所属|局属)", s):
        return s[:-1].strip()
    return ""


def org_and_title(s: str) -> tuple[str, str]:
    """"粮食局:以创先争优活动为契机…" -> (org, title); ("", "") when not of that shape."""
    m = re.match(r"^(?P<org>[^:：]{2,20})[:：](?P<title>.+)$", s.strip())
    if m and is_org_name(m.group("org").strip()) and is_title_like(m.group("title")):
        return m.group("org").strip(), m.group("title").strip()
    return "", ""


def is_title_like(s: str) -> bool:
    """Could this line be (part of) a report title?

    >>> is_title_like("创先争优树形象,行政服务上水平"), is_title_like("将“创先争优”活动融入企业中心工作,")
    (True, True)
    >>> is_title_like("一、点评模式灵活"), is_title_like("同志们:"), is_title_like("(2010年12月9日)")
    (False, False, False)
    """
    s = s.strip()
    n = cjk_count(s)
    if n < 3 or len(s) > 60 or n > 45:
        return False
    if _INNER_STOP.search(s[:-1]) or (s[-1] in SENTENCE_END):
        return False
    if s[-1] in ":：" or len(_COMMAS.findall(s)) > 2:
        return False
    if numbering(s)[0] or is_salutation(s) or is_date_line(s) or subtitle_text(s):
        return False
    return not (is_distribution_start(s) or is_distribution_line(s))


# A newspaper's credit with names after a space ("通讯员 杨彬 卢益建", "记者 张三")
# a newspaper's credit mark before a byline ("□周 杰"); never a mask ("□□县…")
_CREDIT_MARK = re.compile(r"^[□■]\s*(?P<rest>[^□■\s].{1,24})$")
# an author's affiliation line: organisation(s), place, six-digit postcode, maybe in brackets
_AFFILIATION = re.compile(r"^[（(]?(?P<org>[^（）()\d]{4,60}?)[，,、\s]\s*(?:[\u4e00-\u9fff]{2,8}\s*){1,3}\d{6}[）)]?$")
# ("本报记者杨晓斌", "通讯员 吕守军报道", "雅安日报全媒体记者 孙振宇": the paper's own reporter,
# named with the paper, needs no space; a credit may end in 报道 or 摄)
_REPORTER_ROLE = r"(?:(?:全媒体|首席|特约|见习)?(?:记者|通讯员)|实习生)"
# (each name maybe with what it made: "周嘉/文 宋姿熠/图")
_REPORTER_NAMES = r"[\u4e00-\u9fff]{2,4}?(?:\s*/\s*[文图])?(?:\s+[\u4e00-\u9fff]{2,4}?(?:\s*/\s*[文图])?){0,3}?"
# (the outlet in book-title marks or named as a news brand or as this site: "《人民日报》记者张永恒",
# "封面新闻记者 曹笑", "本站通讯员：尹登明")
_REPORTER = re.compile(rf"^\s*(?:(?:本报|本刊|本台|本网|本站|《[^《》]{{2,12}}》|[\u4e00-\u9fff·/]{{2,16}}?(?:日报|晚报|报|电视台|客户端|融媒体中心|融媒|网|新闻))"
                       rf"{_REPORTER_ROLE}\s*[:：]?\s*|{_REPORTER_ROLE}\s*[:：]\s*|{_REPORTER_ROLE}\s+)"
                       rf"(?P<names>{_REPORTER_NAMES})"
                       # a second role ("…记者罗军通讯员毕于倩", "记者 张昊 通讯员 崔路")
                       rf"(?:\s*{_REPORTER_ROLE}\s*[:：]?\s*(?P<more>{_REPORTER_NAMES}))?"
                       # (what it made, or whose photos the item shows: "图/受访者供图")
                       r"\s*(?:报道|摄影|摄|文\s*/\s*图|(?:图\s*/\s*)?受访者供图)?\s*$")
_MADE = re.compile(r"\s*/\s*[文图]")  # what a credited name made ("周嘉/文")
# A news item's credit of bare names, maybe with the day it was filed ("庞宇岐 高华 1231")
_NAMES_CREDIT = re.compile(r"^(?P<names>[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}){1,3})(?:\s+(?:[01]\d[0-3]\d|\d{1,2}[-/.]\d{1,2}))?$")


# A site's author field, a label and the writers' names alone ("作者：郝雅静", "文/陈海蓉 伍 平 王春芝",
# "创建者：王宇凡"), maybe with the photographer's after it ("撰稿 张黎航，摄影 田宇"): the page's
# record of who wrote it, as a newspaper's credit is
_WRITER_LABEL = r"(?:作者|文\s*、\s*[摄图]|文|撰稿|撰文|执笔|创建者)"  # "文、摄/郭豪杰": who wrote and took the photos
_AUTHOR_PART = r"\s*(?:[:：]|/|(?<=作者|撰稿|撰文|执笔|摄影)\s)\s*(?P<{}>[\u4e00-\u9fff·]{{2,4}}(?:\s*[ 、，,]\s*[\u4e00-\u9fff·]{{1,4}}){{0,5}}?)"
_AUTHOR_FIELD = re.compile(rf"^\s*{_WRITER_LABEL}{_AUTHOR_PART.format('names')}"
                           rf"(?:\s*[，,；;]?\s*(?:摄影|图){_AUTHOR_PART.format('photo')})?\s*$")


def author_field(s: str) -> str:
    """The writers' names of a site's author field ("作者：郝雅静" -> "郝雅静"), or "": a label
    and persons' names, nothing else (a writer named with a unit stays a byline).

    >>> author_field("作者：郝雅静"), author_field("文/陈海蓉 伍 平 王春芝"), author_field("作者：党总支")
    ('郝雅静', '陈海蓉 伍平 王春芝', '')
    >>> author_field("撰稿 张黎航，摄影 田宇"), author_field("文 明天的路")
    ('张黎航', '')
    """
    m = _AUTHOR_FIELD.match(simple(s.strip()))
    if not m:
        return ""
    writers, photographers = (_name_list(m.group(g) or "") for g in ("names", "photo"))
    return " ".join(writers) if all(is_person_name(n) and not is_org_name(n) for n in [*writers, *photographers]) else ""


def _name_list(text: str) -> list[str]:
    """The names of a credit, a name printed with a space inside it ("伍 平") as one."""
    names: list[str] = []
    for p in filter(None, re.split(r"\s*[、，,]\s*|\s+", text)):
        if names and len(p) == 1 and len(names[-1]) == 1:
            names[-1] += p
        else:
            names.append(p)
    return names


# A news item's credit in brackets after its last sentence ("（通讯员阮清六 周伟 融媒体记者吴青青）",
# "(蔡娜 编辑:王利军)", "(作者、编辑:周晓丹)", "(阮莉 陈颖)"): the roles, and names alone
_CREDIT_ROLE = r"(?:[\u4e00-\u9fff]{0,8}?(?:记者|通讯员)|作者|编辑|责任编辑|责编|摄影|摄像|摄|图片|图|文字|文|图文|审核|校对|供稿|撰稿)"
_CREDIT_ROLES = rf"{_CREDIT_ROLE}(?:\s*[、/]\s*{_CREDIT_ROLE})*"
_BRACKETED_CREDIT = re.compile(r"^\s*[（(]\s*(?P<inner>[^（）()]{2,60}?)\s*[)）]\s*$")
# the credit glued to the text's last sentence
GLUED_CREDIT = re.compile(r"(?<=[。！？!?”’」』])\s*(?P<credit>[（(][^（）()]{2,60}[)）])\s*$")


def _bracketed_credit(s: str) -> str:
    """The names of a credit in brackets: persons' names, with their roles or two names at least.

    >>> _bracketed_credit("(蔡娜 编辑:王利军)"), _bracketed_credit("（阮莉 陈颖）"), _bracketed_credit("(作者、编辑:周晓丹)")
    ('蔡娜 王利军', '阮莉 陈颖', '周晓丹')
    >>> _bracketed_credit("（许敏）"), _bracketed_credit("（典礼结束）"), _bracketed_credit("（三台县北坝镇人民政府 何乐）")
    ('', '', '')
    """
    m = _BRACKETED_CREDIT.match(s)
    if not m:
        return ""
    inner = m.group("inner")
    names = [t for t in re.split(rf"\s*{_CREDIT_ROLES}\s*[:：]?\s*|[\s、，,]+", inner) if t]
    roles = re.sub(r"[\s、，,:：/]+", "", inner) != "".join(names)
    return " ".join(names) if names and (roles or len(names) > 1) and all(map(is_person_name, names)) else ""


def reporter_credit(s: str) -> str:
    """The names of a newspaper's reporter credit ("通讯员 吕守军报道" -> "吕守军"), or "".

    >>> reporter_credit("本报记者 杨晓斌"), reporter_credit("记者节活动总结"), reporter_credit("周口日报·周道客户端记者 苑美丽")
    ('杨晓斌', '', '苑美丽')
    >>> reporter_credit("滨州日报/滨州网记者罗军通讯员毕于倩"), reporter_credit("中国宁波网记者 张昊 通讯员 崔路")
    ('罗军 毕于倩', '张昊 崔路')
    >>> reporter_credit("通讯员:李佩怡"), reporter_credit("映象网记者 阮海峰 通讯员 李红菊 文/图"), reporter_credit("网记者节")
    ('李佩怡', '阮海峰 李红菊', '')
    >>> reporter_credit("■本报记者 潘玉娇 王艳芳"), reporter_credit("□□县记者节")
    ('潘玉娇 王艳芳', '')
    """
    s = simple(s.strip())
    m = _REPORTER.match(re.sub(r"^[□■](?=\s*[^□■\s])\s*", "", s))  # "■本报记者 潘玉娇 王艳芳": a credit mark first
    names = _MADE.sub("", " ".join(filter(None, m.groups()))) if m else ""
    return names if names and all(is_person_name(n) for n in names.split()) else _bracketed_credit(s)


def byline(s: str) -> tuple[str, str]:
    """(organisation or position, person) of a byline, or ("", "").

    >>> byline("湖南神斧集团湘器公司 陈瑜"), byline("教育局党委书记、纪委书记 徐元方")
    (('湖南神斧集团湘器公司', '陈瑜'), ('教育局党委书记、纪委书记', '徐元方'))
    >>> byline("(动力工区第二检修作业区党支部)"), byline("创先争优激活力 夯实基础促发展")
    (('动力工区第二检修作业区党支部', ''), ('', ''))
    >>> byline("文/艺佳"), byline("作者：张XX"), byline("演讲人：江波（市自来水公司）")
    (('', '艺佳'), ('', '张XX'), ('市自来水公司', '江波'))
    >>> byline("担保业务二部:邹杰"), byline("专题党课：不忘初心"), byline("通讯员 杨彬 卢益建")
    (('担保业务二部', '邹杰'), ('', ''), ('', '杨彬 卢益建'))
    >>> byline("□周 杰"), byline("（中共广西区委党校、广西行政学院，广西 南宁 530021）")
    (('', '周 杰'), ('中共广西区委党校', ''))
    >>> byline("广东珠海金湾发电有限公司 广东珠海 519000"), byline("□□县2019年工作总结")
    (('广东珠海金湾发电有限公司', ''), ('', ''))
    >>> byline("本报记者杨晓斌"), byline("通讯员 吕守军报道"), byline("庞宇岐 高华 1231")
    (('', '杨晓斌'), ('', '吕守军'), ('', '庞宇岐 高华'))
    >>> byline("张 翼 中国社会科学院社会发展战略研究院院长"), byline("高举 旗帜做合格党员书记")
    (('中国社会科学院社会发展战略研究院院长', '张 翼'), ('', ''))
    """
    s = s.strip()
    st = rules.structure()
    marked = _CREDIT_MARK.match(s)
    if marked:
        # "□周 杰", "□ 本報赴安徽調研采訪組": a newspaper's credit mark, then the writer
        rest = marked.group("rest")
        if is_person_name(re.sub(r"\s+", "", rest)):
            return "", rest
        if re.search(r"本报|记者|通讯员|采访组|调研组", simple(rest)):
            return "", rest
        return byline(rest)
    m = _AFFILIATION.match(s)
    if m and is_org_name(re.split(r"[、，,]", m.group("org"))[0]):
        # "（中共广西区委党校，广西 南宁 530021）", "广东珠海金湾发电有限公司 广东珠海 519000":
        # a paper's author affiliation, with place and postcode
        return re.split(r"[、，,]", m.group("org"))[0].strip(), ""
    m = st["credit_re"].match(simple(s))
    if m:
        name = s[m.start("name"): m.end("name")]
        unit = re.match(r"^(?P<name>[^（(]{1,12})[（(](?P<org>[^（）()]{2,30})[）)]$", name)
        if unit and is_org_name(unit.group("org")):
            return unit.group("org"), unit.group("name")  # "演讲人：江波（市自来水公司）"
        return "", name
    m = _REPORTER.match(simple(s)) or _NAMES_CREDIT.match(simple(s))
    if m and all(is_person_name(n) for n in _MADE.sub("", m.group("names")).split()):
        return "", _MADE.sub("", s[m.start("names"): m.end("names")]).strip()  # "通讯员 杨彬 卢益建"
    m = re.match(r"^[（(](?P<org>[^()（）]{2,30})[）)]$", s)
    if m and is_org_name(m.group("org")):
        return m.group("org"), ""
    m = st["byline_re"].match(s) or re.match(r"^(?P<who>[^:：\s]{2,30})[:：]\s*(?P<name>\S{2,4})$", s)
    if m and (m.re is st["byline_re"] or is_person_name(m.group("name"))):
        who = m.group("who").strip()
        if is_org_name(who) or st["position_re"].search(simple(who)):
            return who, m.group("name")
    m = _NAME_THEN_POST.match(s)
    post = st["position_re"].search(simple(m.group("who"))) if m else None
    if (m and post and is_person_name(re.sub(r"\s", "", m.group("name")))
            and (post.start() == 0 or is_org_name(m.group("who")[: post.start()]))):
        # "张 翼 中国社会科学院社会发展战略研究院院长": the writer, then the unit and post
        return m.group("who"), m.group("name")
    return "", ""


# a writer's name (a two-character one maybe spaced out to three) before the unit and post
_NAME_THEN_POST = re.compile(r"^(?P<name>\S{2,4}|\S[ \u3000]\S)[ \u3000]+(?P<who>[^\s，,。；;：:]{4,40})$")


def is_person_name(s: str) -> bool:
    """A line that is only a person's name ("李仁斌", "张XX", "欧阳某某"), not a word ("一个").

    >>> is_person_name("李仁斌"), is_person_name("张XX"), is_person_name("一个"), is_person_name("同时")
    (True, True, False, False)
    """
    s = s.strip()
    st = rules.structure()
    if not st["person_name_re"].match(s):
        return False
    k = simple(s)
    return "·" in k or k[0] in st["surnames"] or k[:2] in st["compound_surnames"]


# The sentence of a notice that sends out a document by name ("现将《2018年…工作要点》印发给你们")
SENDS = re.compile(r"(?:现将|现把|特将|兹将)《(?P<title>[^《》]{4,80})》(?:印发|转发|下发|发|送)")
# A notice that sends out a document ("关于印发《…》的通知"): the document's cover
_COVER_NOTICE = re.compile(r"(?:印发|转发|下发|颁发|印發|轉發|下發|頒發).{2,80}(?:通知|通告)\s*[|｜]?\s*$")


def is_cover_notice(title: str) -> bool:
    """The title of a notice that sends out another document.

    >>> is_cover_notice("关于印发2016年工作总结的通知"), is_cover_notice("关于召开年度总结会的通知")
    (True, False)
    """
    return bool(_COVER_NOTICE.search(title))


_SECTION_LABEL = re.compile(r"^\s*[【\[]?\s*(?:引\s*言|摘\s*要|内容摘要|内容提要)\s*[】\]]?\s*[:：]?\s*$")


def is_section_label(s: str) -> bool:
    """"引言", "摘 要：": the label of a text's first section, never its title.

    >>> is_section_label("引言"), is_section_label("【摘要】"), is_section_label("序言")
    (True, True, False)
    """
    return bool(_SECTION_LABEL.match(s))


def is_document_number(s: str) -> bool:
    """"道人社〔2017〕26号": an official document's number, a line of its head.

    >>> is_document_number("道人社〔2017〕26号"), is_document_number("第26号文件已下发")
    (True, False)
    """
    return bool(rules.structure()["document_number"].match(s.strip()))


def is_distribution_start(s: str) -> bool:
    """"分送:…", "抄送:…": the distribution block of an official document begins."""
    return bool(rules.structure()["distribution_start"].match(simple(s)))


def is_distribution_line(s: str) -> bool:
    """"共印20份", "印发:…": a line of the distribution block."""
    return bool(rules.structure()["distribution_line"].match(simple(s)))


def is_signature(s: str) -> bool:
    """A closing line naming the organisation ("中共宜兴市建设局委员会")."""
    return is_org_name(s.strip().strip("()（）"))


# How a whole report title ends (compared in folded form, brackets gone).
_GENRE_WORDS = (r"(?:汇报|报告|材料|讲话|讲话稿|发言|发言稿|致辞|总结|体会|意见|方案|纪实|心得|述职|讲稿|计划|要点|思路"
                r"|主持词|致词|演辞|讲辞|演讲词|贺词|开幕词|闭幕词|欢迎词|答谢词|祝酒词|事迹|感悟|有感|征文|倡议书|承诺书|公开信|年报|报告书)")
_GENRE_END = re.compile(_GENRE_WORDS + r"(?:定稿|初稿|修改稿|精选|范文|模板|\d{1,2}篇)?$")
# The item marker a compilation puts after a title: "…演讲稿(一)", "…心得体会篇二", "…总结【3】"
_TRAILING_MARKER = re.compile(r"(?:[（(【\[]\s*(?:第|篇)?[一二三四五六七八九十\d]{1,3}篇?\s*[）)】\]]|篇[一二三四五六七八九十\d]{1,3})$")
# A genre word anywhere in a line: a title of its own, not half of one
_GENRE_ANYWHERE = re.compile(_GENRE_WORDS + r"|范文|作文")
# A body of rules ends its name with what it is ("…行政管理制度"); short, the same words
# head a measure inside a text ("3、完善制度…"), so only a long name counts
_RULES_END = re.compile(r"^(?!根据|按照|依据|依照|遵照|按)\w{8,}(?:制度|办法|细则|章程|条例|规定|规则|守则)$")


# How the first line of a title broken in two ends: it runs on into the next ("…建设的" / "调研报告")
_RUNS_ON = re.compile(r"(?:的|之|关于|在|和|与|及|对|为|年|年度|季度|月|[、，,：:“《—\-])$")


def runs_on(s: str) -> bool:
    """Does this line stop where a title or a phrase must go on?

    >>> runs_on("关于进一步加强基层党组织建设的"), runs_on("以创先争优活动为契机")
    (True, False)
    """
    return bool(_RUNS_ON.search(s.strip()))


# how a sentence ends, never a title: 。；, or a quotation closed after them ("…中国出了个毛泽东……”")
SENTENCE_CLOSE = re.compile(r"(?:[。；;]|[。；;…]+[”」』])\s*$")
# the words a first sentence opens with, never a title ("根据2003年初制定的工作计划和…")
SENTENCE_OPENER = re.compile(r"^\s*(?:根据|按照|依据|依照|为了|为进一步|为深入|为认真|为切实|为全面贯彻|随着|近年来|今年以来|一年来"
                             # the writer introducing himself ("本人自…以来", "我叫…"; a title may say
                             # "我是党员我带头"), the clichés a 范文 opens with, an
                             # enumeration's first item, the announcement of what follows
                             r"|本人自|本人于|我叫|时光荏苒|光阴似箭|岁月如梭|转眼间|回首过去|回顾过去|现将"
                             r"|[一二三四五六七八九十]是|(?:19|20)\d\d年是|在[^，。]{2,16}?的?(?:正确|坚强|亲切)?领导下)")


# what carries on a word a title would end with: "院长在讲话中…", "讲话时", "讲话指出", "总结如下"
_WORD_GOES_ON = re.compile(r"[中时后上里了的着过]|指出|强调|要求|表示|精神|如下")


def title_ends(text: str, shortest: int = 6, longest: int = 40) -> list[int]:
    """Where a title could end at the start of a line that runs it into its text: each length
    whose prefix ends like a whole title and whose rest does not carry the last word on.

    >>> title_ends("中学党支部工作情况的总结学校党支部自从建立以来"), title_ends("张光霖院长在讲话中从三个方面进行了动员部署")
    ([12], [])
    """
    return [k for k in range(shortest, min(len(text), longest) + 1)
            if complete_title(text[:k]) and not _WORD_GOES_ON.match(text[k:])]


def complete_title(s: str) -> bool:
    """A title that ends like a whole one ("…工作情况汇报"), not half of one.

    >>> complete_title("领导干部点评创先争优工作情况汇报"), complete_title("以创先争优活动为契机")
    (True, False)
    >>> complete_title("党在我心中5分钟演讲稿(一)"), complete_title("根据《中华人民共和国政府信息公开条例》规定")
    (True, False)
    """
    folded = fold(_TRAILING_MARKER.sub("", s.rstrip()))
    return bool(_GENRE_END.search(folded) or _RULES_END.match(folded))


def names_genre(s: str) -> bool:
    """A line that names a kind of text somewhere in it: a title of its own, or a
    site's listing title ("有关党在我心中演讲稿5分钟"), not half of another title.

    >>> names_genre("有关党在我心中演讲稿5分钟"), names_genre("以创先争优活动为契机")
    (True, False)
    """
    return bool(_GENRE_ANYWHERE.search(fold(s)))
