"""Hostile and broken inputs: property-based (hypothesis) and a fixed corpus, run in-process.

Every case runs the real command (fanwen.cli.main, one process, no cache) on a raw
folder and checks the invariants:
- it never crashes: a bad file gets one error line naming it, the exit code says so,
  and the other files still go through;
- nothing is lost (the command's own --check: every readable raw line is in a report
  or in the removal log);
- what it writes is safe: front matter is valid YAML, and the Markdown, rendered as
  MkDocs renders it, has no script, event handler, javascript: link or frame, and
  shows the report's text literally;
- two runs give byte-identical output.
The site built from hostile pages is checked in test_hostile_site.py.
"""
from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fanwen.cli import main as clean_main
from fanwen.read import MAX_BYTES
from fanwen.write import markdown_text

CASES: dict = {"count": 0, "tests": set()}
TEMP_DIRS: list[Path] = []


@pytest.fixture(scope="module", autouse=True)
def _remove_temp_dirs():
    yield
    import shutil

    for d in TEMP_DIRS:
        shutil.rmtree(d, ignore_errors=True)


def temp_dir() -> Path:
    d = Path(tempfile.mkdtemp(prefix="hostile-"))
    TEMP_DIRS.append(d)
    return d

# What means something to Markdown, YAML, Jinja, HTML or a file system.
HOSTILE = [
    "---", "...", "{{ config }}", "{{ page.title }}", "{% include 'x.html' %}", "{% raw %}", "{#", "<!-- 注释 -->", "-->",
    ': "\'', "title: 假标题", "[x](javascript:window.__pwned=1)", "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">', '<iframe src="javascript:window.__pwned=1"></iframe>',
    '<a href="javascript:window.__pwned=1">点我</a>', "| 甲 | 乙 |", "|---|---|", "# 标题", "## 二级", "* 列表",
    "- 项", "+ 项", "1. 第一", "`代码`", "```", "~~~", "/", "..", "../../etc/passwd", "\\", "\\n", "&lt;script&gt;",
    "&#60;script&#62;", "***", "___", "<style>body{display:none}</style>", "!!! note", "??? 提示", "{: .x }",
    "[TOC]", "$$x$$", "> 引用", "<svg onload=window.__pwned=1>", "%3Cscript%3E", "javascript:window.__pwned=1",
    "<div markdown=\"1\">", "</div>", "[^1]", "*[HTML]: x", "![图](x.png)", "<https://evil.example/>", "@@", "\u202e",
    "\u200b", "\ufeff", "\t", "\x0b", "\x1b[31m", "\u3000\u3000", "“", "”", "：", "；", 'x href="../" action="./"',
    "<!--fanwen-block:0-->",  # the marker of a generated page's deferred HTML (site.deferred)
]
WORDS = ["公开承诺", "领导点评", "党员挂牌上岗", "创先争优", "工作汇报", "党支部", "取得了明显成效", "三会一课",
         "一、", "二、", "（一）", "2011年3月5日", "中共某某县委组织部", "经验材料"]


def render(md: str) -> BeautifulSoup:
    body = md.split("\n---\n", 1)[1] if md.startswith("---\n") else md
    html = markdown.markdown(body, extensions=["admonition", "attr_list", "md_in_html", "tables", "toc"])
    return BeautifulSoup(html, "html.parser")


def check_safe(md: str, name: str) -> None:
    assert md.startswith("---\n"), name
    front = yaml.safe_load(md.split("\n---\n", 1)[0][4:])
    assert isinstance(front, dict) and isinstance(front.get("title"), str) and front["title"].strip(), name
    soup = render(md)
    for tag in soup.find_all(True):
        assert tag.name not in {"script", "iframe", "object", "embed", "svg", "style", "img", "form", "input"}, (name, tag)
        for attr, value in tag.attrs.items():
            assert not attr.lower().startswith("on"), (name, tag)
            values = value if isinstance(value, list) else [value]
            assert not any(re.match(r"\s*(javascript|data|vbscript):", v or "", re.I) for v in values), (name, tag)
    shown = re.sub(r"\s+", "", soup.get_text())
    for line in markdown_text(md):  # the report's text, shown literally
        assert re.sub(r"\s+", "", line) in shown, (name, line)


def run(raw: Path, out: Path) -> tuple[int, list[str]]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        rc = clean_main(["--raw", str(raw), "--out", str(out), "--no-cache", "-j", "1", "--check", "-q"])
    return rc, [ln for ln in err.getvalue().splitlines() if ln.strip()]


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def check_folder(files: dict[str, bytes], bad: set[str] | None = None, twice: bool = False) -> Path:
    """Clean a raw folder of these files and check every invariant; bad: files that must be refused."""
    CASES["count"] += 1
    CASES["tests"].add(os.environ.get("PYTEST_CURRENT_TEST", "").split("::")[-1].split("[")[0].split(" ")[0])
    tmp = temp_dir()
    raw, out = tmp / "raw", tmp / "out"
    raw.mkdir()
    for name, data in files.items():
        (raw / name).write_bytes(data)
    rc, err = run(raw, out)
    errors = [ln for ln in err if ln.startswith("error:")]
    lost = [ln for ln in err if ln.startswith("lost:")]
    assert not lost, lost
    for ln in errors:  # one line, naming the file
        assert any(f"raw/{name}:" in ln for name in files), ln
    refused = {name for name in files if any(f"raw/{name}:" in ln for ln in errors)}
    if bad is not None:
        assert refused == bad, err
    assert rc == (1 if refused else 0), err
    published = [p for p in out.glob("*.md")]
    for p in published:
        check_safe(p.read_text(encoding="utf-8"), p.name)
    if twice:
        first = snapshot(out)
        assert run(raw, out)[0] == rc
        assert snapshot(out) == first
    return out


# --- property-based -------------------------------------------------------------

cjk = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=24)
piece = st.one_of(cjk, st.sampled_from(HOSTILE), st.sampled_from(WORDS), st.text(max_size=8))
line = st.lists(piece, min_size=1, max_size=6).map("".join)
page_text = st.lists(line, min_size=0, max_size=30).map("\n".join)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16"])

SETTINGS = dict(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


@settings(max_examples=800, **SETTINGS)
@given(text=page_text, encoding=encodings)
def test_hostile_text_pages(text, encoding) -> None:
    data = text.encode(encoding, errors="replace")
    check_folder({"page.txt": data})


@settings(max_examples=600, **SETTINGS)
@given(data=st.one_of(
    st.binary(max_size=3000),
    st.tuples(page_text, page_text).map(lambda t: t[0].encode("utf-8") + b"\n" + t[1].encode("gbk", "replace")),
    st.tuples(page_text, st.binary(max_size=200)).map(lambda t: t[0].encode("utf-8") + t[1]),
    st.lists(st.sampled_from([b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\x80", b"\r", b"\r\n", b" ", "党建".encode()]),
             max_size=200).map(b"".join),
))
def test_hostile_bytes(data) -> None:
    """Binary, NUL bytes, invalid UTF-8, two encodings in one file: refused with one line, or cleaned."""
    check_folder({"page.txt": data, "good.txt": GOOD})


html_piece = st.one_of(
    st.sampled_from(HOSTILE), cjk, st.sampled_from(WORDS),
    st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<br>", "<table><tr><td>", "</td></tr></table>", "<b>", "</b>",
                     "<ul><li>", "</li></ul>", "<h1>", "</h1>", "<noscript>", "</noscript>", "<template>",
                     "<object data=x>", "<embed src=x>", "<form action=javascript:alert(1)><input></form>",
                     "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>", "<base href=javascript:>",
                     "<p onclick='window.__pwned=1'>", "<span style='x:expression(alert(1))'>", "<![CDATA[", "]]>",
                     "<math><mi xlink:href=javascript:alert(1)>", "&nbsp;", "&#x3c;", "<", ">"]))
html_page = st.lists(html_piece, min_size=0, max_size=60).map(
    lambda parts: "<html><head><title>测试</title></head><body><div>" + "".join(parts) + "</div></body></html>")


@settings(max_examples=600, **SETTINGS)
@given(html=html_page, nesting=st.integers(0, 300))
def test_hostile_html(html, nesting) -> None:
    html = html.replace("<body>", "<body>" + "<div>" * nesting, 1)
    check_folder({"page.html": html.encode("utf-8")})


# --- the fixed corpus --------------------------------------------------------------

GOOD = ("中共某某县委组织部关于开展公开承诺活动的工作汇报\n"
        "　　今年以来，我们在全县党组织中开展公开承诺活动，党员挂牌上岗，领导点评，取得了明显成效。\n"
        "　　一、主要做法\n　　各党支部结合实际，认真组织，广泛发动，确保活动取得实效。\n"
        "　　二、下一步打算\n　　我们将继续深化活动，巩固成果，推动工作再上新台阶。\n"
        "中共某某县委组织部\n2011年3月5日\n").encode("utf-8")


def report(title: str, line: str) -> bytes:
    return (f"{title}\n　　今年以来，我们认真开展创先争优活动，{line}，取得了明显成效。\n"
            f"　　一、主要做法\n　　{line}各党支部结合实际认真组织。\n　　二、下一步打算\n"
            "　　我们将继续深化活动，巩固成果，推动工作再上新台阶。\n").encode("utf-8")


@pytest.mark.parametrize("fragment", HOSTILE)
@pytest.mark.parametrize("where", ["title", "body", "html"])
def test_fixed_fragments(fragment, where) -> None:
    if where == "title":
        data = report(f"关于{fragment}开展公开承诺活动的工作汇报", "党员挂牌上岗")
    elif where == "body":
        data = report("关于开展公开承诺活动的工作汇报", f"党员挂牌上岗{fragment}领导点评")
    else:
        data = (f"<html><body><h1>关于{fragment}开展活动的汇报</h1><p>今年以来，我们认真开展创先争优活动，"
                f"{fragment}取得了明显成效。</p><p>各党支部结合实际认真组织{fragment}，推动工作。</p></body></html>").encode()
    check_folder({"page." + ("html" if where == "html" else "txt"): data}, twice=True)


@pytest.mark.parametrize("name,data", [
    ("empty.txt", b""),
    ("blank.txt", " \n\t\r\n\u3000\n".encode("utf-8")),
    ("nul.txt", b"\x00" * 5000),
    ("binary.txt", bytes(range(256)) * 40),
    ("png.txt", b"\x89PNG\r\n\x1a\n" + bytes(2000)),
    ("zip.html", b"PK\x03\x04" + bytes(range(256)) * 8),
    ("bom-only.txt", b"\xef\xbb\xbf"),
    ("tags-only.html", b"<html><body><script>window.__pwned=1</script><div></div></body></html>"),
])
def test_unreadable_files_are_refused_one_line_each(name, data) -> None:
    check_folder({name: data, "good.txt": GOOD}, bad={name})


def test_page_over_the_size_limit_is_refused_with_a_clear_message() -> None:
    big = (GOOD * (MAX_BYTES // len(GOOD) + 2))[: 50 * 1024 * 1024]
    tmp = temp_dir()
    (tmp / "raw").mkdir()
    (tmp / "raw" / "huge.txt").write_bytes(big)
    (tmp / "raw" / "good.txt").write_bytes(GOOD)
    rc, err = run(tmp / "raw", tmp / "out")
    CASES["count"] += 1
    assert rc == 1 and len(err) == 1 and "huge.txt" in err[0] and "MB limit" in err[0]
    assert len(list((tmp / "out").glob("*.md"))) == 1


def test_one_line_of_a_megabyte() -> None:
    line = ("今年以来我们认真开展创先争优活动取得了明显成效，" * 40000)[: 1024 * 1024 // 3]
    check_folder({"long.txt": ("关于开展活动的工作汇报\n" + line + "\n").encode("utf-8")})


def test_deeply_nested_html() -> None:
    html = "<html><body>" + "<div>" * 20000 + "<p>今年以来我们认真开展创先争优活动，取得了明显成效。</p>" + "</div>" * 20000
    check_folder({"deep.html": (html + "</body></html>").encode("utf-8")})


def test_a_thousand_reports_with_the_same_title() -> None:
    pages = {f"p{i:04d}.txt": report("关于开展公开承诺活动的工作汇报", f"第{i}次") for i in range(1000)}
    out = check_folder(pages)
    names = [p.name for p in out.glob("*.md")]
    assert len(names) == 1000 and len(set(names)) == 1000


def test_thousands_of_files() -> None:
    files = {f"f{i:04d}.txt": report(f"第{i}号工作汇报", f"党员挂牌上岗{i}") for i in range(3000)}
    files.update({f"junk{i}.txt": b"\x00\x01\x02" * 100 for i in range(20)})
    out = check_folder(files, bad={f"junk{i}.txt" for i in range(20)})
    assert len(list(out.glob("*.md"))) == 3000


def test_cases_run_at_least_two_thousand() -> None:
    """Runs last in this module (pytest keeps file order): the case count of this run."""
    print(f"\nhostile cases run: {CASES['count']}")
    if {"test_hostile_text_pages", "test_hostile_bytes", "test_hostile_html", "test_fixed_fragments"} <= CASES["tests"]:
        assert CASES["count"] >= 2000  # the whole module ran


@pytest.mark.parametrize("md", [
    "---\ntitle: 甲\n---\n\n<script>window.__pwned=1</script>\n",
    "---\ntitle: 甲\n---\n\n[点我](javascript:window.__pwned=1)\n",
    "---\ntitle: 甲\n---\n\n<img src=x onerror=\"window.__pwned=1\">\n",
    "---\ntitle: 甲\n---\n\n*强调*的文字\n",  # shown as 强调 without the stars: not literal
    "---\ntitle: ''\n---\n\n正文\n",
    "---\ntitle: [\n---\n\n正文\n",
])
def test_the_checker_catches_unsafe_output(md) -> None:
    with pytest.raises((AssertionError, yaml.YAMLError)):
        check_safe(md, "x.md")


def test_killed_run_leaves_previous_output_and_foreign_files(tmp_path) -> None:
    """Kill the cleanup (SIGKILL) at several points: the output is as before; the next run completes."""
    import shutil
    import signal
    import subprocess
    import sys
    import time

    from conftest import ROOT, SEEDS

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    def run_to(out: Path, registry: Path) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, str(ROOT / "scripts" / "clean_reports.py"), "--raw", str(raw),
                                 "--out", str(out), "--registry", str(registry), "--no-cache", "-q"])

    def files(out: Path) -> dict[str, bytes]:  # staged temporary files are not output
        return {k: v for k, v in snapshot(out).items() if not k.endswith(".tmp")}

    raw, out, registry = tmp_path / "raw", tmp_path / "out", tmp_path / "urls.yaml"
    shutil.copytree(SEEDS, raw)
    generate(600, raw, seed=11)
    assert run_to(out, registry).wait() == 0
    (out / "editor-notes.txt").write_text("编辑的笔记，不是生成的", encoding="utf-8")
    (out / "images").mkdir()
    (out / "images" / "logo.png").write_bytes(b"\x89PNG")
    before, published = files(out), registry.read_bytes()
    for p in sorted(raw.glob("*.txt")):  # every report changes
        p.write_bytes(p.read_bytes().replace("工作".encode("utf-8"), "事业".encode("utf-8")))

    (tmp_path / "fresh-urls.yaml").write_bytes(published)
    started = time.perf_counter()
    assert run_to(tmp_path / "fresh", tmp_path / "fresh-urls.yaml").wait() == 0  # the expected result
    duration = time.perf_counter() - started
    killed = 0
    for fraction in (0.1, 0.3, 0.5, 0.7):
        proc = run_to(out, registry)
        time.sleep(duration * fraction)
        if proc.poll() is not None:
            # the run ended before the kill (a busy machine timed the first run slower):
            # nothing to interrupt, and later fractions come later still
            assert proc.returncode == 0
            break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed += 1
        CASES["count"] += 1
        assert files(out) == before, fraction
        assert registry.read_bytes() == published
    assert killed >= 1  # at a tenth of its time, a run is always still going
    assert run_to(out, registry).wait() == 0
    final = files(out)
    assert final.pop("editor-notes.txt") and final.pop("images/logo.png")
    assert final == files(tmp_path / "fresh") != {k: v for k, v in before.items() if k in final}
    assert registry.read_bytes() == (tmp_path / "fresh-urls.yaml").read_bytes() != published
    assert not [k for k in snapshot(out) if k.endswith(".tmp")]
    time.sleep(1.5)  # the killed runs' worker processes follow their parent
    leftovers = subprocess.run(["pgrep", "-f", f"--raw {raw} "], capture_output=True, text=True).stdout.split()
    assert leftovers == []


@settings(max_examples=300, **SETTINGS)
@given(value=st.one_of(st.text(), st.text(alphabet=st.characters(min_codepoint=0x80)), st.sampled_from(HOSTILE),
                       st.lists(st.text(max_size=5), max_size=4), st.integers(0, 10**6), st.booleans()))
def test_front_matter_values_read_back_exactly(value) -> None:
    from fanwen.write import yaml_mapping

    CASES["count"] += 1
    assert yaml.safe_load(yaml_mapping({"key": value, "nested": {"a#1": value}})) == {"key": value, "nested": {"a#1": value}}
