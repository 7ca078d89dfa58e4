"""Choose the learned choosers' margin without the held half.

    .venv/bin/python tests/margins.py [--work DIR] [--margins 1,1.5,2,2.5,3]

A chooser learned from the tune half trusts the rules too much there: the rules were fitted
to those very pages. Pages nobody has seen meet rules that were not. So this compares the
choosers with the rules **as they stood before each tune page came into the corpus**: for
every commit that added pages to ``tests/data/real/pages``, the tune pages it added are
cleaned with the ``scripts/`` of its parent commit (the CLI every version kept:
``clean_reports.py --raw --out``). Then, in 4-fold cross-validation over the tune half
(folds by page name), it counts for each margin how often a chooser would overrule those
rules rightly (they were wrong, it is right) and wrongly. The margin in
``check_real.MARGINS`` were chosen from this table. Needs the git history (not a
shallow clone); takes a few minutes; never reads the held half.
"""
from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import check_real as cr
from fanwen import logit, rules, title_choice
from grading import read_reports, title_ok


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=cr.ROOT, check=True, capture_output=True, text=True).stdout


def rules_before(work: Path) -> dict[tuple[str, int], dict]:
    """(page, report number) -> the title, flags and unit type the rules gave it before the
    page came into the corpus (tune pages only)."""
    keys = cr.load_keys(cr.REAL / "keys")
    then: dict[tuple[str, int], dict] = {}
    for commit in _git("log", "--diff-filter=A", "--format=%h", "--", "tests/data/real/pages").split():
        added = [Path(p).name for p in _git("show", "--diff-filter=A", "--name-only", "--format=", commit, "--",
                                             "tests/data/real/pages").split()]
        added = [n for n in added if n in keys and cr.half(str(keys[n]["source"])) == "tune"]
        if not added:
            continue
        here = work / commit
        shutil.rmtree(here, ignore_errors=True)
        (here / "raw").mkdir(parents=True)
        archive = subprocess.run(["git", "archive", f"{commit}^", "scripts"], cwd=cr.ROOT, check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(here)], input=archive.stdout, check=True)
        for name in added:
            shutil.copy(cr.REAL / "pages" / name, here / "raw" / name)
        subprocess.run([sys.executable, "scripts/clean_reports.py", "--raw", "raw", "--out", "out"], cwd=here,
                       capture_output=True, timeout=1800)
        for name, reps in read_reports(here / "out").items():
            gold = keys[name].get("reports") or []
            for k, (g, r) in enumerate(zip(gold, cr._match(gold, reps))):
                if r is not None:
                    then[name, k] = {"title": r["meta"].get("title", ""), "flags": set(r["meta"].get("flags") or []),
                                     "unit_type": r["meta"].get("unit_type", "")}
        print(f"{commit}: {len(added)} tune pages cleaned with the rules of {commit}^", file=sys.stderr)
    return then


def _numbered(samples: list[tuple]) -> list[tuple]:
    seen: Counter = Counter()
    out = []
    for s in samples:
        out.append((s[0], seen[s[0]], *s[1:]))
        seen[s[0]] += 1
    return out


def _fold(name: str) -> int:
    return hashlib.md5(name.encode("utf-8")).digest()[0] % 4


def title_table(then: dict, margins: list[float]) -> Counter:
    keys = cr.load_keys(cr.REAL / "keys")
    samples = _numbered(cr.title_samples()[0])
    tally: Counter = Counter()
    for k in range(4):
        weights = logit.train([(x, y) for n, _i, _t, _c, x, y in samples if x and _fold(n) != k])
        for name, i, texts, cands, x, y in samples:
            rules_then = then.get((name, i))
            if not x or _fold(name) != k or rules_then is None or "untitled" in rules_then["flags"]:
                continue  # where the rules found no title, they stand
            g = keys[name]["reports"][i]
            rule_ok = title_ok(rules_then["title"], [g["title"], *cr._as_list(g.get("title_alt"))])
            ri = next((j for j, (c, _l) in enumerate(cands)
                       if c is not None and title_choice.same_title(c, rules_then["title"])), -1)
            if ri < 0 or rules_then["title"] != texts[cands[ri][1]].strip():
                continue  # a title the rules cut out of a line: they stand
            for m in margins:
                j = logit.overrule(weights, x, ri, m)
                if j is not None and (cands[j][0] is None or cands[j][0] == texts[cands[j][1]].strip()):
                    tally[m, "right"] += (not rule_ok) and y[j]
                    tally[m, "wrong"] += rule_ok and not y[j]
    return tally


def unit_table(then: dict, margins: list[float]) -> Counter:
    vocabulary = rules.units()["vocabulary"]
    samples = _numbered(cr.unit_samples())
    tally: Counter = Counter()
    for k in range(4):
        weights = logit.train([(x, y) for n, _i, x, y in samples if x and _fold(n) != k])
        for name, i, x, y in samples:
            rules_then = then.get((name, i))
            if not x or _fold(name) != k or rules_then is None or rules_then["unit_type"] not in vocabulary:
                continue
            ri = vocabulary.index(rules_then["unit_type"])
            for m in margins:
                j = logit.overrule(weights, x, ri, m)
                if j is not None:
                    tally[m, "right"] += (not y[ri]) and y[j]
                    tally[m, "wrong"] += y[ri] and not y[j]
    return tally


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, default=None, help="where to unpack the old scripts (default: a temporary folder)")
    ap.add_argument("--margins", default="1,1.5,2,2.5,3")
    args = ap.parse_args(argv)
    margins = [float(m) for m in args.margins.split(",")]
    with tempfile.TemporaryDirectory() as td:
        then = rules_before(args.work or Path(td))
        tables = {"title": title_table(then, margins), "unit type": unit_table(then, margins)}
    print(f"{'margin':>8} " + " ".join(f"{name + ' right/wrong':>22}" for name in tables))
    for m in margins:
        print(f"{m:>8} " + " ".join(f"{str(t[m, 'right']) + ' / ' + str(t[m, 'wrong']):>22}" for t in tables.values()))
    print(f"margins in use: {cr.MARGINS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
