#!/usr/bin/env python3
"""A deterministic synthetic raw corpus of any size, made from the seed pages.

    python benchmarks/generate.py --reports 1000 --out benchmarks/work/1000/raw

Pages are compilations of 1-6 reports built from the seed pages' paragraphs,
headings and titles, with the same kinds of chrome and noise (breadcrumbs,
meta lines, disclaimers, count lines, watermarks glued into paragraphs, PDF
page markers, paywalls, "TOP"), lines broken mid-sentence, some pages as HTML
and some in GB18030. The same arguments always give the same bytes.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "data" / "seeds"
CN = "一二三四五六七八九十"
PLACES = ["青山", "河东", "安平", "临江", "东湖", "南岭", "西城", "北塘", "永和", "长宁", "清河", "白沙"]
UNITS = ["县公路管理站", "市疾病预防控制中心", "县第一中学党总支", "镇江路街道党工委", "市建设局党委", "石化集团党委",
         "某村党支部", "区行政服务中心", "县人民医院党委", "市民政局", "某餐饮有限公司党委", "某社区党委"]
SUFFIXES = ["工作汇报", "经验交流材料", "总结报告", "情况汇报", "推进会讲话", "工作总结"]


def seed_pools() -> list[tuple[list[str], list[str], list[str]]]:
    """Per seed page: (paragraphs, headings, titles), so a report keeps one script."""
    pools = []
    for f in sorted(SEEDS.glob("*.txt")):
        paragraphs, headings, titles = [], [], []
        for line in f.read_text(encoding="utf-8").splitlines():
            s = line.strip()
            if re.match(r"^第[一二三四五六七八九十]+篇[:：]", s):
                titles.append(re.sub(r"^第[一二三四五六七八九十]+篇[:：]", "", s))
            elif re.match(r"^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[）)]", s) and len(s) < 40:
                headings.append(re.sub(r"^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[）)]", "", s))
            elif len(s) >= 60 and "style=" not in s and "?" not in s:
                paragraphs.append(s)
        titles = titles or ["创先争优活动经验交流", "党支部点评活动"]
        headings = headings or ["加强组织领导", "创新工作方法", "取得明显成效"]
        pools.append((paragraphs, headings, titles))
    return pools


def wrap(paragraph: str, rng: random.Random) -> list[str]:
    """Break a paragraph in mid-sentence, as copied PDF text is."""
    if rng.random() < 0.7 or len(paragraph) < 80:
        return [paragraph]
    cut = rng.randrange(30, len(paragraph) - 20)
    return [paragraph[:cut], paragraph[cut:]]


def report(rng: random.Random, pools, n: int) -> tuple[str, list[str]]:
    paragraphs, headings, titles = rng.choice(pools)
    place = rng.choice(PLACES)
    title = f"{place}{rng.choice(titles)[:18]}{rng.choice(SUFFIXES)}"
    lines: list[str] = []
    if rng.random() < 0.5:
        lines.append(f"{place}{rng.choice(UNITS)}")
    lines.append(title)
    for k in range(rng.randint(2, 5)):
        lines.append(f"{CN[k]}、{rng.choice(headings)}")
        for p in rng.sample(paragraphs, rng.randint(2, 5)):
            lines += wrap(p.replace("XX", place).replace("**", place), rng)
    if rng.random() < 0.6:
        lines.append(f"{2009 + rng.randrange(6)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日")
    return title, lines


def page(rng: random.Random, pools, reports: int, index: int) -> str:
    lines = [f"首页\u00a0>\u00a0精品范文库\u00a0>\u00a0{rng.randint(1, 20)}号文库"]
    built = [report(rng, pools, index * 10 + k) for k in range(reports)]
    lines.append(built[0][0])
    lines.append(f"编辑:某某 识别码:{rng.randint(10, 99)}-{rng.randint(100000, 999999)} 发布时间: 2023-10-0{rng.randint(1, 9)} 08:00:00")
    if reports > 1 and rng.random() < 0.3:
        lines.append(f"工作汇报{reports + rng.choice([0, 0, 2])}份")
    if rng.random() < 0.3:
        lines.append("导语:本文来源于网友上传,不代表本站观点,若需要原创文章可咨询客服老师,欢迎参考。")
    for k, (title, body) in enumerate(built, 1):
        if reports > 1:
            lines.append(f"第{CN[k - 1]}篇:{title}")
        body = list(body)
        if rng.random() < 0.2:
            i = rng.randrange(len(body))
            body[i] = body[i] + "那一世范文网"
        if rng.random() < 0.1:
            i = rng.randrange(len(body))
            body[i] = body[i][:20] + "第2页共5页" + body[i][20:]
        lines += body
    lines.append("展开阅读全文" if rng.random() < 0.1 else "TOP")
    return "\n".join(lines) + "\n"


def as_html(text: str, charset: str) -> str:
    body = "\n".join(f"<p>{ln}</p>" for ln in text.splitlines())
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>范文_某某范文网</title>'
            "<script>var ad = 1;</script></head><body><div class=\"nav\">首页 工作总结 工作汇报</div>"
            f'<div class="content">{body}</div><div class="footer">Copyright 某某范文网</div></body></html>\n')


def generate(reports: int, out: Path, seed: int = 2026) -> int:
    """Write pages holding ``reports`` reports in all into ``out``; returns the number of pages."""
    rng = random.Random(seed)
    pools = seed_pools()
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        old.unlink()
    made, n = 0, 0
    while made < reports:
        k = min(reports - made, rng.choice([1, 1, 2, 3, 4, 5, 6]))
        text = page(rng, pools, k, n)
        kind = rng.random()
        name = f"p{n:05d}"
        if kind < 0.15:
            (out / f"{name}.html").write_bytes(as_html(text, "gb2312").encode("gb18030"))
        elif kind < 0.25:
            (out / f"{name}.htm").write_text(as_html(text, "utf-8"), encoding="utf-8")
        elif kind < 0.4:
            (out / f"{name}.txt").write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
        else:
            (out / f"{name}.txt").write_text(text, encoding="utf-8")
        made += k
        n += 1
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=2026)
    a = ap.parse_args()
    pages = generate(a.reports, a.out, a.seed)
    print(f"{a.reports} reports in {pages} pages written to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
