"""Documents in, facts out: loading, cleaning, extracting, the store and search. Knows nothing of Slack."""

from __future__ import annotations

from knowledge.errors import BuildError, DocumentError, FactbotError, KnowledgeBaseError
from knowledge.models import FACT_TYPES, INTENTS, Answer, Document, Fact, Passage, Result, Skipped, Source

__all__ = [
    "FACT_TYPES",
    "INTENTS",
    "Answer",
    "BuildError",
    "Document",
    "DocumentError",
    "Fact",
    "FactbotError",
    "KnowledgeBaseError",
    "Passage",
    "Result",
    "Skipped",
    "Source",
]
