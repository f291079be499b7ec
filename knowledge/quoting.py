"""Turning a match inside a passage into a fact with a verbatim, focused excerpt."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from knowledge.models import Fact, Passage
from knowledge.text import MAX_EXCERPT, excerpt_around, fold

__all__ = ["quote_fact", "quote_span"]


def quote_span(passage: Passage, start: int, end: int, *, limit: int = MAX_EXCERPT) -> tuple[str, int, int]:
    """(excerpt, doc_start, doc_end) for the sentence(s) around passage offsets [start, end).

    Sentences are found in the masked text (noise blanked), the quote is cut from the original
    text and white space folded, so it is always a verbatim substring of the document.
    """
    a, b = _bold_closed(passage.text, *excerpt_around(passage.masked, start, end, limit=limit))
    return fold(passage.text[a:b]), passage.start + a, passage.start + b


def quote_fact(passage: Passage, fact_type: str, fields: Mapping[str, Any], start: int, end: int,
               *, quote: tuple[int, int] | None = None) -> Fact:
    """A Fact whose excerpt is the sentence(s) around [start, end) (or exactly `quote`, if given)."""
    if quote is not None:
        a, b = _bold_closed(passage.text, *quote)
        excerpt, doc_start, doc_end = fold(passage.text[a:b]), passage.start + a, passage.start + b
    else:
        excerpt, doc_start, doc_end = quote_span(passage, start, end)
    clean = {k: v for k, v in fields.items() if v is not None and v != "" and v != []}
    return Fact(type=fact_type, fields=clean, excerpt=excerpt, source=passage.source(),
                start=doc_start, end=doc_end)



def _bold_closed(text: str, a: int, b: int) -> tuple[int, int]:
    """The span widened by the Markdown "**" it opens or closes without its pair ("Network secretariat** · ..."
    becomes "**Network secretariat** · ..."): sentences are found where emphasis is blanked out."""
    if text.count("**", a, b) % 2:
        if text.startswith("**", a - 2) and a >= 2:
            return a - 2, b
        if text.startswith("**", b):
            return a, b + 2
    return a, b
