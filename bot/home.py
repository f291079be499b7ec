"""App Home: what factbot knows (documents, facts per type, last build), its commands, examples."""

from __future__ import annotations

import asyncio
from typing import Any

from slack_bolt.async_app import AsyncApp

from bot.app import AppContext
from handlers.blocks import home_blocks
from handlers.factbot import knowledge_status

__all__ = ["home_view", "publish_home", "register_home"]


def register_home(app: AsyncApp, ctx: AppContext) -> None:
    """Publish the Home tab whenever someone opens it (so it shows the knowledge base as it is now)."""

    @app.event("app_home_opened")
    async def on_home_opened(event: dict[str, Any]) -> None:
        if event.get("tab", "home") != "home" or not event.get("user"):
            return
        ctx.spawn(publish_home(ctx, str(event["user"])), name="app_home")


async def home_view(ctx: AppContext) -> dict[str, Any]:
    status = await asyncio.to_thread(knowledge_status, ctx.holder.current)
    return {"type": "home", "blocks": home_blocks(status)}


async def publish_home(ctx: AppContext, user_id: str) -> None:
    await ctx.client.views_publish(user_id=user_id, view=await home_view(ctx))
