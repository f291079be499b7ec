"""The digest in Slack: Block Kit within limits, quotes with citations, empty sections left out, state kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.state import StateDB
from handlers.blocks import MAX_BLOCKS, limit_problems
from handlers.digest import (
    DDL,
    digest_for,
    digest_preview,
    digest_reply,
    digest_text,
    load_history,
    record_digest,
)
from knowledge.digest import Digest, DigestItem, DigestSnapshot, Rotation, build_digest
from knowledge.models import Source
from knowledge.store import KnowledgeBase, build_knowledge_base

DAY = date(2026, 11, 23)
BULLETIN = """Regional Bulletin on Victim Assistance
Date: 2026-11-20

1. The regional coordination meeting on victim assistance will be held on 25 November 2026 in Vienna.

2. On 23 November 2019, the Ministry of Justice opened the first national hotline for victims.

3. The Ministry granted a 30-day reflection period to victims who cooperate with the police.
"""


def item(n: int, *, kind: str = "fact", excerpt: str | None = None, start: str = "2026-11-25") -> DigestItem:
    source = Source(doc=f"doc{n}.txt", title=f"Field report {n}", date="2026-11-01", location=f"¶{n}")
    return DigestItem(kind=kind, key=f"k{n}", summary=f"Meeting number {n}",
                      excerpt=excerpt or f"The meeting number {n} will take place in Vienna.", source=source,
                      fields={"type": "event", "title": f"Meeting {n}", "start": start})


def digest(**parts: Any) -> Digest:
    base: dict[str, Any] = {"day": DAY, "baseline": False, "documents": 3, "facts": 40}
    return Digest(**{**base, **parts})


@pytest.fixture
def state(tmp_path: Path) -> Iterator[StateDB]:
    db = StateDB(tmp_path / "state.db")
    db.ensure(*DDL)
    yield db
    db.close()


@pytest.fixture
def kb(tmp_path: Path) -> Iterator[KnowledgeBase]:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "bulletin.txt").write_text(BULLETIN, encoding="utf-8")
    build_knowledge_base(folder, tmp_path / "kb.db")
    knowledge = KnowledgeBase(tmp_path / "kb.db")
    yield knowledge
    knowledge.close()


def texts(blocks: Any) -> str:
    out = []
    for b in blocks:
        if "text" in b:
            out.append(b["text"]["text"])
        out += [e["text"] for e in b.get("elements", [])]
    return "\n".join(out)


@pytest.mark.parametrize(("parts", "present", "absent"), [
    ({}, [], ["What changed", "Coming up", "On this day", "Fact of the day"]),
    ({"fact_of_the_day": item(1, kind="fact_of_the_day")}, ["Fact of the day"],
     ["What changed", "Coming up", "On this day"]),
    ({"facts_added": (item(2),), "fact_of_the_day": item(1)}, ["What changed", "➕ New fact", "Fact of the day"],
     ["Coming up", "On this day"]),
    ({"facts_removed": (item(2),)}, ["➖ Removed fact", "no longer in the knowledge base"], ["Coming up"]),
    ({"documents_added": (item(3, kind="document"),), "documents_updated": (item(4, kind="document"),)},
     ["📄 New document", "✏️ Updated document"], ["Removed"]),
    ({"upcoming": (item(5),)}, ["Coming up in the next 14 days", "In 2 days — Meeting number 5"], ["On this day"]),
    ({"upcoming": (item(5, start="2026-11-23"), item(6, start="2026-11-24"), item(7, start="2026-11-20"))},
     ["Today — ", "Tomorrow — ", "Under way — "], []),
    ({"on_this_day": (item(6, start="2019-11-23"),)}, ["On this day", "7 years ago — Meeting number 6"],
     ["Coming up"]),
    ({"baseline": True}, ["First digest"], ["What changed"]),
])
def test_sections_with_data_are_shown_and_empty_ones_left_out(parts: dict[str, Any], present: list[str],
                                                               absent: list[str]) -> None:
    reply = digest_reply(digest(**parts))
    shown = texts(reply.blocks)
    assert reply.blocks[0]["type"] == "header" and "Monday 23 November 2026" in reply.blocks[0]["text"]["text"]
    assert "3 documents and 40 facts" in shown
    for text in present:
        assert text in shown
    for text in absent:
        assert text not in shown
    assert not limit_problems(reply.blocks)


def test_every_item_is_a_quote_followed_by_its_citation() -> None:
    reply = digest_reply(digest(facts_added=(item(1),), upcoming=(item(2),), fact_of_the_day=item(3)))
    blocks = list(reply.blocks)
    quoted = [i for i, b in enumerate(blocks) if b["type"] == "section" and "\n>" in b["text"]["text"]]
    assert len(quoted) == 3
    for i in quoted:
        cite = blocks[i + 1]
        assert cite["type"] == "context"
        assert cite["elements"][0]["text"].startswith("📄 *Field report")
        assert "2026-11-01" in cite["elements"][1]["text"]
    assert "The meeting number 3 will take place in Vienna." in reply.text


def test_quotes_are_escaped_so_they_cannot_ping_or_link() -> None:
    hostile = item(1, excerpt="Funding for <!channel> & the <http://evil.example|shelter> was announced.")
    reply = digest_reply(digest(fact_of_the_day=hostile))
    shown = texts(reply.blocks) + reply.text
    assert "<!channel>" not in shown and "<http" not in shown
    assert "&lt;!channel&gt; &amp; the &lt;http://evil.example|shelter&gt;" in shown


def test_a_huge_digest_stays_within_slack_limits_and_says_how_many_more() -> None:
    long = "The delegation noted " + "that the shelters were full " * 200 + "at the end of the year."
    many = tuple(item(i, excerpt=long) for i in range(300))
    reply = digest_reply(digest(documents_added=many[:20], facts_added=many, facts_removed=many[:50],
                                upcoming=many[:30], on_this_day=many[:10], fact_of_the_day=many[0]))
    assert len(reply.blocks) <= MAX_BLOCKS
    assert not limit_problems(reply.blocks)
    shown = texts(reply.blocks)
    assert "In all: 20 × 📄 New document, 300 × ➕ New fact, 50 × ➖ Removed fact" in shown
    assert "… and 25 more" in shown and "… and 7 more" in shown
    assert len(reply.text) <= 3000


def test_the_text_form_has_every_quote_and_citation() -> None:
    text = digest_text(digest(facts_added=(item(1),), fact_of_the_day=item(2)))
    assert "What changed since the last digest" in text
    assert "  ➕ New fact: Meeting number 1" in text
    assert "    “The meeting number 1 will take place in Vienna.”" in text
    assert "    — Field report 1 (doc1.txt, 2026-11-01, ¶1)" in text


def test_a_recorded_digest_is_the_previous_one_for_the_next_day(kb: KnowledgeBase, state: StateDB) -> None:
    assert load_history(state, "C0DIGEST1", DAY) == (None, Rotation())
    today = digest_for(kb, state, channel="C0DIGEST1", day=DAY)
    assert today.baseline
    record_digest(state, "C0DIGEST1", today)
    previous, rotation = load_history(state, "C0DIGEST1", DAY + timedelta(days=1))
    assert previous == today.snapshot
    assert today.fact_of_the_day is not None and rotation.shown == {today.fact_of_the_day.key}
    tomorrow = digest_for(kb, state, channel="C0DIGEST1", day=DAY + timedelta(days=1))
    assert not tomorrow.baseline and not tomorrow.has_changes
    # the same day again (a forced re-post, a preview) sees what the day's digest saw
    again = digest_for(kb, state, channel="C0DIGEST1", day=DAY)
    assert again.baseline and again.fact_of_the_day == today.fact_of_the_day
    # another channel has its own history
    assert load_history(state, "C0OTHER01", DAY + timedelta(days=1)) == (None, Rotation())


def test_the_fact_of_the_day_rotates_through_every_fact_before_repeating(kb: KnowledgeBase, state: StateDB) -> None:
    total = build_digest(kb, DAY, None).facts
    assert total >= 3
    shown = []
    for i in range(total * 2):
        d = digest_for(kb, state, channel="C0DIGEST1", day=DAY + timedelta(days=i))
        record_digest(state, "C0DIGEST1", d)
        assert d.fact_of_the_day is not None
        shown.append(d.fact_of_the_day.key)
    assert len(set(shown[:total])) == total and len(set(shown[total:])) == total


def test_the_preview_is_the_digest_marked_as_a_preview(kb: KnowledgeBase, state: StateDB) -> None:
    reply = digest_preview(kb, state, channel="C0DIGEST1", day=DAY, schedule="09:00 (Europe/Paris)")
    shown = texts(reply.blocks)
    assert "Preview — only you can see this." in shown
    assert "posted every day at 09:00 (Europe/Paris) in <#C0DIGEST1>" in shown
    assert "On this day" in shown and "Coming up" in shown and "Fact of the day" in shown
    assert not limit_problems(reply.blocks)
    unset = texts(digest_preview(kb, state, channel="", day=DAY).blocks)
    assert "No digest channel is set" in unset
    named = texts(digest_preview(kb, state, channel="#team-news", day=DAY, schedule="08:30 (UTC)").blocks)
    assert "in #team-news" in named


def test_snapshots_older_than_a_month_are_pruned(kb: KnowledgeBase, state: StateDB) -> None:
    for offset in (0, 10, 45):
        record_digest(state, "C0DIGEST1", build_digest(kb, DAY + timedelta(days=offset), DigestSnapshot()))
    days = [r[0] for r in state.query("SELECT day FROM digest_snapshots ORDER BY day")]
    assert days == [(DAY + timedelta(days=45)).isoformat()]
