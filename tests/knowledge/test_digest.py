"""Digest content: changes since the previous digest, upcoming events, on this day, the fact of the day."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from knowledge.digest import (
    Digest,
    DigestItem,
    DigestSnapshot,
    Rotation,
    build_digest,
    digest_snapshot,
    fact_key,
    fact_of_the_day,
    on_this_day,
    upcoming_events,
)
from knowledge.models import Fact, Source
from knowledge.store import KnowledgeBase, build_knowledge_base
from knowledge.text import fold

BULLETIN = """Regional Bulletin on Victim Assistance
Date: 2026-11-20

1. The regional coordination meeting on victim assistance will be held on 25 November 2026 in Vienna.

2. The annual conference of shelter directors takes place on 3 December 2026 in Lyon.

3. On 23 November 2019, the Ministry of Justice opened the first national hotline for victims.

4. The Ministry granted a 30-day reflection period to victims who cooperate with the police.
"""

CABLE = """UNCLASSIFIED
SUBJECT: EMBASSY REPORT ON SHELTER CAPACITY

1. (SBU) Summary: the network of shelters for trafficking victims grew by a third over the year.

2. (SBU) The Ministry of the Interior opened a new shelter in Marseille on 2 February 2025.
"""

NEWSLETTER = """Quarterly Newsletter on Labour Exploitation

The steering committee met in Geneva on 23 November 2021 to review the labour inspection guidelines.
"""


def event(title: str, start: str, *, end: str | None = None, doc: str = "report.txt", **extra: Any) -> Fact:
    fields: dict[str, Any] = {"title": title, "start": start, **extra}
    if end:
        fields["end"] = end
    source = Source(doc=doc, title="Report", date="2026-01-01", location="¶1")
    return Fact(type="event", fields=fields, excerpt=f"{title} on {start}.", source=source, start=0, end=10)


def build(tmp_path: Path, name: str, docs: dict[str, str]) -> KnowledgeBase:
    folder = tmp_path / name
    folder.mkdir()
    for file, text in docs.items():
        (folder / file).write_text(text, encoding="utf-8")
    build_knowledge_base(folder, tmp_path / f"{name}.db")
    return KnowledgeBase(tmp_path / f"{name}.db")


def excerpts(items: Any) -> list[str]:
    return [i.excerpt for i in items]


DAY = date(2026, 11, 23)


@pytest.mark.parametrize(("fact", "shown"), [
    (event("Meeting today", "2026-11-23"), True),
    (event("Meeting tomorrow", "2026-11-24"), True),
    (event("Meeting on the last day of the window", "2026-12-06"), True),
    (event("Meeting one day too far", "2026-12-07"), False),
    (event("Meeting yesterday", "2026-11-22"), False),
    (event("Conference under way", "2026-11-20", end="2026-11-25"), True),
    (event("Conference that ended", "2026-11-20", end="2026-11-22"), False),
    (event("Campaign some time in December", "2026-12-01", precision="month"), False),
    (event("Undated plan", "soon"), False),
    (event("Meeting last year", "2025-11-25"), False),
])
def test_upcoming_events_are_those_of_the_next_14_days(fact: Fact, shown: bool) -> None:
    assert bool(upcoming_events([fact], DAY)) is shown


def test_upcoming_events_come_in_date_order_and_once_per_event() -> None:
    later = event("Workshop on shelters", "2026-12-01")
    soon = event("Seminar on hotlines", "2026-11-26")
    twice = event("Seminar on hotlines", "2026-11-26", doc="other.txt")
    found = upcoming_events([later, soon, twice], DAY)
    assert [i.fields["title"] for i in found] == ["Seminar on hotlines", "Workshop on shelters"]
    assert all(i.kind == "event" for i in found)


@pytest.mark.parametrize(("fact", "day", "shown"), [
    (event("Hotline opened", "2019-11-23"), DAY, True),
    (event("Hotline opened", "2026-11-23"), DAY, False),  # this year's: not a memory
    (event("Hotline opened", "2019-11-24"), DAY, False),
    (event("Law adopted", "2019-11-23", precision="month"), DAY, False),
    (event("Leap-day decree", "2016-02-29"), date(2027, 2, 28), True),
    (event("Leap-day decree", "2016-02-29"), date(2028, 2, 28), False),
    (event("Leap-day decree", "2016-02-29"), date(2028, 2, 29), True),
])
def test_on_this_day_recalls_events_of_earlier_years(fact: Fact, day: date, shown: bool) -> None:
    assert bool(on_this_day([fact], day)) is shown


def items_of(n: int) -> list[DigestItem]:
    facts = [event(f"Meeting number {i}", f"2020-01-{i + 1:02d}") for i in range(n)]
    return [DigestItem(kind="fact", key=fact_key(f), summary=f.fields["title"], excerpt=f.excerpt, source=f.source)
            for f in facts]


def test_the_fact_of_the_day_depends_only_on_the_date_and_what_was_shown() -> None:
    items = items_of(7)
    first, _ = fact_of_the_day(items, DAY, Rotation())
    again, _ = fact_of_the_day(list(reversed(items)), DAY, Rotation())
    assert first is not None and again is not None and first.key == again.key
    picks = [fact_of_the_day(items, DAY + timedelta(days=i), Rotation())[0] for i in range(30)]
    assert len({p.key for p in picks if p is not None}) > 1, "different days pick different facts"


def test_no_fact_comes_back_before_every_fact_had_its_turn() -> None:
    items = items_of(5)
    rotation = Rotation()
    picked = []
    for i in range(12):
        item, rotation = fact_of_the_day(items, DAY + timedelta(days=i), rotation)
        assert item is not None and item.kind == "fact_of_the_day"
        picked.append(item.key)
    assert len(set(picked[:5])) == 5 and len(set(picked[5:10])) == 5
    assert rotation.cycle == 2 and len(rotation.shown) == 2


def test_a_knowledge_base_without_facts_has_no_fact_of_the_day() -> None:
    assert fact_of_the_day([], DAY, Rotation(cycle=3)) == (None, Rotation(cycle=3))


def test_the_first_digest_is_a_baseline_with_events_and_a_fact_of_the_day(tmp_path: Path) -> None:
    kb = build(tmp_path, "one", {"bulletin.txt": BULLETIN})
    digest = build_digest(kb, DAY, None)
    assert digest.baseline and not digest.has_changes
    assert digest.documents == 1 and digest.facts >= 3
    assert any("Vienna" in e for e in excerpts(digest.upcoming))
    assert any("Lyon" in e for e in excerpts(digest.upcoming))  # 3 December: within 14 days of 23 November
    assert excerpts(digest.on_this_day) == [
        "On 23 November 2019, the Ministry of Justice opened the first national hotline for victims."]
    assert digest.fact_of_the_day is not None
    assert_verbatim(kb, digest)


def test_a_day_with_nothing_new_still_has_the_fact_of_the_day(tmp_path: Path) -> None:
    kb = build(tmp_path, "one", {"newsletter.txt": NEWSLETTER})
    previous = digest_snapshot(kb)
    digest = build_digest(kb, date(2026, 6, 1), previous)
    assert not digest.baseline and not digest.has_changes
    assert not digest.upcoming and not digest.on_this_day
    assert digest.fact_of_the_day is not None


def test_changes_since_the_previous_digest_quote_added_removed_and_updated_items(tmp_path: Path) -> None:
    before = build(tmp_path, "before", {"bulletin.txt": BULLETIN, "cable.txt": CABLE})
    updated = BULLETIN.replace("25 November 2026 in Vienna", "26 November 2026 in Graz")
    after = build(tmp_path, "after", {"bulletin.txt": updated, "newsletter.txt": NEWSLETTER})
    digest = build_digest(after, DAY, digest_snapshot(before))
    assert [i.key for i in digest.documents_added] == ["newsletter.txt"]
    assert [i.key for i in digest.documents_removed] == ["cable.txt"]
    assert [i.key for i in digest.documents_updated] == ["bulletin.txt"]
    assert any("Graz" in e for e in excerpts(digest.facts_added))
    assert any("Geneva" in e for e in excerpts(digest.facts_added))
    removed = excerpts(digest.facts_removed)
    assert any("Vienna" in e for e in removed) and any("Marseille" in e for e in removed)
    assert not any("hotline" in e for e in excerpts(digest.facts_added)), "unchanged facts are not news"
    # a removed document is quoted from what the previous digest saw
    gone = digest.documents_removed[0]
    assert gone.excerpt.startswith("(SBU) Summary: the network of shelters") and gone.source.title
    assert fold(gone.excerpt) in fold(CABLE)
    assert_verbatim(after, digest, removed_from=CABLE + BULLETIN)


def test_a_document_opening_is_a_sentence_of_prose_not_a_header(tmp_path: Path) -> None:
    kb = build(tmp_path, "one", {"cable.txt": CABLE, "newsletter.txt": NEWSLETTER})
    docs = digest_snapshot(kb).documents
    assert docs["cable.txt"].excerpt == ("(SBU) Summary: the network of shelters for trafficking victims grew by a "
                                         "third over the year.")
    assert docs["newsletter.txt"].excerpt.startswith("The steering committee met in Geneva")
    assert docs["cable.txt"].fields["sha256"]


def test_a_snapshot_survives_json(tmp_path: Path) -> None:
    kb = build(tmp_path, "one", {"bulletin.txt": BULLETIN, "cable.txt": CABLE})
    snap = digest_snapshot(kb)
    again = DigestSnapshot.from_json(json.loads(json.dumps(snap.to_json())))
    assert again == snap


def test_fact_keys_ignore_offsets_but_not_content() -> None:
    a = event("Seminar", "2026-12-01")
    moved = Fact(type=a.type, fields=a.fields, excerpt=a.excerpt, source=a.source, start=500, end=510)
    other = event("Seminar", "2026-12-02")
    assert fact_key(a) == fact_key(moved) != fact_key(other)


def test_the_digest_json_has_every_section(tmp_path: Path) -> None:
    kb = build(tmp_path, "one", {"bulletin.txt": BULLETIN})
    data = build_digest(kb, DAY, DigestSnapshot()).to_json()
    assert data["day"] == "2026-11-23" and data["baseline"] is False
    assert set(data) == {"day", "baseline", "totals", "documents", "facts", "upcoming", "on_this_day",
                         "fact_of_the_day"}
    assert [d["key"] for d in data["documents"]["added"]] == ["bulletin.txt"]
    assert data["fact_of_the_day"]["source"]["doc"] == "bulletin.txt"


def assert_verbatim(kb: KnowledgeBase, digest: Digest, removed_from: str = "") -> None:
    """Every quote of the digest is the source's own words (white space folded)."""
    current = digest.upcoming + digest.on_this_day + digest.facts_added + digest.documents_added
    for item in (*current, *([digest.fact_of_the_day] if digest.fact_of_the_day else [])):
        assert fold(item.excerpt) in fold(kb.document_text(item.source.doc) or ""), item
    for item in digest.facts_removed + digest.documents_removed:
        assert fold(item.excerpt) in fold(removed_from), item
