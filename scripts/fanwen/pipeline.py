"""The pipeline: an ordered list of named steps, registered in one place.

Page steps work on a whole page, report steps on each report cut out of it.
Any step can be switched off by name (``--disable``), and so can any chrome
rule. For every page and report the pipeline records which steps changed it;
with the removal log that is the proof that nothing was lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from . import chrome, classify, describe, line_model, mojibake, repair, rules, split, structure, title_choice
from .model import Line, Page, Removal, Report, body_chars
from .read import read_page
from .text import Lexicon, cjk_count, fold, to_simplified
from .shapes import is_org_name, is_person_name, numbering


@dataclass(frozen=True)
class Options:
    """What the user switched off (steps or chrome rules, by name)."""

    disabled: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Step:
    name: str
    scope: str  # "page" or "report"
    run: Callable
    why: str


# --- page steps ---------------------------------------------------------


def _repair_gbk_shift(page: Page, opts: Options) -> None:
    text = "\n".join(ln.text for ln in page.lines)
    # the page's lexicon (a count of its character pairs) only when some line may hold a run
    lexicon = mojibake.page_lexicon(text) if mojibake.SHIFT_RUN.search(text) else None
    for ln in page.lines:
        fixed, repairs, garbled = mojibake.repair_gbk_shift(ln.text, lexicon) if lexicon else (ln.text, [], [])
        if repairs:
            ln.text = fixed
            page.repairs.extend((raw, new, ln.no) for raw, new in repairs)
        garbled = garbled + mojibake.pinyin_debris(ln.text) + mojibake.decoding_debris(ln.text)
        if garbled:
            page.garbled_lines.add(ln.no)
            page.garbled_runs.extend((g, ln.no) for g in garbled)


def _undouble_bold(page: Page, opts: Options) -> None:
    for ln in page.lines:
        ln.text, copies = repair.undouble_bold(ln.text)
        page.removed.extend(Removal("bold_doubling", copy, ln.no) for copy in copies)


def _strip_site_chrome(page: Page, opts: Options) -> None:
    chrome.strip_site_chrome(page, opts.disabled)


def _join_document_chunks(page: Page, opts: Options) -> None:
    page.lines, cut = repair.join_document_chunks(page.lines)
    page.removed.extend(Removal("document_chunk_number", number, no) for number, no in cut)
    # a document flattened into long lines runs its title into its first sentence; above
    # it at most a site's short label ("专题文章"), nothing that could be the title
    at = next((i for i, ln in enumerate(page.lines[:3]) if cut or cjk_count(ln.text) >= 60), None)
    if at is not None and all(cjk_count(ln.text) < 6 and not is_person_name(ln.text) for ln in page.lines[:at]):
        first = page.lines[at]
        title, rest = repair.split_glued_title(first.text, page.title)
        # "【…工作总结】一年来，…", "…工作总结：一年来，…": the marks around the title are no words of it
        title = re.sub(r"^[【《\[](?P<t>[^【】《》\[\]]+)[】》\]]$", r"\g<t>", title.strip().rstrip("：:").strip())
        if title:
            page.lines[at:at + 1] = [Line(title, first.no), Line(rest, first.no)]
            extra = first.text[: len(first.text) - len(rest)].strip().replace(title, "", 1)
            if extra.strip(" .…"):
                page.removed.append(Removal("page_title", extra.strip(), first.no))


def _split_reports(page: Page, opts: Options) -> None:
    page.reports = split.split_page(page)
    repaired = {no for _raw, _new, no in page.repairs}
    for rep in page.reports:
        nos = {ln.no for ln in rep.lines} | {r.line for r in rep.removed}
        if nos & repaired:
            rep.flags.add("repaired")
        if nos & page.garbled_lines:
            rep.flags.add("garbled")
        if nos & set(page.paywall_lines):
            rep.flags.add("truncated")
    if page.paywalled and page.reports and not page.paywall_lines:
        page.reports[-1].flags.add("truncated")
    if page.reports and _ends_mid_sentence(page.reports[-1]):
        page.reports[-1].flags.add("truncated")
        page.warnings.append("the text ends in the middle of a sentence")
    if page.announced and page.announced != len(page.reports):
        page.flags.add("count_mismatch")
        page.warnings.append(f"the page announces {page.announced} reports but holds {len(page.reports)}")
        if page.announced > len(page.reports) and page.reports:
            # the page lists more than it shows: it stops early, inside its last report
            page.reports[-1].flags.add("truncated")
        elif not any("truncated" in rep.flags for rep in page.reports):
            # more reports than announced: the cut into reports may be wrong
            for rep in page.reports:
                rep.flags.add("split_unsure")


def _ends_mid_sentence(rep: Report) -> bool:
    """The page stops inside a sentence or on a heading: the report is cut off at the source."""
    return repair.ends_cut_off(rep.lines[-1].text if rep.lines else "")


# --- report steps -------------------------------------------------------


def _map_text(rep: Report, fn: Callable[[str], str]) -> None:
    for ln in rep.lines:
        ln.text = fn(ln.text)
    rep.listing_title = fn(rep.listing_title)


def _convert_traditional(rep: Report, page: Page, opts: Options) -> None:
    text = rep.listing_title + "\n" + "\n".join(ln.text for ln in rep.lines)
    if repair.is_traditional(text):
        _map_text(rep, lambda s: repair.mainland_zhu(to_simplified(s)))
        rep.flags.add("traditional")


def _fix_variant_characters(rep: Report, page: Page, opts: Options) -> None:
    for ln in rep.lines:
        fixed = repair.fix_variant_characters(ln.text)
        if fixed != ln.text:
            rep.substitutions.extend((a, b) for a, b in zip(ln.text, fixed) if a != b)
            ln.text = fixed


def _repair_document_numbers(rep: Report, page: Page, opts: Options) -> None:
    _map_text(rep, repair.repair_document_number_brackets)


def _fullwidth_punctuation(rep: Report, page: Page, opts: Options) -> None:
    _map_text(rep, repair.to_fullwidth_punctuation)


def _drop_repeated_paragraphs(rep: Report, page: Page, opts: Options) -> None:
    seen: set[str] = set()
    kept = []
    for ln in rep.lines:
        # a paragraph of prose, not a heading or a table row a form repeats
        if ln.kind == "p" and "。" in ln.text and cjk_count(ln.text) >= 40 and not numbering(ln.text)[0]:
            key = "".join(ln.text.split())  # both copies went through the same conversions
            if key in seen:
                rep.remove("repeated_paragraph", ln.text, ln.no)
                continue
            seen.add(key)
        kept.append(ln)
    rep.lines = kept


def _join_letter_spacing(rep: Report, page: Page, opts: Options) -> None:
    rep.lines = repair.join_vertical_title(rep.lines)
    _map_text(rep, repair.join_letter_spacing)


def _parse_head(rep: Report, page: Page, opts: Options) -> None:
    heading = page.stamped_heading
    if heading < 0 and page.is_html and page.title and len(page.reports) == 1:
        # the article's heading that the page's <title> repeats ("…深入人心" over its text, its
        # stamp taken off with the page's furniture): the title, however long
        heading = next((ln.no for ln in rep.lines[:4] if fold(ln.text) == fold(page.title)), -1)
    head = rep.lines[: title_choice.MAX_LINES]
    rep.title_inputs = ([ln.text for ln in head], [ln.no for ln in head], title_choice.Context(
        page_title=page.title, listing=rep.listing_title, stamped=heading,
        not_first=rep is not page.reports[0], html=page.is_html))
    before = _HeadState.of(rep)
    _read_head(rep, page, heading)
    if "title_model" not in opts.disabled:
        _second_opinion(rep, page, heading, before)
        _trim_title(rep)
    describe.drop_running_titles(rep)
    describe.lift_credit_line(rep)


def _read_head(rep: Report, page: Page, heading: int) -> None:
    """The head rules, then the names a report with no heading of its own may take."""
    describe.parse_head(rep, heading, _lexicon(page))
    sent = describe.sent_document(rep)
    if sent and fold(sent) != fold(rep.meta["title"]):
        # a notice that sends out a document, then the document: the document's heading names both
        # (the notice's own heading, when it has one, is kept beside it)
        if "untitled" not in rep.flags and not rep.meta.get("listing_title"):
            rep.meta["listing_title"] = rep.meta["title"]
        rep.meta["title"] = sent
        rep.flags.discard("untitled")
    elif "untitled" in rep.flags and page.intro_title and len(page.reports) == 1:
        # no heading of its own: the site editor's intro names it
        rep.meta["title"] = page.intro_title
        rep.flags.discard("untitled")
    elif "untitled" in rep.flags and (named := describe.self_named_title(rep)):
        # no heading, but its first sentence publishes it by name ("现公布…年度报告")
        rep.meta["title"] = named
        rep.flags.discard("untitled")
    elif ("untitled" in rep.flags and rep is page.reports[0] and page.crumb_headline
          and fold(page.crumb_headline) in fold("".join(ln.text for ln in rep.lines[:3])[:300])):
        # no heading printed, only the breadcrumb's last step, and the text's first sentence
        # says the same ("> 新金环集团党委召开…述职会", "2月4日下午，新金环集团党委召开…述职会。"):
        # the site's headline for it
        rep.meta["title"] = page.crumb_headline
        rep.flags.discard("untitled")
    elif "untitled" in rep.flags and rep is page.reports[0] and (page.announced_label or page.crumb_title):
        # the page starts inside a report whose heading it lost ("党支部工作年度总结三篇", page 3):
        # the site's name for what it lists is a better name than the first words; still flagged
        rep.meta["title"] = page.announced_label or page.crumb_title


@dataclass
class _HeadState:
    """What reading the head changes in a report, to go back to."""

    lines: list[Line]
    meta: dict
    flags: set[str]
    removed: list[Removal]
    listing_title: str

    @classmethod
    def of(cls, rep: Report) -> "_HeadState":
        return cls(list(rep.lines), dict(rep.meta), set(rep.flags), list(rep.removed), rep.listing_title)

    def restore(self, rep: Report) -> None:
        rep.lines, rep.meta, rep.flags = list(self.lines), dict(self.meta), set(self.flags)
        rep.removed[:] = self.removed
        rep.listing_title = self.listing_title


def _opens_text(rep: Report, line: Line) -> bool:
    """The line opens the text, and text follows it (a title never takes the whole text)."""
    return len(rep.lines) > 1 and rep.lines[0] is line


def _second_opinion(rep: Report, page: Page, heading: int, before: _HeadState) -> None:
    """Take the title chooser's candidate over the rules' when it is clearly surer
    (``title_choice``). Only whole lines are moved, in the shapes a careful editor would:

    - no title, where the rules took a line as one: that line opens the text (where the
      rules found none, they stand: their shapes of a text's opening are surer);
    - a line above the rules' title (a line they took for the site's heading or column):
      it is the title, and the rules' line opens the text;
    - a line below the rules' title: the rules' line was the page's; the head is read again
      without it, or, when the rules still pass the chooser's line by and it opens the
      text, that line is the title.
    """
    model = rules.title_model()
    if model is None:
        return
    texts, nos, ctx = rep.title_inputs
    rule = None if "untitled" in rep.flags else rep.meta.get("title")
    opinion = title_choice.second_opinion(model, texts, nos, ctx, rule)
    if opinion is None:
        return
    (rule_title, ri), (title, i) = opinion
    if (rule_title is not None and rule_title != texts[ri].strip()) or (title is not None and title != texts[i].strip()):
        return  # a title the rules cut out of a line, or one the chooser would: the rules know how
    rules_line = before.lines[ri] if ri >= 0 else None  # the head lines are the first lines before reading
    in_text = [ln is rules_line for ln in rep.lines]
    if title is None:
        if not any(in_text):
            rep.lines.insert(0, rules_line)
            rep.meta["title"] = describe.untitled_title(rep)
    elif rule_title is None:
        return  # the rules found the text opening with no heading: their shapes for that are surer
    elif i < ri:
        if not any(in_text) and not any(ln is before.lines[i] for ln in rep.lines):
            rep.lines.insert(0, rules_line)
            # the removals of the chooser's line, made while reading this head, are undone
            rep.removed[len(before.removed):] = [r for r in rep.removed[len(before.removed):]
                                                 if not (r.line == nos[i] and r.text == texts[i].strip())]
            rep.meta["title"] = title
            if title_choice.same_title(rep.meta.get("listing_title", ""), title):
                del rep.meta["listing_title"]
    elif i > ri:
        after = _HeadState.of(rep)
        before.restore(rep)
        rep.lines = [ln for ln in rep.lines if ln is not rules_line]
        rep.remove("page_title", texts[ri], nos[ri])
        _read_head(rep, page, heading)
        if "untitled" in rep.flags or not title_choice.same_title(rep.meta.get("title", ""), title):
            after.restore(rep)
            if _opens_text(rep, before.lines[i]):
                rep.lines.pop(0)
                rep.remove("page_title", texts[ri], nos[ri])
                rep.meta["title"] = title


def _trim_title(rep: Report) -> None:
    """The site's words glued onto the title with a space or a mark ("新闻动态 常村煤矿：…",
    "…工作总结 下载本文"), when the title chooser is clearly surer of the title without them."""
    model = rules.title_model()
    title = rep.meta.get("title", "")
    texts, nos, _ctx = rep.title_inputs
    # only a title that stands on one line of the head (not one joined from lines, nor a name
    # taken from elsewhere): what it drops is that line's
    no = next((n for t, n in zip(texts, nos) if title and title in t), None)
    if model is None or "untitled" in rep.flags or no is None:
        return
    cut = title_choice.trimmed(model, title)
    if cut is None:
        return
    rep.meta["title"], dropped = cut
    for piece in dropped:
        rep.remove("title_furniture", piece, no)


def _parse_closing(rep: Report, page: Page, opts: Options) -> None:
    describe.parse_closing(rep)


def _drop_learned_chrome(rep: Report, page: Page, opts: Options) -> None:
    if "learned_chrome" not in opts.disabled:
        line_model.drop_from_report(rep, page, lambda ln: ln.kind == "h" or bool(numbering(ln.text)[0]))


def _split_glued_headings(rep: Report, page: Page, opts: Options) -> None:
    rep.lines = structure.split_glued_headings(rep.lines)


def _rejoin_broken_lines(rep: Report, page: Page, opts: Options) -> None:
    rep.lines = repair.rejoin_broken_lines(rep.lines, page.blank_before)


def _join_orphan_fragments(rep: Report, page: Page, opts: Options) -> None:
    rep.lines = repair.join_orphan_fragments(rep.lines, _lexicon(page))


def _remove_stray_spaces(rep: Report, page: Page, opts: Options) -> None:
    lexicon = _lexicon(page)
    for ln in rep.lines:
        ln.text = repair.remove_stray_spaces(ln.text, lexicon, paragraph=cjk_count(ln.text) >= 30)


def _mark_headings(rep: Report, page: Page, opts: Options) -> None:
    rep.lines = structure.mark_headings(rep.lines)


def _find_org(rep: Report, page: Page, opts: Options) -> None:
    # a byline's position names its unit ("微山县人民法院党组成员、政治部主任") before the body does
    unit = classify.unit_of_position(rep.meta.get("position", ""))
    not_in_names = rules.structure()["not_in_names"]
    # a clause broken onto a line of its own is no name ("这次由中华全国归国华侨联合会")
    org = next((o for o in (rep.meta.get("org"), rep.meta.get("signature"), unit if is_org_name(unit) else "")
                if o and not re.search(not_in_names, o)), "") or describe.find_org_in_body(rep)
    if org:
        rep.meta["org"] = describe.fuller_org(org, rep)


def _classify(rep: Report, page: Page, opts: Options) -> None:
    # a news item opens with its outlet's dateline ("新华社北京9月3日电"), cut as chrome
    dateline = any(ln.no in page.dateline_lines for ln in rep.lines[:3])
    classify.classify(rep, page.announced_label, dateline, use_model="unit_model" not in opts.disabled)


def _lexicon(page: Page) -> Lexicon:
    if page.lexicon is None:
        page.lexicon = Lexicon("\n".join(ln.text for r in page.reports for ln in r.lines))
    return page.lexicon


def default_steps() -> tuple[Step, ...]:
    """Every step, in the order it runs. This is the one place steps are registered."""
    return (
        Step("repair_gbk_shift", "page", _repair_gbk_shift,
             "undo GBK-shift mojibake exactly, before the HTML residue around it is stripped"),
        Step("undouble_bold", "page", _undouble_bold,
             "write once the runs of a heading a PDF drew twice as fake bold (\"局长在局长在…\")"),
        Step("strip_site_chrome", "page", _strip_site_chrome,
             "drop the site's furniture: breadcrumbs, meta lines, paywalls, watermarks (rules/chrome.yaml)"),
        Step("join_document_chunks", "page", _join_document_chunks,
             "join a shared document's page chunks (\"1、…\" \"2、…\" cut in mid-sentence) and cut its title off"),
        Step("split_reports", "page", _split_reports,
             "cut the page into its reports at 第N篇 markers or at unmarked report heads"),
        Step("convert_traditional", "report", _convert_traditional,
             "convert a Traditional-script report to Simplified with OpenCC (著 -> 着 as Mainland text writes it)"),
        Step("fix_variant_characters", "report", _fix_variant_characters,
             "replace characters that encoding conversions left for another (設臵 -> 設置)"),
        Step("repair_document_numbers", "report", _repair_document_numbers,
             "restore the 〔〕 around the year in a document number („202_‟ -> 〔202_〕)"),
        Step("fullwidth_punctuation", "report", _fullwidth_punctuation,
             "turn half-width , : ; ? ! ( ) in Chinese text full-width"),
        Step("join_letter_spacing", "report", _join_letter_spacing,
             "join characters spread out with spaces or one per line (\"实 用 手 册\" -> \"实用手册\")"),
        Step("parse_head", "report", _parse_head,
             "read title, subtitle, organisation, author and date off the head; drop repeats of the title"),
        Step("parse_closing", "report", _parse_closing,
             "read signature, date and distribution block off the end"),
        Step("learned_chrome", "report", _drop_learned_chrome,
             "drop short body lines the learned chrome line model calls site furniture (rules/chrome_model.json)"),
        Step("split_glued_headings", "report", _split_glued_headings,
             "cut headings off the paragraphs they are glued to"),
        Step("rejoin_broken_lines", "report", _rejoin_broken_lines,
             "join lines broken in mid-sentence back into paragraphs"),
        Step("join_orphan_fragments", "report", _join_orphan_fragments,
             "put fragments torn off by a page break back where they belong"),
        Step("drop_repeated_paragraphs", "report", _drop_repeated_paragraphs,
             "drop a paragraph the page printed twice (a lead repeated as a teaser, a whole item twice)"),
        Step("remove_stray_spaces", "report", _remove_stray_spaces,
             "drop spaces inside words and next to Chinese punctuation"),
        Step("mark_headings", "report", _mark_headings,
             "make official-document numbering Markdown headings (一、 ## … （1） #####)"),
        Step("find_org", "report", _find_org,
             "name the organisation from the head, the signature or the opening clause"),
        Step("classify", "report", _classify,
             "choose unit type, genre and topic tags (rules/units.yaml, rules/genres.yaml)"),
    )


def _fingerprint(obj: Page | Report) -> int:
    """A cheap summary of everything a step may change, to record which steps did."""
    lines = tuple((ln.text, ln.kind, ln.level) for ln in obj.lines)
    if isinstance(obj, Report):
        return hash((lines, repr(sorted(obj.meta.items(), key=str)), tuple(sorted(obj.flags)), len(obj.removed)))
    return hash((lines, len(obj.removed), len(obj.reports)))


def run_page(source: str, data: bytes, opts: Options = Options()) -> Page:
    """Raw bytes of one file -> its Page, with ``page.reports`` cleaned and described.

    Raises ``read.ReadError`` for a file that is not a readable page.
    """
    page = read_page(source, data)
    steps = [s for s in default_steps() if s.name not in opts.disabled]
    for step in steps:
        if step.scope != "page":
            continue
        before = _fingerprint(page)
        step.run(page, opts)
        if _fingerprint(page) != before:
            page.changed_by.append(step.name)
    if "split_reports" in opts.disabled:
        page.reports = [Report(source=page.source, part=1, lines=[Line(ln.text, ln.no) for ln in page.lines])]
    for rep in page.reports:
        for step in steps:
            if step.scope != "report":
                continue
            before = _fingerprint(rep)
            step.run(rep, page, opts)
            if _fingerprint(rep) != before:
                rep.changed_by.append(step.name)
        rep.meta.setdefault("title", rep.listing_title or page.title or _first_words(rep))
        rep.meta["chars"] = body_chars(rep)
    return page


def _first_words(rep: Report) -> str:
    for ln in rep.lines:
        if ln.text.strip():
            return ln.text.strip()[:24]
    return rep.key

