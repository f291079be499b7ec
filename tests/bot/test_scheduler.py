"""The digest scheduler and poster: on time across daylight saving, once per channel and day, whatever happens.

Time is simulated (`SimClock`): the scheduler's sleeps jump the clock forward, up to a limit the
test moves, so no test waits for 09:00. Slack is the recording stand-in on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import os
import sys
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator
from slack_sdk.web.async_client import AsyncWebClient

from bot.app import app_context, create_app, retry_handlers
from bot.config import Settings
from bot.digest_cli import run_digest
from bot.scheduler import (
    CLAIM_TIMEOUT,
    RETRY_FIRST,
    DigestPoster,
    DigestScheduler,
    PostOutcome,
    scheduled_at,
    today_in,
)
from bot.server import SLACK_PATH, start_http
from bot.state import StateDB
from knowledge.holder import KnowledgeHolder
from knowledge.store import KnowledgeBase, build_knowledge_base
from tests.bot.slack_stand_in import SlackSender, SlackStandIn

PARIS = ZoneInfo("Europe/Paris")
CHANNEL = "C0DIGEST1"
TOKEN = "xoxb-111-222-digesttoken"
SECRET = "digest-signing-secret-0123456789"
BULLETIN = """Regional Bulletin on Victim Assistance
Date: 2026-03-20

1. The regional coordination meeting on victim assistance will be held on 2 April 2026 in Vienna.

2. On 28 March 2019, the Ministry of Justice opened the first national hotline for victims.

3. The Ministry granted a 30-day reflection period to victims who cooperate with the police.
"""


class SimClock:
    """Simulated time: `sleep_until` jumps forward, but never past `limit`; there it waits for the test."""

    def __init__(self, start: datetime) -> None:
        self.t = start
        self.limit = start
        self._moved = asyncio.Event()
        self._parked = asyncio.Event()

    def now(self) -> datetime:
        return self.t

    async def sleep_until(self, when: datetime) -> None:
        while when > self.limit:
            self.t = max(self.t, self.limit)
            self._moved.clear()
            self._parked.set()
            await self._moved.wait()
        self.t = max(self.t, when)
        await asyncio.sleep(0)

    async def run_until(self, limit: datetime) -> None:
        """Let simulated time run to `limit`; returns once the scheduler waits for a later moment."""
        self.limit = limit
        self._parked.clear()
        self._moved.set()
        await asyncio.wait_for(self._parked.wait(), 10)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "bulletin.txt").write_text(BULLETIN, encoding="utf-8")
    return folder


@pytest.fixture
def digest_settings(tmp_path: Path, docs: Path, slack: SlackStandIn) -> Settings:
    db = tmp_path / "kb.db"
    build_knowledge_base(docs, db)
    return Settings(docs_dir=docs, db_path=db, state_db_path=tmp_path / "state.db", bot_token=TOKEN,
                    signing_secret=SECRET, api_url=slack.api_url, digest_channel=CHANNEL,
                    digest_time=time(9, 0), digest_tz="Europe/Paris")


@pytest.fixture
def kb(digest_settings: Settings) -> Iterator[KnowledgeBase]:
    knowledge = KnowledgeBase(digest_settings.db_path)
    yield knowledge
    knowledge.close()


@dataclasses.dataclass
class Bot:
    """One bot process as far as the digest goes: its own state connection, poster and scheduler."""

    state: StateDB
    poster: DigestPoster
    scheduler: DigestScheduler
    clock: SimClock


@pytest.fixture
async def start_bot(digest_settings: Settings, kb: KnowledgeBase) -> AsyncIterator[Any]:
    started: list[Bot] = []

    def start(at: datetime, *, settings: Settings | None = None, client: AsyncWebClient | None = None) -> Bot:
        s = settings or digest_settings
        clock = SimClock(at)
        state = StateDB(s.state_db_path)
        poster = DigestPoster(s, lambda: kb, state, client or AsyncWebClient(token=TOKEN, base_url=s.api_url),
                              clock=clock)
        bot = Bot(state, poster, DigestScheduler(s, poster, clock=clock), clock)
        started.append(bot)
        return bot

    yield start
    for bot in started:
        await bot.scheduler.stop()
        bot.state.close()


def posts(settings: Settings) -> list[dict[str, Any]]:
    """The digests marked posted in the state database, by day."""
    state = StateDB(settings.state_db_path)
    try:
        rows = state.query("SELECT channel, day, status, posted_at, ts FROM digest_posts ORDER BY day")
        return [dict(r) for r in rows]
    finally:
        state.close()


def posted_at(row: dict[str, Any]) -> datetime:
    return datetime.fromtimestamp(row["posted_at"], UTC)


@pytest.mark.parametrize(("day", "at", "expected"), [
    (date(2026, 3, 28), time(9, 0), "2026-03-28T08:00:00+00:00"),  # CET, UTC+1
    (date(2026, 3, 29), time(9, 0), "2026-03-29T07:00:00+00:00"),  # CEST from this morning, UTC+2
    (date(2026, 3, 29), time(2, 30), "2026-03-29T01:30:00+00:00"),  # 02:30 does not exist: 03:30 CEST
    (date(2026, 10, 24), time(9, 0), "2026-10-24T07:00:00+00:00"),
    (date(2026, 10, 25), time(9, 0), "2026-10-25T08:00:00+00:00"),  # back to CET
    (date(2026, 10, 25), time(2, 30), "2026-10-25T00:30:00+00:00"),  # 02:30 happens twice: the first
    (date(2026, 12, 31), time(23, 59), "2026-12-31T22:59:00+00:00"),
])
def test_the_scheduled_instant_follows_daylight_saving(day: date, at: time, expected: str) -> None:
    assert scheduled_at(day, at, PARIS).isoformat() == expected


def test_today_is_the_date_in_the_digest_time_zone() -> None:
    assert today_in(PARIS, utc("2026-03-28T23:30:00")) == date(2026, 3, 29)
    assert today_in(ZoneInfo("America/New_York"), utc("2026-03-28T03:00:00")) == date(2026, 3, 27)


@pytest.mark.parametrize(("start", "until", "expected"), [
    ("2026-03-27T00:00:00", "2026-03-31T00:00:00",
     ["2026-03-27T08:00:00", "2026-03-28T08:00:00", "2026-03-29T07:00:00", "2026-03-30T07:00:00"]),
    ("2026-10-23T00:00:00", "2026-10-27T00:00:00",
     ["2026-10-23T07:00:00", "2026-10-24T07:00:00", "2026-10-25T08:00:00", "2026-10-26T08:00:00"]),
])
async def test_it_posts_at_nine_in_paris_every_day_across_a_daylight_saving_change(
        start_bot: Any, digest_settings: Settings, slack: SlackStandIn, start: str, until: str,
        expected: list[str]) -> None:
    bot = start_bot(utc(start))
    bot.scheduler.start()
    await bot.clock.run_until(utc(until))
    rows = posts(digest_settings)
    assert [posted_at(r) for r in rows] == [utc(e) for e in expected]
    assert all(r["status"] == "posted" and r["channel"] == CHANNEL and r["ts"] for r in rows)
    calls = slack.calls_to("chat.postMessage")
    assert len(calls) == len(expected)
    assert all(c.payload["channel"] == CHANNEL and c.payload["blocks"] for c in calls)
    for call, instant in zip(calls, expected, strict=True):
        day = utc(instant).astimezone(PARIS).date()
        assert call.payload["text"].startswith(f"Daily digest — {day:%A} {day.day} {day:%B %Y}")


async def test_nothing_is_posted_before_the_time(start_bot: Any, slack: SlackStandIn) -> None:
    bot = start_bot(utc("2026-03-27T06:00:00"))
    assert await bot.scheduler.tick() == utc("2026-03-27T08:00:00")
    bot.scheduler.start()
    await bot.clock.run_until(utc("2026-03-27T07:59:59"))
    assert slack.calls_to("chat.postMessage") == []


async def test_a_bot_down_at_the_scheduled_time_posts_when_it_starts_that_day_only(
        start_bot: Any, digest_settings: Settings, slack: SlackStandIn) -> None:
    first = start_bot(utc("2026-03-24T00:00:00"))
    first.scheduler.start()
    await first.clock.run_until(utc("2026-03-24T12:00:00"))
    await first.scheduler.stop()  # down from the 24th at noon to the 27th at 15:00
    later = start_bot(utc("2026-03-27T14:00:00"))
    later.scheduler.start()
    await later.clock.run_until(utc("2026-03-27T14:00:00"))
    rows = posts(digest_settings)
    assert [r["day"] for r in rows] == ["2026-03-24", "2026-03-27"], "no backlog for the 25th and 26th"
    assert posted_at(rows[1]) == utc("2026-03-27T14:00:00"), "posted at once on start"
    assert len(slack.calls_to("chat.postMessage")) == 2


async def test_a_restart_after_posting_posts_nothing_more(start_bot: Any, digest_settings: Settings,
                                                           slack: SlackStandIn) -> None:
    first = start_bot(utc("2026-03-27T07:00:00"))
    first.scheduler.start()
    await first.clock.run_until(utc("2026-03-27T09:00:00"))
    await first.scheduler.stop()
    assert len(slack.calls_to("chat.postMessage")) == 1
    again = start_bot(utc("2026-03-27T09:30:00"))
    again.scheduler.start()
    await again.clock.run_until(utc("2026-03-27T22:59:00"))
    assert len(slack.calls_to("chat.postMessage")) == 1
    await again.clock.run_until(utc("2026-03-28T08:00:00"))
    assert len(slack.calls_to("chat.postMessage")) == 2, "and it still posts the next day"


async def test_without_a_channel_there_is_no_digest_and_the_log_says_so_once(
        start_bot: Any, digest_settings: Settings, slack: SlackStandIn, caplog: pytest.LogCaptureFixture) -> None:
    quiet = dataclasses.replace(digest_settings, digest_channel="")
    bot = start_bot(utc("2026-03-27T12:00:00"), settings=quiet)
    with caplog.at_level(logging.INFO, logger="bot.scheduler"):
        assert bot.scheduler.start() is None
    said = [r for r in caplog.records if "FACTBOT_DIGEST_CHANNEL" in r.getMessage()]
    assert len(said) == 1
    assert (await bot.poster.post(date(2026, 3, 27))).status == "no_channel"
    assert slack.calls_to("chat.postMessage") == []


async def test_two_bots_racing_for_the_same_day_post_once(start_bot: Any, digest_settings: Settings,
                                                          slack: SlackStandIn) -> None:
    # each bot in its own thread, event loop and state-database connection, like two processes
    def attempt(day: date) -> str:
        bot = start_bot(utc("2026-03-27T12:00:00"))
        outcome: PostOutcome = asyncio.run(bot.poster.post(day))
        return outcome.status

    for offset in range(4):
        day = date(2026, 3, 27) + timedelta(days=offset)
        outcomes = await asyncio.gather(*(asyncio.to_thread(attempt, day) for _ in range(3)))
        assert sorted(outcomes).count("posted") == 1, outcomes
        assert set(outcomes) <= {"posted", "claimed_elsewhere", "already_posted"}
    assert len(slack.calls_to("chat.postMessage")) == 4
    assert [r["day"] for r in posts(digest_settings)] == ["2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30"]


async def test_two_processes_racing_post_once(digest_settings: Settings, slack: SlackStandIn,
                                              tmp_path: Path) -> None:
    env = {**os.environ, "SLACK_BOT_TOKEN": TOKEN, "SLACK_API_URL": slack.api_url, "FACTBOT_DIGEST_CHANNEL": CHANNEL,
           "FACTBOT_STATE_DB": str(digest_settings.state_db_path), "FACTBOT_DIGEST_TZ": "Europe/Paris"}
    args = [sys.executable, "-m", "bot", "digest", "--post", "--json", "--date", "2026-03-27",
            "--db", str(digest_settings.db_path), "--docs", str(digest_settings.docs_dir)]
    procs = [await asyncio.create_subprocess_exec(*args, env=env, cwd=tmp_path, stdout=asyncio.subprocess.PIPE,
                                                  stderr=asyncio.subprocess.PIPE) for _ in range(2)]
    results = [await asyncio.wait_for(p.communicate(), 60) for p in procs]
    statuses = sorted(json.loads(out)["status"] for out, _ in results)
    assert statuses.count("posted") == 1, results
    assert len(slack.calls_to("chat.postMessage")) == 1


async def test_a_500_from_slack_is_retried_by_the_client_and_posts_once(
        start_bot: Any, digest_settings: Settings, slack: SlackStandIn) -> None:
    handlers = retry_handlers()
    for handler in handlers:  # the app's retry policy, without real back-off waits
        handler.interval_calculator = FixedValueRetryIntervalCalculator(0.01)
    client = AsyncWebClient(token=TOKEN, base_url=slack.api_url, retry_handlers=handlers)
    slack.fail("chat.postMessage", status=500)
    bot = start_bot(utc("2026-03-27T12:00:00"), client=client)
    outcome = await bot.poster.post(date(2026, 3, 27))
    assert outcome.status == "posted"
    assert len(slack.calls_to("chat.postMessage")) == 2
    assert [r["status"] for r in posts(digest_settings)] == ["posted"]


async def test_a_refused_post_gives_the_claim_back_and_the_scheduler_tries_again(
        start_bot: Any, digest_settings: Settings, slack: SlackStandIn) -> None:
    slack.fail("chat.postMessage", status=500)  # this client does not retry: the scheduler does
    bot = start_bot(utc("2026-03-27T07:30:00"))
    bot.scheduler.start()
    await bot.clock.run_until(utc("2026-03-27T08:00:30"))
    assert len(slack.calls_to("chat.postMessage")) == 1
    assert posts(digest_settings) == [], "the claim was given back"
    await bot.clock.run_until(utc("2026-03-27T20:00:00"))
    rows = posts(digest_settings)
    assert [r["day"] for r in rows] == ["2026-03-27"]
    assert posted_at(rows[0]) == utc("2026-03-27T08:00:00") + timedelta(seconds=RETRY_FIRST)
    assert len(slack.calls_to("chat.postMessage")) == 2


async def test_slack_saying_no_gives_the_claim_back(start_bot: Any, digest_settings: Settings,
                                                    slack: SlackStandIn) -> None:
    slack.fail("chat.postMessage", error="not_in_channel")
    bot = start_bot(utc("2026-03-27T12:00:00"))
    refused = await bot.poster.post(date(2026, 3, 27))
    assert refused.status == "failed" and refused.error is not None and "not_in_channel" in refused.error
    assert posts(digest_settings) == []
    assert (await bot.poster.post(date(2026, 3, 27))).status == "posted"
    assert (await bot.poster.post(date(2026, 3, 27))).status == "already_posted"


async def test_force_posts_again_and_a_failed_forced_post_keeps_the_first(
        start_bot: Any, digest_settings: Settings, slack: SlackStandIn) -> None:
    bot = start_bot(utc("2026-03-27T12:00:00"))
    day = date(2026, 3, 27)
    first = await bot.poster.post(day)
    assert (await bot.poster.post(day, force=True)).status == "posted"
    assert len(slack.calls_to("chat.postMessage")) == 2
    slack.fail("chat.postMessage", error="channel_not_found")
    assert (await bot.poster.post(day, force=True)).status == "failed"
    assert (await bot.poster.post(day)).status == "already_posted"
    assert bot.poster.posted(day) and first.ts


async def test_a_claim_left_by_a_process_that_died_expires(start_bot: Any, digest_settings: Settings,
                                                           slack: SlackStandIn) -> None:
    bot = start_bot(utc("2026-03-27T12:00:00"))
    claimed_at = utc("2026-03-27T12:00:00").timestamp()
    bot.state.execute("INSERT INTO digest_posts (channel, day, status, owner, claimed_at) VALUES (?, ?, ?, ?, ?)",
                      (CHANNEL, "2026-03-27", "claimed", "dead:1", claimed_at))
    assert (await bot.poster.post(date(2026, 3, 27))).status == "claimed_elsewhere"
    bot.clock.t += timedelta(seconds=CLAIM_TIMEOUT + 1)
    assert (await bot.poster.post(date(2026, 3, 27))).status == "posted"
    assert len(slack.calls_to("chat.postMessage")) == 1


async def test_the_next_digest_reports_what_changed_since_the_posted_one(
        start_bot: Any, digest_settings: Settings, slack: SlackStandIn, docs: Path, tmp_path: Path) -> None:
    bot = start_bot(utc("2026-03-27T12:00:00"))
    await bot.poster.post(date(2026, 3, 27))
    first = slack.calls_to("chat.postMessage")[0].payload
    assert "First digest" in json.dumps(first["blocks"], ensure_ascii=False)
    (docs / "cable.txt").write_text("EMBASSY NOTE\n\n1. The Ministry opened a new shelter in Lyon on 30 March 2026.\n",
                                    encoding="utf-8")
    build_knowledge_base(docs, tmp_path / "kb2.db")
    newer = KnowledgeBase(tmp_path / "kb2.db")
    bot.poster.knowledge = lambda: newer
    await bot.poster.post(date(2026, 3, 28))
    second = json.dumps(slack.calls_to("chat.postMessage")[1].payload["blocks"], ensure_ascii=False)
    assert "New document" in second and "The Ministry opened a new shelter in Lyon on 30 March 2026." in second
    newer.close()


# -- inside the app: `/factbot digest` and the scheduler started by the server --------------------------------

async def test_factbot_digest_is_an_ephemeral_preview_and_serving_starts_the_scheduler(
        digest_settings: Settings, slack: SlackStandIn) -> None:
    settings = dataclasses.replace(digest_settings, digest_time=time(0, 0), digest_tz="UTC")
    holder = KnowledgeHolder.open(settings.db_path)
    app = create_app(settings, holder)
    ctx = app_context(app)
    runner, port = await start_http(app, host="127.0.0.1", port=0)
    send = SlackSender(f"http://127.0.0.1:{port}{SLACK_PATH}", SECRET, slack)
    try:
        response = await send.command("/factbot", "digest")
        assert response.status == 200
        (preview,) = await slack.wait_for("response_url")
        assert preview.payload["response_type"] == "ephemeral"
        shown = json.dumps(preview.payload["blocks"], ensure_ascii=False)
        assert "Daily digest" in shown and "Preview" in shown and f"<#{CHANNEL}>" in shown
        assert slack.calls_to("chat.postMessage") == [], "a preview posts nothing"
        await ctx.startup()  # what `factbot serve` does once listening: 00:00 UTC has passed today
        (posted,) = await slack.wait_for("chat.postMessage")
        assert posted.payload["channel"] == CHANNEL
    finally:
        await runner.cleanup()
        await ctx.shutdown(5)
        ctx.state.close()
        holder.current.close()
    assert len(slack.calls_to("chat.postMessage")) == 1


# -- `factbot digest` ----------------------------------------------------------------------------------------

async def test_factbot_digest_prints_text_and_json(digest_settings: Settings, kb: KnowledgeBase,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert await asyncio.to_thread(run_digest, digest_settings, kb, post=False, force=False, as_json=False,
                                   day="2026-03-28") == 0
    text = capsys.readouterr().out
    assert text.startswith("Daily digest — Saturday 28 March 2026")
    assert "On 28 March 2019, the Ministry of Justice opened the first national hotline for victims." in text
    assert "Vienna" in text and "Fact of the day" in text
    assert await asyncio.to_thread(run_digest, digest_settings, kb, post=False, force=False, as_json=True,
                                   day="2026-03-28") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["day"] == "2026-03-28" and data["on_this_day"] and data["upcoming"]


async def test_factbot_digest_post_posts_once_a_day_unless_forced(
        digest_settings: Settings, kb: KnowledgeBase, slack: SlackStandIn, capsys: pytest.CaptureFixture[str]) -> None:
    def run(**options: Any) -> int:
        return run_digest(digest_settings, kb, **{"post": True, "force": False, "as_json": False,
                                                  "day": "2026-03-28", **options})

    assert await asyncio.to_thread(run) == 0
    assert "Posted the digest for 2026-03-28" in capsys.readouterr().out
    assert await asyncio.to_thread(run) == 0
    assert "already posted" in capsys.readouterr().out
    assert len(slack.calls_to("chat.postMessage")) == 1
    assert await asyncio.to_thread(run, force=True, as_json=True) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "posted"
    assert len(slack.calls_to("chat.postMessage")) == 2
    slack.fail("chat.postMessage", error="not_in_channel")
    assert await asyncio.to_thread(run, day="2026-03-29") == 1
    assert "not_in_channel" in capsys.readouterr().err


@pytest.mark.parametrize(("changes", "options", "message"), [
    ({}, {"day": "28/03/2026"}, "--date must be YYYY-MM-DD"),
    ({"digest_channel": ""}, {"post": True}, "FACTBOT_DIGEST_CHANNEL is not set"),
    ({"bot_token": ""}, {"post": True}, "SLACK_BOT_TOKEN is not set"),
])
def test_factbot_digest_refuses_bad_input_clearly(digest_settings: Settings, kb: KnowledgeBase,
                                                  capsys: pytest.CaptureFixture[str], changes: dict[str, Any],
                                                  options: dict[str, Any], message: str) -> None:
    settings = dataclasses.replace(digest_settings, **changes)
    args: dict[str, Any] = {"post": False, "force": False, "as_json": False, "day": None, **options}
    assert run_digest(settings, kb, **args) == 2
    assert message in capsys.readouterr().err
