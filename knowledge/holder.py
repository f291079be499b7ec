"""The knowledge base currently serving, swappable while queries run."""

from __future__ import annotations

import threading
from pathlib import Path

from knowledge.store import KnowledgeBase

__all__ = ["KnowledgeHolder"]


class KnowledgeHolder:
    """Holds the serving KnowledgeBase; `swap` installs a new one atomically.

    A query takes `holder.current` once and uses that object to the end, so a swap never
    changes the knowledge base under a running query; later queries see the new one.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._lock = threading.Lock()
        self.generation = 1

    @classmethod
    def open(cls, path: Path) -> KnowledgeHolder:
        return cls(KnowledgeBase(path))

    @property
    def current(self) -> KnowledgeBase:
        return self._kb

    def swap(self, kb: KnowledgeBase) -> KnowledgeBase:
        """Install `kb`; returns the previous one (left open: running queries may still use it)."""
        with self._lock:
            old, self._kb = self._kb, kb
            self.generation += 1
        return old
