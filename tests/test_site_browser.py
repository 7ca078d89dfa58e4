"""The site in headless Chromium, served on loopback under a sub-path (/fanwen/).

The truth for every search is computed from the built report pages (the text a
reader sees), never hard-coded.
"""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import SEARCH_DONE
from fanwen.text import to_simplified

pytestmark = pytest.mark.browser

QUERIES = ["领导点评", "公开承诺", "党员挂牌上岗", "三会一课", "民主生活会", "票决制", "蒲公英", "特困救助",
           "公開承諾", "学习型党组织", "流动党员", "现场点评"]


def norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", to_simplified(s))).lower()


@pytest.fixture(scope="module")
def report_blocks(seeds_site) -> dict[str, list[str]]:
    """slug -> the normalised text of each block (paragraph, heading, list item) of the report."""
    out = {}
    for page in sorted((seeds_site / "reports").glob("*/index.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        article = soup.find("article")
        for el in article.select(".fanwen-card, .fanwen-related, .admonition, .headerlink, script"):
            el.decompose()
        out[page.parent.name] = [norm(b.get_text()) for b in article.find_all(["h1", "h2", "h3", "h4", "h5", "p", "li"])]
    return out


def truth(blocks: dict[str, list[str]], *phrases: str) -> set[str]:
    return {slug for slug, bs in blocks.items() if all(any(norm(p) in b for b in bs) for p in phrases)}


@pytest.fixture(scope="module")
def page(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    p = context.new_page()
    p.requests, p.errors = [], []
    p.on("request", lambda r: p.requests.append(r.url))
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    p.on("console", lambda m: p.errors.append(m.text) if m.type == "error" else None)
    yield p
    context.close()


def open_search(page, site_url, query: str, **filters) -> list[str]:
    params = "&".join(f"{k}={quote(v)}" for k, v in {"q": query, **filters}.items())
    page.goto(urljoin(site_url, f"search/?{params}"))
    page.wait_for_function(SEARCH_DONE)
    page.wait_for_load_state("networkidle")
    while page.locator(".fanwen-more:not([hidden])").count():
        page.click(".fanwen-more")
    return [li.get_attribute("data-slug") for li in page.locator(".fanwen-result").all()]


@pytest.mark.parametrize("query", QUERIES)
def test_search_recall_and_precision(page, site_url, report_blocks, query) -> None:
    got = open_search(page, site_url, query)
    assert len(got) == len(set(got))
    assert set(got) == truth(report_blocks, query)


def test_two_phrase_query(page, site_url, report_blocks) -> None:
    got = open_search(page, site_url, "领导点评 公开承诺")
    want = truth(report_blocks, "领导点评", "公开承诺")
    assert want and set(got) == want
    assert want < truth(report_blocks, "领导点评")


def test_filter_by_every_unit_type(page, site_url, report_blocks, seeds_out) -> None:
    import json

    cat = json.loads((seeds_out / "catalogue.json").read_text(encoding="utf-8"))
    unit = {r["slug"]: r["unit_type"] for r in cat["reports"]}
    matching = truth(report_blocks, "公开承诺")
    for unit_type in sorted(set(unit.values())):
        got = open_search(page, site_url, "公开承诺", unit_type=unit_type)
        assert set(got) == {s for s in matching if unit[s] == unit_type}, unit_type
        facet = page.locator(f'.fanwen-facet[data-facet="unit_type"] a[data-value="{unit_type}"]')
        if got:
            assert facet.get_attribute("data-count") == str(len(got))


def test_facets_are_links_that_filter(page, site_url, report_blocks) -> None:
    open_search(page, site_url, "领导点评")
    first = page.locator('.fanwen-facet[data-facet="genre"] a[data-value]').first
    genre, count = first.get_attribute("data-value"), int(first.get_attribute("data-count"))
    with page.expect_navigation():
        first.click()
    page.wait_for_function(SEARCH_DONE)
    page.wait_for_load_state("networkidle")
    assert f"genre={quote(genre)}" in page.url or f"genre={genre}" in page.url
    assert page.locator(".fanwen-result").count() == count


def test_result_opens_report_with_phrase_highlighted(page, site_url) -> None:
    open_search(page, site_url, "票决制")
    with page.expect_navigation():
        page.locator(".fanwen-result a").first.click()
    page.wait_for_load_state("networkidle")
    marks = page.locator("article mark.fanwen-hit")
    assert marks.count() >= 1 and marks.first.inner_text() == "票决制"


def test_every_unit_type_listing_reachable_from_home(page, site_url, seeds_out) -> None:
    import json

    cat = json.loads((seeds_out / "catalogue.json").read_text(encoding="utf-8"))
    page.goto(site_url)
    links = page.locator("article a.md-button")
    hrefs = {links.nth(i).inner_text().split("（")[0]: links.nth(i).get_attribute("href") for i in range(links.count())}
    for unit_type in {r["unit_type"] for r in cat["reports"]}:
        page.goto(urljoin(site_url, hrefs[unit_type]))
        listed = {a.get_attribute("href").rstrip("/").split("/")[-1] for a in page.locator("article table a").all()}
        assert listed == {r["slug"] for r in cat["reports"] if r["unit_type"] == unit_type}
        page.goto(site_url)


def test_section_anchor_scrolls_and_copy_link(page, site_url, seeds_out) -> None:
    import json

    cat = json.loads((seeds_out / "catalogue.json").read_text(encoding="utf-8"))
    rep = next(r for r in cat["reports"] if r["source"].startswith("002") and r["source_part"] == 4)
    page.goto(urljoin(site_url, f"reports/{rep['slug']}/"))
    anchors = page.eval_on_selector_all("article h2[id]", "els => els.map(e => e.id)")
    anchor = anchors[2]
    assert re.fullmatch(r"[a-z0-9-]+", anchor)
    url = urljoin(site_url, f"reports/{rep['slug']}/#{anchor}")
    page.goto(url)
    page.wait_for_load_state("networkidle")
    top = page.eval_on_selector(f"#{anchor}", "e => e.getBoundingClientRect().top")
    assert 0 <= top < 200
    page.click(f"#{anchor} .fanwen-section-copy")
    assert page.evaluate("navigator.clipboard.readText()") == url
    page.click(".fanwen-card [data-fanwen-copy=link]")
    assert page.evaluate("navigator.clipboard.readText()") == urljoin(site_url, f"reports/{rep['slug']}/")


def test_copy_works_without_navigator_clipboard(browser, site_url, seeds_out) -> None:
    """A plain http:// intranet address is not a secure context: no navigator.clipboard there."""
    import json

    cat = json.loads((seeds_out / "catalogue.json").read_text(encoding="utf-8"))
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    insecure = context.new_page()
    insecure.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined});"
                             "Object.defineProperty(window, 'isSecureContext', {value: false});")
    url = urljoin(site_url, f"reports/{cat['reports'][0]['slug']}/")
    insecure.goto(url)
    insecure.click(".fanwen-card [data-fanwen-copy=link]")
    reader = context.new_page()
    reader.goto(site_url)
    assert reader.evaluate("navigator.clipboard.readText()") == url
    insecure.click(".fanwen-card [data-fanwen-copy=text]")
    text = reader.evaluate("navigator.clipboard.readText()")
    assert cat["reports"][0]["title"] in text and "复制链接" not in text
    context.close()


def test_all_reports_page_filters_by_year_and_genre(page, site_url, seeds_out) -> None:
    import json

    cat = json.loads((seeds_out / "catalogue.json").read_text(encoding="utf-8"))
    page.goto(urljoin(site_url, "all/?year=2010&genre=" + quote("经验交流材料")))
    rows = page.locator("#fanwen-all tbody tr:not([hidden])")
    want = [r for r in cat["reports"] if r["year"] == "2010" and r["genre"] == "经验交流材料"]
    assert rows.count() == len(want) > 0


def test_no_foreign_requests_and_no_errors(page, site_url) -> None:
    for path in ("", "browse/", "genre/", "all/", "guide/", "search/?q=" + quote("三会一课")):
        page.goto(urljoin(site_url, path))
        page.wait_for_load_state("networkidle")
    host = urlparse(site_url).netloc
    assert [u for u in page.requests if urlparse(u).netloc != host and not u.startswith("data:")] == []
    assert page.errors == []


def test_report_pages_load_no_search_code(browser, site_url, seeds_out) -> None:
    import json

    cat = json.loads((seeds_out / "catalogue.json").read_text(encoding="utf-8"))
    p = browser.new_page()
    urls = []
    p.on("request", lambda r: urls.append(r.url))
    p.goto(urljoin(site_url, f"reports/{cat['reports'][0]['slug']}/"))
    p.wait_for_load_state("networkidle")
    assert not [u for u in urls if "search-data" in u or "fanwen-search" in u]
    p.close()


def test_long_phrases_and_phrases_across_text_chunks(page, site_url, report_blocks) -> None:
    """Phrases longer than a chunk's overlap (33 characters) and phrases at several places in
    a long paragraph (the index cuts each report's text every 256 characters) are found exactly."""
    longest = max((b for bs in report_blocks.values() for b in bs), key=len)
    assert len(longest) > 300
    for start, length in [(0, 45), (230, 40), (250, 12), (254, 4), (200, 90)]:
        phrase = longest[start : start + length]
        got = open_search(page, site_url, phrase)
        assert set(got) == truth(report_blocks, phrase) and got, (start, length)


def test_a_browser_without_decompression_is_told_why_search_does_not_work(browser, site_url) -> None:
    p = browser.new_page()
    errors = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.add_init_script("delete window.DecompressionStream")
    p.goto(urljoin(site_url, "search/?q=" + quote("领导点评")))
    p.wait_for_function("document.querySelector('.fanwen-status').textContent.includes('浏览器')")
    assert "Chrome" in p.locator(".fanwen-status").inner_text() and errors == []
    p.close()
