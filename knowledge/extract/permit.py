"""Permit facts: (to be written)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from knowledge.models import Fact, Passage

__all__ = ["permit_facts", "permit_summary"]


def permit_facts(passage: Passage) -> list[Fact]:
    """Every permit fact the passage states."""
    return []


def permit_summary(fields: Mapping[str, Any]) -> str:
    """A one-line summary of a permit fact's fields."""
    return str(dict(fields))
