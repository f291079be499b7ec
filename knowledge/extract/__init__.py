"""One pure extractor per fact type: Passage -> list[Fact]."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from knowledge.extract.contact import contact_facts, contact_summary
from knowledge.extract.event import event_facts, event_summary
from knowledge.extract.funding import funding_facts, funding_summary
from knowledge.extract.permit import permit_facts, permit_summary
from knowledge.models import Fact, Passage

__all__ = [
    "EXTRACTORS",
    "contact_facts",
    "event_facts",
    "extract_facts",
    "fact_summary",
    "funding_facts",
    "permit_facts",
]

EXTRACTORS: dict[str, Callable[[Passage], list[Fact]]] = {
    "funding": funding_facts,
    "contact": contact_facts,
    "permit": permit_facts,
    "event": event_facts,
}
_SUMMARIES: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "funding": funding_summary,
    "contact": contact_summary,
    "permit": permit_summary,
    "event": event_summary,
}


def extract_facts(passage: Passage) -> list[Fact]:
    """Every fact of every type in the passage, in order of appearance, without duplicates."""
    seen: set[tuple[str, str, int]] = set()
    facts: list[Fact] = []
    for extractor in EXTRACTORS.values():
        for fact in extractor(passage):
            key = (fact.type, repr(sorted(fact.fields.items())), fact.start)
            if key not in seen:
                seen.add(key)
                facts.append(fact)
    return sorted(facts, key=lambda f: f.start)


def fact_summary(fact_type: str, fields: Mapping[str, Any]) -> str:
    """The one-line summary of a fact of the given type."""
    return _SUMMARIES[fact_type](fields)
