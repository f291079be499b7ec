"""Logs: JSON lines with request ids, and no token or secret ever written."""

from __future__ import annotations

import io
import json
import logging

import pytest

from bot.logs import configure_logging, redact, request_scope

SECRET = "8f14e45fceea167a5a36dedd4bea2543"


@pytest.fixture
def log_stream() -> io.StringIO:
    stream = io.StringIO()
    handler = configure_logging(secrets=[SECRET], stream=stream, json_lines=True)
    yield stream
    logging.getLogger().removeHandler(handler)


@pytest.mark.parametrize("token", ["xoxb-1234567890-abcdefghij", "xapp-1-A0B1C2-123-abcdef", "xoxp-99999-abcdefg"])
def test_tokens_are_redacted(token: str, log_stream: io.StringIO) -> None:
    logging.getLogger("factbot.test").warning("calling Slack with %s", token)
    line = json.loads(log_stream.getvalue().splitlines()[-1])
    assert token not in log_stream.getvalue()
    assert "[redacted]" in line["message"]


def test_signing_secret_is_redacted_even_in_tracebacks(log_stream: io.StringIO) -> None:
    try:
        raise ValueError(f"bad secret {SECRET}")
    except ValueError:
        logging.getLogger("factbot.test").exception("failed")
    assert SECRET not in log_stream.getvalue()
    assert "bad secret [redacted]" in log_stream.getvalue()


def test_request_id_is_on_every_line(log_stream: io.StringIO) -> None:
    with request_scope("req-42"):
        logging.getLogger("factbot.test").info("answering")
    logging.getLogger("factbot.test").info("idle")
    first, second = (json.loads(x) for x in log_stream.getvalue().splitlines()[-2:])
    assert first["request_id"] == "req-42" and second["request_id"] == "-"


def test_redact_leaves_ordinary_text() -> None:
    assert redact("the xoxb- prefix alone, and 46,000 euros") == "the xoxb- prefix alone, and 46,000 euros"
