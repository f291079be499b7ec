"""The plain data that flows from documents to answers: documents, passages, facts, answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "FACT_TYPES",
    "INTENTS",
    "Answer",
    "Document",
    "Fact",
    "Passage",
    "Result",
    "Skipped",
    "Source",
]

FACT_TYPES = ("funding", "contact", "permit", "event")
INTENTS = ("funding", "contact", "permits", "events", "search")


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded document: its original text (the reference for every quote) and what its header says."""

    path: str
    title: str
    date: str | None
    text: str
    sha256: str
    kind: str = "text"
    meta: Mapping[str, str] = field(default_factory=dict)
    noise: tuple[tuple[int, int], ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date and self.date[:4].isdigit() else None


@dataclass(frozen=True, slots=True)
class Passage:
    """A span of a document's original text with where a reader finds it.

    `text` is `document.text[start:end]` exactly; `masked` is the same text, same length, with
    transmission noise (routing lines, page markers) blanked out, so offsets found in `masked`
    are valid in `text` and in the document.
    """

    doc: str
    ordinal: int
    start: int
    end: int
    text: str
    masked: str
    title: str
    doc_date: str | None
    section: str | None = None
    paragraph: str | None = None
    page: int | None = None

    @property
    def doc_year(self) -> int | None:
        return int(self.doc_date[:4]) if self.doc_date and self.doc_date[:4].isdigit() else None

    @property
    def location(self) -> str:
        parts = [p for p in (self.paragraph, self.section,
                             f"page {self.page}" if self.page else None) if p]
        return ", ".join(parts) if parts else f"passage {self.ordinal + 1}"

    def source(self) -> Source:
        return Source(doc=self.doc, title=self.title, date=self.doc_date, location=self.location)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a quote comes from: document, its title and date, and the place inside it."""

    doc: str
    title: str
    date: str | None
    location: str

    def to_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "title": self.title, "date": self.date, "location": self.location}


@dataclass(frozen=True, slots=True)
class Fact:
    """One extracted fact: its type, normalised fields and the verbatim excerpt that states it.

    `start`/`end` are the excerpt's character offsets in the document's original text.
    """

    type: str
    fields: Mapping[str, Any]
    excerpt: str
    source: Source
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "fields": dict(self.fields), "excerpt": self.excerpt,
                "source": self.source.to_json()}


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file the build could not use, and why."""

    path: str
    reason: str

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Result:
    """One answer item: a one-line summary, a verbatim excerpt and its citation."""

    type: str
    summary: str
    excerpt: str
    source: Source
    score: float
    fields: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "summary": self.summary, "excerpt": self.excerpt,
                "source": self.source.to_json(), "score": round(self.score, 3),
                "fields": dict(self.fields)}


@dataclass(frozen=True, slots=True)
class Answer:
    """What the bot says to a query: results best first, or suggestions when nothing matched."""

    query: str
    intent: str
    results: tuple[Result, ...] = ()
    suggestions: tuple[str, ...] = ()
    total: int = 0

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"query": self.query, "intent": self.intent,
                               "results": [r.to_json() for r in self.results]}
        if self.suggestions:
            out["suggestions"] = list(self.suggestions)
        return out
