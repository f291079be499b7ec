"""Answers to the bot's commands: facts of the asked type best first, or passages, always quoted and cited.

`answer(kb, command, text)` serves `ask` (a mention: the intent is detected) and the four
commands `funding`, `contact`, `permits`, `events`. With no query text a command gives an
overview (events: upcoming first, then the most recent; funding: the largest amounts; contact:
every point of contact; permits: the key provisions). When nothing matches, the answer is empty
and suggests the nearest words the knowledge base knows. Any user text gives an Answer.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import replace
from datetime import date
from typing import Any

from knowledge.intent import COMMAND_INTENTS, INTENT_FACT_TYPES, detect_intent
from knowledge.models import Answer, Result
from knowledge.overview import overview_ids
from knowledge.search import (
    FactHit,
    PassageHit,
    Query,
    parse_query,
    passage_candidates,
    search_facts,
    search_passages,
)
from knowledge.store import KnowledgeBase, fact_source
from knowledge.synonyms import domain_of
from knowledge.vocabulary import vocabulary_of

__all__ = [
    "COMMANDS",
    "MIN_SCORE",
    "answer",
]

COMMANDS = ("ask", "funding", "contact", "permits", "events")
_SOONEST_WORDS = "next|upcoming|coming|forthcoming|future|soon"
_LATEST_WORDS = "last|latest|most recent|previous"
_SOONEST = re.compile(rf"\b(?:{_SOONEST_WORDS})\b", re.IGNORECASE)
_LATEST = re.compile(rf"\b(?:{_LATEST_WORDS})\b", re.IGNORECASE)
_ORDER_WORDS = re.compile(rf"\b(?:{_SOONEST_WORDS}|{_LATEST_WORDS})\b", re.IGNORECASE)
MIN_SCORE = 0.3  # share of the query's weight a result must cover to count as an answer
RELATIVE_SCORE = 0.5  # ... and at least this share of the best result's score
FACT_BONUS = 0.1  # a fact of the asked type outranks a passage that covers the query as well
SUBSTANCE_BONUS = 0.06  # per field that makes a permit fact an answer: more than bm25 gives a shorter one
MAX_RESULTS = 100
OVERVIEW_AFTER_HITS = 0.3  # the score shown for overview items that follow the facts a query matched


def answer(kb: KnowledgeBase, command: str, text: str, *, limit: int = 5, offset: int = 0,
           today: date | None = None) -> Answer:
    """The answer to `text` typed after `command` (ask, funding, contact, permits, events).

    Results are the page [offset, offset + limit) of every result, best first; `total` counts them all.
    `today` (default: the current date) decides which events are upcoming.
    """
    if command not in COMMANDS:
        raise ValueError(f"unknown command {command!r}; expected one of {', '.join(COMMANDS)}")
    text = _clean(text)
    vocabulary = vocabulary_of(kb)
    order = _time_order(text)
    # "next", "last": an order for the events found, not words to find in them
    unordered = _ORDER_WORDS.sub(" ", text) if order else text
    if command == "ask":
        query = parse_query(vocabulary, text)
        intent = detect_intent(text, query.corrected_text).intent
        if order and intent == "events":
            query = replace(parse_query(vocabulary, unordered, domain="event"), text=text)
    else:
        intent = COMMAND_INTENTS[command]
        query = parse_query(vocabulary, unordered if intent == "events" else text, domain=INTENT_FACT_TYPES[intent])
        if order and intent == "events":
            query = replace(query, text=text)
    order = order if intent == "events" else None
    fact_type = INTENT_FACT_TYPES.get(intent)
    offset, limit = max(0, offset), max(0, limit)
    day = today or date.today()
    if fact_type and command != "ask" and _only_domain_words(query, fact_type):
        # No words or only the command's own ("/events calendar", "/funding 2009"): the overview,
        # after the facts those words match.
        ranked = _ranked(kb, command, fact_type, query, day, offset + limit) if query.words else []
        if order:
            ranked = _in_time_order(ranked, order, day)
        results, total = _with_overview(kb, fact_type, query.years, day, ranked, offset, limit)
    elif not query.words:
        results, total = [], 0
    else:
        ranked = _ranked(kb, command, fact_type, query, day, offset + limit)
        if order:
            ranked = _in_time_order(ranked, order, day)
        results, total = ranked[offset:offset + limit], len(ranked)
    suggestions = () if total or not text else _suggestions(kb, query)
    page = tuple(replace(r, score=max(0.0, min(1.0, r.score))) for r in results)  # raw scores ranked; 0-1 shown
    return Answer(query=text, intent=intent, results=page, suggestions=suggestions, total=total)


# --- searching ---------------------------------------------------------------------------------------

def _ranked(kb: KnowledgeBase, command: str, fact_type: str | None, query: Query, today: date,
            need: int) -> list[Result]:
    candidates = passage_candidates(kb, query)
    found = search_facts(kb, query, fact_type, passages=candidates) if fact_type else []
    facts = _kept([_fact_result(h, FACT_BONUS) for h in found])
    if command != "ask" and len(facts) >= need:
        return facts[:MAX_RESULTS]  # a command's facts fill the page: no passage excerpts needed
    passages = [_passage_result(h) for h in search_passages(kb, query, candidates=candidates)]
    if facts:
        covered = {(r.source.doc, r.excerpt) for r in facts}
        passages = [p for p in passages if not any(p.source.doc == d and p.excerpt in e for d, e in covered)]
    if command != "ask":
        # A command asks for facts of its type: they come first; passages only follow (or stand in).
        return (facts + _kept(passages))[:MAX_RESULTS]
    return _kept(facts + passages)[:MAX_RESULTS]


def _time_order(text: str) -> str | None:
    if _SOONEST.search(text):
        return "soonest"
    return "latest" if _LATEST.search(text) else None


def _in_time_order(results: list[Result], order: str, today: date) -> list[Result]:
    """The events among `results` in time order, in the places events had: upcoming ones soonest first
    ("next ..."), or past ones latest first ("last ..."); the other events after them, as ranked."""
    iso = today.isoformat()
    slots = [i for i, r in enumerate(results) if r.type == "event" and r.fields.get("start")]
    events = [results[i] for i in slots]
    if order == "soonest":
        first = sorted((r for r in events if str(r.fields.get("end") or r.fields["start"]) >= iso),
                       key=lambda r: str(r.fields["start"]))
    else:
        first = sorted((r for r in events if str(r.fields["start"]) <= iso), key=lambda r: str(r.fields["start"]),
                       reverse=True)
    chosen = {id(r) for r in first}
    out = list(results)
    for i, r in zip(slots, first + [r for r in events if id(r) not in chosen], strict=True):
        out[i] = r
    return out


def _only_domain_words(query: Query, fact_type: str) -> bool:
    return (all(c.domain == fact_type for c in query.words)
            and all(domain_of(w) == fact_type for w in query.unknown))


def _kept(results: list[Result]) -> list[Result]:
    """Results good enough to show, best first, each quote once (two amounts of one sentence: one result)."""
    # Equal scores: the more recent first (a sentence's comparison figures, "compared with X in 2021", are older).
    ranked = sorted(results, key=lambda r: (-round(r.score, 9), -_year_of(r)))
    if not ranked:
        return []
    floor = max(MIN_SCORE, RELATIVE_SCORE * ranked[0].score)
    seen: set[tuple[str, str]] = set()
    kept = []
    for r in ranked:
        if r.score >= floor and (r.source.doc, r.excerpt) not in seen:
            seen.add((r.source.doc, r.excerpt))
            kept.append(r)
    return kept


def _year_of(result: Result) -> int:
    for value in (result.fields.get("year"), str(result.fields.get("start") or "")[:4], (result.source.date or "")[:4]):
        if isinstance(value, int):
            return value
        if isinstance(value, str) and value.isdigit():
            return int(value)
    return 0


def _fact_result(hit: FactHit, bonus: float) -> Result:
    return _result_from_row(hit.row, hit.fields, score=hit.score + bonus + _substance(hit.row["type"], hit.fields))


def _substance(fact_type: str, fields: dict[str, Any]) -> float:
    """A little for a provision that says what victims get: a duration, a cost or a legal basis (not just a topic)."""
    if fact_type != "permit":
        return 0.0
    return SUBSTANCE_BONUS * min(2, sum(bool(fields.get(k)) for k in ("duration", "cost", "legal_basis")))


def _passage_result(hit: PassageHit) -> Result:
    p = hit.passage
    summary = f"{p.title} — {p.location}"
    return Result(type="passage", summary=summary, excerpt=hit.excerpt, source=p.source(),
                  score=hit.score, fields={"char_start": hit.start, "char_end": hit.end})


def _result_from_row(row: sqlite3.Row | dict[str, Any], fields: dict[str, Any], *, score: float) -> Result:
    source = fact_source(row)
    summary = row["summary"]
    if not summary:
        from knowledge.extract import fact_summary  # built knowledge bases store it: the extractors stay unloaded

        summary = fact_summary(row["type"], fields)
    return Result(type=row["type"], summary=summary, excerpt=row["excerpt"], source=source, score=score,
                  fields=fields)


# --- overviews -------------------------------------------------------------------------------------------

def _overview_page(kb: KnowledgeBase, fact_type: str, years: tuple[int, ...], today: date, offset: int,
                   limit: int) -> tuple[list[Result], int]:
    ids = overview_ids(kb, fact_type, years, today)
    return _facts_by_id(kb, ids[offset:offset + limit], score=1.0), len(ids)


def _with_overview(kb: KnowledgeBase, fact_type: str, years: tuple[int, ...], today: date, ranked: list[Result],
                   offset: int, limit: int) -> tuple[list[Result], int]:
    hits = [r for r in ranked if r.type == fact_type]
    seen = {(r.source.doc, r.excerpt, r.summary) for r in hits}
    ids = overview_ids(kb, fact_type, years, today)
    rest = [r for r in _facts_by_id(kb, ids[:offset + limit + len(hits)], score=OVERVIEW_AFTER_HITS if hits else 1.0)
            if (r.source.doc, r.excerpt, r.summary) not in seen]
    return (hits + rest)[offset:offset + limit], max(len(hits), len(ids))


def _facts_by_id(kb: KnowledgeBase, ids: list[int], *, score: float) -> list[Result]:
    rows = kb.fact_rows_by_id(ids)
    return [_result_from_row(rows[i], json.loads(rows[i]["fields"]), score=score) for i in ids if i in rows]


# --- helpers ------------------------------------------------------------------------------------------------

def _suggestions(kb: KnowledgeBase, query: Query) -> tuple[str, ...]:
    vocabulary = vocabulary_of(kb)
    typed = [*query.unknown, *(c.word for c in query.concepts)]
    return tuple(vocabulary.nearest(typed) or vocabulary.frequent())


def _clean(text: str) -> str:
    """The query without control characters, in one line."""
    return "".join(ch if ch.isprintable() else " " for ch in str(text)).strip()
