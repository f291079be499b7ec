"""Reloading the knowledge base from Slack: admins only, one at a time, old answers until the swap, a diff reply.

Real knowledge bases in tmp_path, the recording Slack stand-in on 127.0.0.1; the only stand-ins
for our own code are build functions that fail on purpose or wait.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib.util
import json
import os
import signal
import threading
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings, bundled_docs
from bot.reloader import Reloader, install_sighup, reloader_of
from bot.state import StateDB
from bot.uploads import UploadRefused, safe_document_name, save_shared_file
from handlers import messages
from knowledge.errors import BuildError
from knowledge.holder import KnowledgeHolder
from knowledge.store import BuildReport, KnowledgeBase, build_knowledge_base
from tests.bot.conftest import BOT_TOKEN, SIGNING_SECRET
from tests.bot.slack_stand_in import SlackStandIn

ADMIN = "UADMIN001"
OTHER = "UOTHER001"
ADMIN_DM = "DADMIN001"

CABLE = ("UNCLAS PARIS 000412\n\nSUBJECT: SHELTER FUNDING FOR TRAFFICKING VICTIMS\n\n"
         "1. The Ministry of Labour granted EUR 240,000 to the shelter network in 2009. The Council of "
         "Europe expert meeting on victim protection took place in Strasbourg on 14 October 2009.\n")
NEWSLETTER = ("Quarterly newsletter, spring 2019\n\nSweden contributed USD 500,000 per year to the regional "
              "victims' fund. A regional conference on shelter standards will be held in Sofia on 3 June 2019.\n")
REPORT = ("Annual report of the shelter network 2018\n\nVictims are granted a reflection period of 30 days "
          "before deciding whether to cooperate with the authorities. The shelter received EUR 75,000.\n")
# the app's answer path needs the search stack; without it the app tests have nothing to start
needs_app = pytest.mark.skipif(importlib.util.find_spec("knowledge.answers") is None,
                               reason="knowledge.answers is not there yet")

UPDATE = ("Shelter update, autumn 2020\n\nThe Ministry of the Interior granted EUR 90,000 to the shelter network "
          "in 2020. The annual shelter coordination meeting was held in Lyon on 12 November 2020.\n")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "cable-2009.txt").write_text(CABLE, encoding="utf-8")
    (folder / "newsletter-2019.md").write_text(NEWSLETTER, encoding="utf-8")
    return folder


@pytest.fixture
def settings(docs: Path, tmp_path: Path, slack: SlackStandIn) -> Settings:
    """Overrides the conftest's: documents and knowledge base of this test only, one admin."""
    db = tmp_path / "kb" / "factbot.db"
    build_knowledge_base(docs, db)
    return Settings(docs_dir=docs, db_path=db, state_db_path=tmp_path / "state.db", bot_token=BOT_TOKEN,
                    signing_secret=SIGNING_SECRET, api_url=slack.api_url, admins=(ADMIN,), max_file_bytes=200_000)


@pytest.fixture
async def reloader(settings: Settings) -> AsyncIterator[Reloader]:
    made = make_reloader(settings)
    yield made
    made.state.close()


def make_reloader(settings: Settings, **options: Any) -> Reloader:
    holder = KnowledgeHolder.open(settings.db_path)
    client = AsyncWebClient(token=settings.bot_token, base_url=settings.api_url)
    return Reloader(settings, holder, StateDB(settings.state_db_path), client, progress_every=0.01, **options)


class Responses:
    """What `respond` (the slash command's response_url) received."""

    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []

    async def __call__(self, **message: Any) -> None:
        self.messages.append(message)

    @property
    def texts(self) -> list[str]:
        return [m["text"] for m in self.messages]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- who may reload -------------------------------------------------------------------------------

@pytest.mark.parametrize(("admins", "workspace_admins", "user", "expected", "asks_slack"), [
    ((ADMIN,), set(), ADMIN, True, False),
    ((ADMIN,), {OTHER}, OTHER, False, False),  # FACTBOT_ADMINS set: workspace roles do not count
    ((), {OTHER}, OTHER, True, True),
    ((), set(), OTHER, False, True),
])
async def test_who_is_an_admin(settings: Settings, slack: SlackStandIn, admins: tuple[str, ...],
                               workspace_admins: set[str], user: str, expected: bool, asks_slack: bool) -> None:
    from dataclasses import replace

    slack.admins = workspace_admins
    reloader = make_reloader(replace(settings, admins=admins))
    assert await reloader.is_admin(user) is expected
    assert await reloader.is_admin(user) is expected  # the second answer comes from the cache
    assert len(slack.calls_to("users.info")) == (1 if asks_slack else 0)


async def test_workspace_owner_is_an_admin_and_a_failed_lookup_is_not(settings: Settings,
                                                                      slack: SlackStandIn) -> None:
    from dataclasses import replace

    reloader = make_reloader(replace(settings, admins=()))
    slack.fail("users.info", error="user_not_found")
    assert await reloader.is_admin("UGHOST001") is False
    slack.admins = set()
    slack.calls.clear()
    assert await reloader.is_admin(OTHER) is False and slack.calls_to("users.info")[0].payload["user"] == OTHER


async def test_a_non_admin_is_refused_politely_and_nothing_is_built(reloader: Reloader, settings: Settings,
                                                                    slack: SlackStandIn) -> None:
    before, generation = sha(settings.db_path), reloader.holder.generation
    responses = Responses()
    outcome = await reloader.reload_command(OTHER, respond=responses)
    assert outcome.outcome == "refused"
    assert responses.texts == [messages.RELOAD_REFUSED]
    assert responses.messages[0]["response_type"] == "ephemeral"
    assert sha(settings.db_path) == before and reloader.holder.generation == generation
    assert not slack.calls_to("chat.postMessage")
    row = reloader.history()[0]
    assert (row["user"], row["via"], row["outcome"]) == (OTHER, "command", "refused")


# -- a reload and its diff ------------------------------------------------------------------------

async def test_reload_swaps_in_the_new_documents_and_reports_the_diff(reloader: Reloader, docs: Path,
                                                                     slack: SlackStandIn) -> None:
    old = reloader.holder.current
    (docs / "report-2018.txt").write_text(REPORT, encoding="utf-8")
    (docs / "cable-2009.txt").write_text(CABLE + "2. A second shelter opened in Lille in 2010.\n", encoding="utf-8")
    (docs / "newsletter-2019.md").unlink()
    responses = Responses()

    outcome = await reloader.reload_command(ADMIN, respond=responses)

    assert outcome.outcome == "ok", outcome.error
    assert outcome.diff is not None
    assert (outcome.diff.added, outcome.diff.removed, outcome.diff.changed) == (
        ("report-2018.txt",), ("newsletter-2019.md",), ("cable-2009.txt",))
    new = reloader.holder.current
    assert new is not old and [d["path"] for d in new.documents()] == ["cable-2009.txt", "report-2018.txt"]
    assert [d["path"] for d in old.documents()] == ["cable-2009.txt", "newsletter-2019.md"], "old one still reads"
    assert responses.texts == [messages.RELOAD_STARTED]
    # progress in the admin's DM, then the same message updated with the diff
    posted = slack.calls_to("chat.postMessage")
    assert posted[0].payload["channel"] == "D" + ADMIN[1:]
    final = slack.calls_to("chat.update")[-1].payload
    assert final["ts"] == slack.calls_to("chat.update")[0].payload["ts"]
    text = json.dumps(final["blocks"], ensure_ascii=False)
    for expected in (messages.RELOAD_DONE_TITLE, "report-2018.txt", "newsletter-2019.md", "cable-2009.txt",
                     messages.RELOAD_ADDED, messages.RELOAD_REMOVED, messages.RELOAD_CHANGED, "permit: "):
        assert expected in text
    row = reloader.history()[0]
    assert (row["user"], row["via"], row["outcome"]) == (ADMIN, "command", "ok")
    assert row["seconds"] >= 0 and row["started_at"]
    assert json.loads(row["diff"])["added"] == ["report-2018.txt"]


async def test_a_corrupt_document_among_good_ones_is_skipped_and_reported(reloader: Reloader, docs: Path,
                                                                           slack: SlackStandIn) -> None:
    (docs / "report-2018.txt").write_text(REPORT, encoding="utf-8")
    (docs / "scan.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R")
    (docs / "minutes.txt").write_bytes(b"\x00\x01\x02" * 400)
    outcome = await reloader.reload_command(ADMIN)
    assert outcome.outcome == "ok", outcome.error
    assert outcome.diff is not None and outcome.diff.added == ("report-2018.txt",)
    assert {s.path for s in outcome.diff.skipped} == {"scan.pdf", "minutes.txt"}
    assert reloader.holder.current.counts()["documents"] == 3
    final = json.dumps(slack.calls_to("chat.update")[-1].payload["blocks"])
    assert messages.RELOAD_SKIPPED in final and "scan.pdf" in final and "binary" in final


def failing_build(error: Exception) -> Callable[..., BuildReport]:
    def build(docs_dir: Path, db_path: Path, **options: Any) -> BuildReport:
        raise error
    return build


def garbage_build(docs_dir: Path, db_path: Path, **options: Any) -> BuildReport:
    db_path.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    return BuildReport(documents=1, passages=1, facts={}, skipped=(), seconds=0.0, db_path=str(db_path))


@pytest.mark.parametrize(("build", "reason"), [
    (failing_build(OSError(28, "No space left on device")), "No space left on device"),
    (failing_build(RuntimeError("extractor crashed")), "RuntimeError: extractor crashed"),
    (build_knowledge_base, "no usable document"),  # every file in the folder is unreadable
    (garbage_build, "not a usable knowledge base"),  # built, but fails the check
])
async def test_a_failed_build_leaves_the_old_knowledge_base_answering(settings: Settings, docs: Path,
                                                                      slack: SlackStandIn, build: Any,
                                                                      reason: str) -> None:
    reloader = make_reloader(settings, build=build)
    old, before = reloader.holder.current, sha(settings.db_path)
    if build is build_knowledge_base:
        for path in docs.iterdir():
            path.write_bytes(b"")
    outcome = await reloader.reload_command(ADMIN)
    assert outcome.outcome == "failed"
    assert reason in (outcome.error or "")
    assert reloader.holder.current is old and sha(settings.db_path) == before
    assert [d["path"] for d in reloader.holder.current.documents()] == ["cable-2009.txt", "newsletter-2019.md"]
    assert not list(settings.db_path.parent.glob("*.reload*")), "no staging file left behind"
    final = slack.calls_to("chat.update")[-1].payload
    assert messages.RELOAD_FAILED_TITLE in final["text"] and messages.RELOAD_KEPT in final["text"]
    assert reason in json.dumps(final["blocks"])
    assert reloader.history()[0]["outcome"] == "failed"


async def test_two_reloads_at_once_build_once(settings: Settings, slack: SlackStandIn) -> None:
    started, release = threading.Event(), threading.Event()
    builds: list[Path] = []

    def slow_build(docs_dir: Path, db_path: Path, **options: Any) -> BuildReport:
        builds.append(db_path)
        started.set()
        release.wait(10)
        return build_knowledge_base(docs_dir, db_path, **options)

    reloader = make_reloader(settings, build=slow_build)
    first = asyncio.create_task(reloader.reload_command(ADMIN))
    await asyncio.to_thread(started.wait, 10)
    responses = Responses()
    second = await reloader.reload_command(ADMIN, respond=responses)
    shared = slack.share_file("F0UPDATE1", "update-2020.txt", UPDATE.encode())
    upload = await reloader.shared_files([shared], user=ADMIN, channel=ADMIN_DM)
    release.set()
    assert (await first).outcome == "ok"
    assert second.outcome == "busy" and responses.texts == [messages.RELOAD_BUSY]
    assert upload.outcome == "busy" and messages.UPLOAD_BUSY in upload.reply.text
    assert not (settings.docs_dir / "update-2020.txt").exists() and not slack.calls_to("file_download")
    assert len(builds) == 1
    assert [r["outcome"] for r in reloader.history()] == ["ok", "busy", "busy"]
    assert not reloader.running


async def test_reload_under_20_concurrent_queries(reloader: Reloader, docs: Path) -> None:
    """Every query answers, from either the old documents or the new ones, never a mix or an error."""
    old_docs = ("cable-2009.txt", "newsletter-2019.md")
    for path in docs.iterdir():
        path.unlink()
    (docs / "report-2018.txt").write_text(REPORT, encoding="utf-8")
    (docs / "update-2020.txt").write_text(UPDATE, encoding="utf-8")
    new_docs = ("report-2018.txt", "update-2020.txt")
    stop = threading.Event()
    seen: list[tuple[str, ...]] = []
    errors: list[BaseException] = []

    def query_loop() -> None:
        while not stop.is_set():
            try:
                kb = reloader.holder.current  # taken once per query, as the listeners do
                listed = tuple(d["path"] for d in kb.documents())
                hits = {r["doc"] for r in kb.query(
                    "SELECT p.doc FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid "
                    "WHERE passages_fts MATCH ?", ("shelter",))}
                facts = {f.source.doc for f in kb.facts()}
                assert listed in (old_docs, new_docs), listed
                assert hits <= set(listed) and facts <= set(listed), (hits, facts, listed)
                seen.append(listed)
            except BaseException as e:  # noqa: BLE001 - collected and asserted below
                errors.append(e)
                return

    # threads of their own: 20 endless loops in the default executor would starve the build
    queries = [threading.Thread(target=query_loop) for _ in range(20)]
    for thread in queries:
        thread.start()
    await asyncio.sleep(0.05)
    outcome = await reloader.reload_command(ADMIN)
    await asyncio.sleep(0.05)
    stop.set()
    for thread in queries:
        await asyncio.to_thread(thread.join, 10)
    assert outcome.outcome == "ok", outcome.error
    assert not errors, errors[:3]
    assert old_docs in seen and new_docs in seen
    assert seen.index(new_docs) > 0
    assert tuple(d["path"] for d in reloader.holder.current.documents()) == new_docs


async def test_sighup_reloads(reloader: Reloader, docs: Path) -> None:
    (docs / "report-2018.txt").write_text(REPORT, encoding="utf-8")
    loop = asyncio.get_running_loop()
    tasks: list[asyncio.Task[object]] = []
    assert install_sighup(reloader, lambda work: tasks.append(asyncio.ensure_future(work)), loop)
    try:
        os.kill(os.getpid(), signal.SIGHUP)
        deadline = time.monotonic() + 10
        while not reloader.history() or reloader.running:
            assert time.monotonic() < deadline, "no reload after SIGHUP"
            await asyncio.sleep(0.02)
    finally:
        loop.remove_signal_handler(signal.SIGHUP)
    row = reloader.history()[0]
    assert (row["via"], row["outcome"], row["user"]) == ("signal", "ok", None)
    assert reloader.holder.current.counts()["documents"] == 3


# -- documents shared in Slack --------------------------------------------------------------------

@pytest.mark.parametrize(("name", "saved_as"), [
    ("shelter-update.txt", "shelter-update.txt"),
    ("Rapport annuel 2019 (final).PDF", "Rapport annuel 2019 (final).pdf"),
    ("notes:draft?.md", "notes_draft_.md"),
    ("  bulletin.html  ", "bulletin.html"),
    ("Übersicht.htm", "Übersicht.htm"),
])
def test_safe_names(name: str, saved_as: str) -> None:
    assert safe_document_name(name) == saved_as


@pytest.mark.parametrize(("name", "why"), [
    ("../../x.txt", "path"),
    ("..\\..\\x.txt", "path"),
    ("/etc/passwd.txt", "path"),
    ("evil.sh", "type"),
    ("report.txt.exe", "type"),
    ("README", "type"),
    ("ReadMe.md", "folder_note"),
    (".env.txt", "hidden"),
    ("..", "hidden"),
    ("minutes\x00.txt", "control"),
    ("", "no_name"),
])
def test_unsafe_names_are_refused(name: str, why: str) -> None:
    with pytest.raises(UploadRefused) as refused:
        safe_document_name(name)
    assert str(refused.value).startswith(messages.UPLOAD_WHY[why].split("{")[0])


async def test_an_admin_shares_a_document_and_it_is_added(reloader: Reloader, docs: Path,
                                                          slack: SlackStandIn) -> None:
    shared = slack.share_file("F0UPDATE1", "shelter-update-2020.txt", UPDATE.encode())
    outcome = await reloader.shared_files([shared], user=ADMIN, channel=ADMIN_DM)
    assert outcome.outcome == "ok", outcome.error
    assert (docs / "shelter-update-2020.txt").read_text(encoding="utf-8") == UPDATE
    assert outcome.diff is not None and outcome.diff.added == ("shelter-update-2020.txt",)
    download = slack.calls_to("file_download")[0]
    assert download.headers["Authorization"] == f"Bearer {BOT_TOKEN}"
    assert all(c.payload.get("channel") == ADMIN_DM for c in slack.calls_to("chat.update"))
    final = json.dumps(slack.calls_to("chat.update")[-1].payload["blocks"], ensure_ascii=False)
    assert "shelter-update-2020.txt" in final and messages.RELOAD_DONE_TITLE in final
    assert not [p for p in docs.iterdir() if p.name.startswith(".")], "no partial download left"
    row = reloader.history()[0]
    assert (row["via"], row["outcome"], json.loads(row["files"])) == ("upload", "ok", ["shelter-update-2020.txt"])


async def test_a_shared_file_replaces_a_document_of_the_same_name(reloader: Reloader, docs: Path,
                                                                  slack: SlackStandIn) -> None:
    shared = slack.share_file("F0CABLE01", "cable-2009.txt", (CABLE + "3. The shelter moved.\n").encode())
    outcome = await reloader.shared_files([shared], user=ADMIN, channel=ADMIN_DM)
    assert outcome.diff is not None and outcome.diff.changed == ("cable-2009.txt",)


async def test_files_from_a_non_admin_are_refused_and_not_saved(reloader: Reloader, docs: Path,
                                                                slack: SlackStandIn) -> None:
    shared = slack.share_file("F0UPDATE1", "shelter-update-2020.txt", UPDATE.encode())
    before = sorted(p.name for p in docs.iterdir())
    outcome = await reloader.shared_files([shared], user=OTHER, channel="DOTHER001")
    assert outcome.outcome == "refused"
    assert sorted(p.name for p in docs.iterdir()) == before
    assert not slack.calls_to("file_download")
    posted = slack.calls_to("chat.postMessage")[0].payload
    assert posted["channel"] == "DOTHER001" and "only factbot admins" in posted["text"]
    assert reloader.history()[0]["outcome"] == "refused"


@pytest.mark.parametrize(("name", "content", "extra", "why"), [
    ("../../x.txt", UPDATE.encode(), {}, "its name contains a path"),
    ("evil.sh", b"#!/bin/sh\nrm -rf /\n", {}, "only .txt"),
    ("big.txt", b"a" * 300_000, {}, "too large"),
    ("liar.txt", b"b" * 300_000, {"size": 10}, "too large"),  # the announced size is not trusted
    ("empty.txt", b"", {}, "can't read it"),
    ("scan.pdf", b"%PDF-1.4 truncated", {}, "can't read it"),
    ("drive.txt", UPDATE.encode(), {"is_external": True, "mode": "external"}, "only files uploaded to Slack"),
    ("elsewhere.txt", UPDATE.encode(), {"url_private": "https://files.example.org/x.txt"}, "no download address"),
])
async def test_unsafe_or_unusable_shares_are_refused_and_nothing_is_written(
        reloader: Reloader, docs: Path, tmp_path: Path, slack: SlackStandIn, name: str, content: bytes,
        extra: dict[str, Any], why: str) -> None:
    shared = slack.share_file("F0BAD0001", name, content, **extra)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    generation = reloader.holder.generation
    outcome = await reloader.shared_files([shared], user=ADMIN, channel=ADMIN_DM)
    assert outcome.outcome == "refused"
    assert why in outcome.reply.text
    assert sorted(p.name for p in tmp_path.rglob("*") if p.name not in ("state.db-wal", "state.db-shm",
                                                                           "state.db")) == \
        sorted(n for n in before if n not in ("state.db-wal", "state.db-shm", "state.db"))
    assert reloader.holder.generation == generation
    if "url_private" in extra:
        assert not slack.calls_to("file_download"), "the bot token never goes to another host"


async def test_a_sign_in_page_instead_of_the_file_is_refused(settings: Settings, slack: SlackStandIn) -> None:
    from dataclasses import replace

    shared = slack.share_file("F0UPDATE1", "update.txt", UPDATE.encode())
    with pytest.raises(UploadRefused, match="web page"):
        await save_shared_file(replace(settings, bot_token=""), shared)
    assert not (settings.docs_dir / "update.txt").exists()


async def test_uploads_never_write_into_the_bundled_documents(settings: Settings, slack: SlackStandIn) -> None:
    from dataclasses import replace

    reloader = make_reloader(replace(settings, docs_dir=bundled_docs()))
    shared = slack.share_file("F0UPDATE1", "update.txt", UPDATE.encode())
    outcome = await reloader.shared_files([shared], user=ADMIN, channel=ADMIN_DM)
    assert outcome.outcome == "refused" and "FACTBOT_DOCS" in outcome.reply.text
    assert not (bundled_docs() / "update.txt").exists() and not slack.calls_to("file_download")


# -- through the Slack app ------------------------------------------------------------------------

@needs_app
async def test_slash_reload_through_the_app(bot: Any, docs: Path) -> None:
    (docs / "report-2018.txt").write_text(REPORT, encoding="utf-8")
    generation = bot.ctx.holder.generation
    started = time.monotonic()
    response = await bot.send.command("/factbot", "reload", user=ADMIN)
    assert response.status == 200 and time.monotonic() - started < 3
    await bot.slack.wait_for("chat.update", where=lambda c: messages.RELOAD_DONE_TITLE in c.payload["text"],
                             timeout=10)
    assert bot.ctx.holder.generation == generation + 1
    assert reloader_of(bot.app).history()[0]["outcome"] == "ok"
    await bot.send.command("/factbot", "reload", user=OTHER)
    refusal = await bot.slack.wait_for("response_url", where=lambda c: c.payload.get("text") == messages.RELOAD_REFUSED)
    assert refusal and bot.ctx.holder.generation == generation + 1


@needs_app
async def test_a_file_shared_in_a_dm_through_the_app(bot: Any, docs: Path) -> None:
    bot.slack.share_file("F0UPDATE1", "shelter-update-2020.txt", UPDATE.encode())
    event = {"type": "file_shared", "file_id": "F0UPDATE1", "user_id": ADMIN, "channel_id": ADMIN_DM,
             "file": {"id": "F0UPDATE1"}, "event_ts": "1700000001.000200"}
    assert (await bot.send.event(event)).status == 200
    assert (await bot.send.event(event, retry_num=1)).status == 200  # a retry is not a second upload
    await bot.slack.wait_for("chat.update", where=lambda c: messages.RELOAD_DONE_TITLE in c.payload["text"],
                             timeout=10)
    assert (docs / "shelter-update-2020.txt").exists()
    assert len(bot.slack.calls_to("file_download")) == 1
    in_channel = {**event, "channel_id": "CGENERAL1", "file_id": "F0OTHER01", "file": {"id": "F0OTHER01"}}
    assert (await bot.send.event(in_channel)).status == 200
    await asyncio.sleep(0.2)
    assert not bot.slack.calls_to("files.info") or all(c.payload["file"] != "F0OTHER01"
                                                       for c in bot.slack.calls_to("files.info"))


def test_build_error_is_a_factbot_error() -> None:
    # the reply shows a BuildError's own message, not a class name
    assert str(BuildError("no usable document in docs")) == "no usable document in docs"


def test_knowledge_base_keeps_reading_a_replaced_file(tmp_path: Path, docs: Path) -> None:
    build_knowledge_base(docs, tmp_path / "a.db")
    kb = KnowledgeBase(tmp_path / "a.db")
    (docs / "report-2018.txt").write_text(REPORT, encoding="utf-8")
    build_knowledge_base(docs, tmp_path / "a.db")
    assert kb.counts()["documents"] == 2 and KnowledgeBase(tmp_path / "a.db").counts()["documents"] == 3


@needs_app
async def test_slash_answers_while_a_reload_runs_through_the_app(bot: Any, docs: Path) -> None:
    """20 /funding answers racing a reload: all arrive, none apologises, none mixes old and new documents."""
    old_titles = {d["title"] for d in bot.ctx.holder.current.documents()}
    for path in docs.iterdir():
        path.unlink()
    for path in (Path(__file__).resolve().parents[2] / "knowledge" / "corpus").iterdir():
        (docs / path.name).write_bytes(path.read_bytes())
    (docs / "update-2020.txt").write_text(UPDATE, encoding="utf-8")

    async def ask(i: int) -> Any:
        await asyncio.sleep(i * 0.1)  # spread over the build, so answers come from before and after the swap
        return await bot.send.command("/funding", "shelter funding", user=OTHER,
                                      response_url=bot.slack.response_url(f"q{i}"))

    responses = await asyncio.gather(bot.send.command("/factbot", "reload", user=ADMIN), *map(ask, range(20)))
    assert all(r.status == 200 for r in responses)
    await bot.slack.wait_for("chat.update", where=lambda c: messages.RELOAD_DONE_TITLE in c.payload["text"],
                             timeout=15)
    answers = await bot.slack.wait_for("response_url", 20, where=lambda c: c.path.split("/")[-1].startswith("q"),
                                       timeout=15)
    new_titles = {d["title"] for d in bot.ctx.holder.current.documents()}
    only_old, only_new = old_titles - new_titles, new_titles - old_titles
    for call in answers:
        text = json.dumps(call.payload, ensure_ascii=False)
        assert "Reference:" not in text, "an answer failed"
        assert not (any(t in text for t in only_old) and any(t in text for t in only_new)), text[:300]
    await bot.send.command("/funding", "shelter funding", user=OTHER, response_url=bot.slack.response_url("after"))
    after = json.dumps((await bot.slack.wait_for("response_url", where=lambda c: c.path.endswith("/after")))[0].payload,
                       ensure_ascii=False)
    assert any(t in after for t in only_new) and not any(t in after for t in only_old)


async def test_progress_is_shown_while_the_build_runs(settings: Settings, slack: SlackStandIn) -> None:
    halfway, release = threading.Event(), threading.Event()

    def observed_build(docs_dir: Path, db_path: Path, *, progress: Any = None, **options: Any) -> BuildReport:
        progress(1, 2, "cable-2009.txt")
        halfway.set()
        release.wait(10)
        return build_knowledge_base(docs_dir, db_path, progress=progress, **options)

    reloader = make_reloader(settings, build=observed_build)
    running = asyncio.create_task(reloader.reload_command(ADMIN))
    await asyncio.to_thread(halfway.wait, 10)
    update = await slack.wait_for("chat.update", where=lambda c: "1 of 2" in c.payload["text"])
    release.set()
    assert (await running).outcome == "ok"
    assert "cable-2009.txt" in json.dumps(update[0].payload["blocks"])
    first = slack.calls_to("chat.postMessage")[0].payload
    assert messages.RELOAD_STEPS["starting"] in first["text"]
    assert len({c.payload["ts"] for c in slack.calls_to("chat.update")}) == 1, "one message, updated in place"


async def test_without_a_dm_the_result_comes_through_response_url(reloader: Reloader, slack: SlackStandIn) -> None:
    slack.fail("conversations.open", error="missing_scope")
    responses = Responses()
    outcome = await reloader.reload_command(ADMIN, respond=responses)
    assert outcome.outcome == "ok"
    assert responses.texts[0] == messages.RELOAD_STEPS["starting"]
    assert messages.RELOAD_DONE_TITLE in responses.texts[-1] and responses.messages[-1]["blocks"]
    assert not slack.calls_to("chat.postMessage") and not slack.calls_to("chat.update")
