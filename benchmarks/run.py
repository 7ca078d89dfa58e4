#!/usr/bin/env python3
"""`make bench`: the whole path at several corpus sizes, results into benchmarks/README.md.

    python benchmarks/run.py --sizes 100 1000 [10000]

For each size: generate the corpus (benchmarks/generate.py), clean it (time,
reports/s, peak memory of the whole process tree), re-run after adding one raw
page and after changing one, build the site with MkDocs (time, search index
time and size), and in headless Chromium measure the bytes and time of a first
query and of each further result page, and the weight of a report page. At
1,000 reports Material's built-in search is built too, for comparison.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "work"
PY = sys.executable
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))
from generate import generate, page, seed_pools  # noqa: E402

QUERIES = ["领导点评", "公开承诺", "三会一课", "蒲公英"]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text().rsplit(")", 1)[1].split()
            status = (d / "status").read_text()
        except OSError:
            continue
        children.setdefault(int(stat[1]), []).append(int(d.name))
        m = re.search(r"VmRSS:\s+(\d+) kB", status)
        rss[int(d.name)] = int(m.group(1)) * 1024 if m else 0
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total


def timed(cmd: list[str], **kw) -> tuple[float, int, subprocess.CompletedProcess]:
    """(seconds, peak tree memory in bytes, result) of a command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    peak = 0
    done = threading.Event()

    def watch():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.05)

    t = threading.Thread(target=watch, daemon=True)
    t.start()
    out, err = proc.communicate()
    done.set()
    t.join()
    seconds = time.perf_counter() - start
    result = subprocess.CompletedProcess(cmd, proc.returncode, out, err)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err[-2000:]}")
    return seconds, peak, result


def clean(raw: Path, out: Path, cache: Path) -> tuple[float, int]:
    seconds, peak, _ = timed([PY, str(ROOT / "scripts" / "clean_reports.py"), "--raw", str(raw), "--out", str(out),
                              "--cache", str(cache), "-q"])
    return seconds, peak


def build_site(reports: Path, work: Path, material_search: bool = False) -> tuple[float, dict, Path]:
    """mkdocs build --strict of the project's docs with these reports; (seconds, index figures, site)."""
    import yaml

    docs = work / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("reports", "screenshots"))
    shutil.copytree(reports, docs / "reports")
    cfg = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    cfg["docs_dir"], cfg["site_dir"] = str(docs), str(work / "site")
    cfg["theme"]["custom_dir"] = str(ROOT / cfg["theme"]["custom_dir"])
    cfg["hooks"] = [str(ROOT / h) for h in cfg["hooks"]]
    if material_search:  # Material's own search, as it comes, for comparison
        cfg["plugins"] = ["search"]
        cfg["theme"].pop("custom_dir")
        cfg["hooks"] = []
        cfg["nav"] = [n for n in cfg["nav"] if "search.md" not in n.values()]
        (docs / "search.md").unlink()
        cfg["strict"] = False
    (work / "mkdocs.yml").write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    seconds, peak, res = timed([PY, "-m", "mkdocs", "build", "-q" if material_search else "--strict",
                                "-f", str(work / "mkdocs.yml")], cwd=work, env=env)
    m = re.search(r"search index: (\d+) reports, (\d+) bigrams in (\d+) shards \((\d+) bytes\), (\d+) text files "
                  r"\((\d+) bytes\), ([\d.]+) s", res.stderr)
    figures = dict(zip(["reports", "bigrams", "shards", "set_bytes", "packs", "text_bytes", "seconds"],
                       map(float, m.groups()))) if m else {}
    w = re.search(r"word files: (\d+) reports \((\d+) made, (\d+) from the cache\), (\d+) bytes, ([\d.]+) s", res.stderr)
    if w:
        figures["word"] = dict(zip(["reports", "made", "cached", "bytes", "seconds"], map(float, w.groups())))
    pages = re.search(r"pages: (\d+) rendered, (\d+) from the cache", res.stderr)
    if pages:
        figures["pages"] = {"rendered": int(pages.group(1)), "cached": int(pages.group(2))}
    figures["build_peak"] = peak
    return seconds, figures, work / "site"


def dir_bytes(path: Path) -> tuple[int, int, int]:
    """(bytes, bytes allocated on disk, files) under path."""
    files = [p.stat() for p in path.rglob("*") if p.is_file()]
    return sum(f.st_size for f in files), sum(f.st_blocks * 512 for f in files), len(files)


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def measure_browser(site: Path, material: bool = False) -> dict:
    """Bytes (raw, gzip) and milliseconds in headless Chromium, the site under /fanwen/."""
    from playwright.sync_api import sync_playwright

    www = site.parent / "www"
    if www.exists():
        shutil.rmtree(www)
    shutil.copytree(site, www / "fanwen")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(www)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/fanwen/"

    def sizes(urls: list[str]) -> tuple[int, int]:
        raw = gz = 0
        for u in urls:
            path = www / u.split(f"{server.server_port}/", 1)[1].split("?")[0]
            if path.is_dir():
                path = path / "index.html"
            data = path.read_bytes()
            raw, gz = raw + len(data), gz + len(gzip.compress(data, 6))
        return raw, gz

    out: dict = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS, headless=True)
        page = browser.new_page()
        seen: list[str] = []
        page.on("requestfinished", lambda r: seen.append(r.url))
        cat = json.loads((site / "reports" / "catalogue.json").read_text(encoding="utf-8"))
        page.goto(base + f"reports/{cat['reports'][0]['slug']}/")
        page.wait_for_load_state("networkidle")
        out["report_page"] = sizes(seen)
        out["report_page_search_requests"] = sum("search" in u for u in seen)
        if not material and (site / "practices").exists():
            # the heaviest page of the 做法库 (a practice's page of 50 reports, or the index)
            heaviest = max((site / "practices").rglob("index.html"), key=lambda p: p.stat().st_size)
            seen.clear()
            page.goto(base + heaviest.parent.relative_to(site).as_posix() + "/")
            page.wait_for_load_state("networkidle")
            out["practice_page"] = sizes(seen)
            out["practice_pages"] = sum(1 for _ in (site / "practices").rglob("index.html"))
        if material:
            out["material_index_bytes"] = (site / "search" / "search_index.json").stat().st_size
            browser.close()
            server.shutdown()
            return out
        seen.clear()
        page.goto(base + "search/")
        page.wait_for_load_state("networkidle")
        seen.clear()
        rows = []
        for q in QUERIES:
            seen.clear()
            t0 = time.perf_counter()
            page.goto(base + "search/?q=" + quote(q))
            page.wait_for_selector(".fanwen-result", timeout=60000)
            page.wait_for_load_state("networkidle")
            # the page's own marks (fanwen-search.js): when the search started and when the
            # first results were in the page, in ms after the navigation started
            marks = page.evaluate("['fanwen-search-start', 'fanwen-first-results'].map("
                                  "n => performance.getEntriesByName(n)[0].startTime)")
            first_ms, search_ms = marks[1], marks[1] - marks[0]
            first = sizes([u for u in seen if "search-data" in u])
            total = page.locator(".fanwen-result").count()
            more = []
            m = re.search(r"找到\s*(约\s*)?(\d+) 篇", page.inner_text(".fanwen-status"))
            hits = ("≈" if m.group(1) else "") + f"{int(m.group(2)):,}"
            while page.locator(".fanwen-more:not([hidden])").count() and len(more) < 3:
                seen.clear()
                t1 = time.perf_counter()
                page.click(".fanwen-more")
                page.wait_for_function(f"document.querySelectorAll('.fanwen-result').length > {total}")
                page.wait_for_load_state("networkidle")
                more.append((sizes([u for u in seen if "search-data" in u]), round((time.perf_counter() - t1) * 1000)))
                total = page.locator(".fanwen-result").count()
            rows.append({"query": q, "hits": hits, "first_bytes": first, "first_ms": round(first_ms),
                         "search_ms": round(search_ms),
                         "wall_ms": round((time.perf_counter() - t0) * 1000), "more": more})
        out["queries"] = rows
        browser.close()
    server.shutdown()
    return out


def run_size(n: int) -> dict:
    work = WORK / str(n)
    raw, out, cache = work / "raw", work / "out", work / "cache"
    for d in (out, cache):
        if d.exists():
            shutil.rmtree(d)
    pages = generate(n, raw)
    r: dict = {"reports": n, "pages": pages}
    r["clean_s"], r["clean_peak"] = clean(raw, out, cache)
    # one page added
    import random

    extra = page(random.Random(n), seed_pools(), 3, 99999)
    (raw / "zz_added.txt").write_text(extra, encoding="utf-8")
    r["add_s"], _ = clean(raw, out, cache)
    victim = sorted(raw.glob("*.txt"))[0]
    victim.write_bytes(victim.read_bytes() + "\n".encode("utf-8"))
    r["change_s"], _ = clean(raw, out, cache)
    if (work / ".cache").exists():  # the Word files' cache of an earlier run: this build makes them all
        shutil.rmtree(work / ".cache")
    r["build_s"], r["index"], site = build_site(out, work)
    r["index_bytes"] = dir_bytes(site / "search-data")
    r["site_bytes"] = dir_bytes(site)
    r["site_parts"] = {part: dir_bytes(site / part)[1:] for part in ("reports", "practices", "search-data")}
    # the offline copy (make offline): time to pack, size of the zip
    from fanwen import offline

    started = time.perf_counter()
    packed = offline.package(site, work / "dist")
    r["offline_s"], r["offline_zip"] = time.perf_counter() - started, packed["zip_bytes"]
    docx = [p.stat() for p in (site / "reports").glob("*.docx")]
    r["word_bytes"] = (sum(f.st_size for f in docx), sum(f.st_blocks * 512 for f in docx), len(docx))
    # built again with nothing changed: every page and Word file from the caches
    r["rebuild_s"], rebuild, site = build_site(out, work)
    r["rebuild_word"] = rebuild.get("word", {})
    r["rebuild_pages"] = rebuild.get("pages", {})
    # one report added (the maintainer's usual step): cleanup and build, the caches warm
    added = page(random.Random(n + 1), seed_pools(), 1, 99998)
    (raw / "zz_added_last.txt").write_text(added, encoding="utf-8")
    r["add_one_clean_s"], _ = clean(raw, out, cache)
    r["add_one_build_s"], after, site = build_site(out, work)
    r["add_one_pages"] = after.get("pages", {})
    r["add_one_peak"] = after.get("build_peak", 0)
    r["browser"] = measure_browser(site)
    # Material building the same Markdown with its own search plugin (reports out of the nav
    # in both), timed in the same run: the yardstick of the maintainer's wait (issue 13)
    r["material_build_s"], mfigures, msite = build_site(out, work / "material", material_search=True)
    r["material_peak"] = mfigures.get("build_peak", 0)
    if n == 1000:
        r["material"] = measure_browser(msite, material=True)
    return r


def kb(b: float) -> str:
    return f"{b / 1024:,.0f} KB"


def mb(b: float) -> str:
    return f"{b / 2**20:,.1f} MB"


def table(results: list[dict]) -> str:
    lines = ["| figure | " + " | ".join(f"{r['reports']:,} reports" for r in results) + " |",
             "|---|" + "---|" * len(results)]

    def row(name, fn):
        lines.append(f"| {name} | " + " | ".join(fn(r) for r in results) + " |")

    row("raw pages", lambda r: f"{r['pages']:,}")
    row("cleanup, all pages (s)", lambda r: f"{r['clean_s']:.1f}")
    row("cleanup throughput (reports/s)", lambda r: f"{r['reports'] / r['clean_s']:,.0f}")
    row("cleanup peak memory (whole process tree)", lambda r: f"{r['clean_peak'] / 2**20:,.0f} MB")
    row("re-run after adding one page (s)", lambda r: f"{r['add_s']:.1f}")
    row("re-run after changing one page (s)", lambda r: f"{r['change_s']:.1f}")
    row("MkDocs build, whole site (s)", lambda r: f"{r['build_s']:.1f}")
    row("  of which search index (s)", lambda r: f"{r['index'].get('seconds', 0):.1f}")
    row("MkDocs build peak memory", lambda r: f"{r['index'].get('build_peak', 0) / 2**20:,.0f} MB")
    row("  of which Word files, all made (s)", lambda r: f"{r['index'].get('word', {}).get('seconds', 0):.1f}")
    row("Word files: count / bytes / on disk", lambda r: f"{r['word_bytes'][2]:,} / {kb(r['word_bytes'][0])} / "
        f"{kb(r['word_bytes'][1])}")
    row("Word files per 1,000 reports: seconds / bytes", lambda r: "{:.1f} s / {}".format(
        1000 * r["index"].get("word", {}).get("seconds", 0) / r["reports"], kb(1000 * r["word_bytes"][0] / r["reports"])))
    row("MkDocs build again, nothing changed (s)", lambda r: f"{r['rebuild_s']:.1f}")
    row("  of which Word files, all from the cache (s)", lambda r: f"{r['rebuild_word'].get('seconds', 0):.1f}")
    row("  pages rendered / from the cache", lambda r: "{rendered:,} / {cached:,}".format(
        **r.get("rebuild_pages", {"rendered": 0, "cached": 0})))
    row("one report added: cleanup + build (s)", lambda r: f"{r['add_one_clean_s']:.1f} + {r['add_one_build_s']:.1f}")
    row("  pages rendered / from the cache", lambda r: "{rendered:,} / {cached:,}".format(
        **r.get("add_one_pages", {"rendered": 0, "cached": 0})))
    row("cleanup + build (what `make site` does), first time", lambda r: f"{r['clean_s'] + r['build_s']:.0f} s")
    row("  peak memory of that build", lambda r: f"{r.get('add_one_peak', 0) / 2**20:,.0f} MB")
    row("Material's own build of the same Markdown (s); its peak memory",
        lambda r: f"{r['material_build_s']:.1f}; {r.get('material_peak', 0) / 2**20:,.0f} MB")
    row("our build ÷ Material's (issue 13: ≤ 1.5): first build; nothing changed; one report added",
        lambda r: f"{r['build_s'] / r['material_build_s']:.2f}×; {r['rebuild_s'] / r['material_build_s']:.2f}×; "
        f"{r['add_one_build_s'] / r['material_build_s']:.2f}×")
    row("whole site: files / bytes / on disk (issue 12: ≤ 30,000 files, ≤ 300 MB at 10,000)",
        lambda r: f"{r['site_bytes'][2]:,} / {mb(r['site_bytes'][0])} / {mb(r['site_bytes'][1])}")
    row("  on disk / files: report pages and Word files; 做法库; search index", lambda r: "; ".join(
        f"{mb(r['site_parts'][k][0])} / {r['site_parts'][k][1]:,}" for k in ("reports", "practices", "search-data")))
    row("offline copy (make offline): zip size, seconds to pack",
        lambda r: f"{mb(r['offline_zip'])}, {r['offline_s']:.1f} s")
    row("search index: bytes / on disk / files", lambda r: f"{kb(r['index_bytes'][0])} / {kb(r['index_bytes'][1])} / "
        f"{r['index_bytes'][2]:,}")
    row("report page, first visit (raw / gzip)", lambda r: f"{kb(r['browser']['report_page'][0])} / {kb(r['browser']['report_page'][1])}")
    row("search requests from a report page", lambda r: str(r["browser"]["report_page_search_requests"]))
    row("做法库: pages; heaviest page, first visit (raw / gzip)", lambda r: "{:,}; {} / {}".format(
        r["browser"].get("practice_pages", 0), kb(r["browser"].get("practice_page", (0, 0))[0]),
        kb(r["browser"].get("practice_page", (0, 0))[1])))
    for i, q in enumerate(QUERIES):
        row(f"“{q}”: matching reports (≈ while unchecked)", lambda r, i=i: str(r["browser"]["queries"][i]["hits"]))
        row(f"“{q}”: first query bytes (raw / gzip)",
            lambda r, i=i: f"{kb(r['browser']['queries'][i]['first_bytes'][0])} / {kb(r['browser']['queries'][i]['first_bytes'][1])}")
        row(f"“{q}”: first results, ms after navigation (of which search)", lambda r, i=i: "{} ({})".format(
            r["browser"]["queries"][i]["first_ms"], r["browser"]["queries"][i].get("search_ms", "—")))
        row(f"“{q}”: each further page of 20 (raw / gzip, ms)", lambda r, i=i: "; ".join(
            f"{kb(b[0])} / {kb(b[1])}, {ms}" for b, ms in r["browser"]["queries"][i]["more"]) or "—")
    lines.append("")
    for r in results:
        if "material" in r:
            m = r["material"]
            lines.append(f"Material's built-in search at {r['reports']:,} reports, for comparison: its index "
                         f"`search_index.json` is {kb(m['material_index_bytes'])}, downloaded in full on every page "
                         f"view (a report page transfers {kb(m['report_page'][0])} raw / {kb(m['report_page'][1])} "
                         f"gzip, {m['report_page_search_requests']} search requests).")
    return "\n".join(lines)


def versions() -> str:
    import importlib.metadata as md

    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor())
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
    return (f"Machine: {os.cpu_count()} cores ({cpu}), {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB; "
            f"Python {platform.python_version()}; MkDocs {md.version('mkdocs')}; Material {md.version('mkdocs-material')}; "
            f"OpenCC {md.version('opencc')}; {chromium}.")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--readme", type=Path, default=ROOT / "benchmarks" / "README.md")
    ap.add_argument("--browser-only", action="store_true",
                    help="measure the browser figures again on the sites of the last run (results.json)")
    a = ap.parse_args()
    results = []
    if a.browser_only:
        results = [r for r in json.loads((WORK / "results.json").read_text(encoding="utf-8")) if r["reports"] in a.sizes]
        for r in results:
            print(f"== {r['reports']} reports (browser)", flush=True)
            r["browser"] = measure_browser(WORK / str(r["reports"]) / "site")
    for n in ([] if a.browser_only else a.sizes):
        print(f"== {n} reports", flush=True)
        results.append(run_size(n))
        print(json.dumps(results[-1], ensure_ascii=False), flush=True)
    (WORK / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    text = a.readme.read_text(encoding="utf-8") if a.readme.exists() else "# Benchmarks\n"
    block = f"<!-- results -->\n{versions()}\n\n{table(results)}\n<!-- /results -->"
    if "<!-- results -->" in text:
        text = re.sub(r"<!-- results -->.*<!-- /results -->", lambda m: block, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    a.readme.write_text(text, encoding="utf-8")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
