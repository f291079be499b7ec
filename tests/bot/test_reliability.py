"""Slack failing: 429, 5xx and dropped connections on every client, retried a bounded number of times, then logged."""

from __future__ import annotations

import logging
import re
import socket
from dataclasses import replace
from pathlib import Path

import pytest

from bot.app import MAX_RETRIES, web_client
from bot.config import Settings
from bot.uploads import DOWNLOAD_RETRIES, save_shared_file
from tests.bot.conftest import Bot
from tests.bot.slack_stand_in import BOT_USER_ID, SlackStandIn

ATTEMPTS = MAX_RETRIES + 1
REPORT = ("Shelter network report, spring 2021\n\nThe regional office granted EUR 60,000 to the shelter network "
          "in 2021. A coordination meeting was held in Zagreb on 4 May 2021.\n")


def mention(ts: str, text: str = "conference") -> dict[str, str]:
    return {"type": "app_mention", "user": "UASKER01", "channel": "CGENERAL1", "ts": ts,
            "text": f"<@{BOT_USER_ID}> {text}"}


def refused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again on exit: connecting to it is refused


@pytest.mark.parametrize(("failure", "retry_after"), [
    ({"status": 500}, 0.0), ({"status": 502}, 0.0), ({"status": 503}, 0.0),
    ({"status": 429, "headers": {"Retry-After": "1"}}, 1.0), ({"disconnect": True}, 0.0),
])
async def test_a_mention_survives_one_failed_post(bot: Bot, failure: dict, retry_after: float) -> None:
    bot.slack.fail("chat.postMessage", **failure)
    await bot.send.event(mention("1700002000.000100"))
    posts = await bot.slack.wait_for("chat.postMessage", 2, timeout=5)
    await bot.ctx.drain(5)
    assert len(bot.slack.calls_to("chat.postMessage")) == 2  # the failed attempt and the answer: answered once
    assert posts[0].payload == posts[1].payload and posts[1].payload["thread_ts"] == "1700002000.000100"
    assert posts[1].at - posts[0].at >= retry_after
    assert "Sorry" not in posts[1].payload["text"]


@pytest.mark.parametrize("failure", [
    {"status": 429, "headers": {"Retry-After": "1"}}, {"status": 500}, {"status": 504}, {"disconnect": True},
])
async def test_a_slash_answer_survives_one_failed_response_url_post(bot: Bot, failure: dict) -> None:
    bot.slack.fail("response_url", **failure)
    await bot.send.command("/events", "conference")
    calls = await bot.slack.wait_for("response_url", 2, timeout=5)
    await bot.ctx.drain(5)
    assert len(bot.slack.calls_to("response_url")) == 2
    assert calls[0].payload == calls[1].payload and calls[1].payload["blocks"]
    if failure.get("status") == 429:
        assert calls[1].at - calls[0].at >= 1.0


@pytest.mark.parametrize("failure", [{"status": 500}, {"status": 429, "headers": {"Retry-After": "0"}},
                                     {"disconnect": True}])
async def test_an_undeliverable_mention_answer_is_logged_with_its_reference(
        bot: Bot, caplog: pytest.LogCaptureFixture, failure: dict) -> None:
    caplog.set_level(logging.INFO)
    bot.slack.fail("chat.postMessage", times=100, **failure)
    await bot.send.event(mention("1700002100.000100"))
    await bot.slack.wait_for("chat.postMessage", 2 * ATTEMPTS, timeout=10)  # the answer, then the apology
    await bot.ctx.drain(10)
    assert len(bot.slack.calls_to("chat.postMessage")) == 2 * ATTEMPTS, "retries are bounded"
    failed = re.search(r"app_mention failed \(reference (\w+)", caplog.text)
    assert failed, caplog.text
    assert f"could not deliver the apology for reference {failed.group(1)}" in caplog.text


async def test_an_undeliverable_slash_answer_is_logged_with_its_reference(
        bot: Bot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    bot.slack.fail("response_url", status=503, times=100)
    await bot.send.command("/funding", "shelter")
    await bot.slack.wait_for("response_url", 2 * ATTEMPTS, timeout=10)
    await bot.ctx.drain(10)
    assert len(bot.slack.calls_to("response_url")) == 2 * ATTEMPTS
    failed = re.search(r"/funding failed \(reference (\w+)", caplog.text)
    assert failed and "could not be delivered" in caplog.text
    assert f"could not deliver the apology for reference {failed.group(1)}" in caplog.text


async def test_a_response_url_that_refuses_connections_is_logged(bot: Bot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    await bot.send.command("/events", "conference", response_url=f"http://127.0.0.1:{refused_port()}/response/x")
    await bot.ctx.drain(15)
    failed = re.search(r"/events failed \(reference (\w+)", caplog.text)
    assert failed, caplog.text
    assert f"could not deliver the apology for reference {failed.group(1)}" in caplog.text


@pytest.mark.parametrize("failure", [{"status": 500}, {"status": 429, "headers": {"Retry-After": "0"}},
                                     {"disconnect": True}])
async def test_every_web_api_client_retries(settings: Settings, slack: SlackStandIn, failure: dict) -> None:
    # the one client the app, the digest scheduler, the reloader and `factbot digest --post` share
    client = web_client(settings)
    slack.fail("chat.postMessage", **failure)
    response = await client.chat_postMessage(channel="CDIGEST01", text="digest")
    assert response["ok"] and len(slack.calls_to("chat.postMessage")) == 2
    slack.fail("users.info", times=100, **failure)
    with pytest.raises(Exception):  # noqa: B017 - SlackApiError or a connection error, after the retries
        await client.users_info(user="UASKER01")
    # users.info is a GET: on a dropped connection aiohttp itself tries an idempotent request once more
    assert ATTEMPTS <= len(slack.calls_to("users.info")) <= 2 * ATTEMPTS


async def test_the_extensions_use_the_app_client(bot: Bot) -> None:
    from bot.reloader import reloader_of

    assert reloader_of(bot.app).client is bot.ctx.client
    assert len(bot.ctx.client.retry_handlers) >= 3


@pytest.mark.parametrize("failure", [{"status": 500}, {"status": 429, "headers": {"Retry-After": "1"}},
                                     {"disconnect": True}])
async def test_a_shared_file_download_is_retried(settings: Settings, slack: SlackStandIn, tmp_path: Path,
                                                 failure: dict) -> None:
    settings = replace(settings, docs_dir=tmp_path / "uploads")
    shared = slack.share_file("F0REPORT1", "report-2021.txt", REPORT.encode())
    slack.fail("file_download", **failure)
    saved = await save_shared_file(settings, shared)
    assert saved.read_text(encoding="utf-8") == REPORT
    assert len(slack.calls_to("file_download")) == 2


async def test_a_download_that_keeps_failing_is_refused_after_bounded_retries(
        settings: Settings, slack: SlackStandIn, tmp_path: Path) -> None:
    from bot.uploads import UploadRefused

    settings = replace(settings, docs_dir=tmp_path / "uploads")
    shared = slack.share_file("F0REPORT1", "report-2021.txt", REPORT.encode())
    slack.fail("file_download", status=503, times=100)
    with pytest.raises(UploadRefused, match="503"):
        await save_shared_file(settings, shared)
    assert len(slack.calls_to("file_download")) == DOWNLOAD_RETRIES + 1
    assert not any(p.is_file() for p in (tmp_path / "uploads").iterdir())


async def test_an_undeliverable_next_page_is_logged_with_its_reference(
        bot: Bot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    await bot.send.command("/events", "")
    [first] = await bot.slack.wait_for("response_url")
    more = next(e["value"] for b in first.payload["blocks"] if b["type"] == "actions" for e in b["elements"]
                if e["action_id"] == "factbot_more")
    bot.slack.fail("response_url", status=500, times=100)
    await bot.send.action("factbot_more", more, response_url=bot.slack.response_url("more"))
    await bot.slack.wait_for("response_url", 1 + 2 * ATTEMPTS, timeout=10)
    await bot.ctx.drain(10)
    failed = re.search(r"more failed \(reference (\w+)", caplog.text)
    assert failed and "could not be delivered" in caplog.text
