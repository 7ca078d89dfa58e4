"""The data that flows through the pipeline: pages, lines, reports, removals."""
from __future__ import annotations

from dataclasses import dataclass, field

from .text import cjk_count


@dataclass
class Line:
    """One line of text with the raw line number it came from.

    ``kind`` is "p" (paragraph) or "h" (heading, with ``level`` 2-5). ``indent`` is
    True for a line of plain text that the page indented (a paragraph's first line).
    """

    text: str
    no: int
    kind: str = "p"
    level: int = 0
    indent: bool = False


@dataclass(frozen=True)
class Removal:
    """Text a named rule took out of the body, and where it came from."""

    rule: str
    text: str
    line: int = 0

    def as_dict(self) -> dict:
        return {"rule": self.rule, "line": self.line, "text": self.text}


@dataclass
class Page:
    """One raw file, decoded, with its lines and what was learned about it."""

    source: str
    text: str
    encoding: str
    is_html: bool
    lines: list[Line] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)  # page anomalies: count_mismatch
    # facts read off the page's chrome: announced report count, its label,
    # whether a paywall cut the text off
    announced: int = 0
    announced_label: str = ""
    paywalled: bool = False
    paywall_lines: list[int] = field(default_factory=list)  # last line before each paywall
    dateline_lines: set[int] = field(default_factory=set)  # lines a news dateline was cut from ("新华社北京9月3日电")
    # raw lines with an empty line above them, when the page's empty lines part its paragraphs
    # (not when it puts one between every pair of lines, as text copied from a PDF may)
    blank_before: set[int] = field(default_factory=set)
    title: str = ""
    html_title: str = ""  # the HTML page's <title> as written
    intro_title: str = ""  # what the site editor's intro says the page brings
    crumb_title: str = ""  # the breadcrumb's last step, when it names a text ("> 居委述职报告")
    crumb_headline: str = ""  # the breadcrumb's last step, when it is long enough to be a news headline
    stamped_heading: int = -1  # the line right above the site's first publish stamp: the article's heading
    repairs: list[tuple[str, str, int]] = field(default_factory=list)  # mojibake (raw, fixed, line)
    garbled_runs: list[tuple[str, int]] = field(default_factory=list)  # mojibake left as it was
    garbled_lines: set[int] = field(default_factory=set)
    learned_chrome: dict[int, str] = field(default_factory=dict)  # line -> its folded text: furniture by line_model
    lexicon: object = None  # text.Lexicon of the cut reports, built on first use
    changed_by: list[str] = field(default_factory=list)
    reports: list["Report"] = field(default_factory=list)


@dataclass
class Report:
    """One report cut out of a page, on its way to a Markdown file."""

    source: str
    part: int
    lines: list[Line]
    listing_title: str = ""
    meta: dict = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    removed: list[Removal] = field(default_factory=list)
    changed_by: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)  # signature / date lines kept at the end
    substitutions: list[tuple[str, str]] = field(default_factory=list)  # (raw, fixed) character repairs
    title_inputs: tuple = ()  # what the title chooser read: (head lines, their numbers, title_choice.Context)

    @property
    def key(self) -> str:
        """Stable identity used by curation and the catalogue: ``file#part``."""
        return f"{self.source}#{self.part}"

    def remove(self, rule: str, text: str, line: int = 0) -> None:
        if text.strip():
            self.removed.append(Removal(rule, text.strip(), line))


def body_chars(rep: Report) -> int:
    """The report's length as readers count it: Chinese characters in its body."""
    return sum(cjk_count(ln.text) for ln in rep.lines)
