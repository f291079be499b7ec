"""Operability: JSON logs with a request id per Slack request, health routes, SIGTERM finishing in-flight answers."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import signal
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from bot.logs import configure_logging
from bot.server import SLACK_PATH, LateApp, late_web_app
from tests.bot.conftest import BOT_TOKEN, SIGNING_SECRET, Bot
from tests.bot.slack_stand_in import BOT_USER_ID, SlackSender, SlackStandIn
from tests.bot.test_server import start_serve, wait_until_healthy, wait_until_ready


@pytest.fixture
def log_stream() -> Iterator[io.StringIO]:
    stream = io.StringIO()  # not a terminal: JSON lines
    handler = configure_logging(secrets=[BOT_TOKEN, SIGNING_SECRET], stream=stream)
    yield stream
    logging.getLogger().removeHandler(handler)


def json_lines(text: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


async def test_each_slack_request_logs_json_with_its_own_request_id(bot: Bot, log_stream: io.StringIO) -> None:
    await bot.send.command("/events", "conference")
    await bot.send.event({"type": "app_mention", "user": "UASKER01", "channel": "CGENERAL1",
                          "ts": "1700003000.000100", "text": f"<@{BOT_USER_ID}> shelter"})
    await bot.slack.wait_for("response_url")
    await bot.slack.wait_for("chat.postMessage")
    await bot.ctx.drain(5)
    done = [r for r in json_lines(log_stream.getvalue()) if " done in " in r["message"]]
    assert {r["message"].split()[0] for r in done} == {"/events", "app_mention"}
    ids = [r["request_id"] for r in done]
    assert all(i != "-" for i in ids) and len(set(ids)) == 2
    assert {"time", "level", "logger"} <= set(done[0])


@pytest.mark.parametrize(("path", "status"), [("/healthz", 200), ("/readyz", 503)])
async def test_an_unreadable_knowledge_base_is_alive_but_not_ready(bot: Bot, path: str, status: int) -> None:
    bot.ctx.holder.current.close()
    async with aiohttp.ClientSession() as session, session.get(bot.url + path) as response:
        assert response.status == status


async def test_sigterm_finishes_the_answer_in_flight(tmp_path: Path, docs_dir: Path, kb_path: Path,
                                                    slack: SlackStandIn) -> None:
    process, url = await start_serve(tmp_path, docs_dir, kb_path, SLACK_BOT_TOKEN=BOT_TOKEN,
                                     SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_API_URL=slack.api_url)
    stopped = False
    try:
        await wait_until_healthy(url, process)
        await wait_until_ready(url)
        # the first delivery is rate limited: the answer is still in flight when SIGTERM arrives
        slack.fail("response_url", status=429, headers={"Retry-After": "1"})
        sender = SlackSender(url + SLACK_PATH, SIGNING_SECRET, slack)
        assert (await sender.command("/events", "conference")).status == 200
        await slack.wait_for("response_url", timeout=10)
        process.send_signal(signal.SIGTERM)
        stopped = True
        calls = await slack.wait_for("response_url", 2, timeout=10)
        assert calls[1].payload["blocks"] and "Sorry" not in calls[1].payload["text"]
    finally:
        if not stopped and process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(process.communicate(), timeout=20)
    assert process.returncode == 0, err.decode()[-2000:]
    logged = json_lines(err.decode())  # `factbot serve` logs JSON lines when stderr is not a terminal
    done = [r for r in logged if r["message"].startswith("/events done in")]
    assert len(done) == 1 and done[0]["request_id"] != "-"
    assert any("shutting down" in r["message"] for r in logged)
    assert BOT_TOKEN not in err.decode() and SIGNING_SECRET not in err.decode()


async def test_readyz_is_503_until_the_knowledge_base_is_loaded(bot: Bot) -> None:
    slot = LateApp()  # what `factbot serve` listens with while it builds or opens the knowledge base
    runner = web.AppRunner(late_web_app(slot), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}"
    send = SlackSender(url + SLACK_PATH, SIGNING_SECRET, bot.slack)
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(url + "/healthz") as alive, session.get(url + "/readyz") as ready:
                assert (alive.status, ready.status) == (200, 503)
            assert (await send.command("/events", "conference")).status == 503  # Slack retries it later
            slot.app = bot.app
            async with session.get(url + "/readyz") as ready:
                assert ready.status == 200 and (await ready.json())["ready"] is True
            assert (await send.command("/events", "conference")).status == 200
            [answer] = await bot.slack.wait_for("response_url")
            assert answer.payload["blocks"]
    finally:
        await runner.cleanup()
