"""Logging: JSON lines when not on a terminal, a request id per Slack request, secrets never written.

`configure_logging()` is called once by the entry point. `request_scope()` binds a request id
(and, if given, a reference id shown to users) to everything logged while a request is handled.
`RedactingFilter` rewrites any Slack token or configured secret in a record before it is written.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TextIO

__all__ = [
    "REQUEST_ID",
    "JsonFormatter",
    "RedactingFilter",
    "configure_logging",
    "new_reference",
    "redact",
    "request_scope",
]

REQUEST_ID: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
_TOKEN = re.compile(r"\b(xox[abposre]|xapp|xoxe\.xox[bp])-[A-Za-z0-9-]{6,}")
_MASK = "[redacted]"


def new_reference() -> str:
    """A short id a user can quote to find a failure in the logs."""
    return uuid.uuid4().hex[:8]


@contextmanager
def request_scope(request_id: str | None = None) -> Iterator[str]:
    """Bind a request id to every record logged inside the block."""
    token = REQUEST_ID.set(request_id or new_reference())
    try:
        yield REQUEST_ID.get()
    finally:
        REQUEST_ID.reset(token)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with Slack tokens and the given secrets masked."""
    text = _TOKEN.sub(_MASK, text)
    for secret in secrets:
        if secret and len(secret) >= 6:
            text = text.replace(secret, _MASK)
    return text


class RedactingFilter(logging.Filter):
    """Masks tokens and secrets in a record's message and exception text."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message, self.secrets)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.secrets)
        if clean != message or record.args:
            record.msg, record.args = clean, None
        record.request_id = REQUEST_ID.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, request id, message, exception."""

    def format(self, record: logging.LogRecord) -> str:
        out = {"time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
               "level": record.levelname, "logger": record.name,
               "request_id": getattr(record, "request_id", REQUEST_ID.get()), "message": record.getMessage()}
        if record.exc_text or record.exc_info:
            out["exception"] = record.exc_text or self.formatException(record.exc_info)  # type: ignore[arg-type]
        return json.dumps(out, ensure_ascii=False)


def configure_logging(*, secrets: Iterable[str] = (), stream: TextIO | None = None,
                      level: int = logging.INFO, json_lines: bool | None = None) -> logging.Handler:
    """Install one root handler: JSON lines off a terminal, readable lines on one; secrets redacted."""
    stream = stream or sys.stderr
    if json_lines is None:
        json_lines = not stream.isatty()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter(secrets))
    handler.setFormatter(JsonFormatter() if json_lines else
                         logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"))
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "_factbot", False):
            root.removeHandler(old)
    handler._factbot = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return handler
