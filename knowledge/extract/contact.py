"""Contact facts: (to be written)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from knowledge.models import Fact, Passage

__all__ = ["contact_facts", "contact_summary"]


def contact_facts(passage: Passage) -> list[Fact]:
    """Every contact fact the passage states."""
    return []


def contact_summary(fields: Mapping[str, Any]) -> str:
    """A one-line summary of a contact fact's fields."""
    return str(dict(fields))
