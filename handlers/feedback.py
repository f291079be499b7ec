"""What was asked (so buttons can page, share and rate it later) and the 👍/👎 feedback on answers.

Both live in the state database, apart from the knowledge base, so no rebuild or reload loses them.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

__all__ = ["DDL", "VOTES", "Asked", "StateStore", "recall_question", "record_vote", "remember_question", "votes"]

VOTES = ("up", "down")
DDL = (
    """CREATE TABLE IF NOT EXISTS asked (
        ref TEXT PRIMARY KEY, command TEXT NOT NULL, query TEXT NOT NULL, user TEXT, channel TEXT,
        asked_at REAL NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS feedback (
        ref TEXT NOT NULL, page INTEGER NOT NULL, user TEXT NOT NULL, vote TEXT NOT NULL, voted_at REAL NOT NULL,
        PRIMARY KEY (ref, page, user))""",
)


class StateStore(Protocol):
    """The part of the bot's state database these functions use."""

    def ensure(self, *ddl: str) -> None: ...

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any: ...

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]: ...


@dataclass(frozen=True, slots=True)
class Asked:
    """A question as it was asked: which command, what text, by whom, where."""

    ref: str
    command: str
    query: str
    user: str | None
    channel: str | None


def remember_question(state: StateStore, command: str, query: str, *, user: str | None,
                      channel: str | None) -> str:
    """Store the question; returns the short reference the answer's buttons carry."""
    ref = secrets.token_hex(6)
    state.execute("INSERT INTO asked (ref, command, query, user, channel, asked_at) VALUES (?, ?, ?, ?, ?, ?)",
                  (ref, command, query, user, channel, time.time()))
    return ref


def recall_question(state: StateStore, ref: str) -> Asked | None:
    rows = state.query("SELECT ref, command, query, user, channel FROM asked WHERE ref = ?", (ref,))
    if not rows:
        return None
    row = rows[0]
    return Asked(ref=row["ref"], command=row["command"], query=row["query"], user=row["user"], channel=row["channel"])


def record_vote(state: StateStore, ref: str, page: int, user: str, vote: str) -> None:
    """One vote per user and answer page; voting again replaces the earlier vote."""
    if vote not in VOTES:
        raise ValueError(f"vote must be one of {VOTES}, got {vote!r}")
    state.execute("INSERT INTO feedback (ref, page, user, vote, voted_at) VALUES (?, ?, ?, ?, ?) "
                  "ON CONFLICT (ref, page, user) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at",
                  (ref, page, user, vote, time.time()))


def votes(state: StateStore, ref: str) -> dict[str, int]:
    """Votes per kind for one answer, over all its pages."""
    rows = state.query("SELECT vote, count(*) AS n FROM feedback WHERE ref = ? GROUP BY vote", (ref,))
    counts = dict.fromkeys(VOTES, 0)
    counts.update({r["vote"]: r["n"] for r in rows})
    return counts
