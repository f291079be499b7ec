"""`factbot serve`: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on $PORT.

HTTP routes: `POST /slack/events` (every Slack request, signature-verified by Bolt), `GET /healthz`
(the process is alive) and `GET /readyz` (the knowledge base is loaded and answers). In Socket
Mode the two health routes are still served on $PORT.

Start-up order: settings checked (a clear message and exit 2 when something is missing), the
knowledge base and state database opened, the app created (extensions registered), the server
listening, then `ctx.on_startup` hooks (plus `on_startup` given to `run_server`). SIGTERM/SIGINT:
stop accepting requests, let in-flight answers finish, run `ctx.on_shutdown` hooks, exit 0.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp

from bot.app import AppContext, Hook, app_context, create_app
from bot.config import Settings
from bot.logs import configure_logging, request_scope
from bot.state import StateDB
from knowledge.errors import FactbotError
from knowledge.holder import KnowledgeHolder

__all__ = ["SLACK_PATH", "LateApp", "late_web_app", "run_server", "start_http", "web_app"]

SLACK_PATH = "/slack/events"
SHUTDOWN_SECONDS = 10.0

log = logging.getLogger(__name__)


def run_server(settings: Settings, *, on_startup: Sequence[Hook] = (),
               prepare: Callable[[], object] | None = None) -> int:
    """Run the Slack app until SIGTERM/SIGINT; returns the exit status (2 for configuration problems).

    `prepare` (building the knowledge base, say) runs in a thread while /healthz already answers
    and /readyz says 503.
    """
    problems = settings.slack_problems()
    if problems:
        print("factbot serve: cannot start the Slack app:\n" + "\n".join(f"  - {p}" for p in problems),
              file=sys.stderr)
        return 2
    configure_logging(secrets=(settings.bot_token, settings.signing_secret, settings.app_token))
    try:
        return asyncio.run(_serve(settings, on_startup, prepare))
    except FactbotError as e:
        print(f"factbot serve: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def web_app(app: AsyncApp, *, slack_events: bool = True) -> web.Application:
    """The aiohttp application: Slack requests (unless Socket Mode), /healthz and /readyz."""
    app_context(app)  # fails now, not at the first request, if the app was not made by create_app
    return late_web_app(LateApp(app), slack_events=slack_events)


async def start_http(app: AsyncApp, *, host: str = "0.0.0.0", port: int = 3000,
                     slack_events: bool = True) -> tuple[web.AppRunner, int]:
    """Start serving `web_app(app)`; returns the runner (call `cleanup()` to stop) and the bound port."""
    return await _listen(web_app(app, slack_events=slack_events), host, port)


async def _serve(settings: Settings, on_startup: Sequence[Hook], prepare: Callable[[], object] | None) -> int:
    socket_mode = bool(settings.app_token)
    # listening first: a platform's health check sees the process alive (and not ready) while the KB loads
    slot = LateApp()
    runner, port = await _listen(late_web_app(slot, slack_events=not socket_mode), "0.0.0.0", settings.port)
    if prepare is not None:
        await asyncio.to_thread(prepare)
    holder = await asyncio.to_thread(KnowledgeHolder.open, settings.db_path)
    state = StateDB(settings.state_db_path)
    app = create_app(settings, holder, state=state)
    ctx = app_context(app)
    ctx.on_startup.extend(on_startup)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    slot.app = app
    handler = await _connect_socket_mode(app, ctx) if socket_mode else None
    log.info("factbot is serving (%s, port %d)", "Socket Mode" if socket_mode else f"HTTP {SLACK_PATH}", port)
    try:
        await ctx.startup()
        await stop.wait()
    finally:
        log.info("shutting down: finishing %d answers", len(ctx.tasks))
        if handler is not None:
            await handler.close_async()
        await runner.cleanup()
        await ctx.shutdown(SHUTDOWN_SECONDS)
        state.close()
    return 0


class LateApp:
    """The Bolt app once it exists: the server listens before the knowledge base is loaded."""

    def __init__(self, app: AsyncApp | None = None) -> None:
        self.app = app


def late_web_app(slot: LateApp, *, slack_events: bool = True) -> web.Application:
    """The aiohttp application for an app that may still be loading: /readyz and Slack requests 503 until `slot.app`."""
    async def readyz(request: web.Request) -> web.Response:
        if slot.app is None:
            return web.json_response({"ready": False, "loading": True}, status=503)
        return await _readyz(app_context(slot.app))(request)  # type: ignore[no-any-return]

    async def events(request: web.Request) -> web.Response:
        if slot.app is None:  # Slack retries a request that got a 5xx
            return web.json_response({"ready": False, "loading": True}, status=503)
        return await _slack_events(slot.app)(request)  # type: ignore[no-any-return]

    routes = [web.get("/healthz", _healthz), web.get("/readyz", readyz)]
    if slack_events:
        routes.append(web.post(SLACK_PATH, events))
    application = web.Application()
    application.add_routes(routes)
    return application


async def _listen(application: web.Application, host: str, port: int) -> tuple[web.AppRunner, int]:
    runner = web.AppRunner(application, access_log=None, shutdown_timeout=SHUTDOWN_SECONDS)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    bound = runner.addresses[0][1] if runner.addresses else port
    return runner, int(bound)


async def _connect_socket_mode(app: AsyncApp, ctx: AppContext) -> Any:
    from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler

    handler = AsyncSocketModeHandler(app, ctx.settings.app_token, web_client=ctx.client)
    await handler.connect_async()  # type: ignore[no-untyped-call]
    return handler


def _slack_events(app: AsyncApp) -> Any:
    async def handle(request: web.Request) -> web.Response:
        with request_scope():
            bolt_response = await app.async_dispatch(await to_bolt_request(request))
            return await to_aiohttp_response(bolt_response)
    return handle


async def _healthz(request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


def _readyz(ctx: AppContext) -> Any:
    async def handle(request: web.Request) -> web.Response:
        try:
            counts = await asyncio.to_thread(ctx.holder.current.counts)
        except Exception as e:  # a broken knowledge base is "not ready", never a crash
            return web.json_response({"ready": False, "error": type(e).__name__}, status=503)
        ready = counts["documents"] > 0
        return web.json_response({"ready": ready, "documents": counts["documents"],
                                  "generation": ctx.holder.generation}, status=200 if ready else 503)
    return handle
