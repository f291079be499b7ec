"""The daily digest inside `factbot serve`: posted at FACTBOT_DIGEST_TIME in FACTBOT_DIGEST_TZ, once a day.

Exactly once per channel and day, across restarts and several processes sharing the state
database: a poster first claims (channel, day) in a `BEGIN IMMEDIATE` transaction, posts, then
marks the claim posted (with the snapshot and fact of the day the digest used). When Slack
refuses the post the claim is given back, so a later attempt (here or in another process) can
post it. A claim left by a process that died mid-post expires after `CLAIM_TIMEOUT` seconds.

The schedule is computed per local date (`scheduled_at`), so it follows daylight-saving changes:
09:00 Europe/Paris is 08:00 UTC in winter and 07:00 UTC in summer. A time that does not exist on
the day clocks go forward (02:30) is taken as the same instant an hour later by the wall clock;
a repeated time (the day they go back) is its first occurrence. A bot that was down at the
scheduled time posts when it starts, for that same day only: missed days are never caught up.

The clock is injected (`Clock`): tests drive a fake one, so nothing waits for 09:00.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.app import AppContext, SlashRequest
from bot.config import Settings
from bot.state import StateDB
from handlers.digest import DDL as DIGEST_DDL
from handlers.digest import digest_for, digest_preview, digest_reply, record_digest
from knowledge.digest import Digest
from knowledge.store import KnowledgeBase

__all__ = [
    "CLAIM_TIMEOUT",
    "DDL",
    "OUTCOMES",
    "Clock",
    "DigestPoster",
    "DigestScheduler",
    "PostOutcome",
    "SystemClock",
    "register",
    "scheduled_at",
    "today_in",
]

CLAIM_TIMEOUT = 600.0  # seconds: far longer than a post with its retries takes
RETRY_FIRST = 60.0  # seconds before trying again after a refused post, doubled each time
RETRY_MAX = 1800.0
MAX_SLEEP = 300.0  # a real clock looks again at least this often (suspend, clock changes)
OUTCOMES = ("posted", "already_posted", "claimed_elsewhere", "failed", "no_channel")
DDL = (
    """CREATE TABLE IF NOT EXISTS digest_posts (
        channel TEXT NOT NULL, day TEXT NOT NULL, status TEXT NOT NULL, owner TEXT NOT NULL,
        claimed_at REAL NOT NULL, posted_at REAL, ts TEXT, PRIMARY KEY (channel, day))""",
    *DIGEST_DDL,
)

log = logging.getLogger(__name__)


class Clock(Protocol):
    """Now, and a way to wait for a moment; `sleep_until` may return early (the caller looks again)."""

    def now(self) -> datetime: ...

    async def sleep_until(self, when: datetime) -> None: ...


class SystemClock:
    """The real clock, in UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    async def sleep_until(self, when: datetime) -> None:
        delay = (when - self.now()).total_seconds()
        if delay > 0:
            await asyncio.sleep(min(delay, MAX_SLEEP))


@dataclass(frozen=True, slots=True)
class PostOutcome:
    """What one attempt to post a day's digest came to (`status` is one of OUTCOMES)."""

    status: str
    channel: str
    day: date
    ts: str | None = None
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "channel": self.channel, "day": self.day.isoformat(), "ts": self.ts,
                "error": self.error}


def today_in(zone: ZoneInfo, now: datetime) -> date:
    """The calendar date in `zone` at the instant `now`."""
    return now.astimezone(zone).date()


def scheduled_at(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The instant (UTC) when `day`'s digest is due: `at` on `day` in `zone`, daylight saving included."""
    # fold=0: a wall time skipped by spring-forward maps to an hour later, a repeated one to its first pass
    return datetime.combine(day, at.replace(tzinfo=None, fold=0), tzinfo=zone).astimezone(UTC)


class DigestPoster:
    """Posts a day's digest to the digest channel, at most once per (channel, day) over every process."""

    def __init__(self, settings: Settings, knowledge: Callable[[], KnowledgeBase], state: StateDB,
                 client: AsyncWebClient, *, clock: Clock | None = None, owner: str | None = None) -> None:
        self.settings = settings
        self.knowledge = knowledge
        self.state = state
        self.client = client
        self.clock = clock or SystemClock()
        self.owner = owner or f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        state.ensure(*DDL)

    async def post(self, day: date, *, force: bool = False) -> PostOutcome:
        """Claim (channel, day), post the digest, mark it posted; give the claim back if Slack refuses."""
        channel = self.settings.digest_channel
        if not channel:
            return PostOutcome("no_channel", channel, day)
        claimed, previous = await asyncio.to_thread(self._claim, channel, day, force)
        if claimed != "claimed":
            return PostOutcome(claimed, channel, day)
        try:
            digest, ts = await self._send(channel, day)
        except Exception as e:
            await asyncio.to_thread(self._release, channel, day, previous)
            log.warning("the digest for %s could not be posted to %s: %s", day, channel, _reason(e))
            return PostOutcome("failed", channel, day, error=_reason(e))
        except BaseException:  # cancelled mid-post (shutdown): let a later attempt post it
            await asyncio.shield(asyncio.to_thread(self._release, channel, day, previous))
            raise
        await asyncio.to_thread(self._settle, channel, digest, ts)
        log.info("posted the digest for %s to %s (ts %s)", day, channel, ts)
        return PostOutcome("posted", channel, day, ts=ts)

    def posted(self, day: date) -> bool:
        """Whether the digest for `day` is marked posted in the digest channel."""
        rows = self.state.query("SELECT 1 FROM digest_posts WHERE channel = ? AND day = ? AND status = 'posted'",
                                (self.settings.digest_channel, day.isoformat()))
        return bool(rows)

    async def _send(self, channel: str, day: date) -> tuple[Digest, str | None]:
        digest = await asyncio.to_thread(digest_for, self.knowledge(), self.state, channel=channel, day=day)
        reply = digest_reply(digest)
        response = await self.client.chat_postMessage(channel=channel, **reply.message(), unfurl_links=False,
                                                      unfurl_media=False)
        return digest, response.get("ts")

    def _claim(self, channel: str, day: date, force: bool) -> tuple[str, tuple[Any, ...] | None]:
        now = self.clock.now().timestamp()
        with self.state.transaction() as conn:
            row = conn.execute("SELECT status, owner, claimed_at, posted_at, ts FROM digest_posts "
                               "WHERE channel = ? AND day = ?", (channel, day.isoformat())).fetchone()
            if row is not None and row["status"] == "claimed" and now - row["claimed_at"] < CLAIM_TIMEOUT:
                return "claimed_elsewhere", None
            if row is not None and row["status"] == "posted" and not force:
                return "already_posted", None
            conn.execute("INSERT OR REPLACE INTO digest_posts (channel, day, status, owner, claimed_at) "
                         "VALUES (?, ?, 'claimed', ?, ?)", (channel, day.isoformat(), self.owner, now))
        return "claimed", tuple(row) if row is not None and row["status"] == "posted" else None

    def _release(self, channel: str, day: date, previous: tuple[Any, ...] | None) -> None:
        """Give the claim back; a forced re-post that failed puts back the earlier post's record."""
        with self.state.transaction() as conn:
            conn.execute("DELETE FROM digest_posts WHERE channel = ? AND day = ? AND owner = ? AND status = 'claimed'",
                         (channel, day.isoformat(), self.owner))
            if previous is not None:
                conn.execute("INSERT OR IGNORE INTO digest_posts (channel, day, status, owner, claimed_at, posted_at, "
                             "ts) VALUES (?, ?, ?, ?, ?, ?, ?)", (channel, day.isoformat(), *previous))

    def _settle(self, channel: str, digest: Digest, ts: str | None) -> None:
        now = self.clock.now().timestamp()
        with self.state.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO digest_posts (channel, day, status, owner, claimed_at, posted_at, ts) "
                         "VALUES (?, ?, 'posted', ?, ?, ?, ?)",
                         (channel, digest.day.isoformat(), self.owner, now, now, ts))
            record_digest(conn, channel, digest)


class DigestScheduler:
    """Runs inside the server: at each day's scheduled time (or at start, if it passed today) posts once."""

    def __init__(self, settings: Settings, poster: DigestPoster, *, clock: Clock | None = None) -> None:
        self.settings = settings
        self.poster = poster
        self.clock = clock or SystemClock()
        self.zone = settings.zone
        self._done: date | None = None
        self._retry = RETRY_FIRST
        self._retry_day: date | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self) -> asyncio.Task[None] | None:
        """Start the loop; with no digest channel there is nothing to do, and the log says so once."""
        if not self.settings.digest_channel:
            log.info("FACTBOT_DIGEST_CHANNEL is not set: no daily digest will be posted")
            return None
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self.run(), name="digest-scheduler")
            log.info("daily digest: %s %s to %s", self.settings.digest_time.strftime("%H:%M"),
                     self.settings.digest_tz, self.settings.digest_channel)
        return self._task

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def run(self) -> None:
        """Forever: post when due, then sleep until the next moment worth looking."""
        while True:
            try:
                wake = await self.tick()
            except Exception:  # one bad day (a broken knowledge base, a full disk) must not end the schedule
                log.exception("the digest scheduler failed; trying again later")
                wake = self._after_failure(self.clock.now())
            await self.clock.sleep_until(wake)

    async def tick(self) -> datetime:
        """Post today's digest if it is due and not posted yet; returns when to look again."""
        now = self.clock.now()
        day = today_in(self.zone, now)
        due = scheduled_at(day, self.settings.digest_time, self.zone)
        if now < due:
            return due
        if self._done != day:
            if self._retry_day != day:  # yesterday's back-off does not carry over
                self._retry, self._retry_day = RETRY_FIRST, day
            outcome = await self.poster.post(day)
            if outcome.status not in ("posted", "already_posted"):
                return self._after_failure(now)
            self._done = day
        return scheduled_at(day + timedelta(days=1), self.settings.digest_time, self.zone)

    def _after_failure(self, now: datetime) -> datetime:
        """A later try today (refused, or being posted by another process): back off, never past midnight."""
        wait, self._retry = self._retry, min(RETRY_MAX, self._retry * 2)
        return now + timedelta(seconds=wait)


def register(app: AsyncApp, ctx: AppContext, *, clock: Clock | None = None) -> None:
    """Hook the digest into the app: `/factbot digest` previews it; the scheduler runs while serving."""
    clock = clock or SystemClock()
    poster = DigestPoster(ctx.settings, lambda: ctx.holder.current, ctx.state, ctx.client, clock=clock)
    scheduler = DigestScheduler(ctx.settings, poster, clock=clock)

    async def preview(ctx: AppContext, request: SlashRequest) -> None:
        settings = ctx.settings
        day = today_in(settings.zone, clock.now())
        schedule = f"{settings.digest_time:%H:%M} ({settings.digest_tz})"
        reply = await asyncio.to_thread(digest_preview, ctx.holder.current, ctx.state,
                                        channel=settings.digest_channel, day=day, schedule=schedule)
        if not await ctx.respond(request.response_url, {**reply.message(), "response_type": "ephemeral"}):
            raise RuntimeError("the digest preview could not be delivered to response_url")

    async def start(ctx: AppContext) -> None:
        scheduler.start()

    async def stop(ctx: AppContext) -> None:
        await scheduler.stop()

    ctx.subcommands["digest"] = preview
    ctx.on_startup.append(start)
    ctx.on_shutdown.append(stop)


def _reason(error: BaseException) -> str:
    response = getattr(error, "response", None)
    if response is not None:
        status = getattr(response, "status_code", None)
        data = getattr(response, "data", None)
        detail = data.get("error") if isinstance(data, dict) else None
        return f"Slack answered {status}" + (f" ({detail})" if detail else "")
    return f"{type(error).__name__}: {error}"
