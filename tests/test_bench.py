"""The benchmark corpus and the 100-report step of `make bench` (CI runs this step)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, run_clean

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402


def test_generator_is_deterministic_and_exact(tmp_path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    generate(60, a)
    generate(60, b)
    assert {p.name: p.read_bytes() for p in a.iterdir()} == {p.name: p.read_bytes() for p in b.iterdir()}
    assert {p.suffix for p in a.iterdir()} >= {".txt", ".html"}
    assert run_clean(a, tmp_path / "out") == 0
    cat = json.loads((tmp_path / "out" / "catalogue.json").read_text(encoding="utf-8"))
    assert len(cat["reports"]) == 60


@pytest.mark.browser
def test_bench_step_100_runs(tmp_path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Benchmarks\n\n<!-- results -->\n<!-- /results -->\n", encoding="utf-8")
    p = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "100", "--readme", str(readme)],
                       capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr[-2000:]
    text = readme.read_text(encoding="utf-8")
    assert "| cleanup throughput (reports/s) |" in text and "100 reports" in text
