"""`factbot serve` with SLACK_APP_TOKEN: Socket Mode through SLACK_API_URL, acks envelopes, answers."""

from __future__ import annotations

import asyncio
import json
import signal
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import WSMsgType, web

from tests.bot.conftest import BOT_TOKEN
from tests.bot.slack_stand_in import TEAM_ID, SlackStandIn
from tests.bot.test_server import start_serve, wait_until_healthy

APP_TOKEN = "xapp-1-A0TEST-1234-socketmodetoken"


class SocketSlack(SlackStandIn):
    """The stand-in plus a Socket Mode websocket that apps.connections.open points to."""

    ws_url: str = ""

    def _answer(self, method: str, payload: dict[str, Any]) -> dict[str, Any]:
        if method == "apps.connections.open":
            return {"ok": True, "url": self.ws_url}
        return super()._answer(method, payload)


@pytest.fixture
async def socket_server() -> AsyncIterator[tuple[str, asyncio.Queue[web.WebSocketResponse], list[dict[str, Any]]]]:
    connected: asyncio.Queue[web.WebSocketResponse] = asyncio.Queue()
    received: list[dict[str, Any]] = []

    async def link(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"type": "hello", "num_connections": 1})
        await connected.put(ws)
        async for msg in ws:
            if msg.type == WSMsgType.TEXT:
                received.append(json.loads(msg.data))
        return ws

    app = web.Application()
    app.add_routes([web.get("/link", link)])
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"ws://127.0.0.1:{runner.addresses[0][1]}/link", connected, received
    await runner.cleanup()


async def test_socket_mode_acks_and_answers(tmp_path: Path, docs_dir: Path, kb_path: Path,
                                            socket_server: tuple[str, Any, list[dict[str, Any]]]) -> None:
    ws_url, connected, received = socket_server
    slack = SocketSlack()
    slack.ws_url = ws_url
    await slack.start()
    process, url = await start_serve(tmp_path, docs_dir, kb_path, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_APP_TOKEN=APP_TOKEN,
                                     SLACK_API_URL=slack.api_url)
    try:
        await wait_until_healthy(url, process)
        ws = await asyncio.wait_for(connected.get(), timeout=15)
        [opened] = slack.calls_to("apps.connections.open")
        assert opened.headers["Authorization"] == f"Bearer {APP_TOKEN}"
        command = {"team_id": TEAM_ID, "channel_id": "CGENERAL1", "user_id": "UASKER01", "command": "/events",
                   "text": "conference", "response_url": slack.response_url("sock1"), "trigger_id": "t1"}
        await ws.send_json({"envelope_id": "env-1", "type": "slash_commands", "accepts_response_payload": True,
                            "payload": command})
        [answer] = await slack.wait_for("response_url", timeout=10)
        assert answer.payload["response_type"] == "ephemeral" and answer.payload["blocks"]
        assert "Sorry" not in answer.payload["text"]
        assert any(r.get("envelope_id") == "env-1" for r in received)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(process.communicate(), timeout=20)
        await slack.stop()
    assert process.returncode == 0, err.decode()[-2000:]
    assert APP_TOKEN not in err.decode() and BOT_TOKEN not in err.decode()
