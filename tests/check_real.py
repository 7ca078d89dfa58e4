"""Grade the cleanup on the real-page corpus (tests/data/real/), half by half.

    .venv/bin/python tests/check_real.py [--details tune|held|all] [--pages DIR --keys DIR]
    .venv/bin/python tests/check_real.py --write-genre-model | --write-unit-text-model | --write-title-model
                                         | --write-unit-model | --write-sources

Cleans every page of the corpus into a temporary folder, reads the reports as a
reader sees them and compares them with the hand-checked answer keys. The corpus is
split in two by a rule fixed before any tuning (see ``half``): rules are tuned on the
"tune" half; the "held" half is only measured, so its figures say how the cleanup
does on pages from sites nobody looked at while writing the rules. Failures are
listed for the tune half only, unless asked for. Besides the strings of site furniture
left ("chrome", the issue's target), the table gives the share of pages that keep none of
theirs ("no chrome"): what a reader sees page by page.

Exit code 0 when the held half meets the targets (``TARGETS``), else 1.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests")]

from fanwen import chrome, line_model, logit, rules, title_choice  # noqa: E402
from fanwen.classify import bigrams, pair_features, report_clues, unit_features  # noqa: E402
from fanwen.cli import main as clean_main  # noqa: E402
from fanwen.pipeline import Options, default_steps, run_page  # noqa: E402
from fanwen.read import ReadError, read_page  # noqa: E402
from grading import boundary_ok, fold, fold_title, read_reports, title_ok  # noqa: E402

REAL = ROOT / "tests" / "data" / "real"
SEEDS_KEY = ROOT / "tests" / "data" / "seeds.yaml"  # the seeds' hand-checked key (the pair models learn from it too)
HALVES = ("tune", "held")

# Per-field targets on the held half (issue 9): share of items right; chrome: strings left.
TARGETS = {"count": 0.95, "title": 0.90, "unit_type": 0.90, "genre": 0.85, "must": 0.95, "chrome": 0}
# Where each half stands now: a ratchet that fails on any regression while the cleanup is
# brought up to TARGETS (raise it with every improvement; drop it once TARGETS hold).
FLOORS = {
    "tune": {"count": 0.98, "title": 0.94, "unit_type": 0.91, "genre": 0.95, "must": 0.99, "chrome": 660},
    "held": {"count": 0.98, "title": 0.88, "unit_type": 0.85, "genre": 0.89, "must": 0.99, "chrome": 1033},
}
FIELDS = ("count", "boundary", "title", "unit_type", "genre", "date", "flags", "must")


def half(source: str) -> str:
    """The half a page belongs to, from its address alone (fixed before any tuning).

    >>> half("https://www.example.com/a/1.html"), half("https://www.example.com/a/2.html")
    ('tune', 'held')
    """
    return "tune" if hashlib.sha256(source.encode("utf-8")).digest()[0] % 2 == 0 else "held"


@dataclass
class Score:
    """Right / total per field, failures with their reasons, chrome strings left."""

    n: dict[str, list[int]] = field(default_factory=dict)
    fails: list[str] = field(default_factory=list)
    chrome_left: int = 0
    chrome_pages: list[int] = field(default_factory=lambda: [0, 0])  # pages with none left / pages with chrome keyed

    def add(self, key: str, ok: bool, why: str) -> None:
        self.count(key, ok)
        if not ok:
            self.fails.append(f"{key}: {why}")

    def count(self, key: str, ok: bool) -> None:
        """A figure shown beside the fields, with no failure of its own."""
        good_total = self.n.setdefault(key, [0, 0])
        good_total[0] += int(ok)
        good_total[1] += 1

    def clean_pages_cell(self) -> str:
        good, total = self.chrome_pages
        return f"{good}/{total} {100 * good / total:5.1f}%" if total else "-"

    def share(self, key: str) -> float:
        good, total = self.n.get(key, [0, 0])
        return good / total if total else 1.0

    def cell(self, key: str) -> str:
        good, total = self.n.get(key, [0, 0])
        return f"{good}/{total} {100 * good / total:5.1f}%" if total else "-"


def load_keys(keys_dir: Path) -> dict[str, dict]:
    """Page file name -> its answer key."""
    keys = {}
    for p in sorted(keys_dir.glob("*.yaml")):
        key = yaml.safe_load(p.read_text(encoding="utf-8"))
        keys[key["page"]] = key
    return keys


def _as_list(v) -> list[str]:
    return [] if v is None else [str(x) for x in v] if isinstance(v, list) else [str(v)]


def _match(gold: list[dict], got: list[dict]) -> list[dict | None]:
    """The produced report for each gold report: by position when the counts agree,
    else the first report whose body holds the gold report's first phrase."""
    if len(gold) == len(got):
        return list(got)
    out = []
    for g in gold:
        first = fold(g["first"])
        out.append(next((r for r in got if first in fold(r["body"])), None))
    return out


def grade_page(score: Score, name: str, key: dict, got: list[dict]) -> None:
    gold = key.get("reports") or []
    counts = [int(c) for c in key.get("count", [len(gold)])]
    score.add("count", len(got) in counts, f"{name}: {len(got)} reports, expected {counts}")
    for i, (g, r) in enumerate(zip(gold, _match(gold, got)), 1):
        tag = f"{name}#{i}"
        checks = ["boundary", "title", "unit_type"] + (["genre"] if g.get("genre") else [])
        if r is None:
            for k in checks:
                score.add(k, False, f"{tag}: no report holds its first phrase {g['first']!r}")
            continue
        meta = r["meta"]
        first_ok, last_ok = boundary_ok(r["body"], g["first"], g["last"])
        score.add("boundary", first_ok and last_ok,
                  f"{tag}: first {'ok' if first_ok else 'MISSING'}, last {'ok' if last_ok else 'MISSING'}")
        titles = [g["title"], *_as_list(g.get("title_alt"))]
        # a page that prints no title: the cleanup may say so (flag untitled) instead of finding one
        untitled_ok = bool(g.get("untitled")) and "untitled" in meta["flags"]
        score.add("title", untitled_ok or title_ok(meta["title"], titles),
                  f"{tag}: title {meta['title']!r}, want {g['title']!r}")
        score.add("unit_type", meta["unit_type"] in _as_list(g["unit_type"]),
                  f"{tag}: unit_type {meta['unit_type']!r}, want {g['unit_type']} ({meta.get('unit_type_reason', '')})")
        # what an editor is told to check: a title taken from the first words, a unit type
        # or genre on no clue or a weak one (the page says so); right or so flagged
        score.count("title ✓|⚑", untitled_ok or title_ok(meta["title"], titles) or "untitled" in meta["flags"])
        score.count("unit ✓|⚑", meta["unit_type"] in _as_list(g["unit_type"])
                    or bool({"unclassified", "unit_unsure"} & set(meta["flags"])))
        if g.get("genre"):
            score.add("genre", meta["genre"] in _as_list(g["genre"]),
                      f"{tag}: genre {meta['genre']!r}, want {g['genre']} ({meta.get('genre_reason', '')})")
        if g.get("date"):
            score.add("date", meta["date"] == str(g["date"]), f"{tag}: date {meta['date']!r}, want {g['date']!r}")
        for flag in _as_list(g.get("flags")):
            score.add("flags", flag in meta["flags"], f"{tag}: flag {flag} missing ({meta['flags']})")
    text = fold("\n".join(r["body"] for r in got))
    for phrase in [p for g in gold for p in _as_list(g.get("must"))]:
        score.add("must", fold(phrase) in text, f"{name}: lost {phrase!r}")
    chrome = _as_list(key.get("chrome"))
    left_here = 0
    for s in chrome:
        left = [r["file"] for r in got
                if fold(s) in fold("\n".join([r["meta"]["title"], r["meta"].get("subtitle", ""), r["body"]]))]
        if left:
            left_here += 1
            score.chrome_left += 1
            score.fails.append(f"chrome: {name}: {s!r} left in {left[0]}")
    if chrome:
        score.chrome_pages[0] += not left_here
        score.chrome_pages[1] += 1


def clean(pages: Path, out: Path) -> int:
    return clean_main(["--raw", str(pages), "--out", str(out), "--quiet",
                       "--registry", str(out.parent / "urls.yaml")])


def grade(pages: Path = REAL / "pages", keys_dir: Path = REAL / "keys") -> tuple[dict[str, Score], dict[str, int]]:
    """Clean the corpus and grade it: (score per half, pages per half)."""
    keys = load_keys(keys_dir)
    with tempfile.TemporaryDirectory() as td:
        out = Path(td) / "out"
        clean(pages, out)
        got = read_reports(out)
    scores = {h: Score() for h in HALVES}
    sizes = dict.fromkeys(HALVES, 0)
    for name, key in keys.items():
        h = half(str(key["source"]))
        sizes[h] += 1
        grade_page(scores[h], name, key, got.get(name, []))
    return scores, sizes


def _keyed_reports(pages: Path, keys_dir: Path) -> tuple[list[str], list[str], list[tuple[dict, dict]]]:
    """(tune pages, seed pages, (key report, the cleaned report) for each of their reports
    the cleanup gives): what the pair models learn from. The seeds, on which the rules were
    written, have a hand-checked key too."""
    keys = {name: key.get("reports") or [] for name, key in load_keys(keys_dir).items()
            if half(str(key["source"])) == "tune"}
    seed_keys = _seed_keys()
    pairs = []
    for folder, gold_of in ((pages, keys), (SEEDS_KEY.parent / "seeds", seed_keys)):
        with tempfile.TemporaryDirectory() as td:
            out = Path(td) / "out"
            clean(folder, out)
            got = read_reports(out)
        for name, gold in gold_of.items():
            pairs += [(g, r) for g, r in zip(gold, _match(gold, got.get(name, []))) if r is not None]
    return sorted(keys), sorted(seed_keys), pairs


def pair_model(field_name: str, labels: list[str], cfg: dict, pages: Path = REAL / "pages",
               keys_dir: Path = REAL / "keys") -> dict:
    """A pair model's weights (``rules.pair_model``), learned from the tune half only and the
    seeds: for every report, its key's labels for ``field_name`` and the character pairs of
    the body the cleanup gives it (the pairs kept are those in at least ``min_df_share`` of
    these bodies); a softmax over the labels (``logit.train``, the target spread over the
    key's labels), its weights the mean of ``seeds`` runs of the trainer."""
    trained_on, seeds, keyed = _keyed_reports(pages, keys_dir)
    rows = [(_as_list(g[field_name]), bigrams(r["body"])) for g, r in keyed if g.get(field_name)]
    df = Counter(f for _g, fs in rows for f in fs)
    keep = sorted(f for f, n in df.items() if n >= cfg["min_df_share"] * len(rows))
    samples = []
    for want, fs in rows:
        present = sorted(fs.intersection(keep))
        samples.append(([pair_features(present, g) for g in labels], [g in want for g in labels]))
    mean = _mean_train(samples, cfg["seeds"], epochs=cfg["epochs"])
    docs = Counter(g for want, _fs in rows for g in want[:1])
    return {"about": f"learned by tests/check_real.py from the keys' {field_name}; do not edit",
            "trained_on": trained_on, "and_seeds": seeds, "docs": dict(sorted(docs.items())),
            "bias": {g: round(mean[f"{g}\t"], 4) for g in labels},
            "pairs": {f: {g: round(mean[f"{g}\t{f}"], 4) for g in labels} for f in keep}}


def _mean_train(samples: list, seeds: int, **kw) -> Counter:
    """The mean weights of ``seeds`` runs of ``logit.train`` (each its own order of the
    samples): steadier from one corpus to the next than any one run."""
    mean: Counter = Counter()
    for seed in range(seeds):
        for k, w in logit.train(samples, seed=seed, **kw).items():
            mean[k] += w / seeds
    return mean


def genre_model(pages: Path = REAL / "pages", keys_dir: Path = REAL / "keys") -> dict:
    """The genre model (``rules/genre_model.json``)."""
    return pair_model("genre", rules.genres()["vocabulary"], rules.genres()["model"], pages, keys_dir)


def unit_text_model(pages: Path = REAL / "pages", keys_dir: Path = REAL / "keys") -> dict:
    """The unit-type text model (``rules/unit_text_model.json``)."""
    return pair_model("unit_type", rules.units()["vocabulary"], rules.units()["text_model"], pages, keys_dir)


# The learned choosers overrule the rules only when they prefer another candidate by more
# than a margin (log-odds), chosen on the tune half against the rules as they stood before
# each tune page came into the corpus (rules not yet fitted to it, as they are to pages nobody
# has seen; `tests/margins.py` makes the table), never on the held half. 2 was fixed for both
# before either was measured on the held half: titles right 16 times where those rules were
# wrong, wrong once where they were right (1.5: 20 and 1; 3: 10 and 0); unit types 52 and 5
# (1.5: 59 and 10; 3: 29 and 1). Measured again on 3,056 pages (session 17): titles 21 and 0
# (1.5: 24 and 1; 3: 14 and 0), unit types 57 and 5 (1.5: 70 and 13; 3: 36 and 1).
MARGINS = {"title": 2.0, "unit": 2.0}
# The learned choosers are each the mean of this many runs of the trainer: one run's weights
# moved with every batch of pages (unit types, 4-fold cross-validation on the tune half: the
# mean does as well as one run, 1,446 and 1,445 of 1,642 reports right at margin 2; 1,455 and
# 1,453 at 3. Titles, session 21, 4,136 pages: one run learned on the grown corpus chose worse
# than the run before it, 1,960 of 2,079 tune titles against 1,962; the mean of 5 runs 1,963).
CHOOSER_SEEDS = 5


def _tune_reports(pages: Path, keys_dir: Path, disabled: str):
    """(page, key report, the cleaned report or None) for every report of a tune page and
    of the seeds (hand-checked too, as the pair models learn them), cleaned with one learned
    chooser switched off (it must not learn from its own choices)."""
    cases = [(pages / name, name, key.get("reports") or []) for name, key in load_keys(keys_dir).items()
             if half(str(key["source"])) == "tune"]
    cases += [(SEEDS_KEY.parent / "seeds" / name, name, gold) for name, gold in _seed_keys().items()]
    for path, name, gold in cases:
        try:
            page = run_page(name, path.read_bytes(), Options(frozenset({disabled})))
        except ReadError:
            continue
        got = [{"body": "\n".join(ln.text for ln in r.lines), "rep": r} for r in page.reports]
        for g, r in zip(gold, _match(gold, got)):
            yield name, g, None if r is None else r["rep"]


def _seed_keys() -> dict[str, list[dict]]:
    """The seeds' hand-checked key, page by page (for the pages that are there)."""
    return {name: gold for name, gold in yaml.safe_load(SEEDS_KEY.read_text(encoding="utf-8")).items()
            if (SEEDS_KEY.parent / "seeds" / name).exists()}


def _tune_pages(keys_dir: Path) -> list[str]:
    return sorted(n for n, k in load_keys(keys_dir).items() if half(str(k["source"])) == "tune")


def title_samples(pages: Path = REAL / "pages", keys_dir: Path = REAL / "keys") -> tuple[list, list]:
    """The title chooser's cases from the tune half only and the seeds: for every report of a
    tune page or a seed, (page, its head lines, the candidates, their features, which the key
    accepts: no title when the key says the report has none); and the trimmer's cases (the
    rules' title, and every head line that holds the key's title with more around it)."""
    samples, trims = [], []
    for name, g, rep in _tune_reports(pages, keys_dir, "title_model"):
        if rep is None or not rep.title_inputs:
            samples.append((name, [], [], [], []))  # keeps each page's reports in order
            continue
        texts, nos, ctx = rep.title_inputs
        texts, nos = texts[: title_choice.MAX_LINES], nos[: title_choice.MAX_LINES]
        titles = [g["title"], *_as_list(g.get("title_alt"))]
        cands = title_choice.candidates(texts)
        samples.append((name, texts, cands, [title_choice.features(c, i, texts, nos, ctx) for c, i in cands],
                        [bool(g.get("untitled")) if c is None else title_ok(c, titles) for c, _i in cands]))
        wanted = {fold_title(t) for t in titles}
        held_in = [t.strip() for t in texts[: title_choice.MAX_CANDIDATES] if any(w and w in fold_title(t) for w in wanted)]
        own = [] if "untitled" in rep.flags else [rep.meta["title"]]
        for title in [*own, *held_in]:
            runs = title_choice.spans(title)
            segs = title_choice.segments(title)
            right = [fold_title(title[segs[a][0]: segs[b][1]]) in wanted for a, b in runs]
            if runs and (any(right) or title in own):
                trims.append(([title_choice.span_features(title, a, b) for a, b in runs], right))
    return samples, trims


def title_model(pages: Path = REAL / "pages", keys_dir: Path = REAL / "keys") -> dict:
    """The title chooser (``fanwen.title_choice``) and its trimmer, learned from the tune half
    only and the seeds."""
    samples, trims = title_samples(pages, keys_dir)
    return {"about": "learned by tests/check_real.py --write-title-model; do not edit",
            "margin": MARGINS["title"], "trained_on": _tune_pages(keys_dir), "and_seeds": sorted(_seed_keys()),
            "weights": _rounded(_mean_train([(x, y) for _n, _t, _c, x, y in samples if x], CHOOSER_SEEDS)),
            "trim_weights": logit.train(trims)}


def unit_samples(pages: Path = REAL / "pages", keys_dir: Path = REAL / "keys") -> list[tuple[str, list, list]]:
    """For every report of a tune page or a seed: (page, each unit type's features, which types the
    key accepts), the clues read from the report as the rules leave it."""
    vocabulary = rules.units()["vocabulary"]
    out = []
    for name, g, rep in _tune_reports(pages, keys_dir, "unit_model"):
        if rep is None:
            out.append((name, [], []))  # keeps each page's reports in order
            continue
        clues = report_clues(rep)
        out.append((name, [unit_features(clues, k) for k in vocabulary], [k in _as_list(g["unit_type"]) for k in vocabulary]))
    return out


def unit_model(pages: Path = REAL / "pages", keys_dir: Path = REAL / "keys") -> dict:
    """The unit-type chooser (``fanwen.classify.second_opinion``) learned from the tune half
    only and the seeds."""
    samples = unit_samples(pages, keys_dir)
    trained_on = _tune_pages(keys_dir)
    return {"about": "learned by tests/check_real.py --write-unit-model; do not edit", "margin": MARGINS["unit"],
            "trained_on": trained_on, "and_seeds": sorted(_seed_keys()),
            "weights": _rounded(_mean_train([(x, y) for _n, x, y in samples if x], CHOOSER_SEEDS))}


def _rounded(weights: Counter) -> dict[str, float]:
    """Weights as a model file stores them: sorted, to 4 places, the zeros left out."""
    return {k: round(w, 4) for k, w in sorted(weights.items()) if round(w, 4)}


def _chrome_label(text: str, key: dict) -> bool:
    """Whether the key calls a whole line furniture: one of its chrome strings makes up
    most of it (at least 60%), and it holds no phrase that must survive and no title."""
    f = fold(text)
    gold = key.get("reports") or []
    if any(fold(m) in f for g in gold for m in _as_list(g.get("must"))):
        return False
    if len(f) >= 4 and any((t := fold(x)) and (t in f or f in t)
                           for g in gold for x in [g["title"], *_as_list(g.get("title_alt"))]):
        return False
    return any((c := fold(s)) and c in f and len(c) >= 0.6 * len(f) for s in _as_list(key.get("chrome")))


def chrome_line_samples(pages: Path = REAL / "pages", keys_dir: Path = REAL / "keys") -> list[tuple[str, dict, bool]]:
    """The chrome line model's cases from the tune half only: every line of a tune page
    as the page steps before the chrome rules leave it, with (site, its features, whether it
    is furniture). Furniture: the whole lines the rules took (their shapes are the ones
    sites share) and the lines the key calls chrome; text: every other line."""
    before = []
    for step in default_steps():
        if step.name == "strip_site_chrome":
            break
        before.append(step)
    out = []
    for name, key in sorted(load_keys(keys_dir).items()):
        if half(str(key["source"])) != "tune":
            continue
        try:
            page = read_page(name, (pages / name).read_bytes())
        except ReadError:
            continue
        for step in before:
            step.run(page, Options())
        lines = list(page.lines)
        chrome.strip_site_chrome(page, frozenset({"learned_chrome"}))
        kept = {ln.no for ln in page.lines}
        site = str(key.get("site") or key["source"])
        for ln, f in _line_features(page.lines):
            out.append((site, f, _chrome_label(ln.text, key)))
        out += [(site, f, True) for ln, f in _line_features(lines) if ln.no not in kept]
    return out


def _line_features(lines):
    texts = [ln.text for ln in lines]
    return zip(lines, line_model.page_features(texts, [chrome.is_body_line(t) for t in texts]))


def chrome_model(pages: Path = REAL / "pages", keys_dir: Path = REAL / "keys") -> dict:
    """The chrome line model (``fanwen.line_model``), learned from the tune half only: a
    logistic model over the features seen on the lines of at least ``min_sites`` sites
    (a word one site prints teaches nothing about the next)."""
    cfg = {"min_sites": 3, "epochs": 15, "seeds": CHOOSER_SEEDS}
    samples = chrome_line_samples(pages, keys_dir)
    sites: dict[str, set[str]] = {}
    for site, f, _y in samples:
        for k in f:
            sites.setdefault(k, set()).add(site)
    keep = {k for k, v in sites.items() if len(v) >= cfg["min_sites"]}
    mean = _mean_train([([{k: v for k, v in f.items() if k in keep}, {}], [y, not y]) for _s, f, y in samples],
                       cfg["seeds"], epochs=cfg["epochs"])
    return {"about": "learned by tests/check_real.py --write-chrome-model; do not edit", **cfg,
            "trained_on": _tune_pages(keys_dir), "weights": _rounded(mean)}


def _write_model(path: Path, model: dict) -> None:
    """One line per entry, one per weight or character pair (the tables: "weights", "pairs"):
    reviewable diffs when the corpus grows."""
    def table(k: str) -> bool:
        return k.endswith("weights") or k == "pairs"
    def row(k: str, v) -> str:
        return f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
    head = [row(k, v) for k, v in model.items() if not table(k)]
    tables = [f"{json.dumps(k)}: {{\n" + ",\n".join(row(w, v) for w, v in model[k].items()) + "}"
              for k in model if table(k)]
    path.write_text("{" + ",\n".join([*head, *tables]) + "}\n", encoding="utf-8")


def meets_targets(score: Score, targets: dict = TARGETS) -> list[str]:
    """The targets a half misses (empty when it meets them all)."""
    missed = [f"{k} {100 * score.share(k):.1f}% < {100 * v:.0f}%"
              for k, v in targets.items() if k != "chrome" and score.share(k) < v]
    if score.chrome_left > targets["chrome"]:
        missed.append(f"{score.chrome_left} chrome strings left (at most {targets['chrome']})")
    return missed


def table(scores: dict[str, Score], sizes: dict[str, int]) -> str:
    rows = [f"{'field':<10} " + " ".join(f"{h + f' ({sizes[h]} pages)':>18}" for h in HALVES)]
    for k in FIELDS:
        rows.append(f"{k:<10} " + " ".join(f"{scores[h].cell(k):>18}" for h in HALVES))
    for k in ("title ✓|⚑", "unit ✓|⚑"):
        rows.append(f"{k:<10} " + " ".join(f"{scores[h].cell(k):>18}" for h in HALVES) + "  (right or flagged for an editor)")
    rows.append(f"{'chrome':<10} " + " ".join(f"{str(scores[h].chrome_left) + ' left':>18}" for h in HALVES))
    # what a reader sees: the pages whose reports keep none of their keyed site furniture
    rows.append(f"{'no chrome':<10} " + " ".join(f"{scores[h].clean_pages_cell():>18}" for h in HALVES) + "  (pages)")
    return "\n".join(rows)


def sources_markdown(keys: dict[str, dict]) -> str:
    """SOURCES.md: every page, where it came from, how it was obtained, what is hard in it."""
    def cell(v) -> str:
        return " ".join(str(v).split()).replace("|", "\\|")

    out = ["# Sources of the real-page corpus", "",
           "Generated from the answer keys in `keys/` (`.venv/bin/python tests/check_real.py --write-sources`);",
           "see README.md for how pages were obtained and how the halves are drawn.", "",
           "| page | half | source | obtained | site | kinds | reports | what is hard |",
           "|---|---|---|---|---|---|---|---|"]
    for name, k in keys.items():
        counts = "/".join(str(c) for c in k.get("count", [len(k.get("reports") or [])]))
        out.append(f"| `{name}` | {half(str(k['source']))} | {cell(k['source'])} | {cell(k['obtained'])} "
                   f"| {cell(k['site'])} | {', '.join(k['kinds'])} | {counts} | {cell(k['hard'])} |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--details", choices=["tune", "held", "all", "none"], default="tune",
                    help="whose failures to list (default: tune; look at the held half only to report it)")
    ap.add_argument("--pages", type=Path, default=REAL / "pages")
    ap.add_argument("--keys", type=Path, default=REAL / "keys")
    ap.add_argument("--write-genre-model", action="store_true",
                    help="learn rules/genre_model.json from the tune half, then exit")
    ap.add_argument("--write-unit-text-model", action="store_true",
                    help="learn rules/unit_text_model.json from the tune half, then exit")
    ap.add_argument("--write-title-model", action="store_true",
                    help="learn rules/title_model.json from the tune half, then exit")
    ap.add_argument("--write-unit-model", action="store_true",
                    help="learn rules/unit_model.json from the tune half, then exit")
    ap.add_argument("--write-chrome-model", action="store_true",
                    help="learn rules/chrome_model.json from the tune half, then exit")
    ap.add_argument("--write-sources", action="store_true", help="regenerate SOURCES.md from the keys, then exit")
    args = ap.parse_args(argv)
    if args.write_genre_model:
        _write_model(rules.RULES_DIR / "genre_model.json", genre_model(args.pages, args.keys))
        return 0
    if args.write_unit_text_model:
        _write_model(rules.RULES_DIR / "unit_text_model.json", unit_text_model(args.pages, args.keys))
        return 0
    if args.write_title_model:
        _write_model(rules.RULES_DIR / "title_model.json", title_model(args.pages, args.keys))
        return 0
    if args.write_unit_model:
        _write_model(rules.RULES_DIR / "unit_model.json", unit_model(args.pages, args.keys))
        return 0
    if args.write_chrome_model:
        _write_model(rules.RULES_DIR / "chrome_model.json", chrome_model(args.pages, args.keys))
        return 0
    if args.write_sources:
        (REAL / "SOURCES.md").write_text(sources_markdown(load_keys(args.keys)), encoding="utf-8")
        return 0
    scores, sizes = grade(args.pages, args.keys)
    for h in HALVES:
        if args.details in (h, "all"):
            for f in scores[h].fails:
                print(f"  [{h}] {f}")
    print(table(scores, sizes))
    missed = meets_targets(scores["held"])
    print("held half: " + ("meets the targets" if not missed else "below target: " + "; ".join(missed)))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
