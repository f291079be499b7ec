"""The daily digest as Slack sees it: Block Kit within limits, a plain-text form, and what it remembers.

Each item is a section (bold summary, verbatim quote) followed by a context line citing the
document title, date and location, as in answers. Empty sections are left out; a day with
nothing new still shows the fact of the day. Long sections show their first items and say how
many more there are, so a digest never breaks Slack's limits (50 blocks, 3,000 characters).

Between digests the state database keeps, per channel and day, the snapshot the digest saw
(zlib-compressed JSON) and the fact of the day with its rotation cycle (tables in `DDL`).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, Protocol

from handlers.blocks import (
    MAX_BLOCKS,
    MAX_FALLBACK,
    MAX_HEADER,
    MAX_SECTION,
    Reply,
    context,
    divider,
    escape,
    header,
    quote,
    section,
    shorten,
)
from knowledge.digest import Digest, DigestItem, DigestSnapshot, Rotation, build_digest
from knowledge.store import KnowledgeBase
from knowledge.text import fold

__all__ = [
    "DDL",
    "SNAPSHOT_DAYS",
    "Executes",
    "StateReader",
    "digest_for",
    "digest_preview",
    "digest_reply",
    "digest_text",
    "load_history",
    "record_digest",
]

SNAPSHOT_DAYS = 30  # snapshots older than this (before the newest) are pruned
MAX_CHANGES = 6
MAX_UPCOMING = 5
MAX_ON_THIS_DAY = 3

DDL = (
    """CREATE TABLE IF NOT EXISTS digest_snapshots (
        channel TEXT NOT NULL, day TEXT NOT NULL, snapshot BLOB NOT NULL, PRIMARY KEY (channel, day))""",
    """CREATE TABLE IF NOT EXISTS digest_rotation (
        channel TEXT NOT NULL, day TEXT NOT NULL, cycle INTEGER NOT NULL, fact_key TEXT NOT NULL,
        PRIMARY KEY (channel, day))""",
)

# What the digest says; the templates' fields are escaped by the caller.
TITLE = "Daily digest — {day}"
PREVIEW_NOTE = "Preview — only you can see this."
SCHEDULE = "It is posted every day at {schedule} in {channel}."
NO_CHANNEL = "No digest channel is set (FACTBOT_DIGEST_CHANNEL), so none is posted."
TOTALS = "factbot knows {documents} documents and {facts} facts."
BASELINE = "First digest: changes will be counted from here on."
CHANGES = "*What changed since the last digest*"
UPCOMING = "*Coming up in the next 14 days*"
ON_THIS_DAY = "*On this day*"
FACT_OF_THE_DAY = "*💡 Fact of the day*"
MORE = "… and {n} more"
NOTHING_YET = "No facts to show yet."
LABELS = {"documents_added": "📄 New document", "documents_removed": "🗑️ Removed document",
          "documents_updated": "✏️ Updated document", "facts_added": "➕ New fact", "facts_removed": "➖ Removed fact"}
REMOVED_NOTE = "no longer in the knowledge base"
_CHANGE_ORDER = tuple(LABELS)


class StateReader(Protocol):
    """The part of the state database the digest reads."""

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]: ...


class Executes(Protocol):
    """Anything that runs one statement: the state database, or a connection inside its transaction."""

    def execute(self, sql: str, params: Sequence[Any] = (), /) -> Any: ...


def load_history(state: StateReader, channel: str, day: date) -> tuple[DigestSnapshot | None, Rotation]:
    """The snapshot of the last digest before `day` in `channel` (None if there was none) and the rotation."""
    rows = state.query("SELECT snapshot FROM digest_snapshots WHERE channel = ? AND day < ? ORDER BY day DESC "
                       "LIMIT 1", (channel, day.isoformat()))
    previous = DigestSnapshot.from_json(json.loads(zlib.decompress(rows[0][0]))) if rows else None
    last = state.query("SELECT max(cycle) FROM digest_rotation WHERE channel = ? AND day < ?",
                       (channel, day.isoformat()))
    cycle = last[0][0] if last and last[0][0] is not None else 0
    shown = state.query("SELECT fact_key FROM digest_rotation WHERE channel = ? AND day < ? AND cycle = ?",
                        (channel, day.isoformat(), cycle))
    return previous, Rotation(cycle=cycle, shown=frozenset(r[0] for r in shown))


def record_digest(db: Executes, channel: str, digest: Digest) -> None:
    """Remember what the digest posted in `channel` saw and which fact it showed (idempotent per day)."""
    day = digest.day.isoformat()
    blob = zlib.compress(json.dumps(digest.snapshot.to_json(), ensure_ascii=False).encode("utf-8"))
    db.execute("INSERT OR REPLACE INTO digest_snapshots (channel, day, snapshot) VALUES (?, ?, ?)",
               (channel, day, blob))
    db.execute("DELETE FROM digest_snapshots WHERE channel = ? AND day < ?",
               (channel, (digest.day - timedelta(days=SNAPSHOT_DAYS)).isoformat()))
    if digest.fact_of_the_day is not None:
        db.execute("INSERT OR REPLACE INTO digest_rotation (channel, day, cycle, fact_key) VALUES (?, ?, ?, ?)",
                   (channel, day, digest.rotation.cycle, digest.fact_of_the_day.key))


def digest_for(kb: KnowledgeBase, state: StateReader, *, channel: str, day: date) -> Digest:
    """The digest for `day` in `channel`, compared with that channel's previous digest."""
    previous, rotation = load_history(state, channel, day)
    return build_digest(kb, day, previous, rotation)


def digest_preview(kb: KnowledgeBase, state: StateReader, *, channel: str, day: date, schedule: str = "") -> Reply:
    """`/factbot digest`: the digest `channel` gets on `day`, marked as a preview (for an ephemeral reply).

    `schedule` says when it is posted (e.g. "09:00 Europe/Paris"); `channel` is an ID or #name,
    empty when no digest channel is configured.
    """
    digest = digest_for(kb, state, channel=channel, day=day)
    if not channel:
        where = NO_CHANNEL
    else:
        ref = f"<#{channel}>" if not channel.startswith("#") else escape(channel)
        where = SCHEDULE.format(schedule=escape(schedule), channel=ref) if schedule else ""
    return digest_reply(digest, preview_note=" ".join(p for p in (PREVIEW_NOTE, where) if p))


def digest_reply(digest: Digest, *, preview_note: str = "") -> Reply:
    """The digest as Block Kit (within Slack's limits) with a plain-text fallback; `preview_note` is mrkdwn."""
    top = [header(_title(digest)), context(_intro(digest, preview_note))]
    body: list[dict[str, Any]] = []
    for part in (_changes_blocks(digest), _events_blocks(UPCOMING, digest.upcoming, MAX_UPCOMING, digest, "soon"),
                 _events_blocks(ON_THIS_DAY, digest.on_this_day, MAX_ON_THIS_DAY, digest, "ago"),
                 _fact_of_the_day_blocks(digest)):
        if part:
            body.extend([divider(), *part])
    blocks = (top + body)[:MAX_BLOCKS]
    return Reply(text=shorten(_fallback(digest), MAX_FALLBACK), blocks=tuple(blocks))


def digest_text(digest: Digest) -> str:
    """The digest as plain text, for the command line: every item with its quote and citation."""
    lines = [_title(digest), *_intro(digest, "")]
    for heading, items in _sections(digest):
        lines += ["", heading]
        for label, item in items:
            lines.append(f"  {label}: {item.summary}" if label else f"  {item.summary}")
            if item.excerpt:
                lines.append(f"    “{fold(item.excerpt)}”")
            lines.append(f"    — {_cite_plain(item)}")
    return "\n".join(lines)


def _title(digest: Digest) -> str:
    return shorten(TITLE.format(day=_long_date(digest.day)), MAX_HEADER)


def _intro(digest: Digest, note: str) -> list[str]:
    lines = [note] if note else []
    lines.append(TOTALS.format(documents=digest.documents, facts=digest.facts))
    if digest.baseline:
        lines.append(BASELINE)
    return lines


def _changes_blocks(digest: Digest) -> list[dict[str, Any]]:
    changes = _labelled_changes(digest)
    if not changes:
        return []
    blocks = [section(CHANGES)]
    for name, item in changes[:MAX_CHANGES]:
        blocks += _item_blocks(f"{LABELS[name]}: {item.summary}", item, removed=name.endswith("_removed"))
    if len(changes) > MAX_CHANGES:
        blocks.append(context([_change_counts(digest)]))
    return blocks


def _events_blocks(heading: str, items: Sequence[DigestItem], limit: int, digest: Digest,
                   when: str) -> list[dict[str, Any]]:
    if not items:
        return []
    blocks = [section(heading)]
    for item in items[:limit]:
        blocks += _item_blocks(f"{_when(item, digest.day, when)} — {item.summary}", item)
    if len(items) > limit:
        blocks.append(context([MORE.format(n=len(items) - limit)]))
    return blocks


def _fact_of_the_day_blocks(digest: Digest) -> list[dict[str, Any]]:
    item = digest.fact_of_the_day
    if item is None:
        return [] if digest.facts else [section(NOTHING_YET)]
    return [section(FACT_OF_THE_DAY), *_item_blocks(item.summary, item)]


def _item_blocks(summary: str, item: DigestItem, *, removed: bool = False) -> list[dict[str, Any]]:
    head = f"*{escape(shorten(fold(summary), 300))}*"
    text = head + ("\n" + quote(item.excerpt, (), MAX_SECTION - len(head) - 1) if item.excerpt else "")
    cite = _citation(item) + ([f"_{REMOVED_NOTE}_"] if removed else [])
    return [section(text), context(cite)]


def _citation(item: DigestItem) -> list[str]:
    src = item.source
    parts = [f"📄 *{escape(fold(src.title) or src.doc)}*", escape(src.date or "undated")]
    if src.location:
        parts.append(escape(src.location))
    return parts


def _cite_plain(item: DigestItem) -> str:
    src = item.source
    where = ", ".join(p for p in (src.doc, src.date or "undated", src.location) if p)
    return f"{fold(src.title) or src.doc} ({where})"


def _labelled_changes(digest: Digest) -> list[tuple[str, DigestItem]]:
    """(section name, item) for every change, in the order they are shown."""
    return [(name, item) for name in _CHANGE_ORDER for item in getattr(digest, name)]


def _change_counts(digest: Digest) -> str:
    counts = [f"{len(getattr(digest, name))} × {label}" for name, label in LABELS.items() if getattr(digest, name)]
    return "In all: " + ", ".join(counts)


def _sections(digest: Digest) -> list[tuple[str, list[tuple[str, DigestItem]]]]:
    out: list[tuple[str, list[tuple[str, DigestItem]]]] = []
    if changes := _labelled_changes(digest):
        out.append((_plain(CHANGES), [(LABELS[name], item) for name, item in changes]))
    if digest.upcoming:
        out.append((_plain(UPCOMING), [(_when(i, digest.day, "soon"), i) for i in digest.upcoming]))
    if digest.on_this_day:
        out.append((_plain(ON_THIS_DAY), [(_when(i, digest.day, "ago"), i) for i in digest.on_this_day]))
    if digest.fact_of_the_day is not None:
        out.append((_plain(FACT_OF_THE_DAY), [("", digest.fact_of_the_day)]))
    return out


def _when(item: DigestItem, day: date, how: str) -> str:
    start = date.fromisoformat(str(item.fields["start"]))
    if how == "ago":
        years = day.year - start.year
        return f"{years} year{'s' if years != 1 else ''} ago"
    days = (start - day).days
    if days < 0:
        return "Under way"
    return {0: "Today", 1: "Tomorrow"}.get(days, f"In {days} days")


def _long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _plain(heading: str) -> str:
    return heading.strip("*")


def _fallback(digest: Digest) -> str:
    lines = [_title(digest)]
    for heading, items in _sections(digest):
        lines.append(_plain(heading))
        for label, item in items:
            quoted = f" “{escape(fold(item.excerpt))}”" if item.excerpt else ""
            src = item.source
            lines.append(f"• {escape(label + ': ' if label else '')}{escape(item.summary)}{quoted} — "
                         f"{escape(fold(src.title) or src.doc)}, {escape(src.date or 'undated')}")
    return "\n".join(lines)
