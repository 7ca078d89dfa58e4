"""Per-rule cases, each with lines the rule must leave alone."""
from __future__ import annotations

import markdown
import pytest

from fanwen import pipeline, rules
from fanwen.chrome import match_line_rule, strip_inline_chrome
from fanwen.classify import classify_genre, classify_unit_type
from fanwen.dates import is_date_line, parse_date
from fanwen.describe import find_org_in_body
from fanwen.model import Line, Report
from fanwen.mojibake import repair_gbk_shift
from fanwen.repair import (
    is_traditional, rejoin_broken_lines, remove_stray_spaces, repair_document_number_brackets,
    to_fullwidth_punctuation,
)
from fanwen.shapes import byline, is_org_name, is_title_like, numbering, org_line, subtitle_text
from fanwen.split import contents_indices, find_markers, starts_report
from fanwen.structure import mark_headings, split_glued_headings
from fanwen.text import Lexicon
from fanwen.write import escape_md

# --- chrome: every rule's own example and keep-lines from rules/chrome.yaml ---

LINE_RULES = rules.chrome()["line"]
INLINE_RULES = rules.chrome()["inline"]


@pytest.mark.parametrize("rule", LINE_RULES, ids=lambda r: r.name)
def test_line_rule_removes_its_example(rule) -> None:
    scope = rule.scope if rule.scope in ("head", "tail") else "body"
    got = match_line_rule(rule.example, scope)
    assert got is not None and got.name == rule.name


@pytest.mark.parametrize(
    "rule,keep", [(r, k) for r in LINE_RULES for k in r.keep], ids=lambda x: getattr(x, "name", x)
)
def test_line_rule_keeps_real_text(rule, keep) -> None:
    # a head rule must keep the line even in the head; the others in the body
    assert match_line_rule(keep, "head" if rule.scope == "head" else "body") is None


@pytest.mark.parametrize("rule", INLINE_RULES, ids=lambda r: r.name)
def test_inline_rule_cuts_exactly_its_span(rule) -> None:
    text, cut = strip_inline_chrome(rule.example)
    assert (rule.name, rule.removes) in cut
    assert text == rule.example.replace(rule.removes, "").strip()


CHROME_NEGATIVES = [
    ("heading about the home page", "首页设计要简洁明了"),
    ("a report's own source note", "来源:市统计局2010年统计公报"),
    ("a document's print count", "共印20份"),
    ("a date line of the report", "2011年2月14日"),
    ("a sentence about reading", "各支部要组织党员认真阅读全文并开展讨论。"),
    ("a numbered heading", "三、点评效果明显"),
    ("a site-like word inside text", "建立了党员网上学习平台，方便党员学习。"),
]


@pytest.mark.parametrize("text", [t for _n, t in CHROME_NEGATIVES], ids=[n for n, _t in CHROME_NEGATIVES])
def test_chrome_leaves_report_text_alone(text) -> None:
    assert match_line_rule(text, "body") is None
    assert strip_inline_chrome(text) == (text, [])


def test_toneless_pinyin_goes_from_every_line_of_a_glossed_page() -> None:
    from fanwen.chrome import strip_site_chrome
    from fanwen.model import Page
    page = Page(source="p.txt", text="", encoding="utf-8", is_html=False, lines=[
        Line("文章來源:礦冶科技集團有限公司 發布時(shi)間:2021-08-21", 1),
        Line("清秀的(de)(de)(de)面龐(pang)曬得(de)黝黑(hei),標準的(de)普通話添了河(he)南(nan)味(wei)。", 2),
        Line("在会议(in)上，大家发言踊跃，各抒己见，会议取得了圆满成功，达到了预期目的。", 3)])
    strip_site_chrome(page)
    text = "\n".join(ln.text for ln in page.lines)
    assert "(shi)" not in text and "(de)" not in text and "(in)" not in text
    alone = Page(source="q.txt", text="", encoding="utf-8", is_html=False,
                 lines=[Line("在会议(in)上，大家发言踊跃，各抒己见，会议取得了圆满成功，达到了预期目的。", 1)])
    strip_site_chrome(alone)
    assert "(in)" in alone.lines[0].text  # one bracketed syllable on an unglossed page stays


def test_an_anti_mirroring_notice_is_the_sites_footer() -> None:
    # the notice goes wherever it stands (at the head it was taken for the title)
    line = "百姓医院网-未经本站允许,禁止镜像及复制本站。投诉及建议联系邮箱:someone@example.com"
    assert match_line_rule(line, "head").name == "copyright"
    assert match_line_rule("网络安全检查发现3个网站未设置镜像保护，已责令整改。", "body") is None


def test_a_news_sites_font_size_toggle() -> None:
    assert match_line_rule("小字號(hào)", "head").name == "font_size_widget"  # Traditional, with reading aids
    assert match_line_rule("大字号 小字号", "body").name == "font_size_widget"


@pytest.mark.parametrize("line", [
    # yyb_05, yuf_07, yvg_09 (tune): a trail of two places, and one after the site's logo
    "淮河能源>>党的建设", "新闻中心 > 天下", "logo 首頁 > 文匯報 > 香港海南省同鄉協會 > 正文"])
def test_a_short_trail_alone_on_its_line_is_a_breadcrumb(line) -> None:
    from fanwen.read import normalise_line

    assert match_line_rule(normalise_line(line), "head").name == "breadcrumb"
    assert match_line_rule(normalise_line("营业收入>上年同期"), "head") is None


def test_breadcrumb_with_no_break_spaces() -> None:
    from fanwen.read import normalise_line

    assert match_line_rule(normalise_line("首页\u00a0>\u00a0精品范文库\u00a0>\u00a011号文库"), "head").name == "breadcrumb"


# --- report markers and contents lists ---

MARKERS = [
    ("第一篇:领导干部点评创先争优工作情况汇报", 1, "领导干部点评创先争优工作情况汇报"),
    ("第二篇：部门创先争优点评工作汇报", 2, "部门创先争优点评工作汇报"),
    ("篇一:创先争优活动总结", 1, "创先争优活动总结"),
    ("范文第3篇:社区党建工作汇报", 3, "社区党建工作汇报"),
    ("第12篇：某某讲话", 12, "某某讲话"),
    ("【第四篇】以創先爭優活動為契機", 4, "以創先爭優活動為契機"),
    ("【篇二】社区工作总结", 2, "社区工作总结"),
    ("第三篇", 3, ""),
    ("篇五", 5, ""),
    ("范文一：某某讲话", 1, "某某讲话"),
]


@pytest.mark.parametrize("line,number,title", MARKERS, ids=[m[0][:8] for m in MARKERS])
def test_report_marker_variants(line, number, title) -> None:
    (m,) = find_markers([Line(line, 1)])
    assert (m.number, m.title) == (number, title)


@pytest.mark.parametrize("line", ["第一章 总则", "这是第一篇文章的开头，写得很好。", "一、点评模式灵活", "篇幅有限，不再赘述。",
                                  "范文一般要有针对性。", "第一篇幅较长的报告"])
def test_not_report_markers(line) -> None:
    assert find_markers([Line(line, 1)]) == []


def test_contents_list_is_not_split() -> None:
    lines = [Line(t, n) for n, t in enumerate(
        ["某某手册", "目录", "第一篇 总则", "第二篇 组织建设", "第一篇 总则", "本手册适用于全体党员。" * 3], 1)]
    toc = contents_indices(lines, find_markers(lines))
    assert toc == {1, 2, 3}


# --- unmarked report heads (seed 001) ---

def _lines(*texts: str) -> list[Line]:
    return [Line(t, i) for i, t in enumerate(texts, 1)]


def test_org_line_and_title_start_a_report() -> None:
    lines = _lines("……干事创业的境界得到了提升。", "市疾病预防控制中心:", "凝聚党心、狠抓落实,争当创先争优排头兵", "正文")
    assert starts_report(lines, 1)


def test_title_with_subtitle_starts_a_report() -> None:
    lines = _lines("共印20份", "将“创先争优”活动融入企业中心工作,", "确保企业健康稳步发展", "----建筑公司党委创先争优活动经验交流材料")
    assert starts_report(lines, 1)


def test_a_repeated_head_does_not_start_a_report() -> None:
    from fanwen.model import Page
    from fanwen.split import split_page

    page = Page(source="p.txt", text="", encoding="utf-8", is_html=False, lines=_lines(
        "清河县党建工作总结报告", "清河县第一中学党总支", "清河县党建工作总结报告",
        "今年以来，我校党总支扎实推进党建工作与教育教学深度融合，取得了明显成效，现总结如下。"))
    assert len(split_page(page)) == 1


def test_a_heading_inside_a_report_does_not_start_one() -> None:
    lines = _lines("……得到了群众好评。", "存在的问题及下一步工作打算:", "一是活动的开展不均衡。")
    assert not starts_report(lines, 1)
    lines = _lines("……工作情况汇报如下：", "一、点评模式灵活", "——结合县局安排")
    assert not starts_report(lines, 1)


def test_a_photo_caption_between_paragraphs_does_not_start_a_report() -> None:
    """A caption tells what someone did ("…作工作报告", "…严想元讲话", "各…述职汇报"); a
    whole report title after a finished paragraph still starts one."""
    body = "会议听取了各支部的工作汇报，对下一步工作作出了具体部署和安排，要求各支部抓好落实。"
    for caption in ("县政协主席陈会龙作工作报告", "党委书记严想元讲话", "各支部书记述职汇报"):
        assert not starts_report(_lines("……取得了明显成效。", caption, body), 1), caption
    for title in ("乡镇卫生院卫生工作汇报", "县委书记在全县党建工作会议上的讲话"):
        assert starts_report(_lines("……取得了明显成效。", title, body), 1), title


# --- line shapes ---

@pytest.mark.parametrize("text,ok", [
    ("井陉县公路工程队", True), ("中共宜兴市建设局委员会", True), ("动力工区第二作业区党支部", True),
    ("部门创先争优点评工作汇报", False), ("创先争优推进会", False), ("同志们", False),
])
def test_org_names(text, ok) -> None:
    assert is_org_name(text) is ok


@pytest.mark.parametrize("text,ok", [
    ("创先争优树形象,行政服务上水平", True), ("发挥“党旗下的蒲公英”品牌效应助推“创先", True),
    ("一、点评模式灵活", False), ("同志们:", False), ("(2010年12月9日)", False), ("共印20份", False),
    ("今天召开州直机关创先争优活动推进会，主要任务是总结交流。", False),
])
def test_title_like(text, ok) -> None:
    assert is_title_like(text) is ok


def test_head_shapes() -> None:
    assert org_line("市行政服务中心:") == "市行政服务中心"
    assert org_line("存在的问题及下一步工作打算:") == ""
    assert subtitle_text("——在全市教育系统创先争优活动推进会上的讲话") == "在全市教育系统创先争优活动推进会上的讲话"
    assert subtitle_text("--神农架林区教育局创先争优活动经验交流材料")
    assert subtitle_text("-2-") == ""
    assert byline("湖南神斧集團湘器公司 陳瑜") == ("湖南神斧集團湘器公司", "陳瑜")
    assert byline("创先争优激活力 夯实基础促发展") == ("", "")


# --- numbering and headings ---

HEADINGS = [
    ("一、点评模式灵活", 2), ("（一）明确点评责任主体和内容", 3), ("(三)、创新效能建设机制", 3),
    ("1、组织会议集中点评", 4), ("1.有安排。", 4), ("（1）落实领导责任", 5),
    ("二、新時期國有企業黨建工作面臨的挑戰。", 2),
]
NOT_HEADINGS = [
    "一是组织召开了领导民主生活会，对党支部领导班子成员进行点评。",
    "2011年2月14日",
    "3.5亿元的投资已经到位，工程进展顺利，各项指标均达到预期。",
    "1、组织会议集中点评，领导点评工作的基本模式是组织召开会议集中点评。一是组织召开了民主生活会。",
    "1、全年完成投资40亿元，同比增长20%。其中重点工程投资15亿元。",
]


@pytest.mark.parametrize("text,level", HEADINGS, ids=[h[0][:6] for h in HEADINGS])
def test_headings(text, level) -> None:
    (ln,) = mark_headings([Line(text, 1)])
    assert (ln.kind, ln.level) == ("h", level)


@pytest.mark.parametrize("text", NOT_HEADINGS, ids=[t[:6] for t in NOT_HEADINGS])
def test_not_headings(text) -> None:
    out = mark_headings([Line(text, 1)])
    assert [ln.kind for ln in out] == ["p"]


def test_run_in_heading_is_split() -> None:
    out = mark_headings([Line("2、创新激励机制。各单位注重与企业实际工作相结合，开展各种形式的激励活动。", 1)])
    assert [(ln.kind, ln.text) for ln in out] == [("h", "2、创新激励机制。"), ("p", "各单位注重与企业实际工作相结合，开展各种形式的激励活动。")]


def test_glued_heading_split_sensibly() -> None:
    out = split_glued_headings([Line("1、对班子成员的点评，重点围绕四个方面 一是组织抓好创先争优活动，深入学习实践科学发展观。", 1)])
    assert [ln.text for ln in out] == ["1、对班子成员的点评，重点围绕四个方面", "一是组织抓好创先争优活动，深入学习实践科学发展观。"]


def test_numbering() -> None:
    assert numbering("五、双休日半天工作制") == (2, 5)
    assert numbering("一是加强领导") == (0, 0)


# --- broken lines ---

def test_sentence_broken_before_a_number_is_joined() -> None:
    out = rejoin_broken_lines(_lines(
        "一、认清形势", "（三）坚持在解决实际问题中体现活动实效",
        "如州住房公积金管理中心从人性化服务、科学化服务入手，探索建立了朝九晚",
        "五、双休日半天工作制等一系列利民便民举措，打造服务品牌。"))
    assert out[-1].text.endswith("探索建立了朝九晚五、双休日半天工作制等一系列利民便民举措，打造服务品牌。")


def test_heading_after_broken_paragraph_stays() -> None:
    out = rejoin_broken_lines(_lines("二、点评内容具体", "并要求在党性原则等方面查找不足、分析原因、制", "三、点评效果明显"))
    assert [ln.text for ln in out][-1] == "三、点评效果明显"


def test_short_line_before_paragraph_not_joined() -> None:
    out = rejoin_broken_lines(_lines("存在的问题", "一是活动的开展不均衡，部分学校认为活动太频繁。"))
    assert len(out) == 2


# --- mojibake ---

LEXICON_TEXT = "黨建工作也是管理。流動黨員。科學完善的制度。總支積極參與。"


@pytest.mark.parametrize("raw,fixed", [
    ("績效?!包h建工作也是管理”", "績效。“黨建工作也是管理”"),
    ("過一次組織生活??茖W完善的規章制度", "過一次組織生活。科學完善的規章制度"),
    ("越來越多?!傲鲃狱h員”絕大多數", "越來越多。“流動黨員”絕大多數"),
    ("積極參與政治協商??傊Хe極參與", "積極參與政治協商。總支積極參與"),
])
def test_gbk_shift_repaired(raw, fixed) -> None:
    assert repair_gbk_shift(raw, Lexicon(LEXICON_TEXT))[0] == fixed


@pytest.mark.parametrize("text", [
    "(中辦發?2004?31號)",  # lost brackets, not a shift
    "真的是这样吗?!我们要认真反思。",  # a real "?!" in text
    "??傊?,要通過確定黨組織的職能",  # a further byte lost: left, reported garbled
])
def test_gbk_shift_leaves_unrecoverable_or_real_text(text) -> None:
    assert repair_gbk_shift(text, Lexicon(LEXICON_TEXT + text))[0] == text


def test_unrecoverable_run_reported_garbled() -> None:
    assert repair_gbk_shift("職能??傊?,要通過", Lexicon(LEXICON_TEXT))[2] == ["??傊?,"]


@pytest.mark.parametrize("text", ["真的是这样吗?!我们要认真反思。", "怎么办?我们认为要认真反思。"])
def test_real_question_marks_are_not_garbled(text) -> None:
    lex = Lexicon("我们要认真反思。我们认为这样做是对的。")
    assert repair_gbk_shift(text, lex) == (text, [], [])


# --- punctuation, spaces, script ---

@pytest.mark.parametrize("text,want", [
    ("创先争优树形象,行政服务上水平", "创先争优树形象，行政服务上水平"),
    ("市行政服务中心:", "市行政服务中心："),
    ("“五个好”(领导班子好、党员队伍好)", "“五个好”（领导班子好、党员队伍好）"),
    ("收到征文8篇,在小报上刊登", "收到征文8篇，在小报上刊登"),
])
def test_fullwidth(text, want) -> None:
    assert to_fullwidth_punctuation(text) == want


@pytest.mark.parametrize("text", ["08:23:00", "1,000元", "3.5%", "ISO9000", "XX**市", "202_年", "(PMP) test"])
def test_fullwidth_leaves_alone(text) -> None:
    assert to_fullwidth_punctuation(text) == text


def test_document_number_brackets() -> None:
    assert repair_document_number_brackets("渭教党„202_‟15号") == "渭教党〔202_〕15号"
    assert repair_document_number_brackets("(中发[1997]4号)") == "(中发〔1997〕4号)"
    assert repair_document_number_brackets("他问?2004年?") == "他问?2004年?"


def test_stray_spaces() -> None:
    lex = Lexicon("创先争优活动")
    assert remove_stray_spaces("推动创先争优 活动的深入开展，取得成效。", lex) == "推动创先争优活动的深入开展，取得成效。"
    assert remove_stray_spaces("以“我是党员我先行 全力奉献世博会”为主题", lex) == "以“我是党员我先行 全力奉献世博会”为主题"


def test_traditional_detection() -> None:
    assert is_traditional("深入開展創先爭優活動，是黨中央對加強新形勢下黨的基層組織建設")
    assert not is_traditional("深入开展创先争优活动，是党中央对加强新形势下党的基层组织建设")


# --- dates ---

@pytest.mark.parametrize("text,iso", [
    ("2011年2月14日", "2011-02-14"), ("二○一○年八月十六日", "2010-08-16"), ("二〇一一年二月二十八", "2011-02-28"),
    ("二0一0年十一月十一日", "2010-11-11"), ("2011-3-10", "2011-03-10"), ("(202_年11月2日)", "--11-02"),
    ("（2010年12月9日）", "2010-12-09"), ("20XX年3月5日", "--03-05"),
])
def test_dates(text, iso) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["2010年5月27日，石化街道工会一行来到餐厅", "共计20万元", "第四检查组于9月13日至16日"])
def test_not_date_lines(text) -> None:
    assert not is_date_line(text)


# --- classification ---

@pytest.mark.parametrize("org,titles,body,want", [
    ("井陉县公路工程队", "", "", "事业单位"),
    ("市行政服务中心", "", "", "党政机关"),
    ("市北区镇江路街道党工委", "", "", "街道社区"),
    ("民进沙湾区总支部", "", "", "社会组织"),
    ("上海金山石油化工建筑有限公司党委", "", "", "国有企业"),
    ("第四检查组", "", "", "综合"),
    # a team a body sends out is that body's
    ("中共安庆市委考核组", "", "", "党政机关"),
    ("校党委巡察组", "", "", "学校"),
    # an office names no unit: a company's 机关党支部 is the company's
    ("机关党支部", "", "公司员工立足岗位，公司生产经营稳步推进，公司安全生产形势平稳。", "国有企业"),
    # a general unit word alone names no kind either ("院党委": a hospital's, an institute's, a court's):
    # the body says (yyd_15, ytd_04: tune)
    ("院党委", "", "医院党委坚持以病人为中心，医务人员深入开展医疗服务提升行动，患者满意度持续提高。", "医疗卫生"),
    # a team alone names no unit either: whose team, the body says
    ("工作队", "", "市委编办高度重视驻村帮扶工作，市委领导经常过问，各部门积极配合。", "党政机关"),
    # the state banks by their short names
    ("建行株洲本部四支部", "", "", "国有企业"),
    # a company's head-office staff ("总部机关") are the company, not a state organ
    ("", "振华重工总部机关党委第一次党员代表大会召开", "", "国有企业"),
    # a verb or a pronoun never stands inside an organisation's name ("联系客运公司上门办理…")
    ("", "联系客运公司上门办理乘车便民卡", "村里邀请农商行开展假币知识普及，组织志愿者开展村庄清洁，全村村民积极参与。", "农村"),
    # a law firm's lawyers write of their firm
    ("", "学习十九届六中全会决议体会", "作为执业律师，我们律所坚持党建引领，律所党支部组织全体律师认真学习。", "社会组织"),
    # a series' name, then the unit it presents
    ("", "牢记嘱托 再建新功 | 中国电信股份有限公司上海莘闵电信局浦江党支部", "", "国有企业"),
    ("", "以创先争优活动为契机推动国有企业党建工作创新", "", "国有企业"),
    ("", "", "我局认真开展点评。我局高度重视。", "党政机关"),
    ("", "", "无", "综合"),
    # a Taiwanese district office's news item, converted to Simplified script
    ("", "区公所召开上半年里长业务联系会议", "中西区公所在区公所礼堂召开里长业务联系会议，由区长主持。", "党政机关"),
])
def test_unit_types(org, titles, body, want) -> None:
    assert classify_unit_type(org, titles, body)[0] == want


# Kinds of organisation every region has, named as they usually are (not from the corpus):
# the unit type an editor gives each, whatever the words around the kind.
@pytest.mark.parametrize("org,want", [
    ("城关镇社区卫生服务中心", "医疗卫生"), ("XX诊所", "医疗卫生"), ("XX门诊部", "医疗卫生"),
    ("南湖街道办事处", "街道社区"), ("XX居民委员会", "街道社区"),
    ("市纪律检查委员会", "党政机关"), ("XX高新区管理委员会", "党政机关"),
    ("县红十字会", "社会组织"), ("市文联", "社会组织"), ("县侨联", "社会组织"), ("市科协", "社会组织"),
    ("北京市金杜律师事务所党支部", "社会组织"), ("立信会计师事务所", "社会组织"),
    ("日报社", "事业单位"), ("省农业科学院", "事业单位"), ("XX出版社", "事业单位"), ("XX少年宫", "事业单位"),
    ("中国科学院大学", "学校"), ("XX种植专业合作社", "农村"), ("XX中国石化加油站", "国有企业"),
    ("寮步镇总工会", "农村"),  # a town's union belongs to the town, like a unit's 工会
    ("XX县妇联", "社会组织"), ("共青团XX县委员会", "党政机关"),
    # Hong Kong, Macau and Taiwan
    ("灣仔區議會", "党政机关"), ("立法會", "党政机关"), ("聖保羅書院", "学校"), ("澳門歸僑總會", "社会组织"),
    ("台灣婦女協進會", "社会组织"), ("香港仔浸信會", "社会组织"), ("中華基督教會基灣小學", "学校"),
])
def test_unit_types_of_common_organisations(org, want) -> None:
    assert classify_unit_type(org, "", "")[0] == want


# Organisation names across the kinds of unit, as reports name their writer (XX where the place
# or the name was); names an editor could read two ways (烟草专卖局, 乡政府, 养老服务中心 …) left out
ORGANISATIONS_BY_TYPE = {
    "党政机关": """国务院 中共中央办公厅 XX县人民政府 XX市财政局 XX区教育局 XX县农业农村局 XX市生态环境局 XX县市场监督管理局 XX市自然资源和规划局 XX县住房和城乡建设局 XX县交通运输局
XX县水利局 XX市商务局 XX县文化和旅游局 XX县应急管理局 XX市统计局 XX县审计局 XX县医疗保障局 XX市退役军人事务局 XX县人力资源和社会保障局 XX县民政局
XX县林业局 XX市档案局 XX县信访局 XX县委组织部 XX县委宣传部 XX市委统战部 XX县委政法委 XX县委办公室 XX县政府办公室 XX市人大常委会 XX县政协
XX市政协办公室 XX县纪委 XX市中级人民法院 XX县人民检察院 XX市公安局XX分局 XX县公安局交警大队 XX县税务局 XX海关 XX县气象局 XX县统计局
XX市机关事务管理局 XX市发展和改革委员会 XX县科学技术局 XX县司法局 XX市城市管理局 XX县城市管理综合执法局 XX市国资委 XX县委老干部局 XX市委巡察办
XX县委机要局 XX县政务服务管理局 XX市大数据管理局 XX县粮食和物资储备局 XX市地方金融监督管理局 XX县消防救援大队 XX省高级人民法院 XX县委政研室
XX市委网信办 XX市人民政府办公厅 XX省发展和改革委员会 XX县乡村振兴局 XX市委编办 XX县扶贫开发办公室 XX省公安厅 XX市生态环境局XX分局
XX县自然资源局XX所 XX市国家税务局 XX县国土资源局 XX县人防办 XX市侨办""",
    "国有企业": """XX供电公司 国网XX供电公司 XX电力公司 中国工商银行XX分行 中国建设银行XX支行 XX农村商业银行 XX烟草公司 XX矿业集团 XX煤矿 XX钢铁集团
XX石油化工股份有限公司 中铁XX局 中建XX局 XX水务集团 XX城投公司 XX交通投资集团 XX电厂 XX发电公司 XX炼油厂 中国移动XX分公司 中国联通XX分公司
XX邮政分公司 XX铁路局XX车务段 XX机务段 XX工务段 XX港务集团 XX航空公司 XX燃气集团 XX热力公司 XX国有林场 XX盐业公司 XX保险公司XX支公司
中国人寿XX分公司 XX证券营业部 XX信托公司 XX建设集团有限公司 XX投资控股有限公司 XX国有资产经营公司 XX煤业公司 XX选煤厂 XX采油厂 XX油田 XX分公司""",
    "非公企业": """XX民营企业 XX个体工商户""",
    "学校": """XX大学 XX学院 XX职业技术学院 XX中学 XX第一中学 XX实验小学 XX小学 XX幼儿园 XX中心幼儿园 XX职业中专 XX技工学校 XX师范学校 XX高级中学
XX初级中学 XX九年一贯制学校 XX特殊教育学校 XX大学XX学院 XX大学党委 XX中学党支部 XX小学党总支 XX学院团委 XX大学学生会 XX中学教务处 XX大学图书馆
XX中心校 XX完全小学 XX附属中学 XX外国语学校 XX党校 XX职业学校 XX卫生学校 XX高等专科学校 XX教学点 XX大学附属中学""",
    "医疗卫生": """XX县人民医院 XX市中医院 XX镇卫生院 XX社区卫生服务中心 XX县疾病预防控制中心 XX县妇幼保健院 XX市第一人民医院 XX医院内科 XX医院护理部 XX医院党委
XX村卫生室 XX市中心血站 XX县120急救中心 XX大学附属医院 XX口腔医院 XX精神卫生中心 XX康复医院 XX市卫生监督所 XX乡镇卫生院 XX中西医结合医院""",
    "农村": """XX村 XX村党支部 XX村委会 XX村民委员会 XX镇 XX乡 XX乡党委 XX镇党委 XX村经济合作社 XX村股份经济合作社 XX农民专业合作社 XX嘎查 XX苏木
XX镇农业综合服务中心 XX村民小组""",
    "街道社区": """XX社区 XX社区居委会 XX社区党委 XX街道 XX街道党工委 XX街道办事处 XX社区居民委员会 XX小区党支部 XX网格 XX社区服务中心 XX居委会""",
    "事业单位": """XX县图书馆 XX市博物馆 XX县文化馆 XX市档案馆 XX县广播电视台 XX日报社 XX县融媒体中心 XX县农业技术推广中心 XX市气象台 XX县水文站 XX市农业科学院
XX研究所 XX县林业站 XX县畜牧兽医站 XX县不动产登记中心 XX市公共资源交易中心 XX县住房公积金管理中心 XX县就业服务中心 XX县科技馆 XX纪念馆 XX市少年宫
XX县青少年活动中心 XX市测绘院 XX设计研究院 XX县殡仪馆 XX县福利院 XX敬老院 XX县救助管理站 XX市质量技术监督检测院 XX省地质调查院""",
    "社会组织": """XX市律师协会 XX县个体劳动者协会 XX市慈善总会 XX基金会 XX县商会 XX市作家协会 XX志愿者协会 XX市红十字会 XX县科协 XX市工商联 XX县妇联 XX市残联
XX律师事务所 XX会计师事务所 XX行业协会 XX研究会 XX学会 XX民办学校举办者协会 XX老年人协会 XX校友会""",
}


@pytest.mark.parametrize("org,want", [(o, t) for t, s in ORGANISATIONS_BY_TYPE.items() for o in s.split()])
def test_unit_types_of_organisations_by_kind(org, want) -> None:
    assert classify_unit_type(org, "", "")[0] == want


# More titles naming their writer, with the year, the office inside the unit, the leader who
# reports and the words that only look like a place (乡村振兴局, 城乡建设局: no township)
@pytest.mark.parametrize("title,want", [
    ("2023年XX县财政局工作总结", "党政机关"),
    ("XX村2023年度村务公开情况报告", "农村"),
    ("XX社区居委会2022年工作总结及2023年工作计划", "街道社区"),
    ("XX街道2023年上半年工作总结", "街道社区"),
    ("关于XX县教育局2023年度工作情况的报告", "党政机关"),
    ("XX县人民医院护理部年终总结", "医疗卫生"),
    ("XX镇卫生院2023年公共卫生工作总结", "医疗卫生"),
    ("XX县疾控中心2023年工作总结", "医疗卫生"),
    ("XX小学2023-2024学年第一学期德育工作总结", "学校"),
    ("XX中学初三年级组工作总结", "学校"),
    ("XX幼儿园大班下学期班务总结", "学校"),
    ("XX职业技术学院2023年党建工作要点", "学校"),
    ("XX大学马克思主义学院党总支书记抓基层党建述职报告", "学校"),
    ("XX供电公司2023年安全生产工作总结", "国有企业"),
    ("XX煤矿综采一队2023年工作总结", "国有企业"),
    ("XX银行XX支行行长述职报告", "国有企业"),
    ("XX建筑公司项目部年终工作总结", "国有企业"),
    ("XX农商银行2023年度党建工作总结", "国有企业"),
    ("XX县图书馆2023年工作总结", "事业单位"),
    ("XX县融媒体中心2023年工作总结和2024年工作打算", "事业单位"),
    ("XX县农业技术推广中心年度工作总结", "事业单位"),
    ("XX市律师协会2023年工作报告", "社会组织"),
    ("XX县慈善总会2023年工作总结", "社会组织"),
    ("XX县个体劳动者协会工作报告", "社会组织"),
    ("XX县妇联2023年工作总结", "社会组织"),
    ("XX市公安局XX分局2023年工作总结", "党政机关"),
    ("XX县人民法院2023年工作报告", "党政机关"),
    ("XX县人民检察院党组书记述职述廉报告", "党政机关"),
    ("XX县委组织部2023年工作总结", "党政机关"),
    ("XX县税务局2023年纳税服务工作总结", "党政机关"),
    ("XX派出所2023年工作总结", "党政机关"),
    ("XX消防救援大队2023年工作总结", "党政机关"),
    ("XX县市场监督管理局2023年上半年工作总结", "党政机关"),
    ("XX镇XX村党支部书记述职报告", "农村"),
    ("XX村驻村工作队2023年工作总结", "农村"),
    ("XX社区党委书记抓基层党建工作述职报告", "街道社区"),
    ("XX县人民医院党委书记2023年述职报告", "医疗卫生"),
    ("XX中学校长述职报告", "学校"),
    ("XX公司董事长2023年述职报告", "国有企业"),
    ("XX集团有限公司2023年工作总结暨2024年工作安排", "国有企业"),
    ("XX乡2023年乡村振兴工作总结", "农村"),
    ("XX县乡村振兴局2023年工作总结", "党政机关"),
    ("XX市第一人民医院2023年医疗质量工作总结", "医疗卫生"),
    ("XX区实验小学党支部2023年党建工作总结", "学校"),
    ("XX市XX区XX街道XX社区2023年工作总结", "街道社区"),
    ("XX县水务局党组2023年落实全面从严治党主体责任情况报告", "党政机关"),
    ("XX县XX镇中心小学2023年工作总结", "学校"),
    ("XX县XX镇卫生院院长述职报告", "医疗卫生"),
    ("XX公司党委书记在2024年党建工作会议上的讲话", "国有企业"),
    ("XX县委书记在全县经济工作会议上的讲话", "党政机关"),
    ("XX镇党委书记在全镇干部大会上的讲话", "农村"),
    ("XX校长在2024年秋季开学典礼上的讲话", "学校"),
    ("XX院长在医院职工代表大会上的工作报告", "医疗卫生"),
    ("XX社区2023年网格化管理工作总结", "街道社区"),
    ("XX县红十字会2023年工作总结", "社会组织"),
    ("XX县档案馆2023年工作总结", "事业单位"),
    ("XX市气象局2023年工作总结", "党政机关"),
])
def test_unit_types_of_titles_naming_their_writer(title, want) -> None:
    assert classify_unit_type("", title, "")[0] == want


# Titles that name the writing unit, as 范文 print them (with "XX" where the name was): the
# unit type an editor gives each, from the title alone
@pytest.mark.parametrize("title,want", [
    ("XX县人民医院2023年工作总结", "医疗卫生"),
    ("XX镇2023年工作总结", "农村"),
    ("XX社区党委2023年工作总结", "街道社区"),
    ("XX中学2023年党建工作总结", "学校"),
    ("XX银行XX支行2023年工作总结", "国有企业"),
    ("XX公司2023年工作总结", "国有企业"),
    ("XX街道办事处2023年工作总结", "街道社区"),
    ("XX市统计局2023年工作总结", "党政机关"),
    ("XX村2023年工作总结", "农村"),
    ("XX协会2023年工作总结", "社会组织"),
    ("XX县疾控中心2023年工作总结", "医疗卫生"),
    ("XX市图书馆2023年工作总结", "事业单位"),
    ("XX大学XX学院党委2023年工作总结", "学校"),
    ("XX派出所2023年工作总结", "党政机关"),
    ("XX县人民法院2023年工作报告", "党政机关"),
    ("2023年XX县教育局工作总结", "党政机关"),
    ("XX乡卫生院2023年工作总结", "医疗卫生"),
    ("XX小学2023年德育工作总结", "学校"),
    ("XX幼儿园2023年保教工作总结", "学校"),
    ("XX供电公司XX供电所2023年工作总结", "国有企业"),
    ("XX煤矿2023年安全工作总结", "国有企业"),
    ("XX市红十字会2023年工作总结", "社会组织"),
    ("XX县委组织部2023年工作总结", "党政机关"),
    ("XX镇中心小学2023年工作总结", "学校"),
    ("XX社区卫生服务中心2023年工作总结", "医疗卫生"),
    ("XX养老院2023年工作总结", "事业单位"),
    ("XX市住房公积金管理中心2023年工作总结", "事业单位"),
    ("XX县林业局2023年工作总结", "党政机关"),
    ("XX国有林场2023年工作总结", "事业单位"),
    ("XX移动公司2023年工作总结", "国有企业"),
    ("XX商会2023年工作报告", "社会组织"),
    ("XX县人民检察院2023年工作报告", "党政机关"),
    ("XX市气象局2023年工作总结", "党政机关"),
    ("XX县广播电视台2023年工作总结", "事业单位"),
    ("XX县中医院党支部2023年工作总结", "医疗卫生"),
    ("XX职业技术学院2023年工作总结", "学校"),
    ("XX市律师协会2023年工作总结", "社会组织"),
    ("XX县税务局2023年工作总结", "党政机关"),
    ("XX高新区管委会2023年工作总结", "党政机关"),
    ("XX村党支部书记2023年述职报告", "农村"),
    ("XX社区书记2023年述职报告", "街道社区"),
    ("XX中学校长2023年述职报告", "学校"),
    ("XX医院院长2023年述职报告", "医疗卫生"),
    ("XX局局长2023年述职报告", "党政机关"),
    ("XX公司总经理2023年述职报告", "国有企业"),
    ("在全县教育工作会议上的讲话", "党政机关"),
    ("XX镇党委书记在全镇经济工作会议上的讲话", "农村"),
    ("XX公司董事长在2023年工作会议上的讲话", "国有企业"),
    ("XX县卫生健康局2023年工作总结", "党政机关"),
    ("XX县妇幼保健院2023年工作总结", "医疗卫生"),
    ("XX市科协2023年工作总结", "社会组织"),
    ("XX县农业农村局2023年工作总结", "党政机关"),
    ("XX乡2023年脱贫攻坚工作总结", "农村"),
    ("XX县城管执法大队2023年工作总结", "党政机关"),
    ("XX区民政局2023年工作总结", "党政机关"),
    ("XX市第一中学2023年工作总结", "学校"),
    ("XX镇人民政府2023年工作总结", "农村"),
    ("XX民营企业党支部2023年工作总结", "非公企业"),
])
def test_unit_type_from_a_title_that_names_the_unit(title, want) -> None:
    body = "一年来，在上级的正确领导下，我们认真贯彻落实各项决策部署，扎实推进各项工作，取得了较好成效。"
    assert classify_unit_type("", title, body)[0] == want


def test_a_title_that_names_only_a_units_offices_names_no_unit() -> None:
    """"机关党委召开…述职评议会" (a university's, an institute's, a firm's offices as often as a
    government's: on the tune half, two firms', two schools' and an institute's, five sites): the
    body decides."""
    body = "会上，各党支部书记逐一述职，学院党委书记作了点评，要求各支部围绕教学、科研和人才培养，服务师生。"
    assert classify_unit_type("", "机关党委召开2022年度党支部书记抓基层党建工作述职评议会", body)[0] == "学校"


def test_few_keywords_leave_the_unit_type_to_the_text_model() -> None:
    """A research institute's summary that names farmers once (a training course for them):
    the keywords score 农村 2 points, too few; the text model reads every pair of the body."""
    body = ("12月21-22日作物所召开了一年一度的科研工作总结会，就2015年在研项目进行了汇报总结。通过2天的课题汇报"
            "所有课题都能按照年度设计较好的完成了目标任务。一是新品种新技术不断涌现，品种创新能力不断增强，新品种新技术"
            "推广100多万亩，新增粮食2900多万公斤，科技培训78场次，培训农民5660人次，为自治区的粮食产量的提升提供了有力"
            "的科技支撑。二是育种基础性研究更加丰富，育种技术、手段和方法应用更加广泛，对品种选育起到了一定理论支撑。"
            "三是全所目标任务完成较好，审定新品种4个，争取经费1600多万元，获得发明专利3项，登记成果9项。总结会后所长"
            "做了重要讲话，要求全所职工要凝心聚力，统一思想。")
    value, reason = classify_unit_type("", "", body)
    assert (value, reason.split("，分数低")[0]) == ("事业单位", "正文关键词：农民（2分）")
    assert "正文字词最接近事业单位" in reason
    # with enough keywords, they decide
    assert classify_unit_type("", "", body + "我村村民、农户和农民、农村、村干部都来了。")[0] == "农村"

# Speeches: the speaker's position, or the host of the meeting, names the unit
@pytest.mark.parametrize("title,want", [
    ("县委书记在全县经济工作会议上的讲话", "党政机关"), ("校长在2023年秋季开学典礼上的讲话", "学校"),
    ("董事长在公司2023年工作会议上的讲话", "国有企业"), ("村支书在村民代表大会上的讲话", "农村"),
    ("社区书记在居民代表大会上的讲话", "街道社区"), ("会长在协会第三届会员大会上的讲话", "社会组织"),
    ("在公司2023年工作会议上的讲话", "国有企业"), ("在村民代表大会上的讲话", "农村"),
    ("在社区居民代表大会上的讲话", "街道社区"), ("在家长会上的讲话", "学校"), ("在毕业典礼上的致辞", "学校"),
    ("在医院职工大会上的讲话", "医疗卫生"), ("在集团公司职代会上的讲话", "国有企业"),
    ("在商会成立大会上的致辞", "社会组织"), ("在全行2023年工作会议上的讲话", "国有企业"),
    ("在全局党风廉政建设工作会议上的讲话", "党政机关"), ("在学院2023年工作会议上的讲话", "学校"),
    ("在全县教育工作会议上的讲话", "党政机关"), ("在全市农村工作会议上的讲话", "党政机关"),
])
def test_unit_type_of_a_speech(title, want) -> None:
    body = "同志们：今天我们召开这次会议，主要任务是总结工作，部署任务。下面，我讲几点意见。"
    assert classify_unit_type("", title, body)[0] == want



@pytest.mark.parametrize("titles,opening,label,want", [
    ("创先争优活动推进会讲话稿", "", "", "讲话稿"),
    ("——在全市教育系统推进会上的讲话", "", "", "讲话稿"),
    ("浅议如何以创先争优活动为契机", "", "", "理论文章"),
    ("支部创先争优点评活动总结报告", "", "", "总结报告"),
    ("某某同志述职报告", "", "", "总结报告"),
    ("", "同志们：今天召开推进会。", "", "讲话稿"),
    ("", "现将有关情况汇报如下：", "", "工作汇报"),
    ("凝聚党心", "", "经验交流材料", "经验交流材料"),
])
def test_genres(titles, opening, label, want) -> None:
    assert classify_genre(titles, opening, "", label)[0] == want


# --- Markdown escaping: the author's text renders exactly ---

@pytest.mark.parametrize("text", [
    "XX**市发改局和**区", "202_年_工作_", "a<b>c</b> & <script>x</script>", "{{ config }} {% raw %}",
    "[点我](javascript:alert(1))", "列1 | 列2", "# 不是标题", "1. 不是列表", "- 不是列表", "!!! note 不是提示",
    "<!-- 注释 -->", "反斜杠\\和`代码`", "=====", "? 问号开头", ": 冒号开头", "> 不是引用",
])
def test_escape_renders_literally(text) -> None:
    html = markdown.markdown(escape_md(text), extensions=["admonition", "attr_list", "tables", "md_in_html"])
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    assert soup.get_text() == text
    assert [t.name for t in soup.find_all()] == ["p"]


# --- head shapes met on real pages (tests/data/real) ---

BODY = "在县委、县政府的坚强领导下，我们认真贯彻落实上级部署，扎实推进各项工作，取得了明显成效。"


def _head(*lines: str) -> tuple[str, str, list[str]]:
    from fanwen.describe import parse_head
    from fanwen.model import Report
    rep = Report(source="p.txt", part=1, lines=[Line(t, i) for i, t in enumerate([*lines, BODY])])
    parse_head(rep)
    return rep.meta.get("title", ""), rep.meta.get("org", ""), [ln.text for ln in rep.lines]


@pytest.mark.parametrize("lines, title", [
    # a listing title that names a genre over the report's own heading
    (["有关党在我心中演讲稿5分钟", "党在我心中5分钟演讲稿(一)"], "党在我心中5分钟演讲稿(一)"),
    # column names over a heading the byline follows
    (["党的建设", "党建引领", "彭庄煤矿：党建引领提动能激活力", "王迎春 孙志刚"], "彭庄煤矿：党建引领提动能激活力"),
    # a two-line heading stays one title
    (["关于进一步加强基层党组织建设的", "调研报告"], "关于进一步加强基层党组织建设的调研报告"),
    # the title in brackets with the salutation run on
    (["【2020中学开学典礼主持词】尊敬的各位领导、老师，亲爱的同学们："], "2020中学开学典礼主持词"),
    # a site's label and a short site name are no titles
    (["公司网站群", "驻村日记：乡土之美"], "驻村日记：乡土之美"),
    (["电力18", "付俊杰：十七载浓浓运行情"], "付俊杰：十七载浓浓运行情"),
    # a listed company's announcement header under the title is no second half of it
    (["2012年年度报告摘要", "证券代码:002579 证券简称:中京电子 公告编号:2013-009"], "2012年年度报告摘要"),
    # a column's or a series' name before a bar; a unit after the bar is no heading
    (["传承优良家风家教丨大英县妇联多措并举助力基层社会治理"], "大英县妇联多措并举助力基层社会治理"),
    (["牢记嘱托 再建新功 | 中国电信股份有限公司上海莘闵电信局浦江党支部"], "牢记嘱托 再建新功 | 中国电信股份有限公司上海莘闵电信局浦江党支部"),
    (["關於召開股東週年大會的通告", "股份代號：0005"], "關於召開股東週年大會的通告"),
    # the writer's unit and post (and name) under the heading are its byline, not its second line
    (["“网”起幸福生活 守护一方平安", "东城街道明月社区第七网格网格员", "薄其燕"], "“网”起幸福生活 守护一方平安"),
    (["把學校過成一個家", "  新社區大林國小古月娥主任"], "把學校過成一個家"),
    (["关于选优配强", "全面加强社区党支部书记"], "关于选优配强 全面加强社区党支部书记"),
])
def test_head_titles(lines, title) -> None:
    assert _head(*lines)[0] == title


def test_document_header_over_lines_is_the_issuer() -> None:
    title, org, _ = _head("中国共产党孝感市", "中心医院第四次", "代表大会文件（七）",
                          "蓄势期远 求真务实——在中共孝感市中心医院第四次代表大会上的报告")
    assert title.startswith("蓄势期远") and org.endswith("代表大会")


def test_date_and_meeting_under_a_title_are_head_lines() -> None:
    title, _org, body = _head("肥城县人民代表大会常务委员会工作报告", "一九九O年三月十五日",
                              "在肥城县第十二届人民代表大会第一次会议上")
    assert title == "肥城县人民代表大会常务委员会工作报告" and body == [BODY]


def _chrome(*lines: str) -> list[str]:
    from fanwen.chrome import strip_site_chrome
    from fanwen.model import Page
    page = Page(source="p.txt", text="", encoding="utf-8", is_html=False,
                lines=[Line(t, i) for i, t in enumerate([*lines, BODY])])
    strip_site_chrome(page)
    return [ln.text for ln in page.lines]


def test_lines_above_a_breadcrumb_are_the_sites_header() -> None:
    assert _chrome("本网站含有烟草内容,未成年人谢绝访问", "在线参阅", "手机版", "您的位置: 首页 > 工业频道 > 正文",
                   "一个人,几个人,一群人……") == ["一个人,几个人,一群人……", BODY]


def test_lines_above_a_stamped_heading_are_the_sites_header() -> None:
    assert _chrome("写作顾问", "工作总结/工作汇报", "2011年教育体育局工作年度总结",
                   "文章来源:演讲网 未知 文章作者:admin 点击次数: 发布时间:2011-11-23 09:39") == [
        "2011年教育体育局工作年度总结", BODY]


def test_a_record_table_value_is_no_stamped_heading() -> None:
    kept = _chrome("中共金华市婺城区文化和旅游体育局党组关于巡察整改情况的通报", "发布机构:", "婺城区文旅体局",
                   "日期:2023-05-04 08:46:31 来源:区文旅体局 浏览量:")
    assert kept[0] == "中共金华市婺城区文化和旅游体育局党组关于巡察整改情况的通报"


def test_chrome_rule_names_are_unique() -> None:
    """A removal is logged under its rule's name: two rules of one name could not be told apart."""
    cfg = rules.chrome()
    names = [r.name for kind in ("line", "inline") for r in cfg[kind]]
    names += [cfg["related_list"].name, cfg["pinyin_toneless"].name]
    assert len(names) == len(set(names)), sorted(n for n in set(names) if names.count(n) > 1)


def test_a_stamp_with_its_column_and_buttons_goes_and_the_heading_stays() -> None:
    assert _chrome("述职述廉，加强党内监督与防治腐败", "时间:2024-04-27 理论教育 版权反馈") == [
        "述职述廉，加强党内监督与防治腐败", BODY]


def test_forum_anti_copy_noise_goes_wherever_it_stands() -> None:
    assert _chrome("$ M( Z& Y \\8 D 1月21日下午，县人民医院召开职工代表大会。") == [
        "1月21日下午，县人民医院召开职工代表大会。", BODY]


# The subject of the opening clause is the writer; a place the text goes to, or a body it works
# with, is not ("到龙华镇", "与XX公司")
@pytest.mark.parametrize("opening,org", [
    ("今年以来，XX公司党委认真贯彻落实上级部署。", "XX公司党委"),
    ("今年以来，到龙华镇开展专题调研12次。", ""),
    ("今年以来，与XX公司共同开展结对帮扶活动。", ""),
    # "each", "other", "concerned" bodies are many, and a plural is nobody's name (two sites)
    ("会议要求，各保险公司积极开展“三下乡”活动。", ""),
    ("会上，各位评委认真听取了述职。", ""),
    ("会后，其他网站组织转载。", ""),
    ("8月26日，居民们站在楼下观看开工仪式。", ""),
    # "all the members" stand in no name: the clause's verb and object (yya_04: tune)
    ("支部结合活动的实施计划，组织全体党员进社区开展志愿服务活动。", ""),
    # "or" and "used to" stand in no name either (yzb_15: tune)
    ("述职报告是一种文体，主要用来汇报个人或团队开展工作的情况。", ""),
])
def test_the_writer_is_the_subject_of_the_opening_clause(opening, org) -> None:
    assert find_org_in_body(Report("p.txt", 1, lines=[Line(opening, 1)])) == org


# Pinyin set after characters by anti-copy sites, in round brackets or in square ones, with the
# script ɡ of pinyin fonts
@pytest.mark.parametrize("text,clean", [
    ("創(chuàng)先爭優", "創先爭優"), ("牢記初心使[shǐ[命 爭取更[ɡènɡ[大光榮", "牢記初心使命 爭取更大光榮"),
    ("永高[ɡāo[股份有限公[ɡōnɡ[司", "永高股份有限公司"), ("见附件[1]。", "见附件[1]。"),
])
def test_pinyin_after_characters_goes(text, clean) -> None:
    assert strip_inline_chrome(text)[0] == clean


def test_a_fake_bold_heading_is_written_once_and_its_copies_are_logged() -> None:
    """A PDF draws a bold heading twice; its text layer doubles every run of it."""
    body = "同志们：今天我们召开全市水务工作会议，主要任务是总结去年工作，部署今年任务。" * 3
    page = pipeline.run_page("x.txt", f"局长在局长在20252025年全市水务工作会议上的讲话年全市水务工作会议上的讲话\n{body}\n".encode())
    rep = page.reports[0]
    assert rep.meta["title"] == "局长在2025年全市水务工作会议上的讲话"
    assert "局长在局长在" not in "".join(ln.text for ln in rep.lines)
    assert [r.text for r in page.removed if r.rule == "bold_doubling"] == ["局长在", "2025", "年全市水务工作会议上的讲话"]


@pytest.mark.parametrize("rule,keep", [(r, k) for r in INLINE_RULES for k in r.keep], ids=lambda v: getattr(v, "name", v))
def test_inline_rule_keeps_real_text(rule, keep) -> None:
    assert not [c for c in strip_inline_chrome(keep)[1] if c[0] == rule.name]


@pytest.mark.parametrize("line,want", [
    ("第一篇 2024年农村基层党建工作调查报告2350字", "第一篇 2024年农村基层党建工作调查报告"),
    ("全年共撰写调研文章1500字以上的有12篇", "全年共撰写调研文章1500字以上的有12篇"),
])
def test_a_word_count_after_a_title(line, want) -> None:
    assert strip_inline_chrome(line)[0] == want


def test_a_site_name_for_a_text_loses_the_furniture_a_title_loses() -> None:
    body = "作为一名高校教师，我认真参加主题教育，深刻体会到理论学习的重要性，下面谈几点体会。" * 3
    page = pipeline.run_page("x.txt", ("下面是小编为大家整理的(2篇)关于高校教师主题教育心得体会【优秀范文】，供大家参考。\n"
                                       f"篇1：\n{body}\n").encode())
    assert page.intro_title == "关于高校教师主题教育心得体会"


def test_a_dated_source_credit_is_the_stamp_under_the_heading() -> None:
    """"来源:… 2021.09.09" stamps the article like 发布时间 does: the line above it is the
    heading, however much it reads like a village's name ("…示范村")."""
    body = "常乐镇位于中卫市沙坡头区西南部，北临黄河，南靠大青山，是全国文明村镇，也是旅游资源丰富的休闲度假特色镇。"
    page = pipeline.run_page("x.txt", f"市县动态\n\n沙坡头区全力建设康乐移民致富示范村\n\n来源:沙坡头区政府办公室 2021.09.09\n\n{body}\n".encode())
    assert page.reports[0].meta["title"] == "沙坡头区全力建设康乐移民致富示范村"
    assert "untitled" not in page.reports[0].flags
    # a source credit with no day posted stamps nothing
    page = pipeline.run_page("x.txt", f"沙坡头区全力建设康乐移民致富示范村\n来源:沙坡头区政府办公室\n{body}\n".encode())
    assert page.stamped_heading == -1


def test_a_heading_printed_twice_with_its_subtitle_keeps_the_date_and_speaker_under_it() -> None:
    head = "九三学社中央常务委员会2022年工作报告\n——在九三学社中央委员会第六次全体会议上\n"
    body = "我受中央常务委员会委托，向全会作工作报告，请予审议。过去一年，我们坚持以习近平新时代中国特色社会主义思想为指导。"
    rep = pipeline.run_page("x.txt", f"{head}{head}（2022年12月18日）\n武维华\n各位委员、同志们：\n{body}\n".encode()).reports[0]
    assert rep.meta["date"] == "2022-12-18" and rep.meta["author"] == "武维华"
    assert rep.lines[0].text == "各位委员、同志们："
    assert [r.text for r in rep.removed if r.rule == "duplicate_title"] == [
        "九三学社中央常务委员会2022年工作报告", "——在九三学社中央委员会第六次全体会议上"]


def test_a_date_line_indented_like_the_paragraphs_is_still_the_heads() -> None:
    body = "  2015年全国气象局长会议的主要任务是：认真贯彻落实中央经济工作会议精神，总结2014年气象工作，部署2015年任务。"
    page = f"适应新常态 加快转方式 全面提高气象事业发展的质量和效益\n\n 郑国光\n\n  (2015年1月22日)\n\n{body}\n\n{body}\n"
    rep = pipeline.run_page("x.txt", page.encode()).reports[0]
    assert rep.meta["date"] == "2015-01-22" and rep.meta["author"] == "郑国光"
    assert rep.lines[0].text.startswith("2015年全国气象局长会议")


def test_a_reporter_credit_is_the_newspapers_not_the_models_text() -> None:
    """"通讯员 吕守军报道" closing a news item, "本报记者 杨晓斌" under its heading: the names go
    to the metadata; neither line is shown, with the text or the byline."""
    body = "5月10日上午，双沟镇召开第十八届人民代表大会第六次会议，会议听取了政府工作报告，审议通过了各项决议。"
    rep = pipeline.run_page("x.txt", f"双沟镇召开人代会\n{body}\n{body[:-1]}，选举产生了新一届领导班子。\n通讯员 吕守军报道\n".encode()).reports[0]
    assert rep.meta["author"] == "吕守军" and "吕守军" not in rep.meta.get("byline", "")
    assert "吕守军" not in "".join(ln.text for ln in rep.lines)
    assert ("reporter_credit", "通讯员 吕守军报道") in [(r.rule, r.text.strip()) for r in rep.removed]
    rep = pipeline.run_page("y.txt", f"双沟镇召开人代会\n滨州日报/滨州网记者罗军通讯员毕于倩\n{body}\n{body}\n".encode()).reports[0]
    assert rep.meta["title"] == "双沟镇召开人代会" and rep.meta["author"] == "罗军 毕于倩"
    assert "罗军" not in rep.meta.get("byline", "") + "".join(ln.text for ln in rep.lines)


@pytest.mark.parametrize("line, names", [
    # zba_14 (a fresh batch): a paper's credits over a profile, the writer's with what he made first
    ("文/羊城晚报全媒体记者 鄢敏", "鄢敏"), ("实习生 林少娟 图/受访者供图", "林少娟"), ("实习生 林少娟", "林少娟")])
def test_a_newspapers_credit_names_its_writers(line, names) -> None:
    from fanwen.shapes import reporter_credit
    assert reporter_credit(line) == names


@pytest.mark.parametrize("line, opens", [
    ("领导和同事们：", True), ("战友们:", True), ("各位领导、同志们：", True),
    ("我们：", False), ("他们:", False), ("同事们的努力", False)])
def test_those_addressed_alone_open_a_speech(line, opens) -> None:
    """"领导和同事们：" over the text (zbh_09, a fresh batch) is the speech's opening, no title."""
    from fanwen.shapes import is_salutation
    assert is_salutation(line) is opens


@pytest.mark.parametrize("line, text", [
    # zbc_06, zbb_03 (a fresh batch): an outlet and its reporters in brackets before the lead
    ("新华卫视(伍琪 周盛春)为进一步强化党员身份意识和责任意识，9月27日晚，新邵职中党总部举行了一场生日会。",
     "为进一步强化党员身份意识和责任意识，9月27日晚，新邵职中党总部举行了一场生日会。"),
    ("共工新闻电(朱善永 周恩惠 ) 为深入学习贯彻主题教育，加强对基层党员干部的教育，分公司开展了主题党日活动。",
     "为深入学习贯彻主题教育，加强对基层党员干部的教育，分公司开展了主题党日活动。")])
def test_an_outlets_dateline_with_its_reporters_goes(line, text) -> None:
    assert _chrome(line)[0] == text
    # a unit with people in brackets is the text's own
    assert _chrome("市中心（张三 李四）为进一步强化党员意识，举行了一场生日会。")[0].startswith("市中心")


def test_a_long_headline_set_as_a_list_item_over_the_text_is_the_heading() -> None:
    """"- 党建引领丨…新路径" alone over the lead (zbd_07, a fresh batch): the page set its
    heading as a list item; it is no item of the site's."""
    body = "2025年9月11日下午，增城区中医医院党委与派潭镇中心卫生院党总支在医院会议室联合举办党建共建活动。"
    lines = _chrome("- 党建引领丨增城区中医医院与派潭镇中心卫生院共探中医医联体高质量发展新路径", body)
    assert lines[0] == "党建引领丨增城区中医医院与派潭镇中心卫生院共探中医医联体高质量发展新路径"


def test_a_stamp_field_in_a_bulleted_list_is_the_stamps() -> None:
    """"• 来源:…" over "• 时间:…" under the heading (zba_09, a fresh batch): the source field
    goes with the stamp, and the line over them stays the heading."""
    body = "5月10日上午，双沟镇召开第十八届人民代表大会第六次会议，会议听取了政府工作报告，审议通过了各项决议。"
    page = pipeline.run_page("x.txt", f"首页 > 湖景社区 社区资讯\n湖景社区2021年服务项目遴选会举行\n  • 来源:笋岗街道湖景社区\n"
                             f"  • 时间:2021-09-24 10:28\n{body}\n{body}\n".encode())
    assert page.reports[0].meta["title"] == "湖景社区2021年服务项目遴选会举行"
    assert "来源:笋岗街道湖景社区" in [r.text.strip("• ") for r in page.removed]


def test_a_bare_date_under_a_heading_ends_it() -> None:
    """"2020-06-13" between two headline-like lines (ywh_11, tune): the site's date stamp under
    the article's heading, so the line after it is the text's, not more of the heading; a date
    under a byline ("北京市委第一书记 彭真" / "1965.12.14", raf_14) marks no heading."""
    body = "5月10日上午，双沟镇召开第十八届人民代表大会第六次会议，会议听取了政府工作报告，审议通过了各项决议。"
    rep = pipeline.run_page("x.txt", f"服务业总工会换新阁展新貌\n\n2020-06-13\n\n服务业总工会召开会员代表大会\n{body}\n{body}\n".encode()).reports[0]
    assert rep.meta["title"] == "服务业总工会换新阁展新貌"
    rep = pipeline.run_page("y.txt", f"彭真在市委工作会议上的讲话\n北京市委第一书记 彭真\n1965.12.14\n{body}\n{body}\n".encode()).reports[0]
    assert rep.meta["title"] == "彭真在市委工作会议上的讲话"


def test_a_clause_broken_onto_the_last_line_names_no_unit() -> None:
    """A page cut off after "这次由中华全国归国华侨联合会" (wdf_03, tune): the clause is no
    signature naming the writer's unit, so it does not decide the unit type."""
    body = "5月10日上午，双沟镇召开第十八届人民代表大会第六次会议，会议听取了政府工作报告，审议通过了各项决议。"
    rep = pipeline.run_page("x.txt", f"双沟镇召开人代会\n{body}\n{body}\n这次由中华全国归国华侨联合会\n".encode()).reports[0]
    assert "这次由" not in rep.meta.get("org", "") and rep.meta["unit_type"] != "社会组织"


@pytest.mark.parametrize("credit, names", [
    # yyf_11, yyg_09, yyh_06, yyh_07 (tune): four sites
    ("（通讯员阮清六 周伟 融媒体记者吴青青）", "阮清六 周伟 吴青青"), ("(蔡娜 编辑:王利军)", "蔡娜 王利军"),
    (" (阮莉 陈颖) |", "阮莉 陈颖"), ("（作者、编辑：周晓丹）", "周晓丹")])
def test_a_credit_in_brackets_after_the_last_sentence_is_the_newspapers(credit, names) -> None:
    body = "5月10日上午，双沟镇召开第十八届人民代表大会第六次会议，会议听取了政府工作报告，审议通过了各项决议。"
    rep = pipeline.run_page("x.txt", f"双沟镇召开人代会\n{body}\n{body[:-1]}，选举产生了新一届领导班子。{credit}\n".encode()).reports[0]
    assert rep.meta["author"] == names
    assert rep.lines[-1].text.endswith("选举产生了新一届领导班子。")
    # a unit in brackets after the last sentence is the writer's: it stays
    rep = pipeline.run_page("y.txt", f"双沟镇召开人代会\n{body}\n{body}（双沟镇人民政府）\n".encode()).reports[0]
    assert rep.lines[-1].text.endswith("（双沟镇人民政府）")


@pytest.mark.parametrize("field, author", [
    ("作者：郝雅静", "郝雅静"), ("文/陈海蓉 伍 平 王春芝", "陈海蓉 伍平 王春芝"), ("创建者：王宇凡", "王宇凡"),
    ("文、摄/郭豪杰", "郭豪杰")])  # the writer who took the photos too (zac_03: tune)
def test_a_sites_author_field_goes_to_the_metadata(field, author) -> None:
    """A site's author field under the heading (ymc_04, ele_21, ydd_07: three sites) is the
    page's record of its writer, as a newspaper's credit is: the names go to the metadata
    (the card shows them), the line is neither text nor byline. A writer with a unit stays."""
    body = "5月10日上午，双沟镇召开第十八届人民代表大会第六次会议，会议听取了政府工作报告，审议通过了各项决议。"
    rep = pipeline.run_page("x.txt", f"双沟镇召开人代会\n{field}\n{body}\n{body}\n".encode()).reports[0]
    assert rep.meta["title"] == "双沟镇召开人代会" and rep.meta["author"] == author
    assert author.split()[0] not in rep.meta.get("byline", "") + "".join(ln.text for ln in rep.lines)
    assert ("author_field", field) in [(r.rule, r.text.strip()) for r in rep.removed]
    rep = pipeline.run_page("y.txt", f"双沟镇召开人代会\n作者：党总支\n{body}\n{body}\n".encode()).reports[0]
    assert not any(r.rule == "author_field" for r in rep.removed)


def test_a_document_number_under_the_head_goes_to_the_metadata() -> None:
    from fanwen.describe import parse_head
    from fanwen.model import Report
    lines = ["湖州市卫生健康委员会文件", "湖卫健发〔2023〕1号 ", "2023年全市卫生健康工作要点", BODY]
    rep = Report(source="p.txt", part=1, lines=[Line(t, i) for i, t in enumerate(lines)])
    parse_head(rep)
    assert rep.meta["title"] == "2023年全市卫生健康工作要点"
    assert rep.meta["document_number"] == "湖卫健发〔2023〕1号"
    assert "〔2023〕" not in rep.meta.get("byline", "") and all("〔2023〕" not in ln.text for ln in rep.lines)
    assert ("document_number", "湖卫健发〔2023〕1号") in [(r.rule, r.text) for r in rep.removed]


def test_a_clause_led_by_a_verb_names_no_organisation() -> None:
    """"…,带领市委编办驻文武沟村工作队正式进驻方滩乡文武沟村开展工作": the subject is the
    leaders before the comma; a name never holds 带领 or 进驻."""
    from fanwen.describe import find_org_in_body
    from fanwen.model import Report
    rep = Report(source="p.txt", part=1, lines=[Line(
        "7月26日,市委编办副主任杨文学,带领市委编办驻文武沟村工作队正式进驻方滩乡文武沟村开展工作。", 0)])
    assert "带领" not in find_org_in_body(rep)
    rep = Report(source="p.txt", part=1, lines=[Line("宣传部门多次深入社区、企业开展宣讲活动，群众反响热烈。", 0)])
    assert "深入" not in find_org_in_body(rep)
    rep = Report(source="p.txt", part=1, lines=[Line("7月26日,市委编办驻文武沟村工作队认真开展工作。", 0)])
    assert find_org_in_body(rep) == "市委编办驻文武沟村工作队"


def test_a_note_on_the_texts_prize_is_no_title() -> None:
    title, _org, lines = _head("(获2015年度全省组织工作调研成果二等奖)")
    assert "二等奖" not in title and lines == [BODY]


def test_font_size_buttons_before_a_stamp_are_no_title() -> None:
    from fanwen.chrome import match_line_rule
    rule = match_line_rule("放大字體  縮小字體 發(fā)布日期:2023-08-24  來源:市場監(jiān)管總局", "head")
    assert rule is not None and rule.name == "font_size_widget"


@pytest.mark.parametrize("line, rule", [
    ("大众版 员工版 英文版", "nav_words"), ("邮箱", "nav_words"), ("旧版回顾", "nav_words"),
    ("TOP返回頁面頂端", "back_to_top"), ("大眾報 P08 | 澳門新聞 2011-09-02", "paper_page_line"),
    ("請 您 評 論 查看評論", "nav_words"), ("恢复窄屏", "nav_words"), ("【DOI】10.16619/j.cnki.rmltxsqy.2025.18.003", "catalogue_codes"),
    # a photo's credit and caption where the photo was; an e-paper's masthead and page label
    ("张莉琳 摄", "photo_credit"), ("陳光羲攝", "photo_credit"), ("居民为社区送来锦旗。记者 云莹 通讯员 尹媛洁 摄", "photo_credit"),
    ("图为党员为居民送菜送油上门", "bracketed_caption"), ("上虞日报 数字报纸", "epaper_furniture"),
    ("00002版:新闻·综合", "publisher_stamp"),
    # a location label whose separators the copy lost
    ("当前位置:随笔吧心得体会内容页", "breadcrumb"), ("当前位置:中工网理论频道科教天地-正文", "breadcrumb"),
    ("今天是:", "empty_field"),
    # a photo's caption: a group photographed, a person caught speaking
    ("全体党员合影留念", "scene_caption"), ("张光霖院长在讲话", "scene_caption"),
    # a stamp whose date ends in a slash before the clock (zba_02, a fresh batch)
    (" 2020/03/18/ 09:14 来源:兰州日报 记者王忠德 特约记者火心", "clock_stamp"),
])
def test_more_site_furniture_lines(line, rule) -> None:
    from fanwen.chrome import match_line_rule
    found = match_line_rule(line, "head")
    assert found is not None and found.name == rule


def test_lottery_spam_in_place_of_a_word_goes() -> None:
    from fanwen.chrome import strip_inline_chrome
    text, removed = strip_inline_chrome("大发时时彩口诀:冲锋,在反贫困的最前线")
    assert text == ":冲锋,在反贫困的最前线" and removed == [("gambling_spam", "大发时时彩口诀")]


def test_a_row_of_five_names_under_the_heading_is_the_byline() -> None:
    title, _org, lines = _head("公司依托文明实践中心汇聚政企合力", "李成 罗小刚 张雪 田秋兵 杨铭")
    assert title == "公司依托文明实践中心汇聚政企合力" and lines == [BODY]


def test_a_unit_type_read_off_a_few_body_words_is_flagged_for_an_editor() -> None:
    from fanwen.classify import classify
    from fanwen.model import Report

    def classified(body: str) -> Report:
        rep = Report(source="p.txt", part=1, lines=[Line(body, 0)])
        rep.meta["title"] = "工作情况"
        classify(rep, "")
        return rep

    weak = classified("今年以来，我们组织学生参观了展览，大家都有收获，工作取得了一定成效。")
    assert weak.meta["unit_type"] == "学校" and "unit_unsure" in weak.flags
    strong = classified("学校教师、学生和班主任共同参与，师生关系融洽，校园文明，教学质量稳步提高。")
    assert strong.meta["unit_type"] == "学校" and "unit_unsure" not in strong.flags


def test_an_editors_credit_with_two_names_closes_the_text() -> None:
    from fanwen.chrome import match_line_rule
    rule = match_line_rule("责任编辑:李春燕  柯建林", "tail")
    assert rule is not None and rule.name == "end_mark"


_BODY = ["今年以来，我局党委坚持以习近平新时代中国特色社会主义思想为指导，认真落实全面从严治党主体责任，扎实推进各项工作。",
         "全局上下紧紧围绕中心工作，以党建引领业务发展，各项工作取得明显成效，干部职工精神面貌焕然一新，服务群众能力明显增强。",
         "下一步，我们将继续深化理论武装，持续改进工作作风，推动全面从严治党向纵深发展，为全市经济社会高质量发展作出新的更大贡献。"]


def test_learned_chrome_model_drops_furniture_the_rules_miss() -> None:
    """A site's word between the paragraphs ("本站首页") that no chrome rule names: the
    learned line model takes it out of the body, logged under its name; the title, a
    numbered heading and the text stay; switched off, the line stays too."""
    lines = ["XX局2023年党建工作总结", _BODY[0], "本站首页", "一、加强理论学习", _BODY[1], _BODY[2]]
    text = "\n".join(lines).encode()
    assert match_line_rule("本站首页", "body") is None
    [rep] = pipeline.run_page("t.txt", text).reports
    assert rep.meta["title"] == "XX局2023年党建工作总结"
    assert [(r.rule, r.text) for r in rep.removed] == [("learned_chrome", "本站首页")]
    assert [ln.text for ln in rep.lines] == [_BODY[0], "一、加强理论学习", _BODY[1], _BODY[2]]
    [rep] = pipeline.run_page("t.txt", text, pipeline.Options(frozenset({"learned_chrome"}))).reports
    assert "本站首页" in [ln.text for ln in rep.lines]


@pytest.mark.parametrize("line, kept", [("0", True), ("2017-2018-2", True), ("xxx", True), ("曾先生：", True),
                                        ("附件:", True), ("1.1 人事动态", True), ("本站首页", False), ("A+", False)])
def test_learned_chrome_never_takes_figures_placeholders_or_lead_ins(line, kept) -> None:
    """What the line model never drops, whatever its odds: a table's figures, a name's
    placeholder, a line that introduces what follows, a heading numbered 1.1."""
    from fanwen.line_model import _KEEP
    assert bool(_KEEP.fullmatch(line)) is kept


def test_a_breadcrumbs_last_step_the_first_sentence_repeats_is_the_headline() -> None:
    """No heading printed, only the breadcrumb's last step, and the news item's first sentence
    says the same: the site's headline for it. A last step the text does not repeat stays a
    name the page may flag, not the item's own heading."""
    body = ("为深入学习贯彻新时代党的建设总要求，2月4日下午，新金环集团党委召开2025年度基层党组织书记述职会。"
            "集团党委书记、董事长张志慧，各基层党组织书记参会，会议由集团党委副书记陈雅琼主持。")
    crumb = "首页 > 党群天地 > 党建活动 > 新金环集团党委召开2025年度基层党组织书记述职会"
    rep = pipeline.run_page("x.txt", f"{crumb}\n时间:2026-03-02\n{body}\n".encode()).reports[0]
    assert rep.meta["title"] == "新金环集团党委召开2025年度基层党组织书记述职会" and "untitled" not in rep.flags
    other = body.replace("新金环集团党委召开", "新金环集团党委组织")
    rep = pipeline.run_page("x.txt", f"{crumb}\n时间:2026-03-02\n{other}\n".encode()).reports[0]
    assert "untitled" in rep.flags


def test_a_newspapers_dateline_in_brackets_is_no_title() -> None:
    body = ("【新南瀛记者黄钟毅报导】台南市公私立中小学新任及卸任家长会长溪南场活动，10日下午前往仁德区中华医事科技大学举行，"
            "由市长颁发感谢状以及贺状给各校卸任、新任家长会长，感谢各校家长会在校务推动与学童教育的贡献。")
    rep = pipeline.run_page("x.txt", f"{body}\n{body[12:]}\n".encode()).reports[0]
    assert rep.meta["title"] != "新南瀛记者黄钟毅报导" and "untitled" in rep.flags
    # a title in the same brackets still is one
    title, _org, _lines = _head("【什么是派出所】派出所是公安机关最基层的组织，承担着治安管理、户籍管理、服务群众等多项任务，是维护社会稳定的第一道防线。")
    assert title == "什么是派出所"


def test_a_headline_on_an_event_is_no_organisation() -> None:
    """"…读书会成功举办" ends in 办 like an office, but names an event: the item's heading."""
    from fanwen.shapes import is_org_name
    assert not is_org_name("天河公司首次读书会成功举办") and not is_org_name("县委党校秋季班顺利召开")
    assert is_org_name("县委办") and is_org_name("区人民政府办公室")
    rep = pipeline.run_page("x.txt", ("天河公司首次读书会成功举办\n10月17日晚上18:00，天河公司读书会在5楼大会议室召开。"
                                      "30多位热爱读书、坚持读书的小伙伴们参与了此次活动，大家分享了近期读书的主要内容和心得。\n").encode()).reports[0]
    assert rep.meta["title"] == "天河公司首次读书会成功举办" and rep.meta.get("org", "") != "天河公司首次读书会成功举办"


def test_a_visiting_team_with_no_sender_named_says_nothing_of_the_unit() -> None:
    """"调研组" alone (the page never says who sent it) is no clue; the body's own words decide.
    A team its sender names ("县委巡察组") still is that body's."""
    body = "调研组一行来到我公司，实地查看了生产车间，听取了公司党委工作汇报，对我公司党建工作给予肯定。"
    assert classify_unit_type("调研组", "", body)[0] == "国有企业"
    assert classify_unit_type("县委巡察组", "", body)[0] == "党政机关"


def test_a_word_inside_a_longer_name_or_a_word_alone_is_no_unit_clue() -> None:
    """学院 inside 科学院 is no college, 大学生 in 大学生村官 no student, 乡 in 宗乡会馆 no
    township; 社区 alone, however often, is what a bureau serves, not a community's own text."""
    assert classify_unit_type("", "", "中国科学院化学研究所党委召开全体党员大会，研究所科研人员围绕科技攻关交流心得，"
                                      "科学院党组有关负责同志到会指导，研究所党委书记作总结讲话。")[0] == "事业单位"
    assert classify_unit_type("", "", "镇党委召开大学生村官座谈会，十名大学生村官汇报了在村里的工作，"
                                      "大学生村官们表示，要扎根基层，为村民办实事。")[0] != "学校"
    assert classify_unit_type("新加坡宗乡会馆联合总会", "", "会员大会顺利召开，理事会报告了一年来的会务。")[0] == "社会组织"
    coop = "省农业农村厅调研组到农民专业合作社调研，了解农民合作社规范化建设情况，要求做好农民合作社质量提升工作。"
    assert classify_unit_type("", "", coop)[0] != "农村"
    assert classify_unit_type("", "", coop + "村民和农民代表参加座谈，全村农民收入明显增加。")[0] == "农村"
    bureau = "市民政局深入社区开展调研，走访社区五个，听取社区工作汇报，并就社区养老服务提出要求，要求各社区抓好落实。"
    assert classify_unit_type("", "", bureau)[0] != "街道社区"
    street = bureau + "街道党工委和居民代表一同参加，居民对街道的网格化服务表示满意，街道将继续做好居民服务。"
    assert classify_unit_type("", "", street)[0] == "街道社区"


def test_a_firm_that_says_it_is_private_and_never_state_is_private() -> None:
    """集团 or 公司 names no owner: a private word (民营, 非公, 外资 …) and no state word make
    the firm private; a state word anywhere keeps it a state firm."""
    from fanwen.classify import private_firm
    body = "集团党委以非公企业党建为抓手，推动民营经济高质量发展，员工队伍稳定。"
    assert private_firm("奥园集团党委", "", body) == "非公"
    assert private_firm("某集团党委", "", "作为市属国有企业，" + body) == ""
    assert private_firm("中国移动某分公司党支部", "", body) == ""  # a state firm's name is a state word
    assert private_firm("某公司党支部", "", "公司党支部组织党员开展主题党日活动。") == ""


@pytest.mark.parametrize("lines, title", [
    # a visitor counter or a registration code over the heading
    (["网站访问人数: 139258829", "西昌市积极稳妥推进第一书记轮换工作"], "西昌市积极稳妥推进第一书记轮换工作"),
    (["股票代码 600016", "淄博市机关事务局组织开展述职评议工作会议"], "淄博市机关事务局组织开展述职评议工作会议"),
    # a column's name over a heading the page prints twice
    (["要闻动态Navigation", "市委第二巡察组向市卫健委党组反馈巡察情况", "市委第二巡察组向市卫健委党组反馈巡察情况"],
     "市委第二巡察组向市卫健委党组反馈巡察情况"),
    # a year is no code: the heading keeps it
    (["党支部工作总结 2023"], "党支部工作总结 2023"),
])
def test_furniture_over_the_heading_is_no_half_of_it(lines, title) -> None:
    assert _head(*lines)[0] == title


def test_a_menu_row_after_a_spaced_out_home_link_goes() -> None:
    from fanwen.chrome import match_line_rule
    found = match_line_rule("首 页 区县招商 产业园区 企业选址 优惠政策 新闻中心", "head")
    assert found is not None and found.name == "menu_line"
    assert match_line_rule("首 页 设计要简洁", "head") is None


def test_a_title_word_the_text_carries_on_is_no_glued_title() -> None:
    """"…院长在讲话中从三个方面…": 讲话 ends no title where the sentence goes on (中, 时, 指出)."""
    from fanwen.repair import split_glued_title
    text = "张光霖院长在讲话中从三个方面进行了动员部署：" + "一是充分认识开展教育实践活动的重大意义，" * 3
    assert split_glued_title(text) == ("", text)
    glued = "中学党支部工作情况的总结学校党支部自从建立以来，" + "认真组织党员学习，" * 5
    assert split_glued_title(glued)[0] == "中学党支部工作情况的总结"


def test_a_heading_run_into_the_text_on_a_broken_line_is_cut_where_a_title_ends() -> None:
    """A line the page broke inside a sentence ("…活动总结为动员全社会关心、") runs the heading
    into the text: the heading ends where a whole title would; a clause stays text."""
    lines = ["××区 20xx 年食品安全宣传周活动总结为动员全社会关心、", "支持和参与食品安全工作，增强全社会对食品安全的参与意识，"]
    title, _org, rest = _head(*lines)
    assert title == "××区 20xx 年食品安全宣传周活动总结" and rest[0] == "为动员全社会关心、"
    assert _head("发挥党员先锋模范作用，", "争当创先争优排头兵")[0] == "发挥党员先锋模范作用，争当创先争优排头兵"


@pytest.mark.parametrize("line", ["中国台湾网11月13日闵行区消息", "·闪电新闻8月9日讯"])
def test_a_dateline_with_its_day_alone_on_a_line_goes(line) -> None:
    from fanwen.chrome import strip_inline_chrome
    text, removed = strip_inline_chrome(line)
    assert text == "" and [r for r, _ in removed] == ["news_dateline"]
    assert strip_inline_chrome("新闻发布会消息称，全县粮食生产再获丰收。")[1] == []


def test_a_dateline_cut_once_its_pinyin_was_out_is_accounted_for(tmp_path) -> None:
    """The removal log holds the dateline as the text read it, its pinyin already out (and a
    pinyin after a mis-encoded letter, "庸I(yè)", stays in the text): the nothing-lost check
    closes the line over both."""
    from conftest import run_clean
    from fanwen.verify import check_nothing_lost
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    text = ("黨旗在臺資企業(yè)飄揚(yáng)\n\n"
            "中國臺灣網(wǎng)11月13日閔行區(qū)消息 臺資企業(yè)黨建工作是新時期面臨的一個新課題,不少臺資企業(yè)在多年前就建立了黨組織。"
            "像上;鄹呔茈娮庸I(yè)有限公司等臺資企業(yè)的黨建工作有聲有色。"
            "總結(jié)這些黨組織的作用主要有以下特點(diǎn):一是組織黨員開展學(xué)習(xí),二是服務(wù)企業(yè)發(fā)展。\n")
    (raw / "p.txt").write_text(text, encoding="utf-8")
    assert run_clean(raw, out) == 0
    body = "".join(f.read_text(encoding="utf-8") for f in out.glob("*.md"))
    assert "消息" not in body and "台资企业党建工作" in body
    assert check_nothing_lost(raw, out) == []


# A site's reading time in the words of a reworded-news CMS ("读完约2分钟"; yxf_12 on the tune
# half): the word count and reading time of reading_stats, said otherwise. A sentence that reads
# an article stays.
def test_a_word_count_with_its_reading_time_goes() -> None:
    assert _chrome("本篇文章647字，读完约2分钟", "望都县中医医院举行表彰大会") == ["望都县中医医院举行表彰大会", BODY]
    assert _chrome("同志们读完约需10分钟的材料后进行讨论，大家踊跃发言。")[0].startswith("同志们")


# Credits under a heading of an untitled news item, taken for its title until now (four sites
# of the tune half): the outlet in book-title marks, as a news brand or as this site, each name
# with what it made, and a writer with the photographer after.
@pytest.mark.parametrize("line, names", [
    ("《人民日报》记者张永恒", "张永恒"), ("封面新闻记者 曹笑", "曹笑"), ("本站通讯员：尹登明", "尹登明"),
    ("自贡融媒记者 周嘉/文 宋姿熠/图", "周嘉 宋姿熠"), ("撰稿 张黎航，摄影 田宇", "张黎航"),
    # a newspaper's credit mark before it (ypd_02: tune)
    ("■本报记者 潘玉娇 王艳芳", "潘玉娇 王艳芳")])
def test_a_credit_under_the_heading_is_no_title(line, names) -> None:
    body = ("6月26日，在一次以塑造和谐企业为主题的活动中，北京家乐福成立了党总支，这是外资企业党建的一个缩影。\n"
            "党总支成立后，积极开展党员教育，组织党员学习，发挥党员先锋模范作用，员工们纷纷表示支持。")
    rep = pipeline.run_page("x.txt", f"外资企业建起党组织\n{line}\n{body}\n".encode()).reports[0]
    assert rep.meta["author"] == names and rep.meta["title"] == "外资企业建起党组织"
    assert names.split()[0] not in "".join(ln.text for ln in rep.lines)
    # over the text of a page that prints no heading: no title, and no line of the text either
    rep = pipeline.run_page("y.txt", f"{line}\n{body}\n".encode()).reports[0]
    assert rep.meta["author"] == names and "untitled" in rep.flags
    assert names.split()[0] not in rep.meta["title"] + "".join(ln.text for ln in rep.lines)
    assert not reporter_credit_or_field("新闻记者节活动总结") and not reporter_credit_or_field("文 明天的路")


def reporter_credit_or_field(s: str) -> str:
    from fanwen.shapes import author_field, reporter_credit
    return reporter_credit(s) or author_field(s)


# A site's language switch over the heading ("中文 | ENGLISH"; 繁体 简体 and CN EN on two more sites)
def test_a_language_switch_is_the_sites() -> None:
    assert _chrome("中文  |   ENGLISH", "通商中国主席李奕贤先生致辞") == ["通商中国主席李奕贤先生致辞", BODY]


def test_an_editors_note_after_its_label_and_a_space_is_the_editors() -> None:
    # qaf_04, ypd_02, ymg_14 (tune): "编者按" then a space, no colon
    note = "编者按 7月3日，全国优秀共产党员、优秀党务工作者代表座谈会在京召开。会上有3位乡村干部代表发言，现摘编刊登，以飨读者。"
    assert _chrome(note, "建强堡垒作为重中之重") == ["建强堡垒作为重中之重", BODY]
    # a whole page flattened onto one line after the label is the text, not a note
    flat = "编者按 两载寒暑，驻村工作队用脚步丈量大地。" + "我叫王林，今年49岁，是利通区水务局一名普通干部。" * 20
    assert _chrome(flat)[0] == flat


@pytest.mark.parametrize("line", ["2025-11", "close"])
def test_a_line_with_no_chinese_words_is_no_headline_over_a_news_lead(line) -> None:
    # yyb_03 (a site's year-month over the text), yvd_08 (a dialog's "close" button): tune
    lead = "10月22日，马鞍山湖北路过江通道项目临时党支部联合江东控股集团机关党支部，共同组织开展主题党日活动。"
    title, _org, body = _head(line, lead)
    assert title != line and lead in body


def test_a_news_items_empty_credit_fields_are_the_sites() -> None:
    # yyc_10 (tune): the CMS's credit fields, left empty under the text
    assert _chrome("通讯:", "撰稿:", "编辑:") == [BODY]


def test_a_sites_author_field_under_the_text_goes_to_the_metadata() -> None:
    # yye_13 (tune): "来源:…", "作者:方三益", "编辑:redcloud" under a news item
    text = "\n".join(_BODY)
    rep = pipeline.run_page("x.txt", f"双沟镇召开人代会\n{text}\n来源:平茶镇政府\n作者:方三益\n编辑:redcloud\n".encode()).reports[0]
    assert rep.meta["author"] == "方三益" and "方三益" not in rep.meta.get("byline", "") and rep.lines[-1].text == _BODY[-1]


@pytest.mark.parametrize("line", ["放大缩小", "放大 缩小 默认", "VIP专免"])
def test_font_size_buttons_and_a_vip_badge_are_the_sites(line) -> None:
    # yyg_12, yvf_13 (font size); yoc_03, yyf_05 (the document site's badge): tune
    assert _chrome(line, "区政协办公室2021年统战工作总结") == ["区政协办公室2021年统战工作总结", BODY]


def test_a_date_over_the_heading_is_kept_but_not_shown_with_the_byline() -> None:
    # ytf_07 (a site's date widget), ymf_12 (a paper's issue date), yoh_12: tune
    from fanwen.describe import parse_head
    from fanwen.model import Report
    rep = Report(source="p.txt", part=1, lines=[Line(t, i) for i, t in enumerate(["2020年08月13日", "琅琊区与央企结对共建聚发展合力", BODY])])
    parse_head(rep)
    assert rep.meta["title"] == "琅琊区与央企结对共建聚发展合力" and rep.meta["date"] == "2020-08-13"
    assert "2020" not in rep.meta.get("byline", "") and [ln.text for ln in rep.lines] == [BODY]
    # a date under the heading is the text's own, shown with it
    rep = Report(source="p.txt", part=1, lines=[Line(t, i) for i, t in enumerate(["在全县组织工作会议上的讲话", "（2010年12月9日）", BODY])])
    parse_head(rep)
    assert "2010年12月9日" in rep.meta.get("byline", "")


def test_empty_stamp_fields_are_the_sites() -> None:
    # ytg_12, yle_04, yth_10 (tune): a CMS's labels with their values left out
    assert _chrome("发表时间:", "来自:", "责任部门:") == [BODY]


@pytest.mark.parametrize("line", ["详细内容", "跳转到主要内容", "我给文章打分", "1分   2分   3分   4分   5分", "本文得分：0.0参与评分人数：0"])
def test_a_pages_label_skip_link_and_rating_widget_are_the_sites(line) -> None:
    # yzh_13, yzc_07, yzc_11 (tune)
    assert _chrome(line, "大湾区各建设工地热切关注全国两会") == ["大湾区各建设工地热切关注全国两会", BODY]


def test_a_stamp_that_names_the_publishing_office_first_is_the_sites() -> None:
    # yze_15 (tune): a school CMS's stamp under the heading, the office first, bars between
    assert _chrome("攀越另一座高峰---新任校友會會長上任", "│發表單位:研究發展處 │發表日期:2008-12-01") == [
        "攀越另一座高峰---新任校友會會長上任", BODY]


@pytest.mark.parametrize("line", ["杨一龙（右二）在汉唐花卉产业园区调研产业发展。", "上圖:(左起)黃海龍、黃立輝向來賓們展示「世界華僑總會」會旗。"])
def test_a_caption_that_places_people_in_the_photo_is_the_photos(line) -> None:
    # yye_04, yze_11 (tune): two sites
    assert _chrome("杨一龙：铺好生产路", line) == ["杨一龙：铺好生产路", BODY]


def test_an_outlets_name_in_brackets_before_the_first_sentence_is_its_dateline() -> None:
    # ygc_03, ywg_08 (tune): "【连网】" before a long first paragraph, as "本网讯" stands
    first = "【连网】近日，学习了《习近平新时代中国特色社会主义思想专题摘编》第十七章，书中指出勇于自我革命，是我们党最鲜明的品格，也是我们党最大的优势，新时代党员干部要做勇于自我革命的战士。"
    assert _chrome(first)[0] == first[len("【连网】"):]


def test_a_stamp_with_a_view_count_field_is_the_sites() -> None:
    # yyb_09 (tune): "浏览数量" for "浏览次数"
    assert _chrome("公司召开2026年度工作会议", "发布时间：2026-03-05浏览数量：") == ["公司召开2026年度工作会议", BODY]
