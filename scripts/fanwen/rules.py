"""Load the rule files in ``rules/`` once, compile their patterns, fingerprint them.

The knowledge of the pipeline lives in these YAML files; the code only knows
how to apply it. ``RULES_VERSION`` changes whenever a rule file or the
package's code changes, so caches keyed on it never serve stale output.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from re import _constants as _sre, _parser as _sre_parse

RULES_DIR = Path(__file__).parent / "rules"


@dataclass(frozen=True)
class Rule:
    """One named pattern rule from chrome.yaml."""

    name: str
    pattern: re.Pattern
    why: str = ""
    scope: str = "anywhere"
    example: str = ""
    keep: tuple[str, ...] = ()
    removes: str = ""
    max_line_chars: int = 0
    min_matches: int = 1  # cut only when the page holds at least this many matches
    # characters one of which every match holds ("<>" for tag residue; else read off the
    # pattern, ``required_chars``): a line with none of them is not searched, which keeps the
    # costly patterns off ordinary sentences
    needs: frozenset[str] = frozenset()


def _load(name: str) -> dict:
    d = yaml.safe_load((RULES_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
    _check_words(d, f"rules/{name}.yaml")
    return d


def _check_words(node: object, where: str, path: str = "") -> None:
    """Every word list holds plain strings: an unquoted "[摘要]" inside a YAML list is a
    nested list, and would fail (or match nothing) far from the file that holds it.

    >>> _check_words({"body": [{"words": ["摘要：", ["摘要"]]}]}, "rules/x.yaml")
    Traceback (most recent call last):
    ...
    ValueError: rules/x.yaml: body[0].words holds ['摘要'], not a word (quote it)
    """
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}.{key}" if path else str(key)
            if key == "words" and isinstance(value, list):
                for w in value:
                    if not isinstance(w, str):
                        raise ValueError(f"{where}: {here} holds {w!r}, not a word (quote it)")
            _check_words(value, where, here)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            _check_words(item, where, f"{path}[{i}]")


# A chrome pattern may say "<surname>" for one character of a common surname (the list
# ``structure.yaml`` keeps for person names): "(杨江)" after a paragraph is a credit, "(掌声)" is not.
SURNAME = "<surname>"


def _expand(pattern: str) -> str:
    return pattern.replace(SURNAME, f"[{structure()['surnames']}]") if SURNAME in pattern else pattern


def _rule(d: dict) -> Rule:
    pattern = _expand(d["pattern"])
    return Rule(
        name=d["name"],
        pattern=re.compile(pattern),
        why=" ".join(str(d.get("why", "")).split()),
        scope=d.get("scope", "anywhere"),
        example=d.get("example", ""),
        keep=tuple(d.get("keep", ())),
        removes=d.get("removes", ""),
        max_line_chars=int(d.get("max_line_chars", 0)),
        min_matches=int(d.get("min_matches", 1)),
        needs=frozenset(d.get("needs") or required_chars(pattern) or ""),
    )


def required_chars(pattern: str) -> str | None:
    r"""Characters one of which every match of ``pattern`` holds, read off the pattern
    itself (a literal, a small class, each branch of an alternation); None when there is
    no such set (the pattern may match with none of them, or any character would do). A
    line holding none of them is not searched: most rules name words, most lines hold none.

    >>> required_chars(r"(?:本文|全文)?由\S{1,12}(?:网|文库)整理")  # 整 is rarer than 由
    '整'
    >>> sorted(required_chars(r"在线买球|\d{0,8}(?:比分直播|新葡京)"))
    ['买', '播', '葡']
    >>> required_chars(r"^\s*\d+\s*$") is None
    True
    """
    try:
        tree = _sre_parse.parse(pattern)
    except re.error:
        return None
    found = _required(list(tree), bool(tree.state.flags & re.IGNORECASE))
    return "".join(sorted(found)) if found else None


# The characters most lines hold (the commonest of Chinese text, and its punctuation): a
# prefilter on them passes nearly every line, so ``_required`` takes another where it can.
_COMMON = frozenset("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
                    "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体"
                    "制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内"
                    "数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提"
                    "直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计"
                    "别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府，。、：；,.;:（）() -")


def _cost(chars: set[str]) -> int:
    return sum(1000 if c in _COMMON else 1 for c in chars)


def _required(items: list, fold_case: bool) -> set[str] | None:
    """The rarest required set of any element of a sequence (None: none requires one)."""
    best = None
    for op, av in items:
        found = _required_one(op, av, fold_case)
        if found and (best is None or _cost(found) < _cost(best)):
            best = found
    return best


def _required_one(op, av, fold_case: bool) -> set[str] | None:
    if op is _sre.LITERAL:
        chars = {chr(av)}
    elif op is _sre.IN:
        chars = set()
        for kind, value in av:
            if kind is _sre.LITERAL:
                chars.add(chr(value))
            elif kind is _sre.RANGE and value[1] - value[0] < 64:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:  # a category, a negated or a wide class: any character may do
                return None
    elif op is _sre.SUBPATTERN:
        return _required(list(av[3]), fold_case or bool(av[1] & re.IGNORECASE))
    elif op is _sre.BRANCH:
        branches = [_required(list(b), fold_case) for b in av[1]]
        return None if not all(branches) else set().union(*branches)
    elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        return _required(list(av[2]), fold_case) if av[0] >= 1 else None
    elif op is _sre.ATOMIC_GROUP:
        return _required(list(av), fold_case)
    else:  # anchors, lookarounds, any character, back-references
        return None
    return {c for ch in chars for c in {ch, ch.lower(), ch.upper()}} if fold_case else chars


def by_char(rules_: tuple[Rule, ...]) -> tuple[tuple[int, ...], dict[str, tuple[int, ...]]]:
    """(the rules with no ``needs``, each character -> the rules that need it), by position:
    the rules a line may match are the first and those of its characters, in order."""
    index: dict[str, list[int]] = {}
    for i, rule in enumerate(rules_):
        for ch in rule.needs:
            index.setdefault(ch, []).append(i)
    return tuple(i for i, r in enumerate(rules_) if not r.needs), {ch: tuple(v) for ch, v in index.items()}


def candidates(index: tuple[tuple[int, ...], dict[str, tuple[int, ...]]], text: str) -> list[int]:
    """The positions of the rules that may match ``text`` (``by_char``), in order.

    >>> rs = tuple(Rule(n, re.compile(p), needs=frozenset(required_chars(p) or "")) for n, p in
    ...            (("a", "来源[:：]"), ("b", r"^\\d+$"), ("c", "责任编辑|编辑[:：]")))
    >>> candidates(by_char(rs), "编辑：张三"), candidates(by_char(rs), "来源：新华社"), candidates(by_char(rs), "正文")
    ([1, 2], [0, 1], [1])
    """
    always, needed = index
    found = set(always)
    for ch in set(text):
        hit = needed.get(ch)
        if hit:
            found.update(hit)
    return sorted(found)


@lru_cache(maxsize=None)
def chrome() -> dict:
    d = _load("chrome")
    line = tuple(_rule(r) for r in d["line"])
    inline = tuple(_rule(r) for r in d["inline"])
    return {
        "line": line,
        "inline": inline,
        "line_index": by_char(line),
        "inline_index": by_char(inline),
        "related_list": _rule({**d["related_list"], "scope": "tail"}),
        "pinyin_toneless": _rule(d["pinyin_toneless"]),
        "related_max_chars": int(d["related_list"].get("max_item_chars", 60)),
        "learned_chrome_above": float(d["learned_chrome"]["above"]),
    }


@lru_cache(maxsize=None)
def structure() -> dict:
    d = _load("structure")
    out = dict(d)
    out["report_markers"] = tuple(
        (m["name"], re.compile(m["pattern"]), bool(m.get("weak"))) for m in d["report_markers"]
    )
    out["headings"] = tuple((int(h["level"]), re.compile(h["pattern"])) for h in d["headings"])
    for key in ("contents_heading", "contents_entry", "document_number", "salutation", "subtitle", "distribution_start",
                "distribution_line"):
        out[key] = re.compile(d[key])
    out["org_suffix_re"] = re.compile(d["org_suffix"] + r"$")
    out["title_words_re"] = re.compile(d["title_words"])
    out["position_re"] = re.compile(d["position_words"])
    out["byline_re"] = re.compile(r"^(?P<who>.+?)[\s\u3000]+(?P<name>" + d["person_name"] + r")$")
    out["person_name_re"] = re.compile(r"^(?:" + d["person_name"] + r")$")
    out["credit_re"] = re.compile(r"^\s*(?:" + d["credit_words"] + r")\s*[/／:：\\]\s*(?P<name>\S.{0,40}?)\s*$")
    return out


@lru_cache(maxsize=None)
def units() -> dict:
    return _load("units")


@lru_cache(maxsize=None)
def genres() -> dict:
    return _load("genres")


@lru_cache(maxsize=None)
def pair_model(name: str) -> dict | None:
    """A pair model learned from the tune half of the real-page corpus and the seeds
    (``genre_model``: the genres; ``unit_text_model``: the unit types read off a body), ready
    to score: its character pairs, and its weights keyed as ``classify.pair_features`` names
    them ("讲话稿\t" for a label's bias, "讲话稿\t同志" for a pair); None when the file is missing."""
    path = RULES_DIR / f"{name}.json"
    if not path.exists():
        return None
    d = json.loads(path.read_text(encoding="utf-8"))
    weights = {f"{g}\t": w for g, w in d["bias"].items()}
    for pair, by_label in d["pairs"].items():
        weights.update({f"{g}\t{pair}": w for g, w in by_label.items()})
    return {"pairs": set(d["pairs"]), "weights": weights}


@lru_cache(maxsize=None)
def title_model() -> dict | None:
    """The title chooser's weights and margin, learned from the tune half of the real-page
    corpus (``title_choice``); None when the file is missing."""
    path = RULES_DIR / "title_model.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


@lru_cache(maxsize=None)
def chrome_model() -> dict | None:
    """The chrome line model's weights (``line_model``), learned from the tune half of the
    real-page corpus; None when the file is missing."""
    path = RULES_DIR / "chrome_model.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


@lru_cache(maxsize=None)
def unit_model() -> dict | None:
    """The unit-type chooser's weights and margin, learned from the tune half of the real-page
    corpus (``classify.second_opinion``); None when the file is missing."""
    path = RULES_DIR / "unit_model.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


@lru_cache(maxsize=None)
def practices() -> dict:
    """The 做法库 vocabulary: curated practices, how to find more, and what is never one."""
    d = _load("practices")
    disc = d["discovery"]
    verbs, nouns = "|".join(disc["verbs"]), "|".join(disc["nouns"])
    lo, hi = disc["quoted_chars"]
    term = rf"[“「]([\u4e00-\u9fff0-9·、]{{{lo},{hi}}})[”」]"
    d["quoted_re"] = re.compile(rf"(?:(?:{verbs})[\u4e00-\u9fff]{{0,2}}{term})|(?:{term}(?:{nouns}))")
    lo, hi = disc["suffix_chars"]
    heads, suffixes = "|".join(d["discovery"]["heads"]), "|".join(disc["suffixes"])
    d["suffix_re"] = re.compile(rf"(?:{verbs})((?=(?:{heads}))[\u4e00-\u9fff]{{{lo - 1},{hi - 1}}}?(?:{suffixes}))(?!度)")
    d["hide_words"] = frozenset(d["hide"]["words"])
    d["hide_re"] = re.compile("|".join(d["hide"]["patterns"]))
    return d


@lru_cache(maxsize=None)
def text() -> dict:
    return _load("text")


@lru_cache(maxsize=None)
def rules_version() -> str:
    """Fingerprint of every rule file and every module of the package."""
    h = hashlib.sha256()
    pkg = Path(__file__).parent
    for p in sorted([*RULES_DIR.glob("*.yaml"), *RULES_DIR.glob("*.json"), *pkg.glob("*.py")]):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]
