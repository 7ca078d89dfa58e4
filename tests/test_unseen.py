"""Pages in the style of other 范文 sites (tests/data/unseen/), against their answer key.

The cleanup is judged on pages nobody here has seen; these pages keep the rules
general: other report markers, an editor's intro, a CMS page in GBK HTML, a Big5
speech, two unmarked reports on one page, one document with a contents list.
"""
from __future__ import annotations

import pytest
import yaml

from conftest import ROOT, run_clean
from grading import fold, read_reports

UNSEEN = ROOT / "tests" / "data" / "unseen"
KEY = yaml.safe_load((ROOT / "tests" / "data" / "unseen.yaml").read_text(encoding="utf-8"))
PAGES = [k for k in KEY if "." in k]


@pytest.fixture(scope="module")
def unseen(tmp_path_factory):
    out = tmp_path_factory.mktemp("unseen")
    assert run_clean(UNSEEN, out) == 0
    return read_reports(out)


@pytest.mark.parametrize("page", PAGES)
def test_unseen_page(page, unseen) -> None:
    gold, got = KEY[page], unseen.get(page, [])
    assert [r["meta"]["title"] for r in got] == [g["title"] for g in gold]
    for g, r in zip(gold, got):
        for key in ("org", "author", "date", "unit_type", "genre"):
            if key in g:
                assert r["meta"][key] == g[key], (g["title"], key)
        assert set(g.get("flags", [])) <= set(r["meta"]["flags"])
        body = fold(r["body"])
        assert fold(g["first"]) in body[:300], (g["title"], "first")
        assert fold(g["last"]) in body[-300:], (g["title"], "last")
        for chrome in KEY["chrome"]:
            assert fold(chrome) not in fold(r["meta"]["title"] + r["body"]), (g["title"], chrome)


def test_nothing_lost_on_unseen_pages(tmp_path) -> None:
    from fanwen.verify import check_nothing_lost

    assert run_clean(UNSEEN, tmp_path) == 0
    assert [str(x) for x in check_nothing_lost(UNSEEN, tmp_path)] == []
