"""Mentions and DMs: which events are questions, the question text, and the thread to answer in."""

from __future__ import annotations

import pytest

from handlers.mention import question_of, reply_thread, should_answer

BOT = "UBOT0001"


def msg(**fields: object) -> dict[str, object]:
    return {"type": "message", "user": "UASK0001", "channel": "C0CHAN01", "ts": "1700000000.000200",
            "text": f"<@{BOT}> who funds the shelter", **fields}


@pytest.mark.parametrize(("event", "kind", "answer"), [
    (msg(type="app_mention"), "app_mention", True),
    (msg(channel_type="channel"), "message", True),
    (msg(channel_type="channel", text="no mention here"), "message", False),
    (msg(channel_type="im", text="who funds the shelter"), "message", True),
    (msg(channel_type="im", subtype="message_changed"), "message", False),
    (msg(channel_type="im", subtype="message_deleted"), "message", False),
    (msg(channel_type="channel", subtype="channel_join"), "message", False),
    (msg(channel_type="im", bot_id="B0OTHER1"), "message", False),
    (msg(type="app_mention", bot_id="B0OTHER1"), "app_mention", False),
    (msg(channel_type="im", user=BOT), "message", False),
    (msg(channel_type="im", user=None), "message", False),
    (msg(type="app_mention", ts=None), "app_mention", False),
])
def test_should_answer(event: dict[str, object], kind: str, answer: bool) -> None:
    assert should_answer(event, BOT, kind=kind) is answer


@pytest.mark.parametrize(("text", "question"), [
    (f"<@{BOT}> who funds UNODC?", "who funds UNODC?"),
    (f"hey <@{BOT}|factbot>   contact   for the shelter", "hey contact for the shelter"),
    (f"<@{BOT}>", ""),
    ("plain question in a DM", "plain question in a DM"),
    (f"ask <@{BOT}> and <@W0AB12CD> about permits", "ask and about permits"),
])
def test_question_of(text: str, question: str) -> None:
    assert question_of(text) == question


@pytest.mark.parametrize(("event", "thread"), [
    ({"ts": "111.1", "channel_type": "channel"}, "111.1"),
    ({"ts": "222.2", "thread_ts": "111.1", "channel_type": "channel"}, "111.1"),
    ({"ts": "111.1"}, "111.1"),
    ({"ts": "333.3", "channel_type": "im"}, None),
    ({"ts": "333.3", "thread_ts": "300.0", "channel_type": "im"}, "300.0"),
])
def test_reply_thread(event: dict[str, str], thread: str | None) -> None:
    assert reply_thread(event) == thread
