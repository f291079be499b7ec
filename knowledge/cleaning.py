"""Understanding a document's layout without touching its text: header, noise, structure, passages.

Everything here works on offsets into the original text. Transmission noise is recorded as
spans and blanked (same length) in the text used for indexing and extraction, so a quote is
always `document.text[start:end]`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from knowledge.models import Document, Passage
from knowledge.text import runs_on, sentence_spans, trim_span

__all__ = [
    "heading_case",
    "masked_text",
    "parse_document",
    "split_passages",
]

PASSAGE_TARGET = 900
PASSAGE_MAX = 1800

_CABLE_ID = re.compile(r"^\s*(\d{2}[A-Z][A-Z-]+\d+)\s*$")
_CLASSIFICATIONS = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
                    "LIMITED OFFICIAL USE", "UNCLAS")
_NOISE_LINE = re.compile(
    r"^[ \t]*(?:"
    r"VZCZC\w*"
    r"|(?:OO|PP|RR|ZZ|O|P|R)\s+R[A-Z]{3,}\w*.*"
    r"|DE\s+R[A-Z]{3,}\w*\s+#.*"
    r"|ZNR\s+U{5}.*|ZNY\s+\w+.*"
    r"|[OPRZ]\s+\d{6}Z\s+[A-Z]{3}\s+\d{2}.*"
    r"|FM\s+(?:AMEMBASSY|AMCONSUL|SECSTATE|USMISSION|USDEL|AMEMB)\b.*"
    r"|TO\s+R[A-Z]{3,}\w*/.*|INFO\s+R[A-Z]{3,}\w*/.*"
    r"|R[A-Z]{3,}\w*/[A-Z].*"
    r"|(?:UNCLAS|CONFIDENTIAL|SECRET)\s+SECTION\s+\d+\s+OF\s+\d+\s+[A-Z ]+\d+.*"
    r"|SIPDIS|SENSITIVE\s*$|NOFORN\s*$"
    r"|E\.\s?O\.\s+\d+.*"
    r"|TAGS:.*|,[A-Z]{4}(?:,\s*[A-Z]{2,4})*,?\s*"
    r"|[A-Z][A-Z .'-]{1,40}\s+0{2,}\d{2,6}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}"
    r")[ \t]*$",
    re.MULTILINE,
)
_PAGE_MARKER = re.compile(r"^[ \t]*[A-Z][A-Z .'-]{1,40}\s+0{2,}\d{2,6}\s+(\d{3})(?:\.\d)?\s+OF\s+\d{3}[ \t]*$",
                          re.MULTILINE)
_UNDERLINED = re.compile(r"^[ \t]*(\S[^\n]{1,100}?)[ \t]*\n[ \t]*(-{3,}|={3,})[ \t]*$", re.MULTILINE)
# The underline alone: cheap to find, so _UNDERLINED is only tried on the line above one.
_RULE_LINE = re.compile(r"[ \t]*(?:-{3,}|={3,})[ \t]*")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(\S[^\n]*)$", re.MULTILINE)
_CAPS_HEADING = re.compile(r"^[ \t]*((?:\d{1,2}\.\s+)?[A-Z][A-Z0-9'’&,/() -]{3,70}[A-Z)])[ \t]*$", re.MULTILINE)
# Paragraph numbers and lettered answers start a line (after blanks at most): found by what follows the blanks.
_PARAGRAPH = re.compile(r"¶\s?(\d{1,3})\.")
_ANSWER = re.compile(r"--\s*([A-Z])[.:]")
_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with".split())
_HEADING_ONLY = re.compile(r"[^\n]{1,100}\n[ \t]*(?:-{3,}|={3,})|#{1,6}[ \t]+[^\n]{1,100}")
_BLOCK_GAP = re.compile(r"\n[ \t\f]*\n\s*")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
_ISO_DATE = re.compile(r"(?<!\d)(19|20)(\d{2})-(\d{2})-(\d{2})(?!\d)")
_WORD = re.compile(r"\w")
# A line that is only a web address (a saved page's source) is not prose: kept out of sentences and the index.
# A PDF page's own number: "Page 2 of 4", "2 / 4", "- 3 -", "3" (digits already read as "#").
_PAGE_NUMBER = re.compile(r"(?:[Pp]age\s+)?[-–]?\s*#+\s*[-–]?(?:\s*(?:of|/)\s*#+)?")
_EDGE_LINES = 2  # how many lines at the top and at the bottom of a PDF page may be running ones
_LINE = re.compile(r"[^\n]+")
_DIGITS = re.compile(r"\d+")
_URL_LINE = re.compile(r"^[ \t]*(?:https?://|www\.)\S+[ \t]*$", re.MULTILINE)
# Markdown emphasis markers: out of extracted fields and the index (quotes keep them, verbatim).
_MD_EMPHASIS = re.compile(r"\*\*|__(?=\w)|(?<=\w)__")
# A press release's dateline: "VIENNA, 10 April 2024 – ..." or "Alexandria, VA, April 1, 2008—".
_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Za-z.' -]{1,40},(?:[ \t]+[A-Z]{2}\.?,?)?[ \t]+"
                       r"(\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+\.? \d{1,2}, \d{4})[ \t]*[–—-]", re.MULTILINE)
# Header date formats, by the shape of what they accept (strptime reads a space as any white space).
_DATE_SHAPES = (
    (re.compile(r"[A-Za-z]{3}\s+[A-Za-z]{3}\s+\d{1,2}\s+\d{1,2}:\d{1,2}:\d{1,2}\s+\S+\s+\d{4}"),
     ("%a %b %d %H:%M:%S %z %Y",)),
    (re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{1,2}:\d{1,2})?"), ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S")),
    (re.compile(r"\d{1,2}\s+[A-Za-z]+\s+\d{4}"), ("%d %B %Y", "%d %b %Y")),
    (re.compile(r"[A-Za-z]+\s+\d{1,2},\s*\d{4}"), ("%B %d, %Y", "%b %d, %Y")),
)
_SUBJECT = re.compile(r"^SUBJECT:\s*(.+?)(?:\n[ \t]*\n|\n[ \t]*REF:|\Z)", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class _Mark:
    at: int
    kind: str  # "section", "paragraph", "answer", "page"
    value: str


def parse_document(path: str, text: str, *, kind: str, sha256: str, notes: tuple[str, ...] = ()) -> Document:
    """A Document with its title, date, header metadata and noise spans recognised."""
    meta = _cable_header(text)
    noise = [(m.start(), m.end()) for m in _NOISE_LINE.finditer(text)]
    if "http" in text or "www." in text:
        noise += [(m.start(), m.end()) for m in _URL_LINE.finditer(text)]
    if kind == "markdown":
        noise += [(m.start(), m.end()) for m in _MD_EMPHASIS.finditer(text)]
    if kind == "pdf" and "\f" in text:
        noise += _running_lines(text)
    if meta:
        kind = "cable"
    title = meta.get("subject") or _first_title(text, kind) or PurePath(path).stem
    date = meta.get("date") or _date_from(path, text)
    return Document(path=path, title=title, date=date, text=text, sha256=sha256, kind=kind,
                    meta=meta, noise=tuple(sorted(noise)), notes=notes)


def _running_lines(text: str) -> list[tuple[int, int]]:
    """A PDF's running headers and footers: page numbers ("Page 2 of 4", "- 3 -") and lines that open or close two
    pages or more, digits aside ("ODIHR / IOM | Flight risks | 2023"). Out of the index, so that a sentence runs on
    across the page break as the reader reads it."""
    edges: list[tuple[str, int, int]] = []  # (the line with its digits as "#", start, end) of each page's edges
    at = 0
    for page in text.split("\f"):
        lines = [(m.start() + at, m.end() + at) for m in _LINE.finditer(page) if m.group().strip()]
        edges += [(_DIGITS.sub("#", text[a:b]).strip(), a, b) for a, b in {*lines[:_EDGE_LINES], *lines[-_EDGE_LINES:]}]
        at += len(page) + 1
    repeated = Counter(line for line, _, _ in edges)
    return sorted((a, b) for line, a, b in edges if repeated[line] >= 2 or _PAGE_NUMBER.fullmatch(line))


def masked_text(document: Document) -> str:
    """The document's text with noise spans replaced by spaces (same length, same offsets)."""
    text, pieces, at = document.text, [], 0
    for a, b in sorted(document.noise):
        a = max(a, at)  # overlapping spans: blank each character once
        if b > a:
            pieces += [text[at:a], " " * (b - a)]
            at = b
    pieces.append(text[at:])
    return "".join(pieces)


def split_passages(document: Document) -> list[Passage]:
    """The document cut into passages of a few sentences, each knowing its section, ¶ and page."""
    masked = masked_text(document)
    marks = _structure_marks(document, masked)
    cuts = sorted({0, len(masked), *(m.at for m in marks if m.kind != "page"), *_block_starts(masked)})
    blocks = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if masked[a:b].strip()]
    boundaries = {m.at for m in marks if m.kind in ("section", "paragraph", "answer")}
    places = _Places(marks)
    passages: list[Passage] = []
    body = _cable_body_start(document) if document.kind == "cable" else 0
    # a cable's header (id, subject, routing, addressees) is metadata, already in the title and date
    blocks = [(max(a, body), b) for a, b in blocks if b > body]
    for a, b in _merge_small(blocks, masked, boundaries):
        for s, e in _split_large(masked, a, b):
            s, e = trim_span(masked, s, e)
            # a heading alone says nothing quotable: it lives on as the section of what follows
            if e > s and _WORD.search(masked, s, e) and not _HEADING_ONLY.fullmatch(masked, s, e):
                passages.append(_passage(document, masked, len(passages), s, e, places))
    return passages


def _cable_header(text: str) -> dict[str, str]:
    lines = text.split("\n", 8)
    m = _CABLE_ID.match(lines[0]) if lines else None
    if not m:
        return {}
    meta = {"cable_id": m.group(1)}
    for line in lines[1:6]:
        line = line.strip()
        date = _header_date(line)
        if date and "date" not in meta:
            meta["date"] = date
        elif line.upper() in _CLASSIFICATIONS and "classification" not in meta:
            meta["classification"] = line
        elif line and "headline" not in meta and not date:
            meta["headline"] = line
        elif line and "date" in meta and "classification" in meta and "origin" not in meta:
            meta["origin"] = line
    subject = _SUBJECT.search(text[:6000])
    if subject:
        meta["subject"] = re.sub(r"\s+", " ", subject.group(1)).strip()
    elif "headline" in meta:
        meta["subject"] = meta["headline"]
    return meta


def _header_date(line: str) -> str | None:
    if not 6 <= len(line) <= 40 or not line[-1].isdigit():  # every format below ends with a digit
        return None
    # strptime is slow to fail: only the formats whose shape the line has are tried
    for shape, formats in _DATE_SHAPES:
        if shape.fullmatch(line):
            for fmt in formats:
                try:
                    return datetime.strptime(line, fmt).date().isoformat()
                except ValueError:
                    continue
    return None


def _first_title(text: str, kind: str) -> str | None:
    if kind == "markdown":
        m = _MD_HEADING.search(text)
        if m:
            return m.group(1).strip().replace("**", "")
    for line in text.splitlines()[:15]:
        line = line.strip().lstrip("#").strip().replace("**", "")
        if len(line) >= 4 and re.search(r"[A-Za-z]{3}", line) and not (_URL_LINE.fullmatch(line)
                                                                       or _NOISE_LINE.fullmatch(line)):
            return line[:150]
    return None


def _date_from(path: str, text: str) -> str | None:
    name = PurePath(path).name
    iso = _ISO_DATE.search(name)
    if iso:
        return f"{iso.group(1)}{iso.group(2)}-{iso.group(3)}-{iso.group(4)}"
    for line in text.splitlines()[:10]:
        date = _header_date(line.strip())
        if date:
            return date
    dateline = _DATELINE.search(text, 0, 1500)
    if dateline:
        date = _header_date(dateline.group(1).replace(".", ""))
        if date:
            return date
    year = _YEAR.search(name)
    if year:
        return year.group(1)
    counts: Counter[str] = Counter(_YEAR.findall(text))
    if counts:
        top, n = counts.most_common(1)[0]
        if n >= 3 and 5 * n >= 2 * sum(counts.values()):
            return top
    return None


def _structure_marks(document: Document, masked: str) -> list[_Mark]:
    # Each pattern is tried only where the text holds a literal every match needs (scans cost per character).
    marks = [_Mark(m.start(), "page", str(int(m.group(1)))) for m in _PAGE_MARKER.finditer(document.text)] \
        if "OF" in document.text else []
    if "\f" in document.text:
        for i, ff in enumerate(re.finditer(r"\f", document.text), start=2):
            marks.append(_Mark(ff.end(), "page", str(i)))
    heading_spans: list[tuple[int, int]] = []
    for m in _underlined(masked):
        marks.append(_Mark(m.start(), "section", m.group(1).strip()))
        heading_spans.append((m.start(), m.end()))
    if document.kind == "markdown":
        marks += [_Mark(m.start(), "section", m.group(1).strip()) for m in _MD_HEADING.finditer(masked)]
    if document.kind != "cable":  # a cable's headings are underlined; its capitals are addresses
        for m in _CAPS_HEADING.finditer(masked):
            inside = any(a <= m.start() < b for a, b in heading_spans)
            if not inside and m.start() > 0 and _looks_like_heading(m.group(1)):
                marks.append(_Mark(m.start(), "section", m.group(1).strip()))
    marks += [_Mark(at, "paragraph", m.group(1)) for at, m in _line_openings(_PARAGRAPH, masked)]
    marks += [_Mark(at, "answer", m.group(1)) for at, m in _line_openings(_ANSWER, masked)]
    return sorted(marks, key=lambda m: m.at)


def _line_openings(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """(line start, match) for each match of `pattern` with only spaces and tabs before it on its line.

    The same as `^[ \\t]*pattern` in multiline mode, but the regex engine skips to where the pattern can begin
    instead of trying every position of a long text.
    """
    for m in pattern.finditer(text):
        line = text.rfind("\n", 0, m.start()) + 1
        if not text[line:m.start()].strip(" \t"):
            yield line, m


def _underlined(masked: str) -> list[re.Match[str]]:
    """The matches of `_UNDERLINED.finditer(masked)`, found from the underlines up (much faster on long texts)."""
    found: list[re.Match[str]] = []
    for rule_start in _rule_lines(masked):
        if rule_start == 0:
            continue
        above = masked.rfind("\n", 0, rule_start - 1) + 1
        if found and above < found[-1].end():
            continue  # finditer does not overlap matches
        m = _UNDERLINED.match(masked, above)
        if m:
            found.append(m)
    return found


def _rule_lines(text: str) -> list[int]:
    """Where each line matching `_RULE_LINE` starts, in order: found from its "---" or "===" (a literal the engine
    skips to), not by trying `^` at every character."""
    starts = set()
    for literal in ("---", "==="):
        at = text.find(literal)
        while at >= 0:
            line = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            if _RULE_LINE.fullmatch(text, line, end):
                starts.add(line)
            at = text.find(literal, end)
    return sorted(starts)


def _cable_body_start(document: Document) -> int:
    """Where a cable's text begins: after its page-1 marker, else after its SUBJECT/REF lines, else at 0."""
    head = document.text[:8000]
    marker = _PAGE_MARKER.search(head)
    if marker and int(marker.group(1)) == 1:
        return marker.end()
    subject = _SUBJECT.search(head)
    if not subject:
        return 0
    ref = re.compile(r"^[ \t]*REF:[^\n]*\n", re.MULTILINE).search(head, subject.end())
    return ref.end() if ref and ref.start() - subject.end() < 200 else subject.end()


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    if re.match(r"\d{1,2}\.\s", line):
        return len(words) >= 2
    if sum(len(w) <= 2 for w in words) * 2 > len(words):
        return False  # letter-spaced display type, such as "M U LT I L A T E R A L"
    return (len(words) >= 3 or len(words) == 2 and all(len(w) >= 4 for w in words)) \
        and words[-1].lower() not in _SMALL_WORDS


def heading_case(heading: str) -> str:
    """An all-capitals heading in title case, small words in lower case."""
    if not heading.isupper():
        return heading
    words = heading.lower().split()
    return " ".join(w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _block_starts(masked: str) -> list[int]:
    starts = []
    for m in _BLOCK_GAP.finditer(masked):
        if not runs_on(masked, m.start(), m.end()):
            starts.append(m.end())
    return starts


def _merge_small(blocks: list[tuple[int, int]], masked: str,
                 boundaries: set[int]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in blocks:
        if merged and a not in boundaries:
            pa, _ = merged[-1]
            size_before = len(masked[pa:a].strip())
            if size_before < PASSAGE_TARGET and len(masked[pa:b].strip()) <= PASSAGE_MAX:
                merged[-1] = (pa, b)
                continue
        merged.append((a, b))
    return merged


def _split_large(masked: str, a: int, b: int) -> list[tuple[int, int]]:
    if b - a <= PASSAGE_MAX:
        return [(a, b)]
    pieces: list[tuple[int, int]] = []
    start = a
    lead_in = start
    for s, e in sentence_spans(masked[a:b]):
        s, e = s + a, e + a
        if e - start > PASSAGE_TARGET and s > start:
            # a lead-in ending in ":" goes with the list or quote it opens ("... the following requirements:")
            cut = lead_in if masked[start:s].rstrip().endswith(":") and lead_in > start else s
            pieces.append((start, cut))
            start = cut
        lead_in = s
    pieces.append((start, b))
    out: list[tuple[int, int]] = []
    for s, e in pieces:  # a run-on "sentence" (a PDF table, a list) is cut at line ends
        while e - s > PASSAGE_MAX:
            cut = masked.rfind("\n", s + PASSAGE_TARGET // 2, s + PASSAGE_MAX)
            cut = cut if cut > s else masked.rfind(" ", s + 1, s + PASSAGE_MAX)
            cut = cut if cut > s else s + PASSAGE_MAX
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out


class _Places:
    """Where a reader is at any offset: (section, paragraph, answer, page) after every mark, found by bisection.

    The same as walking the sorted marks up to the offset, without walking them again for each passage.
    """

    def __init__(self, marks: list[_Mark]) -> None:
        section = paragraph = answer = None
        page: int | None = None
        self.ats = [m.at for m in marks]
        self.states: list[tuple[str | None, str | None, str | None, int | None]] = [(None, None, None, None)]
        for m in marks:
            if m.kind == "section":
                section, paragraph, answer = m.value, None, None
            elif m.kind == "paragraph":
                paragraph, answer = f"¶{m.value}", None
            elif m.kind == "answer":
                answer = m.value
            else:
                page = int(m.value)
            self.states.append((section, paragraph, answer, page))
        self.paged = any(m.kind == "page" for m in marks)

    def at(self, offset: int) -> tuple[str | None, str | None, str | None, int | None]:
        return self.states[bisect_right(self.ats, offset)]


def _passage(document: Document, masked: str, ordinal: int, start: int, end: int, places: _Places) -> Passage:
    section, paragraph, answer, page = places.at(start)
    if page is None and places.paged:
        page = 1
    where = paragraph
    if answer:
        where = f"{paragraph} ({answer})" if paragraph else f"answer {answer}"
    return Passage(doc=document.path, ordinal=ordinal, start=start, end=end,
                   text=document.text[start:end], masked=masked[start:end], title=document.title,
                   doc_date=document.date, section=section and heading_case(section), paragraph=where, page=page)
