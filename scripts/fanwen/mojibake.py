"""Repair of GBK-shift mojibake.

Some pages passed through a GBK decoder that lost step at a "。" (GBK bytes
A1 A3): the lead byte A1 came out alone as "?", the next two bytes were read as
one full-width character (later narrowed to ASCII, so "！" became "!"), and
every following pair was read one byte out of step, until an ASCII byte (the
trail byte of a Traditional character, or a real ASCII character) brought the
decoder back in step. Re-encoding the run and decoding it with the lost A1 in
front gives the original text back, byte for byte.

Where a further byte was lost inside the run, the re-decoded text is a guess.
Such a run is left as it is and reported as garbled: text is never invented.
The test of a guess is the one a careful reader applies: every recovered
character must read as part of a word that the same page uses elsewhere.
"""
from __future__ import annotations

import re

from .text import Lexicon, is_cjk

# "?" (the lone lead byte), then the out-of-step run: either a narrowed
# full-width character first (the "。" case: "?!包h") or Chinese characters
# straight away (a lost step at "、", "“", "《" …).
SHIFT_RUN = re.compile(r"\?(?P<run>[!-~\uff01-\uff5e]?[^\x00-\x7f]*)")
LOST_LEAD = b"\xa1"  # lead byte of the punctuation row: 。、“”《》…
ENCODING = "gbk"
# What the lost lead byte and the first shifted byte can have been.
PUNCTUATION_ROW = set("、。·ˉˇ¨〃々—～‖…‘’“”〔〕〈〉《》「」『』〖〗【】")


def _run_bytes(run: str) -> bytes | None:
    """Bytes the shifted decoder read, with the lost lead byte put back in front."""
    head, rest = run[:1], run[1:]
    try:
        if head and "!" <= head <= "~":  # narrowed from its full-width form (GBK A3 xx)
            return LOST_LEAD + bytes([0xA3, ord(head) + 0x80]) + rest.encode(ENCODING)
        return LOST_LEAD + run.encode(ENCODING)
    except UnicodeEncodeError:
        return None


def decode_shift_run(run: str, after: str) -> tuple[str, int] | None:
    """Re-decode one run in step. Returns (text, number of chars of ``after`` used).

    The run ends either inside its last character (the ASCII trail byte was read
    as part of it) or at the next ASCII character, which is a trail byte.

    >>> decode_shift_run("!包", "h建工作")
    ('。“黨', 1)
    >>> decode_shift_run("?茖", "W完善")
    ('。科學', 1)
    >>> decode_shift_run("!皃", "0” style")
    ('。“p', 0)
    >>> decode_shift_run("2", "004?31號") is None
    True
    """
    raw = _run_bytes(run)
    if raw is None or len(raw) < 3:
        return None
    candidates = [(raw, 0)]
    if after and 0x40 <= ord(after[0]) <= 0x7E:
        candidates.append((raw + after[0].encode("ascii"), 1))
    for data, used in candidates:
        try:
            text = data.decode(ENCODING)
        except UnicodeDecodeError:
            continue
        if text[:1] in PUNCTUATION_ROW:
            return text, used
    return None


def plausible(fixed: str, following: str, lexicon: Lexicon) -> bool:
    """Does every recovered character read as part of a word used elsewhere on the page?

    A character passes when it occurs elsewhere and stands next to one of its
    neighbours (inside the repair, or the first character after it) as a pair
    that the page also uses elsewhere.
    """
    s = fixed + following[:1]
    for i, ch in enumerate(fixed):
        if not is_cjk(ch):
            continue
        if lexicon.char(ch) == 0:
            return False
        left = s[i - 1] if i > 0 else ""
        right = s[i + 1] if i + 1 < len(s) else ""
        if not any(is_cjk(a) and is_cjk(b) and lexicon.pair(a, b) > 0 for a, b in ((left, ch), (ch, right))):
            return False
    return True


def page_lexicon(text: str) -> Lexicon:
    """Lexicon of a page with every candidate run blanked out (a run must not vouch for itself)."""
    return Lexicon(SHIFT_RUN.sub("\n", text))


def repair_gbk_shift(line: str, lexicon: Lexicon) -> tuple[str, list[tuple[str, str]], list[str]]:
    """Repair the GBK-shift runs of one line.

    Returns the line, the (raw, repaired) pairs, and the raw runs that could not
    be repaired exactly (left in place).

    >>> lex = Lexicon("黨建工作也是管理。科學管理。")
    >>> repair_gbk_shift("提升黨建工作的績效?!包h建工作也是管理”", lex)[0]
    '提升黨建工作的績效。“黨建工作也是管理”'
    >>> repair_gbk_shift("(中辦發?2004?31號)", lex)
    ('(中辦發?2004?31號)', [], [])
    >>> repair_gbk_shift("为什么?我们要认真反思", Lexicon("为什么我们要认真反思"))
    ('为什么?我们要认真反思', [], [])
    """
    out: list[str] = []
    repairs: list[tuple[str, str]] = []
    garbled: list[str] = []
    pos = skip = 0
    for m in SHIFT_RUN.finditer(line):
        if m.start() < max(pos, skip):
            continue
        run = m.group("run")
        after = line[m.end():]
        # "?!…", "??…": only a shift run looks like this. "?我们…" may be a real question mark.
        # Real text after a real "?!" reads like the rest of the page; a shifted run does not.
        signature = (bool(run[:1]) and not is_cjk(run[0]) and any(is_cjk(c) for c in run)
                     and not plausible(run[1:], after, lexicon))
        res = decode_shift_run(run, after)
        if res is None:
            if signature:
                # A byte lost inside the run shows as a further "?": the run
                # goes on to the ASCII character after it.
                end = m.end() + (2 if after[:1] == "?" else 0)
                garbled.append(line[m.start():end])
                skip = end
            continue
        fixed, used = res
        end = m.end() + used
        if not plausible(fixed, line[end:], lexicon):
            if signature:
                garbled.append(line[m.start():end])
            continue
        out.append(line[pos:m.start()])
        out.append(fixed)
        repairs.append((line[m.start():end], fixed))
        pos = end
    out.append(line[pos:])
    return "".join(out), repairs, garbled


# A character lost to "?" with its pinyin annotation left after it, then bytes of the
# next characters read in the wrong encoding: "因?yàn)槲覀冇", "時候?qū)W校".
_PINYIN_DEBRIS = re.compile(r"[?？][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)\S{0,6}")


def pinyin_debris(line: str) -> list[str]:
    """Runs of a pinyin-annotated page that lost their character: kept, reported garbled.

    >>> pinyin_debris("都是因?yàn)榘炒逵有困难"), pinyin_debris("为什么?我们要(zhòng)视")
    (['?yàn)榘炒逵有困难'], [])
    """
    return [m.group(0) for m in _PINYIN_DEBRIS.finditer(line)]


# Bytes read in the wrong encoding, left inside Chinese text: a bopomofo letter against a
# character or a stop (never in a Mainland report: GBK read as Big5, "。ㄒ唬┌踩逃" for
# "（一）安全教育"), or two lost bytes and an ASCII letter before a character ("??h委" for "縣委").
_DECODING_DEBRIS = re.compile(r"\S{0,2}(?<=[\u4e00-\u9fff。，？?])[\u3105-\u312f](?=[^\s\u3105-\u312f]|$)\S{0,6}"
                              r"|[?？]{2}[A-Za-z](?=[\u4e00-\u9fff])\S{0,4}")


def decoding_debris(line: str) -> list[str]:
    """Runs of mis-decoded bytes inside Chinese text: kept, reported garbled.

    >>> decoding_debris("。ㄒ唬┌踩逃"), decoding_debris("部署安排??h委常委"), decoding_debris("注音符号ㄅ ㄆ ㄇ的教学")
    (['。ㄒ唬┌踩逃'], ['??h委常委'], [])
    """
    if not _DEBRIS_HINT.search(line):
        return []  # the common case, found fast
    return [m.group(0) for m in _DECODING_DEBRIS.finditer(line)]


_DEBRIS_HINT = re.compile(r"[\u3105-\u312f]|[?？]{2}")
