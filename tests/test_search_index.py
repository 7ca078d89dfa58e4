"""The search index files, queried as the browser queries them (search_index.query_files),
against a plain substring search over the same texts."""
from __future__ import annotations

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


def test_dense_sets_are_bitmaps_and_texts_are_packed(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(si, "PACK_BYTES", 400)
    texts = {f"r{n:02d}": [f"第{n}篇", "公开承诺" * (n + 1) + "收尾"] for n in range(30)}
    reports, idx = _build(tmp_path, texts)
    meta = si.read_data(idx / "meta.js")
    shard = si.read_data(idx / "sets" / f"{si.shard_of('公开', meta['shards'])}.js")
    count, docs = shard["公开"]
    assert count == 30 and docs.startswith("~")
    assert meta["pack"] > 1 and len(list((idx / "text").glob("*.js"))) == -(-30 // meta["pack"])
    rows = [row for n in range(-(-30 // meta["pack"])) for row in si.read_data(idx / "text" / f"{n}.js")]
    assert [row[0] for row in rows] == [r["slug"] for r in si.date_order(reports)]
    assert all(si.unpack_text(row[7]) == si.display_text(texts[row[0]]) for row in rows)
    assert set(si.query_files(idx, ["承诺公开承诺收尾"])) == set(texts) - {"r00"}
    assert si.query_files(idx, ["收尾公开"]) == []


def test_data_files_are_scripts_that_keep_any_text_literal(tmp_path) -> None:
    """Every file is one call of fanwenSearchData with JSON, whatever the text holds."""
    hostile = ["</script><script>alert(1)</script>", "\u2028\u2029 \");alert(1);(\"", "${x}`'"]
    texts = {f"h{n}": [f"题{n}", line] for n, line in enumerate(hostile)}
    reports, idx = _build(tmp_path, texts)
    for path in idx.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            name = path.relative_to(idx).with_suffix("").as_posix()
            assert text.startswith(f'fanwenSearchData("{name}",') and text.endswith(");\n"), path
            assert "\u2028" not in text and "\u2029" not in text
            si.read_data(path)
    assert set(si.query_files(idx, ["alert(1)"])) == {"h0", "h1"}


def test_facets_and_years_follow_date_order(tmp_path) -> None:
    texts = {f"r{n}": [f"题{n}", "正文内容"] for n in range(6)}
    reports, idx = _build(tmp_path, texts)
    meta = si.read_data(idx / "meta.js")
    ordered = si.date_order(reports)
    years = [y for y, n in meta["years"] for _ in range(n)]
    assert years == [si.year_of(r["date"]) for r in ordered]
    assert len(si.read_data(idx / "facets.js")) == len(reports)
    assert [r["date"] for r in ordered] == sorted((r["date"] for r in reports), reverse=True)


@pytest.mark.parametrize("docs", [[], [0], [1, 2, 3], list(range(0, 500, 3)), list(range(500))])
def test_doc_sets_round_trip(docs) -> None:
    if docs:
        assert si.decode_docs(si.encode_docs(docs, 500)) == docs


def _files(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_cached_build_writes_the_same_files_and_works_out_only_new_texts(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(si, "FLUSH_ENTRIES", 7)  # new entries written in several batches
    rng = random.Random(11)
    alphabet = "公开承诺领导点评党员挂牌上岗三会一课創先爭優ＡＢ１２"
    texts = {f"r{n:02d}": [f"标题{n}", "".join(rng.choice(alphabet) for _ in range(rng.randint(20, 400)))]
             for n in range(30)}
    cache, units, genres = tmp_path / "cache", ["党政机关"], ["经验材料"]

    def build(name: str, texts: dict, cached: bool = True) -> tuple[dict, dict]:
        figures = si.build_index(_reports(texts), texts, tmp_path / name, units, genres, cache if cached else None)
        return figures, _files(tmp_path / name)

    plain = build("plain", texts, cached=False)[1]
    first, files = build("first", texts)
    assert first["cached"] == 0 and files == plain
    again, files = build("again", texts)
    assert again["cached"] == 30 and files == plain
    # one report added (with bigrams no other report has) and one removed
    more = {**texts, "r99": ["新增", "乡村振兴衔接"]}
    del more["r00"]
    added, files = build("added", more)
    assert added["cached"] == 29 and files == build("plain2", more, cached=False)[1]
    assert set(si.query_files(tmp_path / "added", ["乡村振兴"])) == {"r99"}
    assert len(list(cache.glob("??/*"))) == 30  # the removed report's entry is gone
    # a damaged store is never trusted: a broken entry is worked out again, a broken vocabulary resets it
    entry = next(cache.glob("??/*"))
    entry.write_bytes(b"not zlib")
    assert build("damaged", more)[0]["cached"] == 29
    (cache / "vocab.txt").write_text("公开\n公开\n", encoding="utf-8")
    figures, files = build("reset", more)
    assert figures["cached"] == 0 and files == build("plain3", more, cached=False)[1]
    assert build("after", more)[0]["cached"] == 30


@pytest.mark.skipif(si.fcntl is None, reason="no file locks on this system")
def test_two_builds_take_turns_on_the_store(tmp_path) -> None:
    """A second build (make serve beside make site) waits until the first has saved the store:
    otherwise both would give out the same new ids to different bigrams."""
    import threading

    first = si.Grams(tmp_path / "search")
    first.of("公开承诺")
    opened = threading.Event()

    def second() -> None:
        si.Grams(tmp_path / "search").of("领导点评")
        opened.set()

    t = threading.Thread(target=second)
    t.start()
    assert not opened.wait(0.5)  # still waiting for the lock
    first.save(live=3)
    assert opened.wait(5)
    t.join()
