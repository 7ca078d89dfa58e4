"""One golden test per raw seed page: raw input -> expected Markdown files.

Regenerate with `make goldens` and review the diff like code.
"""
from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from regen_goldens import GOLDEN, golden_files

PAGES = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def produced(seeds_out) -> dict[str, dict[str, str]]:
    return golden_files(seeds_out)


@pytest.mark.parametrize("page", PAGES)
def test_page_matches_golden(page: str, produced) -> None:
    expected = {p.name: p.read_text(encoding="utf-8") for p in sorted((GOLDEN / page).iterdir())}
    got = produced.get(page, {})
    assert sorted(got) == sorted(expected), "different files; run `make goldens` and review the diff"
    for name, want in expected.items():
        if got[name] != want:
            diff = "".join(difflib.unified_diff(
                want.splitlines(keepends=True), got[name].splitlines(keepends=True),
                fromfile=f"golden/{page}/{name}", tofile=f"produced/{name}"))
            pytest.fail(f"{name} differs from its golden file:\n{diff[:6000]}")


def test_every_seed_page_has_a_golden() -> None:
    seeds = sorted(Path(p).stem for p in (GOLDEN.parent / "data" / "seeds").iterdir())
    assert seeds == PAGES
