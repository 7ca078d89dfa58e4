"""The one command: clean every raw page into Markdown reports.

    python scripts/clean_reports.py --raw raw --out docs/reports
"""
from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from . import __version__, rules
from .curation import CurationError, apply_curation, load_curation
from .model import Page
from .batch import DEFAULT_CACHE, clean_all
from .pipeline import Options, default_steps
from .verify import check_nothing_lost
from .registry import FILE_NAME as REGISTRY_FILE, Registry, RegistryError
from .write import REVIEW_FLAGS, write_output

RAW_SUFFIXES = (".txt", ".html", ".htm")
DEFAULT_RAW = "raw"
DEFAULT_OUT = "docs/reports"

EPILOG = """\
example:
  python scripts/clean_reports.py --raw raw --out docs/reports

Every .txt, .html and .htm file under --raw is read (HTML is recognised by its
content), cut into reports and written to --out as one Markdown file per
report, with catalogue.json (all reports) and removal-log.json (what each rule
removed). Editorial choices go in RAW/curation.yaml; every published URL is kept in
RAW/urls.yaml (commit it: old links keep working). A file that cannot be read
gets one line naming it; the others still go through and the exit code is 1.
"""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        prog="clean_reports.py",
        description="Turn raw 范文 pages into one clean Markdown page per report.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--raw", default=DEFAULT_RAW, type=Path, help=f"folder of raw pages (default: {DEFAULT_RAW})")
    ap.add_argument("--out", default=DEFAULT_OUT, type=Path,
                    help=f"folder the reports are written to, owned by the cleanup (default: {DEFAULT_OUT})")
    ap.add_argument("--disable", action="append", default=[], metavar="NAME",
                    help="switch off a pipeline step or chrome rule by name (repeatable)")
    ap.add_argument("--list-steps", action="store_true", help="list the pipeline steps and chrome rules, then exit")
    ap.add_argument("--check", action="store_true",
                    help="after writing, prove every raw line is in a report or in the removal log")
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, metavar="N",
                    help="clean pages in N processes (default: all cores)")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, metavar="DIR",
                    help=f"keep cleaned pages here; unchanged pages are not cleaned again (default: {DEFAULT_CACHE})")
    ap.add_argument("--no-cache", action="store_true", help="clean every page, read and write no cache")
    ap.add_argument("--registry", type=Path, default=None, metavar="FILE",
                    help="the published-URL registry (default: RAW/urls.yaml)")
    ap.add_argument("--quiet", "-q", action="store_true", help="print errors only, no progress or summary")
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return ap.parse_args(argv)


def raw_files(raw: Path) -> tuple[list[Path], list[Path]]:
    """(pages to read, other files skipped), sorted, hidden files ignored."""
    pages, skipped = [], []
    for p in sorted(raw.rglob("*")):
        rel = p.relative_to(raw)
        if not p.is_file() or any(part.startswith(".") for part in rel.parts):
            continue
        if p.suffix.lower() in RAW_SUFFIXES:
            pages.append(p)
        elif rel.as_posix() not in ("curation.yaml", "urls.yaml"):
            skipped.append(p)
    return pages, skipped


def list_steps() -> str:
    lines = ["pipeline steps (in order):"]
    for s in default_steps():
        lines.append(f"  {s.name:<26} {s.scope:<7} {s.why}")
    lines.append("chrome rules (rules/chrome.yaml):")
    cfg = rules.chrome()
    for r in [*cfg["line"], cfg["related_list"], cfg["pinyin_toneless"], *cfg["inline"]]:
        lines.append(f"  {r.name:<26} {r.why}")
    lines.append(f"  {'page_title_repeat':<26} A repeat of the page title after the last report.")
    lines.append(f"  {'html_heading':<26} Column names above the article heading that the HTML <title> agrees on.")
    lines.append(f"  {'bullet_menu':<26} Three or more bulleted lines in the head that are no sentences: the site's menu.")
    lines.append(f"  {'above_breadcrumb':<26} Short lines above the breadcrumb: the site's header.")
    lines.append(f"  {'above_stamped_title':<26} Short lines above the heading a publish stamp follows: the site's header.")
    lines.append("learned models:")
    lines.append(f"  {'title_model':<26} The title chooser's second opinion on the head rules (rules/title_model.json).")
    lines.append(f"  {'unit_model':<26} The unit-type chooser's second opinion on the unit rules (rules/unit_model.json).")
    return "\n".join(lines)


class Progress:
    """One updating line on stderr while pages are cleaned (only on a terminal)."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.enabled, self.done = total, enabled and sys.stderr.isatty() and total > 1, 0

    def step(self, name: str = "") -> None:
        self.done += 1
        if self.enabled:
            width = 30
            filled = width * self.done // self.total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {name[:40]:<40}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 80 + "\r")


def summary(pages: list[Page], errors: list[str], skipped: list[Path], stats: dict, cached: int = 0) -> str:
    reports = [r for p in pages for r in p.reports if not r.meta.get("hidden")]
    hidden = sum(1 for p in pages for r in p.reports if r.meta.get("hidden"))
    units = Counter(r.meta["unit_type"] for r in reports)
    flags = Counter(f for r in reports for f in r.flags)
    rows = [("pages read", str(len(pages))), ("  of them unchanged (from the cache)", str(cached)),
            ("reports", str(len(reports)))]
    if hidden:
        rows.append(("hidden by curation", str(hidden)))
    for unit in rules.units()["vocabulary"]:
        if units[unit]:
            rows.append((f"  {unit}", str(units[unit])))
    review = sum(1 for r in reports if r.flags & set(REVIEW_FLAGS))
    rows.append(("reports flagged for review", str(review)))
    for flag, n in sorted(flags.items()):
        rows.append((f"flag {flag}", str(n)))
    rows.append(("warnings", str(sum(len(p.warnings) for p in pages))))
    rows.append(("errors", str(len(errors))))
    if skipped:
        rows.append(("other files skipped", str(len(skipped))))
    rows.append(("files written / unchanged / removed",
                 f"{stats['written']} / {stats['unchanged']} / {stats['removed']}"))
    width = max(display_width(k) for k, _ in rows)
    return "\n".join(f"{k}{' ' * (width - display_width(k))}  {v:>7}" for k, v in rows)


def display_width(s: str) -> int:
    """Columns a string takes in a terminal (Chinese characters take two).

    >>> display_width("国有企业"), display_width("reports")
    (8, 7)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.list_steps:
        print(list_steps())
        return 0
    known = {s.name for s in default_steps()} | {r.name for r in [*rules.chrome()["line"], *rules.chrome()["inline"]]}
    known |= {"related_list", "pinyin_toneless", "page_title_repeat", "html_heading", "bullet_menu", "above_breadcrumb", "above_stamped_title",
              "title_model", "unit_model"}
    for name in args.disable:
        if name not in known:
            print(f"error: --disable {name}: no step or rule of that name (see --list-steps)", file=sys.stderr)
            return 2
    if not args.raw.is_dir():
        print(f"error: {args.raw}: raw folder not found", file=sys.stderr)
        return 2
    registry_path = args.registry or args.raw / REGISTRY_FILE
    try:
        curation = load_curation(args.raw)
        registry = Registry.load(registry_path)
    except (CurationError, RegistryError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    opts = Options(frozenset(args.disable))
    files, skipped = raw_files(args.raw)
    pages: list[Page] = []
    errors: list[str] = []
    progress = Progress(len(files), not args.quiet)
    jobs = [(path.relative_to(args.raw).as_posix(), path) for path in files]
    cache_root = None if args.no_cache else args.cache
    cached = 0
    for outcome in clean_all(jobs, opts, args.jobs, cache_root, progress.step):
        if outcome.error:
            errors.append(f"error: {args.raw / outcome.source}: {outcome.error}")
        else:
            pages.append(outcome.page)
            cached += outcome.cached
    progress.close()
    for page in pages:
        for rep in page.reports:
            apply_curation(rep, curation)
    registry.assign(pages)
    stats = write_output(args.out, pages, rules.rules_version(),
                         links={"redirects": registry.redirects(), "gone": registry.gone(),
                                "practices": curation.practices})
    try:
        registry.save(registry_path)
    except OSError as e:
        errors.append(f"error: {registry_path}: cannot write the URL registry ({e.strerror})")
    for line in errors:
        print(line, file=sys.stderr)
    if not args.quiet:
        for page in pages:
            for w in page.warnings:
                print(f"warning: {args.raw / page.source}: {w}", file=sys.stderr)
        used = {r.key for p in pages for r in p.reports}
        for key in curation.keys_unused(used):
            print(f"warning: {args.raw / 'curation.yaml'}: no report {key!r}", file=sys.stderr)
        for p in skipped:
            print(f"note: {p}: not a .txt/.html/.htm page, skipped", file=sys.stderr)
        print(summary(pages, errors, skipped, stats, cached))
    if args.check:
        lost = check_nothing_lost(args.raw, args.out)
        for item in lost:
            print(f"lost: {args.raw / item.source}:{item.line}: {item.text[:60]}", file=sys.stderr)
        if not args.quiet:
            print(f"nothing-lost check: {len(lost)} raw lines unaccounted for")
        if lost:
            return 1
    return 1 if errors else 0
