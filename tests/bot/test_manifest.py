"""manifest.yml and the setup steps name every command, event and setting the app uses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = (ROOT / "manifest.yml").read_text(encoding="utf-8")
SETUP = (ROOT / "README.md").read_text(encoding="utf-8")  # the setup steps live in the README


def listed(key: str) -> set[str]:
    """The items of a YAML list under `key:` (one `- item` a line, comments ignored)."""
    block = re.search(rf"^\s*{key}:\n((?:\s+-.*\n)+)", MANIFEST, re.M)
    assert block, key
    return {line.split("#")[0].strip()[2:].strip() for line in block.group(1).splitlines()}


def test_every_slash_command_is_declared() -> None:
    declared = set(re.findall(r"- command: (/\w+)", MANIFEST))
    assert declared == {"/funding", "/contact", "/permits", "/events", "/factbot"}


@pytest.mark.parametrize("event", ["app_mention", "message.im", "app_home_opened"])
def test_every_event_listened_to_is_subscribed(event: str) -> None:
    assert event in listed("bot_events")


@pytest.mark.parametrize("scope", ["commands", "chat:write", "app_mentions:read", "im:history"])
def test_scopes_for_what_the_app_does(scope: str) -> None:
    assert scope in listed("bot")


def test_interactivity_is_on_for_the_buttons() -> None:
    assert re.search(r"interactivity:\n\s+is_enabled: true", MANIFEST)


@pytest.mark.parametrize("needle", ["manifest.yml", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN",
                                    "factbot serve", "/slack/events", "connections:write", "/healthz"])
def test_setup_steps_cover(needle: str) -> None:
    assert needle in SETUP
