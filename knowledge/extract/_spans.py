"""Sentence spans for quoting a fact: without the heading line or answer letter a sentence may run on from."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.text import MAX_EXCERPT, fold, sentence_spans

__all__ = ["quotable", "statement_spans"]

HEADING_WORDS = 6
HEADING_CHARS = 50

# "-- A.", a bullet, or a cable paragraph's number and classification: "1. (SBU) SUMMARY:".
_ANSWER_MARK = re.compile(r"(?:--\s*[A-Z][.:]\s*|[-–•*·]\s+|(?:¶?\d{1,2}\.\s+)?\((?:U|SBU|C|S|LOU|[CS]//NF)\)\s*)"
                          r"(?:SUMMARY:\s*)?")
_END_PUNCTUATION = ".,;:!?-–—("
# A line of wrapped prose can end on these; a heading cannot.
_SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to with".split())


def statement_spans(text: str) -> list[tuple[int, int]]:
    """`sentence_spans(text)`, each trimmed of a leading "-- A." mark or bullet and of a heading line.

    A heading line is a short line of its own, without a comma or end punctuation, followed by a
    line that starts with a capital: "Legal framework\\nUnder article L425-1, ...".
    """
    return list(_statements(text))


# Funding, permit and event facts each ask for the same passage's statements: remember the last few texts.
@lru_cache(maxsize=64)
def _statements(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_trimmed(text, a, b) for a, b in sentence_spans(text))


def quotable(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The span itself when it is short enough to quote whole, else None (let the quoting cut a window)."""
    a, b = span
    return span if len(fold(text[a:b])) <= MAX_EXCERPT else None


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    mark = _ANSWER_MARK.match(text, a, b)
    if mark and mark.end() < b:
        a = mark.end()
    newline = text.find("\n", a, b)
    if newline < 0 or text[text.rfind("\n", 0, a) + 1:a].strip():
        return a, b
    line = text[a:newline].strip()
    rest = text[newline:b].lstrip()
    words = line.split()
    heading = (0 < len(words) <= HEADING_WORDS and len(line) <= HEADING_CHARS and "," not in line
               and line[-1] not in _END_PUNCTUATION and words[-1].lower() not in _SMALL_WORDS
               and rest[:1].isupper())
    return (b - len(rest), b) if heading else (a, b)
