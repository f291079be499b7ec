"""`factbot serve`: configuration checked up front, the real process serving HTTP and stopping cleanly."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from bot.config import Settings
from bot.server import SLACK_PATH, run_server
from tests.bot.conftest import BOT_TOKEN, SIGNING_SECRET
from tests.bot.slack_stand_in import SlackSender, SlackStandIn

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("bot_token", "secret", "app_token", "says"), [
    ("", SIGNING_SECRET, "", "SLACK_BOT_TOKEN is not set"),
    ("xoxp-user-token", SIGNING_SECRET, "", "SLACK_BOT_TOKEN should start with xoxb-"),
    (BOT_TOKEN, "", "", "SLACK_SIGNING_SECRET is not set"),
    (BOT_TOKEN, "", "xoxb-not-an-app-token", "SLACK_APP_TOKEN should start with xapp-"),
])
def test_config_problems_exit_2_with_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     bot_token: str, secret: str, app_token: str, says: str) -> None:
    settings = Settings(docs_dir=tmp_path, db_path=tmp_path / "kb.db", state_db_path=tmp_path / "state.db",
                        bot_token=bot_token, signing_secret=secret, app_token=app_token)
    assert run_server(settings) == 2
    err = capsys.readouterr().err
    assert says in err
    assert BOT_TOKEN not in err


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def wait_until_healthy(url: str, process: asyncio.subprocess.Process, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            if process.returncode is not None:
                raise AssertionError(f"factbot serve exited with {process.returncode}")
            try:
                async with session.get(url + "/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientConnectionError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError("factbot serve did not come up")


async def wait_until_ready(url: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            async with session.get(url + "/readyz") as response:
                if response.status == 200:
                    assert (await response.json())["ready"] is True
                    return
                assert response.status == 503
            await asyncio.sleep(0.1)
    raise AssertionError("factbot serve did not become ready")


async def start_serve(tmp_path: Path, docs_dir: Path, kb_path: Path,
                      **settings: str) -> tuple[asyncio.subprocess.Process, str]:
    """`factbot serve` as a real process on a free port; returns it and its base URL."""
    port = free_port()
    env = {**os.environ, "PORT": str(port), "FACTBOT_STATE_DB": str(tmp_path / "state.db"), "PYTHONPATH": str(ROOT),
           **settings}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "serve", "--docs", str(docs_dir), "--db", str(kb_path), cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    return process, f"http://127.0.0.1:{port}"


async def test_serve_answers_over_http_and_stops_on_sigterm(tmp_path: Path, docs_dir: Path, kb_path: Path,
                                                            slack: SlackStandIn) -> None:
    process, url = await start_serve(tmp_path, docs_dir, kb_path, SLACK_BOT_TOKEN=BOT_TOKEN,
                                     SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_API_URL=slack.api_url)
    try:
        await wait_until_healthy(url, process)
        await wait_until_ready(url)  # /healthz answers at once; /readyz once the knowledge base is open
        sender = SlackSender(url + SLACK_PATH, SIGNING_SECRET, slack)
        assert (await sender.command("/events", "conference")).status == 200
        [answer] = await slack.wait_for("response_url", timeout=10)
        assert answer.payload["response_type"] == "ephemeral"
        assert "Sorry" not in answer.payload["text"] and answer.payload["blocks"]
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(process.communicate(), timeout=20)
    assert process.returncode == 0, err.decode()[-2000:]
    assert BOT_TOKEN not in err.decode() and SIGNING_SECRET not in err.decode()
