"""The search index files, queried as the browser queries them (search_index.query_files),
against a plain substring search over the same texts."""
from __future__ import annotations

import json
import random

import pytest

from fanwen import search_index as si


def _reports(texts: dict[str, list[str]]) -> list[dict]:
    return [{"slug": s, "title": lines[0], "unit_type": "党政机关", "genre": "经验材料",
             "date": f"20{10 + i % 9:02d}-01-0{1 + i % 9}" if i % 4 else "", "org": ""}
            for i, (s, lines) in enumerate(sorted(texts.items()))]


def _build(tmp_path, texts):
    reports = _reports(texts)
    si.build_index(reports, texts, tmp_path / "idx", ["党政机关"], ["经验材料"])
    return reports, tmp_path / "idx"


def test_phrases_across_chunk_boundaries_and_long_phrases(tmp_path) -> None:
    rng = random.Random(7)
    alphabet = "公开承诺领导点评党员挂牌上岗三会一课"
    texts = {}
    for n in range(40):
        body = "".join(rng.choice(alphabet) for _ in range(rng.randint(5, 1500)))
        lines = [f"标题{n}"] + [body[i : i + rng.randint(30, 400)] for i in range(0, len(body), 300)]
        texts[f"r{n:02d}"] = lines
    reports, idx = _build(tmp_path, texts)
    ordered = [r["slug"] for r in si.date_order(reports)]
    for _ in range(300):
        slug = rng.choice(sorted(texts))
        text = si.index_text(texts[slug])
        length = rng.choice([2, 3, 4, 6, 33, 34, 40, 300])
        if len(text) <= length:
            continue
        start = rng.randrange(len(text) - length)
        phrase = text[start : start + length]
        if si.SEPARATOR in phrase:
            continue
        want = si.search([phrase], reports, texts)
        got = si.query_files(idx, [phrase])
        assert slug in got
        assert got == [s for s in ordered if s in want], phrase


def test_absent_and_multi_phrase_queries(tmp_path) -> None:
    texts = {"a": ["甲", "公开承诺做法", "领导点评"], "b": ["乙", "公开 承诺"], "c": ["丙", "公开承诺与领导点评"]}
    reports, idx = _build(tmp_path, texts)
    assert set(si.query_files(idx, ["公开承诺"])) == {"a", "b", "c"}  # whitespace is not part of the text
    assert set(si.query_files(idx, ["公开承诺", "领导点评"])) == {"a", "c"}
    assert si.query_files(idx, ["诺领"]) == []  # a phrase never runs across two paragraphs
    assert si.query_files(idx, ["不存在的词"]) == []
    assert set(si.query_files(idx, ["公開承諾"])) == {"a", "b", "c"}


def test_dense_sets_are_bitmaps_and_frequent_masks_are_paged(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(si, "INLINE_MASKS", 3)
    monkeypatch.setattr(si, "MASK_PAGE", 4)
    texts = {f"r{n:02d}": [f"第{n}篇", "公开承诺" * (n + 1) + "收尾"] for n in range(30)}
    reports, idx = _build(tmp_path, texts)
    shard = json.loads((idx / "sets" / f"{si.shard_of('公开', json.loads((idx / 'meta.json').read_text())['shards'])}.json").read_text())
    count, docs, pages = shard["公开"]
    assert count == 30 and docs.startswith("~") and pages == 8
    assert len(list((idx / "masks").glob(f"{'公开'.encode().hex()}.*.txt"))) == 8
    assert set(si.query_files(idx, ["承诺公开承诺收尾"])) == set(texts) - {"r00"}
    assert si.query_files(idx, ["收尾公开"]) == []


def test_facets_and_years_follow_date_order(tmp_path) -> None:
    texts = {f"r{n}": [f"题{n}", "正文内容"] for n in range(6)}
    reports, idx = _build(tmp_path, texts)
    meta = json.loads((idx / "meta.json").read_text(encoding="utf-8"))
    ordered = si.date_order(reports)
    years = [y for y, n in meta["years"] for _ in range(n)]
    assert years == [si.year_of(r["date"]) for r in ordered]
    assert len((idx / "facets.txt").read_text(encoding="utf-8")) == len(reports)
    assert [r["date"] for r in ordered] == sorted((r["date"] for r in reports), reverse=True)


@pytest.mark.parametrize("docs", [[], [0], [1, 2, 3], list(range(0, 500, 3)), list(range(500))])
def test_doc_sets_round_trip(docs) -> None:
    if docs:
        assert si.decode_docs(si.encode_docs(docs, 500)) == docs
