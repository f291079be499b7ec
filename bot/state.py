"""The state database (FACTBOT_STATE_DB): what the bot remembers apart from the knowledge base.

Separate from the knowledge base so that no rebuild or reload ever loses it. Each feature
creates its own tables (CREATE TABLE IF NOT EXISTS) through `StateDB.ensure`. Several bot
processes may share the file: WAL mode, a busy timeout, and `transaction()` takes the write
lock up front (BEGIN IMMEDIATE) for claim-then-act patterns.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["StateDB"]

_BUSY_MS = 10_000


class StateDB:
    """A small SQLite wrapper: one connection, guarded by a lock, usable from any thread."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None,
                                     timeout=_BUSY_MS / 1000)
        self._conn.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        self._conn.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
        self._use_wal()

    def ensure(self, *ddl: str) -> None:
        """Run CREATE TABLE/INDEX IF NOT EXISTS statements."""
        with self._lock:
            for statement in ddl:
                self._conn.execute(statement)

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        """One parameterised statement in autocommit mode."""
        with self._lock:
            return self._conn.execute(sql, params)

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error): the write lock is taken at once."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _use_wal(self) -> None:
        # Turning a new file to WAL takes an exclusive lock without waiting on the busy timeout,
        # so processes opening a fresh state database at the same moment retry for a while.
        deadline = time.monotonic() + _BUSY_MS / 1000
        while True:
            try:
                self._conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
