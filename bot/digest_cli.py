"""`factbot digest [--post] [--force] [--json] [--date YYYY-MM-DD]`: print the digest, or post it once a day."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import date
from typing import TextIO

from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings
from bot.scheduler import DDL, Clock, DigestPoster, PostOutcome, SystemClock, today_in
from bot.state import StateDB
from handlers.digest import digest_for, digest_text
from knowledge.store import KnowledgeBase

__all__ = ["run_digest"]

_MESSAGES = {
    "posted": "Posted the digest for {day} to {channel} (ts {ts}).",
    "already_posted": "The digest for {day} was already posted to {channel}; --force posts it again.",
    "claimed_elsewhere": "Another factbot process is posting the digest for {day} to {channel} right now.",
    "failed": "The digest for {day} could not be posted to {channel}: {error}",
}


def run_digest(settings: Settings, kb: KnowledgeBase, *, post: bool, force: bool, as_json: bool, day: str | None,
               clock: Clock | None = None, client: AsyncWebClient | None = None, out: TextIO | None = None) -> int:
    """Print the digest for `day` (default: today in FACTBOT_DIGEST_TZ) or, with `post`, post it once.

    Exit status: 0 printed or posted (or already posted), 1 not posted, 2 bad date or settings.
    """
    out = out or sys.stdout
    try:
        the_day = date.fromisoformat(day) if day else today_in(settings.zone, (clock or SystemClock()).now())
    except ValueError:
        print(f"factbot digest: --date must be YYYY-MM-DD, got {day!r}", file=sys.stderr)
        return 2
    if post and (problem := _post_problem(settings)):
        print(f"factbot digest --post: {problem}", file=sys.stderr)
        return 2
    state = StateDB(settings.state_db_path)
    try:
        state.ensure(*DDL)
        if not post:
            digest = digest_for(kb, state, channel=settings.digest_channel, day=the_day)
            print(json.dumps(digest.to_json(), ensure_ascii=False) if as_json else digest_text(digest), file=out)
            return 0
        outcome = asyncio.run(_post(settings, kb, state, the_day, force=force, clock=clock, client=client))
    finally:
        state.close()
    _print_outcome(outcome, as_json=as_json, out=out)
    return 0 if outcome.status in ("posted", "already_posted") else 1


async def _post(settings: Settings, kb: KnowledgeBase, state: StateDB, day: date, *, force: bool,
                clock: Clock | None, client: AsyncWebClient | None) -> PostOutcome:
    from bot.app import web_client  # the Slack app stack loads only when posting

    poster = DigestPoster(settings, lambda: kb, state, client or web_client(settings), clock=clock)
    return await poster.post(day, force=force)


def _post_problem(settings: Settings) -> str | None:
    if not settings.digest_channel:
        return "FACTBOT_DIGEST_CHANNEL is not set (a channel ID like C0123ABCD or #name)"
    if not settings.bot_token:
        return "SLACK_BOT_TOKEN is not set (the bot token, xoxb-...)"
    return None


def _print_outcome(outcome: PostOutcome, *, as_json: bool, out: TextIO) -> None:
    if as_json:
        print(json.dumps(outcome.to_json(), ensure_ascii=False), file=out)
        return
    message = _MESSAGES[outcome.status].format(day=outcome.day.isoformat(), channel=outcome.channel, ts=outcome.ts,
                                               error=outcome.error)
    print(message, file=out if outcome.status in ("posted", "already_posted") else sys.stderr)
