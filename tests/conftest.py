"""Fixtures shared by every test: a clean environment and small document folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "knowledge" / "corpus"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No SLACK_* or FACTBOT_* setting leaks into a test from the machine or a .env file."""
    for name in list(os.environ):
        if name.startswith(("SLACK_", "FACTBOT_")) or name == "PORT":
            monkeypatch.delenv(name, raising=False)
    yield


@pytest.fixture
def corpus_dir() -> Path:
    """The documents bundled with factbot."""
    return CORPUS
