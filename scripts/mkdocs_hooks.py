"""MkDocs hooks of the 范文参考库 site (registered in mkdocs.yml under `hooks:`).

All build logic lives in the fanwen package (fanwen/site.py, fanwen/related.py,
fanwen/search_index.py); this file only connects it to MkDocs' events.
"""
from __future__ import annotations

import html
import posixpath
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mkdocs.structure.files import File, InclusionLevel  # noqa: E402

from fanwen import practices, render_cache, rules, word  # noqa: E402
from fanwen.practices import sectioned_lines  # noqa: E402
from fanwen.related import Memo, related_reports  # noqa: E402
from fanwen.search_index import build_index  # noqa: E402
from fanwen.site import (  # noqa: E402
    REPORTS_DIR, SiteData, decorate_report, fill_blocks, fill_placeholders, fix_404, generated_pages, home_blocks, log,
    toc_slugify, PRACTICE_DIR, fill_section_links, practices_map, word_href,
)

# One build's data, made afresh by on_config at the start of every build.
_build: dict = {}


def on_config(config):
    config.mdx_configs.setdefault("toc", {})["slugify"] = toc_slugify
    docs = Path(config.docs_dir)
    data = SiteData.load(docs)
    texts, sectioned = {}, {}
    for r in data.reports:
        path = docs / REPORTS_DIR / r["path"]
        sectioned[r["slug"]] = sectioned_lines(path.read_text(encoding="utf-8")) if path.exists() else []
        texts[r["slug"]] = [t for _a, t in sectioned[r["slug"]]]
    memo = Memo(_cache_dir(config) / "related.json")  # fingerprints and pair decisions of earlier builds
    data.related = related_reports(data.reports, texts, memo)
    memo.save()
    memo = practices.Memo(_cache_dir(config) / "practices.json")  # what earlier builds found in each text
    data.practices = practices.for_site(data.reports, sectioned, data.practice_edits, memo)  # 做法库
    memo.save()
    data.report_practices = practices.report_practices(data.practices)
    _build.clear()
    _build.update(data=data, texts=texts, section_ids={})
    # pages rendered once per content (Markdown as on_page_markdown left it), kept in .cache/pages/
    here = Path(__file__).resolve().parent
    cache = render_cache.RenderCache(
        _cache_dir(config) / "pages",
        render_cache.salt(config, here / "fanwen" / "site.py", here / "fanwen" / "render_cache.py"))
    render_cache.install(cache)
    _build["render"] = cache
    return config


def _cache_dir(config) -> Path:
    """The project's .cache/, beside mkdocs.yml (the cleanup keeps its own cache there too)."""
    return Path(config.config_file_path).resolve().parent / ".cache"


def on_files(files, config):
    for src_uri, content in generated_pages(_build["data"]).items():
        # like not_in_nav in mkdocs.yml: the listings are linked, not in the side navigation
        level = InclusionLevel.NOT_IN_NAV if config.not_in_nav and config.not_in_nav.match_file(src_uri) \
            else InclusionLevel.INCLUDED
        files.append(File.generated(config, src_uri, content=content, inclusion=level))
    return files


def on_page_markdown(markdown, page, config, files):
    if isinstance(page.meta.get("title"), str):
        # MkDocs and the theme write a page title out as HTML; a report's title is plain text
        page.meta["title"] = page.title = html.escape(page.meta["title"], quote=False)
    data: SiteData = _build["data"]
    src = page.file.src_uri
    if src == "index.md":
        return fill_placeholders(markdown, home_blocks(data))
    if src == "search.md":
        return fill_placeholders(markdown, {"practices-map": practices_map(data)})
    slug = page.meta.get("slug")
    if src.startswith(f"{REPORTS_DIR}/") and slug in data.by_slug:
        blocks = data.blocks[src] = []
        return decorate_report(markdown, data.by_slug[slug], data, word_href(slug, config.use_directory_urls), blocks)
    return markdown


def on_page_content(html, page, config, files):
    data: SiteData = _build["data"]
    slug = page.meta.get("slug")
    if page.file.src_uri.startswith(f"{REPORTS_DIR}/") and slug in data.by_slug:
        _build["section_ids"][slug] = practices.section_ids(page.toc)  # for the practice pages' links
    if page.file.src_uri in data.blocks:  # the HTML kept out of the page's Markdown (site.deferred)
        html = fill_blocks(html, data.blocks[page.file.src_uri], _resolver(page, files))
    return html


def _resolver(page, files):
    """A Markdown path of deferred HTML (``2.md#x``, ``../index.md``) -> its URL from this page,
    as MkDocs makes the links of the Markdown; a path that names no page is a warning (an error
    in strict builds), as MkDocs reports broken links."""
    base = posixpath.dirname(page.file.src_uri)

    def resolve(target: str) -> str:
        path, sep, fragment = target.partition("#")
        if not path:
            return target
        found = files.get_file_from_path(posixpath.normpath(posixpath.join(base, path)))
        if found is None:
            log.warning("%s: a generated link to '%s' names no page", page.file.src_uri, path)
            return target
        return found.url_relative_to(page.file) + sep + fragment
    return resolve


def on_post_page(output, page, config):
    # MkDocs keeps every page's Markdown and HTML until the build ends, though nothing reads them
    # once the page is written (at 10,000 reports a few hundred MB, while the index is built)
    page.markdown = page.content = None
    return output


def on_post_build(config):
    data: SiteData = _build["data"]
    pages: render_cache.RenderCache = _build["render"]
    log.info("pages: %d rendered, %d from the cache, %d old cache entries removed",
             pages.misses, pages.hits, pages.prune())
    for path in sorted((Path(config.site_dir) / PRACTICE_DIR).glob("**/index.html")):
        html_text = path.read_text(encoding="utf-8")
        filled = fill_section_links(html_text, _build["section_ids"])
        if filled != html_text:
            path.write_text(filled, encoding="utf-8")
    not_found = Path(config.site_dir) / "404.html"
    if not_found.exists():
        not_found.write_text(fix_404(not_found.read_text(encoding="utf-8")), encoding="utf-8")
    started = time.perf_counter()
    figures = build_index(data.reports, _build["texts"], Path(config.site_dir) / "search-data",
                          rules.units()["vocabulary"], rules.genres()["vocabulary"], _cache_dir(config) / "search")
    figures["seconds"] = round(time.perf_counter() - started, 2)
    log.info("search index: %(reports)s reports, %(bigrams)s bigrams in %(shards)s shards (%(set_bytes)s bytes), "
             "%(packs)s text files (%(text_bytes)s bytes), %(seconds)s s (%(cached)s reports' bigrams from the cache)",
             figures)
    # the Word files, beside the report pages: made only for reports whose page changed
    started = time.perf_counter()
    docs = Path(config.docs_dir) / REPORTS_DIR
    cache = _cache_dir(config) / "word"
    figures = word.export([(r["slug"], docs / r["path"]) for r in data.reports if (docs / r["path"]).exists()],
                          Path(config.site_dir) / REPORTS_DIR, cache, data.redirects)
    figures["seconds"] = round(time.perf_counter() - started, 2)
    log.info("word files: %(reports)s reports (%(made)s made, %(cached)s from the cache), "
             "%(bytes)s bytes, %(seconds)s s", figures)
