"""The offline copy: the built site as one zip that works from a folder (``file://``).

Unzipped on a shared drive or a USB stick, the site is opened by double-clicking
``index.html``. Two things differ from a web server:

- a link to a folder (``../browse/``) opens a file listing, not the folder's
  ``index.html``: every relative link to a page of the site is rewritten to name
  ``index.html`` (the search page does the same for the links it makes, see
  ``INDEX_HTML`` in fanwen-search.js);
- ``fetch()`` of a data file is refused: the search index is already made of
  scripts loaded with ``<script>`` (search_index.py), which a folder allows.

Files only a web server uses (404.html, sitemap.xml) are left out. The zip is
deterministic: files in sorted order, one fixed time stamp.
"""
from __future__ import annotations

import argparse
import datetime as dt
import posixpath
import re
import sys
import time
import zipfile
from pathlib import Path
from urllib.parse import unquote

SERVER_ONLY = {"404.html", "sitemap.xml", "sitemap.xml.gz"}
STORED = {".docx", ".png", ".jpg", ".gif", ".gz", ".woff", ".woff2", ".zip"}  # already compressed
TAG = re.compile(r"<(?:a|area|form|link)\s[^>]*>", re.I)  # only tags: a text that reads href="…" stays as it is
LINK = re.compile(r'(\s(?:href|action)=")([^"]*)(")')
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def offline_url(url: str, page_dir: str, folders: set[str]) -> str:
    """A relative link as it must be written to work from a folder.

    ``page_dir`` is the folder of the page holding the link (relative to the site,
    "" for the top); ``folders`` the site's folders that hold an index.html.

    >>> f = {"", "browse", "reports/a"}
    >>> [offline_url(u, "reports/a", f) for u in ["../../browse/", "../..", ".", "../a/?h=x#s", "../a.docx", "#s"]]
    ['../../browse/index.html', '../../index.html', 'index.html', '../a/index.html?h=x#s', '../a.docx', '#s']
    >>> offline_url("https://example.org/", "", f), offline_url("../browse", "reports", f)
    ('https://example.org/', '../browse/index.html')
    """
    if not url or url.startswith(("#", "?", "/")) or SCHEME.match(url):
        return url
    path, rest = re.match(r"([^?#]*)(.*)$", url, re.S).groups()
    if path.endswith("/"):
        return f"{path}index.html{rest}"
    last = path.rsplit("/", 1)[-1]
    if last in (".", ".."):
        return f"{path}/index.html{rest}" if path != "." else f"index.html{rest}"
    if _folder(posixpath.normpath(posixpath.join(page_dir, unquote(path)))) in folders:
        return f"{path}/index.html{rest}"
    return url


def _folder(path: str) -> str:
    return "" if path == "." else path


def offline_html(html: str, page_dir: str, folders: set[str]) -> str:
    """The page with its links to folders of the site naming their index.html.

    >>> offline_html('<p>写 href="../" 即可</p><a class="x" href="../">上一级</a>', "a", {"", "a"})
    '<p>写 href="../" 即可</p><a class="x" href="../index.html">上一级</a>'
    """
    def link(m: re.Match) -> str:
        return m.group(1) + offline_url(m.group(2), page_dir, folders) + m.group(3)

    return TAG.sub(lambda tag: LINK.sub(link, tag.group(0)), html)


def package(site: Path, out_dir: Path, day: dt.date | None = None) -> dict:
    """Write out_dir/fanwen-offline-YYYYMMDD.zip from the built site; return its figures."""
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site}: no built site here (index.html missing): run `make site` first")
    day = day or dt.date.today()
    name = f"fanwen-offline-{day:%Y%m%d}"
    files = sorted(p for p in site.rglob("*") if p.is_file() and p.relative_to(site).as_posix() not in SERVER_ONLY)
    folders = {_folder(p.parent.relative_to(site).as_posix()) for p in files if p.name == "index.html"}
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{name}.zip"
    partial = target.with_suffix(".zip.part")
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    pages = size = 0
    with zipfile.ZipFile(partial, "w") as zf:
        for path in files:
            rel = path.relative_to(site).as_posix()
            data = path.read_bytes()
            if path.suffix == ".html":
                page_dir = posixpath.dirname(rel)
                data = offline_html(data.decode("utf-8"), page_dir, folders).encode("utf-8")
                pages += 1
            info = zipfile.ZipInfo(f"{name}/{rel}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if path.suffix in STORED else zipfile.ZIP_DEFLATED
            zf.writestr(info, data, compresslevel=6)
            size += len(data)
    partial.replace(target)
    return {"zip": target, "folder": name, "files": len(files), "pages": pages, "bytes": size,
            "zip_bytes": target.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Pack the built site into a zip that works unzipped, from a folder.")
    ap.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site/)")
    ap.add_argument("--out", type=Path, default=Path("dist"), help="where the zip goes (default: dist/)")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    try:
        figures = package(args.site, args.out)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{figures['zip']}: {figures['files']} files ({figures['pages']} pages), "
          f"{figures['bytes'] / 1e6:.1f} MB unpacked, {figures['zip_bytes'] / 1e6:.1f} MB zipped, "
          f"{time.perf_counter() - started:.1f} s. Unzip it anywhere and open "
          f"{figures['folder']}/index.html.")
    return 0
