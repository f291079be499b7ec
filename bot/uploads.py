"""Documents shared with the bot in Slack: checked, downloaded with the bot token, saved under a safe name.

A file is refused, and nothing is written, when its name holds a path or is hidden, its type is
not a document type factbot reads, it is larger than `settings.max_file_bytes`, its download
address is not Slack's (or `SLACK_API_URL`'s host, in tests), or its content cannot be read as a
document. It is downloaded to a hidden file in the documents folder (which builds ignore) and
renamed into place only once it reads as a document. Uploads are off while the documents folder is
the one shipped inside the factbot package: the bot never writes into its own code.
"""

from __future__ import annotations

import asyncio
import os
import re
import secrets
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from bot.app import MAX_RETRIES, RETRY_BACKOFF, retry_after
from bot.config import Settings, bundled_docs
from handlers import messages
from knowledge.errors import DocumentError
from knowledge.loading import read_text

__all__ = [
    "ALLOWED_SUFFIXES",
    "DOWNLOAD_RETRIES",
    "UploadRefused",
    "safe_document_name",
    "save_shared_file",
    "uploads_blocked",
]

ALLOWED_SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm")
MAX_NAME = 120
_UNSAFE = re.compile(r"[^\w.()+,@' -]")  # anything else in a name becomes "_"
# names the documents folder keeps for notes about itself; builds skip them (knowledge.loading.document_files)
_FOLDER_NOTES = re.compile(r"^(readme|license|licence|changelog)$", re.IGNORECASE)
_HTML_SUFFIXES = (".html", ".htm")
_CHUNK = 64 * 1024
_TIMEOUT = aiohttp.ClientTimeout(total=120, sock_connect=15)
DOWNLOAD_RETRIES = MAX_RETRIES  # like the Web API clients


class UploadRefused(Exception):
    """A shared file was not saved; the message, for the admin, says why."""


def safe_document_name(name: str) -> str:
    """The name a shared file is saved under; raises UploadRefused for paths, hidden names, other types."""
    name = unicodedata.normalize("NFC", name).strip()
    if not name:
        raise UploadRefused(messages.UPLOAD_WHY["no_name"])
    if "/" in name or "\\" in name:
        raise UploadRefused(messages.UPLOAD_WHY["path"])
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise UploadRefused(messages.UPLOAD_WHY["control"])
    if name.startswith("."):
        raise UploadRefused(messages.UPLOAD_WHY["hidden"])
    stem, suffix = os.path.splitext(name)
    if suffix.lower() not in ALLOWED_SUFFIXES:
        raise UploadRefused(messages.UPLOAD_WHY["type"].format(allowed=", ".join(ALLOWED_SUFFIXES),
                                                               suffix=suffix or "(no extension)"))
    if _FOLDER_NOTES.match(stem):
        raise UploadRefused(messages.UPLOAD_WHY["folder_note"].format(name=name))
    stem = _UNSAFE.sub("_", stem).strip(" .") or "document"
    return stem[:MAX_NAME - len(suffix)].rstrip(" .") + suffix.lower()


def uploads_blocked(settings: Settings) -> str | None:
    """Why files cannot be saved into `settings.docs_dir` now, or None when they can."""
    folder = settings.docs_dir.resolve()
    bundled = bundled_docs().resolve()
    if folder == bundled or folder.is_relative_to(bundled):
        return messages.UPLOAD_BUNDLED
    return None


async def save_shared_file(settings: Settings, file: Mapping[str, Any]) -> Path:
    """Download a shared Slack file (its `files` object) into the documents folder; returns the saved path."""
    name = safe_document_name(str(file.get("name") or file.get("title") or ""))
    _check_shared(settings, file)
    url = _download_url(settings, file)
    folder = settings.docs_dir
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UploadRefused(messages.UPLOAD_WHY["folder"].format(detail=e.strerror or e)) from None
    suffix = Path(name).suffix
    partial = folder / f".upload-{secrets.token_hex(8)}{suffix}"
    try:
        await _download(url, settings.bot_token, partial, limit=settings.max_file_bytes,
                        html_expected=suffix in _HTML_SUFFIXES)
        await _readable(partial, settings.max_file_bytes)
        target = folder / name
        if target.is_symlink() or target.is_dir() or target.resolve().parent != folder.resolve():
            raise UploadRefused(messages.UPLOAD_WHY["path"])
        os.replace(partial, target)
    except OSError as e:
        raise UploadRefused(messages.UPLOAD_WHY["folder"].format(detail=e.strerror or e)) from None
    finally:
        partial.unlink(missing_ok=True)
    return target


def _check_shared(settings: Settings, file: Mapping[str, Any]) -> None:
    if file.get("is_external") or file.get("mode") in ("external", "tombstone"):
        raise UploadRefused(messages.UPLOAD_WHY["external"])
    size = file.get("size")
    if isinstance(size, int) and size > settings.max_file_bytes:
        raise UploadRefused(messages.UPLOAD_WHY["too_large"].format(size=size, limit=settings.max_file_bytes))


def _download_url(settings: Settings, file: Mapping[str, Any]) -> str:
    """The file's private URL, when it is Slack's (or SLACK_API_URL's host): the bot token goes nowhere else."""
    url = str(file.get("url_private") or file.get("url_private_download") or "")
    parts = urlsplit(url)
    api = urlsplit(settings.api_url)
    slack = parts.scheme == "https" and (parts.hostname == "slack.com" or
                                         (parts.hostname or "").endswith(".slack.com"))
    local = (parts.scheme, parts.netloc) == (api.scheme, api.netloc)
    if not parts.hostname or not (slack or local):
        raise UploadRefused(messages.UPLOAD_WHY["url"])
    return url


async def _download(url: str, token: str, dest: Path, *, limit: int, html_expected: bool) -> None:
    """Download with bounded retries on 429 (after Retry-After), 5xx and connection errors."""
    for attempt in range(DOWNLOAD_RETRIES + 1):
        last = attempt == DOWNLOAD_RETRIES
        try:
            wait = await _download_once(url, token, dest, limit=limit, html_expected=html_expected, last=last)
        except aiohttp.ClientError as e:
            if last:
                raise UploadRefused(messages.UPLOAD_WHY["download"].format(detail=type(e).__name__)) from None
            wait = RETRY_BACKOFF * 2**attempt
        except TimeoutError:
            raise UploadRefused(messages.UPLOAD_WHY["download"].format(detail="timed out")) from None
        if wait is None:
            return
        await asyncio.sleep(wait)


async def _download_once(url: str, token: str, dest: Path, *, limit: int, html_expected: bool,
                         last: bool) -> float | None:
    """One attempt: None when saved, else how long to wait before the next (429 and 5xx, unless `last`)."""
    headers = {"Authorization": f"Bearer {token}"}
    async with aiohttp.ClientSession(timeout=_TIMEOUT) as session, session.get(url, headers=headers) as r:
        if not last and (r.status == 429 or r.status >= 500):
            return retry_after(r.headers) if r.status == 429 else RETRY_BACKOFF
        if r.status != 200:
            raise UploadRefused(messages.UPLOAD_WHY["download"].format(detail=f"HTTP {r.status}"))
        if r.content_type == "text/html" and not html_expected:
            raise UploadRefused(messages.UPLOAD_WHY["web_page"])
        await _write_limited(r, dest, limit)
    return None


async def _write_limited(response: aiohttp.ClientResponse, dest: Path, limit: int) -> None:
    size = 0
    with dest.open("wb") as out:
        async for chunk in response.content.iter_chunked(_CHUNK):
            size += len(chunk)
            # the size Slack announced is not trusted: stop reading past the limit
            if size > limit:
                raise UploadRefused(messages.UPLOAD_WHY["too_large"].format(size=size, limit=limit))
            out.write(chunk)


async def _readable(path: Path, limit: int) -> None:
    try:
        await asyncio.to_thread(read_text, path, max_bytes=limit)
    except DocumentError as e:
        raise UploadRefused(messages.UPLOAD_WHY["unreadable"].format(detail=str(e).rstrip("."))) from None
