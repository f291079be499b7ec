"""Answers to the bot's commands: facts of the asked type best first, or passages, always quoted and cited.

`answer(kb, command, text)` serves `ask` (a mention: the intent is detected) and the four
commands `funding`, `contact`, `permits`, `events`. With no query text a command gives an
overview (events: upcoming first, then the most recent; funding: the largest amounts; contact:
every point of contact; permits: the key provisions). When nothing matches, the answer is empty
and suggests the nearest words the knowledge base knows. Any user text gives an Answer.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from knowledge.extract import fact_summary
from knowledge.intent import COMMAND_INTENTS, INTENT_FACT_TYPES, detect_intent
from knowledge.models import Answer, Result, Source
from knowledge.search import FactHit, PassageHit, Query, fact_years, parse_query, search_facts, search_passages
from knowledge.store import KnowledgeBase
from knowledge.vocabulary import vocabulary_of

__all__ = [
    "COMMANDS",
    "MIN_SCORE",
    "answer",
]

COMMANDS = ("ask", "funding", "contact", "permits", "events")
MIN_SCORE = 0.3  # share of the query's weight a result must cover to count as an answer
RELATIVE_SCORE = 0.5  # ... and at least this share of the best result's score
FACT_BONUS = 0.1  # a fact of the asked type outranks a passage that covers the query as well
MAX_RESULTS = 100
# Rough US dollar value of a unit, only to order amounts in different currencies in the overview.
_USD_PER_UNIT = {"USD": 1.0, "EUR": 1.1, "GBP": 1.3, "CHF": 1.1, "CAD": 0.75, "AUD": 0.65, "JPY": 0.007,
                 "SEK": 0.1, "NOK": 0.1, "DKK": 0.15, "PLN": 0.25, "RON": 0.22, "XOF": 0.0017}
_KEY_PERMIT_FIELDS = ("duration", "cost", "legal_basis", "conditions", "renewal_cost")


def answer(kb: KnowledgeBase, command: str, text: str, *, limit: int = 5, offset: int = 0,
           today: date | None = None) -> Answer:
    """The answer to `text` typed after `command` (ask, funding, contact, permits, events).

    Results are the page [offset, offset + limit) of every result, best first; `total` counts them all.
    """
    if command not in COMMANDS:
        raise ValueError(f"unknown command {command!r}; expected one of {', '.join(COMMANDS)}")
    text = _clean(text)
    query = parse_query(vocabulary_of(kb), text)
    intent = COMMAND_INTENTS.get(command) or detect_intent(query.corrected_text).intent
    if not text.strip() or (not query.words and query.years and command != "ask"):
        ranked = _overview(kb, intent, query, today or date.today())
    elif not query.words:
        ranked = []
    else:
        ranked = _ranked(kb, command, intent, query, today or date.today())
    page = tuple(ranked[offset:offset + max(0, limit)])
    suggestions = () if ranked or not text.strip() else _suggestions(kb, query)
    return Answer(query=text, intent=intent, results=page, suggestions=suggestions, total=len(ranked))


# --- searching ---------------------------------------------------------------------------------------

def _ranked(kb: KnowledgeBase, command: str, intent: str, query: Query, today: date) -> list[Result]:
    fact_type = INTENT_FACT_TYPES.get(intent)
    if fact_type and command != "ask" and all(c.domain == fact_type for c in query.words):
        # Only the command's own words ("/events conferences"): every fact of the type, those words first.
        overview = _overview(kb, intent, query, today)
        return sorted(overview, key=lambda r: -r.score)
    facts = [_fact_result(h, FACT_BONUS) for h in search_facts(kb, query, fact_type)] if fact_type else []
    passages = [_passage_result(h) for h in search_passages(kb, query)]
    if fact_type and facts:
        covered = {(r.source.doc, r.excerpt) for r in facts}
        passages = [p for p in passages if not any(p.source.doc == d and p.excerpt in e for d, e in covered)]
    if command != "ask":
        # A command asks for facts of its type: they come first; passages only follow (or stand in).
        return (_kept(facts) + _kept(passages))[:MAX_RESULTS]
    return _kept(facts + passages)[:MAX_RESULTS]


def _kept(results: list[Result]) -> list[Result]:
    """Results good enough to show, best first."""
    ranked = sorted(results, key=lambda r: -r.score)
    if not ranked:
        return []
    floor = max(MIN_SCORE, RELATIVE_SCORE * ranked[0].score)
    return [r for r in ranked if r.score >= floor]


def _fact_result(hit: FactHit, bonus: float) -> Result:
    return _result_from_row(hit.row, hit.fields, score=min(1.0, hit.score + bonus))


def _passage_result(hit: PassageHit) -> Result:
    p = hit.passage
    summary = f"{p.title} — {p.location}"
    return Result(type="passage", summary=summary, excerpt=hit.excerpt, source=p.source(),
                  score=min(1.0, hit.score), fields={"start": hit.start, "end": hit.end})


def _result_from_row(row: dict[str, Any], fields: dict[str, Any], *, score: float) -> Result:
    source = Source(doc=row["doc"], title=row["title"], date=row["doc_date"], location=row["location"])
    summary = row["summary"] or fact_summary(row["type"], fields)
    return Result(type=row["type"], summary=summary, excerpt=row["excerpt"], source=source, score=score,
                  fields=fields)


# --- overviews -------------------------------------------------------------------------------------------

def _overview(kb: KnowledgeBase, intent: str, query: Query, today: date) -> list[Result]:
    fact_type = INTENT_FACT_TYPES.get(intent)
    if fact_type is None:
        return []
    rows = [dict(r) for r in kb.fact_rows(fact_type)]
    items = [(row, json.loads(row["fields"])) for row in rows]
    if query.years:
        items = [(row, f) for row, f in items if set(query.years) & fact_years(row, f)]
    order = _OVERVIEW_ORDER[fact_type]
    ordered = order(items, today)
    stems_score = _domain_scores(query, ordered)
    return [_result_from_row(row, fields, score=s) for (row, fields), s in zip(ordered, stems_score, strict=True)]


def _domain_scores(query: Query, items: Sequence[tuple[dict[str, Any], dict[str, Any]]]) -> list[float]:
    from knowledge.search import coverage
    from knowledge.vocabulary import stems

    if not query.concepts:
        return [1.0] * len(items)
    return [coverage(query, set(stems(row["body"]))) for row, _ in items]


def _events_order(items: list[tuple[dict[str, Any], dict[str, Any]]], today: date) -> list[tuple[dict, dict]]:
    iso = today.isoformat()
    dated = [(r, f) for r, f in items if r["date"]]
    upcoming = sorted((i for i in dated if (i[0]["end_date"] or i[0]["date"]) >= iso), key=lambda i: i[0]["date"])
    past = sorted((i for i in dated if (i[0]["end_date"] or i[0]["date"]) < iso), key=lambda i: i[0]["date"],
                  reverse=True)
    return upcoming + past


def _funding_order(items: list[tuple[dict[str, Any], dict[str, Any]]], today: date) -> list[tuple[dict, dict]]:
    return sorted(items, key=lambda i: -_usd_value(i[1]))


def _contact_order(items: list[tuple[dict[str, Any], dict[str, Any]]], today: date) -> list[tuple[dict, dict]]:
    return sorted(items, key=lambda i: (-(len(i[1])), i[0]["doc"], i[0]["start"]))


def _permit_order(items: list[tuple[dict[str, Any], dict[str, Any]]], today: date) -> list[tuple[dict, dict]]:
    return sorted(items, key=lambda i: (-sum(k in i[1] for k in _KEY_PERMIT_FIELDS), i[0]["doc"], i[0]["start"]))


_OVERVIEW_ORDER: dict[str, Callable[[list[tuple[dict[str, Any], dict[str, Any]]], date], list[tuple[dict, dict]]]] = {
    "event": _events_order, "funding": _funding_order, "contact": _contact_order, "permit": _permit_order}


def _usd_value(fields: dict[str, Any]) -> float:
    for key, rate in (("usd", 1.0), ("amount", _USD_PER_UNIT.get(str(fields.get("currency")), 1.0))):
        value = fields.get(key)
        if isinstance(value, int | float):
            return float(value) * rate
    return 0.0


# --- helpers ------------------------------------------------------------------------------------------------

def _suggestions(kb: KnowledgeBase, query: Query) -> tuple[str, ...]:
    vocabulary = vocabulary_of(kb)
    typed = [*query.unknown, *(c.word for c in query.concepts)]
    return tuple(vocabulary.nearest(typed) or vocabulary.frequent())


def _clean(text: str) -> str:
    """The query without control characters, in one line."""
    return "".join(ch if ch.isprintable() else " " for ch in str(text)).strip()
