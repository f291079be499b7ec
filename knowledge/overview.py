"""Overviews for a command without query text: every fact of a type, in the order that is useful.

events: upcoming first (soonest first), then past ones (most recent first); funding: largest
amounts first (in rough US dollars, to compare currencies); contact: the most complete contacts
first; permits: the provisions that say most (duration, cost, legal basis, conditions) first.

The order is computed once per knowledge base and fact type (the file is read-only), so a page
of an overview, with or without a year filter, costs a lookup rather than a sort of every fact.
"""

from __future__ import annotations

import gc
import json
import threading
import weakref
from dataclasses import dataclass
from datetime import date
from typing import Any

from knowledge.search import fact_years
from knowledge.store import KnowledgeBase

__all__ = [
    "USD_PER_UNIT",
    "overview_ids",
    "usd_value",
]

# Rough US dollar value of a unit of each currency: only to order amounts in different currencies.
USD_PER_UNIT = {"USD": 1.0, "EUR": 1.1, "GBP": 1.3, "CHF": 1.1, "CAD": 0.75, "AUD": 0.65, "JPY": 0.007,
                "SEK": 0.1, "NOK": 0.1, "DKK": 0.15, "PLN": 0.25, "RON": 0.22, "TRY": 0.05, "XOF": 0.0017}
_KEY_PERMIT_FIELDS = ("duration", "cost", "legal_basis", "conditions", "renewal_cost")


@dataclass(frozen=True, slots=True)
class _Entry:
    id: int
    years: frozenset[int]
    start: str | None  # events: first day, ISO
    last: str | None  # events: last day (the first when the event lasts one day)


def overview_ids(kb: KnowledgeBase, fact_type: str, years: tuple[int, ...], today: date) -> list[int]:
    """Ids of every fact of `fact_type` (about one of `years`, if given), in overview order."""
    entries = _entries(kb, fact_type)
    if years:
        wanted = set(years)
        entries = [e for e in entries if e.years & wanted]
    if fact_type != "event":
        return [e.id for e in entries]
    iso = today.isoformat()
    dated = [e for e in entries if e.start]
    upcoming = [e.id for e in dated if (e.last or "") >= iso]
    past = [e.id for e in reversed(dated) if (e.last or "") < iso]
    return upcoming + past


def usd_value(fields: dict[str, Any]) -> float:
    """A funding fact's amount in rough US dollars (its stated equivalent when the text gives one)."""
    for key, rate in (("usd", 1.0), ("amount", USD_PER_UNIT.get(str(fields.get("currency")), 1.0))):
        value = fields.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value) * rate
    return 0.0


_CACHE: weakref.WeakKeyDictionary[KnowledgeBase, dict[str, list[_Entry]]] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def _entries(kb: KnowledgeBase, fact_type: str) -> list[_Entry]:
    with _LOCK:
        known = _CACHE.setdefault(kb, {}).get(fact_type)
    if known is not None:
        return known
    rows = kb.query("SELECT id, doc, start, date, end_date, excerpt, fields FROM facts WHERE type = ?", (fact_type,))
    keyed = []
    for row in rows:
        fields = json.loads(row["fields"])
        entry = _Entry(row["id"], frozenset(fact_years(row, fields)), row["date"], row["end_date"] or row["date"])
        keyed.append((_sort_key(fact_type, row, fields), entry))
    keyed.sort(key=lambda pair: pair[0])
    entries = [entry for _, entry in keyed]
    with _LOCK:
        _CACHE.setdefault(kb, {})[fact_type] = entries
    gc.freeze()  # long-lived: keep them out of full collections that would pause a query
    return entries


def _sort_key(fact_type: str, row: Any, fields: dict[str, Any]) -> tuple[Any, ...]:
    place = (row["doc"], row["start"], row["id"])
    if fact_type == "event":
        return (row["date"] or "", *place)
    if fact_type == "funding":
        return (-usd_value(fields), *place)
    if fact_type == "permit":
        return (-sum(k in fields for k in _KEY_PERMIT_FIELDS), *place)
    return (-len(fields), *place)
