"""`/factbot` subcommands: parsing, help and unknown subcommands."""

from __future__ import annotations

import pytest

from handlers.blocks import limit_problems
from handlers.factbot import help_reply, parse_subcommand, unknown_reply


@pytest.mark.parametrize(("text", "parsed"), [
    ("", ("help", "")),
    ("   ", ("help", "")),
    ("help", ("help", "")),
    ("STATUS", ("status", "")),
    ("ask who funds UNODC", ("ask", "who funds UNODC")),
    ("ask   contact  for  Lyon ", ("ask", "contact  for  Lyon")),
    ("digest", ("digest", "")),
    ("reload now", ("reload", "now")),
    ("frobnicate x", ("frobnicate", "x")),
])
def test_parse_subcommand(text: str, parsed: tuple[str, str]) -> None:
    assert parse_subcommand(text) == parsed


def test_help_lists_every_command() -> None:
    reply = help_reply()
    text = " ".join(b["text"]["text"] for b in reply.blocks)
    for command in ("/funding", "/contact", "/permits", "/events", "/factbot ask", "status", "digest", "reload"):
        assert command in text
    assert limit_problems(reply.blocks) == []


def test_unknown_subcommand_is_escaped() -> None:
    reply = unknown_reply("<!channel>")
    assert "<!channel>" not in reply.blocks[0]["text"]["text"]
    assert "&lt;!channel&gt;" in reply.blocks[0]["text"]["text"]
