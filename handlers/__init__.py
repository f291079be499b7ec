"""What each slash command, mention, digest and admin action does: request in, Block Kit answer out."""

from __future__ import annotations

__all__: list[str] = []
