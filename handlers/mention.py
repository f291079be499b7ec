"""Mentions and direct messages: which to answer, where (which thread), and the answer itself."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from handlers.answering import answer_for
from handlers.blocks import Reply, View, help_blocks
from handlers.messages import ASK_WHAT
from knowledge.store import KnowledgeBase

__all__ = ["mention_reply", "question_of", "reply_thread", "should_answer"]

_MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")


def should_answer(event: Mapping[str, Any], bot_user_id: str | None, *, kind: str) -> bool:
    """Whether an `app_mention` or `message` event is a person's question to the bot.

    Edits, deletions, joins and every other subtype, the bot's own messages and other bots'
    messages are ignored. A `message` is a question only in a DM or when it mentions the bot
    (the same message also arrives as `app_mention`; the caller deduplicates on channel and ts).
    """
    if event.get("subtype") or event.get("bot_id") or event.get("bot_profile"):
        return False
    user = event.get("user")
    if not user or (bot_user_id and user == bot_user_id):
        return False
    if not event.get("channel") or not event.get("ts"):
        return False
    if kind == "app_mention":
        return True
    if event.get("channel_type") == "im":
        return True
    return bool(bot_user_id) and f"<@{bot_user_id}" in str(event.get("text", ""))


def question_of(text: str) -> str:
    """The question in a message, without the mentions of the bot (or anyone)."""
    return " ".join(_MENTION.sub(" ", text).split())


def reply_thread(event: Mapping[str, Any]) -> str | None:
    """The thread_ts to answer in: the thread's root in a thread, the message itself at top level.

    A top-level direct message is answered in the DM itself, not in a thread.
    """
    if event.get("thread_ts"):
        return str(event["thread_ts"])
    if event.get("channel_type") == "im":
        return None
    return str(event["ts"])


def mention_reply(kb: KnowledgeBase, text: str, view: View) -> Reply:
    """The answer to a mention or DM; a mention without a question gets help."""
    question = question_of(text)
    if not question:
        return Reply(text=ASK_WHAT, blocks=tuple(help_blocks()))
    return answer_for(kb, "ask", question, view)
