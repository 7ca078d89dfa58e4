"""Pages in the style of other 范文 sites (tests/data/unseen/), against their answer key.

The cleanup is judged on pages nobody here has seen; these pages keep the rules
general: other report markers, an editor's intro, a CMS page in GBK HTML, a Big5
speech, two unmarked reports on one page, one document with a contents list.
"""
from __future__ import annotations

import pytest
import yaml

from conftest import ROOT, run_clean
from grading import fold, read_reports

UNSEEN = ROOT / "tests" / "data" / "unseen"
KEY = yaml.safe_load((ROOT / "tests" / "data" / "unseen.yaml").read_text(encoding="utf-8"))
PAGES = [k for k in KEY if "." in k]


@pytest.fixture(scope="module")
def unseen(tmp_path_factory):
    out = tmp_path_factory.mktemp("unseen")
    assert run_clean(UNSEEN, out) == 0
    return read_reports(out)


@pytest.mark.parametrize("page", PAGES)
def test_unseen_page(page, unseen) -> None:
    gold, got = KEY[page], unseen.get(page, [])
    assert [r["meta"]["title"] for r in got] == [g["title"] for g in gold]
    for g, r in zip(gold, got):
        for key in ("org", "author", "date", "unit_type", "genre"):
            if key in g:
                assert r["meta"][key] == g[key], (g["title"], key)
        assert set(g.get("flags", [])) <= set(r["meta"]["flags"])
        body = fold(r["body"])
        assert fold(g["first"]) in body[:300], (g["title"], "first")
        assert fold(g["last"]) in body[-300:], (g["title"], "last")
        for chrome in KEY["chrome"]:
            assert fold(chrome) not in fold(r["meta"]["title"] + r["body"]), (g["title"], chrome)


def test_nothing_lost_on_unseen_pages(tmp_path) -> None:
    from fanwen.verify import check_nothing_lost

    assert run_clean(UNSEEN, tmp_path) == 0
    assert [str(x) for x in check_nothing_lost(UNSEEN, tmp_path)] == []


def clean_pages(tmp_path, pages: dict[str, str]):
    """Write pages into a fresh raw folder, clean it, return (raw folder, out folder)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, text in pages.items():
        (raw / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert run_clean(raw, out, "--registry", str(tmp_path / "urls.yaml")) == 0
    return raw, out


# A site's furniture flattened onto the heading's line, in the shapes CMS pages print it
GLUED_HEADS = [
    "2023-05-01 市统计局2023年上半年工作总结",
    "当前位置：首页 > 工作总结 > 市统计局2023年上半年工作总结",
    "首页 工作总结 市统计局2023年上半年工作总结",
    "发布时间：2023-05-01 市统计局2023年上半年工作总结",
    "【工作总结】市统计局2023年上半年工作总结",
    "市统计局2023年上半年工作总结 来源：市统计局 发布时间：2023-05-01",
    "市统计局2023年上半年工作总结 2023-05-01 10:20 浏览次数：125",
    "您现在的位置：统计信息网 >> 工作动态 >> 市统计局2023年上半年工作总结",
    "市统计局2023年上半年工作总结 作者：张三 阅读：1234",
    # what document-sharing and 范文 sites add to every title they list
    "市统计局2023年上半年工作总结（完整版）",
    "市统计局2023年上半年工作总结(可编辑)",
    "市统计局2023年上半年工作总结.docx",
    "【精品文档】市统计局2023年上半年工作总结",
    "市统计局2023年上半年工作总结_百度文库",
    "市统计局2023年上半年工作总结 - 道客巴巴",
    "市统计局2023年上半年工作总结-原创力文档",
    "市统计局2023年上半年工作总结 免费下载",
    "市统计局2023年上半年工作总结-范文网",
    "市统计局2023年上半年工作总结|范文大全",
    # a CMS's marks, buttons, counters and stamps on the heading's line
    "标题：市统计局2023年上半年工作总结",
    "市统计局2023年上半年工作总结（图）",
    "市统计局2023年上半年工作总结[组图]",
    "市统计局2023年上半年工作总结 字号：大 中 小",
    "市统计局2023年上半年工作总结 【打印】【关闭】",
    "市统计局2023年上半年工作总结 点击：123次",
    "市统计局2023年上半年工作总结 2023年05月01日 来源：市委组织部",
    "市统计局2023年上半年工作总结（2023-05-01）",
    "[2023-05-01] 市统计局2023年上半年工作总结",
    "市统计局2023年上半年工作总结 分享到：",
    "市统计局2023年上半年工作总结 - 党建网 - 中国共产党新闻网",
    "市统计局2023年上半年工作总结——人民网",
    "市统计局2023年上半年工作总结 阅读(123) 评论(0)",
    "原创 市统计局2023年上半年工作总结",
    "市统计局2023年上半年工作总结 [复制链接]",
    "市统计局2023年上半年工作总结 查看: 123|回复: 4",
    "市统计局2023年上半年工作总结 文章来源：本站原创 作者：佚名 点击数：12 更新时间：2023-5-1",
    "市统计局2023年上半年工作总结 信息来源：市委组织部 发布时间：2023-05-01 浏览次数：12",
    "市统计局2023年上半年工作总结（转载）",
    "市统计局2023年上半年工作总结 收藏 举报",
    "市统计局2023年上半年工作总结 统计信息网2023年05月01日",
    "市统计局2023年上半年工作总结2023年05月01日 发布者 市统计局办公室",
    "第A02版：要闻 市统计局2023年上半年工作总结",
    "| 当前位置: | 首页 | > 工作动态\n市统计局2023年上半年工作总结",
    "学会动态 学会新闻 通知公告 学术活动\n市统计局2023年上半年工作总结",
    "市统计局2023年上半年工作总结_第2页",
    "市统计局2023年上半年工作总结（第2页）",
    "市统计局2023年上半年工作总结 作者：张三",
    "市统计局2023年上半年工作总结 文/张三",
    "市统计局2023年上半年工作总结(2023-05-01 10:20)",
    "市统计局2023年上半年工作总结 热",
    "市统计局2023年上半年工作总结 NEW",
    # and on lines of their own under it
    "市统计局2023年上半年工作总结\n视力保护色：",
    "市统计局2023年上半年工作总结\n浏览量：1,234",
    "市统计局2023年上半年工作总结\n收藏本文 打印本文 关闭窗口",
    "市统计局2023年上半年工作总结\n微信 微博 QQ空间",
    "市统计局2023年上半年工作总结\n【 字体：大 中 小 】【 打印 】【 关闭 】",
    "市统计局2023年上半年工作总结\n[ 作者：李四 | 来源：组工网 | 点击：56 ]",
]


def test_heading_keeps_its_line_when_furniture_is_glued_to_it(tmp_path) -> None:
    from fanwen.verify import check_nothing_lost

    body = ("一年来，在局党组的正确领导下，我局认真贯彻落实各项决策部署，扎实推进各项工作，取得了较好成效。"
            "现将一年来的工作总结如下：\n一、强化党建引领\n全年召开党组会议12次，上党课4次。\n")
    raw, out = clean_pages(tmp_path, {f"p{i}.txt": head + "\n" + body for i, head in enumerate(GLUED_HEADS)})
    got = read_reports(out)
    assert {name: [(r["meta"]["title"], r["body"].strip()[:3]) for r in reps] for name, reps in got.items()} == {
        f"p{i}.txt": [("市统计局2023年上半年工作总结", "一年来")] for i in range(len(GLUED_HEADS))}
    assert [str(x) for x in check_nothing_lost(raw, out)] == []


# The heading line with the next line of the head, or the first sentence, run onto it, and the
# site's marks around it: the heading alone stays the title, the rest goes where it belongs
_T = "市统计局2023年上半年工作总结"
_S = ("一年来，在局党组的正确领导下，我局认真贯彻落实各项决策部署，扎实推进各项工作，取得了较好成效。"
      "现将一年来的主要工作总结如下，不妥之处请批评指正。")
HEADING_RUN_ONS = [
    _T + _S, "【" + _T + "】" + _S, _T + " " + _S, _T + "\u3000\u3000" + _S, _T + "：" + _S, "《" + _T + "》" + _S,
    _T + " 尊敬的各位领导：", _T + " 同志们：", _T + "各位代表：", _T + " 张三", _T + " 市统计局 2023年5月1日",
    _T + " 市统计局办公室", _T + " " + _T, _T + "\n" + _T, _T + "（2023年5月1日）", _T + " 一、强化党建引领",
    "标题：" + _T, _T + " 篇一", "1、" + _T, _T + "（全文）", _T + "（精选）", _T + "【精品】", "精品文档 " + _T,
    _T + " - 道客巴巴", _T + "_工作总结_总结/汇报_实用文档", _T + " - 百度文库", _T + "|统计信息网", _T + "(word版)",
]


# What listings and article pages set before or after a heading on its line: column labels,
# bullets and badges, page numbers, listing dates, counters, buttons
HEADING_DRESS = [
    "工作总结：" + _T, "[工作总结]" + _T, _T + "【2】", _T + " 第1页", "◎" + _T, "■" + _T, "●" + _T, "▲" + _T, _T + ">>",
    _T + " >>更多", _T + " 05-01", _T + " 2023.05.01", _T + "_百度知道", _T + "_图文_百度文库", _T + "(共12页)",
    _T + ".doc 12页", _T + " 免费下载", _T + " VIP", _T + " by 张三", "🔥" + _T, _T + "✅", "◆◆◆" + _T + "◆◆◆",
    _T + " - 第一范文网", _T + "（转）", _T + "[转]", _T + " [原创]", _T + "[1]", _T + " 2023-05-01 12:30",
    _T + "（2023-05-01）", "【置顶】" + _T, "NEW " + _T, _T + " new", "★★★" + _T, _T + "  ——统计信息网", "标题：" + _T,
    "题目：" + _T, "文章标题：" + _T, _T + " 发表于 2023-05-01", _T + " 2023年05月01日 星期一", _T + " 字数：3000",
    _T + "  |  来源：市统计局", _T + " 点击：", _T + "（点击：123）", _T + "(阅读：123)", "· " + _T, "- " + _T, "• " + _T,
    "> " + _T, _T + " 》", "首页 > " + _T, _T + " 下载", _T + " 打印", _T + " 收藏", _T + "[下载]", _T + " 全文下载",
]


def test_heading_dress_goes(tmp_path) -> None:
    rest = "\n二、强化党建引领\n全年召开党组会议12次，上党课4次，开展专题学习12次。\n"
    _raw, out = clean_pages(tmp_path, {f"d{i}.txt": line + "\n" + _S + rest for i, line in enumerate(HEADING_DRESS)})
    got = read_reports(out)
    wrong = {line: [(r["meta"]["title"], r["body"][:30]) for r in got.get(f"d{i}.txt", [])]
             for i, line in enumerate(HEADING_DRESS)
             if [(r["meta"]["title"], fold(_S[:12]) in fold(r["body"])) for r in got.get(f"d{i}.txt", [])] != [(_T, True)]}
    assert wrong == {}


def test_heading_run_ons(tmp_path) -> None:
    rest = "\n二、强化党建引领\n全年召开党组会议12次，上党课4次，开展专题学习12次。\n三、下一步打算\n我们将继续努力，推动各项工作再上新台阶。\n"
    _raw, out = clean_pages(tmp_path, {f"g{i}.txt": line + ("" if _S in line else "\n" + _S) + rest
                                       for i, line in enumerate(HEADING_RUN_ONS)})
    got = read_reports(out)
    wrong = {line: [(r["meta"]["title"], r["body"][:30]) for r in got.get(f"g{i}.txt", [])]
             for i, line in enumerate(HEADING_RUN_ONS)
             if [(r["meta"]["title"], fold(_S[:12]) in fold(r["body"])) for r in got.get(f"g{i}.txt", [])] != [(_T, True)]}
    assert wrong == {}
    (rep,) = got[f"g{HEADING_RUN_ONS.index(_T + ' 市统计局 2023年5月1日')}.txt"]
    assert (rep["meta"]["org"], rep["meta"]["date"]) == ("市统计局", "2023-05-01")


# Shapes of a site's head seen on real pages, written out with other words: the heading stays
# the title, the site's words go
_BODY = ("今天下午，市红十字会召开理事会会议，回顾总结2023年全市红十字工作的成效，谋划2024年的重点任务。\n"
         "会上，来自各县区的红十字会代表作交流发言。\n会议审议通过了理事会工作报告。\n")
SITE_HEADS = [
    # a region switcher and an alphabet index over the heading and its clock stamp
    ("\n".join(["江西", "最近访问", "热门站点", "全部", "省级云", "市州云", "区县云", "全部", *"ABCDEFGHJKLMNPQRSTWXYZ"])
     + "\n市红十字会晒出年度“爱心成绩单”\n2024-01-15 17:34:30     都市网\n", "市红十字会晒出年度“爱心成绩单”", ["省级云", "最近访问"]),
    ("2025-10-30 2024年红十字会工作总结\n", "2024年红十字会工作总结", ["2025-10-30"]),
    ("当前位置: 某某网官网首页》 工作动态\n红十字会2024年工作总结\n", "红十字会2024年工作总结", ["官网首页"]),
    ("红十字会工作总结(集合四十二篇)。\n红十字会2024年工作总结\n", "红十字会2024年工作总结", ["集合四十二篇"]),
    ("欧美另类日韩中文色综合,天堂va亚洲va欧美va国产,www.av在线播放\n红十字会2024年工作总结\n", "红十字会2024年工作总结", ["欧美另类"]),
    ("红十字会2024年工作总结\n日期:2024年1月15日\n", "红十字会2024年工作总结", []),
    ("二零二四年一月十五日 （星期一）\n红十字会2024年工作总结\n", "红十字会2024年工作总结", []),
    ("按：为弘扬先进典型，激发担当精神，本报特推出《红十字先锋》专栏，对优秀集体进行宣传报道。\n红十字会2024年工作总结\n",
     "红十字会2024年工作总结", ["红十字先锋"]),
    ("【红十字会2024年理事会主持词】各位理事、同志们：\n", "红十字会2024年理事会主持词", []),
    # a hospital's menu over its trail, the stamp with no colon and the reading buttons under the heading
    ("预约挂号\n临床科室\n坐诊时间\n医院地址\n互联网医院\n您现在的位置首页新闻中心医院新闻\n在线预约\n"
     "市红十字会召开年度理事会\n发布日期 2024-01-15字号调整\n手机阅读文本\n", "市红十字会召开年度理事会",
     ["互联网医院", "临床科室", "在线预约", "手机阅读"]),
]


@pytest.mark.parametrize("head,title,gone", SITE_HEADS)
def test_site_heads_seen_on_real_pages(tmp_path, head, title, gone) -> None:
    _raw, out = clean_pages(tmp_path, {"p.txt": head + _BODY})
    (rep,) = read_reports(out)["p.txt"]
    assert rep["meta"]["title"] == title
    assert [g for g in gone if fold(g) in fold(rep["body"])] == []
    assert fold("回顾总结2023年全市红十字工作的成效") in fold(rep["body"])


# The writer or a record's fields under a heading, glued to it or on the next lines
@pytest.mark.parametrize("head,title", [
    ("情暖百姓送健康 为民服务暖人心市人民医院党委书记侯瑞芳\n", "情暖百姓送健康 为民服务暖人心"),
    ("义工社团2023年第二次活动小结\n【活动名称】:义工社团2023年第二次活动\n【活动时间】: 2023年10月8日\n", "义工社团2023年第二次活动小结"),
])
def test_writer_and_fields_under_the_heading(tmp_path, head, title) -> None:
    _raw, out = clean_pages(tmp_path, {"p.txt": head + _BODY})
    (rep,) = read_reports(out)["p.txt"]
    assert rep["meta"]["title"] == title
    assert fold("回顾总结2023年全市红十字工作的成效") in fold(rep["body"])


def test_a_long_html_heading_that_the_page_title_repeats(tmp_path) -> None:
    """An article page: the site's name in <h1>, the article's long heading in <h2> that <title>
    repeats, the stamp under it, then paragraphs with a bold series line and a bold label: the
    heading is the title, whatever its length, and the short bold lines stay lines of their own."""
    heading = "市委常委、宣传部部长 张三：推动党的创新理论在全市落地生根深入人心走深走实见行见效"
    para = "党的二十大概括和提出了一系列重要论断，我们要深入学习领会，" * 4 + "切实把思想和行动统一到党中央决策部署上来。"
    page = (f"<html><head><title>{heading}_市社科规划办</title></head><body><div class='head'><h1>市社科规划办</h1></div>"
            f"<div class='content'><h2>{heading}</h2><div class='info'>【时间：2018年07月06日 16:00】【来源：日报】</div>"
            f"<div class='article'><p><strong>深入学习宣传贯彻党的创新理论研讨会发言摘登</strong></p><p><strong>编者按</strong></p>"
            f"<p>{para}</p><p>{para}</p><p>{para}</p></div></div></body></html>")
    _raw, out = clean_pages(tmp_path, {"p.html": page})
    (rep,) = read_reports(out)["p.html"]
    assert rep["meta"]["title"] == heading
    assert "\n\n编者按\n\n" in rep["body"]
    assert "市社科规划办" not in rep["body"] + rep["meta"].get("org", "")  # the site's name over it


def test_a_notice_without_its_heading_and_the_document_it_sends_are_one_report(tmp_path) -> None:
    page = ("科协办发〔2024〕3号\n各县区科协，各学会：\n现将《2024年科学普及工作要点》印发给你们，请结合实际认真贯彻落实。\n"
            "市科协办公室\n2024年3月19日\n2024年科学普及工作要点\n"
            "2024年是全面贯彻落实党的二十大精神的关键之年，做好全年科普工作，意义重大，现提出如下工作要点。\n"
            "一、加强科普阵地建设\n全年新建科普示范基地12个，开展科普活动120场次。\n")
    _raw, out = clean_pages(tmp_path, {"p.txt": page})
    reps = read_reports(out)["p.txt"]
    assert [r["meta"]["title"] for r in reps] == ["2024年科学普及工作要点"]
    assert "现将《2024年科学普及工作要点》印发给你们" in reps[0]["body"]


# A heading broken over two lines inside a word, as PDF text and narrow pages break it: joined
# when the pair across the break is one the text uses elsewhere
@pytest.mark.parametrize("title,at", [
    ("在全县经济工作会议上的讲话", 4), ("关于进一步加强基层党组织建设的调研报告", 4), ("学习贯彻党的二十大精神心得体会", 4),
    ("党支部书记抓基层党建工作述职报告", 4), ("2023年度民主生活会个人对照检查材料", 16), ("在2024年全市教育工作会议上的主持词", 7),
    # a first piece of two characters, a break between digits, a kind's word broken at its end
    ("在全县经济工作会议上的讲话", 2), ("关于进一步加强基层党组织建设的调研报告", 2), ("XX公司2023年安全生产工作总结", 7),
    ("学习贯彻党的二十大精神心得体会", 13), ("党支部书记抓基层党建工作述职报告", 14),
])
def test_a_heading_broken_inside_a_word_is_joined(tmp_path, title, at) -> None:
    body = ("一年来，在上级党委的正确领导下，我们认真贯彻落实各项决策部署，扎实推进各项工作，取得了较好成效。\n"
            f"会议强调，{title}，要认真抓好落实。\n一、主要工作\n全年召开会议12次，开展专题学习12次。\n")
    _raw, out = clean_pages(tmp_path, {"p.txt": title[:at] + "\n" + title[at:] + "\n" + body})
    (rep,) = read_reports(out)["p.txt"]
    assert rep["meta"]["title"] == title


# A site's header above the heading, one line each: menus, greetings, search boxes, the
# government open-information table, counters (under the site's name or alone)
HEAD_LINES = [
 "网站首页 | 关于我们 | 新闻中心 | 工作动态 | 联系我们",
 "欢迎访问统计信息网！",
 "今天是：2023年5月1日 星期一",
 "设为首页 加入收藏",
 "无障碍浏览 长者模式",
 "繁体版 English",
 "手机版",
 "登录 | 注册",
 "热门搜索：工作总结 述职报告 心得体会",
 "打开APP",
 "扫一扫在手机打开当前页",
 "字号：大 中 小",
 "分享到：",
 "索引号：11350100/2023-00123 发布机构：市统计局 成文日期：2023-05-01",
 "主题分类：综合政务",
 "文 号：",
 "当前位置：首页 > 信息公开 > 工作总结",
 "首页 > 工作动态",
 "您所在的位置：首页 >> 新闻中心 >> 部门动态",
 "搜索",
 "全站搜索",
 "请输入关键词",
 "站内搜索：",
 "收藏本站",
 "客服热线：400-123-4567",
 "会员中心",
 "我要投稿",
 "范文大全 > 工作总结 > 单位工作总结",
 "热门标签：",
 "广告",
 "时间：2023-05-01 来源：本站 作者：admin",
 "2023年05月01日 10:20 来源：市统计局",
 "点击：1234次",
 "【大 中 小】",
 "阅读模式",
 "本文已影响1.2万人",
 "微信扫一扫",
 "下载本文",
 "VIP会员专享",
 "关闭",
]


@pytest.mark.parametrize("site_line", ["", "统计信息网\n"])
def test_site_header_lines_above_the_heading_go(tmp_path, site_line) -> None:
    body = ("市统计局2023年上半年工作总结\n一年来，在局党组的正确领导下，我局认真贯彻落实各项决策部署，扎实推进各项工作，"
            "取得了较好成效。\n一、强化党建引领\n全年召开党组会议12次，上党课4次。\n")
    _raw, out = clean_pages(tmp_path, {f"h{i}.txt": site_line + head + "\n" + body for i, head in enumerate(HEAD_LINES)})
    got = read_reports(out)
    wrong = {}
    for i, head in enumerate(HEAD_LINES):
        reps = got.get(f"h{i}.txt", [])
        if (len(reps) != 1 or reps[0]["meta"]["title"] != "市统计局2023年上半年工作总结"
                or not reps[0]["body"].strip().startswith("一年来") or fold(head) in fold(reps[0]["body"])):
            wrong[head] = [(r["meta"]["title"], r["body"][:20]) for r in reps]
    assert wrong == {}


# A site's furniture between the paragraphs or after the text, one line each
FURNITURE_LINES = [
    "上一篇：党支部2022年度工作总结", "相关文章", "热门推荐", "版权声明：本文由网友上传，如有侵权请联系删除。",
    "免责声明：本站部分内容来源于网络，仅供学习参考。", "（责编：王五）", "文章来源于网络，如有侵权请联系删除",
    "本文为本站原创，转载请注明出处。", "推荐阅读：", "猜你喜欢", "看了本文的人还看了", "上一页 1 2 3 下一页",
    "返回顶部", "本文地址：http://www.example.com/zongjie/1234.html", "Tags：工作总结 党支部", "展开阅读全文",
    "点击查看全文", "全文共3000字", "更多工作总结范文请点击：工作总结频道", "（此处已添加圈子卡片，请到今日头条客户端查看）",
    "本文共3页 上一页 1 2 3 下一页", "第2页 共5页", "【纠错】", "扫码关注我们", "点赞 收藏 评论",
    "声明：本文内容由互联网用户自发贡献，该文观点仅代表作者本人。", "如果你想了解更多内容，可以关注我们的网站。",
    "以上就是小编为大家整理的党支部工作总结，希望对大家有所帮助。", "1574937582(1).jpg", "|", "页: [1]",
    # a post's credits, calls to its readers, pagers and counters, a site's footer
    "（责任编辑：王五）", "原标题：党支部2023年度工作总结", "本文链接：http://www.example.com/a/1.html", "欢迎转发", "点击关注", "长按识别二维码关注我们",
    "阅读原文", "喜欢此内容的人还喜欢", "编辑：张三 审核：李四", "供稿：党群工作部", "图文：张三", "摄影：李四", "投稿邮箱：abc@163.com",
    "联系电话：0371-12345678", "Copyright © 2023 统计信息网 All Rights Reserved", "豫ICP备12345678号-1",
    "豫公网安备 41010502000123号", "技术支持：某某网络科技有限公司", "主办单位：某某市统计局", "网站地图", "联系我们", "友情链接：", "扫一扫分享",
    "上一条：关于开展专项检查的通知", "下一条：无", "相关新闻：", "分享到：微信 微博 QQ空间", "觉得好看，请点这里", "↓↓↓", "END", "-END-", "- THE END -",
    "往期回顾", "来源 | 统计信息网", "编辑 | 张三", "审核 | 李四", "责编 | 王五", "文字：张三", "初审：张三 复审：李四 终审：王五", "【打印本页】【关闭窗口】",
    "分享：", "打印 关闭", "收藏 | 分享", "（来源：市统计局）", "【来源：人民网】", "（本文来源：党建网）", "文章来源：本站原创", "点击数：", "发布者：admin",
    "免责声明：本站所有文章、数据、图片均来自互联网，如有侵权请联系删除。", "更多精彩，请关注公众号", "本文由作者上传并发布", "赞(0)", "评论(0)", "上一篇：无", "[ 关闭 ]",
    "返回列表", "打印此页", "【字号 大 中 小】", "附件下载：",
]


@pytest.mark.parametrize("where", ["middle", "end"])
def test_site_furniture_lines_go_and_the_text_stays(tmp_path, where) -> None:
    first = ("党支部2023年度工作总结\n一年来，在上级党委的正确领导下，支部认真贯彻落实各项决策部署，扎实推进各项工作，"
             "取得了较好成效。\n一、强化政治建设\n全年召开支部党员大会4次、支委会12次，上党课4次，开展主题党日活动12次。\n")
    rest = "二、加强作风建设\n全年共开展督查检查8次，发现问题12个，全部整改到位。\n明年，我们将继续努力，推动支部建设再上新台阶。\n"
    _raw, out = clean_pages(tmp_path, {
        f"f{i}.txt": first + furniture + "\n" + rest if where == "middle" else first + rest + furniture + "\n"
        for i, furniture in enumerate(FURNITURE_LINES)})
    got = read_reports(out)
    left = {}
    for i, furniture in enumerate(FURNITURE_LINES):
        reps = got.get(f"f{i}.txt", [])
        body = fold("\n".join(r["body"] for r in reps))
        if len(reps) != 1 or fold(furniture) in body or fold("推动支部建设再上新台阶") not in body:
            left[furniture] = [r["body"][-80:] for r in reps]
    assert left == {}


# A page that prints no title: its first line is a sentence, a news source or a byline, and
# the report is named by its first words (flagged untitled), its first sentence kept
@pytest.mark.parametrize("first_line,kept", [
    ("扎实组织开学第一课。", "扎实组织开学第一课。"),
    ("本报讯（记者 张三）近日，我县召开全县组织工作会议。", "近日，我县召开全县组织工作会议。"),
    ("一是加强政治建设。", "一是加强政治建设。"),
    ("“东方红，太阳升，中国出了个毛泽东……”", "“东方红，太阳升，中国出了个毛泽东……”"),
    ("本人自2020年担任党支部书记以来", "本人自2020年担任党支部书记以来"), ("时光荏苒，岁月如梭", "时光荏苒，岁月如梭"),
    ("二是强化理论武装", "二是强化理论武装"), ("2023年是全面贯彻落实党的二十大精神的开局之年", "2023年是全面"),
    ("在局党组的正确领导下", "在局党组的正确领导下"), ("现将一年来的工作情况汇报如下：", "现将一年来"),
    ("为深入贯彻落实党的二十大精神，进一步加强基层党组织建设", "为深入贯彻"),
    ("大家好！", "大家好！"), ("工作动态", ""),
    ("烟草在线凯里消息", ""),
    ("烟草在线凯里消息 “东方红，太阳升，中国出了个毛泽东……”", "“东方红"),
])
def test_a_sentence_is_no_title(tmp_path, first_line, kept) -> None:
    _raw, out = clean_pages(tmp_path, {"p.txt": first_line + "\n在上级党委的正确领导下，我们认真贯彻落实各项决策部署，"
                                       "扎实推进各项工作，取得了较好成效。\n二、主要做法\n全年召开会议12次，开展专题学习12次。\n"})
    (rep,) = read_reports(out)["p.txt"]
    assert "untitled" in rep["meta"]["flags"] and rep["meta"]["title"] != first_line
    assert rep["body"].strip().startswith(kept or "在上级党委")


# Two reports on one compilation page, with the item markers 范文 sites use
COMPILATION_SHAPES = [
    "篇一：{a}\n{A}\n篇二：{b}\n{B}", "【篇1】{a}\n{A}\n【篇2】{b}\n{B}", "范文一：{a}\n{A}\n范文二：{b}\n{B}",
    "第1篇：{a}\n{A}\n第2篇：{b}\n{B}", "精选范文1：{a}\n{A}\n精选范文2：{b}\n{B}", "【第一篇】{a}\n{A}\n【第二篇】{b}\n{B}",
    "篇一\n{a}\n{A}\n篇二\n{b}\n{B}", "{a} 篇1\n{A}\n{b} 篇2\n{B}", "★{a}★\n{A}\n★{b}★\n{B}",
    "文章一：{a}\n{A}\n文章二：{b}\n{B}", "例文1：{a}\n{A}\n例文2：{b}\n{B}", "第一篇 {a}\n{A}\n第二篇 {b}\n{B}",
    "篇一：\n{a}\n{A}\n篇二：\n{b}\n{B}", "{a}(范文1)\n{A}\n{b}(范文2)\n{B}", "{a}精选篇1\n{A}\n{b}精选篇2\n{B}",
]


@pytest.mark.parametrize("shape", COMPILATION_SHAPES)
def test_compilation_markers(tmp_path, shape) -> None:
    first = ("一年来，在上级党委的正确领导下，支部认真贯彻落实各项决策部署，扎实推进各项工作，取得了较好成效。\n"
             "一、强化政治建设\n全年召开支部党员大会4次、支委会12次，上党课4次。\n二、下一步打算\n我们将继续努力，推动支部建设再上新台阶。")
    second = ("今年以来，我校坚持立德树人根本任务，认真落实上级部署，扎实开展各项工作，取得了明显成效。\n"
              "一、加强师德建设\n全年组织教师集中学习12次，开展师德师风专题教育4次。\n二、下一步工作\n我们将继续努力，推动学校工作再上新台阶。")
    page = "2023年工作总结精选2篇\n" + shape.format(a="党支部2023年工作总结", b="学校2023年工作总结", A=first, B=second)
    _raw, out = clean_pages(tmp_path, {"p.txt": page + "\n"})
    reps = read_reports(out)["p.txt"]
    assert [(r["meta"]["title"], r["body"].strip()[:4]) for r in reps] == [
        ("党支部2023年工作总结", "一年来，"), ("学校2023年工作总结", "今年以来")]
    assert "学校工作再上新台阶" in reps[1]["body"]


# The organisation that opens the text names the unit, through its party body or office
@pytest.mark.parametrize("opening,want", [
    ("一年来，XX公司党委", "国有企业"), ("一年来，我们XX社区党支部", "街道社区"), ("一年来，XX局机关党委", "党政机关"),
    ("一年来，XX公司工会", "国有企业"), ("一年来，XX学院团委", "学校"), ("一年来，XX医院护理部", "医疗卫生"),
    ("一年来，XX社区卫生服务中心党支部", "医疗卫生"), ("今年以来，XX村两委", "农村"), ("今年以来，XX供电所", "国有企业"),
    ("今年以来，XX律师事务所党支部", "社会组织"), ("今年以来，XX大学机关党委", "学校"), ("今年以来，XX集团纪委", "国有企业"),
])
def test_unit_type_from_the_organisation_in_the_text(tmp_path, opening, want) -> None:
    _raw, out = clean_pages(tmp_path, {"p.txt": "2023年工作总结\n" + opening + "认真贯彻落实上级各项决策部署，扎实推进各项工作，"
                                       "取得了较好成效。\n一、主要工作\n全年召开会议12次，开展专题学习12次。\n"})
    assert read_reports(out)["p.txt"][0]["meta"]["unit_type"] == want


@pytest.mark.parametrize("label", ["演讲辞", "演講詞", "讲话稿", "致辞"])
def test_a_column_label_over_the_heading_is_no_title(tmp_path, label) -> None:
    _raw, out = clean_pages(tmp_path, {"p.txt": f"{label}\n某某市第一人民医院\n三期大楼落成庆典致词\n2009年06月19日\n"
                                       "很高兴今天与各位一同见证三期大楼开幕。这所设施现代化的医院，将为全市群众提供优质的医疗服务。\n"})
    assert read_reports(out)["p.txt"][0]["meta"]["title"] == "三期大楼落成庆典致词"


def test_a_records_fields_under_the_heading_go_with_the_byline(tmp_path) -> None:
    _raw, out = clean_pages(tmp_path, {"p.txt": "柞水县审计局2020年部门决算\n保密审查情况:已审查\n部门主要负责人审签情况:已审签\n"
                                       "一年来，在局党组的正确领导下，我局认真贯彻落实各项决策部署，扎实推进各项工作，取得了较好成效。\n"})
    (page,) = out.glob("*.md")
    text = page.read_text(encoding="utf-8")
    assert '\ntitle: "柞水县审计局2020年部门决算"\n' in text
    assert "保密审查情况：已审查　部门主要负责人审签情况：已审签\n{: .byline }" in text


def test_a_column_name_over_the_unit_and_the_heading_is_no_title(tmp_path) -> None:
    _raw, out = clean_pages(tmp_path, {"p.txt": "我知道了\n校园微播\n盱眙县盱城镇中心小学\n庆元旦 迎新年\n"
                                       "新年到来之际，盱眙县盱城镇中心小学开展丰富多彩的“庆元旦、迎新年”系列活动，同学们充分发挥自己的特长。\n"})
    (rep,) = read_reports(out)["p.txt"]
    assert rep["meta"]["title"] == "庆元旦 迎新年" and rep["meta"]["org"] == "盱眙县盱城镇中心小学"
    assert "校园微播" not in rep["body"] and "我知道了" not in rep["body"]


@pytest.mark.parametrize("lead", ["", "近日，市司法局组织记者走进律所，采访党建工作开展情况。\n"])
def test_a_reposts_original_title_names_a_text_that_prints_no_other(tmp_path, lead) -> None:
    """"原标题:…" at the top of a repost (maybe under a lead line): the heading the piece ran
    under; the note itself goes."""
    _raw, out = clean_pages(tmp_path, {"p.txt": f"{lead}原标题:以党建促所建——玉榕党支部开展律所党建工作纪实\n"
                                       "“律师属于自由职业，没有事务所主任或合伙人的支持，律所党建工作寸步难行。”支部书记说。\n"
                                       "玉榕律师事务所党支部现有党员律师14人，党建工作组织基础薄弱、经费不足。\n"})
    (rep,) = read_reports(out)["p.txt"]
    assert rep["meta"]["title"] == "以党建促所建——玉榕党支部开展律所党建工作纪实"
    assert "原标题" not in rep["body"]


def test_an_original_title_after_the_text_names_nothing(tmp_path) -> None:
    _raw, out = clean_pages(tmp_path, {"p.txt": "党建“双创”工作开展以来，学校党委始终坚持以政治建设为统领，建立健全工作机制。\n"
                                       "下一步，学校党委将坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。\n"
                                       "原标题:教育部公示名单!优秀,榜上有名!\n"})
    (rep,) = read_reports(out)["p.txt"]
    assert "公示名单" not in rep["meta"]["title"]


def test_a_summary_field_repeating_the_texts_start_goes_an_abstract_stays(tmp_path) -> None:
    body = "近年来，大方县全面推进党支部领办村集体合作社，将党支部的政治优势转化为发展优势，农户收入明显增加。"
    _raw, out = clean_pages(tmp_path, {
        "a.txt": f"党支部领办合作社 农户集体双增收\n摘要:近年来，大方县全面推进党支部领办村集体合作社\n{body}\n",
        "b.txt": "走好发展村集体经济这条乡村振兴必由之路\n摘要:发展农村集体经济是实现乡村振兴的重要抓手，本文总结了郑湖乡的做法。\n"
                 f"{body}\n"})
    reps = read_reports(out)
    assert reps["a.txt"][0]["meta"]["title"] == "党支部领办合作社 农户集体双增收"
    assert "摘要" not in reps["a.txt"][0]["body"] and fold(body) in fold(reps["a.txt"][0]["body"])
    assert fold("发展农村集体经济是实现乡村振兴的重要抓手") in fold(reps["b.txt"][0]["body"])


def test_a_weak_unit_reading_is_flagged_until_an_editor_decides(tmp_path) -> None:
    page = "参观展览活动情况\n今年以来，我们组织学生参观了展览，大家都有收获，工作取得了一定成效。\n"
    raw, out = clean_pages(tmp_path, {"p.txt": page})
    (rep,) = read_reports(out)["p.txt"]
    assert "unit_unsure" in rep["meta"]["flags"]
    md = (out / rep["file"]).read_text(encoding="utf-8")
    assert '!!! info "单位类型待核"' in md
    (raw / "curation.yaml").write_text('reports:\n  "p.txt#1":\n    unit_type: 学校\n', encoding="utf-8")
    assert run_clean(raw, out, "--registry", str(tmp_path / "urls.yaml")) == 0
    (rep,) = read_reports(out)["p.txt"]
    assert "unit_unsure" not in rep["meta"]["flags"]
    assert "单位类型待核" not in (out / rep["file"]).read_text(encoding="utf-8")


def test_a_bracketed_related_list_of_dated_titles_goes(tmp_path) -> None:
    page = ("新聘教师岗前培训\n2015年10月19日，我区举办新聘教师岗前培训，内容涉及教师职业道德、班级管理等。\n"
            "我院聘请教育局同志主讲，采取理论与实践相结合的方式，取得了良好效果。\n【相关信息】\n"
            "03-29古冶社区教育分院举办葡萄技术培训班\n05-25古冶社区教育分院举办财会人员培训班\n"
            "11-29古冶社区教育分院组织召开师德师风建设警示教育大会\n")
    _raw, out = clean_pages(tmp_path, {"p.txt": page})
    (rep,) = read_reports(out)["p.txt"]
    assert "相关信息" not in rep["body"] and "培训班" not in rep["body"] and "取得了良好效果" in rep["body"]


def test_a_news_sites_summary_field_is_no_papers_abstract(tmp_path) -> None:
    """A CMS prints "摘要:" over a news item's lead as a paper prints its abstract: only a
    paper's key words make it a 理论文章."""
    lead = "6月2日上午，绵阳市召开庆祝中国共产党成立100周年“两优一先”表彰大会，表彰了一批优秀共产党员和先进基层党组织。"
    body = "会议强调，各级党组织要以受表彰的先进典型为榜样，推动党史学习教育走深走实，为全市高质量发展提供坚强保证。"
    _raw, out = clean_pages(tmp_path, {
        "news.txt": f"绵阳“两优一先”表彰大会召开\n摘要:夏日绵州，党旗飘扬。{lead}\n{lead}\n{body}\n",
        "paper.txt": f"论基层党组织建设的路径\n摘要:本文从三个方面论述基层党组织建设。\n关键词:基层党建；组织力\n{body}\n{body}\n"})
    reps = read_reports(out)
    assert reps["news.txt"][0]["meta"]["genre"] != "理论文章"
    assert reps["paper.txt"][0]["meta"]["genre"] == "理论文章"
