"""Stage 8, write: one Markdown file per report, the catalogue and the removal log.

The cleanup owns its output folder: it records the files it wrote in a
manifest, removes the ones a later run no longer produces, and never touches
any other file. Files are replaced atomically and only when their content
changed, so two runs give byte-identical output and unchanged files keep
their modification times.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from pathlib import Path

from .model import Page, Report
from .text import pinyin_slug

MANIFEST = ".fanwen-manifest.json"
CATALOGUE = "catalogue.json"
REMOVAL_LOG = "removal-log.json"
SLUG_SYLLABLES = 8

# Front matter keys every report carries, in this order (other tools read them).
REQUIRED_KEYS = ("title", "subtitle", "org", "author", "date", "genre", "unit_type", "tags",
                 "source", "source_part", "flags")

NOTES = {
    "traditional": ("info", "繁简转换", "原文为繁体字，已用 OpenCC 转换为简体字。"),
    "repaired": ("info", "乱码修复", "原文有 GBK 编码错位造成的乱码，已按字节精确还原。"),
    "garbled": ("warning", "残留乱码", "原文有几处乱码无法准确还原，按原样保留（如“?!”“??”后的怪字）。"),
    "truncated": ("warning", "原文不全", "来源页面只提供了这篇材料的前一部分，后文缺失。"),
    "untitled": ("warning", "原文无标题", "来源页面没有给出这篇材料的标题，现标题取自正文开头。"),
    "split_unsure": ("warning", "拆分待核", "来源页面标注的篇数与拆出的篇数不一致，这一篇的起止可能有误，请对照原文核对。"),
    "unclassified": ("info", "分类待核", "未找到判定单位类型或文种的明确线索，暂按默认归类，请编辑核对（可在 curation.yaml 中指定）。"),
    "unit_unsure": ("info", "单位类型待核", "单位类型只凭正文里少数几个字词判定，线索较弱，请编辑核对（可在 curation.yaml 中指定）。"),
}
# Flags that mean the cleanup could not do everything: counted in the run's summary.
REVIEW_FLAGS = ("truncated", "garbled", "untitled", "split_unsure", "unclassified", "unit_unsure")


# --- file names ---------------------------------------------------------


def slug(title: str, key: str) -> str:
    """Short readable ASCII file name: pinyin of the title + a tag derived from ``file#part``.

    The tag depends only on the report's own source file and position, so the
    name stays the same when other raw pages come and go, and two reports with
    the same title still get different names.

    >>> slug("部门创先争优点评工作汇报", "000_50ee0fb81cba185b.txt#2")
    'bu-men-chuang-xian-zheng-you-dian-ping-gdpriz'
    """
    words = pinyin_slug(title, SLUG_SYLLABLES)
    digest = hashlib.sha1(key.encode("utf-8")).digest()
    tag = base64.b32encode(digest).decode("ascii")[:6].lower()
    return f"{words}-{tag}" if words else f"report-{tag}"


# --- Markdown -----------------------------------------------------------

# Characters that are Markdown (or one of its extensions: tables, attr_list,
# tilde) wherever they stand; the rest only matter at the start of a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]#|>])")
_LINE_START = re.compile(r"^(?:(\d+)\.|([-+!])|([=?:]))")


def escape_md(text: str) -> str:
    """Escape text so Markdown shows it exactly as written.

    "**市" is an anonymisation mark, not bold; "<" stays text; "{{ }}" and
    "[x](javascript:…)" stay literal; a line never turns into a list or a note.

    >>> escape_md("XX**市发改局 <b>")
    'XX\\\\*\\\\*市发改局 &lt;b\\\\>'
    >>> escape_md("1. 有安排"), escape_md("--建筑公司党委"), escape_md("!!! note")
    ('1\\\\. 有安排', '\\\\--建筑公司党委', '\\\\!!! note')
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_line_start, text)


_ENTITY = re.compile(r"&(amp|lt|#\d+);")
_BACKSLASHED = re.compile(r"\\(.)")


def unescape_md(text: str) -> str:
    """The inverse of ``escape_md``: the author's text back from a line of Markdown.

    >>> unescape_md(escape_md("XX**市 <b> & 1. =")) == "XX**市 <b> & 1. ="
    True
    """
    text = _BACKSLASHED.sub(r"\1", text)
    return _ENTITY.sub(lambda m: {"amp": "&", "lt": "<"}.get(m.group(1)) or chr(int(m.group(1)[1:])), text)


def markdown_text(markdown: str) -> list[str]:
    """The report's own text from its Markdown file: title and body lines, no notes or markup."""
    return [text for _level, text in markdown_lines(markdown)]


def markdown_lines(markdown: str) -> list[tuple[int, str]]:
    """(heading level, or 0, text) for every line of the report's own text in its Markdown file.

    >>> markdown_lines("---\\nslug: x\\n---\\n\\n# 标题\\n\\n!!! note \\"编者按\\"\\n\\n    按语\\n\\n## 一、做法\\n\\n正文\\\\*")
    [(1, '标题'), (2, '一、做法'), (0, '正文*')]
    """
    body = markdown.split("\n---\n", 1)[1] if markdown.startswith("---\n") else markdown
    out, in_note = [], False
    for line in body.split("\n"):
        if line.startswith(("!!! ", "??? ")):
            in_note = True
            continue
        if in_note and (line.startswith("    ") or not line.strip()):
            continue
        in_note = False
        if not line.strip() or re.match(r"^\{: \.[\w-]+ \}$", line):
            continue
        heading = re.match(r"^(#{1,6}) ", line)
        line = line[heading.end():].rstrip() if heading else line.rstrip()
        out.append((len(heading.group(1)) if heading else 0, unescape_md(line.removesuffix("  "))))
    return out


def _escape_line_start(m: re.Match) -> str:
    if m.group(1):
        return f"{m.group(1)}\\."
    if m.group(2):
        return f"\\{m.group(2)}"
    return f"&#{ord(m.group(3))};"  # not backslash-escapable in Markdown


def _front_matter(rep: Report) -> str:
    meta = rep.meta
    fm: dict = {}
    for key in REQUIRED_KEYS:
        if key == "source":
            fm[key] = rep.source
        elif key == "source_part":
            fm[key] = rep.part
        elif key == "flags":
            fm[key] = sorted(rep.flags)
        elif key == "tags":
            fm[key] = list(dict.fromkeys(meta.get("tags", [])))
        else:
            fm[key] = str(meta.get(key) or "")
        if key == "title" and meta.get("listing_title"):
            fm["listing_title"] = meta["listing_title"]
    extras = {
        "unit_type_reason": meta.get("unit_type_reason", ""),
        "genre_reason": meta.get("genre_reason", ""),
        "chars": meta.get("chars", 0),
    }
    for key in ("document_number", "signature", "distribution", "recommended", "curated"):
        if meta.get(key):
            extras[key] = meta[key]
    fm.update(extras)
    fm["slug"] = meta["slug"]
    return f"---\n{yaml_mapping(fm)}---\n"


_YAML_BREAKS = {"\u0085", "\u2028", "\u2029"}  # line breaks to YAML 1.1, printable to Python
_YAML_PLAIN = re.compile("[^\\x00-\\x7f\\s\u0085\u2028\u2029\ufeff]+")  # no ASCII, no spaces or breaks


def yaml_scalar(value) -> str:
    """One value in YAML, written the same way on every machine (no emitter library involved).

    Strings of Chinese text stay plain; any other string is double-quoted with
    escapes, so it can never be read as a number, a date, a boolean or YAML syntax.

    >>> yaml_scalar("党员挂牌上岗"), yaml_scalar("2011-02-14"), yaml_scalar('a: "b"'), yaml_scalar(["甲", ""])
    ('党员挂牌上岗', '"2011-02-14"', '"a: \\\\"b\\\\""', '[甲, ""]')
    >>> yaml_scalar(True), yaml_scalar(3), yaml_scalar("\u2028\\x00")
    ('true', '3', '"\\\\u2028\\\\u0000"')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml_scalar(v) for v in value) + "]"
    s = str(value)
    if s.isprintable():
        if _YAML_PLAIN.fullmatch(s):
            return s
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ch in _YAML_BREAKS or not ch.isprintable() or ch == "\ufeff":
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def yaml_mapping(fm: dict, indent: str = "") -> str:
    """A mapping of plain keys to values (or to nested mappings), one per line."""
    lines = []
    for key, value in fm.items():
        if isinstance(value, dict) and not value:
            lines.append(f"{indent}{key}: {{}}")
        elif isinstance(value, dict):
            lines.append(f"{indent}{yaml_scalar(key) if not re.fullmatch(r'[A-Za-z_][A-Za-z0-9_]*', key) else key}:")
            lines.append(yaml_mapping(value, indent + "  ").rstrip("\n"))
        else:
            lines.append(f"{indent}{key}: {yaml_scalar(value)}")
    return "\n".join(lines) + "\n"


def render_markdown(rep: Report) -> str:
    """The report's Markdown file: front matter, title, notes, body, closing lines."""
    meta = rep.meta
    out = [_front_matter(rep), f"# {escape_md(meta['title'])}", ""]
    if meta.get("subtitle"):
        out += [escape_md(meta["subtitle"]), "{: .subtitle }", ""]
    if meta.get("byline"):
        out += [escape_md(meta["byline"]), "{: .byline }", ""]
    for flag in ("truncated", "garbled", "untitled", "split_unsure", "unclassified", "unit_unsure", "repaired", "traditional"):
        if flag in rep.flags:
            kind, title, text = NOTES[flag]
            out += [f'!!! {kind} "{title}"', "", f"    {text}", ""]
    if meta.get("editor_note"):
        out += ['!!! note "编者按"', "", f"    {escape_md(meta['editor_note'])}", ""]
    for ln in rep.lines:
        text = escape_md(ln.text)
        out += [f"{'#' * ln.level} {text}" if ln.kind == "h" else text, ""]
    if rep.closing:
        out += ["  \n".join(escape_md(c) for c in rep.closing), "{: .closing }", ""]
    return "\n".join(out).rstrip("\n") + "\n"


# --- the output folder ------------------------------------------------------


def json_lines(value, depth: int, indent: str = "") -> str:
    """JSON with the outer `depth` levels one item per line (readable, diffable), the rest compact.

    >>> print(json_lines({"a": [1, {"b": "党"}], "c": 2}, 2), end="")
    {
     "a": [
      1,
      {"b": "党"}
     ],
     "c": 2
    }
    """
    if depth and isinstance(value, dict) and value:
        items = [f"{indent} {json.dumps(k, ensure_ascii=False)}: {json_lines(v, depth - 1, indent + ' ').lstrip()}"
                 for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{indent}}}" + ("" if indent else "\n")
    if depth and isinstance(value, list) and value:
        items = [indent + " " + json_lines(v, depth - 1, indent + " ").lstrip() for v in value]
        return "[\n" + ",\n".join(items) + f"\n{indent}]" + ("" if indent else "\n")
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": ")) + ("" if indent or depth == 0 else "\n")


def text_key(text: str) -> str:
    """The key of a text in the build's caches (related reports, 做法库, search index)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file whole or not at all: into a hidden temporary file beside it (named with
    the process, so two processes never share one), then renamed over it. Makes the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _stage(path: Path, content: str, staged: list[tuple[Path, Path]]) -> bool:
    """Write content beside path as a hidden temporary file, unless path already holds it.

    Nothing in the output changes until every file is staged; then the renames
    (each atomic) happen together, so a run killed while writing leaves the
    previous output as it was.
    """
    data = content.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    staged.append((tmp, path))
    return True


def _commit(staged: list[tuple[Path, Path]]) -> None:
    for tmp, path in staged:
        os.replace(tmp, path)
    staged.clear()


def catalogue_entry(rep: Report) -> dict:
    m = rep.meta
    return {
        "slug": m["slug"],
        "path": f"{m['slug']}.md",
        "title": m["title"],
        "listing_title": m.get("listing_title", ""),
        "subtitle": m.get("subtitle", ""),
        "org": m.get("org", ""),
        "author": m.get("author", ""),
        "date": m.get("date", ""),
        "year": m.get("date", "")[:4] if m.get("date", "")[:1].isdigit() else "",
        "genre": m.get("genre", ""),
        "unit_type": m.get("unit_type", ""),
        "tags": m.get("tags", []),
        "flags": sorted(rep.flags),
        "chars": m.get("chars", 0),
        "recommended": bool(m.get("recommended")),
        "source": rep.source,
        "source_part": rep.part,
    }


def log_entry(page: Page) -> dict:
    """What every rule removed or changed on one page, per report."""
    return {
        "encoding": page.encoding,
        "html": page.is_html,
        "steps_changed": page.changed_by,
        "warnings": page.warnings,
        "removed": [r.as_dict() for r in page.removed],
        "repaired": [{"rule": "repair_gbk_shift", "line": no, "raw": raw, "fixed": new}
                     for raw, new, no in page.repairs],
        "garbled": [{"line": no, "text": g} for g, no in page.garbled_runs],
        "reports": {
            rep.key: {
                "slug": rep.meta.get("slug", ""),
                "hidden": bool(rep.meta.get("hidden")),
                "steps_changed": rep.changed_by,
                "removed": [r.as_dict() for r in rep.removed],
                "substituted": [{"raw": a, "fixed": b} for a, b in rep.substitutions],
                # a hidden report is not published: its text is accounted for here
                **({"hidden_text": [ln.text for ln in rep.lines]} if rep.meta.get("hidden") else {}),
            }
            for rep in page.reports
        },
    }


def write_output(out_dir: Path, pages: list[Page], rules_version: str, links: dict | None = None) -> dict:
    """Write every visible report, the catalogue and the log; remove stale files.

    Returns counts of files written, unchanged and removed.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for leftover in out_dir.glob(".*.tmp"):  # from a run that was interrupted
        leftover.unlink()
    stats = {"written": 0, "unchanged": 0, "removed": 0}
    staged: list[tuple[Path, Path]] = []
    files: list[str] = []
    entries: list[dict] = []
    for page in pages:
        for rep in page.reports:
            if rep.meta.get("hidden"):
                continue
            name = f"{rep.meta['slug']}.md"
            changed = _stage(out_dir / name, render_markdown(rep), staged)
            stats["written" if changed else "unchanged"] += 1
            files.append(name)
            entries.append(catalogue_entry(rep))
    catalogue = {"generator": "fanwen", "rules_version": rules_version, "reports": entries,
                 "redirects": (links or {}).get("redirects", {}), "gone": (links or {}).get("gone", []),
                 "pages": [{"source": p.source, "encoding": p.encoding, "reports": len(p.reports),
                            "announced": p.announced, "flags": sorted(p.flags), "warnings": p.warnings}
                           for p in pages]}
    if (links or {}).get("practices"):  # the editor's practice changes, for the site's 做法库
        catalogue["practices"] = links["practices"]
    extra = {
        CATALOGUE: json_lines(catalogue, 2),
        REMOVAL_LOG: json_lines({p.source: log_entry(p) for p in pages}, 1),
    }
    for name, content in extra.items():
        _stage(out_dir / name, content, staged)
        files.append(name)
    _commit(staged)
    manifest_path = out_dir / MANIFEST
    previous = set()
    if manifest_path.exists():
        try:
            previous = set(json.loads(manifest_path.read_text(encoding="utf-8")).get("files", []))
        except (ValueError, AttributeError):
            previous = set()
    for stale in sorted(previous - set(files)):
        target = out_dir / stale
        if target.is_file() and target.parent == out_dir:
            target.unlink()
            stats["removed"] += 1
    _stage(manifest_path, json.dumps({"generator": "fanwen", "files": sorted(files)}, indent=1) + "\n", staged)
    _commit(staged)
    return stats
