"""The offline copy (make offline): the zip of the built site, unzipped and opened from a folder
(file://) in headless Chromium, as a user on a shared drive or a USB stick opens it."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import SEARCH_DONE
from fanwen import offline
from test_site_browser import report_blocks, truth  # noqa: F401  (report_blocks is a fixture)

DAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def package(seeds_site, tmp_path_factory) -> dict:
    return offline.package(seeds_site, tmp_path_factory.mktemp("dist"), DAY)


@pytest.fixture(scope="module")
def folder(package, tmp_path_factory) -> Path:
    """The zip unzipped, as a user unzips it."""
    where = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(package["zip"]) as zf:
        zf.extractall(where)
    return where / package["folder"]


def test_zip_holds_the_whole_site_under_one_dated_folder(seeds_site, package, tmp_path) -> None:
    assert package["zip"].name == "fanwen-offline-20261201.zip"
    with zipfile.ZipFile(package["zip"]) as zf:
        names = zf.namelist()
        assert all(n.startswith("fanwen-offline-20261201/") for n in names)
        assert {i.date_time for i in zf.infolist()} == {(2026, 12, 1, 0, 0, 0)}
        assert all(i.compress_type == zipfile.ZIP_STORED for i in zf.infolist() if i.filename.endswith(".docx"))
    site_files = {p.relative_to(seeds_site).as_posix() for p in seeds_site.rglob("*") if p.is_file()}
    got = {n.split("/", 1)[1] for n in names}
    assert got == site_files - offline.SERVER_ONLY
    assert any(n.endswith(".docx") for n in got) and any(n.startswith("search-data/text/") for n in got)
    again = offline.package(seeds_site, tmp_path, DAY)
    assert again["zip"].read_bytes() == package["zip"].read_bytes()  # deterministic


def test_every_link_in_the_copy_opens_a_file(folder) -> None:
    """From a folder a link to a directory shows a file listing: every link names a file."""
    checked = 0
    for page in folder.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        here = page.parent.relative_to(folder).as_posix()
        for el in soup.find_all(["a", "link", "script", "img", "form"]):
            url = el.get("href") or el.get("src") or el.get("action")
            if not url or url.startswith("#") or re.match(r"^[a-z][a-z0-9+.-]*:", url):
                continue
            path = urlparse(url).path
            if not path:
                continue
            target = folder / posixpath.normpath(posixpath.join(here, unquote(path)))
            assert target.is_file(), f"{page.relative_to(folder)}: {url}"
            checked += 1
    assert checked > 1000


def test_make_offline_without_a_built_site_says_so(tmp_path, capsys) -> None:
    assert offline.main(["--site", str(tmp_path / "nothing"), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "make site" in err and "nothing" in err


@pytest.fixture()
def page(browser, folder):
    """A page that records every request, failed request and script error."""
    context = browser.new_context(accept_downloads=True)
    p = context.new_page()
    p.requests, p.failed, p.errors = [], [], []
    p.on("request", lambda r: p.requests.append(r.url))
    p.on("requestfailed", lambda r: p.failed.append(f"{r.url} {r.failure}"))
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    p.on("console", lambda m: p.errors.append(m.text) if m.type == "error" else None)
    yield p
    assert p.failed == [] and p.errors == []
    assert [u for u in p.requests if not u.startswith(("file:", "data:", "blob:"))] == []
    context.close()


def url_of(folder: Path, rel: str) -> str:
    return (folder / rel).as_uri()


def test_home_to_a_listing_to_a_report(page, folder) -> None:
    page.goto(url_of(folder, "index.html"))
    with page.expect_navigation():
        page.locator("article a[href^='browse/']").filter(has_text="国有企业").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/browse/guo-you-qi-ye/index.html")
    assert page.locator("article h1").inner_text().startswith("国有企业")
    with page.expect_navigation():
        page.locator("article a[href*='reports/']").first.click()
    page.wait_for_load_state("load")
    assert re.search(r"/reports/[^/]+/index\.html$", page.url)
    assert page.locator(".fanwen-card").count() == 1
    # the side navigation and the header lead to pages, not to folder listings
    for href in page.eval_on_selector_all("a.md-nav__link[href], a.md-logo", "els => els.map(e => e.href)"):
        assert href.startswith("file:") and (href.split("#")[0].endswith(".html")), href


@pytest.mark.parametrize("query", ["公开承诺", "领导点评", "党员挂牌上岗", "公開承諾", "创先争优 领导点评"])
def test_search_from_the_url_finds_exactly_the_reports(page, folder, report_blocks, query) -> None:
    page.goto(url_of(folder, "search/index.html") + "?q=" + quote(query))
    page.wait_for_function(SEARCH_DONE)
    while page.locator(".fanwen-more:not([hidden])").count():
        page.click(".fanwen-more")
    got = [li.get_attribute("data-slug") for li in page.locator(".fanwen-result").all()]
    assert got and set(got) == truth(report_blocks, *query.split())
    first = page.locator(".fanwen-result h3 a").first
    assert first.get_attribute("href").split("?")[0].endswith("/index.html")
    assert page.locator(".fanwen-result mark").count() >= len(got)


def test_search_filters_keep_their_state_in_the_url(page, folder, report_blocks) -> None:
    page.goto(url_of(folder, "search/index.html") + "?q=" + quote("公开承诺"))
    page.wait_for_selector(".fanwen-result")
    facet = page.locator(".fanwen-facet[data-facet='unit_type'] a[data-value]").first
    value, count = facet.get_attribute("data-value"), int(facet.get_attribute("data-count"))
    with page.expect_navigation():
        facet.click()
    page.wait_for_function(SEARCH_DONE)
    assert parse_qs(urlparse(page.url).query) == {"q": ["公开承诺"], "unit_type": [value]}
    while page.locator(".fanwen-more:not([hidden])").count():
        page.click(".fanwen-more")
    assert page.locator(".fanwen-result").count() == count
    assert page.locator(f".fanwen-facet[data-facet='unit_type'] a.fanwen-active[data-value='{value}']").count() == 1


def test_practice_page_passage_link_opens_its_section(page, folder) -> None:
    page.goto(url_of(folder, "search/index.html") + "?q=" + quote("领导点评"))
    with page.expect_navigation():
        page.locator(".fanwen-practice a").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/practices/ling-dao-dian-ping/index.html")
    link = page.locator("article li a[href*='#']").first
    anchor = link.get_attribute("href").split("#", 1)[1]
    with page.expect_navigation():
        link.click()
    page.wait_for_load_state("load")
    assert "/index.html?h=" in page.url and unquote(urlparse(page.url).fragment) == anchor
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", unquote(anchor))
    assert 0 <= top < page.viewport_size["height"] / 2
    assert page.locator("mark.fanwen-hit").count() >= 1


def test_word_download_is_a_file_in_the_copy(page, folder) -> None:
    report = sorted((folder / "reports").glob("*/index.html"))[0]
    page.goto(report.as_uri())
    link = page.locator("a[data-fanwen-word]")
    target = Path(unquote(urlparse(link.evaluate("a => a.href")).path))
    assert target.is_file() and target.is_relative_to(folder) and target.suffix == ".docx"
    with page.expect_download() as download:
        link.click()
    assert Path(download.value.path()).read_bytes() == target.read_bytes()
    # Chromium ends a navigation that became a download as "aborted": that one is not a failure
    page.failed[:] = [f for f in page.failed if f != f"{target.as_uri()} net::ERR_ABORTED"]


def test_copy_buttons_and_listing_filters_work_from_a_folder(page, folder) -> None:
    report = sorted((folder / "reports").glob("*/index.html"))[0]
    page.goto(report.as_uri())
    page.evaluate("""() => {
        window.__copied = [];
        document.execCommand = () => (window.__copied.push(document.activeElement.value), true);
        if (navigator.clipboard) navigator.clipboard.writeText = t => (window.__copied.push(t), Promise.resolve());
    }""")
    page.locator(".fanwen-actions [data-fanwen-copy='link']").click()
    page.locator(".fanwen-toast", has_text="链接已复制").wait_for()
    section = page.locator(".fanwen-section-copy").first
    hash_ = section.get_attribute("data-fanwen-hash")
    section.click()
    page.wait_for_function("window.__copied.length === 2")
    assert page.evaluate("window.__copied") == [report.as_uri(), f"{report.as_uri()}#{hash_}"]
    page.goto(url_of(folder, "all/index.html"))
    years = page.eval_on_selector_all("#fanwen-filters [name=year] option", "os => os.map(o => o.value).filter(Boolean)")
    page.select_option("#fanwen-filters [name=year]", years[0])
    shown = page.locator("#fanwen-all tbody tr:not([hidden])").count()
    assert 0 < shown < page.locator("#fanwen-all tbody tr").count()
    assert page.locator("#fanwen-count").inner_text() == f"共 {shown} 篇"
