"""Links that never break: the URL registry (raw/urls.yaml), redirects after a rename,
a page for reports that left the library, and a 404 page that works under a sub-path."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SEARCH_DONE, SEEDS, build_site, run_clean, serve

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402


def catalogue(out: Path) -> dict:
    return json.loads((out / "catalogue.json").read_text(encoding="utf-8"))


def urls(out: Path) -> dict[str, str]:
    """report key (file#part) -> slug, from the catalogue."""
    return {f"{r['source']}#{r['source_part']}": r["slug"] for r in catalogue(out)["reports"]}


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> dict:
    """The seed library, then 100 raw pages added, a title curated twice, a page removed."""
    work = tmp_path_factory.mktemp("links")
    raw, out = work / "raw", work / "out"
    shutil.copytree(SEEDS, raw)
    assert run_clean(raw, out) == 0
    first = urls(out)
    registry_text = (raw / "urls.yaml").read_text(encoding="utf-8")
    assert run_clean(raw, out) == 0
    rerun_same = (raw / "urls.yaml").read_text(encoding="utf-8") == registry_text

    extra = work / "extra"
    generate(300, extra, seed=7)
    added = sorted(extra.iterdir())[:100]
    for p in added:
        shutil.copy(p, raw / f"zz_{p.name}")
    assert run_clean(raw, out) == 0
    after_adding = urls(out)

    key = sorted(first)[0]
    old_slug = first[key]
    (raw / "curation.yaml").write_text(
        yaml.safe_dump({"reports": {key: {"title": "改过一次的标题"}}}, allow_unicode=True), encoding="utf-8")
    assert run_clean(raw, out) == 0
    middle_slug = urls(out)[key]
    (raw / "curation.yaml").write_text(
        yaml.safe_dump({"reports": {key: {"title": "编辑改定的标题"}}}, allow_unicode=True), encoding="utf-8")
    assert run_clean(raw, out) == 0
    renamed = urls(out)

    removed_file = sorted({k.split("#")[0] for k in first} - {key.split("#")[0]})[-1]
    (raw / removed_file).unlink()
    for p in added[50:]:
        (raw / f"zz_{p.name}").unlink()
    assert run_clean(raw, out) == 0
    return {"work": work, "raw": raw, "out": out, "first": first, "after_adding": after_adding,
            "rerun_same": rerun_same, "key": key, "old_slug": old_slug, "middle_slug": middle_slug,
            "renamed": renamed, "removed_file": removed_file, "final": urls(out)}


def test_registry_is_written_and_stable(history) -> None:
    reg = yaml.safe_load((history["raw"] / "urls.yaml").read_text(encoding="utf-8"))["reports"]
    assert history["rerun_same"]
    assert {k: reg[k]["slug"] for k in history["final"]} == history["final"]
    assert not (history["raw"] / ".urls.yaml.tmp").exists()


def test_adding_100_raw_pages_breaks_no_url(history) -> None:
    first, after = history["first"], history["after_adding"]
    broken = [k for k, s in first.items() if after.get(k) != s]
    assert len(after) > len(first) + 100 and broken == []


def test_rename_redirects_every_old_url(history) -> None:
    key, old, middle = history["key"], history["old_slug"], history["middle_slug"]
    new = history["renamed"][key]
    assert len({old, middle, new}) == 3
    redirects = catalogue(history["out"])["redirects"]
    assert redirects[old] == new and redirects[middle] == new
    others = {k: s for k, s in history["renamed"].items() if k != key}
    assert all(history["after_adding"][k] == s for k, s in others.items())


def test_removed_reports_keep_their_url_and_no_one_takes_it(history) -> None:
    cat = catalogue(history["out"])
    gone = {g["slug"] for g in cat["gone"]}
    removed = {s for k, s in history["first"].items() if k.startswith(history["removed_file"] + "#")}
    assert removed and removed <= gone
    assert len([g for g in cat["gone"] if g["key"].startswith("zz_")]) >= 50
    assert not gone & {r["slug"] for r in cat["reports"]}
    assert not set(cat["redirects"]) & {r["slug"] for r in cat["reports"]}


def test_bad_registry_is_a_one_line_error(tmp_path, capsys) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw)
    (raw / "urls.yaml").write_text("reports: [1, 2\n", encoding="utf-8")
    assert run_clean(raw, tmp_path / "out") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "urls.yaml" in err[0]


@pytest.fixture(scope="module")
def history_site(history) -> Path:
    return build_site(history["out"], history["work"] / "site-build")


def test_every_url_ever_published_opens_a_page(history, history_site) -> None:
    reg = yaml.safe_load((history["raw"] / "urls.yaml").read_text(encoding="utf-8"))["reports"]
    slugs = {s for e in reg.values() for s in (e["slug"], *e.get("aliases", []))}
    missing = [s for s in slugs if not (history_site / "reports" / s / "index.html").exists()]
    assert len(slugs) > 150 and missing == []
    # the Word file of every report still in the library, under its name and every old name
    current = {r["slug"] for r in catalogue(history["out"])["reports"]}
    names = {s for e in reg.values() if e["slug"] in current for s in (e["slug"], *e.get("aliases", []))}
    assert len(names) > len(current) and all((history_site / "reports" / f"{s}.docx").is_file() for s in names)
    old = history_site / "reports" / f"{history['old_slug']}.docx"
    assert old.read_bytes() == (history_site / "reports" / f"{history['renamed'][history['key']]}.docx").read_bytes()


@pytest.mark.browser
def test_old_urls_in_chromium(history, history_site, browser, tmp_path) -> None:
    key = history["key"]
    new = history["renamed"][key]
    page = browser.new_page()
    failed = []
    # a request the browser drops because the test moves on (the favicon of a page left at once)
    # is no missing file: those answer 404 and are caught below
    page.on("requestfailed", lambda r: failed.append(r.url) if r.failure != "net::ERR_ABORTED" else None)
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and "/nowhere/" not in r.url else None)
    with serve(history_site, tmp_path) as base:
        page.goto(f"{base}reports/{history['old_slug']}/#some-section")
        page.wait_for_url(f"**/reports/{new}/#some-section")
        page.wait_for_load_state("load")  # let the redirected page finish before leaving it
        assert page.locator("article h1").inner_text().startswith("编辑改定的标题")

        gone = next(g for g in catalogue(history["out"])["gone"] if g["key"].startswith(history["removed_file"]))
        page.goto(f"{base}reports/{gone['slug']}/")
        assert "不在范文库中" in page.locator("article h1").inner_text()
        assert gone["title"] in page.locator("article").inner_text()
        page.locator("article a", has_text="搜索这个标题").click()
        page.wait_for_url("**/search/?q=*")
        page.wait_for_function(SEARCH_DONE)

        response = page.goto(f"{base}reports/nowhere/")
        assert response.status == 404
        page.wait_for_load_state("networkidle")
        assert "找不到这个页面" in page.locator("article").inner_text()
        # the theme's stylesheet loaded under the sub-path: the header is styled
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"
        page.locator("article a", has_text="全部范文").click()
        page.wait_for_url(f"{base}all/")
    assert failed == []
