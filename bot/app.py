"""The Slack app: `create_app` builds a Bolt AsyncApp whose listeners share one `AppContext`.

Listeners acknowledge at once and do the work after the ack in tasks that `AppContext.spawn`
tracks (so shutdown can await them) and guards (an exception gives the user a short apology
with a reference id and the log the details). Blocking work (SQLite, search) runs in threads.

Extension points, for features built on this app (digest, reload, ...):

- `EXTENSIONS`: create_app imports each of these modules when it exists and calls its
  `register(app: AsyncApp, ctx: AppContext) -> None`, where it can add Bolt listeners
  (`@app.event("file_shared")`, ...), `/factbot` subcommands and startup/shutdown hooks.
- `ctx.subcommands["digest"] = handler`: `/factbot digest` (and any other subcommand name)
  calls `await handler(ctx, request: SlashRequest)` after the ack; reply with
  `await ctx.respond(request.response_url, reply.message())` or through `ctx.client`.
  Unregistered `digest`/`reload` get "not available yet".
- `ctx.on_startup` / `ctx.on_shutdown`: `async (ctx) -> None` callables that `bot.server` runs
  once the server is listening (start a scheduler, install a SIGHUP handler) and when it stops.
  They run one after the other, so a hook that runs for long starts a task and returns.
- `ctx.spawn(coro, apologise=...)`: run work after an ack, tracked and guarded.
- `ctx.holder.current`: take it once per request; `ctx.state`: the shared state database.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import random
import secrets
import time
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from slack_bolt.async_app import AsyncApp
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.config import Settings
from bot.logs import REQUEST_ID, new_reference, request_scope
from bot.state import StateDB
from handlers.feedback import DDL as FEEDBACK_DDL
from knowledge.holder import KnowledgeHolder

__all__ = [
    "EXTENSIONS",
    "AppContext",
    "Hook",
    "SlashRequest",
    "Subcommand",
    "app_context",
    "create_app",
    "retry_after",
    "retry_handlers",
    "web_client",
]

EXTENSIONS = ("bot.scheduler", "bot.reloader")
MAX_RETRIES = 2
MAX_RETRY_AFTER = 30.0  # seconds; a longer Retry-After is capped so an answer is never held for minutes
HTTP_TIMEOUT = 15
RETRY_BACKOFF = 0.25  # seconds before the first retry of a 5xx or a dropped connection; doubles each time

log = logging.getLogger(__name__)

Hook = Callable[["AppContext"], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class SlashRequest:
    """A slash command as the listeners and extensions see it."""

    command: str
    text: str
    user_id: str
    channel_id: str
    response_url: str
    team_id: str = ""
    trigger_id: str = ""

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> SlashRequest:
        return cls(command=str(payload.get("command", "")), text=str(payload.get("text", "")),
                   user_id=str(payload.get("user_id", "")), channel_id=str(payload.get("channel_id", "")),
                   response_url=str(payload.get("response_url", "")), team_id=str(payload.get("team_id", "")),
                   trigger_id=str(payload.get("trigger_id", "")))


Subcommand = Callable[["AppContext", SlashRequest], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class AppContext:
    """Everything the listeners need: settings, the serving knowledge base, state, the Web API client."""

    settings: Settings
    holder: KnowledgeHolder
    state: StateDB
    client: AsyncWebClient
    subcommands: dict[str, Subcommand] = field(default_factory=dict)
    on_startup: list[Hook] = field(default_factory=list)
    on_shutdown: list[Hook] = field(default_factory=list)
    tasks: set[asyncio.Task[None]] = field(default_factory=set)

    def spawn(self, work: Coroutine[Any, Any, None], *, name: str = "answer",
              apologise: Callable[[str], Awaitable[Any]] | None = None) -> asyncio.Task[None]:
        """Run `work` after the ack: tracked for shutdown; a failure is logged and apologised for."""
        task = asyncio.create_task(self._guard(work, name, apologise), name=name)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    async def drain(self, timeout: float = 10.0) -> int:
        """Wait (at most `timeout` s) for spawned work to finish; returns how many were still running."""
        pending = {t for t in self.tasks if not t.done()}
        if not pending:
            return 0
        _, still = await asyncio.wait(pending, timeout=timeout)
        return len(still)

    async def respond(self, response_url: str, message: Mapping[str, Any]) -> bool:
        """POST `message` to a response_url, retried like every Web API call; False when it failed."""
        # 5xx are retried by the loop below, not by the client: slack_sdk 3.48 started applying a server-error
        # handler to webhooks too, and both at once would try MAX_RETRIES² times.
        handlers = [h for h in retry_handlers() if not isinstance(h, AsyncServerErrorRetryHandler)]
        hook = AsyncWebhookClient(url=response_url, timeout=HTTP_TIMEOUT, retry_handlers=handlers)
        for attempt in range(MAX_RETRIES + 1):
            response = await hook.send_dict(dict(message))
            if response.status_code < 500 or attempt == MAX_RETRIES:
                break
            await asyncio.sleep(RETRY_BACKOFF * 2**attempt + random.random() / 10)
        if response.status_code != 200:
            log.warning("response_url answered %s: %s", response.status_code, str(response.body)[:200])
            return False
        return True

    async def startup(self) -> None:
        for hook in list(self.on_startup):
            await hook(self)

    async def shutdown(self, timeout: float = 10.0) -> None:
        left = await self.drain(timeout)
        if left:
            log.warning("%d answers still running at shutdown", left)
        for hook in list(self.on_shutdown):
            try:
                await hook(self)
            except Exception:
                log.exception("a shutdown hook failed")

    async def _guard(self, work: Coroutine[Any, Any, None], name: str,
                     apologise: Callable[[str], Awaitable[Any]] | None) -> None:
        # the Slack request's id when there is one (HTTP), so its ack and its answer share it
        current = REQUEST_ID.get()
        with request_scope(None if current == "-" else current) as request_id:
            started = time.perf_counter()
            try:
                await work
                log.info("%s done in %.0f ms", name, (time.perf_counter() - started) * 1000)
            except Exception:
                ref = new_reference()
                log.exception("%s failed (reference %s, request %s)", name, ref, request_id)
                if apologise is not None:
                    await self._apologise(apologise, ref)

    async def _apologise(self, apologise: Callable[[str], Awaitable[Any]], ref: str) -> None:
        try:
            await apologise(ref)
        except Exception:
            log.exception("could not deliver the apology for reference %s", ref)


def create_app(settings: Settings, holder: KnowledgeHolder, *, client: AsyncWebClient | None = None,
               state: StateDB | None = None) -> AsyncApp:
    """The Bolt app with every factbot listener; signature verification is always on.

    `client` defaults to `web_client(settings)`; `state` to the state database at
    `settings.state_db_path`. The AppContext is available as `app_context(app)`.
    """
    from bot.home import register_home
    from bot.listeners import register_listeners

    client = client or web_client(settings)
    state = state or StateDB(settings.state_db_path)
    state.ensure(*FEEDBACK_DDL)
    # Socket Mode needs no signing secret; a random one still refuses every HTTP request.
    app = AsyncApp(client=client, signing_secret=settings.signing_secret or secrets.token_hex(32),
                   request_verification_enabled=True, logger=logging.getLogger("bot.bolt"))
    ctx = AppContext(settings=settings, holder=holder, state=state, client=client)
    _CONTEXTS[app] = ctx
    register_listeners(app, ctx)
    register_home(app, ctx)
    for name in EXTENSIONS:
        _register_extension(name, app, ctx)
    return app


def app_context(app: AsyncApp) -> AppContext:
    """The AppContext that `create_app` made for `app`."""
    return _CONTEXTS[app]


def web_client(settings: Settings) -> AsyncWebClient:
    """A Web API client for SLACK_API_URL with bounded retries on 429, 5xx and connection errors."""
    return AsyncWebClient(token=settings.bot_token, base_url=settings.api_url, timeout=HTTP_TIMEOUT,
                          retry_handlers=retry_handlers())


def retry_after(headers: Mapping[str, Any]) -> float:
    """Seconds a 429's Retry-After header asks for, capped at MAX_RETRY_AFTER; 1 when absent or unreadable."""
    for key, value in headers.items():
        if key.lower() == "retry-after":
            raw = value[0] if isinstance(value, list | tuple) else value
            try:
                return min(MAX_RETRY_AFTER, max(0.0, float(raw)))
            except (TypeError, ValueError):
                return 1.0
    return 1.0


def retry_handlers(max_retries: int = MAX_RETRIES) -> list[AsyncRetryHandler]:
    """Fresh retry handlers (they keep no state, but lists are shared by reference)."""
    backoff = BackoffRetryIntervalCalculator(backoff_factor=RETRY_BACKOFF)
    return [AsyncConnectionErrorRetryHandler(max_retry_count=max_retries, interval_calculator=backoff),
            _RateLimitRetry(max_retry_count=max_retries),
            _ServerErrorRetry(max_retry_count=max_retries, interval_calculator=backoff)]


class _RateLimitRetry(AsyncRateLimitErrorRetryHandler):
    """429: wait what Retry-After says (capped), then try again."""

    async def prepare_for_next_attempt_async(self, *, state: RetryState, request: HttpRequest,
                                             response: HttpResponse | None = None,
                                             error: Exception | None = None) -> None:
        if response is None:
            raise error or RuntimeError("rate limited without a response")
        state.next_attempt_requested = True
        await asyncio.sleep(retry_after(response.headers) + random.random() / 10)
        state.increment_current_attempt()


class _ServerErrorRetry(AsyncServerErrorRetryHandler):
    """Any 5xx is worth another try (the built-in handler only retries 500 and 503)."""

    async def _can_retry_async(self, *, state: RetryState, request: HttpRequest,
                               response: HttpResponse | None = None, error: Exception | None = None) -> bool:
        return response is not None and 500 <= response.status_code < 600


def _register_extension(name: str, app: AsyncApp, ctx: AppContext) -> None:
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as e:
        if e.name == name:  # not written yet: the feature is simply absent
            return
        raise
    register = getattr(module, "register", None)
    if callable(register):
        register(app, ctx)


_CONTEXTS: WeakKeyDictionary[AsyncApp, AppContext] = WeakKeyDictionary()
