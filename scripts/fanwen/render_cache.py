"""Pages rendered once per content: MkDocs' Markdown rendering cached across builds.

MkDocs renders every page's Markdown on every build; for a library of 10,000
reports that is most of the build, though a build after adding one report
changes few pages. A page's HTML depends only on its Markdown (as the hooks
leave it: a report page with its card and related reports, a generated listing
or practice page), its place in the site and the Markdown configuration. The
cache keeps, per page, what ``Page.render`` leaves on the page (HTML, table of
contents, title, anchor ids) under a key made of all of that, in
``.cache/pages/`` (zlib-compressed JSON, a quarter of the size); entries no build
used are removed.

A cached page is used only when every Markdown link in it still names a page of
this build; otherwise MkDocs renders it, and reports what is wrong as usual.
"""
from __future__ import annotations

import hashlib
import json
import logging
import posixpath
import re
import zlib
from pathlib import Path

from mkdocs.structure import pages as _pages
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .write import write_atomic

_LINK = re.compile(r"\]\(([^)\s#?]+\.md)(?:[#?][^)\s]*)?\)")
_ORIGINAL = Page.render


def _tokens(items) -> list[dict]:
    return [{"level": a.level, "id": a.id, "name": a.title, "children": _tokens(a.children)} for a in items]


class RenderCache:
    """Cached renders of pages, in ``root``."""

    def __init__(self, root: Path, salt: str) -> None:
        self.root, self.salt = root, salt
        self.used: set[str] = set()
        self._files = None
        self._known: dict[tuple[str, str], bool] = {}
        self._uris: set[str] = set()
        self.hits = self.misses = 0

    def key(self, page: Page) -> str:
        h = hashlib.sha256(self.salt.encode("utf-8"))
        h.update(page.file.src_uri.encode("utf-8") + b"\0" + page.markdown.encode("utf-8"))
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json.z"

    def render(self, page: Page, config, files) -> None:
        """Page.render, from the cache when this page was rendered before from the same Markdown."""
        key = self.key(page)
        self.used.add(key)
        path = self._path(key)
        if path.exists() and self._links_resolve(page, files):
            try:
                cached = json.loads(zlib.decompress(path.read_bytes()))
                to_anchors = {files.get_file_from_path(uri): links for uri, links in cached["to_anchors"].items()}
            except (OSError, ValueError, KeyError, zlib.error):
                cached = None
            if cached is not None and None not in to_anchors:
                page.content = cached["content"]
                page.toc = get_toc(cached["toc"])
                page._title_from_render = cached["title"]
                page.present_anchor_ids = set(cached["anchors"])
                if _pages.log.getEffectiveLevel() > logging.DEBUG:  # as Page.render does
                    page.links_to_anchors = to_anchors
                self.hits += 1
                return None
        _ORIGINAL(page, config, files)
        self.misses += 1
        entry = {"content": page.content, "toc": _tokens(page.toc), "title": page._title_from_render,
                 "anchors": sorted(page.present_anchor_ids or ()),
                 "to_anchors": {f.src_uri: links for f, links in (page.links_to_anchors or {}).items()}}
        write_atomic(path, zlib.compress(json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1))
        return None

    def _links_resolve(self, page: Page, files) -> bool:
        if self._files is not files:  # the pages of this build, once
            self._files, self._known = files, {}
            self._uris = {f.src_uri for f in files}
        base = posixpath.dirname(page.file.src_uri)
        for target in _LINK.findall(page.markdown):
            found = self._known.get((base, target))
            if found is None:
                found = self._known[base, target] = posixpath.normpath(posixpath.join(base, target)) in self._uris
            if not found:
                return False
        return True

    def prune(self) -> int:
        """Remove the entries this build did not use; return how many."""
        removed = 0
        if self.root.exists():
            for path in self.root.glob("*/*"):
                if path.name.split(".", 1)[0] not in self.used:
                    path.unlink()
                    removed += 1
        return removed


_CURRENT: list[RenderCache] = []


def _render(page: Page, config, files) -> None:
    return _CURRENT[0].render(page, config, files) if _CURRENT else _ORIGINAL(page, config, files)


def install(cache: RenderCache) -> None:
    """Make MkDocs render pages through this build's cache (called by every build's on_config)."""
    _CURRENT[:] = [cache]
    Page.render = _render


def salt(config, *sources: Path) -> str:
    """What a rendered page depends on besides its Markdown and its place: the Markdown
    configuration, URL style, the versions of the libraries that render, our sources
    (slugs are made in site.py)."""
    import importlib.metadata as md

    def name(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}"

    parts = {
        "extensions": [e if isinstance(e, str) else name(e) for e in config["markdown_extensions"]],
        "configs": config["mdx_configs"],
        "directory_urls": config["use_directory_urls"],
        "versions": [md.version(p) for p in ("mkdocs", "markdown", "pypinyin", "pymdown-extensions")
                     if _installed(p)],
        "sources": [hashlib.sha256(s.read_bytes()).hexdigest() for s in sources],
    }
    return json.dumps(parts, sort_keys=True, default=name)


def _installed(dist: str) -> bool:
    import importlib.metadata as md

    try:
        md.version(dist)
        return True
    except md.PackageNotFoundError:
        return False
