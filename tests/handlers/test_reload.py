"""The reload replies: progress, the diff, failures and refusals, within Slack's limits and mrkdwn-safe."""

from __future__ import annotations

import json

import pytest

from handlers import messages
from handlers.blocks import MAX_SECTION, limit_problems
from handlers.reload import (
    MAX_LISTED,
    failure_reply,
    progress_reply,
    result_reply,
    upload_note,
    upload_refused_reply,
)
from knowledge.diff import KnowledgeDiff
from knowledge.models import Skipped

FACTS = {"funding": (3, 5), "contact": (2, 2), "permit": (11, 9), "event": (0, 4)}


def diff(added: int = 0, removed: int = 0, changed: int = 0, skipped: int = 0, name: str = "cable-{}.txt",
         reason: str = "empty file (0 bytes)") -> KnowledgeDiff:
    return KnowledgeDiff(added=tuple(name.format(i) for i in range(added)),
                         removed=tuple(f"old-{i}.md" for i in range(removed)),
                         changed=tuple(f"report-{i}.pdf" for i in range(changed)), unchanged=2,
                         documents=(2 + removed + changed, 2 + added + changed), facts=FACTS,
                         skipped=tuple(Skipped(f"scan-{i}.pdf", reason) for i in range(skipped)))


@pytest.mark.parametrize(("sizes", "expected"), [
    ((1, 0, 0, 0), [messages.RELOAD_ADDED]),
    ((0, 1, 1, 0), [messages.RELOAD_REMOVED, messages.RELOAD_CHANGED]),
    ((2, 1, 1, 1), [messages.RELOAD_ADDED, messages.RELOAD_REMOVED, messages.RELOAD_CHANGED,
                    messages.RELOAD_SKIPPED]),
    ((0, 0, 0, 0), [messages.RELOAD_NO_CHANGE]),
])
def test_the_diff_reply_lists_what_changed(sizes: tuple[int, int, int, int], expected: list[str]) -> None:
    reply = result_reply(diff(*sizes), seconds=1.25)
    blocks = json.dumps(reply.blocks, ensure_ascii=False)
    for label in expected:
        assert label in blocks
    assert "permit: 11 → 9 (-2)" in blocks and "event: 0 → 4 (+4)" in blocks and "contact: 2 → 2\\n" in blocks
    assert "1.2 s" in blocks or "1.3 s" in blocks
    assert "funding 3 → 5" in reply.text


@pytest.mark.parametrize("sizes", [(500, 500, 500, 500), (MAX_LISTED + 1, 0, 0, MAX_LISTED + 1)])
def test_long_lists_are_counted_and_stay_within_limits(sizes: tuple[int, int, int, int]) -> None:
    reply = result_reply(diff(*sizes, name="a-very-long-document-name-" + "x" * 200 + "-{}.txt",
                              reason="could not be processed: " + "y" * 500), seconds=3)
    assert not limit_problems(reply.blocks)
    assert len(reply.text) <= 3000
    assert messages.RELOAD_MORE.format(n=sizes[0] - MAX_LISTED) in json.dumps(reply.blocks, ensure_ascii=False)


@pytest.mark.parametrize("hostile", ["<!channel> funding.txt", "a&b <@U0ADMIN> report.md", "<http://x.example|y>.txt"])
def test_names_and_reasons_cannot_ping_or_link(hostile: str) -> None:
    replies = [result_reply(diff(1, name=hostile.replace(".", "{}.", 1), reason=hostile), seconds=1),
               failure_reply(f"cannot read {hostile}", skipped=[Skipped(hostile, hostile)]),
               upload_refused_reply([(hostile, "only .txt files are accepted")]),
               progress_reply("building", done=1, total=3, name=hostile)]
    for reply in replies:
        text = json.dumps([reply.text, reply.blocks], ensure_ascii=False)
        assert "<!" not in text and "<@" not in text and "<http" not in text


def test_a_failure_says_why_and_that_nothing_was_lost() -> None:
    reply = failure_reply("no usable document in /srv/docs (a.txt: empty file (0 bytes))",
                          skipped=[Skipped("a.txt", "empty file (0 bytes)")])
    blocks = json.dumps(reply.blocks, ensure_ascii=False)
    assert messages.RELOAD_FAILED_TITLE in reply.text and messages.RELOAD_KEPT in reply.text
    assert "no usable document" in blocks and "a.txt" in blocks
    assert not limit_problems(reply.blocks)


def test_a_reason_with_backticks_cannot_close_the_code_block() -> None:
    reply = failure_reply("bad ```name``` here")
    section = reply.blocks[1]["text"]["text"]
    assert section.count("```") == 2


@pytest.mark.parametrize(("step", "options", "shown"), [
    ("starting", {}, messages.RELOAD_STEPS["starting"]),
    ("building", {"done": 3, "total": 10, "name": "cable.txt"}, "3 of 10"),
    ("building", {}, messages.RELOAD_STEPS["building"]),
    ("checking", {}, messages.RELOAD_STEPS["checking"]),
    ("downloading", {}, messages.RELOAD_STEPS["downloading"]),
])
def test_progress_messages(step: str, options: dict[str, object], shown: str) -> None:
    reply = progress_reply(step, **options)  # type: ignore[arg-type]
    assert shown in reply.text and not limit_problems(reply.blocks)


@pytest.mark.parametrize(("size", "shown"), [(2048, "2 KB"), (3 * 1024 * 1024, "3.0 MB")])
def test_upload_note(size: int, shown: str) -> None:
    note = upload_note(["shelter <update>.txt"], size)
    assert shown in note and "&lt;update&gt;" in note


def test_many_refused_files_fit_one_section() -> None:
    reply = upload_refused_reply([(f"file-{i}.sh", "only .txt files are accepted") for i in range(100)])
    assert len(reply.blocks[0]["text"]["text"]) <= MAX_SECTION and not limit_problems(reply.blocks)
