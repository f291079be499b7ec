"""Security through the real app over HTTP: secrets never leak, user text never pings or links, admins only."""

from __future__ import annotations

import io
import json
import logging
import re
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from bot.app import app_context, create_app
from bot.config import Settings
from bot.logs import configure_logging
from bot.server import SLACK_PATH, start_http
from knowledge.holder import KnowledgeHolder
from tests.bot.conftest import Bot
from tests.bot.slack_stand_in import BOT_USER_ID, SlackSender, SlackStandIn

# shaped like the real thing, so a leak would look like one
REAL_TOKEN = "xoxb-2417592834-5718293047381-Qw3rTy9UiOpAsDfGhJkLzXcV"
REAL_SECRET = "8f3b9c2e7a1d4f6b0e5c9a8d7f2b4e61"
HOSTILE = "<!channel> <!here> <!everyone> @channel <@U0VICTIM1> <http://evil.example|click> & <#C0SECRET1>"
PING_OR_LINK = re.compile(r"<[!@#]|<https?:|<mailto:")


@pytest.fixture
def secret_settings(settings: Settings) -> Settings:
    return replace(settings, bot_token=REAL_TOKEN, signing_secret=REAL_SECRET, admins=("UADMIN001",))


@pytest.fixture
def written_logs() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    level = logging.getLogger().level
    handler = configure_logging(secrets=[REAL_TOKEN, REAL_SECRET], stream=stream, level=logging.DEBUG)
    yield stream
    logging.getLogger().removeHandler(handler)
    logging.getLogger().setLevel(level)


@pytest.fixture
async def secret_bot(secret_settings: Settings, slack: SlackStandIn) -> AsyncIterator[Bot]:
    holder = KnowledgeHolder.open(secret_settings.db_path)
    app = create_app(secret_settings, holder)
    ctx = app_context(app)
    runner, port = await start_http(app, host="127.0.0.1", port=0)
    url = f"http://127.0.0.1:{port}"
    yield Bot(url=url, app=app, ctx=ctx, slack=slack, send=SlackSender(url + SLACK_PATH, REAL_SECRET, slack))
    await runner.cleanup()
    await ctx.shutdown(5)
    ctx.state.close()
    holder.current.close()


def texts(node: Any) -> Iterator[str]:
    """Every mrkdwn/plain text a Slack message carries."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "text" and isinstance(value, str):
                yield value
            else:
                yield from texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from texts(item)


async def test_tokens_and_signing_secret_never_in_logs_or_replies(secret_bot: Bot, written_logs: io.StringIO) -> None:
    bot = secret_bot
    for command, text in [("/funding", "shelter"), ("/factbot", "status"), ("/factbot", "reload")]:
        assert (await bot.send.command(command, text)).status == 200
    # typed by a user: their own reply may echo it, the logs may not
    for command, text in [("/contact", REAL_TOKEN), ("/factbot", f"ask {REAL_SECRET}")]:
        await bot.send.command(command, text, response_url=bot.slack.response_url("echo"))
    await bot.send.event({"type": "app_mention", "user": "UASKER01", "channel": "CGENERAL1",
                          "ts": "1700004000.000100", "text": f"<@{BOT_USER_ID}> conference"})
    await bot.slack.wait_for("response_url", 5, timeout=10)
    await bot.slack.wait_for("chat.postMessage", timeout=10)
    bot.ctx.holder.current.close()  # a failure: the apology and the traceback
    await bot.send.command("/events", "conference")
    await bot.slack.wait_for("response_url", 6, timeout=10)
    await bot.ctx.drain(5)
    logged = written_logs.getvalue()
    assert "failed (reference" in logged and "Sending a request" in logged  # slack_sdk's debug lines too
    replies = json.dumps([c.payload for c in bot.slack.calls if not c.path.endswith("/echo")])
    for secret in (REAL_TOKEN, REAL_SECRET, REAL_TOKEN.split("-")[-1]):
        assert secret not in logged
        assert secret not in replies
    assert all(c.headers.get("Authorization") == f"Bearer {REAL_TOKEN}" for c in bot.slack.calls
               if c.method not in ("response_url",)), "the token goes only into the Authorization header"


async def test_an_app_without_a_signing_secret_still_refuses_http(settings: Settings, slack: SlackStandIn) -> None:
    holder = KnowledgeHolder.open(settings.db_path)
    app = create_app(replace(settings, signing_secret=""), holder)  # Socket Mode settings
    runner, port = await start_http(app, host="127.0.0.1", port=0)
    try:
        send = SlackSender(f"http://127.0.0.1:{port}{SLACK_PATH}", "", slack)
        response = await send.post(urlencode({"command": "/events", "text": "x", "user_id": "U1",
                                              "response_url": slack.response_url()}),
                                   "application/x-www-form-urlencoded", timestamp=int(time.time()))
        assert response.status == 401
    finally:
        await runner.cleanup()
        await app_context(app).shutdown(2)
        app_context(app).state.close()
        holder.current.close()
    assert slack.calls_to("response_url") == []


@pytest.mark.parametrize(("command", "text"), [
    ("/contact", HOSTILE),                       # a search with results
    ("/funding", f"zzqxv {HOSTILE}"),            # nothing found, with suggestions
    ("/factbot", f"ask {HOSTILE}"),
    ("/factbot", f"frobnicate {HOSTILE}"),      # an unknown subcommand is echoed
    ("/factbot", "status"),
    ("/factbot", f"help {HOSTILE}"),
    ("/events", HOSTILE),
])
async def test_slash_replies_never_ping_or_link(bot: Bot, command: str, text: str) -> None:
    await bot.send.command(command, text)
    [call] = await bot.slack.wait_for("response_url", timeout=10)
    for part in texts(call.payload):
        assert not PING_OR_LINK.search(part), part
    assert not call.payload.get("link_names")


@pytest.mark.parametrize("question", [HOSTILE, f"shelter network {HOSTILE}", "shelter network funding"])
async def test_mention_replies_never_ping_or_link(bot: Bot, question: str) -> None:
    await bot.send.event({"type": "app_mention", "user": "UASKER01", "channel": "CGENERAL1",
                          "ts": "1700004100.000100", "text": f"<@{BOT_USER_ID}> {question}"})
    [post] = await bot.slack.wait_for("chat.postMessage", timeout=10)
    for part in texts(post.payload):
        assert not PING_OR_LINK.search(part), part
    assert not post.payload.get("link_names")


async def test_a_failure_reply_never_pings(bot: Bot) -> None:
    bot.ctx.holder.current.close()
    await bot.send.command("/factbot", f"ask {HOSTILE}")
    [call] = await bot.slack.wait_for("response_url", timeout=10)
    assert "Reference" in call.payload["text"]
    assert not any(PING_OR_LINK.search(part) for part in texts(call.payload))


async def test_non_admins_cannot_add_documents_by_any_path(secret_bot: Bot, docs_dir: Path) -> None:
    bot = secret_bot
    bot.slack.share_file("F0EVIL001", "planted.txt", b"Planted report\n\nEUR 1,000,000 to nobody in 2020.\n")
    before = sorted(p.name for p in docs_dir.iterdir())
    generation = bot.ctx.holder.generation
    dm = {"channel": "D0OTHER01", "channel_type": "im", "user": "UOTHER001"}
    shared = {"type": "file_shared", "file_id": "F0EVIL001", "user_id": "UOTHER001", "channel_id": "D0OTHER01",
              "file": {"id": "F0EVIL001"}, "event_ts": "1700004200.000100"}
    with_files = {"type": "message", "subtype": "file_share", "ts": "1700004200.000100", "text": "please add",
                  "files": [{"id": "F0EVIL001", "name": "planted.txt"}], **dm}
    for event in (with_files, shared):
        assert (await secret_bot.send.event(event)).status == 200
    await bot.send.command("/factbot", "reload", user="UOTHER001")
    await bot.slack.wait_for("response_url", timeout=10)
    refusal = await bot.slack.wait_for("chat.postMessage", timeout=10,
                                       where=lambda c: c.payload.get("channel") == "D0OTHER01")
    await bot.ctx.drain(5)
    assert "only factbot admins" in refusal[0].payload["text"]
    assert bot.slack.calls_to("file_download") == []
    assert sorted(p.name for p in docs_dir.iterdir()) == before
    assert bot.ctx.holder.generation == generation
