"""Bolt listeners: ack at once, then answer through response_url or the Web API (ack → handle → respond).

Slash commands are answered ephemerally through their response_url; mentions and DMs with
chat.postMessage in the right thread. Buttons: Share in channel, More results, 👍/👎. Each
question is answered once: events are claimed in the state database by event_id and by
(channel, ts) before any work starts.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.errors import SlackApiError

from bot.app import AppContext, SlashRequest
from handlers import messages
from handlers.answering import answer_for
from handlers.blocks import (
    ACTION_MORE,
    ACTION_SHARE,
    ACTION_VOTE_DOWN,
    ACTION_VOTE_UP,
    Reply,
    View,
    text_reply,
)
from handlers.factbot import help_reply, parse_subcommand, status_reply, unknown_reply
from handlers.feedback import recall_question, record_vote, remember_question
from handlers.mention import mention_reply, reply_thread, should_answer

__all__ = ["ANSWER_SLASH_COMMANDS", "SEEN_DDL", "claim_event", "register_listeners"]

ANSWER_SLASH_COMMANDS = ("funding", "contact", "permits", "events")
SEEN_DDL = (
    "CREATE TABLE IF NOT EXISTS slack_seen (key TEXT PRIMARY KEY, seen_at REAL NOT NULL)",
    "CREATE INDEX IF NOT EXISTS slack_seen_at ON slack_seen(seen_at)",
)
SEEN_DAYS = 3
_CANT_POST = frozenset({"not_in_channel", "channel_not_found", "is_archived", "restricted_action"})
_USER_ID = re.compile(r"^[UW][A-Z0-9]+$")

log = logging.getLogger(__name__)


def register_listeners(app: AsyncApp, ctx: AppContext) -> None:
    """Every slash command, event and button factbot answers."""
    ctx.state.ensure(*SEEN_DDL)
    for name in ANSWER_SLASH_COMMANDS:
        app.command(f"/{name}")(_slash_listener(ctx, name))
    app.command("/factbot")(_factbot_listener(ctx))
    app.event("app_mention")(_event_listener(ctx, "app_mention"))
    app.event("message")(_event_listener(ctx, "message"))
    app.action(ACTION_SHARE)(_action_listener(ctx, _share))
    app.action(ACTION_MORE)(_action_listener(ctx, _more))
    app.action(ACTION_VOTE_UP)(_action_listener(ctx, _vote))
    app.action(ACTION_VOTE_DOWN)(_action_listener(ctx, _vote))
    app.error(_on_error)


def claim_event(ctx: AppContext, event_id: str, channel: str, ts: str) -> bool:
    """True for the first delivery of this event and of this message; False for any repeat.

    Slack retries an event it thinks was missed (same event_id) and delivers a mention both as
    `app_mention` and as `message` (same channel and ts). The claim is one transaction, so two
    deliveries racing (even in two processes) cannot both win.
    """
    keys = [f"msg:{channel}:{ts}"] + ([f"event:{event_id}"] if event_id else [])
    now = time.time()
    with ctx.state.transaction() as conn:
        marks = ",".join("?" * len(keys))
        if conn.execute(f"SELECT 1 FROM slack_seen WHERE key IN ({marks})", keys).fetchone():
            return False
        conn.executemany("INSERT INTO slack_seen (key, seen_at) VALUES (?, ?)", [(k, now) for k in keys])
        conn.execute("DELETE FROM slack_seen WHERE seen_at < ?", (now - SEEN_DAYS * 86400,))
    return True


# -- slash commands ---------------------------------------------------------------------------

def _slash_listener(ctx: AppContext, name: str) -> Callable[..., Awaitable[None]]:
    async def listener(ack: AsyncAck, command: dict[str, Any]) -> None:
        await ack()
        request = SlashRequest.from_payload(command)
        ctx.spawn(_answer_slash(ctx, name, request.text, request), name=f"/{name}",
                  apologise=_apology_by_response_url(ctx, request.response_url))
    return listener


def _factbot_listener(ctx: AppContext) -> Callable[..., Awaitable[None]]:
    async def listener(ack: AsyncAck, command: dict[str, Any]) -> None:
        await ack()
        request = SlashRequest.from_payload(command)
        ctx.spawn(_factbot(ctx, request), name="/factbot",
                  apologise=_apology_by_response_url(ctx, request.response_url))
    return listener


async def _factbot(ctx: AppContext, request: SlashRequest) -> None:
    sub, rest = parse_subcommand(request.text)
    if sub == "ask":
        await _answer_slash(ctx, "ask", rest, request)
    elif sub in ctx.subcommands:
        await ctx.subcommands[sub](ctx, request)
    elif sub == "help":
        await _reply_ephemeral(ctx, request.response_url, help_reply())
    elif sub == "status":
        reply = await asyncio.to_thread(status_reply, ctx.holder.current)
        await _reply_ephemeral(ctx, request.response_url, reply)
    elif sub in ("digest", "reload"):
        text = messages.DIGEST_UNAVAILABLE if sub == "digest" else messages.RELOAD_UNAVAILABLE
        await _reply_ephemeral(ctx, request.response_url, text_reply(text))
    else:
        await _reply_ephemeral(ctx, request.response_url, unknown_reply(sub))


async def _answer_slash(ctx: AppContext, command: str, text: str, request: SlashRequest) -> None:
    kb = ctx.holder.current

    def work() -> Reply:
        ref = remember_question(ctx.state, command, text, user=request.user_id, channel=request.channel_id)
        return answer_for(kb, command, text, View(ref=ref, surface="ephemeral"))

    await _reply_ephemeral(ctx, request.response_url, await asyncio.to_thread(work))


# -- mentions and direct messages ---------------------------------------------------------------

def _event_listener(ctx: AppContext, kind: str) -> Callable[..., Awaitable[None]]:
    async def listener(body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext) -> None:
        if not should_answer(event, context.bot_user_id, kind=kind):
            return
        channel, thread = str(event["channel"]), reply_thread(event)
        ctx.spawn(_answer_mention(ctx, str(body.get("event_id", "")), event, thread), name=kind,
                  apologise=_apology_in_thread(ctx, channel, thread))
    return listener


async def _answer_mention(ctx: AppContext, event_id: str, event: Mapping[str, Any], thread: str | None) -> None:
    channel, ts = str(event["channel"]), str(event["ts"])
    if not await asyncio.to_thread(claim_event, ctx, event_id, channel, ts):
        log.info("already answered %s %s", channel, ts)
        return
    kb = ctx.holder.current
    text = str(event.get("text", ""))

    def work() -> Reply:
        ref = remember_question(ctx.state, "ask", text, user=event.get("user"), channel=event.get("channel"))
        return mention_reply(kb, text, View(ref=ref, surface="thread"))

    reply = await asyncio.to_thread(work)
    await _post(ctx, str(event["channel"]), reply, thread)


# -- buttons ------------------------------------------------------------------------------------

Action = Callable[[AppContext, Mapping[str, Any], str, int], Coroutine[Any, Any, None]]


def _action_listener(ctx: AppContext, action: Action) -> Callable[..., Awaitable[None]]:
    async def listener(ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        value = str((body.get("actions") or [{}])[0].get("value", ""))
        ref, _, page = value.partition(":")
        offset = int(page) if page.isdigit() else 0
        ctx.spawn(action(ctx, body, ref, offset), name=action.__name__.lstrip("_"),
                  apologise=_apology_by_response_url(ctx, str(body.get("response_url", ""))))
    return listener


async def _share(ctx: AppContext, body: Mapping[str, Any], ref: str, offset: int) -> None:
    """Post the same answer page publicly in the channel, then remove the ephemeral copy."""
    user = _user_id(body)
    reply = await _page(ctx, ref, View(ref=ref, surface="shared", offset=offset, shared_by=user))
    if reply is None:
        await _reply_ephemeral(ctx, str(body.get("response_url", "")), text_reply(messages.EXPIRED))
        return
    try:
        await _post(ctx, _channel_id(body), reply, None)
    except SlackApiError as e:
        if e.response.get("error") not in _CANT_POST:
            raise
        await _reply_ephemeral(ctx, str(body.get("response_url", "")), text_reply(messages.NOT_IN_CHANNEL))
        return
    await ctx.respond(str(body.get("response_url", "")), {"delete_original": True})


async def _more(ctx: AppContext, body: Mapping[str, Any], ref: str, offset: int) -> None:
    """The next page: replaces an ephemeral answer; in a thread, a new reply in that thread."""
    container = body.get("container") or {}
    ephemeral = bool(container.get("is_ephemeral")) or "message" not in body
    surface = "ephemeral" if ephemeral else "thread"
    reply = await _page(ctx, ref, View(ref=ref, surface=surface, offset=offset))
    response_url = str(body.get("response_url", ""))
    if reply is None:
        await _reply_ephemeral(ctx, response_url, text_reply(messages.EXPIRED))
    elif ephemeral:
        await _deliver(ctx, response_url, {**reply.message(), "response_type": "ephemeral", "replace_original": True})
    else:
        message = body.get("message") or {}
        channel = _channel_id(body)
        thread = container.get("thread_ts") or message.get("thread_ts")
        if not thread and not channel.startswith("D"):  # a DM pages on in the DM, a channel in a thread
            thread = message.get("ts")
        await _post(ctx, channel, reply, str(thread) if thread else None)


async def _vote(ctx: AppContext, body: Mapping[str, Any], ref: str, offset: int) -> None:
    """Record 👍/👎 for this answer page (one vote per person; a new vote replaces the old)."""
    action_id = str((body.get("actions") or [{}])[0].get("action_id", ""))
    vote = "up" if action_id == ACTION_VOTE_UP else "down"
    await asyncio.to_thread(record_vote, ctx.state, ref, offset, _user_id(body) or "unknown", vote)
    thanks = text_reply(messages.FEEDBACK_THANKS[vote])
    await _deliver(ctx, str(body.get("response_url", "")),
                   {**thanks.message(), "response_type": "ephemeral", "replace_original": False})


async def _page(ctx: AppContext, ref: str, view: View) -> Reply | None:
    kb = ctx.holder.current

    def work() -> Reply | None:
        asked = recall_question(ctx.state, ref)
        if asked is None:
            return None
        if asked.command == "ask":
            return mention_reply(kb, asked.query, view)
        return answer_for(kb, asked.command, asked.query, view)

    return await asyncio.to_thread(work)


# -- delivery -------------------------------------------------------------------------------------

async def _reply_ephemeral(ctx: AppContext, response_url: str, reply: Reply) -> None:
    await _deliver(ctx, response_url, {**reply.message(), "response_type": "ephemeral"})


async def _deliver(ctx: AppContext, response_url: str, message: Mapping[str, Any]) -> None:
    # raising hands the failure to AppContext's guard, which logs it with a reference id
    if not await ctx.respond(response_url, message):
        raise RuntimeError("the answer could not be delivered to response_url")


async def _post(ctx: AppContext, channel: str, reply: Reply, thread: str | None) -> None:
    await ctx.client.chat_postMessage(channel=channel, thread_ts=thread, **reply.message(), unfurl_links=False,
                                      unfurl_media=False)


def _apology_by_response_url(ctx: AppContext, response_url: str) -> Callable[[str], Awaitable[Any]]:
    async def apologise(ref: str) -> None:
        message = {"text": messages.APOLOGY.format(ref=ref), "response_type": "ephemeral", "replace_original": False}
        if response_url and not await ctx.respond(response_url, message):
            raise RuntimeError("response_url refused the apology")
    return apologise


def _apology_in_thread(ctx: AppContext, channel: str, thread: str | None) -> Callable[[str], Awaitable[Any]]:
    async def apologise(ref: str) -> None:
        await ctx.client.chat_postMessage(channel=channel, thread_ts=thread, text=messages.APOLOGY.format(ref=ref))
    return apologise


async def _on_error(error: Exception, body: dict[str, Any]) -> None:
    kind = body.get("type") or body.get("command") or "request"
    log.error("unhandled error in a listener for %s: %s", kind, error, exc_info=error)


def _user_id(body: Mapping[str, Any]) -> str | None:
    user = str((body.get("user") or {}).get("id", ""))
    return user if _USER_ID.match(user) else None


def _channel_id(body: Mapping[str, Any]) -> str:
    return str((body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id", ""))
