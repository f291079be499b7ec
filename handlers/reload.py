"""`/factbot reload` and documents shared with the bot: the progress message and the diff reply."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from handlers import messages
from handlers.blocks import MAX_SECTION, Reply, context, escape, header, section, shorten
from knowledge.diff import KnowledgeDiff
from knowledge.models import Skipped

__all__ = [
    "MAX_LISTED",
    "busy_reply",
    "failure_reply",
    "progress_reply",
    "refused_reply",
    "result_reply",
    "upload_note",
    "upload_refused_reply",
]

MAX_LISTED = 15  # names per list in a reply; the rest are counted


def progress_reply(step: str, *, done: int = 0, total: int = 0, name: str = "") -> Reply:
    """The progress message: `step` is one of messages.RELOAD_STEPS' keys."""
    text = messages.RELOAD_STEPS.get(step, step)
    if step == "building" and total:
        text = messages.RELOAD_BUILDING.format(done=done, total=total)
        if name:
            text += f" — `{escape(shorten(name, 80))}`"
    body = f"{messages.RELOAD_HOURGLASS} {text}"
    return Reply(text=body, blocks=(section(body),))


def result_reply(diff: KnowledgeDiff, *, seconds: float, note: str = "") -> Reply:
    """The reply after a successful reload: documents added/removed/changed, facts per type, skipped files.

    `note` (mrkdwn, already escaped: see `upload_note`) closes the message as a context line.
    """
    before, after = diff.documents
    summary = messages.RELOAD_SUMMARY.format(after=after, before=before, seconds=seconds)
    if not diff.documents_changed:
        summary += " " + messages.RELOAD_NO_CHANGE
    blocks: list[dict[str, Any]] = [header(messages.RELOAD_DONE_TITLE), section(summary)]
    for label, names in ((messages.RELOAD_ADDED, diff.added), (messages.RELOAD_REMOVED, diff.removed),
                         (messages.RELOAD_CHANGED, diff.changed)):
        if names:
            blocks.append(section(f"*{label}* ({len(names)})\n{_names(names)}"))
    blocks.append(section(f"*{messages.RELOAD_FACTS}*\n{_fact_lines(diff)}"))
    if diff.skipped:
        blocks.append(section(_skipped_text(diff.skipped)))
    if note:
        blocks.append(context([note]))
    return Reply(text=_fallback(summary, diff), blocks=tuple(blocks))


def failure_reply(reason: str, *, skipped: Sequence[Skipped] = ()) -> Reply:
    """The reply when a reload failed: why, and that the previous knowledge base still answers."""
    body = f"{messages.RELOAD_KEPT}\n*{messages.RELOAD_REASON}* ```{_code(reason)}```"
    blocks = [header(messages.RELOAD_FAILED_TITLE), section(body)]
    if skipped:
        blocks.append(section(_skipped_text(skipped)))
    return Reply(text=f"{messages.RELOAD_FAILED_TITLE}: {escape(shorten(reason, 500))} {messages.RELOAD_KEPT}",
                 blocks=tuple(blocks))


def refused_reply() -> Reply:
    return Reply(text=messages.RELOAD_REFUSED, blocks=(section(messages.RELOAD_REFUSED),))


def busy_reply() -> Reply:
    return Reply(text=messages.RELOAD_BUSY, blocks=(section(messages.RELOAD_BUSY),))


def upload_refused_reply(refused: Sequence[tuple[str, str]]) -> Reply:
    """Shared files that were not saved, each with why: (name as the user gave it, our reason)."""
    lines = [messages.UPLOAD_REFUSED.format(name=escape(shorten(name, 120)), reason=escape(reason))
             for name, reason in refused[:MAX_LISTED]]
    if len(refused) > MAX_LISTED:
        lines.append(messages.RELOAD_MORE.format(n=len(refused) - MAX_LISTED))
    text = shorten("\n".join(lines), MAX_SECTION)
    return Reply(text=text, blocks=(section(text),))


def upload_note(names: Sequence[str], size: int) -> str:
    """The context line saying which shared files were saved (names escaped)."""
    listed = ", ".join(f"`{escape(shorten(n, 80))}`" for n in names[:MAX_LISTED])
    shown = f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"
    return messages.UPLOAD_SAVED.format(names=listed, size=shown)


def _names(names: Sequence[str]) -> str:
    lines = [f"• `{escape(shorten(n, 150))}`" for n in names[:MAX_LISTED]]
    if len(names) > MAX_LISTED:
        lines.append(messages.RELOAD_MORE.format(n=len(names) - MAX_LISTED))
    return shorten("\n".join(lines), MAX_SECTION - 100)


def _fact_lines(diff: KnowledgeDiff) -> str:
    lines = []
    for kind, (before, after) in diff.facts.items():
        change = f" ({after - before:+d})" if after != before else ""
        lines.append(f"• {escape(kind)}: {before} → {after}{change}")
    return "\n".join(lines)


def _skipped_text(skipped: Sequence[Skipped]) -> str:
    lines = [f"• `{escape(shorten(s.path, 150))}`: {escape(shorten(s.reason, 200))}" for s in skipped[:MAX_LISTED]]
    if len(skipped) > MAX_LISTED:
        lines.append(messages.RELOAD_MORE.format(n=len(skipped) - MAX_LISTED))
    return shorten(f"*{messages.RELOAD_SKIPPED}* ({len(skipped)})\n" + "\n".join(lines), MAX_SECTION)


def _code(text: str) -> str:
    # inside ``` a backtick run would end the block early
    return escape(shorten(text, 1500)).replace("```", "'''")


def _fallback(summary: str, diff: KnowledgeDiff) -> str:
    parts = [f"{messages.RELOAD_DONE_TITLE}. {summary}",
             f"{messages.RELOAD_ADDED}: {len(diff.added)}, {messages.RELOAD_REMOVED}: {len(diff.removed)}, "
             f"{messages.RELOAD_CHANGED}: {len(diff.changed)}.",
             messages.RELOAD_FACTS + ": " + ", ".join(f"{k} {b} → {a}" for k, (b, a) in diff.facts.items()) + "."]
    if diff.skipped:
        parts.append(f"{messages.RELOAD_SKIPPED}: " + "; ".join(f"{escape(s.path)} ({escape(s.reason)})"
                                                                 for s in diff.skipped[:MAX_LISTED]))
    return shorten(" ".join(parts), 3000)
