"""The site's build logic, run by MkDocs through ``scripts/mkdocs_hooks.py``.

- pinyin section anchors ("一、点评模式灵活" -> ``#yi-dian-ping-mo-shi-ling-huo``);
- listing pages generated from the catalogue: one per unit type, one per genre,
  and all reports with year and genre filters;
- the home page's counts, model reports (推荐) and search box;
- on each report page: a metadata card, copy buttons and related reports;
- after the build: the search index (see ``search_index.py``).
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape
from pathlib import Path
from urllib.parse import quote

from . import rules
from .text import pinyin_slug
from .word import download_name
from .write import yaml_scalar

log = logging.getLogger("mkdocs.plugins.fanwen")

REPORTS_DIR = "reports"
CATALOGUE = f"{REPORTS_DIR}/catalogue.json"


@lru_cache(maxsize=16384)
def toc_slugify(value: str, separator: str) -> str:
    """Python-Markdown's toc slugify: stable, readable pinyin anchors for headings (kept for
    the headings met last: reports share many, "一、主要做法", and pinyin is slow)."""
    return pinyin_slug(value).replace("-", separator) or "section"


def display_date(iso: str) -> str:
    """"2011-02-14" -> "2011年2月14日"; "--11-02" -> "11月2日（年份隐去）".

    >>> display_date("2011-02-14"), display_date("--11-02"), display_date("")
    ('2011年2月14日', '11月2日（年份隐去）', '')
    """
    m = re.match(r"^(\d{4}|-)-(\d\d)-(\d\d)$", iso or "")
    if not m:
        return ""
    month, day = int(m.group(2)), int(m.group(3))
    if m.group(1) == "-":
        return f"{month}月{day}日（年份隐去）"
    return f"{m.group(1)}年{month}月{day}日"


@dataclass
class SiteData:
    """What the hooks learn from the catalogue at the start of a build."""

    reports: list[dict] = field(default_factory=list)
    by_slug: dict[str, dict] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)  # old slug -> current slug (registry.py)
    gone: list[dict] = field(default_factory=list)  # slugs of reports no longer published
    related: dict[str, list[tuple[str, float, bool]]] = field(default_factory=dict)
    practices: list = field(default_factory=list)  # practices.Practice, each with its mentions
    practice_edits: dict = field(default_factory=dict)  # the editor's practice changes (curation.yaml)
    report_practices: dict = field(default_factory=dict)  # report slug -> its practices
    blocks: dict = field(default_factory=dict)  # src_uri of a generated page -> its deferred HTML (fill_blocks)

    @classmethod
    def load(cls, docs_dir: Path) -> "SiteData":
        path = docs_dir / CATALOGUE
        if not path.exists():
            log.info("no %s: run scripts/clean_reports.py first; building without reports", path)
            return cls()
        cat = json.loads(path.read_text(encoding="utf-8"))
        reports = cat["reports"]
        return cls(reports=reports, by_slug={r["slug"]: r for r in reports},
                   redirects=cat.get("redirects", {}), gone=cat.get("gone", []),
                   practice_edits=cat.get("practices", {}))


# --- generated pages ----------------------------------------------------------

UNIT_DIR, GENRE_DIR, ALL_PAGE = "browse", "genre", "all.md"


@lru_cache(maxsize=None)  # (a handful of names, asked for on every report's card)
def unit_page(unit: str) -> str:
    return f"{UNIT_DIR}/{pinyin_slug(unit)}.md"


@lru_cache(maxsize=None)
def genre_page(genre: str) -> str:
    return f"{GENRE_DIR}/{pinyin_slug(genre)}.md"


def _cell(text: str) -> str:
    from .write import escape_md

    return escape_md(text or "").replace("\n", " ") or "—"


def _report_table(reports: list[dict], prefix: str, columns: tuple[str, ...]) -> str:
    """A Markdown table of reports; ``prefix`` leads from the page to the reports folder."""
    head = {"title": "标题", "org": "单位", "unit_type": "单位类型", "genre": "文种", "date": "日期", "chars": "字数"}
    out = ["| " + " | ".join(head[c] for c in columns) + " |", "|" + "---|" * len(columns)]
    for r in reports:
        cells = []
        for c in columns:
            if c == "title":
                star = "（推荐）" if r.get("recommended") else ""
                cells.append(f"[{_cell(r['title'])}]({prefix}{r['path']}){star}")
            elif c == "date":
                cells.append(display_date(r["date"]) or "—")
            elif c == "chars":
                cells.append(f"{r['chars']:,}")
            else:
                cells.append(_cell(r.get(c, "")))
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def _sorted(reports: list[dict]) -> list[dict]:
    """Newest first; undated reports last, then by title."""
    return sorted(reports, key=lambda r: (r["date"][:4] if r["date"][:1].isdigit() else "0000", r["date"],
                                          r["title"]), reverse=True)


def unit_listing(unit: str, reports: list[dict]) -> str:
    return (f"---\ntitle: {unit}\n---\n\n# {unit}（{len(reports)}篇）\n\n"
            f"单位类型为“{unit}”的全部范文，按日期排列（新的在前）。\n\n"
            + _report_table(_sorted(reports), "../reports/", ("title", "org", "genre", "date", "chars")) + "\n")


def genre_listing(genre: str, reports: list[dict]) -> str:
    return (f"---\ntitle: {genre}\n---\n\n# {genre}（{len(reports)}篇）\n\n"
            f"文种为“{genre}”的全部范文，按日期排列（新的在前）。\n\n"
            + _report_table(_sorted(reports), "../reports/", ("title", "org", "unit_type", "date", "chars")) + "\n")


def all_listing(reports: list[dict], blocks: list[str]) -> str:
    """All reports, with year and genre filters (the filter script reads the URL: ?year=&genre=)."""
    years = sorted({r["year"] for r in reports if r["year"]}, reverse=True)
    genres = [g for g in rules.genres()["vocabulary"] if any(r["genre"] == g for r in reports)]
    options_y = "".join(f'<option value="{y}">{y}年</option>' for y in years)
    options_g = "".join(f'<option value="{g}">{g}</option>' for g in genres)
    rows = []
    for r in _sorted(reports):
        rows.append(
            f'<tr data-year="{r["year"]}" data-genre="{r["genre"]}"><td><a href="../reports/{r["slug"]}/">'
            f'{_html(r["title"])}</a></td><td>{_html(r["org"]) or "—"}</td><td>{r["unit_type"]}</td>'
            f'<td>{r["genre"]}</td><td>{display_date(r["date"]) or "—"}</td></tr>')
    return (
        "---\ntitle: 全部范文\n---\n\n# 全部范文\n\n"
        '<form class="fanwen-filters" id="fanwen-filters">'
        f'<label>年份 <select name="year"><option value="">全部年份</option>{options_y}</select></label> '
        f'<label>文种 <select name="genre"><option value="">全部文种</option>{options_g}</select></label> '
        f'<span class="fanwen-count" id="fanwen-count">共 {len(reports)} 篇</span></form>\n\n'
        + deferred('<table class="fanwen-all" id="fanwen-all"><thead><tr><th>标题</th><th>单位</th><th>单位类型</th>'
                   "<th>文种</th><th>日期</th></tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table>", blocks)
        + '\n<script src="../assets/fanwen-filter.js"></script>\n'
    )


def _text(s: str) -> str:
    """Text as Markdown writes it out into HTML (quotes left as they are)."""
    return (s or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _html(s: str) -> str:
    """Text for HTML anywhere, attribute values included."""
    return _text(s).replace('"', "&quot;")


# Raw HTML of a generated page that Markdown would only pass through (a practice page's
# passages, the all-reports table) stays out of its Markdown: Markdown's HTML parser spends
# seconds a build on it. The Markdown holds a marker, and the hooks put the HTML in its place
# once the page is rendered (the same HTML, in the same place). Text in the Markdown is
# escaped (``<`` written ``&lt;``), so no report's text can make a marker.
_BLOCK = re.compile(r"<!--fanwen-block:(\d+)(?::p-->(?:\n(?=\n))?|-->)")


# A link to another page of the site inside deferred HTML: href="fanwen-page:<Markdown path>",
# made into the page's URL when the HTML is put in (fill_blocks' resolve), as MkDocs makes
# the links of the Markdown.
PAGE_LINK = "fanwen-page:"
_PAGE_HREF = re.compile(r'href="fanwen-page:([^"]*)"')


def _page_link(target: str, text: str) -> str:
    """A link in deferred HTML to a page given by its Markdown path (made into a URL by fill_blocks)."""
    return f'<a href="{PAGE_LINK}{_html(target)}">{text}</a>'


def deferred(html: str, blocks: list[str], paragraphs: bool = False) -> str:
    """A marker for ``html``, kept in ``blocks`` (the page's list). ``paragraphs``: the HTML
    stands for paragraphs of the Markdown, which are not followed by the blank line Markdown
    leaves after a raw block."""
    blocks.append(html.rstrip("\n"))  # (as Markdown passes a raw block on)
    return f"<!--fanwen-block:{len(blocks) - 1}{':p' if paragraphs else ''}-->\n"


def fill_blocks(html: str, blocks: list[str], resolve=None) -> str:
    r"""The page's deferred HTML in place of its markers; ``resolve`` makes a Markdown path
    (``2.md#x``) into the URL of that page from this one.

    >>> b = []; fill_blocks("<p>x</p>\n" + deferred("<ul></ul>\n", b), b)
    '<p>x</p>\n<ul></ul>\n'
    >>> b = []; fill_blocks(deferred('<a href="fanwen-page:2.md#a">2</a>', b), b, lambda t: t.replace(".md", "/"))
    '<a href="2/#a">2</a>\n'
    """
    def block(m: re.Match) -> str:
        n = int(m.group(1))
        if n >= len(blocks):
            return ""
        if resolve is None:
            return blocks[n]
        return _PAGE_HREF.sub(lambda h: 'href="' + _html(resolve(unescape(h.group(1)))) + '"', blocks[n])
    return _BLOCK.sub(block, html)


def index_listing(title: str, intro: str, items: list[tuple[str, str, int]]) -> str:
    lines = [f"---\ntitle: {title}\n---\n\n# {title}\n\n{intro}\n"]
    lines += [f"- [{name}]({path})（{n}篇）" for name, path, n in items]
    return "\n".join(lines) + "\n"


def generated_pages(data: SiteData) -> dict[str, str]:
    """src_uri -> Markdown of every generated page."""
    pages: dict[str, str] = {}
    units = [u for u in rules.units()["vocabulary"] if any(r["unit_type"] == u for r in data.reports)]
    genres = [g for g in rules.genres()["vocabulary"] if any(r["genre"] == g for r in data.reports)]
    for u in units:
        pages[unit_page(u)] = unit_listing(u, [r for r in data.reports if r["unit_type"] == u])
    for g in genres:
        pages[genre_page(g)] = genre_listing(g, [r for r in data.reports if r["genre"] == g])
    pages[f"{UNIT_DIR}/index.md"] = index_listing(
        "按单位类型", "选择单位类型，查看同类单位的范文。",
        [(u, unit_page(u).split("/", 1)[1], sum(r["unit_type"] == u for r in data.reports)) for u in units])
    pages[f"{GENRE_DIR}/index.md"] = index_listing(
        "按文种", "选择文种，查看同一文种的范文。",
        [(g, genre_page(g).split("/", 1)[1], sum(r["genre"] == g for r in data.reports)) for g in genres])
    pages[ALL_PAGE] = all_listing(data.reports, data.blocks.setdefault(ALL_PAGE, []))
    pages.update(practice_pages(data))
    for old, new in sorted(data.redirects.items()):
        if new in data.by_slug and old not in data.by_slug:
            pages[f"{REPORTS_DIR}/{old}/index.html"] = redirect_page(new, data.by_slug[new]["title"])
    for g in data.gone:
        if g["slug"] not in data.by_slug:
            pages[f"{REPORTS_DIR}/{g['slug']}.md"] = gone_page(g["title"], data)
    return pages


# --- 做法库: the practice pages -------------------------------------------------------------

PRACTICE_DIR = "practices"
PRACTICE_PAGE_SIZE = 50  # reports on one page of a practice (a page stays small at 10,000 reports)
HOME_PRACTICES = 12


def practice_page(p, page: int = 1) -> str:
    """src_uri of page ``page`` of a practice: practices/<slug>/index.md, then 2.md, 3.md …"""
    return f"{PRACTICE_DIR}/{p.slug}/" + ("index.md" if page == 1 else f"{page}.md")


def _by_unit(p, data: SiteData) -> list:
    """A practice's mentions in page order: by unit type (in the vocabulary's order), then newest first."""
    order = {u: i for i, u in enumerate(rules.units()["vocabulary"])}
    newest = {r["slug"]: i for i, r in enumerate(_sorted([data.by_slug[m.report] for m in p.mentions]))}
    return sorted(p.mentions, key=lambda m: (order.get(data.by_slug[m.report]["unit_type"], len(order)),
                                             newest[m.report]))


def _marked(text: str, phrase: str) -> str:
    """The passage as HTML, every occurrence of the phrase marked.

    >>> _marked("开展<领导点评>，领导点评好", "领导点评")
    '开展&lt;<mark>领导点评</mark>&gt;，<mark>领导点评</mark>好'
    """
    return f"<mark>{_html(phrase)}</mark>".join(_html(part) for part in text.split(phrase))


# A link's anchor before MkDocs has made the report's heading ids: "#" + SECTION_MARK +
# "slug:n" stands for the id of the report's n-th heading, filled in after the build.
SECTION_MARK = "fanwen-section:"
_SECTION_LINK = re.compile(r"#" + SECTION_MARK + r"([a-z0-9-]+):(\d+)\"")


def fill_section_links(html: str, ids: dict[str, list[str]]) -> str:
    """Put each report's own heading ids into the practice page's links.

    >>> fill_section_links('<a href="../r/?h=x#fanwen-section:r:2">', {"r": ["t", "yi", "er"]})
    '<a href="../r/?h=x#er">'
    """
    def real(m: re.Match) -> str:
        known = ids.get(m.group(1), [])
        n = int(m.group(2))
        return (f"#{known[n]}" if n < len(known) else "") + '"'
    return _SECTION_LINK.sub(real, html)


def practice_pages(data: SiteData) -> dict[str, str]:
    """The practice index and every page of every practice."""
    if not data.practices:
        return {}
    pages = {f"{PRACTICE_DIR}/index.md": practice_index(data)}
    for p in data.practices:
        mentions = _by_unit(p, data)
        chunks = [mentions[i: i + PRACTICE_PAGE_SIZE] for i in range(0, len(mentions), PRACTICE_PAGE_SIZE)]
        first_page: dict[str, int] = {}  # unit type -> the page its group starts on
        for n, chunk in enumerate(chunks, 1):
            for m in chunk:
                first_page.setdefault(data.by_slug[m.report]["unit_type"], n)
        counts = {u: sum(data.by_slug[m.report]["unit_type"] == u for m in mentions) for u in first_page}
        for n, chunk in enumerate(chunks, 1):
            pages[practice_page(p, n)] = _practice_chunk(p, n, len(chunks), chunk, counts, first_page, data)
    return pages


def _practice_chunk(p, n: int, total: int, chunk: list, counts: dict, first_page: dict, data: SiteData) -> str:
    """One page of a practice. Only its title, its group headings (the table of contents) and
    markers are Markdown; the counts, the passages and the page links are put in after
    rendering (deferred), so that adding a report renders again only the pages whose headings
    changed (where its unit type's group starts, or where a group now starts on another
    page), not every page of every practice it mentions."""
    from markdown.extensions.toc import unique

    blocks = data.blocks.setdefault(practice_page(p, n), [])
    blocks.clear()

    ids: set[str] = {toc_slugify(p.name, "-")}
    group_ids = {u: unique(toc_slugify(f"{u}（{counts[u]}篇）", "-"), ids) for u in counts}

    def to_page(k: int) -> str:
        return practice_page(p, k).rsplit("/", 1)[1]

    summary = " · ".join(
        _page_link(f"{'' if first_page[u] == n else to_page(first_page[u])}#{group_ids[u]}",
                   f"{_text(u)}（{counts[u]}）")
        for u in counts)
    variants = f"（也写作：{'、'.join(_text(v) for v in p.variants)}）" if p.variants else ""
    lo = (n - 1) * PRACTICE_PAGE_SIZE + 1
    out = [f"---\ntitle: {yaml_scalar(p.name + ' — 做法')}\n---\n",
           f"# {_cell(p.name)}\n",
           deferred(f"<p>共 <strong>{len(p.mentions)}</strong> 篇范文写到了“{_text(p.name)}”{variants}。"
                    + (f"本页是第 {lo}–{lo + len(chunk) - 1} 篇（第 {n} 页，共 {total} 页）。" if total > 1 else "")
                    + f"每篇摘出写到它的一句，点开跳到范文的那一节，并标出这个词。</p>\n<p>按单位类型：{summary}</p>",
                    blocks, paragraphs=True)]
    unit, items = None, []
    for m in chunk:
        r = data.by_slug[m.report]
        if r["unit_type"] != unit:
            if items:
                out.append(deferred('<ul class="fanwen-mentions">\n' + "\n".join(items) + "\n</ul>\n", blocks))
                items = []
            unit = r["unit_type"]
            # a group carried over from the page before is "continued": its count (which a new
            # report changes) stays on the page where the group starts
            out.append(f"## {unit}（{counts[unit]}篇）\n" if first_page[unit] == n else f"## {unit}（续）\n")
        # raw HTML, put in after Markdown (deferred), like the all-reports table: 50 of these
        # a page, at 10,000 reports thousands of pages
        link = f"../../{REPORTS_DIR}/{r['slug']}/?h={quote(m.phrase)}" + (
            f"#{SECTION_MARK}{r['slug']}:{m.section}" if m.section >= 0 else "")
        meta = " · ".join(_html(x) for x in (r["org"], r["genre"], display_date(r["date"])) if x)
        items.append(f'<li><a href="{link}">{_html(r["title"])}</a>　{meta}<br>\n{_marked(m.passage, m.phrase)}</li>')
    if items:
        out.append(deferred('<ul class="fanwen-mentions">\n' + "\n".join(items) + "\n</ul>\n", blocks))
    footer = ""
    if total > 1:
        nav = [_page_link("index.md" if n == 2 else to_page(n - 1), "上一页") if n > 1 else "",
               " ".join(f"<strong>{k}</strong>" if k == n else _page_link(to_page(k), str(k))
                        for k in range(1, total + 1)),
               _page_link(to_page(n + 1), "下一页") if n < total else ""]
        footer = '<p class="fanwen-pages">' + " · ".join(x for x in nav if x) + "</p>\n"
    back = _page_link("../index.md", f"按做法浏览：全部 {len(data.practices)} 个做法")
    out.append(deferred(footer + f"<p>{back}</p>", blocks, paragraphs=True))
    return "\n".join(out)


def practice_index(data: SiteData) -> str:
    """按做法浏览: every practice with its number of reports, by frequency and by pinyin."""
    ps = data.practices
    by_count = sorted(ps, key=lambda p: (-len(p.mentions), p.slug))
    rows = ["| 做法 | 篇数 | 写到它的单位类型 |", "|---|---|---|"]
    for p in by_count:
        units: dict[str, int] = {}
        for m in p.mentions:
            u = data.by_slug[m.report]["unit_type"]
            units[u] = units.get(u, 0) + 1
        spread = "、".join(f"{u} {k}" for u, k in sorted(units.items(), key=lambda x: (-x[1], x[0])))
        rows.append(f"| [{_cell(p.name)}]({p.slug}/index.md) | {len(p.mentions)} | {spread} |")
    letters: dict[str, list] = {}
    for p in sorted(ps, key=lambda p: (p.slug, p.name)):
        letters.setdefault(p.slug[:1].upper(), []).append(p)
    alpha = [f"**{k}**　" + " · ".join(f"[{_cell(p.name)}]({p.slug}/index.md)（{len(p.mentions)}）" for p in group)
             for k, group in letters.items()]
    return ("---\ntitle: 按做法浏览\n---\n\n# 按做法浏览\n\n"
            f"范文里写到的 **{len(ps)}** 个做法（党建、管理和服务的具体做法，如“领导点评”“三会一课”），"
            "每个做法一页，列出写到它的每篇范文和写到它的那句话，按单位类型分组。"
            "做法由编辑整理的词表和从范文里找出的做法（在两个以上来源页面里被当作做法来写）组成，"
            "编辑可以在 `raw/curation.yaml` 里增加、改名、合并或隐藏做法（见使用说明）。\n\n"
            "## 按篇数\n\n" + "\n".join(rows) + "\n\n## 按拼音\n\n" + "\n\n".join(alpha) + "\n")


def practices_map(data: SiteData) -> str:
    """For the search page: every name and variant of a practice -> [name, URL name, reports],
    as a JSON block the search script reads (``<`` escaped: the block cannot end early)."""
    phrases: dict[str, list] = {}
    for p in sorted(data.practices, key=lambda p: (-len(p.mentions), p.slug)):
        for ph in p.phrases:
            phrases.setdefault(ph, [p.name, p.slug, len(p.mentions)])
    body = json.dumps(phrases, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e")
    return f'<script type="application/json" id="fanwen-practices">{body}</script>'


def redirect_page(new: str, title: str) -> str:
    """A report's old URL: sends the reader on to its current one (section anchor kept)."""
    target = f"../{new}/"
    return (
        '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">\n'
        f"<title>{_html(title)}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{target}">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        f'<script>location.replace("{target}" + location.search + location.hash);</script>\n'
        "</head><body>\n"
        f'<p>这篇范文的网址已更改，请打开：<a href="{target}">{_html(title)}</a></p>\n'
        "</body></html>\n"
    )


def gone_page(title: str, data: SiteData) -> str:
    """A report's URL after the report left the library: what it was and how to find it again."""
    same = [r for r in data.reports if r["title"] == title][:20]
    lines = [
        "---\ntitle: 范文已不在库中\nhide:\n  - toc\n---\n",
        "# 这篇范文已不在范文库中\n",
        f'<p class="fanwen-gone">这个链接原来打开的是《{_html(title)}》。它已从范文库中移除'
        "（原网页已删除，或编辑决定不再收录）。</p>\n",
    ]
    if same:
        lines.append("范文库中有同名的范文：\n")
        lines += [f"- [{_cell(r['title'])}](./{r['slug']}.md){'（' + _cell(r['org']) + '）' if r.get('org') else ''}"
                  for r in same]
        lines.append("")
    q = quote(title[:30])
    lines.append(f'<p>可以<a href="../../search/?q={q}">搜索这个标题</a>，或'
                 '<a href="../../browse/">按单位类型浏览</a>、<a href="../../all/">查看全部范文</a>。</p>\n')
    return "\n".join(lines)


# --- the home page and the report pages ----------------------------------------

def home_blocks(data: SiteData) -> dict[str, str]:
    """Markdown for the home page's placeholders (``<!-- fanwen:NAME -->``)."""
    units = [u for u in rules.units()["vocabulary"] if any(r["unit_type"] == u for r in data.reports)]
    unit_links = " ".join(
        f"[{u}（{sum(r['unit_type'] == u for r in data.reports)}）]({unit_page(u)}){{ .md-button }}" for u in units)
    recommended = [r for r in data.reports if r.get("recommended")]
    rec = (_report_table(_sorted(recommended), "reports/", ("title", "org", "unit_type", "genre", "date"))
           if recommended else "编辑尚未推荐范文（在 `raw/curation.yaml` 中标注 `recommended: true`）。")
    top = sorted(data.practices, key=lambda p: (-len(p.mentions), p.slug))[:HOME_PRACTICES]
    practices = (" ".join(f"[{_cell(p.name)}（{len(p.mentions)}）]({practice_page(p)}){{ .md-button }}" for p in top)
                 + f"\n\n[按做法浏览：全部 {len(data.practices)} 个做法]({PRACTICE_DIR}/index.md)"
                 if top else "（范文里还没有找到做法）")
    return {
        "practices": practices,
        "stats": f"共收录范文 **{len(data.reports)}** 篇。",
        "unit-types": unit_links or "（尚无范文）",
        "recommended": rec,
        "search-box": ('<form class="fanwen-home-search" action="search/" method="get" role="search">'
                       '<input type="search" name="q" placeholder="输入要查找的做法，如：领导点评" aria-label="搜索范文">'
                       '<button type="submit" class="md-button md-button--primary">搜索</button></form>'),
    }


def fill_placeholders(markdown: str, blocks: dict[str, str]) -> str:
    return re.sub(r"<!--\s*fanwen:([\w-]+)\s*-->", lambda m: blocks.get(m.group(1), m.group(0)), markdown)


def report_card(r: dict, word_href: str = "", practices: list | None = None) -> str:
    """The metadata card, copy buttons and the Word download under a report's title, as HTML
    (deferred: the order of a report's practices follows how many reports mention each, which
    any added report may change)."""
    bits = ["<strong>推荐范文</strong>"] if r.get("recommended") else []
    if r["org"]:
        bits.append(f"<strong>单位</strong>：{_text(r['org'])}")
    if r.get("author"):
        # (a site's author field or a newspaper's credit: the page's record, not the text's)
        bits.append(f"<strong>作者</strong>：{_text(r['author'])}")
    bits.append(f"<strong>单位类型</strong>：{_page_link('../' + unit_page(r['unit_type']), r['unit_type'])}")
    bits.append(f"<strong>文种</strong>：{_page_link('../' + genre_page(r['genre']), r['genre'])}")
    if r["date"]:
        bits.append(f"<strong>日期</strong>：{display_date(r['date'])}")
    bits.append(f"<strong>字数</strong>：{r['chars']:,}")
    bits.append(f"<strong>来源页面</strong>：{_text(r['source'])} 第{r['source_part']}篇")
    if practices:
        bits.append("<strong>做法</strong>：" + "、".join(
            _page_link(f"../{practice_page(p)}", _text(p.name)) for p in practices))
    return (
        '<div class="fanwen-card">\n<p>' + " · ".join(bits) + "</p>\n"
        '<p><span class="fanwen-actions"><button type="button" class="md-button" data-fanwen-copy="link">复制链接</button> '
        '<button type="button" class="md-button" data-fanwen-copy="text">复制全文</button>'
        + (f' <a class="md-button" href="{_html(word_href)}" download="{_html(download_name(r["title"]))}" '
           'data-fanwen-word title="公文格式（GB/T 9704）的 Word 文件">下载 Word</a>' if word_href else "")
        + "</span></p>\n</div>"
    )


def related_block(slug: str, data: SiteData) -> str:
    """The related reports at the end of a report's page, as HTML (deferred: a report added to
    the library changes the related lists of many pages, which then need not be rendered again)."""
    items = data.related.get(slug, [])
    if not items:
        return ""
    lines = ['<div class="fanwen-related">', "<p><strong>相关范文</strong></p>", "<ul>"]
    for other, _score, near_duplicate in items:
        r = data.by_slug[other]
        note = "　<strong>近似重复</strong>：与本文大部分内容相同，可能是不同网站转载的同一篇材料" if near_duplicate else ""
        lines.append(f"<li>{_page_link(f'{other}.md', _text(r['title']))}　{r['unit_type']} · {r['genre']}{note}</li>")
    return "\n".join(lines) + "\n</ul>\n</div>"


_HEAD_BLOCK = re.compile(r"^(?:# .*\n\n)(?:.*\n\{: \.(?:subtitle|byline) \}\n\n)*", re.M)


def word_href(slug: str, use_directory_urls: bool) -> str:
    """The link from a report's page to its Word file ``reports/<slug>.docx``."""
    return f"../{slug}.docx" if use_directory_urls else f"{slug}.docx"


def decorate_report(markdown: str, r: dict, data: SiteData, word: str = "", blocks: list | None = None) -> str:
    """Card after the title block, related reports at the end (both deferred HTML, kept in
    ``blocks``: the Markdown MkDocs renders is the report's own, which adding other reports
    does not change)."""
    blocks = blocks if blocks is not None else []
    m = _HEAD_BLOCK.match(markdown)
    at = m.end() if m else 0
    card = deferred(report_card(r, word, data.report_practices.get(r["slug"])), blocks, paragraphs=True)
    related = related_block(r["slug"], data)
    return (markdown[:at] + card + "\n" + markdown[at:].rstrip("\n") + "\n\n"
            + (deferred(related, blocks, paragraphs=True) if related else ""))


# --- the not-found page ----------------------------------------------------------

TOP_LEVEL = ("reports", "browse", "genre", "all", "guide", "search", "assets", "search-data")


def fix_404(html: str) -> str:
    """Make MkDocs' 404.html work under any sub-path, and say something useful.

    A server sends 404.html for a missing URL at any depth, so relative links
    cannot work, and MkDocs writes them from the site root ("/assets/…"), which
    breaks under a sub-path such as /fanwen/. The page finds the site root from
    its own address (the part before the first known section such as reports/)
    and sets it as the base of every link.
    """
    sections = "|".join(TOP_LEVEL)
    base = ("<script>(function(){var p=location.pathname,"
            f"m=p.match(/^(.*?\\/)(?:{sections})(?:\\/|$)/);"
            "document.write('<base href=\"'+(m?m[1]:'/')+'\">');})();</script>")
    html = re.sub(r"<head>", lambda m: "<head>\n" + base, html, count=1)
    html = re.sub(r'(href|src)="/(?!/)', r'\1="', html)
    # Stylesheets and scripts are written by script too: the browser's preload scanner
    # would otherwise fetch them before the base is set, from the wrong folder.
    def written(m: re.Match) -> str:
        tag = m.group(0).replace("\\", "\\\\").replace("'", "\\'").replace("</", "<\\/")
        return f"<script>document.write('{tag}');</script>"
    html = re.sub(r'"base":\s*"/"', '"base": "."', html)  # Material's own idea of the site root
    html = re.sub(r'<link [^>]*href="(?![a-z]+:|#)[^"]*"[^>]*>|<script src="(?![a-z]+:)[^"]*"></script>', written, html)
    body = ("<h1>找不到这个页面</h1>\n"
            "<p>链接可能有误，或者这个页面已经移动。范文库中的范文网址不会改变：改了标题的范文会自动转到新网址，"
            "移除的范文会有说明页面。</p>\n"
            '<p><a href="search/">搜索范文</a> · <a href="browse/">按单位类型浏览</a> · '
            '<a href="all/">全部范文</a> · <a href="./">返回首页</a></p>')
    return html.replace("<h1>404 - Not found</h1>", body)
