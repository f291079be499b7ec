"""Settings read once from the environment (and `.env`), checked, and passed down as arguments."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["DEFAULT_API_URL", "ConfigError", "Settings", "bundled_docs"]

DEFAULT_API_URL = "https://slack.com/api/"
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_CHANNEL = re.compile(r"^(?:[CGD][A-Z0-9]{2,}|#[a-z0-9][a-z0-9._-]{0,79})$")


class ConfigError(ValueError):
    """One or more settings are missing or malformed; the message lists each."""


def bundled_docs() -> Path:
    """The documents shipped with factbot, used when no folder is configured."""
    return Path(__file__).resolve().parent.parent / "knowledge" / "corpus"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything factbot reads from its environment."""

    docs_dir: Path
    db_path: Path
    state_db_path: Path
    bot_token: str = ""
    signing_secret: str = ""
    app_token: str = ""
    api_url: str = DEFAULT_API_URL
    admins: tuple[str, ...] = ()
    digest_channel: str = ""
    digest_time: time = time(9, 0)
    digest_tz: str = "UTC"
    port: int = 3000
    max_file_bytes: int = 20 * 1024 * 1024
    docs_given: bool = False  # --docs or FACTBOT_DOCS, not the bundled default

    @classmethod
    def from_env(cls, env: Mapping[str, str], *, docs: str | None = None, db: str | None = None) -> Settings:
        """Settings from an environment mapping; raises ConfigError listing every malformed value."""
        problems: list[str] = []
        db_path = Path(db or env.get("FACTBOT_DB") or "data/factbot.db")
        state = env.get("FACTBOT_STATE_DB") or str(db_path.with_name("factbot-state.db"))
        settings = cls(
            docs_dir=Path(docs or env.get("FACTBOT_DOCS") or bundled_docs()),
            db_path=db_path,
            state_db_path=Path(state),
            bot_token=env.get("SLACK_BOT_TOKEN", "").strip(),
            signing_secret=env.get("SLACK_SIGNING_SECRET", "").strip(),
            app_token=env.get("SLACK_APP_TOKEN", "").strip(),
            api_url=_api_url(env.get("SLACK_API_URL", ""), problems),
            admins=_admins(env.get("FACTBOT_ADMINS", ""), problems),
            digest_channel=_channel(env.get("FACTBOT_DIGEST_CHANNEL", ""), problems),
            digest_time=_clock(env.get("FACTBOT_DIGEST_TIME", ""), problems),
            digest_tz=_zone(env.get("FACTBOT_DIGEST_TZ", ""), problems),
            port=_port(env.get("PORT", ""), problems),
            max_file_bytes=_size(env.get("FACTBOT_MAX_FILE_MB", ""), problems),
            docs_given=bool(docs or env.get("FACTBOT_DOCS")),
        )
        if problems:
            raise ConfigError("invalid configuration:\n" + "\n".join(f"  - {p}" for p in problems))
        return settings

    def slack_problems(self) -> list[str]:
        """What is missing or malformed for running the Slack app (empty when ready)."""
        problems = []
        if not self.bot_token:
            problems.append("SLACK_BOT_TOKEN is not set (the bot token, xoxb-...)")
        elif not self.bot_token.startswith("xoxb-"):
            problems.append("SLACK_BOT_TOKEN should start with xoxb-")
        if self.app_token and not self.app_token.startswith("xapp-"):
            problems.append("SLACK_APP_TOKEN should start with xapp- (an app-level token for Socket Mode)")
        if not self.app_token and not self.signing_secret:
            problems.append("SLACK_SIGNING_SECRET is not set (needed for HTTP mode; or set SLACK_APP_TOKEN "
                            "for Socket Mode)")
        return problems

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.digest_tz)

    def __repr__(self) -> str:  # tokens never reach a log through a repr
        return (f"Settings(docs_dir={str(self.docs_dir)!r}, db_path={str(self.db_path)!r}, "
                f"api_url={self.api_url!r}, port={self.port}, bot_token={'set' if self.bot_token else 'unset'}, "
                f"signing_secret={'set' if self.signing_secret else 'unset'})")


def _api_url(value: str, problems: list[str]) -> str:
    value = value.strip() or DEFAULT_API_URL
    if not re.match(r"^https?://[^\s/]+", value):
        problems.append(f"SLACK_API_URL must be an http(s) URL, got {value!r}")
        return DEFAULT_API_URL
    return value if value.endswith("/") else value + "/"


def _admins(value: str, problems: list[str]) -> tuple[str, ...]:
    ids = tuple(v.strip() for v in value.split(",") if v.strip())
    bad = [v for v in ids if not _USER_ID.match(v)]
    if bad:
        problems.append(f"FACTBOT_ADMINS must be Slack user IDs like U012AB3CD, got {', '.join(bad)}")
    return tuple(v for v in ids if _USER_ID.match(v))


def _channel(value: str, problems: list[str]) -> str:
    value = value.strip()
    if value and not _CHANNEL.match(value):
        problems.append(f"FACTBOT_DIGEST_CHANNEL must be a channel ID (C0123...) or #name, got {value!r}")
        return ""
    return value


def _clock(value: str, problems: list[str]) -> time:
    value = value.strip() or "09:00"
    m = re.match(r"^(\d{1,2}):(\d{2})$", value)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        problems.append(f"FACTBOT_DIGEST_TIME must be HH:MM (24-hour), got {value!r}")
        return time(9, 0)
    return time(int(m.group(1)), int(m.group(2)))


def _zone(value: str, problems: list[str]) -> str:
    value = value.strip() or "UTC"
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(f"FACTBOT_DIGEST_TZ must be an IANA time zone such as Europe/Paris, got {value!r}")
        return "UTC"
    return value


def _port(value: str, problems: list[str]) -> int:
    value = value.strip() or "3000"
    if not value.isdigit() or not 0 < int(value) < 65536:
        problems.append(f"PORT must be a number from 1 to 65535, got {value!r}")
        return 3000
    return int(value)


def _size(value: str, problems: list[str]) -> int:
    value = value.strip()
    if not value:
        return 20 * 1024 * 1024
    try:
        mb = float(value)
    except ValueError:
        mb = -1
    if mb <= 0:
        problems.append(f"FACTBOT_MAX_FILE_MB must be a positive number of megabytes, got {value!r}")
        return 20 * 1024 * 1024
    return int(mb * 1024 * 1024)
