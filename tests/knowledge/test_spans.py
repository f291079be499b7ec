"""Statement spans: sentences without the answer mark, bullet or heading line they run on from."""

from __future__ import annotations

import pytest

from knowledge.extract._spans import statement_spans


@pytest.mark.parametrize(("text", "statements"), [
    ("-- A. Victims may receive a residence permit. The permit is free.",
     ["Victims may receive a residence permit.", "The permit is free."]),
    ("(SBU) SUMMARY: The ministry opened two shelters in 2009.", ["The ministry opened two shelters in 2009."]),
    ("Legal framework\nUnder article L425-1, victims may stay.", ["Under article L425-1, victims may stay."]),
    # a line of wrapped prose is no heading: it ends on a small word, or holds a comma
    ("Victims are entitled to a period of\nReflection of 30 days.",
     ["Victims are entitled to a period of\nReflection of 30 days."]),
    ("In Paris, Lyon\nAnd Marseille shelters opened.", ["In Paris, Lyon\nAnd Marseille shelters opened."]),
    ("• Shelter for victims\n• Legal aid", ["Shelter for victims", "Legal aid"]),
])
def test_statement_spans(text: str, statements: list[str]) -> None:
    assert [text[a:b] for a, b in statement_spans(text)] == statements


def test_each_call_gets_its_own_list() -> None:
    text = "Victims may stay. The permit is free."
    first = statement_spans(text)
    first.clear()  # a caller's change must not reach the next caller, who asks for the same text
    assert statement_spans(text) == [(0, 17), (18, 37)]
