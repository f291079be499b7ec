"""Reloading the knowledge base while the bot keeps answering: admin check, build off the loop, check, swap.

A reload builds a new file next to the serving one (`<db>.reload-<pid>-<thread>`), checks it, opens it, then
`os.replace`s it over the knowledge base path and swaps it into the KnowledgeHolder. The old
KnowledgeBase keeps its open connection to the old file, so queries that took it finish on it;
later queries take the new one. Anything failing before the swap leaves the old one serving and
the file at the knowledge base path untouched. One reload at a time per process; every attempt
(refusals and "already running" included) is a row in the state database's `reloads` table.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import sqlite3
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from weakref import WeakKeyDictionary

from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings
from bot.state import StateDB
from bot.uploads import UploadRefused, save_shared_file, uploads_blocked
from handlers import messages
from handlers.blocks import Reply
from handlers.reload import (
    busy_reply,
    failure_reply,
    progress_reply,
    refused_reply,
    result_reply,
    upload_note,
    upload_refused_reply,
)
from knowledge.check import check_knowledge_base
from knowledge.diff import KnowledgeDiff, Snapshot, diff_knowledge, snapshot
from knowledge.errors import FactbotError
from knowledge.holder import KnowledgeHolder
from knowledge.store import BuildReport, KnowledgeBase, build_knowledge_base

if TYPE_CHECKING:
    from bot.app import AppContext, SlashRequest

__all__ = ["OUTCOMES", "ReloadOutcome", "Reloader", "install_sighup", "register", "reloader_of"]

OUTCOMES = ("ok", "failed", "refused", "busy")
ADMIN_CACHE_SECONDS = 60.0
_log = logging.getLogger(__name__)
_DDL = (
    """CREATE TABLE IF NOT EXISTS reloads (
        id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, user TEXT, via TEXT NOT NULL,
        outcome TEXT NOT NULL, seconds REAL NOT NULL, error TEXT, diff TEXT, files TEXT)""",
    "CREATE INDEX IF NOT EXISTS reloads_started ON reloads(started_at)",
)

Respond = Callable[..., Awaitable[Any]]


class BuildFunction(Protocol):
    def __call__(self, docs_dir: Path, db_path: Path, *, max_bytes: int = ...,
                 progress: Callable[[int, int, str], None] | None = ...) -> BuildReport: ...


@dataclass(frozen=True, slots=True)
class ReloadOutcome:
    """How one reload attempt ended, and the reply the admin got."""

    outcome: str
    seconds: float
    reply: Reply
    diff: KnowledgeDiff | None = None
    error: str | None = None


class Reloader:
    """Reloads the knowledge base held by `holder` from `settings.docs_dir`, for admins, one at a time."""

    def __init__(self, settings: Settings, holder: KnowledgeHolder, state: StateDB, client: AsyncWebClient, *,
                 build: BuildFunction = build_knowledge_base, progress_every: float = 1.0) -> None:
        self.settings = settings
        self.holder = holder
        self.state = state
        self.client = client
        self._build = build
        self._progress_every = progress_every
        self._running = False
        self._admins: dict[str, tuple[bool, float]] = {}
        self._seen_files: dict[str, float] = {}
        state.ensure(*_DDL)

    @property
    def running(self) -> bool:
        return self._running

    async def is_admin(self, user: str) -> bool:
        """In FACTBOT_ADMINS; where that is empty, a workspace admin or owner (users.info, cached a minute)."""
        if self.settings.admins:
            return user in self.settings.admins
        cached = self._admins.get(user)
        if cached and cached[1] > time.monotonic():
            return cached[0]
        try:
            info = (await self.client.users_info(user=user)).get("user") or {}
        except SlackApiError as e:
            _log.warning("users.info failed for %s: %s", user, e.response.get("error"))
            return False
        admin = bool(info.get("is_admin") or info.get("is_owner") or info.get("is_primary_owner"))
        admin = admin and not info.get("deleted")
        self._admins[user] = (admin, time.monotonic() + ADMIN_CACHE_SECONDS)
        return admin

    async def reload_command(self, user: str, *, respond: Respond | None = None) -> ReloadOutcome:
        """`/factbot reload` (after the ack): refuse, say "already running", or reload with progress in a DM."""
        if not await self.is_admin(user):
            return await self._decline("refused", refused_reply(), user=user, via="command", respond=respond)
        if not self._claim():
            return await self._decline("busy", busy_reply(), user=user, via="command", respond=respond)
        try:
            channel = await self._dm(user)
            if respond is not None:
                started = messages.RELOAD_STARTED if channel else messages.RELOAD_STEPS["starting"]
                await _quietly(respond(text=started, response_type="ephemeral"))
            return await self._reload(user=user, via="command", channel=channel, respond=respond)
        finally:
            self._running = False

    async def reload_on_signal(self) -> ReloadOutcome:
        """A reload asked for by the operator (SIGHUP): no Slack messages, the outcome is logged."""
        if not self._claim():
            _log.info("SIGHUP: a reload is already running")
            return await self._decline("busy", busy_reply(), user=None, via="signal")
        try:
            outcome = await self._reload(user=None, via="signal", channel=None)
        finally:
            self._running = False
        _log.info("SIGHUP reload: %s in %.2f s%s", outcome.outcome, outcome.seconds,
                  f" ({outcome.error})" if outcome.error else "")
        return outcome

    async def shared_files(self, files: Sequence[Mapping[str, Any]], *, user: str,
                           channel: str) -> ReloadOutcome:
        """Files shared in a DM: from an admin, save the acceptable ones into the documents folder and reload."""
        why = None if await self.is_admin(user) else messages.UPLOAD_NOT_ADMIN
        why = why or uploads_blocked(self.settings)
        if why:
            reply = upload_refused_reply([(_name(f), why) for f in files])
            return await self._decline("refused", reply, user=user, via="upload", channel=channel, files=files)
        if not self._claim():
            reply = upload_refused_reply([(_name(f), messages.UPLOAD_BUSY) for f in files])
            return await self._decline("busy", reply, user=user, via="upload", channel=channel, files=files)
        try:
            return await self._save_and_reload(files, user=user, channel=channel)
        finally:
            self._running = False

    def first_delivery(self, file_id: str) -> bool:
        """True the first time a shared file is seen (Slack may deliver a share more than once)."""
        now = time.monotonic()
        self._seen_files = {k: v for k, v in self._seen_files.items() if v > now - 3600}
        if file_id in self._seen_files:
            return False
        self._seen_files[file_id] = now
        return True

    def history(self, limit: int = 20) -> list[dict[str, Any]]:
        """The latest reload attempts, newest first."""
        rows = self.state.query("SELECT * FROM reloads ORDER BY id DESC LIMIT ?", (limit,))
        return [dict(r) for r in rows]

    async def _save_and_reload(self, files: Sequence[Mapping[str, Any]], *, user: str, channel: str) -> ReloadOutcome:
        ts = await self._post(channel, progress_reply("downloading"))
        saved: list[Path] = []
        refused: list[tuple[str, str]] = []
        for f in files:
            try:
                saved.append(await save_shared_file(self.settings, f))
            except UploadRefused as e:
                refused.append((_name(f), str(e)))
        if not saved:
            reply = upload_refused_reply(refused)
            recorded = await asyncio.to_thread(self._record, "refused", 0.0, reply, user=user, via="upload",
                                               error=reply.text, files=[n for n, _ in refused])
            await self._update(channel, ts, reply)
            return recorded
        if refused:
            await self._post(channel, upload_refused_reply(refused))
        note = upload_note([p.name for p in saved], sum(p.stat().st_size for p in saved))
        return await self._reload(user=user, via="upload", channel=channel, ts=ts, note=note,
                                  files=[p.name for p in saved])

    async def _reload(self, *, user: str | None, via: str, channel: str | None, ts: str | None = None,
                      respond: Respond | None = None, note: str = "",
                      files: Sequence[str] = ()) -> ReloadOutcome:
        started, started_at = time.perf_counter(), _now()
        progress = _Progress()
        if channel and ts is None:
            ts = await self._post(channel, progress_reply("starting"))
        ticker = asyncio.create_task(self._tick(channel, ts, progress)) if channel and ts else None
        try:
            diff = await asyncio.to_thread(self._rebuild, progress)
            reply = result_reply(diff, seconds=time.perf_counter() - started, note=note)
            outcome, error = "ok", None
        except Exception as e:  # noqa: BLE001 - whatever broke the build, the old knowledge base keeps serving
            error = str(e) if isinstance(e, FactbotError) else f"{type(e).__name__}: {e}"
            if not isinstance(e, FactbotError):
                _log.exception("reload failed")
            reply, outcome, diff = failure_reply(error), "failed", None
        finally:
            if ticker:
                ticker.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await ticker
        # recorded before the admin sees the result, so the history never lags behind the reply
        recorded = await asyncio.to_thread(self._record, outcome, time.perf_counter() - started, reply, user=user,
                                           via=via, diff=diff, error=error, files=files, started_at=started_at)
        if channel and ts:
            await self._update(channel, ts, reply)
        elif respond is not None:
            await _quietly(respond(text=reply.text, blocks=list(reply.blocks), response_type="ephemeral"))
        return recorded

    def _rebuild(self, progress: _Progress) -> KnowledgeDiff:
        """Build, check and swap in a new knowledge base (blocking: runs in a worker thread)."""
        before = _snapshot_or_empty(self.holder.current)
        target = self.settings.db_path
        # one name per build thread: a build left running by a cancelled reload never shares it
        staging = target.with_name(f"{target.name}.reload-{os.getpid()}-{threading.get_ident()}")
        try:
            self._build(self.settings.docs_dir, staging, max_bytes=self.settings.max_file_bytes,
                        progress=progress.building)
            progress.step("checking")
            check_knowledge_base(staging)
            kb = KnowledgeBase(staging)
            progress.step("swapping")
            try:
                # the open connection follows the file through the rename
                os.replace(staging, target)
            except OSError:
                kb.close()
                raise
            kb.path = target
        finally:
            _remove(staging)
        self.holder.swap(kb)
        return diff_knowledge(before, snapshot(kb))

    async def _tick(self, channel: str | None, ts: str | None, progress: _Progress) -> None:
        shown = None
        while channel and ts:
            await asyncio.sleep(self._progress_every)
            now = progress.state
            if now != shown:
                shown = now
                step, done, total, name = now
                await self._update(channel, ts, progress_reply(step, done=done, total=total, name=name))

    def _claim(self) -> bool:
        # no await between the test and the set: on one event loop this is atomic
        if self._running:
            return False
        self._running = True
        return True

    async def _decline(self, outcome: str, reply: Reply, *, user: str | None, via: str, channel: str | None = None,
                       respond: Respond | None = None, files: Sequence[Mapping[str, Any]] = ()) -> ReloadOutcome:
        recorded = await asyncio.to_thread(self._record, outcome, 0.0, reply, user=user, via=via, error=reply.text,
                                           files=[_name(f) for f in files])
        if respond is not None:
            await _quietly(respond(text=reply.text, blocks=list(reply.blocks), response_type="ephemeral"))
        elif channel:
            await self._post(channel, reply)
        return recorded

    def _record(self, outcome: str, seconds: float, reply: Reply, *, user: str | None, via: str,
                diff: KnowledgeDiff | None = None, error: str | None = None, files: Sequence[str] = (),
                started_at: str | None = None) -> ReloadOutcome:
        self.state.execute(
            "INSERT INTO reloads (started_at, user, via, outcome, seconds, error, diff, files) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (started_at or _now(), user, via, outcome, round(seconds, 3), error,
             json.dumps(diff.to_json(), ensure_ascii=False) if diff else None,
             json.dumps(list(files), ensure_ascii=False) if files else None))
        return ReloadOutcome(outcome=outcome, seconds=seconds, reply=reply, diff=diff, error=error)

    async def _dm(self, user: str) -> str | None:
        try:
            return str((await self.client.conversations_open(users=user))["channel"]["id"])
        except (SlackApiError, KeyError, TypeError) as e:
            _log.warning("cannot open a DM with %s: %s", user, e)
            return None

    async def _post(self, channel: str, reply: Reply) -> str | None:
        try:
            response = await self.client.chat_postMessage(channel=channel, **reply.message())
            return str(response["ts"])
        except (SlackApiError, KeyError) as e:
            _log.warning("chat.postMessage to %s failed: %s", channel, e)
            return None

    async def _update(self, channel: str, ts: str | None, reply: Reply) -> None:
        if ts is None:
            await self._post(channel, reply)
            return
        try:
            await self.client.chat_update(channel=channel, ts=ts, **reply.message())
        except SlackApiError as e:
            _log.warning("chat.update in %s failed: %s", channel, e.response.get("error"))


def register(app: AsyncApp, ctx: AppContext) -> None:
    """Plug into the Slack app (bot.app EXTENSIONS): `/factbot reload`, files shared in DMs, SIGHUP."""
    reloader = Reloader(ctx.settings, ctx.holder, ctx.state, ctx.client)
    _RELOADERS[app] = reloader

    async def reload_subcommand(ctx: AppContext, request: SlashRequest) -> None:
        async def respond(**message: Any) -> None:
            await ctx.respond(request.response_url, message)
        await reloader.reload_command(request.user_id, respond=respond)

    async def sighup(ctx: AppContext) -> None:
        if install_sighup(reloader, lambda work: ctx.spawn(work, name="reload")):
            _log.info("kill -HUP %d reloads the knowledge base", os.getpid())

    ctx.subcommands["reload"] = reload_subcommand
    ctx.on_startup.append(sighup)
    app.event("file_shared")(_file_shared_listener(ctx, reloader))


def reloader_of(app: AsyncApp) -> Reloader:
    """The Reloader that `register` made for `app`."""
    return _RELOADERS[app]


def install_sighup(reloader: Reloader, spawn: Callable[[Coroutine[Any, Any, Any]], Any],
                   loop: asyncio.AbstractEventLoop | None = None) -> bool:
    """Reload on SIGHUP (`kill -HUP <pid>`); False where the platform has no SIGHUP or loop signals.

    `spawn` runs the reload in the background (the app's `AppContext.spawn`, so shutdown waits for it).
    """
    loop = loop or asyncio.get_running_loop()
    if not hasattr(signal, "SIGHUP"):
        return False
    try:
        loop.add_signal_handler(signal.SIGHUP, lambda: spawn(reloader.reload_on_signal()))
    except (NotImplementedError, RuntimeError, ValueError):
        return False
    return True


def _file_shared_listener(ctx: AppContext, reloader: Reloader) -> Callable[..., Awaitable[None]]:
    async def listener(event: dict[str, Any], context: AsyncBoltContext) -> None:
        user, channel = str(event.get("user_id") or ""), str(event.get("channel_id") or "")
        file_id = str(event.get("file_id") or (event.get("file") or {}).get("id") or "")
        # documents are taken only from a person's direct message with the bot
        if not (user and file_id and channel.startswith("D")) or user == context.bot_user_id:
            return
        if not reloader.first_delivery(file_id):
            return
        ctx.spawn(_take_shared_file(reloader, file_id, user=user, channel=channel), name="upload",
                  apologise=_apology_in(reloader, channel))
    return listener


async def _take_shared_file(reloader: Reloader, file_id: str, *, user: str, channel: str) -> None:
    info = await reloader.client.files_info(file=file_id)
    await reloader.shared_files([info["file"]], user=user, channel=channel)


def _apology_in(reloader: Reloader, channel: str) -> Callable[[str], Awaitable[Any]]:
    async def apologise(ref: str) -> None:
        await reloader.client.chat_postMessage(channel=channel, text=messages.APOLOGY.format(ref=ref))
    return apologise


class _Progress:
    """What the build thread is doing, read by the progress ticker on the event loop."""

    def __init__(self) -> None:
        # one tuple, replaced whole: a reader on another thread never sees half an update
        self.state: tuple[str, int, int, str] = ("starting", 0, 0, "")

    def building(self, done: int, total: int, name: str) -> None:
        self.state = ("building", done, total, name)

    def step(self, step: str) -> None:
        self.state = (step, 0, 0, "")


def _remove(staging: Path) -> None:
    # a file that only looked like SQLite may have made SQLite leave its side files too
    for path in (staging, *(staging.with_name(staging.name + s) for s in ("-wal", "-shm", "-journal"))):
        path.unlink(missing_ok=True)


def _snapshot_or_empty(kb: KnowledgeBase) -> Snapshot:
    # a broken serving knowledge base must not prevent the reload that replaces it
    try:
        return snapshot(kb)
    except (sqlite3.Error, FactbotError) as e:
        _log.warning("the serving knowledge base cannot be read (%s); diffing against nothing", e)
        return Snapshot()


async def _quietly(call: Awaitable[Any]) -> None:
    # a reply that cannot be delivered (expired response_url) must not turn a reload into an error
    try:
        await call
    except Exception as e:  # noqa: BLE001
        _log.warning("could not deliver a reload reply: %s", e)


def _name(file: Mapping[str, Any]) -> str:
    return str(file.get("name") or file.get("title") or file.get("id") or "?")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


_RELOADERS: WeakKeyDictionary[AsyncApp, Reloader] = WeakKeyDictionary()
