"""Reading document files of any common kind into text, or saying why a file cannot be used."""

from __future__ import annotations

import hashlib
import html
import io
import logging
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from knowledge.errors import DocumentError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "document_files",
    "read_text",
]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm")
_FOLDER_NOTES = re.compile(r"^(readme|license|licence|changelog)(\.\w+)?$", re.IGNORECASE)
# Control characters other than the white space a text file may hold (\t \n \f \r).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_JUSTIFIED_GAP = re.compile(r"(?<=\S) {2,3}(?=\S)")


def document_files(folder: Path) -> Iterator[Path]:
    """Every file under `folder`, sorted, except hidden ones and the folder's own README."""
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if _FOLDER_NOTES.match(path.name):
            continue
        yield path


def read_text(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str, str, list[str]]:
    """(text, kind, sha256, notes) of a document file; raises DocumentError with the reason."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(f"unsupported file type {suffix or '(none)'!r}; "
                            f"supported: {', '.join(SUPPORTED_SUFFIXES)}")
    raw = _read_bytes(path, max_bytes)
    digest = hashlib.sha256(raw).hexdigest()
    notes: list[str] = []
    if suffix == ".pdf":
        text, kind = _pdf_text(raw), "pdf"
    elif suffix in (".html", ".htm"):
        text, kind = _html_text(_decode(raw, notes)), "html"
    else:
        text, kind = _decode(raw, notes), "markdown" if suffix == ".md" else "text"
    if not text.strip():
        raise DocumentError("no text in the file")
    return text, kind, digest, notes


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size == 0:
            raise DocumentError("empty file (0 bytes)")
        if size > max_bytes:
            raise DocumentError(f"too large: {size:,} bytes (limit {max_bytes:,})")
        return path.read_bytes()
    except OSError as e:
        raise DocumentError(f"cannot read: {e.strerror or e}") from None


def _decode(raw: bytes, notes: list[str]) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError("binary file (NUL bytes), not text")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        notes.append("decoded as UTF-16")
        return raw.decode("utf-16")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
            notes.append("not UTF-8: decoded as cp1252")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
            notes.append("not UTF-8: decoded as latin-1")
    if _control_ratio(text) > 0.05:
        raise DocumentError("binary file (control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    return len(_CONTROL.findall(sample)) / max(1, len(sample))


def _pdf_text(raw: bytes) -> str:
    from pypdf import PdfReader  # imported here: only PDF builds pay for it
    from pypdf.errors import PdfReadError

    # pypdf warns on stderr about every broken file; the build reports its own reason instead
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        pages = [(page.extract_text() or "") for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError,
            RecursionError, AssertionError, IndexError, ZeroDivisionError) as e:
        raise DocumentError(f"unreadable PDF: {e or type(e).__name__}") from None
    # A form feed marks each page break, so passages can say which page they are on. Justified lines come out with
    # two or three spaces between words ("NGN  45  million"): one is what the page shows; wider gaps are columns.
    return "\n\f\n".join(_JUSTIFIED_GAP.sub(" ", p.replace("\f", " ")) for p in pages)


class _TextOfHtml(HTMLParser):
    _BLOCKS = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header "
                        "footer blockquote pre hr title dd dt".split())
    _SKIP = frozenset(("script", "style", "noscript", "template", "head"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in ("td", "th"):  # cells of a row: apart, on one line
            self.parts.append(" ")
        elif tag in self._BLOCKS:
            self.parts.append("\n\n" if tag.startswith("h") or tag == "p" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n" if tag.startswith("h") or tag == "p" else "\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def _html_text(markup: str) -> str:
    title = re.search(r"<title[^>]*>(.*?)</title>", markup, re.IGNORECASE | re.DOTALL)
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    body = re.sub(r"[ \t]*\n[ \t]*", "\n", "".join(parser.parts))
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    if title and html.unescape(title.group(1)).strip() and not body.startswith(title.group(1).strip()):
        body = html.unescape(re.sub(r"\s+", " ", title.group(1))).strip() + "\n\n" + body
    return body
