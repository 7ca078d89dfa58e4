"""The documentation keeps up with the code: an undocumented step or rule fails here."""
from __future__ import annotations

from conftest import ROOT
from fanwen import rules
from fanwen.pipeline import default_steps

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_two_setup_commands_are_in_the_readme() -> None:
    assert "make site" in README and "make test" in README and "make serve" in README


def test_cleanup_command_is_documented() -> None:
    assert "python scripts/clean_reports.py --raw raw --out docs/reports" in README


def test_every_step_is_documented() -> None:
    missing = [s.name for s in default_steps() if f"`{s.name}`" not in README]
    assert missing == []


def test_every_chrome_rule_is_documented() -> None:
    cfg = rules.chrome()
    names = [r.name for r in [*cfg["line"], *cfg["inline"], cfg["related_list"]]] + ["page_title_repeat", "html_heading"]
    assert [n for n in names if f"`{n}`" not in README] == []


def test_every_rule_explains_itself() -> None:
    cfg = rules.chrome()
    for r in [*cfg["line"], *cfg["inline"], cfg["related_list"]]:
        assert r.why and r.example, r.name
    for s in default_steps():
        assert s.why, s.name


def test_front_matter_keys_are_documented() -> None:
    from fanwen.write import REQUIRED_KEYS

    assert [k for k in REQUIRED_KEYS if f"`{k}`" not in README] == []


def test_vocabularies_match_the_readme() -> None:
    for word in rules.units()["vocabulary"] + rules.genres()["vocabulary"]:
        assert word in README
