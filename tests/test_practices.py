"""做法库 (issue 11): the practice vocabulary, one page per practice listing every report that
mentions it with the passage, reached from the home page; the truth from the generated pages."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse, parse_qs

import pytest
from bs4 import BeautifulSoup

from conftest import SEARCH_DONE
from fanwen import practices, site
from fanwen.practices import Mention, Practice
from fanwen.write import markdown_text

NAMED = ["领导点评", "公开承诺", "三会一课", "民主生活会", "五个好", "党员先锋岗"]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def report_texts(seeds_out) -> dict[str, str]:
    """report slug -> its text as the generated Markdown page holds it."""
    cat = json.loads((seeds_out / "catalogue.json").read_text(encoding="utf-8"))
    return {r["slug"]: "\n".join(markdown_text((seeds_out / r["path"]).read_text(encoding="utf-8")))
            for r in cat["reports"]}


def practice_pages(site_dir: Path) -> dict[str, list[Path]]:
    """practice name -> the built pages of that practice (its first page, then 2/, 3/ …)."""
    out = {}
    for first in sorted((site_dir / "practices").glob("*/index.html")):
        name = soup(first).select_one("article h1").get_text().rstrip("¶").strip()
        pages = [first, *sorted(first.parent.glob("[0-9]*/index.html"), key=lambda p: int(p.parent.name))]
        out[name] = pages
    return out


def listed(pages: list[Path]) -> dict[str, tuple[str, str]]:
    """report slug -> (the marked phrase, the passage) for every report a practice's pages list."""
    out = {}
    for page in pages:
        for li in soup(page).select("article li"):
            link = li.find("a")
            slug = urlparse(link["href"]).path.rstrip("/").rsplit("/", 1)[-1]
            mark = li.find("mark")
            out[slug] = (mark.get_text() if mark else "", li.get_text())
    return out


def test_every_practice_page_lists_every_report_that_mentions_it(seeds_site, report_texts) -> None:
    pages = practice_pages(seeds_site)
    assert len(pages) >= 15 and set(NAMED) <= set(pages)
    vocab = {p.name: p for p in practices.vocabulary({})}
    for name, ps in pages.items():
        variants = vocab[name].variants if name in vocab else ()
        got = listed(ps)
        truth = {slug for slug, text in report_texts.items() if name in text}
        any_phrase = {slug for slug, text in report_texts.items() if any(v in text for v in (name, *variants))}
        assert truth <= set(got) <= any_phrase, name
        for slug, (phrase, text) in got.items():
            assert phrase in (name, *variants) and phrase in text, (name, slug)
            assert phrase in report_texts[slug]
            passage = text.split("\n", 1)[-1] if "\n" in text else text
            assert len(passage.strip()) <= practices.PASSAGE_MAX + 80  # the title line is above it
    for name in NAMED:
        assert any(name in t for t in report_texts.values())


def test_every_passage_link_opens_an_existing_section(seeds_site) -> None:
    """Each link's anchor is an id of a heading on the report page, and the section it opens
    holds the phrase (the ids come from the built report pages, not from a second slugger)."""
    checked = 0
    for ps in practice_pages(seeds_site).values():
        for page in ps:
            for a in soup(page).select("article li a"):
                url = urlparse(a["href"])
                assert "fanwen-section" not in a["href"], a["href"]
                phrase = parse_qs(url.query)["h"][0]
                report = soup((page.parent / url.path / "index.html").resolve())
                if not url.fragment:
                    continue
                heading = report.find(id=url.fragment)
                assert heading is not None and heading.name in ("h2", "h3", "h4", "h5"), a["href"]
                level, text = int(heading.name[1]), []
                for el in heading.find_next_siblings():
                    if re.fullmatch(r"h[1-6]", el.name or "") and int(el.name[1]) <= level:
                        break
                    text.append(el.get_text())
                assert phrase in heading.get_text() + "".join(text), a["href"]
                checked += 1
    assert checked >= 20


def test_index_lists_every_practice_by_frequency_and_pinyin(seeds_site) -> None:
    index = soup(seeds_site / "practices" / "index.html")
    pages = practice_pages(seeds_site)
    rows = index.select("article table tbody tr")
    names = [r.find("a").get_text() for r in rows]
    counts = [int(r.find_all("td")[1].get_text()) for r in rows]
    assert sorted(names) == sorted(pages) and counts == sorted(counts, reverse=True)
    for name, count in zip(names, counts):
        assert count == len(listed(pages[name])), name
    by_pinyin = [a.get_text() for a in index.select("article p a")]
    assert sorted(by_pinyin) == sorted(names)


def test_report_pages_list_their_practices(seeds_site, report_texts) -> None:
    pages = practice_pages(seeds_site)
    for slug, text in report_texts.items():
        card = soup(seeds_site / "reports" / slug / "index.html").select_one(".fanwen-card")
        shown = {a.get_text() for a in card.find_all("a") if "/practices/" in a["href"]}
        assert shown == {name for name, ps in pages.items() if slug in listed(ps)}, slug


def test_home_shows_most_used_practices(seeds_site) -> None:
    home = soup(seeds_site / "index.html")
    links = [a for a in home.select("article a") if "做法" in a.get_text()]
    assert links and links[0]["href"].startswith("practices/")
    top = [a.get_text() for a in home.select("article a.md-button") if "practices/" in a["href"]]
    assert len(top) >= 10 and top[0].startswith("公开承诺")


def fake(n_reports: int, units: list[str]) -> site.SiteData:
    reports = [{"slug": f"r{i:03d}", "path": f"r{i:03d}.md", "title": f"报告{i}", "org": "", "genre": "工作汇报",
                "date": f"2011-01-{i % 28 + 1:02d}", "unit_type": units[i % len(units)]} for i in range(n_reports)]
    data = site.SiteData(reports=reports, by_slug={r["slug"]: r for r in reports})
    p = Practice("领导点评", "ling-dao-dian-ping", ("点评活动",))
    p.mentions = [Mention(r["slug"], 1 if i % 2 else -1, "开展领导点评，效果好。", "领导点评")
                  for i, r in enumerate(reports)]
    data.practices = [p]
    return data


def test_a_practice_in_many_reports_is_paginated() -> None:
    data = fake(120, ["党政机关", "国有企业", "学校"])
    same = lambda target: target  # noqa: E731  (links left as Markdown paths)
    pages = {k: site.fill_blocks(md, data.blocks.get(k, []), same) for k, md in site.practice_pages(data).items()}
    assert sorted(pages) == ["practices/index.md", "practices/ling-dao-dian-ping/2.md",
                             "practices/ling-dao-dian-ping/3.md", "practices/ling-dao-dian-ping/index.md"]
    items = [ln for k, md in pages.items() if k != "practices/index.md" for ln in md.split("\n") if ln.startswith("<li>")]
    assert len(items) == 120 and len(set(items)) == 120
    first = pages["practices/ling-dao-dian-ping/index.md"]
    assert "第 1–50 篇（第 1 页，共 3 页）" in first and '<a href="2.md">下一页</a>' in first
    # groups in the vocabulary's order; a group that starts on a later page is linked there
    assert first.index("## 党政机关（40篇）") < first.index("## 学校（40篇）") and "## 国有企业" not in first
    assert re.search(r'<a href="2.md#[^"]+">国有企业（40）</a>', first)
    assert re.search(r'<a href="#[^"]+">学校（40）</a>', first)
    # the section's id is filled in once MkDocs has made the report's heading ids
    assert '/r003/?h=%E9%A2%86%E5%AF%BC%E7%82%B9%E8%AF%84#fanwen-section:r003:1"' in first
    assert '/r000/?h=%E9%A2%86%E5%AF%BC%E7%82%B9%E8%AF%84"' in first


def test_adding_a_report_leaves_the_markdown_of_other_groups_pages_as_it_was() -> None:
    """A practice page's Markdown holds only its title, group headings (the table of contents;
    a group's count only where it starts, "（续）" on the pages it continues to) and markers; the
    total, the passages and the page links are deferred. So a report added to one unit type
    changes the Markdown (what MkDocs renders again) of the page where that group starts, not
    of every page of the practice."""
    units = ["党政机关", "国有企业", "学校"]
    before, after = fake(331, units), fake(332, units)  # r331: 国有企业
    md_before, md_after = site.practice_pages(before), site.practice_pages(after)
    pages = [k for k in md_after if k != "practices/index.md"]
    changed = [k for k in pages if md_after[k] != md_before.get(k)]
    assert changed == ["practices/ling-dao-dian-ping/5.md"]  # where the 国有企业 group starts
    assert "## 国有企业（111篇）" in md_after[changed[0]]
    assert "## 国有企业（续）" in md_after["practices/ling-dao-dian-ping/6.md"]
    # while what every page shows did change: the total, the passages, the page links
    assert all(after.blocks[k] != before.blocks[k] for k in pages)


def test_vocabulary_edits_add_rename_merge_hide() -> None:
    found = {"一线工作法": {"a", "b"}, "红色代办": {"a", "c"}}
    names = {p.name for p in practices.vocabulary(found)}
    assert {"领导点评", "一线工作法", "红色代办"} <= names
    edited = practices.vocabulary(found, {
        "add": [{"name": "微党课", "variants": ["微型党课"]}],
        "rename": {"一线工作法": "一线工作法（工作方法）"},
        "merge": {"公开承诺": ["红色代办"]},
        "hide": ["领导点评"]})
    by = {p.name: p for p in edited}
    assert "领导点评" not in by and "红色代办" not in by and "一线工作法" not in by
    assert by["微党课"].variants == ("微型党课",)
    assert "一线工作法" in by["一线工作法（工作方法）"].variants
    assert "红色代办" in by["公开承诺"].variants
    assert len({p.slug for p in edited}) == len(edited) and all(re.fullmatch(r"[a-z0-9-]+", p.slug) for p in edited)


def test_discovery_needs_two_pages_and_skips_what_is_never_a_practice() -> None:
    found = practices.discover([("a.txt", "实行“一岗双责”，落实“十四五”规划，开展“七一”活动，推行“红色代办”。"),
                                ("a.txt", "推行“红色代办”制度。"),
                                ("b.txt", "实行“一岗双责”，落实“十四五”规划，开展“七一”活动。")])
    assert set(found) == {"一岗双责"}


def test_editors_change_the_vocabulary_in_curation_yaml(tmp_path) -> None:
    """raw/curation.yaml practices: add, rename, merge, hide reach the built site."""
    import shutil

    import yaml

    from conftest import SEEDS, build_site, run_clean

    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(SEEDS, raw)
    (raw / "curation.yaml").write_text(yaml.safe_dump({"practices": {
        "add": [{"name": "点评活动", "variants": ["现场点评"]}],
        "rename": {"领导点评": "领导点评制度"},
        "merge": {"民主生活会": ["组织生活会"]},
        "hide": ["五个好"]}}, allow_unicode=True), encoding="utf-8")
    assert run_clean(raw, out) == 0
    site_dir = build_site(out, tmp_path / "site")
    pages = practice_pages(site_dir)
    assert "五个好" not in pages and "组织生活会" not in pages and "领导点评" not in pages
    assert {"点评活动", "领导点评制度", "民主生活会"} <= set(pages)
    texts = {slug: t for slug, t in
             ((r["slug"], "\n".join(markdown_text((out / r["path"]).read_text(encoding="utf-8"))))
              for r in json.loads((out / "catalogue.json").read_text(encoding="utf-8"))["reports"])}
    for name, phrases in [("领导点评制度", ("领导点评制度", "领导点评")), ("民主生活会", ("民主生活会", "组织生活会")),
                          ("点评活动", ("点评活动", "现场点评"))]:
        assert set(listed(pages[name])) == {s for s, t in texts.items() if any(p in t for p in phrases)}, name


@pytest.mark.browser
def test_reader_reaches_practices_from_home_and_lands_on_the_passage(browser, site_url, seeds_site) -> None:
    page = browser.new_page()
    page.goto(site_url)
    page.locator("article a", has_text="做法").first.click()
    page.wait_for_url("**/practices/")
    hrefs = page.eval_on_selector_all("article table a", "els => els.map(e => e.href)")
    assert len(hrefs) >= 15
    for href in hrefs:
        response = page.goto(href)
        assert response.status == 200 and page.locator("article li").count() >= 1, href
    page.goto(urljoin(site_url, "practices/ling-dao-dian-ping/"))
    items = page.locator("article li a")
    for i in range(items.count()):
        link = items.nth(i)
        href = link.get_attribute("href")
        if "#" not in href:
            continue
        anchor = href.split("#", 1)[1]
        phrase = parse_qs(urlparse(href).query)["h"][0]
        with page.expect_navigation():
            link.click()
        page.wait_for_load_state("load")
        assert unquote(urlparse(page.url).fragment) == anchor
        heading = page.locator(f"[id='{anchor}']")
        assert heading.count() == 1
        # the phrase is marked in the section the link leads to
        in_section = page.evaluate(
            """([id, phrase]) => {
                 const h = document.getElementById(id), level = +h.tagName[1];
                 for (let el = h.nextElementSibling; el; el = el.nextElementSibling) {
                   if (/^H[1-6]$/.test(el.tagName) && +el.tagName[1] <= level) break;
                   if ([...el.querySelectorAll('mark.fanwen-hit')].some(m => m.textContent === phrase)) return true;
                 }
                 return false; }""", [anchor, phrase])
        assert in_section, (href, phrase)
        break
    else:
        pytest.fail("no passage link with a section anchor on the 领导点评 page")
    page.close()


def test_practices_map_cannot_end_its_script_block() -> None:
    data = fake(3, ["党政机关"])
    data.practices[0].variants = ("</script><script>window.__pwned=1</script>",)
    block = site.practices_map(data)
    assert block.count("</script>") == 1 and block.endswith("</script>")
    inner = json.loads(block[block.index(">") + 1: -len("</script>")])
    assert inner["</script><script>window.__pwned=1</script>"] == ["领导点评", "ling-dao-dian-ping", 3]


@pytest.mark.browser
def test_search_for_a_practice_links_its_page(browser, site_url) -> None:
    from urllib.parse import quote

    page = browser.new_page()
    page.goto(f"{site_url}search/?q={quote('领导点评')}")
    link = page.locator(".fanwen-practice a")
    link.wait_for()
    assert page.locator(".fanwen-practice").is_visible()
    link.click()
    page.wait_for_url("**/practices/ling-dao-dian-ping/")
    assert page.locator("article h1").inner_text().startswith("领导点评")
    page.goto(f"{site_url}search/?q={quote('蒲公英')}")
    page.wait_for_function(SEARCH_DONE)
    assert page.locator(".fanwen-practice").is_hidden()
    page.close()
