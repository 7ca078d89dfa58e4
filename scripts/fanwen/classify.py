"""Stage 7, classify: unit type (单位类型), genre (文种) and topic tags.

The keyword rules are in ``rules/units.yaml`` and ``rules/genres.yaml``; every
decision records its reason so an editor can see why a report landed where
it did (``unit_type_reason``, ``genre_reason``).
"""
from __future__ import annotations

import re
from collections import Counter

from . import rules
from .model import Report
from .text import to_simplified


def _first_match(text: str, table: list[dict], key: str) -> tuple[str, str]:
    """(value, word) of the first rule whose word occurs in text."""
    for rule in table:
        for word in rule["words"]:
            if word in text:
                return rule[key], word
    return "", ""


def _org_suffix(org: str, cfg: dict) -> tuple[str, str]:
    """Type from how the name ends, after its party organisation is taken off."""
    name = org
    for suffix in sorted(cfg["party_suffixes"], key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    for rule in cfg["org_suffixes"]:
        for word in rule["words"]:
            if name.endswith(word):
                return rule["type"], word
    return "", ""


def classify_unit_type(org: str, titles: str, body: str) -> tuple[str, str]:
    """Unit type and the reason for it.

    >>> classify_unit_type("开平市疾病预防控制中心", "", "")
    ('医疗卫生', '单位“开平市疾病预防控制中心”含“疾病预防控制”')
    >>> classify_unit_type("上海金山石油化工建筑有限公司党委", "", "")
    ('国有企业', '单位“上海金山石油化工建筑有限公司党委”是有限公司')
    >>> classify_unit_type("", "支部创先争优点评活动总结报告", "我村认真贯彻执行，我村实际情况")
    ('农村', '正文自称“我村”2次')
    """
    cfg = rules.units()
    org, titles, body = (to_simplified(x) for x in (org, titles, body))
    if org:
        value, word = _first_match(org, cfg["org_words"], "type")
        if value:
            return value, f"单位“{org}”含“{word}”"
        value, word = _org_suffix(org, cfg)
        if value:
            return value, f"单位“{org}”是{word}"
    value, word = _first_match(titles, cfg["title"], "type")
    if value:
        return value, f"标题含“{word}”"
    selfref = Counter()
    for rule in cfg["self"]:
        for word in rule["words"]:
            n = body.count(word)
            if n:
                selfref[(rule["type"], word)] += n
    if selfref:
        by_type = Counter()
        for (t, _w), n in selfref.items():
            by_type[t] += n
        best = max(by_type, key=lambda t: (by_type[t], -cfg["vocabulary"].index(t)))
        word, n = max(((w, n) for (t, w), n in selfref.items() if t == best), key=lambda x: (x[1], x[0]))
        return best, f"正文自称“{word}”{n}次"
    scores: Counter = Counter()
    hits: dict[str, list[str]] = {}
    cap = int(cfg.get("text_cap", 5))
    for rule in cfg["text"]:
        for word in rule["words"]:
            n = min(body.count(word), cap)
            if n:
                scores[rule["type"]] += n * int(rule.get("weight", 1))
                hits.setdefault(rule["type"], []).append(word)
    if scores:
        best = max(scores, key=lambda t: (scores[t], -cfg["vocabulary"].index(t)))
        return best, f"正文关键词：{'、'.join(hits[best][:4])}（{scores[best]}分）"
    return cfg["fallback"], "无明确线索，归入综合"


def classify_genre(titles: str, opening: str, closing: str, page_label: str) -> tuple[str, str]:
    """Genre and the reason for it.

    >>> classify_genre("创先争优推进会汇报材料", "", "", "")
    ('工作汇报', '标题含“汇报”')
    >>> classify_genre("村党支部书记述职报告", "", "", "")
    ('总结报告', '标题含“述职报告”，归入最接近的总结报告')
    >>> classify_genre("", "尊敬的各位领导：我受委托，向大会作工作报告，请予审议。", "", "")
    ('工作报告', '正文含“向大会作工作报告”')
    >>> classify_genre("凝聚党心、狠抓落实", "", "", "经验交流材料")
    ('经验交流材料', '页面标注“经验交流材料”')
    """
    cfg = rules.genres()
    titles, opening, closing, page_label = (to_simplified(x) for x in (titles, opening, closing, page_label))
    value, word = _first_match(titles, cfg["nearest"], "genre")
    if value:
        return value, f"标题含“{word}”，归入最接近的{value}"
    value, word = _first_match(titles, cfg["title"], "genre")
    if value:
        return value, f"标题含“{word}”"
    value, word = _first_match(opening + "\n" + closing, cfg["body"], "genre")
    if value:
        return value, f"正文含“{word}”"
    if page_label:
        value, word = _first_match(page_label, cfg["title"], "genre")
        if value:
            return value, f"页面标注“{page_label}”"
        if page_label in cfg["vocabulary"]:
            return page_label, f"页面标注“{page_label}”"
    return cfg["fallback"], f"无明确线索，按最常见文种归为{cfg['fallback']}"


def topic_tags(body: str) -> list[str]:
    """Practices the report mentions, from the topic list in ``rules/text.yaml``."""
    body = to_simplified(body)
    return [t for t in rules.text()["topics"] if t in body]


_POSITION = re.compile(r"(?:党委|党组|党总支|党支部)?(?:常务|第一)?(?:副)?(?:书记|主任|局长|处长|科长|校长|院长|经理|董事长|"
                       r"主席|部长|厅长|县长|市长|区长|镇长|乡长|村长|会长|理事长|队长|站长|所长|组长|委员|主委)$")


def unit_of_position(position: str) -> str:
    """"县委副书记" -> "县委"; "教育局党委书记、纪委书记" -> "教育局"."""
    first = re.split(r"[、，,\s]", position.strip())[0]
    return _POSITION.sub("", first)


def classify(rep: Report, page_label: str) -> None:
    meta = rep.meta
    body = "\n".join(ln.text for ln in rep.lines)
    titles = " ".join(filter(None, [meta.get("title", ""), meta.get("listing_title", ""), meta.get("subtitle", "")]))
    org = meta.get("org", "") or unit_of_position(meta.get("position", ""))
    unit_type, unit_reason = classify_unit_type(org, titles, body)
    window = int(rules.genres().get("body_window", 400))
    genre, genre_reason = classify_genre(titles, body[:window], body[-window:], page_label)
    meta.update(unit_type=unit_type, unit_type_reason=unit_reason, genre=genre, genre_reason=genre_reason)
    meta["tags"] = [unit_type, genre, *topic_tags(body)]
