"""`/factbot help|ask TEXT|status|digest|reload`: parsing the subcommand, help and status replies.

`ask` is answered by `handlers.answering`; `digest` and `reload` belong to their own modules and
are routed by the bot, which says so when one is not available.
"""

from __future__ import annotations

from handlers import messages
from handlers.blocks import Reply, Status, escape, header, help_blocks, section, shorten, status_blocks
from knowledge.store import KnowledgeBase

__all__ = ["SUBCOMMANDS", "help_reply", "knowledge_status", "parse_subcommand", "status_reply", "unknown_reply"]

SUBCOMMANDS = ("help", "ask", "status", "digest", "reload")


def parse_subcommand(text: str) -> tuple[str, str]:
    """(subcommand, rest): an empty text is `help`; an unknown first word is returned as is, lower-cased."""
    words = text.strip().split(maxsplit=1)
    if not words:
        return "help", ""
    return words[0].lower(), (words[1].strip() if len(words) > 1 else "")


def help_reply() -> Reply:
    return Reply(text=messages.HELP_INTRO, blocks=tuple(help_blocks()))


def unknown_reply(sub: str) -> Reply:
    intro = messages.UNKNOWN_SUBCOMMAND.format(sub=escape(shorten(sub, 40)))
    return Reply(text=intro, blocks=(section(intro), *help_blocks()))


def knowledge_status(kb: KnowledgeBase) -> Status:
    """Documents, passages, facts per type, last build time and document titles."""
    counts = kb.counts()
    meta = kb.meta()
    titles = tuple((d["title"] or d["path"], d["date"]) for d in kb.documents())
    return Status(documents=counts["documents"], passages=counts["passages"], facts=counts["facts"],
                  built_at=meta.get("built_at"), titles=titles)


def status_reply(kb: KnowledgeBase) -> Reply:
    status = knowledge_status(kb)
    facts = ", ".join(f"{n} {kind}" for kind, n in status.facts.items())
    text = f"{status.documents} documents, facts: {facts}; last build {status.built_at or 'unknown'}"
    return Reply(text=text, blocks=(header(messages.STATUS_TITLE), *status_blocks(status)))
