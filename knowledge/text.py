"""Text helpers that keep quotes verbatim: folding white space, sentences, excerpts by offsets."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "MAX_EXCERPT",
    "excerpt_around",
    "fold",
    "plain_letters",
    "runs_on",
    "sentence_spans",
    "trim_span",
]

MAX_EXCERPT = 600
_PLAIN_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ø": "o", "Ø": "O",
                                "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "þ": "th", "Þ": "Th",
                                "ı": "i", "ħ": "h", "Ħ": "H"})

# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st no nos vs etc e.g i.e u.s u.n u.k jan feb mar apr jun jul aug sep sept "
    "oct nov dec art arts para paras p pp fig approx inc ltd co corp gov dept min amb sen rep gen "
    "col lt sgt ph.d m mme cf ca e.v a.m p.m mgr ing bc judr mudr phdr mag dipl univ nr cap s.l".split()
)
# Abbreviations that end a sentence as often as not: "at 10 a.m. The minister ..." ends, ...
_SOMETIMES_FINAL = frozenset(("a.m", "p.m"))
# ... nor before a time zone or a day: "at 10 a.m. EDT, the ...", "from 9 a.m. to 1 p.m. Wednesday, March 27".
_NOT_AFTER_TIME = frozenset("EDT EST CDT CST PDT PST GMT UTC BST CET CEST EET EEST MSK local Monday Tuesday Wednesday "
                            "Thursday Friday Saturday Sunday".split())
_END = re.compile(r"[.!?…](?:[\"'”’)\]]*)(?:\[\d{1,3}\])?(?=\s)")  # a footnote mark may follow: ".[1] However"
_NEXT_WORD = re.compile(r"\s*(\S+)")
_LAST_WORD = re.compile(r"([\w.]+)$")
_BLANK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_START = re.compile(r"\n[ \t]*(?=--\s*[A-Z][.:]|[-•*·]\s|\d{1,2}\s*[-–]\s*\d{1,2}\s+[A-Z])")
_UNDERLINE = re.compile(r"\n[ \t]*-{3,}[ \t]*(?=\n)")


def plain_letters(text: str) -> str:
    """Letters that are no accented form of another written as readers type them: "Łódź" is searched as "Lódz",
    "Bjarkarhlíð" as "Bjarkarhlíd", "Søren" as "Soren" (accents proper are dropped where words are compared)."""
    return text if text.isascii() else text.translate(_PLAIN_LETTERS)


def fold(text: str) -> str:
    """Runs of white space become one space; Unicode NFC; ends trimmed."""
    # str.split() and str.strip() split on exactly the characters `\s` matches: same result, 4x faster.
    return " ".join(unicodedata.normalize("NFC", text).split())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets in `text`, trimmed of white space.

    Boundaries: end punctuation followed by space (not after a known abbreviation or an
    initial), a blank line unless the text runs on in lower case (a page break inside a
    sentence), a heading underline, a lettered answer (`-- B.`), a bullet or a calendar line.
    """
    return list(_sentence_spans(text))


# Each extractor and the quoting ask for the same passage's sentences: remember the last few texts.
@lru_cache(maxsize=64)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    cuts = {0, len(text)}
    for m in _END.finditer(text):
        if _ends_sentence(text, m.start(), m.end()):
            cuts.add(m.end())
    for m in _BLANK.finditer(text):
        if not runs_on(text, m.start(), m.end()):
            cuts.add(m.end())
    for pattern in (_LINE_START, _UNDERLINE):
        for m in pattern.finditer(text):
            cuts.add(m.end())
    spans = []
    ordered = sorted(cuts)
    for a, b in zip(ordered, ordered[1:], strict=False):
        a, b = trim_span(text, a, b)
        if b > a:
            spans.append((a, b))
    return tuple(spans)


def excerpt_around(text: str, start: int, end: int, *, limit: int = MAX_EXCERPT,
                   spans: list[tuple[int, int]] | None = None) -> tuple[int, int]:
    """The (start, end) of the sentence or sentences of `text` that contain [start, end).

    Grows to whole sentences; if that is longer than `limit` characters once folded, it is
    cut to a window around the match at word boundaries instead.
    """
    spans = sentence_spans(text) if spans is None else spans
    inside = [s for s in spans if s[1] > start and s[0] < end] or [(start, end)]
    a, b = inside[0][0], inside[-1][1]
    if len(fold(text[a:b])) <= limit:
        return a, b
    return _window(text, start, end, limit)


def _ends_sentence(text: str, mark: int, after: int) -> bool:
    """Whether the end punctuation at text[mark] (its quotes and brackets up to `after`) ends a sentence."""
    if text[mark] != ".":
        return True
    following = _NEXT_WORD.match(text, after)
    if following and following.group(1)[0].islower():
        return False  # "... signed with KOK e.V. in Berlin", "Nov. 1 at 9 a.m. with ..."
    m = _LAST_WORD.search(text[max(0, mark - 12):mark])
    if not m:
        return True
    word = m.group(1).lower()
    if word in _SOMETIMES_FINAL:
        return not following or following.group(1).strip(",.;:()") not in _NOT_AFTER_TIME
    if "." in word and word.replace(".", "").isalpha() and following and following.group(1)[:1].isdigit():
        return False  # an initialism before a number: "(L.I. 2219)", "Act B.E. 2551", "S.L. 217.07"
    if len(word) == 1 and word.isalpha():
        return False  # an initial: "J. Smith"
    return not (word in _ABBREVIATIONS or word.rstrip(".") in _ABBREVIATIONS)


def runs_on(text: str, gap_start: int, gap_end: int) -> bool:
    """Whether a blank-line gap at text[gap_start:gap_end] falls inside a sentence.

    It does when the text goes on in lower case, when the line before ends on a comma or a
    hyphen, or when a blanked page marker (several blank lines) interrupts a line that ends
    without punctuation.
    """
    before = text[max(0, gap_start - 200):gap_start].rstrip()
    after = text[gap_end:gap_end + 40]
    if not before or not after:
        return False
    if before[-1] in ".!?:;…\"”":
        return False
    if after[0].islower() or before[-1] in ",-–(":
        return True
    page_break = text.count("\n", gap_start, gap_end) >= 4
    return page_break and before[-1].islower()


def trim_span(text: str, a: int, b: int) -> tuple[int, int]:
    """(a, b) narrowed past white space at both ends."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _window(text: str, start: int, end: int, limit: int) -> tuple[int, int]:
    room = max(0, limit - (end - start)) // 2
    a, b = max(0, start - room), min(len(text), end + room)
    while a > 0 and a < start and not text[a - 1].isspace():
        a += 1
    while b < len(text) and b > end and not text[b].isspace():
        b -= 1
    a, b = trim_span(text, a, b)
    while len(fold(text[a:b])) > limit and b > end:
        b = text.rfind(" ", end, b - 1) if text.rfind(" ", end, b - 1) > end else end
    return a, b
