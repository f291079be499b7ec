"""A local Slack for tests and benchmarks: a recording Web API stand-in and a signed-request sender.

`SlackStandIn` is an aiohttp server on 127.0.0.1 (port 0) that answers Web API methods like Slack
(`{"ok": true, ...}`), serves `response_url` posts and shared files' private URLs
(`share_file`), records every call, and fails on demand
(`fail("chat.postMessage", status=429, headers={"Retry-After": "1"})`). `SlackSender` sends
correctly signed slash commands, events and button clicks to the app under test.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import aiohttp
from aiohttp import web

__all__ = ["BOT_ID", "BOT_USER_ID", "TEAM_ID", "Call", "SlackSender", "SlackStandIn", "sign"]

BOT_USER_ID = "UBOT0001"
BOT_ID = "BBOT0001"
TEAM_ID = "T0TEST01"


@dataclass(frozen=True)
class Call:
    """One request the stand-in received: Web API method (or `response_url`), payload and headers."""

    method: str
    payload: dict[str, Any]
    headers: Mapping[str, str]
    path: str
    at: float


@dataclass
class _Failure:
    status: int
    headers: dict[str, str]
    body: dict[str, Any] | str
    disconnect: bool = False


@dataclass
class SlackStandIn:
    """The Slack Web API and response_url endpoints, on 127.0.0.1, recording every call."""

    admins: set[str] = field(default_factory=set)
    calls: list[Call] = field(default_factory=list)
    _failures: dict[str, deque[_Failure]] = field(default_factory=dict)
    _runner: web.AppRunner | None = None
    _port: int = 0
    _ts: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _changed: asyncio.Event | None = None
    _files: dict[str, tuple[dict[str, Any], bytes, str]] = field(default_factory=dict)

    async def start(self) -> SlackStandIn:
        app = web.Application()
        app.add_routes([web.post("/api/{method}", self._api), web.get("/api/{method}", self._api),
                        web.post("/response/{name}", self._response),
                        web.get("/files-pri/{file_id}/{name}", self._download)])
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = self._runner.addresses[0][1]
        self._changed = asyncio.Event()
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.base_url}/response/{name}"

    def fail(self, method: str, *, status: int = 500, times: int = 1, headers: Mapping[str, str] | None = None,
             error: str | None = None, disconnect: bool = False) -> None:
        """The next `times` calls of `method` ("response_url", "file_download") fail.

        An HTTP status, ok=false with `error`, or (`disconnect`) the connection closed with no response at all.
        """
        body: dict[str, Any] | str = {"ok": False, "error": error} if error else "server error"
        queue = self._failures.setdefault(method, deque())
        for _ in range(times):
            queue.append(_Failure(status=200 if error else status, headers=dict(headers or {}), body=body,
                                  disconnect=disconnect))

    def share_file(self, file_id: str, name: str, content: bytes, *, content_type: str = "text/plain",
                   **extra: Any) -> dict[str, Any]:
        """A file as Slack describes it (files.info), downloadable from its url_private with a bot token."""
        url = f"{self.base_url}/files-pri/{TEAM_ID}-{file_id}/download"
        info = {"id": file_id, "name": name, "title": name, "mimetype": content_type, "size": len(content),
                "mode": "hosted", "is_external": False, "url_private": url, "url_private_download": url, **extra}
        self._files[file_id] = (info, content, content_type)
        return info

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def wait_for(self, method: str, count: int = 1, *, timeout: float = 5.0,
                       where: Callable[[Call], bool] | None = None) -> list[Call]:
        """The calls of `method` once there are at least `count` (matching `where`); fails after `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            found = [c for c in self.calls_to(method) if where is None or where(c)]
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} call(s) to {method}, got {len(found)}: "
                                     f"{[c.method for c in self.calls]}")
            await asyncio.sleep(0.01)

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        payload = await _payload(request)
        self._record(method, payload, request)
        failed = self._failure(method, request)
        if failed is not None:
            return failed
        return web.json_response(self._answer(method, payload))

    async def _download(self, request: web.Request) -> web.Response:
        self._record("file_download", {}, request)
        failed = self._failure("file_download", request)
        if failed is not None:
            return failed
        file_id = request.match_info["file_id"].removeprefix(f"{TEAM_ID}-")
        if not request.headers.get("Authorization", "").startswith("Bearer xoxb-"):
            # what Slack does without a token: a sign-in web page, status 200
            return web.Response(text="<!DOCTYPE html><html><body>Sign in to Slack</body></html>",
                                content_type="text/html")
        if file_id not in self._files:
            return web.Response(status=404, text="not found")
        _, content, content_type = self._files[file_id]
        return web.Response(body=content, content_type=content_type)

    async def _response(self, request: web.Request) -> web.Response:
        self._record("response_url", await _payload(request), request)
        failed = self._failure("response_url", request)
        return failed if failed is not None else web.Response(text="ok")

    def _record(self, method: str, payload: dict[str, Any], request: web.Request) -> None:
        self.calls.append(Call(method=method, payload=payload, headers=dict(request.headers), path=request.path,
                               at=time.monotonic()))

    def _failure(self, method: str, request: web.Request) -> web.Response | None:
        queue = self._failures.get(method)
        if not queue:
            return None
        f = queue.popleft()
        if f.disconnect and request.transport is not None:
            request.transport.abort()  # the client sees the connection drop before any response
        if isinstance(f.body, dict):
            return web.json_response(f.body, status=f.status, headers=f.headers)
        return web.Response(text=f.body, status=f.status, headers=f.headers)

    def _answer(self, method: str, payload: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {"ok": True, "url": "https://test.slack.com/", "team": "Test", "user": "factbot",
                    "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID, "is_enterprise_install": False}
        if method in ("chat.postMessage", "chat.update", "chat.postEphemeral"):
            ts = payload.get("ts") or f"{1700000000 + next(self._ts)}.000100"
            return {"ok": True, "channel": payload.get("channel"), "ts": ts,
                    "message": {"text": payload.get("text"), "ts": ts, "bot_id": BOT_ID}}
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(payload.get("users", "UNKNOWN")).split(",")[0][1:]}}
        if method == "files.info":
            shared = self._files.get(str(payload.get("file", "")))
            return {"ok": True, "file": shared[0]} if shared else {"ok": False, "error": "file_not_found"}
        if method == "users.info":
            user = str(payload.get("user", ""))
            return {"ok": True, "user": {"id": user, "is_admin": user in self.admins, "is_owner": False}}
        return {"ok": True}


class SlackSender:
    """Sends requests to the app as Slack does: form-encoded or JSON, signed with the signing secret."""

    def __init__(self, url: str, secret: str, stand_in: SlackStandIn) -> None:
        self.url = url
        self.secret = secret
        self.stand_in = stand_in
        self._ids = itertools.count(1)

    async def command(self, command: str, text: str = "", *, user: str = "UASKER01", channel: str = "CGENERAL1",
                      response_url: str | None = None) -> aiohttp.ClientResponse:
        n = next(self._ids)
        form = {"token": "legacy", "team_id": TEAM_ID, "channel_id": channel, "channel_name": "general",
                "user_id": user, "user_name": "asker", "command": command, "text": text,
                "response_url": response_url or self.stand_in.response_url(f"cmd{n}"), "trigger_id": f"trig{n}"}
        return await self.post(urlencode(form), "application/x-www-form-urlencoded")

    async def event(self, event: Mapping[str, Any], *, event_id: str | None = None,
                    retry_num: int | None = None) -> aiohttp.ClientResponse:
        body = {"token": "legacy", "team_id": TEAM_ID, "api_app_id": "AFACTBOT", "type": "event_callback",
                "event_id": event_id or f"Ev{next(self._ids):08d}", "event_time": int(time.time()),
                "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
                "event": dict(event)}
        headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"} if retry_num else {}
        return await self.post(json.dumps(body), "application/json", headers=headers)

    async def action(self, action_id: str, value: str, *, user: str = "UASKER01", channel: str = "CGENERAL1",
                     response_url: str | None = None, message: Mapping[str, Any] | None = None,
                     ephemeral: bool = True) -> aiohttp.ClientResponse:
        container: dict[str, Any] = {"type": "message", "channel_id": channel, "is_ephemeral": ephemeral,
                                     "message_ts": (message or {}).get("ts", "1700000000.000001")}
        if message and message.get("thread_ts"):
            container["thread_ts"] = message["thread_ts"]
        payload: dict[str, Any] = {
            "type": "block_actions", "team": {"id": TEAM_ID}, "user": {"id": user, "team_id": TEAM_ID},
            "api_app_id": "AFACTBOT", "token": "legacy", "container": container, "trigger_id": "trig",
            "channel": {"id": channel, "name": "general"},
            "response_url": response_url or self.stand_in.response_url(f"act{next(self._ids)}"),
            "actions": [{"action_id": action_id, "block_id": "factbot_answer", "value": value, "type": "button",
                         "action_ts": str(time.time())}]}
        if message is not None:
            payload["message"] = dict(message)
        return await self.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

    async def post(self, body: str, content_type: str, *, timestamp: int | None = None, secret: str | None = None,
                   headers: Mapping[str, str] | None = None) -> aiohttp.ClientResponse:
        ts = int(time.time()) if timestamp is None else timestamp
        all_headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": str(ts),
                       "X-Slack-Signature": sign(secret or self.secret, ts, body), **(headers or {})}
        async with aiohttp.ClientSession() as session, session.post(self.url, data=body.encode(),
                                                                    headers=all_headers) as response:
            await response.read()
            return response


def sign(secret: str, timestamp: int, body: str) -> str:
    """Slack's request signature: v0=HMAC-SHA256(secret, "v0:{timestamp}:{body}")."""
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return f"v0={digest}"


async def _payload(request: web.Request) -> dict[str, Any]:
    # slack_sdk sends some methods' arguments in the query string (GET, and POST with `params`)
    query = dict(request.query)
    if request.method == "GET":
        return query
    if request.content_type == "application/json":
        data = await request.json()
        return query | (dict(data) if isinstance(data, dict) else {"_": data})
    form = await request.post()
    return query | {k: (json.loads(str(v)) if k in ("blocks", "view") and str(v).startswith(("[", "{")) else str(v))
                    for k, v in form.items()}
