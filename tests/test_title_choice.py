"""The title chooser (fanwen.title_choice): a second opinion on the head rules, learned from
the tune half of the real-page corpus, that moves only whole lines and loses nothing."""
from __future__ import annotations

import json

import pytest

from fanwen import pipeline, rules, title_choice
from fanwen.model import Line, Report
from fanwen.read import read_page
from fanwen.logit import train
from fanwen.title_choice import Context, candidates, features, normalize, second_opinion

TEXT = "今年以来，我校党支部认真贯彻落实上级部署，扎实开展主题教育，取得了明显成效。现总结如下。"


def _run(text: str, model: dict | None, monkeypatch) -> tuple[str, set[str], list[str], list[tuple[str, str]]]:
    monkeypatch.setattr(pipeline.rules, "title_model", lambda: model)
    rep = pipeline.run_page("x.txt", text.encode("utf-8")).reports[0]
    return rep.meta["title"], rep.flags, [ln.text for ln in rep.lines], [(r.rule, r.text) for r in rep.removed]


def _sure_of(feature: str) -> dict:
    return {"margin": 2.0, "weights": {feature: 10.0}}


def test_the_rules_stand_without_a_model_or_when_it_agrees(monkeypatch) -> None:
    page = f"学习心得\n关于开展主题教育的工作总结\n{TEXT}\n"
    rules_only = _run(page, None, monkeypatch)
    assert rules_only[0] == "关于开展主题教育的工作总结" and ("page_title", "学习心得") in rules_only[3]
    assert _run(page, _sure_of("pos1"), monkeypatch) == rules_only


def test_not_sure_enough_the_rules_stand(monkeypatch) -> None:
    page = f"学习心得\n关于开展主题教育的工作总结\n{TEXT}\n"
    assert _run(page, {"margin": 2.0, "weights": {"pos0": 1.9}}, monkeypatch) == _run(page, None, monkeypatch)


def test_a_line_above_the_rules_title(monkeypatch) -> None:
    # the rules took "学习心得" for the site's column; the chooser says it is the title: the rules'
    # line opens the text, and the column's removal is taken back (it is the title now)
    title, flags, lines, removed = _run(f"学习心得\n关于开展主题教育的工作总结\n{TEXT}\n", _sure_of("pos0"), monkeypatch)
    assert title == "学习心得" and "untitled" not in flags
    assert lines == ["关于开展主题教育的工作总结", TEXT] and removed == []


def test_no_title_where_the_rules_took_one(monkeypatch) -> None:
    title, flags, lines, _ = _run(f"关于开展主题教育的工作总结\n{TEXT}\n", _sure_of("bias_none"), monkeypatch)
    assert "untitled" in flags and title.startswith("今年以来")
    assert lines == ["关于开展主题教育的工作总结", TEXT]


def test_where_the_rules_found_no_title_they_stand(monkeypatch) -> None:
    # "本人自2020年担任…以来": the rules' shapes of a text's opening decide, whatever the chooser says
    page = "本人自2020年担任党支部书记以来\n扎实开展主题教育，取得了明显成效。现总结如下，请各位审阅。\n"
    assert "untitled" in _run(page, None, monkeypatch)[1]
    assert _run(page, _sure_of("pos0"), monkeypatch) == _run(page, None, monkeypatch)


def test_a_line_the_page_split_is_moved_alone(monkeypatch) -> None:
    # one raw line cut in two before the head is read (the heading, then text, both line 1):
    # only the piece the rules took for the title is recorded as the page's; the text stays
    monkeypatch.setattr(pipeline.rules, "title_model", lambda: _sure_of("pos1"))
    page = read_page("x.txt", "x\n".encode("utf-8"))
    rep = Report("x.txt", 1, lines=[Line("关于开展主题教育的工作总结", 1), Line("党员干部要做到学深悟透", 2), Line(TEXT, 1)])
    page.reports = [rep]
    pipeline._parse_head(rep, page, pipeline.Options())
    assert rep.meta["title"] == "党员干部要做到学深悟透"
    assert [ln.text for ln in rep.lines] == [TEXT]
    assert [(r.rule, r.text) for r in rep.removed] == [("page_title", "关于开展主题教育的工作总结")]


def test_a_line_below_the_rules_title(monkeypatch) -> None:
    # the chooser prefers the text's first line to the rules' title: the rules' line is recorded
    # as the page's title, nothing is dropped unrecorded; a title never takes the whole text
    page = f"关于开展主题教育的工作总结\n党员干部要做到学深悟透\n{TEXT}\n"
    title, _, lines, removed = _run(page, _sure_of("pos1"), monkeypatch)
    assert title == "党员干部要做到学深悟透" and lines == [TEXT]
    assert ("page_title", "关于开展主题教育的工作总结") in removed
    title, _, lines, _ = _run(f"关于开展主题教育的工作总结\n{TEXT}\n", _sure_of("pos1"), monkeypatch)
    assert title == "关于开展主题教育的工作总结" and lines == [TEXT]


def test_a_title_cut_out_of_a_line_is_left_to_the_rules(monkeypatch) -> None:
    page = f"关于开展主题教育的工作总结 市统计局 2023年5月1日\n{TEXT}\n"
    assert _run(page, _sure_of("bias_none"), monkeypatch) == _run(page, None, monkeypatch)


def test_the_switch_turns_it_off(monkeypatch) -> None:
    monkeypatch.setattr(pipeline.rules, "title_model", lambda: _sure_of("pos0"))
    page = f"学习心得\n关于开展主题教育的工作总结\n{TEXT}\n".encode("utf-8")
    rep = pipeline.run_page("x.txt", page, pipeline.Options(frozenset({"title_model"}))).reports[0]
    assert rep.meta["title"] == "关于开展主题教育的工作总结"


def test_candidates_and_their_features() -> None:
    lines = ["◎关于开展主题教育的工作总结_范文网", "2023年5月1日", TEXT]
    cands = candidates(lines)
    assert cands == [(None, -1), ("关于开展主题教育的工作总结", 0), ("2023年5月1日", 1), (TEXT, 2)]
    f = features("关于开展主题教育的工作总结", 0, lines, [1, 2, 3], Context(page_title="关于开展主题教育的工作总结", stamped=1))
    assert {"pos0", "c_bar", "normed", "n_date", "in_ptitle", "stamped"} <= set(f)
    assert "c_end_stop" in features(TEXT, 2, lines, [1, 2, 3], Context())
    assert normalize("关于开展主题教育的工作总结 市统计局 2023年5月1日") == "关于开展主题教育的工作总结"


def test_a_subtitle_never_replaces_the_title_above_it(monkeypatch) -> None:
    # "——在…推进会上的讲话" under the rules' title describes it; however sure the chooser
    # is, the title stands (a subtitle is the title only where nothing stands above it)
    page = f"深入开展创先争优活动 推动教育事业科学发展\n——在全市教育系统创先争优活动推进会上的讲话\n{TEXT}\n"
    assert _run(page, _sure_of("pos1"), monkeypatch)[0] == "深入开展创先争优活动 推动教育事业科学发展"
    assert _run(page, _sure_of("pos1"), monkeypatch) == _run(page, None, monkeypatch)


def test_second_opinion_needs_the_rules_choice_among_the_candidates() -> None:
    model = _sure_of("pos1")
    lines = ["关于开展主题教育的工作总结", "学习心得", TEXT]
    assert second_opinion(model, lines, [1, 2, 3], Context(), "关于开展主题教育的工作总结") == (
        ("关于开展主题教育的工作总结", 0), ("学习心得", 1))
    assert second_opinion(model, lines, [1, 2, 3], Context(), "网页的另一个标题") is None
    assert second_opinion(model, lines, [1, 2, 3], Context(), "学习心得") is None


def test_training_learns_and_is_deterministic() -> None:
    # the right candidate is always the one with feature "x", never the first
    samples = [([{"pos0": 1.0}, {"pos1": 1.0, "x": 1.0}, {"pos2": 1.0}], [False, True, False]),
               ([{"pos0": 1.0, "x": 1.0}, {"pos1": 1.0}], [True, False]),
               ([{"pos0": 1.0}, {"pos1": 1.0}, {"pos2": 1.0, "x": 1.0}], [False, False, True])] * 5
    w = train(samples)
    assert w == train(samples) and w["x"] > 1.0
    assert w["x"] > max(v for k, v in w.items() if k != "x")


def test_the_shipped_model_is_used_and_well_formed() -> None:
    model = rules.title_model()
    assert model is not None and model["margin"] == 2.0 and len(model["weights"]) > 50
    assert json.loads((rules.RULES_DIR / "title_model.json").read_text(encoding="utf-8")) == model


@pytest.mark.parametrize("text", ["", "\n\n", "标题\n", "一、\n二、\n"])
def test_degenerate_reports(text, monkeypatch) -> None:
    monkeypatch.setattr(pipeline.rules, "title_model", lambda: _sure_of("pos0"))
    pipeline.run_page("x.txt", (text + TEXT).encode("utf-8"))


# --- the title's own furniture ---------------------------------------------------------

def test_segments_and_spans() -> None:
    title = "新闻动态 常村煤矿：紧绷疫情防控弦|下载本文"
    assert [title[a:b] for a, b in title_choice.segments(title)] == ["新闻动态", "常村煤矿：紧绷疫情防控弦", "下载本文"]
    assert title_choice.spans(title) == [(0, 0), (0, 1), (0, 2), (1, 1), (1, 2), (2, 2)]
    assert title_choice.spans("关于开展主题教育的工作总结") == []


def test_span_features_say_what_is_kept_and_dropped() -> None:
    f = title_choice.span_features("新闻动态 常村煤矿：紧绷疫情防控弦 2020-12-05", 1, 1)
    assert {"drop_start1", "drop_end1", "pre_column", "pre_sep_space", "post_date", "post_digit"} <= set(f)
    assert "whole" in title_choice.span_features("新闻动态 常村煤矿：紧绷疫情防控弦", 0, 1)


def test_a_title_is_trimmed_only_when_the_model_is_clearly_surer(monkeypatch) -> None:
    title = "新闻动态 关于开展主题教育的工作总结"
    sure = {"margin": 2.0, "weights": {}, "trim_weights": {"pre_column": 3.0}}
    assert title_choice.trimmed(sure, title) == ("关于开展主题教育的工作总结", ["新闻动态"])
    assert title_choice.trimmed({**sure, "trim_weights": {"pre_column": 1.5}}, title) is None
    assert title_choice.trimmed(sure, "关于开展主题教育的工作总结") is None
    # in the pipeline: the dropped words are logged, the text is untouched
    monkeypatch.setattr(pipeline.rules, "title_model", lambda: sure)
    rep = pipeline.run_page("x.txt", f"{title}\n{TEXT}\n".encode("utf-8")).reports[0]
    assert rep.meta["title"] == "关于开展主题教育的工作总结" and [ln.text for ln in rep.lines] == [TEXT]
    assert ("title_furniture", "新闻动态") in [(r.rule, r.text) for r in rep.removed]
