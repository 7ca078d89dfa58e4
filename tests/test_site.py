"""The site: the real MkDocs build (strict) and the pages in headless Chromium."""
from __future__ import annotations

import json
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import SUBPATH


def html_pages(site):
    return sorted(site.rglob("*.html"))


def test_strict_build_has_every_report(seeds_site, seeds_out) -> None:
    cat = json.loads((seeds_out / "catalogue.json").read_text(encoding="utf-8"))
    for r in cat["reports"]:
        page = seeds_site / "reports" / r["slug"] / "index.html"
        assert page.exists(), r["slug"]
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.h1.get_text(strip=True).rstrip("¶") == r["title"]
    assert not (seeds_site / "reports" / "removal-log.json").exists()
    assert (seeds_site / "reports" / "catalogue.json").exists()


def test_the_card_names_the_writer_the_page_recorded(seeds_site, seeds_out) -> None:
    """A report's author (a site's author field, a newspaper's credit, a byline's name) is in
    its card; a report with none says nothing of one."""
    cat = json.loads((seeds_out / "catalogue.json").read_text(encoding="utf-8"))
    def card(r):
        page = seeds_site / "reports" / r["slug"] / "index.html"
        return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(".fanwen-card").get_text()
    written = [r for r in cat["reports"] if r["author"]]
    assert written and all(f"作者：{r['author']}" in card(r) for r in written)
    assert all("作者" not in card(r) for r in cat["reports"] if not r["author"])


def test_no_request_to_another_host_in_any_page(seeds_site) -> None:
    for page in html_pages(seeds_site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                          ("source", "src"), ("video", "src"), ("audio", "src")):
            for el in soup.find_all(tag):
                url = el.get(attr)
                if url:
                    assert not urlparse(url).netloc and not url.startswith("//"), f"{page}: {url}"
        assert "fonts.googleapis" not in page.read_text(encoding="utf-8")


def test_links_are_relative(seeds_site) -> None:
    # 404.html is the exception MkDocs makes: its links are absolute by design
    # (it is served for any missing path); the site issue gives it a sub-path.
    for page in [p for p in html_pages(seeds_site) if p.name != "404.html"]:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in soup.find_all("a", href=True):
            href = a["href"]
            assert not href.startswith("/"), f"{page}: {href}"


def test_report_text_renders_literally(seeds_site) -> None:
    page = next(p for p in html_pages(seeds_site / "reports") if "第四检查组" in p.read_text(encoding="utf-8"))
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article")
    for furniture in article.select(".fanwen-card, .fanwen-related"):
        furniture.decompose()
    assert "对XX**市部分市级机关" in article.get_text()
    assert not article.find_all(["strong", "em"])


@pytest.mark.browser
def test_report_page_in_chromium(browser, site_url, seeds_out) -> None:
    cat = json.loads((seeds_out / "catalogue.json").read_text(encoding="utf-8"))
    rep = next(r for r in cat["reports"] if r["source"].startswith("003"))
    requests, errors = [], []
    page = browser.new_page()
    page.on("request", lambda req: requests.append(req.url))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    for path in ("", "browse/", f"reports/{rep['slug']}/"):
        page.goto(urljoin(site_url, path))
        page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text().rstrip("¶") == rep["title"]
    assert page.locator(".admonition").filter(has_text="繁简转换").count() == 1
    host = urlparse(site_url).netloc
    foreign = [u for u in requests if urlparse(u).netloc not in (host, "") and not u.startswith("data:")]
    assert foreign == []
    assert all(urlparse(u).path.startswith(SUBPATH) for u in requests if urlparse(u).netloc == host)
    assert errors == []
    page.close()


def test_reprint_marked_near_duplicate(seeds_site, seeds_out) -> None:
    """Seed 000 part 1 and seed 004 share most paragraphs: each names the other as a near-duplicate."""
    cat = json.loads((seeds_out / "catalogue.json").read_text(encoding="utf-8"))
    a = next(r for r in cat["reports"] if r["source"].startswith("000") and r["source_part"] == 1)
    b = next(r for r in cat["reports"] if r["source"].startswith("004"))
    for this, other in ((a, b), (b, a)):
        soup = BeautifulSoup((seeds_site / "reports" / this["slug"] / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        item = next(li for li in soup.select(".fanwen-related li") if other["slug"] in li.a["href"])
        assert "近似重复" in item.get_text()
    soup = BeautifulSoup((seeds_site / "reports" / a["slug"] / "index.html").read_text(encoding="utf-8"), "html.parser")
    others = [li for li in soup.select(".fanwen-related li") if b["slug"] not in li.a["href"]]
    assert others and not any("近似重复" in li.get_text() for li in others)
