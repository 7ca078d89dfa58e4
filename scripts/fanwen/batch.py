"""Clean many pages: on all cores, and incrementally with a cache.

A page's result depends only on its bytes, its name, the rules (the package's
code and rule files) and the steps switched off; that is the cache key. An
unchanged page is loaded from the cache instead of being cleaned again, so
adding or changing one raw page re-cleans just that page, and the output is
byte-identical to a full run. Curation and file names are applied after, on
every run.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from .model import Page
from .pipeline import Options, run_page
from .read import ReadError
from .rules import rules_version
from .write import write_atomic

DEFAULT_CACHE = Path(".cache") / "fanwen"
# Below this many pages to clean, starting worker processes costs more than it saves.
PARALLEL_FROM = 8


@dataclass(frozen=True)
class Outcome:
    """One raw file: its cleaned page, or the one-line reason it could not be read."""

    source: str
    page: Page | None = None
    error: str = ""
    cached: bool = False


def cache_key(source: str, data: bytes, opts: Options) -> str:
    h = hashlib.sha256()
    for part in (rules_version(), source, ",".join(sorted(opts.disabled))):
        h.update(part.encode("utf-8") + b"\0")
    h.update(data)
    return h.hexdigest()


def _slim(page: Page) -> Page:
    """Drop what later stages never read, so results travel and cache light."""
    page.text = ""
    page.lines = []
    page.lexicon = None
    for rep in page.reports:
        rep.title_inputs = ()  # read by the title chooser's training only
    return page


def clean_file(source: str, path: str, opts: Options) -> Outcome:
    """Clean one raw file; never raises (a bad page must not stop the others)."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        return Outcome(source, error=f"cannot read ({e.strerror or e})")
    try:
        return Outcome(source, page=_slim(run_page(source, data, opts)))
    except ReadError as e:
        return Outcome(source, error=str(e))
    except Exception as e:  # report it as this file's error, with its kind
        return Outcome(source, error=f"internal error ({type(e).__name__}: {e})")


def _clean_job(job: tuple[str, str, Options]) -> Outcome:
    return clean_file(*job)


class Cache:
    """Outcomes on disk under ``root/<rules version>/``; writes are atomic."""

    def __init__(self, root: Path | None):
        self.dir = root / rules_version() if root else None

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Outcome | None:
        if not self.dir:
            return None
        try:
            with open(self._path(key), "rb") as f:
                return pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None

    def put(self, key: str, outcome: Outcome) -> None:
        if not self.dir:
            return
        write_atomic(self._path(key), pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))


def _follow_parent(parent: int) -> None:
    """In a worker: exit when the cleanup that started it is gone (killed with SIGKILL, say),
    instead of waiting forever for work that will never come."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def clean_all(files: list[tuple[str, Path]], opts: Options, jobs: int, cache_root: Path | None,
              on_done: Callable[[str], None] = lambda s: None) -> Iterator[Outcome]:
    """Outcomes for (source, path) pairs, in the order given."""
    cache = Cache(cache_root)
    outcomes: dict[str, Outcome] = {}
    todo: list[tuple[str, str, Options]] = []
    keys: dict[str, str] = {}
    for source, path in files:
        try:
            key = cache_key(source, path.read_bytes(), opts)
        except OSError:
            key = ""
        hit = cache.get(key) if key else None
        if hit is not None:
            outcomes[source] = Outcome(hit.source, hit.page, hit.error, cached=True)
            on_done(source)
        else:
            keys[source] = key
            todo.append((source, str(path), opts))
    if len(todo) >= PARALLEL_FROM and jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_follow_parent, initargs=(os.getpid(),)) as pool:
            results = pool.map(_clean_job, todo, chunksize=max(1, min(32, len(todo) // (jobs * 8))))
            for outcome in results:
                _keep(outcome, outcomes, keys, cache, on_done)
    else:
        for job in todo:
            _keep(_clean_job(job), outcomes, keys, cache, on_done)
    for source, _path in files:
        yield outcomes[source]


def _keep(outcome: Outcome, outcomes: dict, keys: dict, cache: Cache, on_done: Callable[[str], None]) -> None:
    outcomes[outcome.source] = outcome
    if keys.get(outcome.source):
        cache.put(keys[outcome.source], outcome)
    on_done(outcome.source)
