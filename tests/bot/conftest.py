"""The real Bolt app over HTTP on 127.0.0.1, talking to a recording Slack Web API stand-in."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from slack_bolt.async_app import AsyncApp

from bot.app import AppContext, app_context, create_app
from bot.config import Settings
from bot.server import SLACK_PATH, start_http
from knowledge.holder import KnowledgeHolder
from knowledge.store import build_knowledge_base
from tests.bot.slack_stand_in import SlackSender, SlackStandIn

BOT_TOKEN = "xoxb-111-222-testtokenvalue"
SIGNING_SECRET = "test-signing-secret-0123456789"

# A bulletin written for these tests: mrkdwn control characters and a would-be ping in the text.
HOSTILE_DOC = """Regional Bulletin on Victim Assistance
Date: 2019-03-14

1. The Ministry announced that <!channel> funding & support for the <http://evil.example|shelter network>
will be extended; the foundation pledged EUR 250,000 per year for the shelter network in 2019.

2. Questions about the shelter network go to the coordination office <@U999EVIL> at
shelter-desk@example.org or +33 1 23 45 67 89.
"""


@dataclass
class Bot:
    """The app under test: its URL, Bolt app, context, the stand-in and a signed-request sender."""

    url: str
    app: AsyncApp
    ctx: AppContext
    slack: SlackStandIn
    send: SlackSender


@pytest.fixture(scope="session")
def docs_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled documents plus one hostile bulletin, in a folder of their own."""
    folder = tmp_path_factory.mktemp("docs")
    for doc in (Path(__file__).resolve().parents[2] / "knowledge" / "corpus").iterdir():
        shutil.copy(doc, folder / doc.name)
    (folder / "regional-bulletin-2019.txt").write_text(HOSTILE_DOC, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def kb_path(docs_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kb") / "factbot.db"
    build_knowledge_base(docs_dir, path)
    return path


@pytest.fixture
def settings(docs_dir: Path, kb_path: Path, tmp_path: Path, slack: SlackStandIn) -> Settings:
    return Settings(docs_dir=docs_dir, db_path=kb_path, state_db_path=tmp_path / "state.db", bot_token=BOT_TOKEN,
                    signing_secret=SIGNING_SECRET, api_url=slack.api_url)


@pytest.fixture
async def slack() -> AsyncIterator[SlackStandIn]:
    stand_in = await SlackStandIn().start()
    yield stand_in
    await stand_in.stop()


@pytest.fixture
async def bot(settings: Settings, slack: SlackStandIn) -> AsyncIterator[Bot]:
    holder = KnowledgeHolder.open(settings.db_path)
    app = create_app(settings, holder)
    ctx = app_context(app)
    runner, port = await start_http(app, host="127.0.0.1", port=0)
    url = f"http://127.0.0.1:{port}"
    yield Bot(url=url, app=app, ctx=ctx, slack=slack, send=SlackSender(url + SLACK_PATH, SIGNING_SECRET, slack))
    await runner.cleanup()
    await ctx.shutdown(5)
    ctx.state.close()
    holder.current.close()
