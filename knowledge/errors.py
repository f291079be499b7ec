"""The errors factbot's knowledge layer raises.

    FactbotError
    ├── DocumentError          a file cannot be used as a document
    ├── BuildError             nothing usable could be built; the old knowledge base stays
    └── KnowledgeBaseError     the knowledge base is missing, corrupt or of another version
"""

from __future__ import annotations

__all__ = ["BuildError", "DocumentError", "FactbotError", "KnowledgeBaseError"]


class FactbotError(Exception):
    """Base of every error factbot raises on purpose."""


class DocumentError(FactbotError):
    """A file cannot be used as a document; the message says why."""


class BuildError(FactbotError):
    """A build produced nothing usable; the previous knowledge base is untouched."""


class KnowledgeBaseError(FactbotError):
    """The knowledge base file is missing, corrupt or was built by another version."""
