#!/usr/bin/env python3
"""Regenerate tests/golden/ from tests/data/seeds/: `make goldens`.

A changed golden file is a changed output: review `git diff tests/golden` like code.
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from fanwen.cli import main as clean_main  # noqa: E402

SEEDS = ROOT / "tests" / "data" / "seeds"
GOLDEN = ROOT / "tests" / "golden"


def golden_files(out: Path) -> dict[str, dict[str, str]]:
    """page stem -> {golden file name -> content}, from one cleanup output folder."""
    log = json.loads((out / "removal-log.json").read_text(encoding="utf-8"))
    pages: dict[str, dict[str, str]] = {}
    for source, entry in log.items():
        stem = Path(source).stem
        files = pages.setdefault(stem, {})
        for rep in entry["reports"].values():
            name = f"{rep['slug']}.md"
            files[name] = (out / name).read_text(encoding="utf-8")
        trimmed = {k: entry[k] for k in ("removed", "repaired", "garbled", "warnings")}
        trimmed["reports"] = {k: {"removed": v["removed"], "steps_changed": v["steps_changed"]}
                              for k, v in entry["reports"].items()}
        files["_removal-log.json"] = json.dumps(trimmed, ensure_ascii=False, indent=1) + "\n"
    return pages


def main() -> int:
    with tempfile.TemporaryDirectory() as td:
        out = Path(td) / "out"
        if clean_main(["--raw", str(SEEDS), "--out", str(out), "--quiet", "--registry", str(out.parent / "urls.yaml")]) != 0:
            print("the cleanup failed on the seed pages", file=sys.stderr)
            return 1
        pages = golden_files(out)
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    for stem, files in pages.items():
        d = GOLDEN / stem
        d.mkdir(parents=True)
        for name, content in files.items():
            (d / name).write_text(content, encoding="utf-8")
    print(f"wrote {sum(len(f) for f in pages.values())} golden files for {len(pages)} pages into {GOLDEN}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
