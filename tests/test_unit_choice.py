"""The unit-type chooser (fanwen.classify.second_opinion): the rules stop at the first clue
that decides; a model learned from the tune half weighs all of them, and overrules the rules
only by a clear margin, saying why."""
from __future__ import annotations

import json

from fanwen import classify, pipeline, rules
from fanwen.classify import second_opinion, unit_clues, unit_features
from fanwen.logit import overrule

BODY = "我院认真开展主题教育，我院全体党员积极参加，村民和农民朋友也来了。"


def _sure_of(feature: str) -> dict:
    return {"margin": 2.0, "weights": {feature: 10.0}}


def test_clues_for_every_type_they_point_to() -> None:
    clues = unit_clues("某某县第一中学党支部", "", BODY)
    assert clues["学校"] == {"org": 1.0}
    assert {"text_top", "text4"} <= set(clues["农村"])
    f = unit_features(clues, "农村")
    assert {"class_农村", "text_top", "text_top|农村", "other_org"} <= set(f)
    assert "other_org" not in unit_features(clues, "学校")


def test_the_rules_stand_without_a_model_or_a_clear_margin(monkeypatch) -> None:
    monkeypatch.setattr(rules, "unit_model", lambda: None)
    assert second_opinion("某某县第一中学党支部", "", BODY, "", "学校") is None
    monkeypatch.setattr(rules, "unit_model", lambda: {"margin": 2.0, "weights": {"text_top|农村": 1.9}})
    assert second_opinion("某某县第一中学党支部", "", BODY, "", "学校") is None


def test_a_clear_margin_overrules_and_says_why(monkeypatch) -> None:
    monkeypatch.setattr(rules, "unit_model", lambda: _sure_of("text_top|农村"))
    assert second_opinion("某某县第一中学党支部", "", BODY, "", "学校") == ("农村", "正文关键词")
    # in the pipeline: the type, the reason (both kinds of clue), and the switch that turns it off
    page = f"某某县第一中学党支部2023年工作总结\n{BODY}\n".encode("utf-8")
    monkeypatch.setattr(pipeline.classify.rules, "unit_model", lambda: _sure_of("text_top|农村"))
    meta = pipeline.run_page("x.txt", page).reports[0].meta
    assert meta["unit_type"] == "农村"
    assert meta["unit_type_reason"].startswith("各条线索合起来更像农村（正文关键词）；只看第一条线索是学校：")
    off = pipeline.run_page("x.txt", page, pipeline.Options(frozenset({"unit_model"}))).reports[0].meta
    assert off["unit_type"] == "学校"


def test_a_fallback_overruled_stays_flagged_for_an_editor(monkeypatch) -> None:
    monkeypatch.setattr(classify.rules, "unit_model", lambda: _sure_of("class_社会组织"))
    rep = pipeline.run_page("x.txt", "工作总结\n今年以来，我们认真开展各项工作，取得了一定成效。\n".encode("utf-8")).reports[0]
    assert rep.meta["unit_type"] == "社会组织" and "unclassified" in rep.flags
    assert "没有指向其他类型的可靠线索" in rep.meta["unit_type_reason"]


def test_overrule() -> None:
    cands = [{"a": 1.0}, {"b": 1.0}, {"c": 1.0}]
    assert overrule({"b": 3.0}, cands, 0, 2.0) == 1
    assert overrule({"b": 3.0}, cands, 1, 2.0) is None
    assert overrule({"b": 3.0, "a": 1.5}, cands, 0, 2.0) is None


def test_the_shipped_model_is_used_and_well_formed() -> None:
    model = rules.unit_model()
    assert model is not None and model["margin"] == 2.0 and len(model["weights"]) > 50
    assert json.loads((rules.RULES_DIR / "unit_model.json").read_text(encoding="utf-8")) == model
    assert {k.split("|")[1] for k in model["weights"] if "|" in k} <= set(rules.units()["vocabulary"])
