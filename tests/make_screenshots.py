#!/usr/bin/env python3
"""Screenshots of the built site for the README: `make screenshots` (after `make site`).

Home, a report and a search, at desktop and phone width, in Debian's Chromium
with a CJK font (fonts-noto-cjk), the site served under a sub-path as on an intranet;
and the first page of the same report as its Word file prints (LibreOffice, headless)
and as the page prints from Chromium.
"""
from __future__ import annotations

import functools
import json
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "assets" / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SIZES = {"desktop": (1280, 860), "phone": (390, 844)}


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> int:
    site = ROOT / "site"
    cat = json.loads((ROOT / "docs" / "reports" / "catalogue.json").read_text(encoding="utf-8"))
    report = next((r for r in cat["reports"] if r["title"].startswith("深入开展创先争优活动")), cat["reports"][0])
    pages = {"home": "", "report": f"reports/{report['slug']}/", "search": "search/?q=" + quote("领导点评")}
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as www:
        shutil.copytree(site, Path(www) / "fanwen")
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=www))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}/fanwen/"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS, headless=True)
            for name, path in pages.items():
                for size, (w, h) in SIZES.items():
                    page = browser.new_page(viewport={"width": w, "height": h}, device_scale_factor=1)
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    page.screenshot(path=str(OUT / f"{name}-{size}.png"))
                    page.close()
            page = browser.new_page()
            page.goto(base + pages["report"])
            page.pdf(path=str(Path(www) / "print.pdf"), prefer_css_page_size=True)
            browser.close()
        server.shutdown()
        first_page(Path(www) / "print.pdf", OUT / "report-print.png")
        docx = Path(www) / f"{report['slug']}.docx"
        shutil.copyfile(site / "reports" / docx.name, docx)
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{www}/lo", "--convert-to", "pdf",
                        "--outdir", www, str(docx)], check=True, capture_output=True, timeout=300)
        first_page(docx.with_suffix(".pdf"), OUT / "report-word.png")
    print(f"wrote {len(pages) * len(SIZES) + 2} screenshots into {OUT.relative_to(ROOT)}")
    return 0


def first_page(pdf: Path, png: Path) -> None:
    """The first page of a PDF as a PNG, 60 dots an inch (an A4 page 496 pixels wide)."""
    subprocess.run(["pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", "-singlefile", str(pdf),
                    str(png.with_suffix(""))], check=True)


if __name__ == "__main__":
    sys.exit(main())
