"""The Word files (issue 10): every report page links its .docx, laid out after GB/T 9704—2012,
holding the report's text and nothing else; LibreOffice prints it to A4 with the same text;
a reader clicks 下载 Word and gets it; the page prints in the same layout from Chromium."""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from hypothesis import given, settings
from hypothesis import strategies as st

from fanwen import word
from fanwen.write import markdown_text

HEADING = re.compile(r"^(#{2,5}) ")


def reports(seeds_out: Path) -> list[dict]:
    return json.loads((seeds_out / "catalogue.json").read_text(encoding="utf-8"))["reports"]


def open_docx(path: Path):
    return Document(str(path))


def east_asian(rpr_holder) -> str:
    fonts = rpr_holder.find(qn("w:rPr")).find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia"))


def body_paragraphs(doc) -> list:
    return [p for p in doc.paragraphs if p.style.name != word.NOTE_STYLE]


@pytest.fixture(scope="module")
def seed_docs(seeds_site, seeds_out) -> list[tuple[dict, str, object]]:
    """(catalogue entry, Markdown page, the .docx its page links) for every seed report."""
    out = []
    for r in reports(seeds_out):
        html = (seeds_site / "reports" / r["slug"] / "index.html").read_text(encoding="utf-8")
        link = BeautifulSoup(html, "html.parser").select_one("a[data-fanwen-word]")
        assert link is not None and link.get_text(strip=True) == "下载 Word", r["slug"]
        assert link["download"] == word.download_name(r["title"])
        target = (seeds_site / "reports" / r["slug"] / link["href"]).resolve()
        assert target == (seeds_site / "reports" / f"{r['slug']}.docx").resolve() and target.is_file(), link["href"]
        out.append((r, (seeds_out / r["path"]).read_text(encoding="utf-8"), open_docx(target)))
    return out


def test_every_report_page_links_a_word_file_in_official_layout(seed_docs) -> None:
    assert len(seed_docs) == 21
    for r, _md, doc in seed_docs:
        (section,) = doc.sections
        def mm(*lengths):  # Word stores twips: 210 mm is 11906 twips, 210.003 mm
            return tuple(round(x.mm, 1) for x in lengths)
        assert mm(section.page_width, section.page_height) == (210, 297), r["slug"]
        assert mm(section.top_margin, section.bottom_margin, section.left_margin, section.right_margin) == (37, 35, 28, 26)
        grid = section._sectPr.find(qn("w:docGrid"))
        assert grid.get(qn("w:linePitch")) == "579"  # 225 mm / 22 lines
        styles = doc.styles
        for name, font, size in [("Normal", "仿宋", 16), ("Title", "方正小标宋简体", 22), ("Subtitle", "楷体", 16),
                                 ("Heading 1", "黑体", 16), ("Heading 2", "楷体", 16), ("Heading 3", "仿宋", 16),
                                 ("Heading 4", "仿宋", 16), (word.NOTE_STYLE, "仿宋", 14)]:
            style = styles[name]
            assert east_asian(style.element) == font, name
            assert style.font.size == Pt(size), name
            assert not style.font.bold
        assert styles["Title"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert styles["Normal"].paragraph_format.first_line_indent == Pt(32)
        assert styles["Normal"].paragraph_format.line_spacing == Pt(28.95)
        for level in range(1, 5):
            outline = styles[f"Heading {level}"].element.pPr.find(qn("w:outlineLvl"))
            assert outline.get(qn("w:val")) == str(level - 1)
        assert doc.settings.odd_and_even_pages_header_footer
        for footer, side in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
            xml = footer._element.xml
            assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", xml), r["slug"]
            (par,) = footer.paragraphs
            assert par.alignment == side and par.text.startswith("— ") and par.text.endswith(" —")
            assert {east_asian(run._r) for run in par.runs} == {"宋体"}
            assert {run.font.size for run in par.runs} == {Pt(14)}


def test_word_paragraphs_are_the_reports_paragraphs(seed_docs) -> None:
    """All of the text and nothing else: one paragraph per line of the page, in order; one
    heading-styled paragraph per Markdown heading at the matching level; notes at the end."""
    headings_seen = 0
    for r, md, doc in seed_docs:
        assert [p.text for p in body_paragraphs(doc)] == markdown_text(md), r["slug"]
        body = md.split("\n---\n", 1)[1]
        want = [(len(m.group(1)) - 1, line[m.end():]) for line in body.split("\n") if (m := HEADING.match(line))]
        got = [(int(p.style.name.split()[-1]), p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
        assert [lv for lv, _t in got] == [lv for lv, _t in want], r["slug"]
        assert [t for _lv, t in got] == [markdown_text(t)[0] for _lv, t in want]
        headings_seen += len(got)
        assert doc.paragraphs[0].style.name == "Title" and doc.paragraphs[0].text == r["title"]
        assert doc.core_properties.title == r["title"]
        notes = [p for p in doc.paragraphs if p.style.name == word.NOTE_STYLE]
        styles = [p.style.name for p in doc.paragraphs]
        assert styles[len(styles) - len(notes):] == [word.NOTE_STYLE] * len(notes)  # only at the end
        labels = [word.NOTES_SHOWN[f] for f in r["flags"] if f in word.NOTES_SHOWN]
        labels += ["编者按"] if "!!! note \"编者按\"" in md else []
        assert sorted(label for label in labels if any(label in p.text for p in notes)) == sorted(labels), r["slug"]
        assert len(notes) == len(labels)
    assert headings_seen > 40


def test_closing_block_is_right_aligned_four_characters_in(seed_docs) -> None:
    closings = 0
    for r, md, doc in seed_docs:
        closing = word.read_markdown(md).closing
        if not closing:
            continue
        pars = body_paragraphs(doc)[-len(closing):]
        assert [p.text for p in pars] == closing
        for p in pars:
            assert p.alignment == WD_ALIGN_PARAGRAPH.RIGHT and p.paragraph_format.right_indent == Pt(64)
        closings += 1
    assert closings >= 4


def test_the_same_report_gives_the_same_bytes_and_the_cache_is_used(seeds_out, tmp_path) -> None:
    items = [(r["slug"], seeds_out / r["path"]) for r in reports(seeds_out)]
    cache = tmp_path / "cache"
    first = word.export(items, tmp_path / "a", cache)
    assert (first["made"], first["cached"]) == (21, 0)
    again = word.export(items, tmp_path / "b", cache)
    assert (again["made"], again["cached"]) == (0, 21)
    for slug, _ in items:
        assert (tmp_path / "a" / f"{slug}.docx").read_bytes() == (tmp_path / "b" / f"{slug}.docx").read_bytes()
    # one report changes: only its Word file is made again, and the old one leaves the cache
    changed = tmp_path / "changed.md"
    changed.write_text(items[0][1].read_text(encoding="utf-8") + "\n补充的一段话。\n", encoding="utf-8")
    third = word.export([(items[0][0], changed), *items[1:]], tmp_path / "c", cache)
    assert (third["made"], third["cached"]) == (1, 20)
    assert len(list(cache.glob("*/*.docx"))) == 21
    assert "补充的一段话。" in [p.text for p in open_docx(tmp_path / "c" / f"{items[0][0]}.docx").paragraphs]
    # built again into the same folder (a build that does not clean site/ first): the site's
    # files may share their bytes with the cache, so a report made anew must not write through them
    word.export([(items[0][0], changed), *items[1:]], tmp_path / "c", cache)  # all from the cache
    before = {p: p.read_bytes() for p in cache.glob("*/*.docx")}
    back = word.export([*items, ("copy", changed)], tmp_path / "c", cache)
    assert (back["made"], back["cached"]) == (1, 21)
    for p, data in before.items():
        assert p.read_bytes() == data
    assert "补充的一段话。" in [q.text for q in open_docx(tmp_path / "c" / "copy.docx").paragraphs]
    for slug, _ in items:
        assert (tmp_path / "a" / f"{slug}.docx").read_bytes() == (tmp_path / "c" / f"{slug}.docx").read_bytes()


# one line of a report, as the cleanup writes it (no line breaks; control characters may be left)
LINE = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), min_size=1,
               max_size=40).map(str.strip).filter(bool)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=6), LINE)
def test_any_text_stays_literal_in_the_word_file(lines, title) -> None:
    """Markup, entities, XML and field syntax in a report stay text; only characters XML
    cannot hold at all (control characters) are left out."""
    from fanwen.write import escape_md

    md = f"---\ntitle: x\n---\n\n# {escape_md(title)}\n\n" + "".join(f"{escape_md(t)}\n\n" for t in lines)
    doc = Document(io.BytesIO(word.docx_from_markdown(md)))
    clean = [word._xml_text(t) for t in markdown_text(md)]
    assert [p.text for p in doc.paragraphs] == clean
    assert "fldChar" not in doc.element.xml and "hyperlink" not in doc.element.xml


# --- LibreOffice: the Word file printed to PDF ------------------------------------------

def _need(tool: str) -> None:
    if shutil.which(tool):
        return
    if os.environ.get("CI"):
        pytest.fail(f"{tool} is missing in CI: `make test` installs libreoffice-writer-nogui and poppler-utils")
    pytest.skip(f"{tool} not installed: sudo apt-get install libreoffice-writer-nogui poppler-utils")


def squeeze(s: str) -> str:
    return re.sub(r"\s+", "", s)


CLOSING_MARKS = "，。、；：？！”’）》」』"


def width(s: str) -> float:
    return sum(1 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in s)


def longest(seed_docs):
    return max(seed_docs, key=lambda t: len(t[1]))


def test_libreoffice_prints_the_word_file_on_a4_with_the_reports_text(seed_docs, seeds_site, tmp_path) -> None:
    _need("soffice")
    _need("pdftotext")
    r, md, _doc = longest(seed_docs)
    src = tmp_path / f"{r['slug']}.docx"
    shutil.copyfile(seeds_site / "reports" / f"{r['slug']}.docx", src)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(src)], check=True, capture_output=True, timeout=180)
    pdf = src.with_suffix(".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 2
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    per_page = text.split("\f")
    for n, page in enumerate(per_page[:pages], 1):
        assert re.search(rf"—\s*{n}\s*—", page), f"page {n} has no page number"
        if n == pages:
            continue  # the last page may hold the notes, in a smaller size
        lines = [ln for ln in page.splitlines() if ln.strip() and not re.fullmatch(r"\s*—\s*\d+\s*—\s*", ln)]
        assert len(lines) <= 22, f"page {n}: {len(lines)} lines"
        # 28 characters a line (half-width digits and letters count half; punctuation may hang past the edge)
        assert max(width(squeeze(ln).rstrip(CLOSING_MARKS)) for ln in lines) <= 28
    printed = re.sub(r"—\s*\d+\s*—", "", squeeze(text))
    assert printed == squeeze("".join(markdown_text(md))) + squeeze("".join(
        p.text for p in _doc.paragraphs if p.style.name == word.NOTE_STYLE))


# --- the browser: download, and print ---------------------------------------------------

@pytest.mark.browser
def test_download_word_button_gives_the_file(browser, site_url, seeds_out, tmp_path) -> None:
    r = max(reports(seeds_out), key=lambda r: r["chars"])
    page = browser.new_page(accept_downloads=True)
    page.goto(f"{site_url}reports/{r['slug']}/")
    with page.expect_download() as info:
        page.get_by_text("下载 Word").click()
    download = info.value
    assert download.failure() is None
    assert download.suggested_filename == word.download_name(r["title"])
    saved = tmp_path / "saved.docx"
    download.save_as(saved)
    doc = open_docx(saved)
    assert [p.text for p in body_paragraphs(doc)] == markdown_text((seeds_out / r["path"]).read_text(encoding="utf-8"))
    page.close()


@pytest.mark.browser
def test_report_prints_in_official_layout(browser, site_url, seed_docs, tmp_path) -> None:
    """Chromium's PDF of a report page: A4, the text inside the 37/26/35/28 mm margins, page
    numbers below it, no navigation or buttons, no heading alone at the foot of a page."""
    _need("pdftotext")
    r, md, _doc = max(seed_docs, key=lambda t: len(t[1]) if "\n## " in t[1] else 0)
    page = browser.new_page()
    page.goto(f"{site_url}reports/{r['slug']}/")
    pdf = tmp_path / "print.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    page.close()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)", info), info
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for chrome in ("范文参考库", "复制全文", "复制链接", "下载 Word", "相关范文", "单位类型", "搜索", "使用说明"):
        assert chrome not in text, chrome
    assert squeeze("".join(markdown_text(md))) in re.sub(r"—\s*\d+\s*—", "", squeeze(text))
    # every word inside the text block, or the page number under it (by the middle of its box:
    # Chromium gives each word the font's whole height, more than the glyphs take)
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    mm = 72 / 25.4
    left, right, top, bottom = 28 * mm, (210 - 26) * mm, 37 * mm, (297 - 35) * mm
    pages = re.findall(r"<page [^>]*>(.*?)</page>", bbox, re.S)
    assert len(pages) >= 2
    headings = {squeeze(markdown_text(line)[0]) for line in md.split("\n") if HEADING.match(line)}
    for n, body in enumerate(pages, 1):
        words = [(float(a), (float(b) + float(d)) / 2, float(c), w) for a, b, c, d, w in
                 re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', body)]
        text_words = [w for w in words if w[1] <= bottom]
        number = [w for w in words if w[1] > bottom]
        assert text_words and number and "".join(w[3] for w in number).strip("— ") == str(n), n
        assert min(w[0] for w in text_words) >= left - 2
        for w in text_words:  # past the right margin only a closing mark may hang, one character wide
            assert w[2] <= right + 2 or (w[3][-1] in CLOSING_MARKS and w[2] <= right + 17), w
        assert min(w[1] for w in text_words) >= top
        side = number[0][0] > 297 if n % 2 else number[-1][2] < 297  # odd pages right, even left
        assert side, f"page {n}: page number not on the outer side"
        # the last line of a page (not the last page) is not a heading
        if n < len(pages):
            last_y = max(w[1] for w in text_words)
            last_line = squeeze("".join(w[3] for w in text_words if abs(w[1] - last_y) < 3))
            assert last_line not in headings, f"page {n} ends with the heading {last_line}"
