"""Checks a freshly built knowledge base file before it is allowed to serve."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.errors import KnowledgeBaseError
from knowledge.models import FACT_TYPES
from knowledge.store import SCHEMA_VERSION

__all__ = ["KnowledgeCheck", "check_knowledge_base"]


@dataclass(frozen=True, slots=True)
class KnowledgeCheck:
    """A knowledge base file that passed the checks, with what it holds."""

    path: str
    documents: int
    passages: int
    facts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "documents": self.documents, "passages": self.passages, "facts": dict(self.facts)}


def check_knowledge_base(path: Path) -> KnowledgeCheck:
    """Check the file at `path`: SQLite integrity, schema version, at least one document, fact counts.

    Raises KnowledgeBaseError saying what is wrong.
    """
    if not Path(path).is_file():
        raise KnowledgeBaseError(f"knowledge base not found: {path}")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as e:
        raise KnowledgeBaseError(f"cannot open {path}: {e}") from None
    try:
        return _check(conn, Path(path))
    except sqlite3.DatabaseError as e:
        raise KnowledgeBaseError(f"{path} is not a usable knowledge base: {e}") from None
    finally:
        conn.close()


def _check(conn: sqlite3.Connection, path: Path) -> KnowledgeCheck:
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall() if row[0] != "ok"]
    if problems:
        raise KnowledgeBaseError(f"{path} failed the SQLite integrity check: {'; '.join(problems[:5])}")
    version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if version is None or version[0] != str(SCHEMA_VERSION):
        raise KnowledgeBaseError(f"{path} has schema {version[0] if version else 'none'}, expected {SCHEMA_VERSION}")
    documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    if documents < 1:
        raise KnowledgeBaseError(f"{path} holds no document")
    orphans = conn.execute("SELECT count(*) FROM facts WHERE doc NOT IN (SELECT path FROM documents)").fetchone()[0]
    if orphans:
        raise KnowledgeBaseError(f"{path} has {orphans} facts whose document is missing")
    passages = conn.execute("SELECT count(*) FROM passages").fetchone()[0]
    per_type = dict(conn.execute("SELECT type, count(*) FROM facts GROUP BY type").fetchall())
    facts = {t: per_type.pop(t, 0) for t in FACT_TYPES} | per_type
    return KnowledgeCheck(path=str(path), documents=documents, passages=passages, facts=facts)
