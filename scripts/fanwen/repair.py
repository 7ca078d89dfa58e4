"""Stage 4, repair the text: script, punctuation, broken lines, stray spaces.

Each rule is a small function that changes only what the scraping broke and
keeps the author's wording, anonymisation marks ("XX", "**", "202_年") and
typos as they are.
"""
from __future__ import annotations

import re

from . import rules
from .model import Line
from .dates import is_date_line
from .shapes import (
    SENTENCE_OPENER, complete_title, is_distribution_line, is_heading_text, is_person_name, is_signature, numbering,
    title_ends,
)
from .text import (
    CJK_RANGES, NON_FINAL, NON_INITIAL, Lexicon, cjk_count, ends_sentence, is_cjk, to_simplified,
)

# --- script -------------------------------------------------------------

# Share of Chinese characters that OpenCC changes above which a text is
# Traditional (Simplified text changes by well under 1%).
TRADITIONAL_SHARE = 0.04


def is_traditional(text: str) -> bool:
    """True when the text is written in Traditional characters.

    >>> is_traditional("以創先爭優活動為契機推動國有企業黨建工作創新"), is_traditional("以创先争优活动为契机")
    (True, False)
    """
    n = cjk_count(text)
    if n == 0:
        return False
    simplified = to_simplified(text)
    changed = sum(1 for a, b in zip(text, simplified) if a != b)
    return changed >= 3 and changed / n >= TRADITIONAL_SHARE


def mainland_zhu(text: str) -> str:
    """著 -> 着 where Mainland text writes 着, in text converted from Traditional.

    >>> mainland_zhu("著力培养，望著巨大的，怀著激动的心情，成效显著，著名的专著")
    '着力培养，望着巨大的，怀着激动的心情，成效显著，著名的专著'
    """
    if "著" not in text:
        return text
    keep = rules.text()["zhu_keep"]
    out = list(text)
    for i, ch in enumerate(text):
        if ch == "著" and not any(text[i - k: i - k + len(w)] == w for w in keep for k in range(len(w)) if w[k] == "著"):
            out[i] = "着"
    return "".join(out)


def fix_variant_characters(text: str) -> str:
    """Replace characters that GBK/Big5 conversions leave for another ("設臵" for "設置").

    >>> fix_variant_characters("機構設臵與人員配備")
    '機構設置與人員配備'
    """
    table = rules.text()["variant_chars"]
    return "".join(table.get(ch, ch) for ch in text)


_DOC_NUMBER = re.compile(
    r"(?<=[\u4e00-\u9fff])\s*(?:„|\?|\[)\s*(?P<year>(?:19|20)\d\d|20[\d_＿Xx×*]{2}|\d{3}[_＿Xx×*])\s*(?:‟|\?|\])(?=\s*\d{1,4}\s*[号號])"
)


def repair_document_number_brackets(text: str) -> str:
    """Restore the 〔〕 around the year of a document number that a conversion broke.

    >>> repair_document_number_brackets("(韩字„202_‟39号)"), repair_document_number_brackets("(中办发?2004?31号)")
    ('(韩字〔202_〕39号)', '(中办发〔2004〕31号)')
    """
    return _DOC_NUMBER.sub(lambda m: f"〔{m.group('year')}〕", text)


# --- punctuation --------------------------------------------------------

_CJKISH = f"[{CJK_RANGES}”’」』）》〕]"


_COMMA_PAIR = re.compile("[,，][ \u3000]*[,，。、；]")


def to_fullwidth_punctuation(text: str) -> str:
    """Half-width , : ; ? ! and ( ) in Chinese text become full-width.

    A mark is turned when a Chinese character stands before it and Chinese
    text (for , : ; also a digit) or the line end follows. Brackets turn as a
    pair, when they hold or touch Chinese text. Everything else stays.

    >>> to_fullwidth_punctuation("创先争优树形象,行政服务上水平")
    '创先争优树形象，行政服务上水平'
    >>> to_fullwidth_punctuation("开平市疾病预防控制中心(以下简称“市疾控中心”)围绕")
    '开平市疾病预防控制中心（以下简称“市疾控中心”）围绕'
    >>> to_fullwidth_punctuation("(中辦發?2004?31號) 08:23 3.5% 1,000")
    '（中辦發?2004?31號） 08:23 3.5% 1,000'
    >>> to_fullwidth_punctuation("存在很多不足: 第一,比例低于1%,且")
    '存在很多不足：第一，比例低于1%，且'
    >>> to_fullwidth_punctuation("回顾总结了过去一年的工作情况,,并对今年工作进行部署,。")
    '回顾总结了过去一年的工作情况，并对今年工作进行部署。'
    """
    # a comma doubled, or left before another mark, by the page's conversion (",,", ",。", ",、")
    if _COMMA_PAIR.search(text):
        text = re.sub(f"(?<={_CJKISH})[,，](?:[ \u3000]*[,，])+", ",", text)
        text = re.sub(f"(?<={_CJKISH})[,，][ \u3000]*(?=[。、；])", "", text)
    table = rules.text()["fullwidth"]
    after_any = f"[ \u3000]*(?=[{CJK_RANGES}“‘「『（(《〔]|\\d|$)"
    after_cjk = f"(?=[{CJK_RANGES}“‘「『（(《〔]|$)"
    for half, full in table.items():
        if half not in text:
            continue
        if half in ",:;":
            # after Chinese text, or after a number or "%" when Chinese text follows
            text = re.sub(f"(?<={_CJKISH})[ \u3000]*{re.escape(half)}{after_any}", full, text)
            text = re.sub(f"(?<=[0-9%％]){re.escape(half)}[ \u3000]*(?=[{CJK_RANGES}])", full, text)
        else:
            text = re.sub(f"(?<={_CJKISH}){re.escape(half)}{after_cjk}", full, text)
    return _fullwidth_brackets(text) if "(" in text else text


def _fullwidth_brackets(text: str) -> str:
    out = list(text)
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            j = stack.pop()
            inner = text[j + 1 : i]
            before = text[j - 1] if j > 0 else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if any(is_cjk(c) for c in inner) or (is_cjk(before) and is_cjk(after)):
                out[j], out[i] = "（", "）"
    return "".join(out)


_SPACE_AROUND_PUNCT = re.compile(r"[ \u3000]+(?=[，。、；：？！”）》])|(?<=[，。、；：？！“（《])[ \u3000]+")
_SPACE_AFTER_NUMBER = re.compile(r"^((?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[、．]|[（(]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[）)])[ \u3000]+")
_SPACE_BETWEEN_CJK = re.compile(f"(?<=[{CJK_RANGES}])[ \u3000](?=[{CJK_RANGES}])")
_SPACE_NEXT_TO_QUOTE = re.compile(f"(?<=[{CJK_RANGES}])[ \u3000]+(?=[“《])|(?<=[”》])[ \u3000]+(?=[{CJK_RANGES}])")


def remove_stray_spaces(text: str, lexicon: Lexicon, paragraph: bool = True) -> str:
    """Drop spaces the scrape put inside words ("创先争优 活动", "改 革").

    Running text has no spaces between Chinese words, so in a paragraph a
    space between two Chinese characters goes. Inside a quotation or a book
    title a space may separate two phrases of a slogan ("相聚在党旗下 奉献在发展中"):
    it stays between two phrases of three or more characters, unless the page
    writes the pair together elsewhere.
    Spaces next to Chinese punctuation or after a heading number go.

    >>> lex = Lexicon("推动创先争优活动深入开展,深化改革")
    >>> remove_stray_spaces("推动创先争优 活动的深入开展,深化改 革,知之不 深", lex)
    '推动创先争优活动的深入开展,深化改革,知之不深'
    >>> remove_stray_spaces("以“相聚在党旗下 奉献在发展中”为主题,以“创先争优 活动”为抓手,被“遗 忘”", lex)
    '以“相聚在党旗下 奉献在发展中”为主题,以“创先争优活动”为抓手,被“遗忘”'
    """
    if " " not in text and "\u3000" not in text:
        return text  # (every pattern here takes a space)
    text = _SPACE_AFTER_NUMBER.sub(r"\1", text)
    text = _SPACE_AROUND_PUNCT.sub("", text)
    if not paragraph:
        return text

    depth = _quote_depth(text)

    def keep_or_drop(m: re.Match) -> str:
        a, b = text[m.start() - 1], text[m.end()]
        if depth[m.start()] == 0:
            return ""  # running text has no spaces between Chinese words
        left = re.split(r"[“《「『 \u3000]", text[: m.start()])[-1]
        right = re.split(r"[”》」』 \u3000]", text[m.end():])[0]
        slogan = cjk_count(left) >= 3 and cjk_count(right) >= 3
        return m.group(0) if slogan and lexicon.pair(a, b) == 0 else ""

    text = _SPACE_BETWEEN_CJK.sub(keep_or_drop, text)
    return _SPACE_NEXT_TO_QUOTE.sub("", text)


def _quote_depth(text: str) -> list[int]:
    """For each position, how many quotations or book titles (“…”, 《…》) are open."""
    depth, out = 0, []
    for ch in text:
        if ch in "“《「『":
            depth += 1
        out.append(depth)
        if ch in "”》」』" and depth:
            depth -= 1
    return out


_LETTER_SPACED = re.compile(f"(?<![{CJK_RANGES}])[{CJK_RANGES}](?:[ \u3000][{CJK_RANGES}]){{2,}}(?![{CJK_RANGES}])")


def join_letter_spacing(text: str) -> str:
    """Join characters spread out with spaces, as headings are in Word and PDF
    ("党支部党务工作 实 用 手 册" -> "党支部党务工作 实用手册"): three or more single
    characters, each set off by one space.

    >>> join_letter_spacing("党支部党务工作 实 用 手 册"), join_letter_spacing("目 录")
    ('党支部党务工作 实用手册', '目 录')
    >>> join_letter_spacing("张沁 李艳潇 韩璇")
    '张沁 李艳潇 韩璇'
    """
    return _LETTER_SPACED.sub(lambda m: re.sub(r"[ \u3000]", "", m.group(0)), text)


VERTICAL_RUN = 3
VERTICAL_HEAD_LINES = 12


def join_vertical_title(lines: list[Line]) -> list[Line]:
    """Join a heading set one character per line, as a page's vertical layout leaves it
    ("新", "春", "賀", "辭" -> "新春賀辭"): three or more lines in a row near the head,
    each a single character.

    >>> [ln.text for ln in join_vertical_title([Line(c, i) for i, c in enumerate("新春賀辭")] + [Line("旧岁将辞。", 9)])]
    ['新春賀辭', '旧岁将辞。']
    """
    out: list[Line] = []
    run: list[Line] = []
    for i, ln in enumerate([*lines, Line("", -1)]):
        single = i < VERTICAL_HEAD_LINES and len(ln.text.strip()) == 1 and is_cjk(ln.text.strip())
        if single:
            run.append(ln)
            continue
        if len(run) >= VERTICAL_RUN:
            out.append(Line("".join(r.text.strip() for r in run), run[0].no, indent=run[0].indent))
        else:
            out.extend(run)
        run = []
        if ln.no != -1:
            out.append(ln)
    return out


# --- broken lines ----------------------------------------------------------


def _glue(a: str, b: str) -> str:
    """Join two pieces of one paragraph (a space only between two Latin words)."""
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return f"{a} {b}"
    return a + b


def continues(a: str, b: str, wide: bool = False) -> bool:
    """Does line b carry on the sentence that line a breaks off? On a page of whole
    paragraphs (``wide``), a short line with no stop is a heading, not half a sentence.

    >>> continues("总支书记…详细了解班子成员和党支部在活动开展期间,解决生产实际", "问题和落实履行承诺情况。")
    True
    >>> continues("五年来,街道明确品牌创建的宗旨。", "一是完善品牌创建教育机制")
    False
    >>> continues("领导重视", "为保证创先争优活动的有效开展,中心实行一把手负总责。")
    False
    """
    if not a or not b or ends_sentence(a) or a[-1] in ":：":
        return False
    return (cjk_count(a) >= (60 if wide else 25) or a[-1] in NON_FINAL or b[0] in NON_INITIAL
            or any(p in a for p in "，,、"))


class Numbering:
    """Tracks official-document numbering so that a number out of sequence is spotted.

    "…探索建立了朝九晚" + "五、双休日半天工作制…" under "一、" is a sentence broken
    before "五", not a fifth section.
    """

    def __init__(self) -> None:
        self.last: dict[int, int] = {}

    def expects(self, level: int, num: int) -> bool:
        return num == 1 or num == self.last.get(level, 0) + 1

    def take(self, level: int, num: int) -> None:
        self.last[level] = num
        for deeper in [lv for lv in self.last if lv > level]:
            del self.last[deeper]


def rejoin_broken_lines(lines: list[Line], blank_before: set[int] = frozenset()) -> list[Line]:
    """Join lines broken in mid-sentence back into paragraphs.

    A numbered line stays a line of its own, unless its number is out of
    sequence right after a sentence broken off ("…朝九晚" / "五、双休日…"). So does a
    line with an empty line above it on a page whose empty lines part its paragraphs
    (``blank_before``): "…华西村党委书记吴协恩" / "" / "各位领导、同志们：".

    >>> out = rejoin_broken_lines([Line("一、领导重视", 1), Line("为保证活动的有效开展,中心实行一把手负总责,分管领导具体", 2),
    ...                            Line("抓,一级抓一级。", 3), Line("二、加强班子建设", 4)])
    >>> [ln.text for ln in out]
    ['一、领导重视', '为保证活动的有效开展,中心实行一把手负总责,分管领导具体抓,一级抓一级。', '二、加强班子建设']
    """
    out: list[Line] = []
    seq = Numbering()
    prev_heading = False
    # a page whose lines are whole paragraphs (most run past 100 characters) breaks no line
    # mid-sentence at a short length
    sizes = sorted(len(ln.text) for ln in lines)
    wide = len(sizes) >= 4 and sizes[len(sizes) // 2] >= 100
    for ln in lines:
        level, num = numbering(ln.text)
        if (out and not prev_heading and continues(out[-1].text, ln.text, wide) and not (level and seq.expects(level, num))
                and not (ln.no in blank_before and ln.no != out[-1].no)):
            out[-1] = Line(_glue(out[-1].text, ln.text), out[-1].no)
            continue
        out.append(Line(ln.text, ln.no))
        prev_heading = bool(level) and is_heading_text(ln.text)
        if level:
            seq.take(level, num)
    return out


def join_orphan_fragments(lines: list[Line], lexicon: Lexicon) -> list[Line]:
    """Put a stray fragment ("的号召力。") back where a page break tore it off.

    A PDF page break can leave a paragraph hanging mid-word before a heading
    ("…分析原因、制") while its continuation lands inside a later paragraph
    ("…党支部领导班子定措施、认真整改。…") whose own end follows as a fragment
    ("的号召力。"). The displaced text goes back after the hanging paragraph when
    both new seams read as words the page uses elsewhere ("制定", "子的"); a
    fragment with no such home joins the paragraph before it.
    """
    out = list(lines)
    i = 1
    while i < len(out):
        frag = out[i].text
        if out[i].kind == "p" and frag[0] in NON_INITIAL and cjk_count(frag) <= 20 and ends_sentence(frag):
            host = i - 1
            if out[host].kind == "p":
                moved = _relocate(out, host, frag, lexicon)
                if not moved:
                    out[host] = Line(_glue(out[host].text, frag), out[host].no)
                del out[i]
                continue
        i += 1
    return out


def _relocate(out: list[Line], host: int, frag: str, lexicon: Lexicon) -> bool:
    """Move the displaced tail of out[host] after the hanging paragraph before it."""
    for p in range(host - 1, max(-1, host - 9), -1):
        hanging = out[p].text
        if out[p].kind != "p" or ends_sentence(hanging) or not is_cjk(hanging[-1:]):
            continue
        if p + 1 >= len(out) or not numbering(out[p + 1].text)[0]:
            continue
        q = out[host].text
        best: list[tuple[int, int]] = []
        for k in range(4, len(q) - 4):
            a, b = q[k - 1], q[k]
            if not (is_cjk(a) and is_cjk(b)) or lexicon.pair(a, b) > 1:
                continue
            score = min(lexicon.pair(hanging[-1], b), lexicon.pair(a, frag[0]))
            if score > 0:
                best.append((score, k))
        best.sort(reverse=True)
        if best and (len(best) == 1 or best[0][0] > best[1][0]):
            k = best[0][1]
            out[p] = Line(hanging + q[k:], out[p].no)
            out[host] = Line(q[:k] + frag, out[host].no)
            return True
        return False
    return False


# --- text of a shared document ----------------------------------------------

_CHUNK_NUMBER = re.compile(r"^(?P<n>\d{1,3})、")
# A chunk of a shared document is a page's worth of text, not a list item.
CHUNK_MIN_CHARS = 80


def join_document_chunks(lines: list[Line]) -> tuple[list[Line], list[tuple[str, int]]]:
    """Undo a document site's page chunks: "1、…世界上" / "2、怕就怕认真二字…".

    Document-sharing sites show a document's text in numbered chunks, one per
    page, cut wherever the page ended, so "2、" can fall inside a sentence. A run of
    long lines numbered 1、2、3… in order, most of them cut in mid-sentence, is such
    a run: the numbers go and the sentences are joined again. A numbered list of
    real items (short, or each ending its sentence) is left alone.
    Returns the lines and the numbers removed, with their line numbers.

    >>> out, cut = join_document_chunks([Line("1、心得体会" + "学习教育以来，一些党员提出了问题" * 6 + "毛泽东说：“世界上", 1),
    ...                                  Line("2、怕就怕认真二字，共产党就最讲认真。" + "形式主义害死人。" * 10, 2)])
    >>> [ln.text[:10] for ln in out], cut
    (['心得体会学习教育以来'], [('2、', 2), ('1、', 1)])
    """
    numbered = [(i, int(m.group("n"))) for i, ln in enumerate(lines) if (m := _CHUNK_NUMBER.match(ln.text))]
    run = [i for i, n in numbered if n == 1][:1]
    for i, n in numbered:
        if run and i > run[-1] and n == len(run) + 1:
            run.append(i)
    if len(run) < 2 or sum(cjk_count(lines[i].text) for i in run) < CHUNK_MIN_CHARS * len(run):
        return lines, []
    seams = [not ends_sentence(lines[i - 1].text) for i in run[1:]]
    if sum(seams) * 2 < len(seams):
        return lines, []
    out = list(lines)
    cut: list[tuple[str, int]] = []
    for i, mid in reversed(list(zip(run, [False, *seams]))):
        number = _CHUNK_NUMBER.match(out[i].text).group(0)
        cut.append((number, out[i].no))
        text = out[i].text[len(number):].lstrip()
        if mid:
            out[i - 1] = Line(_glue(out[i - 1].text, text), out[i - 1].no)
            del out[i]
        else:
            out[i] = Line(text, out[i].no)
    return out, cut


def _doubled_runs(text: str, i: int) -> tuple[list[str], int]:
    """The runs written twice in a row from ``text[i]`` on, and where they end."""
    runs: list[str] = []
    while i < len(text):
        # a run written twice starts again where its first character recurs
        ends, j = [], text.find(text[i], i + 2, i + 61)
        while j >= 0:
            ends.append(j - i)
            j = text.find(text[i], j + 1, i + 61)
        n = next((n for n in reversed(ends)
                  if text[i: i + n] == text[i + n: i + 2 * n] and not text[i: i + n].isspace()), 0)
        if not n:
            break
        runs.append(text[i: i + n])
        i += 2 * n
    return runs, i


def undouble_bold(text: str) -> tuple[str, list[str]]:
    """(text, the copies dropped) when a line, or a piece of it after a space, opens with
    runs each written twice in a row: a PDF draws a bold heading twice (fake bold), and its
    text layer then holds every run of the heading doubled, cut wherever the heading changes
    font or wraps ("局长在局长在20252025年…讲话年…讲话同志们：…"). At least two doubled runs,
    one of them of four characters or more, eight Chinese characters in all: a word said
    twice ("研究研究") is not a heading.

    >>> undouble_bold("院长在院长在20252025年全国两会上的讲话年全国两会上的讲话同志们：今天我们开会。")
    ('院长在2025年全国两会上的讲话同志们：今天我们开会。', ['院长在', '2025', '年全国两会上的讲话'])
    >>> undouble_bold("院长的讲话 院长在院长在20252025年全国两会上的讲话年全国两会上的讲话同志们：")[0]
    '院长的讲话 院长在2025年全国两会上的讲话同志们：'
    >>> undouble_bold("研究研究讨论讨论，我们再定。")
    ('研究研究讨论讨论，我们再定。', [])
    >>> undouble_bold("工作总结的概念与特点工作总结的概念与特点工作总结是对工作的回顾。")[1]
    []
    """
    for m in re.finditer(r"^|(?<=\s)(?=\S)", text):
        runs, end = _doubled_runs(text, m.start())
        if len(runs) >= 2 and max(map(len, runs)) >= 4 and cjk_count("".join(runs)) >= 8:
            return text[: m.start()] + "".join(runs) + text[end:], runs
    return text, []


_TITLE_THEN_SPACE = re.compile(r"^(?P<title>[^，。；！？,;!?\s]{4,64})[ \u3000]+(?P<body>\S.{59,})$")


def _closed(s: str) -> bool:
    """Every book-title mark, quotation mark and bracket opened in s is closed."""
    return all(s.count(a) <= s.count(b) for a, b in ("《》", "“”", "（）", "()", "【】"))


def split_glued_title(text: str, known_title: str = "") -> tuple[str, str]:
    """(title, rest) when a document's first line runs its title into its text, else ("", text).

    The title is known (the shared file's name), written twice in a row, or
    set off from the first sentence by a space.

    >>> split_glued_title("年度疫情防控工作总结精选2020年是全球疫情肆虐的一年，我国也面临挑战。", "年度疫情防控工作总结精选")
    ('年度疫情防控工作总结精选', '2020年是全球疫情肆虐的一年，我国也面临挑战。')
    >>> split_glued_title("工作总结的概念与特点工作总结的概念与特点工作总结是对工作的回顾。")
    ('工作总结的概念与特点', '工作总结是对工作的回顾。')
    >>> split_glued_title("中学党支部工作情况的总结学校党支部自从建立以来，" + "认真组织党员学习，" * 5)[0]
    '中学党支部工作情况的总结'
    >>> split_glued_title("文旅局工作总结和工作计划一、年工作总结（一）省、市考核指标" + "小康监测指标完成。" * 6)[0]
    '文旅局工作总结和工作计划'
    >>> split_glued_title("院长在理论学习中心组专题学习习近平总书记在全国“两会”上重要讲话精神研讨交流会上的讲话 "
    ...                   "同志们：在全国“两会”这一关键节点，习近平总书记发表的一系列重要讲话，为医疗卫生事业的发展提供了根本遵循。"
    ...                   "我们要认真学习，深刻领会。")[0][-7:]
    '交流会上的讲话'
    >>> split_glued_title("张光霖院长在讲话中从三个方面进行了动员部署：" + "一是充分认识开展教育实践活动的重大意义，" * 3)[0]
    ''
    >>> split_glued_title("创先争优激活力夯实基础促发展")
    ('', '创先争优激活力夯实基础促发展')
    >>> split_glued_title("根据年初制定的工作计划和院领导交办的各项任务，一年来，研究室圆满完成了全年的计划。" * 2)[0]
    ''
    >>> split_glued_title("为贯彻落实团省委《关于建立学校团组织书记向上级团组织述职制度的工作指引(试行)》相关文件精神，" * 3)[0]
    ''
    """
    if known_title and len(known_title) >= 4 and text.startswith(known_title) and len(text) > len(known_title) + 20:
        return known_title, text[len(known_title):].lstrip()
    for n in range(4, min(40, len(text) // 2) + 1):
        if text[:n] == text[n: 2 * n] and not ends_sentence(text[:n]) and cjk_count(text[:n]) >= 4:
            return text[:n], text[2 * n:].lstrip()
    m = _TITLE_THEN_SPACE.match(text)
    # a long one must end like a whole title ("…研讨交流会上的讲话")
    if (m and cjk_count(m.group("title")) >= 6 and cjk_count(m.group("body")) >= 40
            and (len(m.group("title")) <= 40 or complete_title(m.group("title")))):
        return m.group("title"), m.group("body")
    # the title ends like a whole one ("…工作情况的总结") and the text follows it directly
    head = re.match(r"[^，。；！？,;!?“”]{6,40}", text)
    if head and not SENTENCE_OPENER.match(text):  # "根据…工作计划和…": a sentence, not a title
        # (never inside a book title or a quotation still open: "为贯彻落实《关于…述职制度的工作指引》")
        ends = [k for k in title_ends(text, longest=len(head.group(0))) if _closed(text[:k])]
        # the text starts with its first heading ("…工作计划一、年工作总结（一）…"): the title ends there
        ends = [k for k in ends if numbering(text[k:])[0]][:1] or ends
        if ends and cjk_count(text[ends[-1]:]) >= 40:
            # "listing title...title": the site's cut listing title, an ellipsis, then the title
            title = re.split(r"\.{3,}|…+", text[: ends[-1]])[-1]
            return (title if cjk_count(title) >= 4 else text[: ends[-1]]), text[ends[-1]:]
    return "", text


# --- where a page stops ---------------------------------------------------------

_YEAR_MONTH = re.compile(r"^[（(]?\s*(?:\d{4}|[〇○零一二三四五六七八九十]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2}|[×X＊*]{1,2})\s*月\s*[)）]?$")
_MONTH_DAY = re.compile(r"^[（(]?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]\s*[)）]?$")


def ends_cut_off(last: str) -> bool:
    """Does a page that ends on this line stop in the middle of its report?

    A report ends on a finished sentence, a closing formula ("特此报告"), a signature
    or a date. A page that stops inside a sentence ("…全党开始大规模地", "…方向，"),
    or on a heading with nothing under it, lost the rest at the source.

    >>> ends_cut_off("此后，全党开始大规模地"), ends_cut_off("这一年，我们提质提效，让振兴底力更强。一是")
    (True, True)
    >>> ends_cut_off("让我找到了学习的榜样和方向，"), ends_cut_off("二、存在的问题")
    (True, True)
    >>> ends_cut_off("促进了我队的和谐健康发展。"), ends_cut_off("特此报告"), ends_cut_off("中共宜兴市建设局委员会")
    (False, False, False)
    >>> ends_cut_off("2020年×月"), ends_cut_off("十二月二十日"), ends_cut_off("李仁斌")
    (False, False, False)
    >>> ends_cut_off("关于填写选票的方法和应当注意的问题("), ends_cut_off("开展中心组集中研讨11次，个人自学33次，召...")
    (True, True)
    """
    s = last.strip()
    if s.endswith("...") or s.count("(") + s.count("（") > s.count(")") + s.count("）"):
        return True  # the site's "…召..." cut, or a bracket left open ("问题(", "发(fā", "(")
    if not s or cjk_count(s) == 0:
        return False
    if ends_sentence(s):
        return False
    if s[-1] in "，,、：:；;（(“《—" or numbering(s)[0]:
        return True
    closing = rules.text()["closing_formulas"]
    if (is_date_line(s) or _YEAR_MONTH.match(s) or _MONTH_DAY.match(s) or is_signature(s) or is_person_name(s)
            or is_distribution_line(s) or any(s.rstrip("！!：:，, ").endswith(w) for w in closing)
            or s[-1] in "）)】]" and cjk_count(s) < 20):
        return False
    return is_cjk(s[-1]) or s[-1] in "”’」』" or (s[-1].isalnum() and cjk_count(s) >= 20)
