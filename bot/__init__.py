"""The Slack app, configuration, scheduler and command line: the only code that touches Bolt and the clock."""

from __future__ import annotations

__all__: list[str] = []
