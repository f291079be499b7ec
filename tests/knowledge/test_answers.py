"""Answers per command on a real knowledge base built from documents written for these tests."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.answers import _kept, answer
from knowledge.models import Answer, Result, Source
from knowledge.store import KnowledgeBase, build_knowledge_base

CABLE = """10ROME55
ITALY: INPUT FOR THE TRAFFICKING IN PERSONS REPORT
Mon Mar 01 00:00:00 +0100 2010
UNCLASSIFIED
Embassy Rome

PROTECTION OF VICTIMS
---------------------
¶4. (SBU) The Ministry of Equal Opportunities granted 2,500,000 euros ($3.4 million) to the
national anti-trafficking hotline in 2009.  The Caritas shelter network received 80,000 euros
($109,600) from the Region of Lazio in 2008.

-- A. Under article 18 of the Consolidated Immigration Act, victims may receive a special
residence permit valid for six months, renewable for one year.  The permit costs 200 euros
($274) to issue.  Victims have a reflection period of 30 days before they decide whether to
cooperate with the police.

PARTNERSHIPS
------------
¶5. (U) On April 14, 2009, the Ministry of Interior hosted a regional conference on labor
trafficking in Naples.  The UNODC workshop on victim identification was held in Rome on
November 3-4, 2009.  Interpreters at the hotline speak Albanian, Romanian and Tigrinya.

POST POINT OF CONTACT
---------------------
¶6. (U) The point of contact at Embassy Rome for TIP issues is Giulia Bianchi, who can be
contacted via email at BianchiG@state.gov, or telephone (39)06-4674-2211.

SPOGLI
"""

NEWSLETTER = """Anti-trafficking newsletter, spring 2031

Key figures

Sweden's contribution to the UNODC Global Programme against trafficking

SEK 4,000,000 in 2030

The Nordic council will host a seminar on forced labour in Oslo on 12 May 2031.
The annual donors meeting took place in Geneva on 20 September 2019.

Contact
Mr. Lars Nilsson
Programme officer for victim protection
lars.nilsson@gov.se
@lars_protects
"""

TODAY = date(2031, 1, 15)


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    (folder / "10ROME55.txt").write_text(CABLE, encoding="utf-8")
    (folder / "newsletter-2031.txt").write_text(NEWSLETTER, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def kb(docs: Path, tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    db = tmp_path_factory.mktemp("kb") / "kb.db"
    build_knowledge_base(docs, db)
    return KnowledgeBase(db)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _first_hit(found: Answer, expected: str) -> int | None:
    for rank, result in enumerate(found.results, 1):
        if expected in result.excerpt:
            return rank
    return None


@pytest.mark.parametrize(("command", "text", "expected"), [
    # keywords, names and typos
    ("funding", "hotline", "2,500,000 euros"),
    ("funding", "Caritas shelter network", "80,000 euros"),
    ("funding", "UNDOC global programme", "SEK 4,000,000"),
    ("funding", "Carittas Lazio", "80,000 euros"),
    ("contact", "Giulia Bianchi", "BianchiG@state.gov"),
    ("contact", "Bianchy", "BianchiG@state.gov"),
    ("contact", "Nilson email", "lars.nilsson@gov.se"),
    ("permits", "residense permit", "residence permit valid for six months"),
    ("permits", "reflexion period", "reflection period of 30 days"),
    ("events", "Naples conference", "April 14, 2009"),
    ("events", "Oslo seminar", "12 May 2031"),
    ("events", "workshop victim identificaton", "November 3-4, 2009"),
    # paraphrases and synonyms
    ("funding", "grant for the hotline", "2,500,000 euros"),
    ("permits", "how much does a visa cost", "200 euros"),
    ("contact", "phone number embassy Rome", "(39)06-4674-2211"),
    ("events", "donors meeting", "20 September 2019"),
])
def test_commands_put_the_right_fact_first(kb: KnowledgeBase, command: str, text: str, expected: str) -> None:
    found = answer(kb, command, text, today=TODAY)
    assert _first_hit(found, expected) == 1, [r.excerpt for r in found.results]


@pytest.mark.parametrize(("text", "intent", "expected"), [
    ("how much did the Caritas network get?", "funding", "80,000 euros"),
    ("who is the contact at Embassy Rome?", "contact", "Giulia Bianchi"),
    ("when is the seminar in Oslo?", "events", "12 May 2031"),
    ("can victims get a residence permit?", "permits", "residence permit"),
    ("which languages do the hotline interpreters speak?", "search", "Albanian, Romanian and Tigrinya"),
    ("BianchiG@state.gov", "contact", "Giulia Bianchi"),
    ("residnce permit conditons", "permits", "residence permit"),
])
def test_ask_detects_the_intent_and_falls_back_to_passages(kb: KnowledgeBase, text: str, intent: str,
                                                           expected: str) -> None:
    found = answer(kb, "ask", text, today=TODAY)
    assert found.intent == intent
    assert _first_hit(found, expected) is not None and _first_hit(found, expected) <= 2


def test_a_passage_result_quotes_its_best_sentence(kb: KnowledgeBase) -> None:
    found = answer(kb, "ask", "which languages do the hotline interpreters speak?")
    top = found.results[0]
    assert top.type == "passage"
    assert top.excerpt == "Interpreters at the hotline speak Albanian, Romanian and Tigrinya."
    assert top.source.doc == "10ROME55.txt" and top.source.title and top.source.location


def test_results_carry_summary_fields_and_citation(kb: KnowledgeBase) -> None:
    top = answer(kb, "funding", "hotline").results[0]
    assert top.type == "funding"
    assert top.fields["amount"] == 2_500_000 and top.fields["currency"] == "EUR"
    assert "2,500,000" in top.summary
    assert top.source.doc == "10ROME55.txt" and top.source.date == "2010-03-01"
    assert 0 < top.score <= 1
    json.dumps(top.to_json())


def test_events_overview_lists_upcoming_first_then_most_recent(kb: KnowledgeBase) -> None:
    found = answer(kb, "events", "", today=TODAY, limit=10)
    starts = [r.fields["start"] for r in found.results]
    assert starts[0] == "2031-05-12"
    assert starts[1:] == sorted(starts[1:], reverse=True)
    assert found.total == len(starts)
    later = answer(kb, "events", "", today=date(2032, 1, 1), limit=10)
    assert [r.fields["start"] for r in later.results][0] == "2031-05-12"  # now the most recent past event


@pytest.mark.parametrize(("command", "text", "first"), [
    ("events", "next seminar or meeting", "2031-05-12"),
    ("events", "last seminar or meeting", "2019-09-20"),
    ("events", "the upcoming meeting or seminar", "2031-05-12"),
    ("ask", "when was the most recent meeting or seminar?", "2019-09-20"),
    ("ask", "when is the next seminar or meeting?", "2031-05-12"),
])
def test_next_and_last_order_the_events_found_in_time(kb: KnowledgeBase, command: str, text: str,
                                                      first: str) -> None:
    found = answer(kb, command, text, today=TODAY)
    assert found.intent == "events"
    assert found.results[0].fields["start"] == first


@pytest.mark.parametrize(("command", "text", "years"), [
    ("events", "2009", {"2009"}),
    ("funding", "2009", {"2009"}),
    ("funding", "2008", {"2008"}),
    ("events", "2019", {"2019"}),
])
def test_a_year_alone_filters_the_overview(kb: KnowledgeBase, command: str, text: str, years: set[str]) -> None:
    found = answer(kb, command, text, today=TODAY, limit=20)
    assert found.results
    for r in found.results:
        assert any(y in r.excerpt for y in years), r.excerpt


def test_a_year_filters_a_search(kb: KnowledgeBase) -> None:
    assert {r.fields["start"][:4] for r in answer(kb, "events", "conference 2009", today=TODAY).results} == {"2009"}
    found = answer(kb, "events", "Oslo seminar 2009", today=TODAY)
    assert all(r.fields["start"].startswith("2009") for r in found.results if r.type == "event")


def test_funding_overview_shows_the_largest_amounts_first(kb: KnowledgeBase) -> None:
    amounts = [r.fields["amount"] for r in answer(kb, "funding", "", limit=10).results]
    assert amounts[0] == 2_500_000
    assert 4_000_000 in amounts  # SEK: large number, small value in dollars
    assert amounts.index(2_500_000) < amounts.index(4_000_000)


def test_contact_overview_lists_every_contact(kb: KnowledgeBase) -> None:
    found = answer(kb, "contact", "", limit=10)
    text = " ".join(r.excerpt for r in found.results)
    assert "BianchiG@state.gov" in text and "lars.nilsson@gov.se" in text
    assert {r.type for r in found.results} == {"contact"}


def test_permits_overview_lists_provisions(kb: KnowledgeBase) -> None:
    found = answer(kb, "permits", "")
    assert found.results and {r.type for r in found.results} == {"permit"}


def test_only_the_command_s_own_words_give_the_overview(kb: KnowledgeBase) -> None:
    assert answer(kb, "events", "calendar", today=TODAY).total == answer(kb, "events", "", today=TODAY).total


def test_pages_follow_each_other(kb: KnowledgeBase) -> None:
    whole = answer(kb, "events", "", today=TODAY, limit=10)
    first = answer(kb, "events", "", today=TODAY, limit=2)
    second = answer(kb, "events", "", today=TODAY, limit=2, offset=2)
    assert first.total == second.total == whole.total
    assert [r.excerpt for r in first.results + second.results] == [r.excerpt for r in whole.results[:4]]


def test_nothing_found_is_empty_with_suggestions(kb: KnowledgeBase) -> None:
    found = answer(kb, "funding", "xylophone orchestra")
    assert found.results == () and found.total == 0
    assert found.suggestions and all(isinstance(s, str) for s in found.suggestions)
    assert "suggestions" in found.to_json()


def test_unknown_command_is_a_programming_error(kb: KnowledgeBase) -> None:
    with pytest.raises(ValueError, match="unknown command"):
        answer(kb, "weather", "Rome")


NASTY = [
    '"', '""', "'", "*", "NEAR(", "NEAR(hotline permit, 2)", "AND OR NOT", "hotline AND", "OR", "NOT permit",
    "(", ")", "((permit)", "permit*", "^permit", "body:permit", "{permit}", "-permit", "'; DROP TABLE facts; --",
    "x" * 10_000, "permit " * 3_000, "居留许可", "вид на жительство", "تصريح الإقامة", "résidence séjour",
    "\x00\x01\x02", "\x1b[31mred", "\t\n\r", "   ", "2009 2010 2031", "1,830,000", "€$£", "@", "...", "🙂",
    "\ud7ff\ufffd", "a", "the of and to",
]


@pytest.mark.parametrize("command", ["ask", "funding", "contact", "permits", "events"])
@pytest.mark.parametrize("text", NASTY)
def test_any_text_gets_a_valid_answer(kb: KnowledgeBase, docs: Path, command: str, text: str) -> None:
    found = answer(kb, command, text, today=TODAY)
    assert isinstance(found, Answer)
    assert found.intent in {"funding", "contact", "permits", "events", "search"}
    assert found.total >= len(found.results)
    json.dumps(found.to_json(), ensure_ascii=False)
    sources = {p.name: _fold(p.read_text(encoding="utf-8")) for p in docs.iterdir()}
    for r in found.results:
        assert len(r.excerpt) <= 600
        assert _fold(r.excerpt) in sources[r.source.doc]


@pytest.mark.parametrize(("command", "text"), [
    ("ask", "hotline"), ("funding", ""), ("contact", "Rome"), ("permits", "permit"), ("events", ""),
    ("events", "2009"), ("ask", "which languages do the hotline interpreters speak?"),
])
def test_every_excerpt_is_verbatim_and_focused(kb: KnowledgeBase, docs: Path, command: str, text: str) -> None:
    sources = {p.name: _fold(p.read_text(encoding="utf-8")) for p in docs.iterdir()}
    found = answer(kb, command, text, today=TODAY, limit=20)
    assert found.results
    for r in found.results:
        assert 0 < len(r.excerpt) <= 600
        assert _fold(r.excerpt) in sources[r.source.doc]


QUERY_PIECES = st.sampled_from(['"', "*", "NEAR(", "AND", "OR", "NOT", "(", ")", ":", "^", "-", "'", "permit",
                                "hotline", "UNDOC", "Bianchy", "2009", "2031", "1,830,000", "€", "who", "when",
                                "how much", "居留", "é", "\x00", " ", "  ", "\n"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=200), st.lists(QUERY_PIECES, max_size=30).map(" ".join)),
       command=st.sampled_from(["ask", "funding", "contact", "permits", "events"]),
       offset=st.integers(min_value=0, max_value=30), limit=st.integers(min_value=0, max_value=30))
def test_fuzzed_queries_always_answer(kb: KnowledgeBase, text: str, command: str, offset: int, limit: int) -> None:
    found = answer(kb, command, text, offset=offset, limit=limit, today=TODAY)
    assert len(found.results) <= limit
    assert found.total >= offset + len(found.results) or not found.results
    json.dumps(found.to_json(), ensure_ascii=False)


def test_equal_scores_put_the_more_recent_figure_first() -> None:
    source = Source(doc="report.txt", title="Annual report", date="2023-05-01", location="page 2")
    sentence = "The shelters received €1 million in 2021, compared with €1.4 million in 2023."
    older = Result("funding", "EUR 1,000,000", sentence, source, 0.8, {"amount": 1_000_000, "year": 2021})
    newer = Result("funding", "EUR 1,400,000", sentence, source, 0.8, {"amount": 1_400_000, "year": 2023})
    assert _kept([older, newer]) == [newer]  # one result per quote: the current figure
    better = Result("funding", "EUR 900,000", "Another sentence.", source, 0.9, {"amount": 900_000, "year": 2019})
    assert _kept([older, better, newer]) == [better, newer]


def test_a_permit_that_says_how_long_comes_before_one_that_only_names_it(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "note.txt").write_text(
        "Protection note\n\nIdentified victims are entitled to a residence permit.\n\n"
        "A residence permit for victims is granted for six months and may be renewed.\n", encoding="utf-8")
    build_knowledge_base(tmp_path / "docs", tmp_path / "kb.db")
    found = answer(KnowledgeBase(tmp_path / "kb.db"), "permits", "residence permit for victims")
    assert [r.fields.get("duration") is not None for r in found.results][:2] == [True, False]
