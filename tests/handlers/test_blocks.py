"""Block Kit answers: escaping, bold matches, verbatim quotes cut only to fit, Slack's limits."""

from __future__ import annotations

import re

import pytest

from handlers.blocks import (
    MAX_BLOCKS,
    MAX_HEADER,
    MAX_SECTION,
    View,
    answer_reply,
    emphasise,
    escape,
    limit_problems,
    query_words,
    quote,
    shorten,
)
from knowledge.models import Answer, Result, Source
from knowledge.text import fold

SOURCE = Source(doc="cable-2011.txt", title="Embassy Paris: shelter funding", date="2011-02-03", location="¶4, page 2")


def result(excerpt: str, summary: str = "EUR 46,000 grant to the shelter", source: Source = SOURCE) -> Result:
    return Result(type="funding", summary=summary, excerpt=excerpt, source=source, score=0.9)


def all_texts(blocks: list[dict]) -> list[str]:
    texts = []
    for b in blocks:
        if "text" in b:
            texts.append(b["text"]["text"])
        texts.extend(e["text"] if isinstance(e.get("text"), str) else e["text"]["text"] for e in b.get("elements", []))
    return texts


@pytest.mark.parametrize(("raw", "safe"), [
    ("plain words", "plain words"),
    ("<!channel> meeting", "&lt;!channel&gt; meeting"),
    ("<!here|here> and <!everyone>", "&lt;!here|here&gt; and &lt;!everyone&gt;"),
    ("<http://evil.example|click me>", "&lt;http://evil.example|click me&gt;"),
    ("<@U12345> said so", "&lt;@U12345&gt; said so"),
    ("R&D costs > 5 & < 10", "R&amp;D costs &gt; 5 &amp; &lt; 10"),
    ("&amp; already", "&amp;amp; already"),
])
def test_escape_neutralises_mrkdwn_control(raw: str, safe: str) -> None:
    assert escape(raw) == safe


@pytest.mark.parametrize(("query", "words"), [
    ("who funds UNODC", ("funds", "unodc")),
    ("What is the reflection period?", ("reflection", "period")),
    ("contact for the shelter in Lyon", ("contact", "shelter", "lyon")),
    ("events in 2010", ("events", "2010")),
    ("", ()),
])
def test_query_words_drop_stopwords(query: str, words: tuple[str, ...]) -> None:
    assert query_words(query) == words


@pytest.mark.parametrize(("text", "query", "expected"), [
    ("The Ministry funds the shelter.", "funds shelter", "The Ministry *funds* the *shelter*."),
    ("UNODC received funding in 2018.", "fund 2018", "UNODC received *funding* in *2018*."),
    ("Contact <!channel> & the office.", "office", "Contact &lt;!channel&gt; &amp; the *office*."),
    ("Nothing to mark here.", "shelter", "Nothing to mark here."),
    ("Shelters opened.", "she", "Shelters opened."),
    ("the shelter network and the shelter", "shelter network", "the *shelter network* and the *shelter*"),
    ("victim-care shelter", "victim care", "*victim*-*care* shelter"),
])
def test_emphasise_bolds_query_words_and_escapes(text: str, query: str, expected: str) -> None:
    assert emphasise(text, query_words(query)) == expected


@pytest.mark.parametrize("excerpt", [
    "A short sentence stays whole.",
    "Line one of the cable\n   continues   here\twith tabs.",
    " ".join(["word"] * 2000),
    "x" * 5000,
    "The donors pledged & paid " + "EUR 1,000 <b> " * 500,
])
def test_quote_is_verbatim_and_fits(excerpt: str) -> None:
    text = quote(excerpt, query_words("donors pledged"), budget=1000)
    assert text.startswith(">") and len(text) <= 1000
    body = text[1:].removesuffix("…").replace("*", "")
    unescaped = body.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert fold(excerpt).startswith(unescaped)
    full = ">" + emphasise(fold(excerpt), query_words("donors pledged"))
    assert text.endswith("…") == (len(full) > 1000)


def test_quote_cut_at_word_boundary() -> None:
    excerpt = "The contribution of the Government amounted to one hundred thousand euros for the project."
    text = quote(excerpt, (), budget=40)
    assert text.endswith("…")
    kept = text[1:-1]
    assert excerpt.startswith(kept) and excerpt[len(kept)] == " "


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("short", 10, "short"),
    ("a header that is far too long", 15, "a header that…"),
    ("unbreakablewordwithoutspaces", 10, "unbreakab…"),
])
def test_shorten(text: str, limit: int, expected: str) -> None:
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit


def test_answer_has_header_quote_citation_and_buttons() -> None:
    answer = Answer(query="shelter funding", intent="funding", total=7,
                    results=(result("The Ministry granted EUR 46,000 to the shelter in 2010."),))
    reply = answer_reply(answer, "funding", View(ref="abc123"))
    blocks = list(reply.blocks)
    assert blocks[0]["type"] == "header" and "shelter funding" in blocks[0]["text"]["text"]
    section = blocks[1]["text"]["text"]
    assert section.startswith("*1. EUR 46,000 grant to the shelter*\n>")
    assert "*shelter*" in section
    citation = " ".join(e["text"] for e in blocks[2]["elements"])
    assert "Embassy Paris: shelter funding" in citation and "2011-02-03" in citation and "¶4, page 2" in citation
    buttons = {e["action_id"]: e["value"] for e in blocks[-1]["elements"]}
    assert buttons == {"factbot_share": "abc123:0", "factbot_more": "abc123:5", "factbot_vote_up": "abc123:0",
                       "factbot_vote_down": "abc123:0"}
    assert "EUR 46,000 grant to the shelter" in reply.text and "Embassy Paris" in reply.text
    assert limit_problems(blocks) == []


@pytest.mark.parametrize(("surface", "total", "actions"), [
    ("ephemeral", 1, {"factbot_share", "factbot_vote_up", "factbot_vote_down"}),
    ("ephemeral", 9, {"factbot_share", "factbot_more", "factbot_vote_up", "factbot_vote_down"}),
    ("shared", 9, {"factbot_vote_up", "factbot_vote_down"}),
    ("thread", 9, {"factbot_more", "factbot_vote_up", "factbot_vote_down"}),
])
def test_buttons_depend_on_surface(surface: str, total: int, actions: set[str]) -> None:
    answer = Answer(query="q", intent="search", total=total, results=(result("One sentence."),))
    blocks = answer_reply(answer, "ask", View(ref="r", surface=surface)).blocks
    assert {e["action_id"] for e in blocks[-1]["elements"]} == actions


def test_huge_answer_stays_within_limits() -> None:
    long_source = Source(doc="d.txt", title="T" * 5000, date="2012-01-01", location="L" * 5000)
    results = tuple(result(("<!channel> " + "very long sentence " * 400), summary="S" * 4000, source=long_source)
                    for _ in range(60))
    answer = Answer(query="q " * 500, intent="search", results=results, total=600)
    reply = answer_reply(answer, "ask", View(ref="r", limit=60))
    assert limit_problems(reply.blocks) == []
    assert len(reply.blocks) <= MAX_BLOCKS
    assert len(reply.blocks[0]["text"]["text"]) <= MAX_HEADER
    assert all(len(b["text"]["text"]) <= MAX_SECTION for b in reply.blocks if b["type"] == "section")
    assert len(reply.text) <= 3000


def test_nothing_found_shows_suggestions_escaped() -> None:
    answer = Answer(query="<!here> zzz", intent="search", suggestions=("/funding UNODC", "<b>"))
    reply = answer_reply(answer, "ask", View(ref="r"))
    texts = " ".join(all_texts(list(reply.blocks)))
    assert "Nothing found" in texts and "/funding UNODC" in texts
    assert "<!here>" not in texts and "<b>" not in texts
    assert not [b for b in reply.blocks if b["type"] == "actions"]


def test_no_raw_angle_brackets_from_documents_or_users() -> None:
    hostile = Source(doc="x.txt", title="<!everyone> title", date=None, location="<http://a|b>")
    answer = Answer(query="<@U1> <!channel>", intent="search", total=1,
                    results=(result("Pay <!here> & <mailto:a@b|me>", summary="<!channel> sum", source=hostile),))
    reply = answer_reply(answer, "ask", View(ref="r"))
    for text in all_texts(list(reply.blocks)) + [reply.text]:
        assert not re.search(r"<[!@#h]", text), text
