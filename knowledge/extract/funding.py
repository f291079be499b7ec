"""Funding facts: (to be written)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from knowledge.models import Fact, Passage

__all__ = ["funding_facts", "funding_summary"]


def funding_facts(passage: Passage) -> list[Fact]:
    """Every funding fact the passage states."""
    return []


def funding_summary(fields: Mapping[str, Any]) -> str:
    """A one-line summary of a funding fact's fields."""
    return str(dict(fields))
