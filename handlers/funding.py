"""`/funding [text]`: who pays whom, how much and for what, quoted and cited."""

from __future__ import annotations

from handlers.answering import answer_for
from handlers.blocks import Reply, View
from knowledge.store import KnowledgeBase

__all__ = ["COMMAND", "funding_reply"]

COMMAND = "funding"


def funding_reply(kb: KnowledgeBase, text: str, view: View) -> Reply:
    """The `/funding` answer to `text` (an overview when empty)."""
    return answer_for(kb, COMMAND, text, view)
