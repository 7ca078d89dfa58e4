"""Stage 7, classify: unit type (单位类型), genre (文种) and topic tags.

The keyword rules are in ``rules/units.yaml`` and ``rules/genres.yaml``; every
decision records its reason so an editor can see why a report landed where
it did (``unit_type_reason``, ``genre_reason``).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from . import logit, rules
from .model import Report
from .shapes import is_cover_notice, is_org_name, is_title_like, names_genre
from .text import cjk_count, fold, to_simplified


# The reason given when no rule applied and the fallback was taken.
NO_CLUE = "无明确线索"
# The reason's opening when the body's words decided the unit type.
TEXT_WORDS = "正文关键词"


def _first_match(text: str, table: list[dict], key: str) -> tuple[str, str]:
    """(value, word) of the first rule whose word occurs in text."""
    for rule in table:
        for word in rule["words"]:
            if word in text and (not _party_short_name(word) or _word_count(text, word)):
                return rule[key], word
    return "", ""


def _without_party_body(org: str, cfg: dict) -> str:
    """The name with its party organisation taken off its end ("…公司党委" -> "…公司")."""
    for suffix in sorted(cfg["party_suffixes"], key=len, reverse=True):
        if org.endswith(suffix) and len(org) > len(suffix):
            return org[: -len(suffix)]
    return org


def _org_suffix(org: str, cfg: dict) -> tuple[str, str]:
    """Type from how the name ends, after its party organisation is taken off."""
    name = _without_party_body(org, cfg)
    # "XX大学机关(党委)": the organs of a university are the university's
    for word in sorted(cfg["office_words"], key=len, reverse=True):
        if name.endswith(word) and len(name) > len(word) + 1:
            name = name[: -len(word)]
            break
    for rule in cfg["org_suffixes"]:
        for word in rule["words"]:
            if name.endswith(word) and not _place_inside_word(name, len(name) - len(word), word):
                return rule["type"], word
    return "", ""


def unit_of_org(org: str) -> tuple[str, str]:
    """(type, unit word) of the unit an organisation belongs to: the last unit word of
    its name once party bodies and offices inside the unit are set aside.

    >>> unit_of_org("学校人事处联合宣传部"), unit_of_org("中共昆山市第二中学总支部")
    (('学校', '学校'), ('学校', '中学'))
    >>> unit_of_org("市北区镇江路街道党工委"), unit_of_org("科研第二党支部"), unit_of_org("漳村煤矿综掘一队党支部")
    (('街道社区', '街道'), ('', ''), ('国有企业', '煤矿'))
    """
    cfg = rules.units()
    name = org
    for word in sorted([*cfg["party_suffixes"], *cfg["office_words"]], key=len, reverse=True):
        name = name.replace(word, "|")
    found: list[tuple[tuple[int, int], str, str]] = []
    for rule in cfg["org_suffixes"]:
        for word in rule["words"]:
            at = name.rfind(word)
            while at >= 0 and _place_inside_word(name, at, word):
                at = name.rfind(word, 0, at)
            if at >= 0:
                found.append(((at + len(word), len(word)), rule["type"], word))
    # "漳村煤矿综掘一队": a team of the mine — a general word last gives way to a unit before it
    strong = [f for f in found if f[2] not in cfg["weak_unit_words"]]
    best = max(strong or found, default=None)
    return (best[1], best[2]) if best else ("", "")


def _place_inside_word(name: str, at: int, word: str) -> bool:
    """乡, 村 or 镇 inside 城乡, 乡村, 农村, 城镇, 镇村, 回乡, 家乡, 宗乡, 同乡: a word, no township or village of the name.

    >>> _place_inside_word("住房和城乡建设部", 4, "乡"), _place_inside_word("XX乡政府", 2, "乡"), _place_inside_word("春节回乡", 3, "乡")
    (True, False, True)
    >>> _place_inside_word("新加坡宗乡会馆", 4, "乡")
    True
    """
    if word not in ("乡", "村", "镇"):
        return False
    before, after = name[at - 1: at] if at else "", name[at + 1: at + 2]
    return ((before == "城" and word in "乡镇") or (word == "村" and before in ("农", "乡")) or (after == "村" and word in "乡镇")
            or (word == "乡" and before != "" and before in "回下返家故老思异宗同"))


def type_of_org(org: str) -> tuple[str, str]:
    """Unit type of an organisation and the reason, or ("", "")."""
    cfg = rules.units()
    if _without_party_body(org, cfg) in [*cfg["office_words"], *cfg["bare_teams"], *cfg["weak_unit_words"]]:
        # "机关党支部", "办公室", "工作队": an office or a team alone names no unit; "院党委", "所党支部":
        # a general unit word alone (a hospital's, an institute's, a court's) names no kind; the other clues decide
        return "", ""
    value, word = _first_match(org, cfg["org_words"], "type")
    if value == cfg["fallback"] and org.find(word) > 0:
        # a team a body sends out ("中共安庆市委考核组", "校党委巡察组") is that body's
        sender = type_of_org(org[: org.find(word)])
        if sender[0]:
            return sender[0], f"单位“{org}”是{org[: org.find(word)]}派出的{word}"
    if value:
        return value, f"单位“{org}”含“{word}”"
    value, word = _org_suffix(org, cfg)
    if value and not any(org.endswith(w) for w in cfg["office_words"]) and word not in cfg["weak_unit_words"]:
        return value, f"单位“{org}”是{word}"
    unit, word = unit_of_org(org)
    if unit:
        return unit, f"单位“{org}”属于{word}"
    if value:
        return value, f"单位“{org}”是{word}"
    if re.search(cfg["region_office"], org):
        return "党政机关", f"单位“{org}”是地方的办事机构"
    return "", ""


# "湘潭市委书记分享悦读故事", "副县长在…": a leader the title names as the one who speaks
_LEADER_SPEAKS = re.compile(r"^[^，,：:“”《》]{0,12}?(市委书记|县委书记|区委书记|省委书记|市长|县长|区长|镇长|乡长|校长|院长|局长|厅长|董事长|总经理)"
                            r"(?=[\u4e00-\u9fff]{0,3}(?:在|分享|谈|讲|说|致|作|发言|寄语|答|带|到|深入|调研|主持|出席))")


def _speaker(titles: str, position: str, cfg: dict) -> tuple[str, str]:
    """The unit a speech's speaker or the byline's position speaks for ("市长在…上的讲话")."""
    m = re.search(cfg["meeting_title"], titles)
    # "…专题讨论会发言稿（宣传部部长）": the speaker in brackets after a speech's title
    bracketed = [b for b in re.findall(r"[（(]([^（）()]{2,16})[)）]", titles) if _first_match(b, cfg["positions"], "type")[0]]
    for who in filter(None, [m.group("who").strip() if m else "", position, *bracketed[:1]]):
        value, word = _first_match(who, cfg["positions"], "type")
        if value:
            return value, f"讲话人“{who}”是{word}"
        value, reason = type_of_org(unit_of_position(who))
        if value and unit_of_position(who):
            return value, f"讲话人“{who}”：{reason}"
    m_lead = _LEADER_SPEAKS.match(titles)
    if m_lead:
        value, word = _first_match(m_lead.group(1), cfg["positions"], "type")
        if value:
            return value, f"标题中的讲话人是{word}"
    if m and not m.group("who").strip() and re.search(cfg["government_meeting"], m.group("meeting")):
        return "党政机关", f"在“{m.group('meeting')}”上的讲话，由党委、政府召开"
    if m:
        # "在公司2023年工作会议上", "在学院开学典礼上": a unit's own meeting, its leader speaking
        value, word = _first_match(m.group("meeting"), cfg["meeting_host"], "type")
        if value:
            return value, f"在“{m.group('meeting')}”上的讲话，是{word}的会"
    m = re.search(cfg["issuer_title"], titles)
    if m and m.group("org"):
        value, reason = type_of_org(m.group("org"))
        if value:
            return value, f"发文单位：{reason}"
    place = (m.group("org") or m.group("place")) if m else ""
    if place and not _place_inside_word(place, len(place) - 1, place[-1]):  # not "春节回乡关于…"
        value = "农村" if place[-1] in "镇乡" else "党政机关"
        return value, f"标题署名“{place}”（{'乡镇' if value == '农村' else '党委、政府'}）"
    return "", ""


# "我谨代表区委、区政府，向…": the body a speaker speaks for is the writer's unit
_SPOKEN_FOR = re.compile(r"(?:我|谨|本人)代表(?!大会|团|队|性|作|着|了|的)(?P<org>[\u4e00-\u9fff]{2,16}?)(?:[、和及与][\u4e00-\u9fff]{2,16}?)?(?=[,，]|向|对|热烈|衷心|全体|广大)")


def _spoken_for(body: str) -> tuple[str, str]:
    """The unit a speaker speaks for, from the body's "我代表…" (a named body only).

    >>> _spoken_for("今天，我谨代表区委、区政府，向各位来宾表示欢迎！")
    ('党政机关', '讲话人代表“区委”：单位“区委”是委')
    >>> _spoken_for("我代表公司党委，向受到表彰的同志表示祝贺。")[0], _spoken_for("我代表个人向大家致谢。")
    ('国有企业', ('', ''))
    """
    cfg = rules.units()
    for m in _SPOKEN_FOR.finditer(body[:1500]):
        org = m.group("org")
        # a name ending in a unit word, or holding one that names its type wherever it
        # stands ("区委", "公司党委", "人民医院"); not any phrase with a unit word inside
        named = _org_suffix(org, cfg)[0] or _first_match(org, cfg["org_words"], "type")[0]
        value, reason = type_of_org(org) if named else ("", "")
        if value:
            return value, f"讲话人代表“{m.group('org')}”：{reason}"
    return "", ""


def _proper_org(org: str) -> bool:
    """A named organisation ("昆山市第二中学", "地理科学学院"), not a generic phrase
    ("农村党支部", "疫情下社区", "浅议学校"): an organisation's shape, and a place or a
    name of four characters before its last unit word.

    >>> _proper_org("昆山市第二中学"), _proper_org("地理科学学院"), _proper_org("农村党支部"), _proper_org("疫情下社区")
    (True, True, False, False)
    >>> _proper_org("XX镇"), _proper_org("××公司"), _proper_org("某村")
    (True, True, True)
    """
    if re.search(rules.structure()["not_in_names"], org) or not is_org_name(org):
        return False
    _type, word = unit_of_org(org)
    if not word:  # no unit word at all: a place names it ("XX县妇联"), else it is a kind ("农村党支部")
        return bool(re.search(r"[省市县区镇乡州旗盟]", org))
    name = org[: org.rfind(word)]
    # "XX镇", "××公司", "某村": a 范文 puts a placeholder where the unit's name was
    return bool(re.search(r"[省市县区镇乡州旗盟]", name)) or len(name) >= 4 or bool(_PLACEHOLDER.fullmatch(name))


_PLACEHOLDER = re.compile(r"[XxＸｘ×＊*○〇]{1,4}|某{1,2}")


def _superior(body: str, cfg: dict) -> tuple[str, str]:
    """The party committee the report works under ("在矿党委的正确领导下"): its unit."""
    m = re.search(cfg["superior"], body)
    if m:
        value, word = _first_match(m.group("sup")[-3:], cfg["superior_units"], "type")
        if value:
            return value, f"在“{m.group('sup')}”党组织领导下"
    return "", ""


# the rules and the unit-type chooser read the same report one after the other: its words
# are converted and counted once (the results are shared: never changed in place)
@lru_cache(maxsize=8)
def _unit_inputs(org: str, titles: str, body: str, position: str) -> tuple[str, str, str, str]:
    org, titles, body, position = (to_simplified(x) for x in (org, titles, body, position))
    org = re.split(r"[丨|｜]", org)[-1].strip()  # "禄警护航丨禁毒大队": a column's name before it
    # a visiting team's word alone, no sender named ("调研组", "指导组": units.yaml's teams):
    # says nothing of whose work it is
    teams = (w for r in rules.units()["org_words"] if r["type"] == "综合" for w in r["words"])
    return ("" if org in teams else org), titles, body, position


@lru_cache(maxsize=8)
def _self_words(titles: str, body: str) -> Counter:
    """How often the text calls itself by each unit word ("我村", "我院"), by (type, word)."""
    selfref: Counter = Counter()
    for rule in rules.units()["self"]:
        for word in rule["words"]:
            n = body.count(word) + titles.count(word)  # "关于我县…的调查报告" names its unit too
            if n:
                selfref[(rule["type"], word)] += n
    return selfref


@lru_cache(maxsize=8)
def _text_words(body: str) -> tuple[Counter, dict[str, list[str]]]:
    """The body's keyword score per unit type, and the words that scored."""
    cfg = rules.units()
    scores: Counter = Counter()
    hits: dict[str, list[str]] = {}
    cap = int(cfg.get("text_cap", 5))
    chars = set(body)  # a word whose first or last character the body lacks is not in it
    for rule in cfg["text"]:
        for word in rule["words"]:
            if word[0] not in chars or word[-1] not in chars:
                continue
            n = min(_word_count(body, word), cap)
            if n:
                scores[rule["type"]] += n * int(rule.get("weight", 1))
                hits.setdefault(rule["type"], []).append(word)
    return scores, hits


def _count_bucket(n: int) -> int:
    return 0 if n == 0 else 1 if n == 1 else 2 if n <= 3 else 4 if n <= 6 else 9


def unit_clues(org: str, titles: str, body: str, position: str = "") -> dict[str, dict[str, float]]:
    """Every clue the unit-type rules read, for every type a clue points to (the rules stop
    at the first that decides; the unit-type chooser weighs them all).

    >>> unit_clues("某某县人民医院", "", "我院医务人员")
    {'医疗卫生': {'org': 1.0, 'text2': 1.0, 'text_top': 1.0}}
    >>> unit_clues("", "", "我村认真开展工作，我村村民")["农村"]
    {'self2': 1.0, 'self_top': 1.0, 'text2': 1.0, 'text_top': 1.0}
    """
    cfg = rules.units()
    org, titles, body, position = _unit_inputs(org, titles, body, position)
    clues: dict[str, dict[str, float]] = {}

    def add(kind: str, name: str) -> None:
        if kind:
            clues.setdefault(kind, {})[name] = 1.0

    if org:
        kind, _ = type_of_org(org)
        add(kind, "org_weak" if kind and unit_of_org(org)[1] in cfg["weak_unit_words"] else "org")
    add(_speaker(titles, position, cfg)[0], "speaker")
    m = re.match(cfg["title_org"], titles)
    if m and _proper_org(m.group("org")):
        add(type_of_org(m.group("org"))[0], "title_org")
    add(_superior(body, cfg)[0], "superior")
    add(_first_match(titles, cfg["title"], "type")[0], "title_kw")
    self_counts: Counter = Counter()
    for (kind, _w), n in _self_words(titles, body).items():
        self_counts[kind] += n
    for name, counts in (("self", self_counts), ("text", _text_words(body)[0])):
        top = max(counts.values(), default=0)
        for kind, n in counts.items():
            add(kind, f"{name}{_count_bucket(n)}")
            if n == top:
                add(kind, f"{name}_top")
    return clues


def unit_features(clues: dict[str, dict[str, float]], kind: str) -> dict[str, float]:
    """The features of one unit type as the answer: its own clues, alone and with the type,
    and which clues point elsewhere."""
    f = {f"class_{kind}": 1.0}
    for k in clues.get(kind, {}):
        f[k] = 1.0
        f[f"{k}|{kind}"] = 1.0
    for k in ("org", "speaker", "title_org", "self_top", "text_top"):
        if any(k in c for other, c in clues.items() if other != kind):
            f[f"other_{k}"] = 1.0
    if not clues:
        f[f"noev|{kind}"] = 1.0
    return f


_CLUE_NAMES = {"org": "单位名称", "org_weak": "单位名称", "speaker": "讲话人", "title_org": "标题署名",
               "superior": "上级党组织", "title_kw": "标题用词", "self": "正文自称", "text": "正文关键词"}


def second_opinion(org: str, titles: str, body: str, position: str, unit_type: str) -> tuple[str, str] | None:
    """(unit type, why) when the unit-type chooser (learned from the tune half of the
    real-page corpus, ``rules/unit_model.json``) weighs all the clues to another type by a
    clear margin; None when the rules' type stands."""
    model = rules.unit_model()
    vocabulary = rules.units()["vocabulary"]
    if model is None or unit_type not in vocabulary:
        return None
    clues = unit_clues(org, titles, body, position)
    best = logit.overrule(model["weights"], [unit_features(clues, k) for k in vocabulary],
                          vocabulary.index(unit_type), model["margin"])
    if best is None:
        return None
    kind = vocabulary[best]
    names = sorted({_CLUE_NAMES[re.sub(r"\d|_top$", "", k)] for k in clues.get(kind, {})}, key=list(_CLUE_NAMES.values()).index)
    return kind, "、".join(names)


def classify_unit_type(org: str, titles: str, body: str, position: str = "") -> tuple[str, str]:
    """Unit type and the reason for it, from the organisation chain.

    >>> classify_unit_type("开平市疾病预防控制中心", "", "")
    ('医疗卫生', '单位“开平市疾病预防控制中心”含“疾病预防控制”')
    >>> classify_unit_type("上海金山石油化工建筑有限公司党委", "", "")
    ('国有企业', '单位“上海金山石油化工建筑有限公司党委”是有限公司')
    >>> classify_unit_type("", "支部创先争优点评活动总结报告", "我村认真贯彻执行，我村实际情况")
    ('农村', '正文自称“我村”2次')
    >>> classify_unit_type("", "市长在党建职责述职工作会发言", "同志们：比如说街道，……")
    ('党政机关', '讲话人“市长”是市长')
    >>> classify_unit_type("综采一队党支部", "", "在矿党委的正确领导下，我们……")
    ('国有企业', '在“矿”党组织领导下')
    >>> classify_unit_type("", "湘潭市委书记分享悦读故事", "老师们，同学们：")
    ('党政机关', '标题中的讲话人是市委书记')
    >>> classify_unit_type("", "在公司2023年工作会议上的讲话", "同志们：")
    ('国有企业', '在“公司2023年工作会议”上的讲话，是公司的会')
    """
    cfg = rules.units()
    org, titles, body, position = _unit_inputs(org, titles, body, position)
    if org:
        value, reason = type_of_org(org)
        if value and unit_of_org(org)[1] in cfg["weak_unit_words"]:
            value, reason = _superior(body, cfg) if _superior(body, cfg)[0] else (value, reason)
        if value:
            return value, reason
    value, reason = _speaker(titles, position, cfg)
    if value:
        return value, reason
    value, reason = _spoken_for(body)
    if value:
        return value, reason
    m = re.match(cfg["title_org"], titles)
    if m and _proper_org(m.group("org")):
        value, reason = type_of_org(m.group("org"))
        if value:
            return value, f"标题署名：{reason}"
    for part in re.split(r"\s*[|｜]\s*", titles)[1:]:
        # "牢记嘱托 再建新功 | 中国电信…浦江党支部": a series' name, then the unit it presents
        org_named = (part.split() or [""])[0]
        if _proper_org(org_named):
            value, reason = type_of_org(org_named)
            if value:
                return value, f"标题署名：{reason}"
    selfref = _self_words(titles, body)
    if selfref:
        by_type = Counter()
        for (t, _w), n in selfref.items():
            by_type[t] += n
        best = max(by_type, key=lambda t: (by_type[t], -cfg["vocabulary"].index(t)))
        word, n = max(((w, n) for (t, w), n in selfref.items() if t == best), key=lambda x: (x[1], x[0]))
        # one "我省"/"我市" says where the writer is, not what it is: a unit the title names comes first
        if sum(selfref.values()) == 1 and word in cfg["region_self"] and not re.search(cfg["meeting_title"], titles):
            value, title_word = _first_match(titles, cfg["title"], "type")
            if value:
                return value, f"标题含“{title_word}”"
        return best, f"正文自称“{word}”{n}次"
    value, reason = _superior(body, cfg)
    if value:
        return value, reason
    if not re.search(cfg["meeting_title"], titles):
        value, word = _first_match(titles, cfg["title"], "type")
        if value:
            return value, f"标题含“{word}”"
    scores, hits = _text_words(body)
    floor = cfg.get("text_min_by_type", {})
    scores = Counter({t: n for t, n in scores.items() if n >= floor.get(t, 0)})
    if scores and max(scores.values()) >= cfg["text_min"]:
        best = max(scores, key=lambda t: (scores[t], -cfg["vocabulary"].index(t)))
        reason = f"{TEXT_WORDS}：{'、'.join(hits[best][:4])}（{scores[best]}分）"
        if scores[best] < cfg["text_model_below"]:
            # a few keywords: the unit-type text model, which weighs every pair of the
            # body, says it better (see units.yaml)
            guess = _pair_guess(body, rules.pair_model("unit_text_model"), cfg["vocabulary"])
            if guess and guess[0] != best:
                return guess[0], f"{reason}，分数低；{_nearest(guess)}"
        return best, reason
    # no clue at all: the text model's nearest type, which the page flags for an editor
    # (right more often than 综合 on the tune half of the real-page corpus)
    guess = _pair_guess(body, rules.pair_model("unit_text_model"), cfg["vocabulary"])
    if guess and guess[0] != cfg["fallback"]:
        return guess[0], f"{NO_CLUE}；{_nearest(guess)}"
    return cfg["fallback"], f"{NO_CLUE}，归入综合"


@lru_cache(maxsize=None)
def _state_words() -> tuple[str, ...]:
    """units.yaml's state words and the state firms' names of its org_words."""
    cfg = rules.units()
    return (*cfg["ownership"]["state"], *(w for r in cfg["org_words"] if r["type"] == "国有企业" for w in r["words"]))


def private_firm(org: str, titles: str, body: str, position: str = "") -> str:
    """The private word that makes a firm private: one in the titles or body, and no state word
    anywhere (units.yaml ``ownership``); "" otherwise.

    >>> private_firm("奥园集团党委", "", "集团党委深入推进非公企业党建工作")
    '非公'
    >>> private_firm("某集团党委", "", "作为市属国有企业，集团推进非公企业党建")
    ''
    """
    org, titles, body, _position = _unit_inputs(org, titles, body, position)
    text = f"{titles}\n{body}"
    if any(w in text or w in org for w in _state_words()):
        return ""
    return next((w for w in rules.units()["ownership"]["private"] if w in text), "")


# "人民建设", "人民进行", "农民革新": a democratic party's short name (民建, 民进, 民革, 民盟)
# inside a word for the people is no party
_PEOPLE_BEFORE = "人农居村市公国选移渔牧网股军灾贫藏侨"


def _party_short_name(word: str) -> bool:
    """民建, 民盟, 民进, 民革: a democratic party's short name, which 村民建, 人民进 hold too."""
    return len(word) == 2 and word[0] == "民"


def _word_count(body: str, word: str) -> int:
    """Occurrences of a keyword in the body, a party's short name only where it stands as one,
    none inside a longer name that means something else (``text_not_inside``).

    >>> _word_count("为人民建造一个健康的环境，民建会员积极参政议政。", "民建")
    1
    >>> _word_count("中国科学院化学研究所与清华大学化学学院", "学院")
    1
    """
    if _party_short_name(word):
        return len(re.findall(f"(?<![{_PEOPLE_BEFORE}]){word}", body))
    n = body.count(word)
    if n:
        for longer in rules.units()["text_not_inside"].get(word, ()):
            n -= body.count(longer) * longer.count(word)
    return n


_MEETING_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:大会|会议|会(?![员计商]))")
# "…党委书记讲授党课", "开展专题党课": a news headline on the event, not the lecture's own
# title ("专题党课：…", "…党课讲稿" are the lecture's)
_EVENT_BEFORE = re.compile(r"(?:讲授|讲|开展|举办|举行|聆听|宣讲|巡讲)(?:专题|主题|微型|微|一堂|一次|了|生动的)?$")
_OWN_TITLE_AFTER = re.compile(r"\s*[:：]|稿")


def _title_genre(title: str, cfg: dict) -> tuple[str, str, bool] | None:
    """(genre, word, from the nearest list) of the genre word that heads a title: the one
    ending last, the longer on a tie; before 及/暨/和/与 when one stands before it.

    >>> _title_genre("党支部书记述职评议主持词", rules.genres())
    ('讲话稿', '主持词', True)
    >>> _title_genre("2023年医院党建工作总结及下一步工作计划", rules.genres())
    ('总结报告', '工作总结', True)
    >>> _title_genre("我院召开2016年工作总结表彰大会", rules.genres()) is None
    True
    >>> _title_genre("党委书记讲授专题党课", rules.genres()), _title_genre("专题党课：坚定理想信念", rules.genres())[0]
    (None, '理论文章')
    >>> _title_genre("研究生第二党支部工作总结", rules.genres())[1], _title_genre("苏州研究院党委举行学生党员大会", rules.genres())
    ('工作总结', None)
    """
    found = []
    for table, near in ((cfg["nearest"], True), (cfg["title"], False)):
        for rule in table:
            if rule.get("guide"):
                continue
            for word in rule["words"]:
                at = title.rfind(word)
                # "…召开2016年工作总结表彰大会", "…述职报告会顺利召开": a meeting named after
                # the genre, which a news item reports on
                if at >= 0 and (name := _NAME_AFTER.get(word)) and name.match(title, at + len(word)):
                    continue  # "研究生第二党支部", "苏州研究院党委": a name, not the genre word
                if at >= 0 and not _MEETING_AFTER.match(title, at + len(word)) and not (
                        _EVENT_BEFORE.search(title[:at]) and not _OWN_TITLE_AFTER.match(title, at + len(word))):
                    found.append((at + len(word), len(word), rule["genre"], word, near))
    joint = re.search(r"及|暨|和|与", title)
    if joint and any(end <= joint.start() for end, *_ in found):
        found = [f for f in found if f[0] <= joint.start()]
    if not found:
        return None
    _end, _len, genre, word, near = max(found, key=lambda f: (f[0], f[1]))
    return genre, word, near


# a genre word that begins a name ("研究生", "研究院", "研究所", "研究会", "研究中心")
_NAME_AFTER = {"研究": re.compile(r"生|院|所|会|员|室|中心|基地")}


# "我" of the writer, not of the unit ("我院", "我局") or of a group ("我们")
_FIRST_PERSON = re.compile(r"我(?![们院局校县市区镇乡村厂所部委会行社省州国司处科室队站馆园场])")


def _news_lead(body: str, cfg: dict) -> str:
    """The news lead a news item opens with ("1月26日，我院召开…"), when the item is
    told in the third person; else "".

    >>> cfg = rules.genres()["news_lead"]
    >>> _news_lead("1月26日、27日，我院召开2017年度中层干部年度述职暨评议大会。会议要求……", cfg)
    '1月26日、27日，我院召开'
    >>> _news_lead("近日，我参加了单位组织的学习。我深受教育，我认识到……", cfg)
    ''
    """
    first = next((p.strip() for p in body.split("\n") if cjk_count(p) >= 20), "")
    text = to_simplified(body)
    m = re.match(cfg["pattern"], to_simplified(first)) or re.search(cfg["credit"], text)
    if not m or len(_FIRST_PERSON.findall(text)) > cfg["max_first_person"]:
        return ""
    return m.group(0)


def classify_genre(titles: str, opening: str, closing: str, page_label: str, body: str = "",
                   dateline: bool = False) -> tuple[str, str]:
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
    # a genre word inside 《…》 names another document ("学习《条例》情况的报告")
    heads = [re.sub(r"\s+|《[^《》]*》", "", to_simplified(t)) for t in ([titles] if isinstance(titles, str) else titles)]
    opening, closing, page_label, body = (to_simplified(x) for x in (opening, closing, page_label, body))
    guides = [r for r in cfg["nearest"] if r.get("guide")]
    value, word = _first_match(" ".join(heads), guides, "genre")
    if value:
        return value, f"标题含“{word}”，归入最接近的{value}"
    for head in heads:
        found = _title_genre(head, cfg)
        if found:
            value, word, near = found
            return value, (f"标题含“{word}”，归入最接近的{value}" if near else f"标题含“{word}”")
    lead = _news_lead(body or opening, cfg["news_lead"])
    if dateline and not lead and len(_FIRST_PERSON.findall(body)) <= cfg["news_lead"]["max_first_person"]:
        return cfg["news_lead"]["genre"], "正文以消息电头开头（“…电”“…讯”），是一则消息"
    if lead:
        lead = lead if len(lead) <= 24 else lead[:12] + "…" + lead[-10:]
        return cfg["news_lead"]["genre"], f"正文以消息导语开头（“{lead}”）"
    value, word = _first_match(opening + "\n" + closing, cfg["body"], "genre")
    if value:
        return value, f"正文含“{word}”"
    if page_label:
        found = _title_genre(re.sub(r"\s+|《[^《》]*》", "", page_label), cfg)
        if found:
            return found[0], f"页面标注“{page_label}”"
        if page_label in cfg["vocabulary"]:
            return page_label, f"页面标注“{page_label}”"
    scores = Counter()
    for rule in cfg["body_scores"]:
        for word in rule["words"]:
            scores[(rule["genre"], word)] = min(body.count(word), cfg["body_cap"])
    by_genre = Counter()
    for (genre, _w), n in scores.items():
        by_genre[genre] += n
    if by_genre and max(by_genre.values()) >= cfg["body_min"]:
        # the body's genre words say something; the model, which weighs every pair of the
        # body, says it better (cross-validated on the tune half: 48 of 56 against 40)
        guess = _genre_guess(body, cfg["vocabulary"])
        if guess:
            return guess[0], _nearest(guess)
        best = max(by_genre, key=lambda g: (by_genre[g], -cfg["vocabulary"].index(g)))
        words = [w for (g, w), n in scores.items() if g == best and n]
        return best, f"正文用语：{'、'.join(words[:4])}"
    guess = _genre_guess(body, cfg["vocabulary"])
    if guess:
        return guess[0], f"{NO_CLUE}；{_nearest(guess)}"
    return cfg["fallback"], f"{NO_CLUE}，按最常见文种归为{cfg['fallback']}"


def bigrams(text: str) -> set[str]:
    """The distinct pairs of adjacent Chinese characters of a text, after t2s.

    >>> sorted(bigrams("同志们：要, 抓"))
    ['同志', '志们']
    """
    runs = re.findall(r"[\u4e00-\u9fff]{2,}", to_simplified(text))
    return {run[i:i + 2] for run in runs for i in range(len(run) - 1)}


def pair_features(pairs: set[str] | list[str], label: str) -> dict[str, float]:
    """What a pair model (the genre model, the unit-type text model) reads of a body for one
    label: a bias and the body's pairs of characters known to the model, each weighing
    1/sqrt(their number), so that a long body speaks no louder than a short one.

    >>> sorted(pair_features(["同志", "志们"], "讲话稿").items())
    [('讲话稿\\t', 1.0), ('讲话稿\\t同志', 0.7071067811865475), ('讲话稿\\t志们', 0.7071067811865475)]
    """
    scale = 1 / math.sqrt(max(1, len(pairs)))
    return {f"{label}\t": 1.0, **{f"{label}\t{f}": scale for f in pairs}}


def _nearest(guess: tuple[str, list[str]]) -> str:
    """A pair model's guess as the page shows it: 正文字词最接近学校（“师生”、“教学”）."""
    return f"正文字词最接近{guess[0]}（{'、'.join(f'“{w}”' for w in guess[1])}）"


def _pair_guess(body: str, model: dict | None, labels: list[str]) -> tuple[str, list[str]] | None:
    """(label, the words that weigh most for it) of a body, by a pair model (a softmax over
    the labels learned from the tune half of the real-page corpus, ``rules.pair_model``);
    None without a model or a body long enough to tell.

    A body of a line or two has too few pairs to tell (most of the model's pairs are
    missing from any short text), so the guess is only as good as the text is long.
    """
    if not model or len(body) < 50:
        return None
    present = [f for f in sorted(bigrams(body)) if f in model["pairs"]]
    if not present:
        return None
    weights = model["weights"]
    scores = {g: logit.score(weights, pair_features(present, g)) for g in labels}
    best = max(scores, key=lambda g: (scores[g], -labels.index(g)))
    # the pairs that speak most for it over the runner-up, each grown into the run of
    # such pairs around its first occurrence ("斗堡" → "战斗堡垒")
    second = max((g for g in scores if g != best), key=lambda g: scores[g])
    margin = {f: weights.get(f"{best}\t{f}", 0.0) - weights.get(f"{second}\t{f}", 0.0) for f in present}
    text, words = to_simplified(body), []
    for f in sorted((f for f in present if margin[f] > 0), key=lambda f: (-margin[f], f))[:3]:
        start = text.find(f)
        end = start + 2
        while start > 0 and end - start < 6 and margin.get(text[start - 1:start + 1], 0) > 0:
            start -= 1
        while end < len(text) and end - start < 6 and margin.get(text[end - 1:end + 1], 0) > 0:
            end += 1
        if text[start:end] not in words:
            words.append(text[start:end])
    return best, words


def _genre_guess(body: str, vocabulary: list[str]) -> tuple[str, list[str]] | None:
    """(genre, the words that weigh most for it) of a body no rule decided, by the genre
    model (``rules/genre_model.json``); None without it.

    >>> _genre_guess("同志们：今天我们召开全县工作会议，我讲三点意见。第一，要提高认识，"
    ...              "各级各部门要切实负起责任，抓好落实。第二，要突出重点，大家要把心思和精力集中到"
    ...              "发展上来，真抓实干。第三，要加强领导，各级领导干部要以身作则，带头干，希望大家"
    ...              "珍惜机遇，不辱使命。同志们，今年的任务十分艰巨，我们一定要统一思想，振奋精神，扎实"
    ...              "工作，确保全年目标任务圆满完成。我相信，只要我们团结一心，就一定能够取得新的更大的"
    ...              "胜利！谢谢大家！", rules.genres()["vocabulary"])[0]
    '讲话稿'
    """
    return _pair_guess(body, rules.pair_model("genre_model"), vocabulary)


def topic_tags(body: str) -> list[str]:
    """Practices the report mentions, from the topic list in ``rules/text.yaml``."""
    body = to_simplified(body)
    return [t for t in rules.text()["topics"] if t in body]


_POSITION = re.compile(r"(?:党委|党组|党总支|党支部)?(?:常务|第一)?(?:副)?(?:书记|主任|局长|处长|科长|校长|院长|经理|董事长|"
                       r"主席|部长|厅长|县长|市长|区长|镇长|乡长|村长|会长|理事长|队长|站长|所长|组长|委员|主委|成员)$")


def unit_of_position(position: str) -> str:
    """"县委副书记" -> "县委"; "教育局党委书记、纪委书记" -> "教育局".

    >>> unit_of_position("微山县人民法院党组成员、政治部主任")
    '微山县人民法院'
    """
    first = re.split(r"[、，,\s]", position.strip())[0]
    return _POSITION.sub("", first)


def _unit_reading(rep: Report) -> tuple[str, str, str, str]:
    """What the unit-type rules and chooser read of a report: organisation, titles, body, position."""
    meta = rep.meta
    titles = " ".join(filter(None, [meta.get("title", ""), meta.get("listing_title", ""), meta.get("subtitle", "")]))
    org = meta.get("org", "") or unit_of_position(meta.get("position", ""))
    return org, titles, "\n".join(ln.text for ln in rep.lines), meta.get("position", "")


def report_clues(rep: Report) -> dict[str, dict[str, float]]:
    """``unit_clues`` of a described report (the unit-type chooser's training reads these)."""
    return unit_clues(*_unit_reading(rep))


def _weak_reading(unit_type: str, body: str) -> bool:
    """Did the body's words point to this unit type only faintly (``text_weak`` in units.yaml)?

    >>> _weak_reading("学校", "我们组织学生参观了展览。"), _weak_reading("学校", "学校教师、学生和班主任共同参与，师生关系融洽，校园文明。")
    (True, False)
    """
    scores, _hits = _text_words(body)
    return scores.get(unit_type, 0) <= rules.units()["text_weak"]


def classify(rep: Report, page_label: str, dateline: bool = False, use_model: bool = True) -> None:
    meta = rep.meta
    org, titles, body, position = _unit_reading(rep)
    # the genre is the word that heads a title: a title made of the text's first words
    # (the page printed none) has no such word
    own = "" if "untitled" in rep.flags else meta.get("title", "")
    if is_cover_notice(own):
        # a notice sending out a document: the document it sends is what the text is
        own = next((ln.text for ln in rep.lines[:12] if is_title_like(ln.text) and names_genre(ln.text)
                    and fold(ln.text) in fold(own)), own)
    heads = [meta.get("subtitle", ""), own, meta.get("listing_title", "")]
    unit_type, unit_reason = classify_unit_type(org, titles, body, position)
    unclassified = unit_reason.startswith(NO_CLUE)
    other = second_opinion(org, titles, body, position, unit_type) if use_model else None
    if other:
        # the rules stop at the first clue that decides; all of them together point elsewhere
        unit_reason = (f"各条线索合起来更像{other[0]}（{other[1] or '没有指向其他类型的可靠线索'}）；"
                       f"只看第一条线索是{unit_type}：{unit_reason}")
        unit_type = other[0]
    word = private_firm(org, titles, body, position) if unit_type == "国有企业" else ""
    if word:
        unit_reason = f"{unit_reason}；正文说是“{word}”，没有国有的字样"
        unit_type = "非公企业"
    window = int(rules.genres().get("body_window", 400))
    genre, genre_reason = classify_genre([h for h in heads if h], body[:window], body[-window:], page_label, body,
                                         dateline)
    meta.update(unit_type=unit_type, unit_type_reason=unit_reason, genre=genre, genre_reason=genre_reason)
    if unclassified or genre_reason.startswith(NO_CLUE):
        rep.flags.add("unclassified")  # a fallback, shown on the page for an editor to check
    elif unit_reason.startswith(TEXT_WORDS) and _weak_reading(unit_type, body):
        rep.flags.add("unit_unsure")  # a few of the body's words decided it: an editor should look
    meta["tags"] = [unit_type, genre, *topic_tags(body)]
