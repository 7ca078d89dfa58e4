"""Stage 1, read: raw bytes -> decoded text -> lines, for plain text and HTML.

A 范文 page arrives as saved from a browser or copied into a .txt file, in
UTF-8 (with or without BOM), GB18030/GBK or Big5, with CRLF or LF. HTML is
recognised by its content, not its file name.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
import warnings

import charset_normalizer
from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag, XMLParsedAsHTMLWarning

from .model import Line, Page, Removal
from .chrome import is_body_line
from .text import CJK_RANGES, cjk_count

# Largest raw file the cleanup reads; bigger files are refused with a message.
MAX_BYTES = 20 * 1024 * 1024

# Encodings a Chinese page can come in, tried by the detector.
CANDIDATE_ENCODINGS = ["utf_8", "gb18030", "big5", "utf_16"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|br|span|table|td|font|article|section)\b", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\t]")


class ReadError(Exception):
    """A raw file that cannot be read as a page; the message says why."""


def decode(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding name). Raises ReadError for empty or binary data.

    >>> decode("创先争优".encode("gb18030"))[0]
    '创先争优'
    >>> decode(codecs.BOM_UTF8 + "党建".encode())
    ('党建', 'utf-8-sig')
    """
    if len(data) > MAX_BYTES:
        raise ReadError(f"file is larger than the {MAX_BYTES // 1024 // 1024} MB limit")
    if not data.strip():
        raise ReadError("file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace").lstrip("\ufeff"), enc
    if _looks_binary(data):
        raise ReadError("binary data, not a text or HTML page")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        enc = _normalise_encoding(declared.group(1).decode("ascii", "ignore"))
        if enc:
            try:
                return data.decode(enc), enc
            except (UnicodeDecodeError, LookupError):
                pass
    best = charset_normalizer.from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is not None and best.encoding:
        enc = _normalise_encoding(best.encoding) or best.encoding
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            pass
    # Mixed or damaged bytes: keep what decodes, mark the rest.
    return data.decode("gb18030", errors="replace"), "gb18030 (with undecodable bytes)"


def _normalise_encoding(name: str) -> str:
    n = name.lower().replace("_", "-")
    if n in ("gb2312", "gbk", "gb-2312", "cp936", "x-gbk", "gb18030", "euc-cn"):
        return "gb18030"  # a superset: decodes what the others encode
    if n in ("big5", "big5-hkscs", "cp950", "x-big5"):
        return "big5hkscs"
    try:
        return codecs.lookup(n).name
    except LookupError:
        return ""


def _looks_binary(data: bytes) -> bool:
    """True when the bytes are not text: many NULs or other control bytes."""
    sample = data[:65536]
    if sample.count(b"\x00") > max(8, len(sample) // 100):
        return True
    controls = sum(sample.count(bytes([b])) for b in range(0x20) if b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 20)


def looks_like_html(text: str) -> bool:
    """HTML by content: several tags, one of them structural.

    >>> looks_like_html("<html><body><p>党建</p></body></html>")
    True
    >>> looks_like_html("“MsoNormal” style=““ align=“center”>创先争优")
    False
    """
    head = text[:20000]
    return len(_HTML_SNIFF.findall(head)) >= 2 and len(re.findall(r"</?[A-Za-z][^<>]{0,400}>", head)) >= 3


def normalise_line(s: str) -> str:
    """One line as later stages expect it: odd spaces made plain, controls gone, and the
    Kangxi radicals a PDF's text layer puts for characters ("⼀、基本情况") made the
    characters they stand for, so that headings are read and searches find them.

    >>> normalise_line("⼀、基本情况\u3000")
    '一、基本情况'
    """
    if _KANGXI.search(s):
        s = _KANGXI.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), s)
    s = _INVISIBLE.sub("", s)
    s = _CONTROL.sub("", s)
    s = _SPACES.sub(" ", s)
    return s.strip(" \u3000")


_KANGXI = re.compile("[\u2f00-\u2fd5]")


# Paragraph indentation inside a line ("…成效。　　二、…"): a paragraph starts there.
_INDENT_INSIDE = re.compile("(?<=\\S)[\u3000]{2,}|(?<=\\S)\u00a0{4,}")


_INDENTED = re.compile("^(?:[ \u00a0]{2,}|[\u3000\t])")


def text_lines(text: str) -> list[Line]:
    """Plain text -> non-blank lines numbered as in the raw file (CRLF and CR accepted).

    Paragraphs run together on one line, each still indented with two
    ideographic spaces, are taken apart again.

    >>> [ln.text for ln in text_lines("　　取得了成效。　　二、加强班子建设\\r\\n")]
    ['取得了成效。', '二、加强班子建设']
    """
    out = []
    for no, raw in enumerate(text.splitlines(), 1):
        for k, part in enumerate(_INDENT_INSIDE.split(raw)):
            s = normalise_line(part)
            if s:
                out.append(Line(s, no, indent=k > 0 or bool(_INDENTED.match(part))))
    return out


# --- HTML ---------------------------------------------------------------

_DROP_TAGS = {
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "svg", "canvas", "form", "button", "select", "input", "textarea", "nav", "header", "footer",
    "aside", "head", "audio", "video", "map",
}
_BLOCK_TAGS = {
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "thead", "tfoot", "tr", "ul",
}
_CELL_TAGS = {"td", "th"}
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search"}
_CHROME_ATTR = re.compile(
    r"(?:^|[\s_-])(?:breadcrumbs?|crumbs?|nav|navbar|menu|footer|header|sidebar|side|related|relate|"
    r"recommend|hot|pager|pagination|pagenav|page-nav|share|social|comments?|advert|ads?|adv|banner|"
    r"copyright|login|search|toolbar|prenext|prev|next|tags?|xgwz|xgtj|info|meta|position|location|"
    r"weizhi|dqwz|top|page|pages|paging|pager|ad\d*|gg)(?:$|[\s_-])",
    re.I,
)
_BLOCK_END = object()  # marks the end of a block element on the walk stack
_CJK_NEWLINE = re.compile(f"(?<=[{CJK_RANGES}，。、；：！？”“])\\s*\\n\\s*(?=[{CJK_RANGES}，。、；：！？”“])")


def html_lines(text: str, page: Page) -> list[Line]:
    """HTML -> lines of visible text; dropped furniture goes to ``page.removed``.

    Text split across inline elements (``<span>``, ``<font>``, ``<o:p>``,
    ``<st1:chsdate>``) stays on one line; block elements and ``<br>`` end lines.
    """
    with warnings.catch_warnings():
        # a saved RSS feed is XML: read as HTML it still gives its visible text, which is all we want
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(text, "html.parser")
    title = soup.find("title")
    if isinstance(title, Tag):
        page.html_title = normalise_line(title.get_text(" "))
        page.title = page_title_from_html(page.html_title)
    page_prose = prose_chars(soup)
    heading = _fold_text(page.html_title)
    chunks: list[str] = []
    # Iterative walk (deeply nested pages must not hit the recursion limit).
    stack: list[object] = [soup]
    while stack:
        node = stack.pop()
        if node is _BLOCK_END:
            chunks.append("\n")
            continue
        if isinstance(node, (Comment, Declaration, Doctype, ProcessingInstruction)):
            continue
        if isinstance(node, NavigableString):
            s = _CJK_NEWLINE.sub("", str(node))
            chunks.append(re.sub(r"\s+", " ", s))
            continue
        if not isinstance(node, Tag):
            continue
        name = (node.name or "").lower()
        reason = _chrome_reason(node, name, page_prose, heading)
        if reason:
            dropped = node.get_text("\n")
            for s in dropped.splitlines():
                s = normalise_line(s)
                if s:
                    page.removed.append(Removal(f"html_{reason}", s))
            continue
        if name == "br":
            chunks.append("\n")
            continue
        is_block = name in _BLOCK_TAGS
        if is_block:
            chunks.append("\n")
        elif name in _CELL_TAGS:
            chunks.append(" ")
        if is_block:
            stack.append(_BLOCK_END)
        stack.extend(reversed(list(node.children)))
    lines = []
    for no, raw in enumerate("".join(chunks).split("\n"), 1):
        s = normalise_line(raw)
        if s:
            lines.append(Line(s, no))
    return lines


_SITE_WORDS = re.compile(r"范文|文库|文档|作文|公文|资料|文秘|秘书|网$|网站|\.com|\.cn")


def page_title_from_html(title: str) -> str:
    """"领导干部点评创先争优工作情况汇报_那一世范文网" -> the part without the site's name.

    >>> page_title_from_html("领导干部点评创先争优工作情况汇报_那一世范文网")
    '领导干部点评创先争优工作情况汇报'
    """
    parts = [p.strip() for p in re.split(r"\s*[_|｜–—]\s*|\s+-\s+", title) if p.strip()]
    kept = [p for p in parts if not _SITE_WORDS.search(p)]
    return kept[0] if kept else ""


def prose_chars(node: Tag) -> int:
    """Chinese characters of running text (sentences, not menus or titles) inside an element.

    >>> prose_chars(BeautifulSoup("<div><a>首页</a><p>" + "为保证活动的有效开展，中心实行一把手负总责" * 2 + "</p></div>", "html.parser"))
    40
    """
    return sum(cjk_count(s) for s in node.get_text("\n").splitlines() if is_body_line(s))


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Blocks that hold a site's lists of links (menus, "重要通知" columns, related articles).
_LIST_BLOCKS = {"div", "ul", "ol", "dl", "table", "section", "td", "p"}
# A block is a list of links when this share of its text is link text.
LINK_SHARE = 0.6


def _is_hidden(node: Tag) -> bool:
    """Not shown by the browser: an exit-link dialog, a template kept for scripts."""
    return (node.has_attr("hidden") or (node.get("aria-hidden") or "").lower() == "true"
            or bool(_HIDDEN_STYLE.search(str(node.get("style") or ""))))


def _holds_article_heading(node: Tag) -> bool:
    """An <h1> of text, not a linked logo ("<div class='content-top'><h1>…多措并举…</h1>"):
    the article's heading, whatever the class of the block around it."""
    return any(cjk_count(h.get_text()) >= 6 and not h.find("a") and not h.find_parent("a")
               for h in node.find_all("h1"))


def _is_link_list(node: Tag) -> bool:
    """A block made of links and no running text: a menu, a column of news titles.

    >>> _is_link_list(BeautifulSoup("<ul><li><a>重要通知</a></li><li><a>讲座信息</a></li></ul>", "html.parser").ul)
    True
    """
    text = len(re.sub(r"\s+", "", node.get_text()))
    if text < 4 or prose_chars(node):
        return False
    links = sum(len(re.sub(r"\s+", "", a.get_text())) for a in node.find_all("a"))
    return links >= LINK_SHARE * text


def _only_wraps_a_block(node: Tag) -> bool:
    """A wrapper around one list-like block and nothing else: it is a list of links exactly
    when that block is, and the walk judges the block next (deeply nested pages stay linear)."""
    children = [c for c in node.children if not (isinstance(c, NavigableString) and not c.strip())
                and not isinstance(c, Comment)]
    return len(children) == 1 and isinstance(children[0], Tag) and (children[0].name or "").lower() in _LIST_BLOCKS


def _fold_text(s: str) -> str:
    return re.sub(r"[\W_]+", "", s)


def _is_title_block(node: Tag, heading: str) -> bool:
    """A short block whose text is what the page's <title> says: the article's heading
    ("<div class='info_InfoBox_title'>…姚卫：凝心铸魂强党性…</div>"), whatever its class."""
    text = _fold_text(node.get_text())
    return bool(heading) and 6 <= len(text) <= 80 and text in heading


def _chrome_reason(node: Tag, name: str, page_prose: int, heading: str = "") -> str:
    """Why an element is page furniture, or "" when it may hold the report."""
    if name in ("script", "style", "noscript", "template"):
        return "script" if name != "style" else "style"
    if name == "head":
        return "head"
    attrs = " ".join([*(node.get("class") or []), str(node.get("id") or "")])
    if name in _DROP_TAGS:
        reason = name
    elif (node.get("role") or "").lower() in _CHROME_ROLES:
        reason = "role"
    elif _is_hidden(node):
        reason = "hidden"
    elif (attrs.strip() and _CHROME_ATTR.search(attrs) and not _holds_article_heading(node)
          and not _is_title_block(node, heading)):
        reason = "chrome"
    elif name in _LIST_BLOCKS and not _only_wraps_a_block(node) and _is_link_list(node):
        reason = "links"
    else:
        return ""
    # Never drop the element that holds most of the page's running text: a
    # wrapper with an unlucky class name ("main-side", "info") or a CMS's
    # <form> around the article is still the article. Menus, footers and
    # related lists hold titles and links, not sentences.
    if page_prose and prose_chars(node) * 2 > page_prose:
        return ""
    return reason


def read_page(source: str, data: bytes) -> Page:
    """Raw bytes of one file -> a Page with its lines."""
    text, encoding = decode(data)
    if "\x00" in text:
        text = text.replace("\x00", "")
    is_html = looks_like_html(text)
    page = Page(source=source, text=text, encoding=encoding, is_html=is_html)
    page.lines = html_lines(text, page) if is_html else text_lines(text)
    if not page.lines:
        raise ReadError("no readable text")
    page.blank_before = blank_lines_before(page.lines)
    return page


def blank_lines_before(lines: list[Line]) -> set[int]:
    """The raw line numbers with an empty line just above them, when empty lines part the
    page's paragraphs; empty when they stand between (almost) every pair of lines.

    >>> sorted(blank_lines_before([Line("标题", 1), Line("——副题", 3), Line("各位领导：", 5), Line("今天…", 6), Line("…", 7)]))
    [3, 5]
    >>> blank_lines_before([Line("近几年，高校", 1), Line("毕业生人数", 3), Line("更是达到", 5)])
    set()
    """
    nos = sorted({ln.no for ln in lines})
    present = set(nos)
    blank = {no for no in nos[1:] if no - 1 not in present}
    return blank if len(blank) < 0.6 * (len(nos) - 1) else set()
