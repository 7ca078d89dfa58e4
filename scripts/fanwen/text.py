"""Character classes and small text helpers shared by every pipeline stage.

Nothing here knows about reports or pages: only about Chinese text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc
from pypinyin import Style, lazy_pinyin

# CJK Unified Ideographs, Extension A and the compatibility block.
CJK_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK = f"[{CJK_RANGES}]"
CJK_RE = re.compile(CJK)
_NON_CJK = re.compile(f"[^{CJK_RANGES}]+")
_CJK_RUN = re.compile(f"{CJK}+")

# Punctuation that ends a sentence (a paragraph may end here).
SENTENCE_END = "。！？；…!?;"
# Closing marks that end a sentence only right after SENTENCE_END (“…。”).
CLOSERS = "”’」』）)】》"
# Chinese punctuation that sits inside running text.
CJK_PUNCT = "，、：；。！？“”‘’（）《》〈〉【】〔〕「」『』…—·"

# A character that cannot start a sentence: it continues the previous line.
NON_INITIAL = set("的了着地得之们性化者所其并及与和或而且则乃于")
# A character that cannot end a sentence or a heading: the line goes on.
NON_FINAL = set("的地得和与及或并对把被将为向从在以于是让使给就而且即")


CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(s: str) -> int:
    """Arabic or Chinese numerals up to 999 -> int (0 when not a number).

    >>> cn_number("7"), cn_number("十二"), cn_number("二十"), cn_number("一百零五")
    (7, 12, 20, 105)
    """
    s = s.strip()
    if s.isdigit():
        return int(s)
    total, cur = 0, 0
    for ch in s:
        if ch in CN_DIGITS:
            cur = CN_DIGITS[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return 0
    return total + cur


def is_cjk(ch: str) -> bool:
    """True for a Chinese character (not punctuation).

    >>> is_cjk("党"), is_cjk("，"), is_cjk("a")
    (True, False, False)
    """
    return bool(ch) and CJK_RE.match(ch) is not None


def cjk_count(s: str) -> int:
    """How many Chinese characters a string holds.

    >>> cjk_count("近年来，市政府“1336”思路")
    8
    """
    return len(_NON_CJK.sub("", s))  # twice as fast as counting matches


def ends_sentence(s: str) -> bool:
    """True when a line ends a sentence, so the next line starts a new paragraph.

    >>> ends_sentence("促进了我队的和谐健康发展。"), ends_sentence("分析原因、制")
    (True, False)
    >>> ends_sentence("“党员身边无违章。”"), ends_sentence("树立“学习型党组织”")
    (True, False)
    """
    s = s.rstrip()
    while s and s[-1] in CLOSERS:
        if len(s) >= 2 and s[-2] in SENTENCE_END:
            return True
        s = s[:-1]
    return bool(s) and s[-1] in SENTENCE_END


def compact(s: str) -> str:
    """Drop all whitespace (Chinese has no word spaces; scraped text has stray ones)."""
    return re.sub(r"\s+", "", s)


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(s: str) -> str:
    """Traditional -> Simplified with OpenCC (phrase-aware)."""
    return _t2s().convert(s) if s else s


def fold(s: str) -> str:
    """Comparison form: Simplified script, half-width, no whitespace or punctuation.

    Two titles are "the same" when their folded forms are equal.

    >>> fold("淺議如何 以創先爭優活動為契機,") == fold("浅议如何以创先争优活动为契机，")
    True
    """
    s = unicodedata.normalize("NFKC", to_simplified(s))
    return re.sub(r"[\W_]+", "", s)


def fold_keep_punct(s: str) -> str:
    """Comparison form that keeps punctuation (for substring checks of body text)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", to_simplified(s)))


class Lexicon:
    """Character bigrams of one page: what "reads like a word here" means.

    Several repairs must choose between readings (a mojibake guess, where a
    displaced fragment belongs, whether a space splits a word). A careful
    editor checks the candidate against the rest of the document; this does
    the same with the counts of adjacent Chinese character pairs in the page.
    """

    def __init__(self, text: str):
        # the page's runs of Chinese, one per line: a pair across a run's end holds a newline
        # and is never asked for. Counted when asked (a page asks a few times), not up front.
        self._runs = "\n".join(_CJK_RUN.findall(to_simplified(text)))
        self._counts: dict[str, int] = {}

    def _count(self, key: str) -> int:
        if key not in self._counts:
            # str.count does not overlap matches: "好好" in "好好好" stands twice
            self._counts[key] = (self._runs.count(key) if len(set(key)) == len(key)
                                 else len(re.findall(f"(?={re.escape(key)})", self._runs)))
        return self._counts[key]

    def pair(self, a: str, b: str) -> int:
        """How often the two characters stand side by side in the page.

        >>> Lexicon("好好好学习").pair("好", "好"), Lexicon("好好好学习").pair("学", "习")
        (2, 1)
        """
        key = to_simplified(a + b)
        return self._count(key) if len(key) == 2 else 0

    def char(self, ch: str) -> int:
        key = to_simplified(ch)
        return self._count(key) if len(key) == 1 else 0


def pinyin_slug(text: str, limit: int = 10) -> str:
    """Readable ASCII slug: pinyin syllables joined by "-".

    >>> pinyin_slug("党政机关"), pinyin_slug("一、点评模式灵活"), pinyin_slug("（1）落实XX责任")
    ('dang-zheng-ji-guan', 'yi-dian-ping-mo-shi-ling-huo', '1-luo-shi-xx-ze-ren')
    """
    words = []
    for syl in lazy_pinyin(text, style=Style.NORMAL, errors=lambda s: re.findall(r"[A-Za-z0-9]+", s)):
        syl = re.sub(r"[^a-z0-9]", "", syl.lower().replace("ü", "v"))
        if syl:
            words.append(syl)
    return "-".join(words[:limit])
