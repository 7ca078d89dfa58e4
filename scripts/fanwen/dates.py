"""Dates as written in Chinese documents -> ISO strings.

"2011年2月14日", "二○一○年八月十六日", "二〇一一年二月二十八", "二0一0年十一月十一日",
"2011-3-10" -> "YYYY-MM-DD"; an anonymised year ("202_年11月2日") -> "--MM-DD".
"""
from __future__ import annotations

import re

from .text import cn_number

_YEAR_DIGITS = {"〇": "0", "○": "0", "零": "0", "Ｏ": "0", "О": "0", "0": "0", "一": "1", "二": "2",
                "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_CN = "〇○零ＯО0一二三四五六七八九"
_MASK = "_＿X×xＸ*＊□○"

CN_DATE = re.compile(
    rf"(?P<y>\d{{4}}|[{_CN}]{{4}}|\d{{2,3}}[{_MASK}]{{1,2}}|[{_MASK}]{{2,4}})\s*年\s*"
    r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:日|号)?"
)
ISO_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[-./]\s*(?P<m>\d{1,2})\s*[-./]\s*(?P<d>\d{1,2})(?!\d)")

# A line that is only a date, possibly in brackets.
_ANON = re.compile(r"\(\?P<\w+>")
DATE_LINE = re.compile(
    # (a label before it: "日期：2024年3月12日")
    # (and the weekday after it: "二零零八年十二月五日 （星期五）")
    rf"^(?:(?:日期|时间|日\s*期|時間)\s*[:：]\s*)?[（(\[]?\s*(?:{_ANON.sub('(', CN_DATE.pattern)}|{_ANON.sub('(', ISO_DATE.pattern)})\s*[）)\]]?"
    r"(?:\s*[（(]?\s*(?:星期|礼拜|周)[一二三四五六日天]\s*[)）]?)?$"
)


def _year(s: str) -> int:
    """Four-digit year in Arabic or Chinese digits; 0 when anonymised."""
    if any(c in _MASK for c in s) and not all(c in _YEAR_DIGITS for c in s):
        return 0
    digits = "".join(_YEAR_DIGITS.get(c, c) for c in s)
    return int(digits) if digits.isdigit() and len(digits) == 4 else 0


def to_iso(y: int, m: int, d: int) -> str:
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{m:02d}-{d:02d}" if 1900 <= y <= 2100 else f"--{m:02d}-{d:02d}"


def parse_date(s: str) -> str:
    """The first date in a string as ISO ("" when none).

    >>> parse_date("2011年2月14日"), parse_date("二○一○年八月十六日"), parse_date("二〇一一年二月二十八")
    ('2011-02-14', '2010-08-16', '2011-02-28')
    >>> parse_date("二0一0年十一月十一日"), parse_date("2011-3-10"), parse_date("(202_年11月2日)")
    ('2010-11-11', '2011-03-10', '--11-02')
    >>> parse_date("全年投资40亿元")
    ''
    """
    m = CN_DATE.search(s)
    if m:
        return to_iso(_year(m.group("y")), cn_number(m.group("m")), cn_number(m.group("d")))
    m = ISO_DATE.search(s)
    if m:
        return to_iso(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return ""


def is_date_line(s: str) -> bool:
    """A line holding nothing but a date.

    >>> is_date_line("(2010年12月9日)"), is_date_line("2010年5月27日,石化街道工会一行来到餐厅"), is_date_line("日期:2024年3月12日")
    (True, False, True)
    >>> is_date_line("二零零八年十二月五日 （星期五）")
    True
    """
    return bool(DATE_LINE.match(s.strip())) and bool(parse_date(s))


def split_trailing_date(s: str) -> tuple[str, str]:
    """"中共宜兴市建设局委员会 二0一0年十一月十一日" -> (signature, date text)."""
    for rx in (CN_DATE, ISO_DATE):
        for m in rx.finditer(s):
            rest = s[m.end():].strip(" )）")
            if not rest and m.start() > 0 and s[m.start() - 1] in " \u3000":
                return s[: m.start()].strip(), m.group(0)
    return s, ""
