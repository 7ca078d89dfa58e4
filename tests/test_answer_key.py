"""The cleanup against the hand-checked answer key of the seed pages (tests/data/seeds.yaml).

Bars from the issue: every report found with exact boundaries, titles >= 20/21,
unit types >= 19/21, genres >= 19/21, every stated date right, the truncated
report flagged, no chrome left, the listed mojibake repaired.
"""
from __future__ import annotations

import re

import pytest
import yaml

from fanwen.text import to_simplified
from grading import WINDOW, fold, read_reports, title_ok


@pytest.fixture(scope="module")
def graded(seeds_out, answer_key):
    reps = read_reports(seeds_out)
    pages = {k: v for k, v in answer_key.items() if k.endswith(".txt")}
    rows = []
    for page, gold in pages.items():
        got = reps.get(page, [])
        assert len(got) == len(gold), f"{page}: {len(got)} reports, expected {len(gold)}"
        rows += [(f"{page[:3]}#{i + 1}", g, r) for i, (g, r) in enumerate(zip(gold, got))]
    return rows


def test_all_21_reports_with_exact_boundaries(graded) -> None:
    assert len(graded) == 21
    bad = []
    for tag, g, r in graded:
        body = fold(r["body"])
        first, last = fold(g["first"]), fold(g["last"])
        if first not in body[: WINDOW + len(first)] or last not in body[-(WINDOW + len(last)):]:
            bad.append(tag)
    assert bad == []


def _score(graded, check) -> tuple[int, list[str]]:
    misses = [tag for tag, g, r in graded if not check(g, r)]
    return len(graded) - len(misses), misses


def test_titles(graded) -> None:
    ok, misses = _score(graded, lambda g, r: title_ok(r["meta"]["title"], [g["title"], *g.get("title_alt", [])]))
    assert ok >= 20, misses


def test_unit_types(graded) -> None:
    ok, misses = _score(graded, lambda g, r: r["meta"]["unit_type"] in g["unit_type"])
    assert ok >= 19, misses


def test_genres(graded) -> None:
    ok, misses = _score(graded, lambda g, r: r["meta"]["genre"] in g["genre"])
    assert ok >= 19, misses


def test_every_stated_date(graded) -> None:
    dated = [(tag, g, r) for tag, g, r in graded if g.get("date")]
    assert len(dated) == 7
    for tag, g, r in dated:
        assert r["meta"]["date"] == g["date"], tag


def test_truncated_report_flagged(graded) -> None:
    for tag, g, r in graded:
        if "truncated" in g.get("flags", []):
            assert "truncated" in r["meta"]["flags"], tag


def test_traditional_pages_flagged_and_converted(graded) -> None:
    for tag, g, r in graded:
        if "traditional" in g.get("flags", []):
            assert "traditional" in r["meta"]["flags"], tag
            assert to_simplified(r["body"]) == r["body"], tag


def test_no_chrome_left(graded, answer_key) -> None:
    for tag, _g, r in graded:
        text = r["meta"]["title"] + "\n" + r["body"]
        for s in answer_key["chrome"]:
            if s == "TOP":
                assert not re.search(r"(?m)^\s*TOP\s*$", text), tag
            else:
                assert fold(s) not in fold(text), (tag, s)
        assert not re.search(r"第[一二三四五六七八九十]+篇[:：]", r["body"]), tag


def test_listed_mojibake_repaired(graded, answer_key) -> None:
    corpus = fold("\n".join(r["body"] for _t, _g, r in graded))
    for m in answer_key["mojibake"]:
        assert fold(m["fixed"]) in corpus, m["fixed"]
        assert fold(m["raw"]) not in corpus, m["raw"]


def test_front_matter_has_required_keys(seeds_out) -> None:
    required = ["title", "subtitle", "org", "author", "date", "genre", "unit_type", "tags",
                "source", "source_part", "flags"]
    for f in seeds_out.glob("*.md"):
        text = f.read_text(encoding="utf-8")
        if not text.startswith("---\nsource") and "\nsource:" not in text:
            continue
        assert text.startswith("---\n"), f.name
        meta = yaml.safe_load(text.split("\n---\n", 1)[0][4:])
        for key in required:
            assert key in meta, (f.name, key)
        for key in ("title", "subtitle", "org", "author", "date", "genre", "unit_type", "source"):
            assert isinstance(meta[key], str), (f.name, key)
        assert isinstance(meta["tags"], list) and isinstance(meta["flags"], list)
        assert re.match(r"^(\d{4}|-)-\d\d-\d\d$|^$", meta["date"]), meta["date"]
