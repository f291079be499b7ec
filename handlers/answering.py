"""The answer commands' common path: query in, Block Kit answer out (one page, one surface)."""

from __future__ import annotations

from handlers.blocks import Reply, View, answer_reply
from knowledge.store import KnowledgeBase

__all__ = ["ANSWER_COMMANDS", "answer_for"]

ANSWER_COMMANDS = ("ask", "funding", "contact", "permits", "events")


def answer_for(kb: KnowledgeBase, command: str, text: str, view: View) -> Reply:
    """The page of the answer to `text` that `view` asks for, as Block Kit."""
    if command not in ANSWER_COMMANDS:
        raise ValueError(f"not an answer command: {command!r}")
    from knowledge.answers import answer  # the search stack loads on the first answer, not at import

    found = answer(kb, command, text, limit=view.limit, offset=view.offset)
    return answer_reply(found, command, view)
