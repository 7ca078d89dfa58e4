"""Nothing lost: every non-blank line of raw text is in a report or in the removal log."""
from __future__ import annotations

import json
import shutil

from conftest import SEEDS, run_clean
from fanwen.verify import check_nothing_lost


def test_no_seed_line_unaccounted_for(seeds_out) -> None:
    assert [str(x) for x in check_nothing_lost(SEEDS, seeds_out)] == []


def test_removal_log_names_the_rule_for_each_removal(seeds_out) -> None:
    log = json.loads((seeds_out / "removal-log.json").read_text(encoding="utf-8"))
    rules = {r["rule"] for page in log.values() for r in page["removed"]}
    rules |= {r["rule"] for page in log.values() for rep in page["reports"].values() for r in rep["removed"]}
    assert {"breadcrumb", "publish_meta", "paywall", "watermark", "item_count", "disclaimer",
            "site_timestamp", "back_to_top", "page_title_repeat", "word_html_residue",
            "distribution_block", "duplicate_title", "report_marker"} <= rules
    page = log["000_50ee0fb81cba185b.txt"]
    assert {"rule": "watermark", "line": 91, "text": "那一世范文网"} in page["removed"]


def test_the_check_catches_a_lost_paragraph(seeds_out, tmp_path) -> None:
    out = tmp_path / "out"
    shutil.copytree(seeds_out, out)
    victim = next(p for p in sorted(out.glob("*.md")) if "井陉县公路工程队" in p.read_text(encoding="utf-8"))
    text = victim.read_text(encoding="utf-8")
    cut = text.replace("党支部书记亲自深入调查了解，对部分党员以个别谈话的模式重点进行了点评。", "")
    assert cut != text
    victim.write_text(cut, encoding="utf-8")
    lost = check_nothing_lost(SEEDS, out)
    assert [(x.source, x.line) for x in lost] == [("000_50ee0fb81cba185b.txt", 27)]


def test_the_check_catches_a_line_dropped_from_the_log(seeds_out, tmp_path) -> None:
    out = tmp_path / "out"
    shutil.copytree(seeds_out, out)
    log = json.loads((out / "removal-log.json").read_text(encoding="utf-8"))
    log["001_6a53b902beb515e7.txt"]["removed"] = [
        r for r in log["001_6a53b902beb515e7.txt"]["removed"] if r["rule"] != "item_count"]
    (out / "removal-log.json").write_text(json.dumps(log, ensure_ascii=False), encoding="utf-8")
    assert [(x.line, x.text) for x in check_nothing_lost(SEEDS, out)] == [(2, "经验交流材料7份")]


def test_html_furniture_is_logged_not_lost(tmp_path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    body = (SEEDS / "004_f7772985c3834e6f.txt").read_text(encoding="utf-8")
    paras = "".join(f"<p>{ln}</p>" for ln in body.splitlines() if ln.strip())
    (raw / "p.html").write_text(
        f"<html><head><title>t</title></head><body><nav>首页 栏目</nav><div>{paras}</div>"
        "<div class='related'>相关推荐 某某汇报</div><script>var a=1;</script></body></html>", encoding="utf-8")
    assert run_clean(raw, tmp_path / "out") == 0
    assert check_nothing_lost(raw, tmp_path / "out") == []


def test_a_short_title_cut_from_the_front_of_a_line_is_accounted_for(tmp_path) -> None:
    """A forum post's one line: its writer, a four-character title and the text. The title
    goes to the heading, the writer to the byline and the rest to the text: all of it is
    shown, though the title is shorter than the check's chunks."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "p.txt").write_text(
        "陆集中心学校:“疫”线有我 战“疫”无惧 一名党员就是一面旗帜,一个党组织就是一座堡垒。"
        "在这没有硝烟的战场上,宿豫区陆集中心学校党支部广大共产党员逆行而上,冲锋在抗疫前线,"
        "充分发挥了支部战斗堡垒作用。疫情形势严峻,学校党支部结合学校工作实际,统筹协调,全面细致地做好疫情防控工作。\n",
        encoding="utf-8")
    assert run_clean(raw, out) == 0
    assert "线有我" in "".join(f.read_text(encoding="utf-8") for f in out.glob("*.md"))
    assert check_nothing_lost(raw, out) == []
