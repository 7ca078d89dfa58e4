"""The site built from hostile pages: mkdocs build --strict passes, no injected script runs in
headless Chromium (window.__pwned stays undefined) and the hostile text is shown literally."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

import pytest

from conftest import SEARCH_DONE, build_site, run_clean, serve
from fanwen.write import markdown_text
from test_hostile import HOSTILE, report

pytestmark = pytest.mark.browser

PAIRS = [HOSTILE[i : i + 2] for i in range(0, len(HOSTILE), 2)]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, Path]:
    work = tmp_path_factory.mktemp("hostile-site")
    raw, out = work / "raw", work / "out"
    raw.mkdir()
    body = "；".join(f"第{n}条{frag}" for n, frag in enumerate(HOSTILE))
    for n, pair in enumerate(PAIRS):
        title = f"关于{pair[0]}开展公开承诺{pair[-1]}活动的工作汇报"
        (raw / f"t{n:02d}.txt").write_bytes(report(title, f"党员挂牌上岗{pair[0]}领导点评{pair[-1]}"))
    (raw / "all.txt").write_bytes(report("集中测试各种符号的工作汇报", body))
    html = "".join(f"<p>今年以来我们认真开展创先争优活动{frag}取得了明显成效，推动工作。</p>" for frag in HOSTILE)
    (raw / "page.html").write_text(f"<html><head><title>汇报</title><script>window.__pwned=1</script></head><body>"
                                   f"<h1>关于开展活动的汇报</h1>{html}<iframe src='javascript:window.__pwned=1'></iframe>"
                                   f"<img src=x onerror='window.__pwned=1'></body></html>", encoding="utf-8")
    assert run_clean(raw, out, "--check") == 0
    return out, build_site(out, work)


def test_every_hostile_page_is_safe_and_literal(hostile_site, browser, tmp_path) -> None:
    out, site = hostile_site
    cat = json.loads((out / "catalogue.json").read_text(encoding="utf-8"))
    assert len(cat["reports"]) == len(PAIRS) + 2
    page = browser.new_page()
    errors, dialogs = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    by_slug, related = {r["slug"]: r for r in cat["reports"]}, 0
    with serve(site, tmp_path) as base:
        for r in cat["reports"]:
            page.goto(f"{base}reports/{r['slug']}/")
            assert page.evaluate("typeof window.__pwned") == "undefined", r["slug"]
            shown = re.sub(r"\s+", "", page.locator("article").inner_text())
            lines = markdown_text((out / r["path"]).read_text(encoding="utf-8"))
            for line in lines:
                assert re.sub(r"\s+", "", line) in shown, (r["slug"], line)
            assert re.sub(r"\s+", "", r["title"]) in re.sub(r"\s+", "", page.title())
            # the card and the related reports (HTML put in after Markdown): literal as well
            card = re.sub(r"\s+", "", page.locator(".fanwen-card").inner_text())
            for value in (r["org"], r["author"], r["source"]):
                assert re.sub(r"\s+", "", value) in card, (r["slug"], value)
            for link in page.locator(".fanwen-related li a").all():
                other = by_slug[link.get_attribute("href").rstrip("/").rsplit("/", 1)[-1]]
                assert re.sub(r"\s+", "", link.inner_text()) == re.sub(r"\s+", "", other["title"])
                related += 1
        assert related > len(cat["reports"])  # (the hostile reports are related to each other)
        texts = [re.sub(r"\s+", "", "".join(markdown_text((out / r["path"]).read_text(encoding="utf-8"))))
                 for r in cat["reports"]]
        practice_pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob("practices/*/index.html"))
        assert practice_pages
        for path in practice_pages:
            page.goto(base + path)
            assert page.evaluate("typeof window.__pwned") == "undefined", path
            for item in page.locator("article li").all():
                passage = re.sub(r"\s+", "", item.inner_text().split("\n", 1)[-1])
                assert any(passage.strip("…") in t for t in texts), (path, passage)  # shown literally
        page.goto(base + "all/")  # the all-reports table (HTML put in after Markdown): every title literal
        table = re.sub(r"\s+", "", page.locator("#fanwen-all").inner_text())
        for r in cat["reports"]:
            assert re.sub(r"\s+", "", r["title"]) in table, r["title"]
        for path in ["", "all/", "browse/", "genre/", "practices/"] + [f"search/?q={quote(q)}" for q in
                                                          ["公开承诺", "{{ config }}", "<script>", "javascript:"]]:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("typeof window.__pwned") == "undefined", path
        page.goto(f"{base}search/?q={quote('{{ config }}')}")
        page.wait_for_selector(".fanwen-result")
        assert "{{config}}" in re.sub(r"\s+", "", page.locator(".fanwen-results").inner_text())
        assert page.evaluate("typeof window.__pwned") == "undefined"
    assert errors == [] and dialogs == []


def test_hostile_word_files_are_literal_and_inert(hostile_site, browser, tmp_path) -> None:
    """Every report's Word file holds its text literally: no field, hyperlink, object or
    external relationship comes out of the text; the download keeps a safe file name."""
    import zipfile

    from docx import Document

    from fanwen.word import NOTE_STYLE, download_name

    out, site = hostile_site
    cat = json.loads((out / "catalogue.json").read_text(encoding="utf-8"))
    for r in cat["reports"]:
        path = site / "reports" / f"{r['slug']}.docx"
        doc = Document(str(path))
        lines = markdown_text((out / r["path"]).read_text(encoding="utf-8"))
        assert [p.text for p in doc.paragraphs if p.style.name != NOTE_STYLE] == lines, r["slug"]
        with zipfile.ZipFile(path) as z:
            main = z.read("word/document.xml").decode("utf-8")
            rels = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".rels"))
        for active in ("<w:fldChar", "<w:instrText", "<w:fldSimple", "<w:hyperlink", "<w:object", "<w:altChunk"):
            assert active not in main, (r["slug"], active)
        assert 'TargetMode="External"' not in rels
        name = download_name(r["title"])
        assert not re.search(r'[\\/:*?"<>|]', name) and name.endswith(".docx")
    page = browser.new_page(accept_downloads=True)
    with serve(site, tmp_path) as base:
        r = cat["reports"][0]
        page.goto(f"{base}reports/{r['slug']}/")
        with page.expect_download() as info:
            page.get_by_text("下载 Word").click()
        assert info.value.suggested_filename == download_name(r["title"])
        assert page.evaluate("typeof window.__pwned") == "undefined"


def test_hostile_offline_copy_is_literal_and_inert(hostile_site, browser, tmp_path) -> None:
    """The offline copy of the hostile site, opened from a folder: links still name pages of the
    copy, no injected script runs, the search shows hostile text literally, nothing is requested
    from outside the folder."""
    import datetime as dt
    import zipfile

    from fanwen import offline

    out, site = hostile_site
    figures = offline.package(site, tmp_path / "dist", dt.date(2026, 12, 1))
    with zipfile.ZipFile(figures["zip"]) as zf:
        zf.extractall(tmp_path / "unzipped")
    folder = tmp_path / "unzipped" / figures["folder"]
    cat = json.loads((out / "catalogue.json").read_text(encoding="utf-8"))
    page = browser.new_page()
    errors, dialogs, requests = [], [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    pages = [folder / "reports" / r["slug"] / "index.html" for r in cat["reports"]]
    pages += sorted(folder.glob("practices/*/index.html")) + [folder / "index.html", folder / "all" / "index.html"]
    for r, path in zip(cat["reports"], pages):
        page.goto(path.as_uri())
        shown = re.sub(r"\s+", "", page.locator("article").inner_text())
        for line in markdown_text((out / r["path"]).read_text(encoding="utf-8")):
            assert re.sub(r"\s+", "", line) in shown, (r["slug"], line)  # literal: no link rewritten in the text
    for path in pages:
        page.goto(path.as_uri())
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        for href in page.eval_on_selector_all("article a[href]", "els => els.map(e => e.href)"):
            if href.startswith("file:"):
                target = Path(unquote(urlparse(href).path))
                assert target.is_file() and target.is_relative_to(folder), (path, href)
    for q in ["公开承诺", "{{ config }}", "<script>", "javascript:"]:
        page.goto((folder / "search" / "index.html").as_uri() + "?q=" + quote(q))
        page.wait_for_function(SEARCH_DONE)
        assert page.evaluate("typeof window.__pwned") == "undefined", q
    page.goto((folder / "search" / "index.html").as_uri() + "?q=" + quote("{{ config }}"))
    page.wait_for_selector(".fanwen-result")
    assert "{{config}}" in re.sub(r"\s+", "", page.locator(".fanwen-results").inner_text())
    assert errors == [] and dialogs == []
    assert [u for u in requests if not u.startswith(("file:", "data:", "blob:"))] == []


def test_hostile_site_built_again_from_the_caches_is_the_same(hostile_site, tmp_path) -> None:
    """Rendered pages and related-report decisions kept in .cache/ hold the hostile text as it is."""
    import shutil

    from test_build_cache import mkdocs, rendered, same_tree

    out, site = hostile_site
    work = site.parent
    shutil.copytree(site, tmp_path / "first")
    proc = mkdocs(work)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert rendered(proc)[0] == 0
    assert same_tree(tmp_path / "first", site) == []
