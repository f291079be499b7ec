"""`/contact [text]`: names, organisations and how to reach them, quoted and cited."""

from __future__ import annotations

from handlers.answering import answer_for
from handlers.blocks import Reply, View
from knowledge.store import KnowledgeBase

__all__ = ["COMMAND", "contact_reply"]

COMMAND = "contact"


def contact_reply(kb: KnowledgeBase, text: str, view: View) -> Reply:
    """The `/contact` answer to `text` (an overview when empty)."""
    return answer_for(kb, COMMAND, text, view)
