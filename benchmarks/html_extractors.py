"""Main-content extraction on the real HTML pages: our reader against trafilatura and
readability-lxml, side by side (issue 9: use a library where it does the job better).

    python benchmarks/html_extractors.py      # with trafilatura / readability-lxml installed

Not part of `make bench`: the two libraries are not dependencies of the project, so
install them in a scratch environment to repeat the measurement (the figures are in
benchmarks/README.md). For every complete HTML page of tests/data/real/ it counts, in the
text each extractor keeps: the answer key's chrome strings left (lower is better), its
must-survive phrases kept and its reports' first and last phrases kept (higher is
better), and the time taken.
"""
from __future__ import annotations

import re
import sys
import time
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts")]
REAL = ROOT / "tests" / "data" / "real"


def fold(s: str) -> str:
    from fanwen.text import to_simplified

    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", to_simplified(s)))


def ours(html: bytes) -> str:
    from fanwen.pipeline import run_page

    page = run_page("p.html", html)
    return "\n".join([r.meta.get("title", "") for r in page.reports]
                     + [ln.text for r in page.reports for ln in r.lines])


def extractors() -> dict:
    out = {"fanwen (ours)": ours}
    try:
        import trafilatura

        out["trafilatura"] = lambda html: trafilatura.extract(html.decode("utf-8"), include_comments=False) or ""
    except ImportError:
        pass
    try:
        from bs4 import BeautifulSoup
        from readability import Document

        def readability_text(html: bytes) -> str:
            doc = Document(html.decode("utf-8"))
            return doc.short_title() + "\n" + BeautifulSoup(doc.summary(), "html.parser").get_text("\n")

        out["readability-lxml"] = readability_text
    except ImportError:
        pass
    return out


def main() -> None:
    keys = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((REAL / "keys").glob("*.yaml"))]
    keys = [k for k in keys if "html" in k["kinds"] and (REAL / "pages" / k["page"]).suffix == ".html"]
    print(f"{len(keys)} HTML pages")
    print(f"{'extractor':<18} {'chrome left':>12} {'must kept':>10} {'first+last':>11} {'seconds':>8} {'slowest page':>13}")
    for name, fn in extractors().items():
        chrome = must = ends = n_chrome = n_must = n_ends = 0
        total, slowest = 0.0, 0.0
        for k in keys:
            html = (REAL / "pages" / k["page"]).read_bytes()
            t = time.perf_counter()
            text = fold(fn(html))
            dt = time.perf_counter() - t
            total, slowest = total + dt, max(slowest, dt)
            for s in k.get("chrome") or []:
                n_chrome += 1
                chrome += fold(s) in text
            for r in k.get("reports") or []:
                for p in r.get("must") or []:
                    n_must += 1
                    must += fold(p) in text
                for p in (r["first"], r["last"]):
                    n_ends += 1
                    ends += fold(p) in text
        print(f"{name:<18} {chrome:>5}/{n_chrome:<6} {must:>4}/{n_must:<5} {ends:>5}/{n_ends:<5} {total:>8.2f} {slowest:>13.2f}")


if __name__ == "__main__":
    main()
