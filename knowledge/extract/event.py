"""Event facts: (to be written)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from knowledge.models import Fact, Passage

__all__ = ["event_facts", "event_summary"]


def event_facts(passage: Passage) -> list[Fact]:
    """Every event fact the passage states."""
    return []


def event_summary(fields: Mapping[str, Any]) -> str:
    """A one-line summary of a event fact's fields."""
    return str(dict(fields))
