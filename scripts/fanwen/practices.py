"""做法库: every practice (做法) the reports describe, and where each report describes it.

Someone who must write a report wants to see which practices other units used (领导点评,
公开承诺, 三会一课 …) and how each of them wrote about it, side by side. The vocabulary is
the curated list in ``rules/practices.yaml`` plus the practices found in the reports
themselves: a term the reports present as a practice ("开展“三会一课”", "“第一议题”制度",
"设立党员先锋岗") in at least two reports from different raw pages, less the words that are
never practices (campaigns, slogans, plans, holidays). Editors add, rename, merge and hide
practices in ``raw/curation.yaml``. A report mentions a practice when its text holds the
name or one of its variants; the passage shown is the sentence that holds it, linked to
its section of the report with the phrase highlighted.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from . import rules
from .text import pinyin_slug
from .write import markdown_lines, text_key, write_atomic

PASSAGE_MAX = 200  # characters of a passage
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")


@dataclass
class Mention:
    """Where one report describes a practice."""

    report: str  # the report's slug
    section: int  # position of the heading whose section holds the passage (-1: before the first)
    passage: str  # the sentence (or a window of it), at most PASSAGE_MAX characters
    phrase: str  # the name or variant as the passage holds it


@dataclass
class Practice:
    name: str
    slug: str
    variants: tuple[str, ...] = ()
    found: bool = False  # found in the reports, not only in the curated list
    mentions: list[Mention] = field(default_factory=list)

    @property
    def phrases(self) -> tuple[str, ...]:
        return (self.name, *self.variants)


# --- a report's lines, with the section each belongs to -------------------------------

def sectioned_lines(markdown: str) -> list[tuple[int, str]]:
    """(section, text) for every line of a report's Markdown page: the section is the
    position of its heading among the page's headings (the title is 0), or -1 for the lines
    before the first section heading. The site turns it into the heading's id once MkDocs
    has made the ids (``section_ids``), so the link is the page's own anchor.

    >>> sectioned_lines("# 标题\\n\\n开头。\\n\\n## 一、做法\\n\\n正文。\\n\\n### （一）细节\\n\\n再说。")
    [(-1, '标题'), (-1, '开头。'), (1, '一、做法'), (1, '正文。'), (2, '（一）细节'), (2, '再说。')]
    """
    headings, section, out = 0, -1, []
    for level, text in markdown_lines(markdown):
        if level:
            if level > 1:
                section = headings
            headings += 1
        out.append((section, text))
    return out


def section_ids(toc) -> list[str]:
    """The ids of a rendered page's headings in page order (MkDocs' ``page.toc``)."""
    out: list[str] = []
    for item in toc:
        out.append(item.id)
        out.extend(section_ids(item.children))
    return out


# --- the vocabulary -------------------------------------------------------------------

def discover(reports: Iterable[tuple[str, str]], memo: Memo | None = None) -> dict[str, set[str]]:
    """Terms the reports present as practices -> the raw pages that do so, for the terms
    that at least ``min_pages`` pages present (each report is (raw page, text)).

    >>> found = discover([("a.txt", "坚持开展“三会一课”活动，设立党员先锋岗。"),
    ...                   ("b.html", "落实“三会一课”制度；落实“十四五”规划，设立党员先锋岗。")])
    >>> [(term, sorted(pages)) for term, pages in sorted(found.items())]
    [('三会一课', ['a.txt', 'b.html']), ('党员先锋岗', ['a.txt', 'b.html'])]
    """
    cfg = rules.practices()
    memo = memo or Memo()
    pages: dict[str, set[str]] = defaultdict(set)
    for page, text in reports:
        for term in memo.terms(text):
            pages[term].add(page)
    return {t: p for t, p in pages.items() if len(p) >= cfg["discovery"]["min_pages"] and not hidden(t)}


def presented(text: str) -> list[str]:
    """The terms one text presents as practices (quoted, or named with a practice's suffix)."""
    cfg = rules.practices()
    out = [m.group(1) or m.group(2) for m in cfg["quoted_re"].finditer(text)]
    out += [m.group(1) for m in cfg["suffix_re"].finditer(text)]
    return sorted(set(out))


class Memo:
    """What the 做法库 works out from one report's text, kept across builds in a file
    (``.cache/practices.json``), keyed by the text's hash: the terms it presents as practices,
    and which phrases of the vocabulary it holds. Phrases the vocabulary gains are looked for
    in every text once; entries this build did not use are not written back."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.asked: set[str] = set()  # the phrases every stored entry was checked against
        self.entries: dict[str, dict] = {}  # text key -> {"terms": [...], "held": [...]}
        self.used: dict[str, dict] = {}
        self.version = rules.rules_version()
        if path is not None and path.exists():
            try:
                stored = json.loads(path.read_text(encoding="utf-8"))
                if stored.get("version") == self.version:
                    self.asked, self.entries = set(stored["asked"]), stored["texts"]
            except (OSError, ValueError, KeyError, TypeError):
                pass
        self._phrases: tuple[str, ...] | None = None

    def _entry(self, text: str) -> dict:
        key = text_key(text)
        entry = self.used.get(key)
        if entry is None:
            entry = self.entries.get(key)
            if not isinstance(entry, dict) or not isinstance(entry.get("terms"), list) \
                    or not isinstance(entry.get("held"), list):
                entry = {"terms": presented(text), "held": None}
            self.used[key] = entry
        return entry

    def terms(self, text: str) -> list[str]:
        return self._entry(text)["terms"]

    def held(self, text: str, phrases: tuple[str, ...]) -> set[str]:
        """Which of ``phrases`` (the whole vocabulary's names and variants) the text holds."""
        if self._phrases != phrases:  # phrases the stored entries were not checked against
            self._phrases, self._new = phrases, [ph for ph in phrases if ph not in self.asked]
            self._known = set(phrases) - set(self._new)
        entry = self._entry(text)
        if entry["held"] is None:  # a text not met before: every phrase
            entry["held"] = sorted(ph for ph in phrases if ph in text)
        else:
            entry["held"] = sorted({ph for ph in entry["held"] if ph in self._known}
                                   | {ph for ph in self._new if ph in text})
        return set(entry["held"])

    def save(self) -> None:
        if self.path is None:
            return
        data = {"version": self.version, "asked": sorted(self._phrases or ()),
                "texts": {k: v for k, v in sorted(self.used.items()) if v["held"] is not None}}
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def hidden(term: str) -> bool:
    """Words that are never practices (rules/practices.yaml ``hide``).

    >>> hidden("十四五"), hidden("七一"), hidden("创先争优"), hidden("三会一课")
    (True, True, True, False)
    """
    cfg = rules.practices()
    return term in cfg["hide_words"] or bool(cfg["hide_re"].search(term))


def vocabulary(found: dict[str, set[str]], edits: dict | None = None) -> list[Practice]:
    """The curated practices, those found in the reports, and the editor's changes
    (``edits``: add, rename, merge, hide, from raw/curation.yaml) -> the practices."""
    edits = edits or {}
    by_name: dict[str, Practice] = {}
    owner: dict[str, str] = {}  # phrase -> practice name
    for entry in rules.practices()["practices"]:
        name = entry["name"]
        by_name[name] = Practice(name, "", tuple(entry.get("variants", ())))
        for p in (name, *by_name[name].variants):
            owner[p] = name
    for term in sorted(found):
        if term in owner:
            by_name[owner[term]].found = True
        else:
            by_name[term] = Practice(term, "", (), found=True)
            owner[term] = term
    for entry in edits.get("add", []):
        name = entry["name"]
        if name not in by_name:
            by_name[name] = Practice(name, "", ())
        by_name[name].variants = tuple(dict.fromkeys((*by_name[name].variants, *entry.get("variants", ()))))
    for old, new in edits.get("rename", {}).items():
        if old in by_name:
            p = by_name.pop(old)
            p.variants = tuple(v for v in dict.fromkeys((*p.variants, old)) if v != new)
            p.name = new
            by_name[new] = p
    for into, merged in edits.get("merge", {}).items():
        target = by_name.setdefault(into, Practice(into, "", ()))
        for name in merged:
            p = by_name.pop(name, None)
            extra = p.phrases if p else (name,)
            target.variants = tuple(v for v in dict.fromkeys((*target.variants, *extra)) if v != into)
            target.found = target.found or bool(p and p.found)
    for name in edits.get("hide", []):
        by_name.pop(name, None)
    practices = [by_name[n] for n in sorted(by_name)]
    _set_slugs(practices)
    return practices


def _set_slugs(practices: list[Practice]) -> None:
    """A stable ASCII URL name per practice: its pinyin; practices whose pinyin is the same
    also carry a tag made from their own name, so that each keeps its URL."""
    base = {p.name: pinyin_slug(p.name, limit=12) or "zuo-fa" for p in practices}
    clash = {s for s in base.values() if list(base.values()).count(s) > 1}
    for p in practices:
        s = base[p.name]
        p.slug = f"{s}-{hashlib.sha1(p.name.encode('utf-8')).hexdigest()[:4]}" if s in clash else s


# --- where the reports describe them ----------------------------------------------------

def passage(text: str, phrase: str) -> str:
    """The sentence of ``text`` that holds ``phrase``; a window of PASSAGE_MAX characters
    around the phrase when the sentence is longer.

    >>> passage("第一句。开展领导点评，效果好。第三句。", "领导点评")
    '开展领导点评，效果好。'
    >>> p = passage("很" * 300 + "领导点评" + "好" * 300, "领导点评")
    >>> len(p), p[0], p[-1], "领导点评" in p
    (200, '…', '…', True)
    """
    at = text.find(phrase)
    start = 0
    for part in _SENTENCE_END.split(text):
        if start <= at < start + len(part):
            sentence, offset = part.strip(), at - start - (len(part) - len(part.lstrip()))
            break
        start += len(part)
    else:  # pragma: no cover - the phrase is in the text
        sentence, offset = text, at
    if len(sentence) <= PASSAGE_MAX:
        return sentence
    room = PASSAGE_MAX - 2  # an ellipsis at each end that is cut
    left = max(0, min(offset - (room - len(phrase)) // 2, len(sentence) - room))
    return ("…" if left else "") + sentence[left: left + room] + ("…" if left + room < len(sentence) else "")


def find_mentions(practices: list[Practice], reports: dict[str, list[tuple[int, str]]],
                  memo: Memo | None = None) -> None:
    """Fill each practice's mentions: every report (slug -> its sectioned lines) whose text
    holds one of its phrases, with the first line of the text (the title only when no other
    line) that holds the name (else a variant)."""
    memo = memo or Memo()
    owners: dict[str, list[int]] = defaultdict(list)  # phrase -> the practices that have it
    for i, p in enumerate(practices):
        for ph in p.phrases:
            owners[ph].append(i)
    phrases = tuple(sorted(owners))
    for slug in sorted(reports):
        lines = reports[slug]
        have = memo.held("\n".join(t for _a, t in lines), phrases)
        for i in sorted({i for ph in have for i in owners[ph]}):
            p = practices[i]
            phrase = next(ph for ph in p.phrases if ph in have)
            section, line = next((a, t) for a, t in [*lines[1:], *lines[:1]] if phrase in t)
            p.mentions.append(Mention(slug, section, passage(line, phrase), phrase))


def for_site(reports: list[dict], sectioned: dict[str, list[tuple[int, str]]], edits: dict,
             memo: Memo | None = None) -> list[Practice]:
    """The practices of a build with every report that mentions them (catalogue entries,
    slug -> sectioned lines, the editor's changes); practices no report mentions are left out.
    ``memo`` keeps what was worked out from each text across builds."""
    memo = memo or Memo()
    found = discover(((r["source"], "\n".join(t for _s, t in sectioned[r["slug"]])) for r in reports), memo)
    vocab = vocabulary(found, edits)
    find_mentions(vocab, sectioned, memo)
    return [p for p in vocab if p.mentions]


def report_practices(practices: list[Practice]) -> dict[str, list[Practice]]:
    """slug of a report -> the practices it mentions, most used first."""
    out: dict[str, list[Practice]] = defaultdict(list)
    for p in sorted(practices, key=lambda p: (-len(p.mentions), p.slug)):
        for m in p.mentions:
            out[m.report].append(p)
    return out
