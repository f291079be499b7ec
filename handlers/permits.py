"""`/permits [text]`: permits and periods, their duration, cost and conditions, quoted and cited."""

from __future__ import annotations

from handlers.answering import answer_for
from handlers.blocks import Reply, View
from knowledge.store import KnowledgeBase

__all__ = ["COMMAND", "permits_reply"]

COMMAND = "permits"


def permits_reply(kb: KnowledgeBase, text: str, view: View) -> Reply:
    """The `/permits` answer to `text` (an overview when empty)."""
    return answer_for(kb, COMMAND, text, view)
