"""Word files (.docx) of the reports, laid out after GB/T 9704—2012 (党政机关公文格式).

Users paste a model report into their own draft in Word or WPS and then have to redo
the layout their office requires; a copied web page brings web fonts and loses the
heading levels. The Word file gives them the report's text, all of it and nothing
else, already in the official layout:

- A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (版心 156 × 225 mm),
  22 lines of 28 characters a page: a line grid of 28.95 pt, and characters 0.3 pt
  narrower than 16 pt (Word's character grid, ``linesAndChars``, would do the same in
  Word, but LibreOffice reads it as characters a line pitch wide: 14 a line);
- the title in 2号 (22 pt) 小标宋, centred; subtitle and org/date lines under it in 楷体;
- the body in 3号 (16 pt) 仿宋, first lines indented two characters, fixed line spacing;
- structure headings kept as written, as real Word heading styles (navigation pane,
  table of contents): level 1 (一、) 黑体, level 2 (（一）) 楷体, levels 3 and 4 仿宋;
- the closing block (落款, 日期) right-aligned, four characters in from the margin;
- page numbers "— 1 —" in 4号 宋体 at the foot, on the outer side (odd right, even left);
- the notes the page shows (原文不全, 繁简转换, 编者按 …) in a short note at the end,
  in 4号, never in the body.

The file is made from the report's Markdown page (``docs/reports/<slug>.md``), which is
what the site shows, so curation edits reach it too. The same Markdown always gives
the same bytes (zip times fixed), so a cache keyed by the Markdown can hold it.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from . import rules
from .write import NOTES, unescape_md, write_atomic

# --- the layout (GB/T 9704—2012) ---------------------------------------------------

PAGE = {"width": 210, "height": 297, "top": 37, "bottom": 35, "left": 28, "right": 26}  # mm
LINE_PITCH = 579  # twips: 225 mm / 22 lines = 28.95 pt
# twentieths of a point: 16 pt - 0.3 pt = 15.7 pt a character, 28 in 156 mm (442 pt) with room
# left for a closing mark after the 28th (at 0.25 pt LibreOffice drops such a mark from the page)
CONDENSE = -6
BODY_PT, TITLE_PT, NOTE_PT, PAGE_NO_PT = 16, 22, 14, 14  # 3号, 2号, 4号, 4号

# East-Asian font names as Word and WPS read them (w:eastAsia). The body fonts are the
# ones every Chinese Windows and WPS install has; 方正小标宋简体 is the title font offices
# install for official documents: the font table names 宋体 as its stand-in where it is missing.
FONTS = {"title": "方正小标宋简体", "body": "仿宋", "kai": "楷体", "hei": "黑体", "page_no": "宋体"}
STAND_INS = {"方正小标宋简体": "宋体"}

# Markdown heading level -> (Word heading level, font): ## is 一、, ### is （一）, …
HEADINGS = {2: (1, "hei"), 3: (2, "kai"), 4: (3, "body"), 5: (4, "body")}
NOTE_STYLE = "附注"
# The page's notes about the text itself (flag -> the note's label), and the editor's note;
# which unit type a report was filed under is the site's business, not the document's.
NOTES_SHOWN = {f: NOTES[f][1] for f in ("truncated", "garbled", "untitled", "split_unsure", "repaired", "traditional")}

# (the theme too: every style names its fonts; and the application properties, which name the template's maker)
UNUSED_PARTS = {"thumbnail", "stylesWithEffects", "customXml", "webSettings", "numbering", "theme",
                "extended-properties"}
# what the template's settings carry for Word's own bookkeeping or for features a report does not use
UNUSED_SETTINGS = ("w:zoom", "w:proofState", "w:savePreviewPicture", "w:rsids", "m:mathPr", "w:themeFontLang",
                   "w:clrSchemeMapping", "w:doNotAutoCompressPictures", "w:shapeDefaults", "w14:docId",
                   "w14:defaultImageDpi")
KEPT_STYLES = {"Normal", "Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Heading4", "Footer",
               "DefaultParagraphFont", "TableNormal", "NoList"}

# w:rPr's children in the order the schema (ECMA-376 §17.3.2) requires
RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
             "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
             "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
             "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
             "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# --- the report, read back from its Markdown page ------------------------------------

@dataclass
class WordReport:
    """What goes into the Word file: head lines, body blocks, closing lines, notes."""

    title: str = ""
    subtitle: str = ""
    byline: str = ""
    body: list[tuple[int, str]] = field(default_factory=list)  # (heading level 2-5, or 0 for a paragraph, text)
    closing: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (label, text)


_NOTE_HEAD = re.compile(r'^[!?]{3} \w+ "(.*)"$')
_CLASS_LINE = re.compile(r"^\{: \.([\w-]+) \}$")
_HEADING = re.compile(r"^(#{1,6}) (.*)$")


def read_markdown(markdown: str) -> WordReport:
    """A report's Markdown page (as ``write.render_markdown`` writes it) -> its parts.

    >>> r = read_markdown('---\\ntitle: x\\n---\\n\\n# 标题\\n\\n某某单位\\n{: .byline }\\n\\n'
    ...                   '!!! info "繁简转换"\\n\\n    原文为繁体字。\\n\\n## 一、做法\\n\\n正文\\\\*\\\\*市。\\n\\n'
    ...                   '某某单位  \\n2011年2月14日\\n{: .closing }\\n')
    >>> r.title, r.byline, r.body, r.closing, r.notes
    ('标题', '某某单位', [(2, '一、做法'), (0, '正文**市。')], ['某某单位', '2011年2月14日'], [('繁简转换', '原文为繁体字。')])
    """
    labels = set(NOTES_SHOWN.values()) | {"编者按"}
    text = markdown.split("\n---\n", 1)[1] if markdown.startswith("---\n") else markdown
    rep = WordReport()
    for block in re.split(r"\n[ \t]*\n", text.strip("\n")):
        lines = block.split("\n")
        note = _NOTE_HEAD.match(lines[0])
        if note:
            body = " ".join(unescape_md(ln.strip()) for ln in lines[1:] if ln.strip())
            rep.notes.append((note.group(1), body))
            continue
        if lines[0].startswith("    ") and rep.notes and not rep.body:
            label, body = rep.notes[-1]  # a note's text, after the blank line under its head
            rep.notes[-1] = (label, (body + " " if body else "") + " ".join(unescape_md(ln.strip()) for ln in lines))
            continue
        cls = _CLASS_LINE.match(lines[-1])
        kind = cls.group(1) if cls else ""
        if cls:
            lines = lines[:-1]
        texts = [unescape_md(ln.removesuffix("  ").rstrip()) for ln in lines]
        heading = _HEADING.match(lines[0]) if len(lines) == 1 else None
        if kind == "subtitle":
            rep.subtitle = " ".join(texts)
        elif kind == "byline":
            rep.byline = " ".join(texts)
        elif kind == "closing":
            rep.closing.extend(t for t in texts if t)
        elif heading and len(heading.group(1)) == 1 and not rep.title:
            rep.title = unescape_md(heading.group(2))
        elif heading:
            rep.body.append((min(max(len(heading.group(1)), 2), 5), unescape_md(heading.group(2))))
        else:
            rep.body.extend((0, t) for t in texts if t)
    rep.notes = [(label, body) for label, body in rep.notes if label in labels]
    return rep


# --- the document ------------------------------------------------------------------

def _fonts(rpr_owner, name: str, size: float | None = None) -> None:
    """Set one font for every script of a run or style (w:rFonts ascii, hAnsi, eastAsia,
    cs), dropping the template's theme fonts, which would win over a named font."""
    if hasattr(rpr_owner, "get_or_add_rPr"):
        rpr = rpr_owner.get_or_add_rPr()
    else:  # w:rPrDefault, which python-docx reads as a plain element
        rpr = rpr_owner.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_owner.append(rpr)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.lower().endswith("theme"):  # w:asciiTheme … w:cstheme
            del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            _rpr_child(rpr, tag).set(qn("w:val"), str(int(size * 2)))


def _rpr_child(rpr, tag: str):
    """The run property ``tag`` of ``rpr``, added where the schema puts it if missing
    (Word refuses a file whose run properties are out of order)."""
    el = rpr.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        order = RPR_ORDER
        later = [c for c in rpr if c.tag in {qn(t) for t in order[order.index(tag) + 1:]}]
        if later:
            later[0].addprevious(el)
        else:
            rpr.append(el)
    return el


def _indent(owner, first_line: int | None = None, right: int | None = None) -> None:
    """Indents in whole characters of the body size, for a paragraph or a style: as points
    (w:firstLine, w:right) and as characters (w:firstLineChars, w:rightChars, which Word
    and WPS prefer and keep whole characters wide on the document grid)."""
    pf = owner.paragraph_format
    if first_line is not None:
        pf.first_line_indent = Pt(BODY_PT * first_line)
    if right is not None:
        pf.right_indent = Pt(BODY_PT * right)
    ind = pf._element.get_or_add_pPr().get_or_add_ind()
    if first_line is not None:
        ind.set(qn("w:firstLineChars"), str(first_line * 100))
    if right is not None:
        ind.set(qn("w:rightChars"), str(right * 100))


def _style(doc, name: str, font: str, size: float, *, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: int = 0,
           outline: int | None = None, keep_next: bool = False, line=Pt(LINE_PITCH / 20)):
    """A paragraph style defined from scratch (the template's spacing, colours, borders
    and theme fonts removed)."""
    try:
        style = doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
    for tag in ("w:pPr", "w:rPr"):
        for el in style.element.findall(qn(tag)):
            style.element.remove(el)
    style.quick_style = True
    _fonts(style.element, FONTS[font], size)
    style.font.bold = style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    pf = style.paragraph_format
    pf.alignment = align
    pf.space_before = pf.space_after = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = line
    pf.keep_with_next = keep_next
    pf.widow_control = True
    _indent(style, first_line=indent)  # also 0: a style based on Normal would inherit its two characters
    if outline is not None:
        lvl = OxmlElement("w:outlineLvl")
        lvl.set(qn("w:val"), str(outline))
        style.element.get_or_add_pPr().append(lvl)
    return style


def _page_number(doc, footer, align) -> None:
    """"— 1 —" with a PAGE field, one character in from the outer margin."""
    par = footer.paragraphs[0]
    par.style = doc.styles["Footer"]
    par.alignment = align
    pf = par.paragraph_format
    _indent(par, first_line=0)
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        pf.right_indent = Pt(PAGE_NO_PT)
    else:
        pf.left_indent = Pt(PAGE_NO_PT)

    def run(text: str = ""):
        r = par.add_run(text)
        _fonts(r._r, FONTS["page_no"], PAGE_NO_PT)
        return r

    run("— ")
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        r = run()
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif instr.strip() == "PAGE":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = instr
        else:
            el = OxmlElement("w:t")
            el.text = instr
        r._r.append(el)
    run(" —")


def _font_table(doc) -> None:
    """Name a stand-in for fonts that not every machine has (w:altName in fontTable.xml)."""
    part = next(p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml")
    entries = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
        '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
        for name, alt in STAND_INS.items())
    part._blob = part.blob.replace(b"</w:fonts>", entries.encode("utf-8") + b"</w:fonts>")


def _base_document():
    doc = Document()
    # The template's parts a report does not use go (its thumbnail picture would show in
    # file browsers instead of the report); so do its styles, but for the ones set below.
    for rels in (doc.part.package.rels, doc.part.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in UNUSED_PARTS:
                del rels[rid]
    for latent in doc.styles.element.findall(qn("w:latentStyles")):  # Word's defaults for styles not in the file
        doc.styles.element.remove(latent)
    for tag in UNUSED_SETTINGS:
        for el in doc.settings.element.findall(qn(tag)):
            doc.settings.element.remove(el)
    for style in doc.styles.element.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in KEPT_STYLES:
            doc.styles.element.remove(style)
        for link in style.findall(qn("w:link")):
            style.remove(link)
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(PAGE["width"]), Mm(PAGE["height"])
    section.top_margin, section.bottom_margin = Mm(PAGE["top"]), Mm(PAGE["bottom"])
    section.left_margin, section.right_margin = Mm(PAGE["left"]), Mm(PAGE["right"])
    section.header_distance, section.footer_distance = Mm(15), Mm(24)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    for attr in list(grid.attrib):
        del grid.attrib[attr]
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH))
    rpr_default = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    _fonts(rpr_default, FONTS["body"], BODY_PT)
    _rpr_child(rpr_default.find(qn("w:rPr")), "w:spacing").set(qn("w:val"), str(CONDENSE))
    lang = rpr_default.find(qn("w:rPr")).find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    _style(doc, "Normal", "body", BODY_PT, indent=2)
    title = _style(doc, "Title", "title", TITLE_PT, align=WD_ALIGN_PARAGRAPH.CENTER, keep_next=True)
    title.paragraph_format.space_after = Pt(LINE_PITCH / 20)
    # off the line grid: a 22 pt line snapped to it would take two grid lines
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    title.element.get_or_add_pPr().insert_element_before(snap, "w:spacing")
    _style(doc, "Subtitle", "kai", BODY_PT, align=WD_ALIGN_PARAGRAPH.CENTER, keep_next=True)
    for level, font in HEADINGS.values():
        _style(doc, f"Heading {level}", font, BODY_PT, indent=2, outline=level - 1, keep_next=True)
    _style(doc, NOTE_STYLE, "body", NOTE_PT, line=Pt(NOTE_PT * 1.5))
    _style(doc, "Footer", "page_no", PAGE_NO_PT)
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(doc, section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(doc, section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)
    _font_table(doc)
    core = doc.core_properties
    core.author = core.last_modified_by = ""
    core.comments = "范文参考库"
    core.revision = 1
    for el in core._element.findall(qn("dcterms:created")) + core._element.findall(qn("dcterms:modified")):
        core._element.remove(el)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


_BASE: list[bytes] = []


def base_document() -> bytes:
    """The empty document with the styles, page and footers set up (made once a process)."""
    if not _BASE:
        _BASE.append(_fixed_zip(_base_document()))
    return _BASE[0]


def _xml_text(s: str) -> str:
    return _XML_UNSAFE.sub("", s)


class _Writer:
    """Fills one open copy of the base document with a report at a time and writes the
    package itself: only the main part and the document properties differ between
    reports, and re-reading and re-saving the whole template per report took ten times
    as long (22 ms a report against 2 ms)."""

    def __init__(self) -> None:
        base = zipfile.ZipFile(io.BytesIO(base_document()))
        self.members = [(info.filename, base.read(info.filename)) for info in base.infolist()]
        self.doc = Document(io.BytesIO(base_document()))
        self.styles = {name: self.doc.styles[name].style_id
                       for name in ("Title", "Subtitle", NOTE_STYLE, *(f"Heading {lv}" for lv, _f in HEADINGS.values()))}
        self.core_part = next(p for p in self.doc.part.package.iter_parts() if str(p.partname) == "/docProps/core.xml")
        self.distribution = rules.structure()["distribution_start"]

    def add(self, text: str, style: str | None = None):
        par = self.doc.add_paragraph(_xml_text(text))
        if style:
            par._p.get_or_add_pPr().style = self.styles[style]
        return par

    def docx(self, rep: WordReport) -> bytes:
        body = self.doc.element.body
        for p in list(body.iterchildren(qn("w:p"))):
            body.remove(p)
        self.doc.core_properties.title = _xml_text(rep.title)
        self.add(rep.title, "Title")
        for line in (rep.subtitle, rep.byline):
            if line:
                self.add(line, "Subtitle")
        for level, text in rep.body:
            self.add(text, f"Heading {HEADINGS[level][0]}" if level else None)
        self._closing(rep.closing)
        for i, (label, text) in enumerate(rep.notes):
            par = self.add(f"注：{label}。{text}" if i == 0 else f"{label}。{text}", NOTE_STYLE)
            if i == 0:
                par.paragraph_format.space_before = Pt(LINE_PITCH / 20)
        changed = {"word/document.xml": self.doc.part.blob, "docProps/core.xml": self.core_part.blob}
        return _zip([(name, changed.get(name, data)) for name, data in self.members])

    def _closing(self, lines: list[str]) -> None:
        """落款 and 日期 right-aligned, four characters in (成文日期右空四字); a
        distribution block (抄送/分送 …) on the left, as official documents print it."""
        distribution = False
        for i, line in enumerate(lines):
            par = self.add(line)
            distribution = distribution or bool(self.distribution.match(line))
            if distribution:
                _indent(par, first_line=0)
                continue
            par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            par.paragraph_format.keep_with_next = i < len(lines) - 1
            _indent(par, first_line=0, right=4)


_WRITER: list[_Writer] = []


def build_docx(rep: WordReport) -> bytes:
    """The report's Word file, as bytes (the same report always gives the same bytes)."""
    if not _WRITER:
        _WRITER.append(_Writer())
    return _WRITER[0].docx(rep)


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    """A zip of the members, every member's time set to one fixed date (byte-identical re-runs)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, data)
    return out.getvalue()


def _fixed_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    return _zip([(info.filename, src.read(info.filename)) for info in src.infolist()])


def docx_from_markdown(markdown: str) -> bytes:
    return build_docx(read_markdown(markdown))


def download_name(title: str) -> str:
    """The file name the browser saves the Word file under: the title, minus the
    characters Windows forbids in file names.

    >>> download_name('关于“两学一做”的汇报/总结: 2016?'), download_name('')
    ('关于“两学一做”的汇报 总结 2016.docx', '范文.docx')
    """
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title).strip(" .")
    name = re.sub(r"\s+", " ", name)[:80].strip() or "范文"
    return name + ".docx"


# --- the Word step of the site build ----------------------------------------------------

def generator_version() -> str:
    """What a cached Word file depends on besides the report: this module, python-docx
    and the distribution-block rule."""
    import docx

    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(getattr(docx, "__version__", "").encode())
    h.update(rules.structure()["distribution_start"].pattern.encode("utf-8"))
    return h.hexdigest()


def place(source: Path, target: Path) -> None:
    """Put a file at target with source's bytes: a hard link (nothing copied: the site and the
    cache share the file, and neither is ever written in place), or a copy where the two are on
    different file systems or links are not allowed."""
    try:
        target.unlink(missing_ok=True)
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def export(reports: list[tuple[str, Path]], out_dir: Path, cache_dir: Path | None,
           aliases: dict[str, str] | None = None) -> dict:
    """Write ``out_dir/<slug>.docx`` for every (slug, Markdown page) pair, and a copy under
    every old name of a renamed report (``aliases``: old slug -> slug), so that a Word link
    shared before a rename still works.

    A report's Word file is made only when no earlier build made it from the same
    Markdown with the same generator (``cache_dir``, keyed by both, like the cleanup's
    cache); cached files no report uses any more are removed. Returns the figures."""
    version = generator_version().encode()
    figures = {"reports": 0, "made": 0, "cached": 0, "bytes": 0}
    used: set[str] = set()
    out_dir.mkdir(parents=True, exist_ok=True)
    for slug, md_path in reports:
        markdown = md_path.read_bytes()
        key = hashlib.sha256(version + markdown).hexdigest()
        target = out_dir / f"{slug}.docx"
        cached = cache_dir / key[:2] / f"{key}.docx" if cache_dir else None
        if cached is not None and cached.exists():
            place(cached, target)
            figures["cached"] += 1
        else:
            data = docx_from_markdown(markdown.decode("utf-8"))
            if cached is not None:
                write_atomic(cached, data)
                place(cached, target)
            else:
                target.unlink(missing_ok=True)  # (it may be a link to a cached file: never written through)
                target.write_bytes(data)
            figures["made"] += 1
        used.add(key)
        figures["reports"] += 1
        figures["bytes"] += target.stat().st_size
    made = {slug for slug, _md in reports}
    for old, new in sorted((aliases or {}).items()):
        if new in made and old not in made:
            place(out_dir / f"{new}.docx", out_dir / f"{old}.docx")
    if cache_dir is not None and cache_dir.exists():
        for old in cache_dir.glob("*/*.docx"):
            if old.stem not in used:
                old.unlink()
    return figures
