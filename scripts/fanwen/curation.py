"""Curation: an editor's choices, kept in ``raw/curation.yaml``, applied on every run.

Generated pages are never edited by hand. An editor fixes a title, unit type,
genre or date, marks a model report (推荐), hides a report or redacts a phrase
(these reports name private people), and the next run applies it again.
Reports are named by their raw file and position: ``"000_….txt#2"``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import rules
from .model import Report, body_chars

FILE_NAME = "curation.yaml"
REDACTED = "××"
STRING_FIELDS = ("title", "subtitle", "org", "author", "date", "unit_type", "genre", "note")
FLAG_FIELDS = ("recommended", "hidden")
_DATE = re.compile(r"^(?:\d{4}|-)-\d{2}-\d{2}$")

EXAMPLE = """\
# 范文参考库 — curation (编辑加工)
# Editorial choices applied on every run of the cleanup. Name a report by its raw
# file and its position on the page ("file#part", as in the removal log).
#
# reports:
#   "000_50ee0fb81cba185b.txt#1":
#     title: 党员领导干部点评创先争优工作情况汇报   # fix the title
#     unit_type: 事业单位                          # one of the ten unit types
#     genre: 工作汇报                              # one of the six genres
#     date: "2011-02-14"                          # YYYY-MM-DD, or --MM-DD
#     recommended: true                           # 推荐范文
#     hidden: false                               # true: not published
#     redact: [某某某]                             # phrases replaced by ××
#     note: 本文做法可供基层党支部参考。            # 编者按, shown above the text
# redact: [李仁斌]                                 # phrases redacted in every report
# practices:                                       # the 做法库's vocabulary (按做法浏览)
#   add: [{name: 微党课, variants: [微型党课]}]      # a practice the lists miss
#   rename: {一线工作法: 一线工作法（工作方法）}       # shown under another name
#   merge: {公开承诺: [承诺践诺]}                    # one practice, written several ways
#   hide: [四个一]                                  # not a practice
reports: {}
redact: []
"""


class CurationError(Exception):
    """The curation file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Curation:
    reports: dict[str, dict] = field(default_factory=dict)
    redact: tuple[str, ...] = ()
    practices: dict = field(default_factory=dict)  # add, rename, merge, hide (practices.vocabulary)

    def keys_unused(self, used: set[str]) -> list[str]:
        return sorted(set(self.reports) - used)


def load_curation(raw_dir: Path) -> Curation:
    """Read and check ``raw_dir/curation.yaml`` (an absent file means no curation)."""
    path = raw_dir / FILE_NAME
    if not path.exists():
        return Curation()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise CurationError(f"{path}: not valid YAML ({str(e).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise CurationError(f"{path}: expected a mapping with 'reports' and 'redact'")
    unknown = set(data) - {"reports", "redact", "practices"}
    if unknown:
        raise CurationError(f"{path}: unknown key {sorted(unknown)[0]!r} (use 'reports', 'redact' and 'practices')")
    reports = data.get("reports") or {}
    if not isinstance(reports, dict):
        raise CurationError(f"{path}: 'reports' must map \"file#part\" to edits")
    units = rules.units()["vocabulary"]
    genres = rules.genres()["vocabulary"]
    checked: dict[str, dict] = {}
    for key, edits in reports.items():
        where = f"{path}: report {key!r}"
        if not isinstance(key, str) or not re.match(r"^.+#\d+$", key):
            raise CurationError(f"{where}: name a report as \"file#part\"")
        if not isinstance(edits, dict):
            raise CurationError(f"{where}: expected a mapping of edits")
        for k, v in edits.items():
            if k in STRING_FIELDS:
                if not isinstance(v, str):
                    raise CurationError(f"{where}: {k} must be a string")
            elif k in FLAG_FIELDS:
                if not isinstance(v, bool):
                    raise CurationError(f"{where}: {k} must be true or false")
            elif k == "redact":
                if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
                    raise CurationError(f"{where}: redact must be a list of phrases")
            else:
                raise CurationError(f"{where}: unknown field {k!r}")
        if "unit_type" in edits and edits["unit_type"] not in units:
            raise CurationError(f"{where}: unit_type {edits['unit_type']!r} is not one of {'、'.join(units)}")
        if "genre" in edits and edits["genre"] not in genres:
            raise CurationError(f"{where}: genre {edits['genre']!r} is not one of {'、'.join(genres)}")
        if "date" in edits and not _DATE.match(edits["date"]):
            raise CurationError(f"{where}: date must be YYYY-MM-DD or --MM-DD")
        checked[key] = dict(edits)
    redact = data.get("redact") or []
    if not isinstance(redact, list) or not all(isinstance(x, str) and x for x in redact):
        raise CurationError(f"{path}: 'redact' must be a list of phrases")
    return Curation(checked, tuple(redact), _practice_edits(path, data.get("practices") or {}))


def _words(v) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) and x.strip() for x in v)


def _practice_edits(path: Path, edits) -> dict:
    """The editor's changes to the 做法库 vocabulary, checked.

    >>> _practice_edits(Path("raw/curation.yaml"), {"hide": ["四个一"], "merge": {"公开承诺": ["承诺践诺"]}})
    {'merge': {'公开承诺': ['承诺践诺']}, 'hide': ['四个一']}
    >>> _practice_edits(Path("raw/curation.yaml"), {"hide": "四个一"})
    Traceback (most recent call last):
    ...
    fanwen.curation.CurationError: raw/curation.yaml: practices: hide must be a list of practice names
    """
    where = f"{path}: practices"
    if not isinstance(edits, dict):
        raise CurationError(f"{where}: expected a mapping of add, rename, merge, hide")
    unknown = set(edits) - {"add", "rename", "merge", "hide"}
    if unknown:
        raise CurationError(f"{where}: unknown key {sorted(unknown)[0]!r} (use add, rename, merge, hide)")
    out: dict = {}
    if "add" in edits:
        add = edits["add"]
        if not isinstance(add, list) or not all(
                isinstance(a, dict) and isinstance(a.get("name"), str) and a["name"].strip()
                and set(a) <= {"name", "variants"} and _words(a.get("variants", [])) for a in add):
            raise CurationError(f"{where}: add must be a list of {{name: …, variants: [...]}}")
        out["add"] = [{"name": a["name"].strip(), "variants": [v.strip() for v in a.get("variants", [])]} for a in add]
    if "rename" in edits:
        ren = edits["rename"]
        if not isinstance(ren, dict) or not all(isinstance(k, str) and isinstance(v, str) and v.strip()
                                                for k, v in ren.items()):
            raise CurationError(f"{where}: rename must map an old name to a new name")
        out["rename"] = {k: v.strip() for k, v in ren.items()}
    if "merge" in edits:
        merge = edits["merge"]
        if not isinstance(merge, dict) or not all(isinstance(k, str) and _words(v) for k, v in merge.items()):
            raise CurationError(f"{where}: merge must map a practice to the list of names merged into it")
        out["merge"] = {k: list(v) for k, v in merge.items()}
    if "hide" in edits:
        if not _words(edits["hide"]):
            raise CurationError(f"{where}: hide must be a list of practice names")
        out["hide"] = list(edits["hide"])
    return out


def redact_text(text: str, phrases: list[str] | tuple[str, ...]) -> tuple[str, int]:
    """Replace each phrase with ××; returns the text and the number of replacements.

    >>> redact_text("普通员工李仁斌因患脑瘤在家休息一年", ["李仁斌", "因患脑瘤"])
    ('普通员工××××在家休息一年', 2)
    """
    n = 0
    for p in sorted(phrases, key=len, reverse=True):
        n += text.count(p)
        text = text.replace(p, REDACTED)
    return text, n


def apply_curation(rep: Report, cur: Curation) -> None:
    """Apply the editor's choices for this report (and the global redactions)."""
    edits = cur.reports.get(rep.key, {})
    meta = rep.meta
    phrases = [*cur.redact, *edits.get("redact", [])]
    if phrases:
        changed = False
        for ln in rep.lines:
            new, n = redact_text(ln.text, phrases)
            if n:
                rep.remove("curation_redact", f"{n} phrase(s) on this line", ln.no)
                ln.text, changed = new, True
        for key in ("title", "subtitle", "org", "author", "byline", "listing_title"):
            if meta.get(key):
                meta[key], _ = redact_text(meta[key], phrases)
        rep.closing = [redact_text(c, phrases)[0] for c in rep.closing]
        if changed:  # the count changes where names became ××
            meta["chars"] = body_chars(rep)
    if not edits:
        return
    curated = []
    for key in ("title", "subtitle", "org", "author", "date", "unit_type", "genre"):
        if key in edits and edits[key] != meta.get(key):
            meta[key] = edits[key]
            curated.append(key)
            if key in ("unit_type", "genre"):
                meta[f"{key}_reason"] = "编辑指定"
    if "genre" in edits and "unit_type" in edits:
        rep.flags.discard("unclassified")  # the editor decided both
    if "unit_type" in edits:
        rep.flags.discard("unit_unsure")  # the editor decided it
    if "unit_type" in curated or "genre" in curated:
        rest = [t for t in meta.get("tags", [])[2:]]
        meta["tags"] = [meta["unit_type"], meta["genre"], *rest]
    if edits.get("recommended"):
        meta["recommended"] = True
    if edits.get("hidden"):
        meta["hidden"] = True
    if edits.get("note"):
        meta["editor_note"] = edits["note"]
    if curated:
        meta["curated"] = curated



