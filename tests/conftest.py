"""Shared fixtures: the seed pages cleaned once per session, and a built site."""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
# Every site the tests build carries one build date (the sitemap's <lastmod>, its .gz header):
# two builds compared for sameness must not differ because midnight fell between them.
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
             "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", str(int(time.time())))}
sys.path.insert(0, str(ROOT / "scripts"))

from fanwen.cli import main as clean_main  # noqa: E402

SEEDS = ROOT / "tests" / "data" / "seeds"
ANSWER_KEY = ROOT / "tests" / "data" / "seeds.yaml"


def run_clean(raw: Path, out: Path, *extra: str) -> int:
    """The cleanup, in-process, as the command line runs it.

    The test data folders are never written to: their URL registry goes beside out."""
    if "--registry" not in extra and raw.resolve().is_relative_to(ROOT / "tests" / "data"):
        extra = (*extra, "--registry", str(out.parent / f"{out.name}.urls.yaml"))
    return clean_main(["--raw", str(raw), "--out", str(out), "--quiet", *extra])


@pytest.fixture(scope="session")
def answer_key() -> dict:
    return yaml.safe_load(ANSWER_KEY.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory) -> Path:
    """The five seed pages cleaned into a fresh folder."""
    out = tmp_path_factory.mktemp("seeds-out")
    assert run_clean(SEEDS, out) == 0
    return out


def build_site(docs_reports: Path, workdir: Path) -> Path:
    """Build the real site (mkdocs build --strict) from the project's docs plus these reports."""
    docs = workdir / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("reports"))
    shutil.copytree(docs_reports, docs / "reports")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(workdir / "site")
    theme = config.get("theme", {})
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str(ROOT / theme["custom_dir"])
    for key in ("hooks", "extra_css", "extra_javascript"):
        if key in config and key == "hooks":
            config[key] = [str(ROOT / h) for h in config[key]]
    cfg = workdir / "mkdocs.yml"
    cfg.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(cfg)],
                          capture_output=True, text=True, env=BUILD_ENV, cwd=workdir)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return workdir / "site"


@pytest.fixture(scope="session")
def seeds_site(seeds_out, tmp_path_factory) -> Path:
    return build_site(seeds_out, tmp_path_factory.mktemp("site"))


# --- the built site, served on loopback under a sub-path, and a headless Chromium ---

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
SUBPATH = "/fanwen/"
# The search page has said how many reports it found (or none). Null-safe: while a click
# navigates, the new document may not have its status line yet.
SEARCH_DONE = "(s => !!s && /篇|没有/.test(s.textContent))(document.querySelector('.fanwen-status'))"


@contextlib.contextmanager
def serve(site: Path, workdir: Path):
    """Serve a built site on loopback under SUBPATH, as an intranet server would: a missing
    URL gets the site's 404.html (nginx's error_page), with status 404. Yields the base URL."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    root = workdir / "www"
    shutil.copytree(site, root / SUBPATH.strip("/"))
    not_found = root / SUBPATH.strip("/") / "404.html"

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_error(self, code, message=None, explain=None):
            if code != 404 or not not_found.exists():
                return super().send_error(code, message, explain)
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{SUBPATH}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(seeds_site, tmp_path_factory):
    """http://127.0.0.1:PORT/fanwen/ serving the seed site."""
    with serve(seeds_site, tmp_path_factory.mktemp("www")) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. In CI it must run, never skip."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI: `make test` installs it (apt-get install chromium)")
        pytest.skip("Chromium not installed: sudo apt-get install chromium fonts-noto-cjk")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield b
        b.close()
