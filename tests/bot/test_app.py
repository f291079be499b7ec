"""The real Bolt app over HTTP: slash commands, mentions, buttons, dedupe, signatures, failures."""

from __future__ import annotations

import json
import logging
import re
import time
from typing import Any
from urllib.parse import urlencode

import aiohttp
import pytest

from handlers.blocks import limit_problems
from tests.bot.conftest import BOT_TOKEN, SIGNING_SECRET, Bot
from tests.bot.slack_stand_in import BOT_ID, BOT_USER_ID, Call

ACK_SECONDS = 3.0


def sections(message: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in message.get("blocks", []) if b["type"] == "section"]


def citations(message: dict[str, Any]) -> list[str]:
    return [" ".join(e["text"] for e in b["elements"]) for b in message.get("blocks", []) if b["type"] == "context"]


def buttons(message: dict[str, Any]) -> dict[str, str]:
    return {e["action_id"]: e["value"] for b in message.get("blocks", []) if b["type"] == "actions"
            for e in b["elements"]}


def assert_quoted_and_cited(message: dict[str, Any]) -> None:
    assert message["text"], "a plain-text fallback"
    assert any("\n>" in s for s in sections(message)), sections(message)
    assert any("📄" in c for c in citations(message)), citations(message)
    assert limit_problems(message["blocks"]) == []


async def answer_to(bot: Bot, command: str, text: str) -> Call:
    started = time.monotonic()
    response = await bot.send.command(command, text)
    assert response.status == 200
    assert time.monotonic() - started < ACK_SECONDS
    return (await bot.slack.wait_for("response_url"))[-1]


@pytest.mark.parametrize(("command", "text"), [
    ("/funding", "shelter"),
    ("/events", "conference"),
    ("/permits", "reflection period"),
    ("/factbot", "ask conference"),
])
async def test_slash_command_acked_then_answered_ephemerally(bot: Bot, command: str, text: str) -> None:
    call = await answer_to(bot, command, text)
    message = call.payload
    assert message["response_type"] == "ephemeral"
    assert_quoted_and_cited(message)
    assert {"factbot_share", "factbot_vote_up", "factbot_vote_down"} <= set(buttons(message))


async def test_ack_is_immediate_and_empty(bot: Bot) -> None:
    started = time.monotonic()
    response = await bot.send.command("/events", "")
    assert response.status == 200 and time.monotonic() - started < 1.0
    await bot.slack.wait_for("response_url")


async def test_mention_in_thread_is_answered_in_that_thread(bot: Bot) -> None:
    event = {"type": "app_mention", "user": "UASKER01", "channel": "CGENERAL1", "ts": "1700000100.000200",
             "thread_ts": "1700000000.000100", "text": f"<@{BOT_USER_ID}> conference"}
    assert (await bot.send.event(event)).status == 200
    [post] = await bot.slack.wait_for("chat.postMessage")
    assert post.payload["channel"] == "CGENERAL1"
    assert post.payload["thread_ts"] == "1700000000.000100"
    assert_quoted_and_cited(post.payload)
    assert post.headers["Authorization"] == f"Bearer {BOT_TOKEN}"


async def test_top_level_mention_starts_a_thread_on_it(bot: Bot) -> None:
    event = {"type": "app_mention", "user": "UASKER01", "channel": "CGENERAL1", "ts": "1700000200.000300",
             "text": f"<@{BOT_USER_ID}> shelter"}
    await bot.send.event(event)
    [post] = await bot.slack.wait_for("chat.postMessage")
    assert post.payload["thread_ts"] == "1700000200.000300"
    assert_quoted_and_cited(post.payload)


async def test_direct_message_is_answered_in_the_dm(bot: Bot) -> None:
    event = {"type": "message", "channel_type": "im", "user": "UASKER01", "channel": "D0DIRECT1",
             "ts": "1700000300.000400", "text": "conference"}
    await bot.send.event(event)
    [post] = await bot.slack.wait_for("chat.postMessage")
    assert post.payload["channel"] == "D0DIRECT1"
    assert "thread_ts" not in post.payload
    assert_quoted_and_cited(post.payload)


async def test_mention_without_question_gets_help(bot: Bot) -> None:
    await bot.send.event({"type": "app_mention", "user": "UASKER01", "channel": "CGENERAL1",
                          "ts": "1700000400.000100", "text": f"<@{BOT_USER_ID}>"})
    [post] = await bot.slack.wait_for("chat.postMessage")
    assert "/funding" in " ".join(sections(post.payload))


async def test_retried_and_duplicated_event_answered_once(bot: Bot) -> None:
    mention = {"type": "app_mention", "user": "UASKER01", "channel": "CGENERAL1", "ts": "1700000500.000100",
               "text": f"<@{BOT_USER_ID}> conference"}
    as_message = {**mention, "type": "message", "channel_type": "channel"}
    statuses = [(await bot.send.event(mention, event_id="Ev0MENTION")).status,
                (await bot.send.event(mention, event_id="Ev0MENTION", retry_num=1)).status,
                (await bot.send.event(as_message, event_id="Ev0MESSAGE")).status,
                (await bot.send.event(mention, event_id="Ev0MENTION", retry_num=2)).status]
    assert statuses == [200, 200, 200, 200]
    await bot.slack.wait_for("chat.postMessage")
    await bot.ctx.drain(3)
    assert len(bot.slack.calls_to("chat.postMessage")) == 1


@pytest.mark.parametrize("event", [
    {"type": "message", "channel_type": "im", "user": "UASKER01", "subtype": "message_changed",
     "message": {"text": "conference"}},
    {"type": "message", "channel_type": "im", "bot_id": "B0OTHER01", "user": "UOTHERBOT", "text": "conference"},
    {"type": "message", "channel_type": "im", "bot_id": BOT_ID, "user": BOT_USER_ID, "text": "conference"},
    {"type": "message", "channel_type": "channel", "user": "UASKER01", "text": "conference, no mention"},
])
async def test_edits_bots_and_chatter_are_ignored(bot: Bot, event: dict[str, Any]) -> None:
    response = await bot.send.event({"channel": "D0DIRECT1", "ts": "1700000600.000100", **event})
    assert response.status == 200
    await bot.ctx.drain(3)
    assert bot.slack.calls_to("chat.postMessage") == []


async def test_share_in_channel_posts_the_same_answer_publicly(bot: Bot) -> None:
    first = (await answer_to(bot, "/events", "conference")).payload
    share = buttons(first)["factbot_share"]
    response_url = bot.slack.response_url("share1")
    assert (await bot.send.action("factbot_share", share, response_url=response_url)).status == 200
    [post] = await bot.slack.wait_for("chat.postMessage")
    assert post.payload["channel"] == "CGENERAL1" and "thread_ts" not in post.payload
    assert sections(post.payload) == sections(first)
    assert any("Shared by <@UASKER01>" in c for c in citations(post.payload))
    assert "factbot_share" not in buttons(post.payload)
    [done] = await bot.slack.wait_for("response_url", where=lambda c: c.path.endswith("/share1"))
    assert done.payload == {"delete_original": True}


async def test_share_where_the_bot_is_not_a_member_explains(bot: Bot) -> None:
    first = (await answer_to(bot, "/events", "conference")).payload
    bot.slack.fail("chat.postMessage", error="not_in_channel")
    await bot.send.action("factbot_share", buttons(first)["factbot_share"],
                          response_url=bot.slack.response_url("share2"))
    [note] = await bot.slack.wait_for("response_url", where=lambda c: c.path.endswith("/share2"))
    assert "/invite" in note.payload["text"]


async def test_more_results_pages_on_replacing_the_ephemeral(bot: Bot) -> None:
    first = (await answer_to(bot, "/events", "")).payload
    more = buttons(first)["factbot_more"]
    assert more.endswith(":5")
    await bot.send.action("factbot_more", more, response_url=bot.slack.response_url("more1"))
    [page] = await bot.slack.wait_for("response_url", where=lambda c: c.path.endswith("/more1"))
    assert page.payload["replace_original"] is True and page.payload["response_type"] == "ephemeral"
    assert sections(page.payload)[0].startswith("*6. ")
    assert sections(page.payload) != sections(first)
    assert_quoted_and_cited(page.payload)


async def test_more_results_in_a_thread_replies_in_the_thread(bot: Bot) -> None:
    await bot.send.event({"type": "app_mention", "user": "UASKER01", "channel": "CGENERAL1",
                          "ts": "1700000700.000100", "text": f"<@{BOT_USER_ID}> trafficking victims"})
    [answer] = await bot.slack.wait_for("chat.postMessage")
    more = buttons(answer.payload).get("factbot_more")
    assert more, "the question has more than one page of results"
    message = {"ts": "1700000701.000100", "thread_ts": "1700000700.000100"}
    await bot.send.action("factbot_more", more, message=message, ephemeral=False)
    posts = await bot.slack.wait_for("chat.postMessage", 2)
    assert posts[1].payload["thread_ts"] == "1700000700.000100"
    assert sections(posts[1].payload)[0].startswith("*6. ")


@pytest.mark.parametrize(("action", "vote"), [("factbot_vote_up", "up"), ("factbot_vote_down", "down")])
async def test_feedback_is_recorded(bot: Bot, action: str, vote: str) -> None:
    first = (await answer_to(bot, "/events", "conference")).payload
    value = buttons(first)[action]
    await bot.send.action(action, value, user="UVOTER001", response_url=bot.slack.response_url("vote"))
    [thanks] = await bot.slack.wait_for("response_url", where=lambda c: c.path.endswith("/vote"))
    assert thanks.payload["replace_original"] is False and "Thanks" in thanks.payload["text"]
    ref = value.split(":")[0]
    rows = bot.ctx.state.query("SELECT user, vote FROM feedback WHERE ref = ?", (ref,))
    assert [(r["user"], r["vote"]) for r in rows] == [("UVOTER001", vote)]


@pytest.mark.parametrize("tamper", ["bad signature", "old timestamp", "no signature"])
async def test_unsigned_or_stale_requests_refused(bot: Bot, tamper: str) -> None:
    body = urlencode({"command": "/events", "text": "conference", "user_id": "UASKER01", "channel_id": "C1",
                      "response_url": bot.slack.response_url("never"), "team_id": "T0TEST01"})
    if tamper == "bad signature":
        response = await bot.send.post(body, "application/x-www-form-urlencoded", secret="not-the-secret")
    elif tamper == "old timestamp":
        response = await bot.send.post(body, "application/x-www-form-urlencoded", timestamp=int(time.time()) - 301)
    else:
        async with aiohttp.ClientSession() as session, session.post(
                bot.send.url, data=body, headers={"Content-Type": "application/x-www-form-urlencoded"}) as response:
            pass
    assert response.status == 401
    await bot.ctx.drain(2)
    assert bot.slack.calls_to("response_url") == []


async def test_answers_are_escaped(bot: Bot) -> None:
    message = (await answer_to(bot, "/funding", "shelter network")).payload
    text = json.dumps(message)
    assert "&lt;!channel&gt;" in text
    for part in [message["text"], *sections(message), *citations(message)]:
        assert not re.search(r"<[!@#]|<https?:", part), part


async def test_user_text_is_escaped(bot: Bot) -> None:
    message = (await answer_to(bot, "/contact", "<!channel> <http://evil.example|x>")).payload
    header = message["blocks"][0]["text"]["text"]
    assert "<!channel>" not in header and "<http" not in header
    for part in [message["text"], *sections(message)]:
        assert not re.search(r"<[!@#]|<https?:", part), part


@pytest.mark.parametrize(("text", "expect"), [
    ("help", "/funding"),
    ("", "/funding"),
    ("status", "Documents:"),
    ("digest", "Daily digest"),
    ("frobnicate", "don't know"),
])
async def test_factbot_subcommands(bot: Bot, text: str, expect: str) -> None:
    message = (await answer_to(bot, "/factbot", text)).payload
    assert expect in message["text"] + " ".join(sections(message))
    assert limit_problems(message.get("blocks", [])) == []


async def test_extension_subcommand_is_routed(bot: Bot) -> None:
    seen = []

    async def reload(ctx: Any, request: Any) -> None:
        seen.append(request)
        await ctx.respond(request.response_url, {"text": "reloading"})

    bot.ctx.subcommands["reload"] = reload
    message = (await answer_to(bot, "/factbot", "reload")).payload
    assert message == {"text": "reloading"}
    assert seen[0].user_id == "UASKER01" and seen[0].command == "/factbot"


async def test_failure_gives_apology_with_reference_and_logs_no_token(bot: Bot,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    bot.ctx.holder.current.close()  # every query now fails inside the handler
    caplog.set_level(logging.INFO)
    message = (await answer_to(bot, "/funding", "shelter")).payload
    ref = re.search(r"Reference: `(\w+)`", message["text"])
    assert ref, message
    assert ref.group(1) in caplog.text
    assert BOT_TOKEN not in caplog.text and SIGNING_SECRET not in caplog.text


async def test_rate_limited_post_is_retried_after_retry_after(bot: Bot) -> None:
    bot.slack.fail("chat.postMessage", status=429, headers={"Retry-After": "1"})
    await bot.send.event({"type": "app_mention", "user": "UASKER01", "channel": "CGENERAL1",
                          "ts": "1700000800.000100", "text": f"<@{BOT_USER_ID}> conference"})
    posts = await bot.slack.wait_for("chat.postMessage", 2, timeout=5)
    assert posts[1].at - posts[0].at >= 1.0
    await bot.ctx.drain(3)
    assert len(bot.slack.calls_to("chat.postMessage")) == 2  # the refused one and the delivered one


async def test_server_error_on_response_url_is_retried(bot: Bot) -> None:
    bot.slack.fail("response_url", status=503)
    await bot.send.command("/events", "conference")
    calls = await bot.slack.wait_for("response_url", 2)
    assert calls[0].payload == calls[1].payload
    assert_quoted_and_cited(calls[1].payload)


async def test_app_home_shows_what_the_bot_knows(bot: Bot) -> None:
    await bot.send.event({"type": "app_home_opened", "user": "UASKER01", "channel": "D0HOME001", "tab": "home"})
    [publish] = await bot.slack.wait_for("views.publish")
    view = publish.payload["view"]
    view = json.loads(view) if isinstance(view, str) else view
    text = json.dumps(view, ensure_ascii=False)
    assert publish.payload["user_id"] == "UASKER01"
    assert "Documents:" in text and "/funding" in text and "Last build" in text
    assert limit_problems(view["blocks"]) == []


@pytest.mark.parametrize(("path", "status"), [("/healthz", 200), ("/readyz", 200)])
async def test_health_routes(bot: Bot, path: str, status: int) -> None:
    async with aiohttp.ClientSession() as session, session.get(bot.url + path) as response:
        assert response.status == status
        assert (await response.json())["ready" if path == "/readyz" else "ok"] is True


async def test_more_results_in_a_dm_stays_in_the_dm(bot: Bot) -> None:
    await bot.send.event({"type": "message", "channel_type": "im", "user": "UASKER01", "channel": "D0DIRECT1",
                          "ts": "1700000900.000100", "text": "trafficking victims"})
    [answer] = await bot.slack.wait_for("chat.postMessage")
    more = buttons(answer.payload)["factbot_more"]
    await bot.send.action("factbot_more", more, channel="D0DIRECT1", message={"ts": "1700000901.000100"},
                          ephemeral=False)
    posts = await bot.slack.wait_for("chat.postMessage", 2)
    assert posts[1].payload["channel"] == "D0DIRECT1" and "thread_ts" not in posts[1].payload


async def test_failure_on_a_mention_apologises_in_the_thread(bot: Bot) -> None:
    bot.ctx.holder.current.close()
    await bot.send.event({"type": "app_mention", "user": "UASKER01", "channel": "CGENERAL1",
                          "ts": "1700001000.000100", "text": f"<@{BOT_USER_ID}> conference"})
    [post] = await bot.slack.wait_for("chat.postMessage")
    assert post.payload["thread_ts"] == "1700001000.000100"
    assert re.search(r"Reference: `\w+`", post.payload["text"])
