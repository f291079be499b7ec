"""The documentation names every command, slash command and setting (sqlite-utils' habit)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.cli import _parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
ENV_EXAMPLE = (ROOT / ".env.example").read_text(encoding="utf-8")
SETTINGS = sorted(set(re.findall(r"\b(?:SLACK|FACTBOT)_[A-Z_]+\b|\bPORT\b",
                                 (ROOT / "bot" / "config.py").read_text(encoding="utf-8"))))


def cli_commands() -> list[str]:
    sub = next(a for a in _parser()._actions if a.dest == "command")
    return sorted(sub.choices)  # type: ignore[union-attr]


@pytest.mark.parametrize("command", cli_commands())
def test_every_cli_command_is_in_the_readme(command: str) -> None:
    assert f"factbot {command}" in README


@pytest.mark.parametrize("slash", ["/funding", "/contact", "/permits", "/events", "/factbot"])
def test_every_slash_command_is_in_the_readme(slash: str) -> None:
    assert slash in README


@pytest.mark.parametrize("name", SETTINGS)
def test_every_setting_is_documented(name: str) -> None:
    assert re.search(rf"^{name}=", ENV_EXAMPLE, re.MULTILINE), f"{name} missing from .env.example"
    assert name in README


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest" in README and "-m pytest" in ci
