"""Work kept across builds (issue 13): rendered pages in .cache/pages/, fingerprints and
near-duplicate decisions of the related reports in .cache/related.json. A build that uses
them gives the same site, byte for byte, as a build from nothing."""
from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUILD_ENV, build_site
from fanwen import related


def mkdocs(work: Path, strict: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict",
                           "-f", str(work / "mkdocs.yml")], capture_output=True, text=True, env=BUILD_ENV, cwd=work)


def rendered(proc: subprocess.CompletedProcess) -> tuple[int, int]:
    m = re.search(r"pages: (\d+) rendered, (\d+) from the cache", proc.stderr)
    assert m, proc.stderr[-2000:]
    return int(m.group(1)), int(m.group(2))


def same_tree(a: Path, b: Path) -> list[str]:
    """Files that differ or exist on one side only."""
    out = []
    cmp = filecmp.dircmp(a, b)
    out += [f"{a}/{n}" for n in cmp.left_only + cmp.right_only]
    out += [f"{a}/{n}" for n in cmp.diff_files]
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    out += mismatch + errors
    for sub in cmp.common_dirs:
        out += same_tree(a / sub, b / sub)
    return sorted(set(out))


@pytest.fixture(scope="module")
def cached_build(seeds_out, tmp_path_factory) -> Path:
    """The seed site built once, its caches filled."""
    work = tmp_path_factory.mktemp("cached")
    build_site(seeds_out, work)
    assert (work / ".cache" / "pages").is_dir() and (work / ".cache" / "related.json").is_file()
    return work


def test_a_second_build_takes_every_page_from_the_cache_and_gives_the_same_site(cached_build, tmp_path) -> None:
    first = tmp_path / "first"
    shutil.copytree(cached_build / "site", first)
    proc = mkdocs(cached_build)
    assert proc.returncode == 0, proc.stderr[-2000:]
    made, cached = rendered(proc)
    assert made == 0 and cached > 30
    assert same_tree(first, cached_build / "site") == []


def test_after_a_change_the_cached_build_equals_a_build_from_nothing(cached_build, tmp_path) -> None:
    """One report changed: its page (and the pages that show it) are rendered again, all others
    come from the cache, and the site is what a build without any cache makes."""
    reports = cached_build / "docs" / "reports"
    page = sorted(reports.glob("*.md"))[0]
    page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + "\n\n这是后来补充的一段文字，用来检查缓存。\n",
                    encoding="utf-8")
    proc = mkdocs(cached_build)
    assert proc.returncode == 0, proc.stderr[-2000:]
    made, cached = rendered(proc)
    assert 1 <= made < cached
    fresh = tmp_path / "fresh"
    shutil.copytree(cached_build, fresh, ignore=shutil.ignore_patterns(".cache", "site"))
    (fresh / "mkdocs.yml").write_text((cached_build / "mkdocs.yml").read_text(encoding="utf-8")
                                      .replace(str(cached_build), str(fresh)), encoding="utf-8")
    assert mkdocs(fresh).returncode == 0
    assert same_tree(fresh / "site", cached_build / "site") == []
    assert "这是后来补充的一段文字" in (cached_build / "site" / "reports" / page.stem / "index.html").read_text("utf-8")


def test_a_cached_page_whose_link_lost_its_target_is_rendered_and_reported(seeds_out, tmp_path) -> None:
    work = tmp_path / "w"
    build_site(seeds_out, work)
    (work / "docs" / "extra.md").write_text("# 附页\n\n见[另一页](other.md)。\n", encoding="utf-8")
    (work / "docs" / "other.md").write_text("# 另一页\n", encoding="utf-8")
    assert mkdocs(work, strict=False).returncode == 0  # extra.md rendered and cached (pages outside nav: not strict)
    (work / "docs" / "other.md").unlink()
    proc = mkdocs(work, strict=False)
    assert "other.md" in proc.stderr  # MkDocs says the link is broken: the page was not taken from the cache


def test_related_reports_reuse_stored_fingerprints_and_decisions(tmp_path, monkeypatch) -> None:
    body = "党支部书记亲自深入调查了解，对部分党员以个别谈话的模式重点进行了点评和帮助，推动了工作。"
    texts = {f"r{n}": [f"题{n}", body * 3, f"这是第{n}篇独有的一段较长的内容，与其他材料并不相同的写法。" * (n + 1)]
             for n in range(5)}
    reports = [{"slug": s, "chars": sum(map(len, t)), "date": "", "unit_type": "党政机关", "tags": []}
               for s, t in texts.items()]
    want = related.related_reports(reports, texts)
    path = tmp_path / "related.json"
    memo = related.Memo(path)
    assert related.related_reports(reports, texts, memo) == want
    memo.save()
    assert any(d for lst in want.values() for _b, _s, d in lst)  # near-duplicates were decided

    def fail(*_a, **_k):
        raise AssertionError("recomputed")

    monkeypatch.setattr(related, "fingerprint", fail)
    monkeypatch.setattr(related, "_share", fail)
    assert related.related_reports(reports, texts, related.Memo(path)) == want
    monkeypatch.setattr(related, "MEMO_VERSION", "another")  # stored by another version: not used
    with pytest.raises(AssertionError, match="recomputed"):
        related.related_reports(reports, texts, related.Memo(path))


def test_same_unit_fill_is_the_stable_sort_by_shared_tags() -> None:
    """The bit-mask selection gives what sorting the newest-first list by shared tags gives."""
    import random

    rng = random.Random(13)
    vocab = [f"做法{k}" for k in range(9)]
    reports = [{"slug": f"r{n:03d}", "date": f"20{10 + rng.randrange(10)}-01-01" if rng.random() < 0.8 else "",
                "unit_type": rng.choice(["学校", "农村"]), "genre": "工作汇报",
                "tags": ["x", "y", *rng.sample(vocab, rng.randrange(0, 6))]} for n in range(120)]
    units = related._SameUnit(reports)
    newest = sorted(reports, key=lambda r: (r["date"], r["slug"]), reverse=True)
    for r in reports:
        taken = {r["slug"], *rng.sample([o["slug"] for o in reports], 3)}
        tags = set(r["tags"][2:])
        same = [o for o in newest if o["unit_type"] == r["unit_type"] and o["slug"] not in taken]
        same.sort(key=lambda o: -len(tags & set(o["tags"][2:])))
        for wanted in (0, 1, 6, 200):
            assert units.sharing_most_tags(r, taken, wanted) == [o["slug"] for o in same[:wanted]]


def test_practice_mentions_reuse_what_was_found_in_each_text(tmp_path, monkeypatch) -> None:
    """The 做法库 keeps each text's presented terms and the phrases it holds; a phrase the
    vocabulary gains later (an editor's addition) is still looked for in every stored text."""
    from fanwen import practices

    texts = {"a": "# 甲\n\n坚持开展“三会一课”活动，设立党员先锋岗，推行领导点评。\n\n## 一、做法\n\n实行红色代办。\n",
             "b": "# 乙\n\n落实“三会一课”制度，设立党员先锋岗，推行红色代办。\n",
             "c": "# 丙\n\n开展领导点评，建立“两学一做”常态化机制。\n"}
    sectioned = {s: practices.sectioned_lines(t) for s, t in texts.items()}
    reports = [{"slug": s, "source": f"{s}.txt"} for s in texts]

    def mentions(found) -> dict:
        return {p.name: [(m.report, m.section, m.passage, m.phrase) for m in p.mentions] for p in found}

    edits = {"add": [{"name": "红色代办"}]}
    want, want_edited = (mentions(practices.for_site(reports, sectioned, e)) for e in ({}, edits))
    path = tmp_path / "practices.json"
    memo = practices.Memo(path)
    assert mentions(practices.for_site(reports, sectioned, {}, memo)) == want
    memo.save()

    def fail(*_a, **_k):
        raise AssertionError("recomputed")

    monkeypatch.setattr(practices, "presented", fail)
    assert mentions(practices.for_site(reports, sectioned, {}, practices.Memo(path))) == want
    memo = practices.Memo(path)
    assert mentions(practices.for_site(reports, sectioned, edits, memo)) == want_edited
    assert "红色代办" in want_edited and "红色代办" not in want
    memo.save()
    assert mentions(practices.for_site(reports, sectioned, {}, practices.Memo(path))) == want
    monkeypatch.setattr(practices.rules, "rules_version", lambda: "another")  # rules or code changed
    with pytest.raises(AssertionError, match="recomputed"):
        practices.for_site(reports, sectioned, {}, practices.Memo(path))


def test_related_memo_is_not_rewritten_when_nothing_is_new(tmp_path) -> None:
    texts = {f"r{n}": [f"题{n}", f"这是第{n}篇的一段内容，写得比较长，用来做指纹的取样。" * 4] for n in range(4)}
    reports = [{"slug": s, "chars": sum(map(len, t)), "date": "", "unit_type": "党政机关", "tags": []}
               for s, t in texts.items()]
    path = tmp_path / "related.json"
    memo = related.Memo(path)
    related.related_reports(reports, texts, memo)
    memo.save()
    path.write_bytes(path.read_bytes() + b" ")  # (still valid JSON: a rewrite would drop the space)
    memo = related.Memo(path)
    related.related_reports(reports, texts, memo)
    memo.save()
    assert path.read_bytes().endswith(b" ")
    memo = related.Memo(path)
    related.related_reports(reports[:3], {s: texts[s] for s in ["r0", "r1", "r2"]}, memo)
    memo.save()  # one report fewer: its entries leave the file
    assert not path.read_bytes().endswith(b" ")
