"""The daily digest's content: what changed since the previous digest, what is coming, one fact to know.

Pure: given a knowledge base, the day and what the previous digest saw (a `DigestSnapshot`) and
which facts already had their turn as fact of the day (a `Rotation`), `build_digest` returns a
`Digest` whose every item carries a verbatim quote and its source. Storing the snapshot and the
rotation between digests is the caller's business (the bot keeps them in its state database).

Removed documents and facts are no longer in the knowledge base, so a snapshot keeps each item
as it was shown (summary, quote, source): a removal can still be quoted and cited.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from knowledge.models import Fact, Source
from knowledge.store import KnowledgeBase
from knowledge.text import MAX_EXCERPT, excerpt_around, fold, sentence_spans

__all__ = [
    "ITEM_KINDS",
    "ON_THIS_DAY_MIN_YEARS",
    "UPCOMING_DAYS",
    "Digest",
    "DigestItem",
    "DigestSnapshot",
    "Rotation",
    "build_digest",
    "digest_snapshot",
    "fact_key",
    "fact_of_the_day",
    "on_this_day",
    "upcoming_events",
]

UPCOMING_DAYS = 14
ON_THIS_DAY_MIN_YEARS = 1
ITEM_KINDS = ("document", "fact", "event", "fact_of_the_day")
OPENING_MAX = 300  # a document's opening quote: one sentence, at most this long once folded
_OPENING_MIN_WORDS = 6


@dataclass(frozen=True, slots=True)
class DigestItem:
    """One line of the digest: a one-line summary, the verbatim quote that supports it, and its source."""

    kind: str
    key: str
    summary: str
    excerpt: str
    source: Source
    fields: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "key": self.key, "summary": self.summary, "excerpt": self.excerpt,
                "source": self.source.to_json(), "fields": dict(self.fields)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DigestItem:
        src = data["source"]
        source = Source(doc=src["doc"], title=src["title"], date=src.get("date"), location=src["location"])
        return cls(kind=data["kind"], key=data["key"], summary=data["summary"], excerpt=data["excerpt"],
                   source=source, fields=dict(data.get("fields") or {}))


@dataclass(frozen=True, slots=True)
class DigestSnapshot:
    """What a digest saw: each document (by path, with its content hash) and each fact (by key), as items."""

    documents: Mapping[str, DigestItem] = field(default_factory=dict)
    facts: Mapping[str, DigestItem] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"documents": {k: v.to_json() for k, v in self.documents.items()},
                "facts": {k: v.to_json() for k, v in self.facts.items()}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DigestSnapshot:
        return cls(documents={k: DigestItem.from_json(v) for k, v in data.get("documents", {}).items()},
                   facts={k: DigestItem.from_json(v) for k, v in data.get("facts", {}).items()})


@dataclass(frozen=True, slots=True)
class Rotation:
    """The fact-of-the-day cycle: its number and the fact keys already shown in it (before the day)."""

    cycle: int = 0
    shown: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Digest:
    """One day's digest. `baseline` is true when there was no previous digest to compare with."""

    day: date
    baseline: bool
    documents: int
    facts: int
    documents_added: tuple[DigestItem, ...] = ()
    documents_removed: tuple[DigestItem, ...] = ()
    documents_updated: tuple[DigestItem, ...] = ()
    facts_added: tuple[DigestItem, ...] = ()
    facts_removed: tuple[DigestItem, ...] = ()
    upcoming: tuple[DigestItem, ...] = ()
    on_this_day: tuple[DigestItem, ...] = ()
    fact_of_the_day: DigestItem | None = None
    rotation: Rotation = Rotation()
    snapshot: DigestSnapshot = DigestSnapshot()

    @property
    def has_changes(self) -> bool:
        return bool(self.documents_added or self.documents_removed or self.documents_updated
                    or self.facts_added or self.facts_removed)

    def to_json(self) -> dict[str, Any]:
        def items(xs: Iterable[DigestItem]) -> list[dict[str, Any]]:
            return [x.to_json() for x in xs]

        return {"day": self.day.isoformat(), "baseline": self.baseline,
                "totals": {"documents": self.documents, "facts": self.facts},
                "documents": {"added": items(self.documents_added), "removed": items(self.documents_removed),
                              "updated": items(self.documents_updated)},
                "facts": {"added": items(self.facts_added), "removed": items(self.facts_removed)},
                "upcoming": items(self.upcoming), "on_this_day": items(self.on_this_day),
                "fact_of_the_day": self.fact_of_the_day.to_json() if self.fact_of_the_day else None}


def build_digest(kb: KnowledgeBase, day: date, previous: DigestSnapshot | None,
                 rotation: Rotation = Rotation()) -> Digest:
    """The digest for `day`: changes since `previous` (none when it is None), events, fact of the day."""
    facts = kb.facts()
    snap = digest_snapshot(kb, facts)
    events = [f for f in facts if f.type == "event"]
    pick, after = fact_of_the_day(snap.facts.values(), day, rotation)
    changes = _changes(previous, snap) if previous is not None else {}
    return Digest(day=day, baseline=previous is None, documents=len(snap.documents), facts=len(snap.facts),
                  upcoming=tuple(upcoming_events(events, day)), on_this_day=tuple(on_this_day(events, day)),
                  fact_of_the_day=pick, rotation=after, snapshot=snap, **changes)


def digest_snapshot(kb: KnowledgeBase, facts: Sequence[Fact] | None = None) -> DigestSnapshot:
    """Every document (with an opening quote) and every distinct fact of `kb`, as digest items."""
    openings = _openings(kb)
    documents: dict[str, DigestItem] = {}
    for d in kb.documents():
        excerpt, location = openings.get(d["path"], ("", ""))
        source = Source(doc=d["path"], title=d["title"] or d["path"], date=d["date"], location=location)
        documents[d["path"]] = DigestItem(kind="document", key=d["path"], summary=fold(d["title"] or d["path"]),
                                          excerpt=excerpt, source=source, fields={"sha256": d["sha256"]})
    items: dict[str, DigestItem] = {}
    for f in kb.facts() if facts is None else facts:
        item = _fact_item(f)
        items.setdefault(item.key, item)
    return DigestSnapshot(documents=documents, facts=items)


def fact_key(fact: Fact) -> str:
    """A stable identity for a fact across rebuilds: type, document, quote and fields (not offsets)."""
    fields = json.dumps(dict(fact.fields), sort_keys=True, ensure_ascii=False, default=str)
    raw = "\x1f".join((fact.type, fact.source.doc, fold(fact.excerpt), fields))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:24]


def fact_of_the_day(items: Iterable[DigestItem], day: date, rotation: Rotation) -> tuple[DigestItem | None, Rotation]:
    """The fact for `day` and the rotation after it.

    Among the facts not yet shown in the current cycle, the one whose hash with the date is
    smallest: deterministic from the date (not from the facts' order), and no fact comes back
    before every fact has had its turn (then a new cycle starts). Facts added meanwhile join the
    current cycle; removed ones simply drop out.
    """
    pool = {i.key: i for i in items}
    if not pool:
        return None, rotation
    fresh = [k for k in pool if k not in rotation.shown]
    cycle, shown = rotation.cycle, rotation.shown
    if not fresh:
        cycle, shown, fresh = cycle + 1, frozenset(), list(pool)
    key = min(fresh, key=lambda k: hashlib.sha256(f"{day.isoformat()}:{k}".encode()).hexdigest())
    return replace(pool[key], kind="fact_of_the_day"), Rotation(cycle=cycle, shown=shown | {key})


def upcoming_events(events: Iterable[Fact], day: date, days: int = UPCOMING_DAYS) -> list[DigestItem]:
    """Events dated to the day that start, or are still under way, in the `days` days from `day` on."""
    last = day + timedelta(days=days - 1)
    found = []
    for fact in events:
        start, end = _event_span(fact)
        if start is not None and start <= last and (end or start) >= day:
            found.append((start, _event_item(fact)))
    return _distinct(found)


def on_this_day(events: Iterable[Fact], day: date) -> list[DigestItem]:
    """Events of earlier years that started on `day`'s month and day (29 February on a common year's 28th)."""
    found = []
    for fact in events:
        start, _ = _event_span(fact)
        if start is None or start.year > day.year - ON_THIS_DAY_MIN_YEARS:
            continue
        if (start.month, start.day) == (day.month, day.day) or _leap_day_on(start, day):
            found.append((start, _event_item(fact)))
    return _distinct(found)


def _changes(previous: DigestSnapshot, now: DigestSnapshot) -> dict[str, tuple[DigestItem, ...]]:
    old, new = previous.documents, now.documents
    updated = [new[p] for p in sorted(old.keys() & new.keys()) if old[p].fields.get("sha256") != new[p].fields.get(
        "sha256")]
    return {"documents_added": tuple(new[p] for p in sorted(new.keys() - old.keys())),
            "documents_removed": tuple(old[p] for p in sorted(old.keys() - new.keys())),
            "documents_updated": tuple(updated),
            "facts_added": tuple(v for k, v in now.facts.items() if k not in previous.facts),
            "facts_removed": tuple(v for k, v in previous.facts.items() if k not in now.facts)}


def _fact_item(fact: Fact) -> DigestItem:
    return DigestItem(kind="fact", key=fact_key(fact), summary=_summary(fact), excerpt=fact.excerpt,
                      source=fact.source, fields={"type": fact.type, **dict(fact.fields)})


def _event_item(fact: Fact) -> DigestItem:
    return replace(_fact_item(fact), kind="event")


def _summary(fact: Fact) -> str:
    try:
        from knowledge.extract import fact_summary  # imported here: answering needs no extractor loaded

        return fold(fact_summary(fact.type, fact.fields))
    except (KeyError, TypeError, ValueError):  # a fact type or shape this version cannot summarise
        return fold(str(fact.fields.get("title") or fact.type))


def _event_span(fact: Fact) -> tuple[date | None, date | None]:
    """The event's first and last day; (None, None) unless it is dated to the day."""
    if fact.fields.get("precision", "day") != "day":
        return None, None  # "March 2009" is stored as 2009-03-01: not a day to remember or announce
    start, end = _iso_day(fact.fields.get("start")), _iso_day(fact.fields.get("end"))
    if start is None:
        return None, None
    return start, end if end is not None and end >= start else None


def _iso_day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _leap_day_on(start: date, day: date) -> bool:
    """29 February is remembered on 28 February of a common year."""
    if (start.month, start.day) != (2, 29) or (day.month, day.day) != (2, 28):
        return False
    try:
        day.replace(day=29)
    except ValueError:
        return True
    return False


def _distinct(found: Sequence[tuple[date, DigestItem]]) -> list[DigestItem]:
    """In date order, one item per event (the same event told by two documents counts once)."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for start, item in sorted(found, key=lambda x: (x[0], x[1].source.doc, x[1].summary)):
        mark = (start, item.fields.get("end"), fold(str(item.fields.get("title", item.summary))).lower())
        if mark not in seen:
            seen.add(mark)
            out.append(item)
    return out


def _openings(kb: KnowledgeBase) -> dict[str, tuple[str, str]]:
    """Per document, the first sentence of prose (not a routing line or heading) and where it is."""
    out: dict[str, tuple[str, str]] = {}
    for row in kb.query("SELECT doc, text, location FROM passages ORDER BY doc, ordinal"):
        if row["doc"] in out:
            continue
        sentence = _first_prose_sentence(row["text"])
        if sentence:
            out[row["doc"]] = (sentence, row["location"])
    return out


def _first_prose_sentence(text: str) -> str | None:
    for a, b in sentence_spans(text):
        sentence = fold(text[a:b])
        if _is_prose(sentence):
            if len(sentence) > OPENING_MAX:
                a, b = excerpt_around(text, a, a + 1, limit=min(OPENING_MAX, MAX_EXCERPT), spans=[])
                sentence = fold(text[a:b])
            return sentence
    return None


def _is_prose(sentence: str) -> bool:
    words = sentence.split()
    letters = [c for c in sentence if c.isalpha()]
    lower = sum(c.islower() for c in letters)
    ends = sentence.rstrip("\"'”’)]").endswith((".", "!", "?", "…"))
    return ends and len(words) >= _OPENING_MIN_WORDS and bool(letters) and lower >= 0.6 * len(letters)
