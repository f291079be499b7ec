"""Quotes: verbatim spans of the original text, widened to close Markdown bold they cut through."""

from __future__ import annotations

import pytest

from knowledge.models import Passage
from knowledge.quoting import quote_fact
from knowledge.text import fold


def _passage(text: str) -> Passage:
    masked = text.replace("**", "  ")  # as cleaning masks Markdown emphasis
    return Passage(doc="bulletin.md", ordinal=0, start=0, end=len(text), text=text, masked=masked, title="Bulletin",
                   doc_date="2022-03-01")


@pytest.mark.parametrize(("text", "start", "end", "quote"), [
    ("**Network secretariat** · Dr Eva Huber · eva@net.example", 2, 56,
     "**Network secretariat** · Dr Eva Huber · eva@net.example"),
    ("The Commission granted **€850,000** to the network.", 0, 33, "The Commission granted **€850,000**"),
    ("The Commission granted **€850,000** to the network.", 0, 51,
     "The Commission granted **€850,000** to the network."),
    ("No emphasis here, EUR 5,000 for the hotline.", 0, 44, "No emphasis here, EUR 5,000 for the hotline."),
])
def test_a_quote_never_cuts_bold_in_half(text: str, start: int, end: int, quote: str) -> None:
    fact = quote_fact(_passage(text), "funding", {}, start, end, quote=(start, end))
    assert fact.excerpt == quote
    assert fold(text[fact.start:fact.end]) == fact.excerpt
