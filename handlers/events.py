"""`/events [text]`: meetings, conferences and their dates, quoted and cited."""

from __future__ import annotations

from handlers.answering import answer_for
from handlers.blocks import Reply, View
from knowledge.store import KnowledgeBase

__all__ = ["COMMAND", "events_reply"]

COMMAND = "events"


def events_reply(kb: KnowledgeBase, text: str, view: View) -> Reply:
    """The `/events` answer to `text` (an overview when empty)."""
    return answer_for(kb, COMMAND, text, view)
