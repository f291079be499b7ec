"""What changed between two knowledge bases: documents added, removed and changed; facts per type."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from knowledge.models import FACT_TYPES, Skipped
from knowledge.store import KnowledgeBase

__all__ = ["KnowledgeDiff", "Snapshot", "diff_knowledge", "snapshot"]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a knowledge base holds, enough to compare it with another: files by sha256, fact counts."""

    files: Mapping[str, str] = field(default_factory=dict)
    facts: Mapping[str, int] = field(default_factory=dict)
    skipped: tuple[Skipped, ...] = ()
    built_at: str | None = None


@dataclass(frozen=True, slots=True)
class KnowledgeDiff:
    """Documents added, removed and changed (by content hash), facts per type before -> after."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: int
    documents: tuple[int, int]
    facts: Mapping[str, tuple[int, int]]
    skipped: tuple[Skipped, ...] = ()

    @property
    def documents_changed(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def to_json(self) -> dict[str, Any]:
        return {"added": list(self.added), "removed": list(self.removed), "changed": list(self.changed),
                "unchanged": self.unchanged, "documents": {"before": self.documents[0], "after": self.documents[1]},
                "facts": {t: {"before": b, "after": a} for t, (b, a) in self.facts.items()},
                "skipped": [s.to_json() for s in self.skipped]}


def snapshot(kb: KnowledgeBase | None) -> Snapshot:
    """The snapshot of `kb`; an empty one for None (no knowledge base yet)."""
    if kb is None:
        return Snapshot()
    meta = kb.meta()
    skipped = tuple(Skipped(s["path"], s["reason"]) for s in meta.get("skipped", []))
    return Snapshot(files=dict(meta.get("files", {})), facts=dict(kb.counts()["facts"]), skipped=skipped,
                    built_at=meta.get("built_at"))


def diff_knowledge(before: Snapshot, after: Snapshot) -> KnowledgeDiff:
    """The difference from `before` to `after`; skipped files are those of `after`."""
    old, new = before.files, after.files
    changed = tuple(sorted(p for p in old.keys() & new.keys() if old[p] != new[p]))
    types = list(FACT_TYPES) + sorted((before.facts.keys() | after.facts.keys()) - set(FACT_TYPES))
    return KnowledgeDiff(
        added=tuple(sorted(new.keys() - old.keys())),
        removed=tuple(sorted(old.keys() - new.keys())),
        changed=changed,
        unchanged=len(old.keys() & new.keys()) - len(changed),
        documents=(len(old), len(new)),
        facts={t: (before.facts.get(t, 0), after.facts.get(t, 0)) for t in types},
        skipped=after.skipped,
    )
