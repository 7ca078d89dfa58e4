"""The URL registry: every report URL ever published, kept in ``raw/urls.yaml`` (commit it).

A report's URL is ``reports/<slug>/``; the slug is the pinyin of its title and a
tag derived from its raw file and position (``file#part``), so adding or
removing other raw pages never changes it. The registry makes the promise hold
for everything else:

- a report keeps the slug it was published under as long as its title stays
  (so a rare slug clash, settled by a suffix, is settled once and for all);
- when its title changes (an editor's curation, a better rule), it gets the new
  slug and the old one is kept as an alias: the site serves a redirect there;
- when it disappears (raw page removed, report hidden), its entry stays,
  marked removed: the site serves a page saying so, with a way to find it again;
- a new report never takes a slug that was ever published for another one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .model import Page
from .write import slug as make_slug, write_atomic, yaml_mapping

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same result, faster

FILE_NAME = "urls.yaml"
HEADER = """\
# 范文参考库 — published report URLs (reports/<slug>/), written by scripts/clean_reports.py.
# Commit this file: it keeps links stable. An entry per report ("file#part"):
#   slug: its URL now; title: the title it was published under;
#   aliases: earlier slugs (they redirect to slug); removed: true when it is no longer published.
# Do not edit by hand; change titles in curation.yaml.
"""


class RegistryError(ValueError):
    pass


@dataclass
class Entry:
    slug: str
    title: str
    aliases: list[str] = field(default_factory=list)
    removed: bool = False

    def as_dict(self) -> dict:
        out: dict = {"slug": self.slug, "title": self.title}
        if self.aliases:
            out["aliases"] = list(self.aliases)
        if self.removed:
            out["removed"] = True
        return out


@dataclass
class Registry:
    entries: dict[str, Entry] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "Registry":
        if not path.exists():
            return cls()
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as e:
            raise RegistryError(f"{path}: not valid YAML ({str(e).splitlines()[0]})") from None
        reports = data.get("reports") if isinstance(data, dict) else None
        if not isinstance(reports, dict):
            raise RegistryError(f"{path}: expected a mapping 'reports:'")
        reg = cls()
        for key, e in reports.items():
            if not (isinstance(e, dict) and isinstance(e.get("slug"), str) and isinstance(e.get("title", ""), str)):
                raise RegistryError(f"{path}: entry {key!r} needs a slug and a title")
            aliases = e.get("aliases") or []
            if not (isinstance(aliases, list) and all(isinstance(a, str) for a in aliases)):
                raise RegistryError(f"{path}: entry {key!r}: aliases must be a list of slugs")
            reg.entries[str(key)] = Entry(e["slug"], e.get("title", ""), list(aliases), bool(e.get("removed")))
        return reg

    def dump(self) -> str:
        return HEADER + yaml_mapping({"reports": {k: self.entries[k].as_dict() for k in sorted(self.entries)}})

    def save(self, path: Path) -> bool:
        """Write the registry if it changed (atomically); True when written."""
        text = self.dump()
        if path.exists() and path.read_text(encoding="utf-8") == text:
            return False
        write_atomic(path, text.encode("utf-8"))
        return True

    def taken(self, except_key: str = "") -> set[str]:
        """Every slug ever published, as a URL or an alias, by other reports."""
        return {s for k, e in self.entries.items() if k != except_key for s in (e.slug, *e.aliases)}

    def assign(self, pages: list[Page]) -> None:
        """Give every report its slug and bring the registry up to date."""
        visible = [rep for page in pages for rep in page.reports if not rep.meta.get("hidden")]
        taken = self.taken()
        claimed: set[str] = set()
        for rep in sorted((r for p in pages for r in p.reports), key=lambda r: r.key):
            title = rep.meta["title"]
            entry = self.entries.get(rep.key)
            if entry and entry.title == title and entry.slug not in claimed:
                name = entry.slug
            else:
                own = {entry.slug, *entry.aliases} if entry else set()
                base = make_slug(title, rep.key)
                name, n = base, 2
                while (name in taken and name not in own) or name in claimed:
                    name, n = f"{base}-{n}", n + 1
            claimed.add(name)
            rep.meta["slug"] = name
        shown = {rep.key for rep in visible}
        for rep in visible:
            entry = self.entries.get(rep.key)
            name = rep.meta["slug"]
            if entry is None:
                self.entries[rep.key] = Entry(name, rep.meta["title"])
                continue
            if entry.slug != name:
                entry.aliases = [a for a in [*entry.aliases, entry.slug] if a != name]
                entry.slug = name
            entry.title, entry.removed = rep.meta["title"], False
        for key, entry in self.entries.items():
            if key not in shown:
                entry.removed = True

    def redirects(self) -> dict[str, str]:
        """old slug -> current slug, for reports still published."""
        return {a: e.slug for e in self.entries.values() if not e.removed for a in e.aliases}

    def gone(self) -> list[dict]:
        """Reports no longer published: every slug they had, and their last title."""
        return [{"slug": s, "title": e.title, "key": k} for k, e in sorted(self.entries.items()) if e.removed
                for s in (e.slug, *e.aliases)]
