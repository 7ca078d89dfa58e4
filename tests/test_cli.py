"""The cleanup command as users and other tools run it."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SEEDS, run_clean
from fanwen.text import to_simplified

SCRIPT = ROOT / "scripts" / "clean_reports.py"


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=cwd)


def md_files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("\n---\n", 1)[0][4:])


def reports_by_source(out: Path) -> dict[str, list[dict]]:
    cat = json.loads((out / "catalogue.json").read_text(encoding="utf-8"))
    by: dict[str, list[dict]] = {}
    for r in cat["reports"]:
        by.setdefault(r["source"], []).append(r)
    return by


@pytest.fixture
def raw(tmp_path) -> Path:
    d = tmp_path / "raw"
    shutil.copytree(SEEDS, d)
    return d


# --- the command line ---

def test_help_shows_an_example() -> None:
    p = cli("--help")
    assert p.returncode == 0
    assert "example:" in p.stdout and "clean_reports.py --raw raw --out docs/reports" in p.stdout


def test_list_steps_names_every_step() -> None:
    from fanwen.pipeline import default_steps

    p = cli("--list-steps")
    assert p.returncode == 0
    for step in default_steps():
        assert step.name in p.stdout


def test_unknown_step_is_refused() -> None:
    p = cli("--disable", "no_such_step")
    assert p.returncode == 2 and p.stderr.count("\n") == 1 and "no_such_step" in p.stderr


def test_summary_table_and_warning(raw, tmp_path) -> None:
    p = cli("--raw", str(raw), "--out", str(tmp_path / "out"))
    assert p.returncode == 0, p.stderr
    assert "reports" in p.stdout and "21" in p.stdout and "国有企业" in p.stdout
    assert "announces 7 reports but holds 5" in p.stderr and "001_6a53b902beb515e7.txt" in p.stderr


def test_check_option_proves_nothing_lost(raw, tmp_path) -> None:
    p = cli("--raw", str(raw), "--out", str(tmp_path / "out"), "--check")
    assert p.returncode == 0, p.stderr
    assert "nothing-lost check: 0 raw lines unaccounted for" in p.stdout


def test_defaults_are_raw_and_docs_reports(tmp_path) -> None:
    shutil.copytree(SEEDS, tmp_path / "raw")
    p = cli("-q", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert len(list((tmp_path / "docs" / "reports").glob("*.md"))) == 21


def test_disable_a_step(raw, tmp_path) -> None:
    out = tmp_path / "out"
    assert run_clean(raw, out, "--disable", "convert_traditional") == 0
    cat = reports_by_source(out)["003_45e819aff938b199.txt"]
    assert all("traditional" not in r["flags"] for r in cat)
    log = json.loads((out / "removal-log.json").read_text(encoding="utf-8"))
    assert all("convert_traditional" not in r["steps_changed"] for r in log["003_45e819aff938b199.txt"]["reports"].values())


# --- determinism and ownership of the output folder ---

def test_two_runs_give_identical_bytes(raw, tmp_path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert run_clean(raw, a) == 0 and run_clean(raw, b) == 0
    assert md_files(a) == md_files(b)
    assert run_clean(raw, a) == 0
    assert md_files(a) == md_files(b)


def test_output_folder_is_owned_but_foreign_files_are_kept(raw, tmp_path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.md").write_text("an editor's own page", encoding="utf-8")
    assert run_clean(raw, out) == 0
    gone = {r["path"] for r in reports_by_source(out)["004_f7772985c3834e6f.txt"]}
    (raw / "004_f7772985c3834e6f.txt").unlink()
    assert run_clean(raw, out) == 0
    assert (out / "notes.md").read_text(encoding="utf-8") == "an editor's own page"
    assert not any((out / p).exists() for p in gone)
    assert len(list(out.glob("*.md"))) == 20 + 1  # 20 reports and the notes


def test_file_names_stable_when_other_pages_come_and_go(raw, tmp_path) -> None:
    out = tmp_path / "out"
    assert run_clean(raw, out) == 0
    before = {r["source"] + "#" + str(r["source_part"]): r["path"] for rs in reports_by_source(out).values() for r in rs}
    (raw / "002_6fb9932c40ec1e25.txt").unlink()
    shutil.copy(raw / "004_f7772985c3834e6f.txt", raw / "000_copy.txt")
    assert run_clean(raw, out) == 0
    after = {r["source"] + "#" + str(r["source_part"]): r["path"] for rs in reports_by_source(out).values() for r in rs}
    for key, path in after.items():
        if key in before:
            assert before[key] == path
    names = list(after.values())
    assert len(names) == len(set(names))  # same title twice, two names
    assert all(p.isascii() and " " not in p for p in names)


# --- bad input: one line naming the file, the rest goes through ---

def test_bad_files_are_reported_and_others_processed(raw, tmp_path) -> None:
    (raw / "empty.txt").write_bytes(b"")
    (raw / "blank.txt").write_bytes(b"  \r\n\t\n")
    (raw / "image.txt").write_bytes(bytes(range(256)) * 40)
    (raw / "notes.docx").write_bytes(b"PK\x03\x04")
    p = cli("--raw", str(raw), "--out", str(tmp_path / "out"))
    assert p.returncode == 1
    errors = [ln for ln in p.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 3
    assert any("empty.txt" in e and "empty" in e for e in errors)
    assert any("blank.txt" in e for e in errors)
    assert any("image.txt" in e and "binary" in e for e in errors)
    assert "notes.docx" in p.stderr  # not silently dropped either
    assert len(list((tmp_path / "out").glob("*.md"))) == 21


def test_missing_raw_folder(tmp_path) -> None:
    p = cli("--raw", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert p.returncode == 2 and "nope" in p.stderr and p.stderr.count("\n") == 1


# --- encodings and HTML ---

def _bodies(out: Path) -> dict[str, str]:
    return {r["title"]: (out / r["path"]).read_text(encoding="utf-8").split("\n---\n", 1)[1]
            for rs in reports_by_source(out).values() for r in rs}


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16"])
def test_encodings_give_the_same_reports(encoding, tmp_path) -> None:
    text = (SEEDS / "000_50ee0fb81cba185b.txt").read_text(encoding="utf-8")
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "page.txt").write_text(text, encoding="utf-8")
    (b / "page.txt").write_bytes(text.replace("\n", "\r\n").encode(encoding))
    assert run_clean(a, tmp_path / "oa") == 0 and run_clean(b, tmp_path / "ob") == 0
    assert _bodies(tmp_path / "oa") == _bodies(tmp_path / "ob")


def test_big5_traditional_page(tmp_path) -> None:
    text = "第一篇:以創先爭優活動為契機\n以創先爭優活動為契機 推動基層黨建工作創新\n" + \
        "深入開展創先爭優活動，是新世紀新階段推進黨的建設新的偉大工程的重要舉措，是加強黨的基層組織建設的重要抓手。\n"
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "big5.txt").write_bytes(text.encode("big5"))
    assert run_clean(raw, tmp_path / "out") == 0
    (rep,) = reports_by_source(tmp_path / "out")["big5.txt"]
    assert rep["title"] == "以创先争优活动为契机 推动基层党建工作创新"
    assert "traditional" in rep["flags"]


HTML_PAGE = """<!DOCTYPE html><html><head><meta charset="gb2312"><title>领导干部点评创先争优工作情况汇报_那一世范文网</title>
<script>window.__pwned = 1; document.write("广告");</script><style>.x{{color:red}}</style></head><body>
<div class="header"><a href="/">首页</a> &gt; <a href="/k">精品范文库</a></div>
<nav><ul><li>工作汇报</li><li>讲话稿</li></ul></nav>
<div class="content"><h1>{h1}</h1>
<p class="MsoNormal">编辑:夜色温柔 识别码:20-737103 发布时间: 2023-10-08 03:27:22</p>
{body}
</div>
<div class="related"><h3>相关推荐</h3><ul><li><a href="/1">创先争优活动总结</a></li></ul></div>
<div class="pagenav">上一篇：某某汇报 下一篇：某某讲话</div>
<footer>Copyright 那一世范文网 版权所有</footer></body></html>
"""


def _html_from_txt(text: str, h1: str) -> str:
    paras = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if len(line) > 20:  # split the text across inline elements, as Word HTML does
            mid = len(line) // 2
            line = f'<span style="font-size:14pt">{line[:mid]}</span><o:p></o:p><font face="宋体">{line[mid:]}</font>'
        paras.append(f'<p class="MsoNormal"><span lang="EN-US">{line}</span></p>')
    return HTML_PAGE.format(body="\n".join(paras), h1=h1)


def test_html_page_gives_the_same_reports_as_text(tmp_path) -> None:
    lines = (SEEDS / "000_50ee0fb81cba185b.txt").read_text(encoding="utf-8").splitlines()
    body = "\n".join(lines[3:-2])  # without the txt page's own chrome
    raw_t, raw_h = tmp_path / "t", tmp_path / "h"
    raw_t.mkdir()
    raw_h.mkdir()
    (raw_t / "page.txt").write_text("\n".join(lines), encoding="utf-8")
    (raw_h / "page.htm").write_bytes(_html_from_txt(body, lines[1]).encode("gb18030"))
    assert run_clean(raw_t, tmp_path / "ot") == 0 and run_clean(raw_h, tmp_path / "oh") == 0
    got = reports_by_source(tmp_path / "oh")["page.htm"]
    want = reports_by_source(tmp_path / "ot")["page.txt"]
    assert [r["title"] for r in got] == [r["title"] for r in want]
    assert [r["chars"] for r in got] == [r["chars"] for r in want]
    text = "".join((tmp_path / "oh" / r["path"]).read_text(encoding="utf-8") for r in got)
    for leaked in ("__pwned", "广告", "相关推荐", "上一篇", "Copyright", "精品范文库", "MsoNormal"):
        assert leaked not in text


def test_html_recognised_by_content_not_extension(tmp_path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    lines = (SEEDS / "004_f7772985c3834e6f.txt").read_text(encoding="utf-8").splitlines()
    (raw / "saved.txt").write_text(_html_from_txt("\n".join(lines), "某某范文网：总结报告精选"), encoding="utf-8")
    assert run_clean(raw, tmp_path / "out") == 0
    (rep,) = reports_by_source(tmp_path / "out")["saved.txt"]
    assert rep["title"] == "支部创先争优点评活动总结报告"
    assert "<span" not in (tmp_path / "out" / rep["path"]).read_text(encoding="utf-8")


# --- what the page says about itself ---

def test_truncated_and_count_anomaly(seeds_out) -> None:
    cat = json.loads((seeds_out / "catalogue.json").read_text(encoding="utf-8"))
    page = next(p for p in cat["pages"] if p["source"].startswith("001"))
    assert page["announced"] == 7 and page["reports"] == 5 and page["warnings"]
    assert page["flags"] == ["count_mismatch"]
    last = [r for r in cat["reports"] if r["source"].startswith("001")][-1]
    assert "truncated" in last["flags"]
    md = (seeds_out / last["path"]).read_text(encoding="utf-8")
    assert '!!! warning "原文不全"' in md


def test_distribution_block_leaves_the_body(seeds_out) -> None:
    cat = json.loads((seeds_out / "catalogue.json").read_text(encoding="utf-8"))
    rep = next(r for r in cat["reports"] if r["title"] == "创先争优激活力 夯实基础促发展")
    md = (seeds_out / rep["path"]).read_text(encoding="utf-8")
    body = md.split("\n---\n", 1)[1]
    assert "共印20份" not in body and "分送" not in body
    assert "共印20份" in front_matter(seeds_out / rep["path"])["distribution"]


def test_signature_kept_as_closing_line(seeds_out) -> None:
    cat = json.loads((seeds_out / "catalogue.json").read_text(encoding="utf-8"))
    rep = next(r for r in cat["reports"] if r["title"] == "创先争优推进会汇报材料")
    md = (seeds_out / rep["path"]).read_text(encoding="utf-8")
    assert md.rstrip().endswith("中共宜兴市建设局委员会  \n二0一0年十一月十一日\n{: .closing }")


def test_traditional_report_converted_with_note(seeds_out) -> None:
    cat = json.loads((seeds_out / "catalogue.json").read_text(encoding="utf-8"))
    for r in cat["reports"]:
        if r["source"].startswith("003"):
            md = (seeds_out / r["path"]).read_text(encoding="utf-8")
            body = md.split("\n---\n", 1)[1]
            assert "traditional" in r["flags"] and '"繁简转换"' in body
            assert to_simplified(body) == body


# --- curation ---

def test_curation_survives_reruns(raw, tmp_path) -> None:
    out = tmp_path / "out"
    assert run_clean(raw, out) == 0
    cat = reports_by_source(out)
    key5 = "000_50ee0fb81cba185b.txt#5"
    (raw / "curation.yaml").write_text(f"""
reports:
  "000_50ee0fb81cba185b.txt#1":
    title: 公路工程队领导点评工作情况汇报
    unit_type: 国有企业
    recommended: true
    note: 做法具体，可供基层党支部参考。
  "004_f7772985c3834e6f.txt#1":
    hidden: true
  "{key5}":
    redact: [因患脑瘤在家休息一年]
redact: [李仁斌]
""", encoding="utf-8")
    for _ in range(2):
        assert run_clean(raw, out) == 0
    new = reports_by_source(out)
    first = new["000_50ee0fb81cba185b.txt"][0]
    assert first["title"] == "公路工程队领导点评工作情况汇报" and first["unit_type"] == "国有企业"
    assert first["recommended"] is True
    meta = front_matter(out / first["path"])
    assert meta["unit_type_reason"] == "编辑指定" and meta["tags"][0] == "国有企业"
    assert "编者按" in (out / first["path"]).read_text(encoding="utf-8")
    assert "004_f7772985c3834e6f.txt" not in new
    assert not (out / cat["004_f7772985c3834e6f.txt"][0]["path"]).exists()
    fifth = (out / new["000_50ee0fb81cba185b.txt"][4]["path"]).read_text(encoding="utf-8")
    assert "李仁斌" not in fifth and "脑瘤" not in fifth and "××" in fifth
    log = (out / "removal-log.json").read_text(encoding="utf-8")
    assert "李仁斌" not in log and "脑瘤" not in log


@pytest.mark.parametrize("content,needle", [
    ("reports: [1, 2", "not valid YAML"),
    ("reports:\n  'x.txt#1':\n    unit_type: 政府\n", "unit_type"),
    ("reports:\n  'x.txt#1':\n    colour: red\n", "colour"),
    ("reports:\n  'x.txt':\n    title: t\n", "file#part"),
    ("reports:\n  'x.txt#1':\n    date: 2011/2/14\n", "date"),
    ("practices:\n  hide: 四个一\n", "hide"),
    ("practices:\n  add: [微党课]\n", "add"),
    ("practices:\n  rename: {领导点评: [点评]}\n", "rename"),
    ("practices:\n  split: {}\n", "split"),
])
def test_bad_curation_is_one_clear_error(raw, tmp_path, content, needle) -> None:
    (raw / "curation.yaml").write_text(content, encoding="utf-8")
    p = cli("--raw", str(raw), "--out", str(tmp_path / "out"))
    assert p.returncode == 2
    assert p.stderr.count("\n") == 1 and "curation.yaml" in p.stderr and needle in p.stderr


# --- all cores and the cache ---

def test_parallel_cached_and_serial_runs_are_identical(tmp_path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(3):  # enough pages for the process pool
        for f in SEEDS.iterdir():
            shutil.copy(f, raw / f"{i}_{f.name}")
    cache = tmp_path / "cache"
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    assert run_clean(raw, a, "--jobs", "2", "--cache", str(cache)) == 0
    p = cli("--raw", str(raw), "--out", str(b), "--jobs", "2", "--cache", str(cache))
    assert p.returncode == 0 and re.search(r"of them unchanged \(from the cache\)\s+15", p.stdout)
    assert run_clean(raw, c, "--jobs", "1", "--no-cache") == 0
    assert md_files(a) == md_files(b) == md_files(c)


def test_changed_page_is_cleaned_again(tmp_path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw)
    cache, out = tmp_path / "cache", tmp_path / "out"
    assert run_clean(raw, out, "--cache", str(cache)) == 0
    page = raw / "004_f7772985c3834e6f.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("支部创先争优点评活动总结报告", "村支部点评活动总结报告"),
                    encoding="utf-8")
    p = cli("--raw", str(raw), "--out", str(out), "--cache", str(cache))
    assert re.search(r"of them unchanged \(from the cache\)\s+4\n", p.stdout)
    assert any(r["title"] == "村支部点评活动总结报告" for r in reports_by_source(out)["004_f7772985c3834e6f.txt"])
