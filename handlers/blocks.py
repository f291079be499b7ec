"""Block Kit building, in one place: answers, help, status and App Home, always within Slack's limits.

Every text that comes from a document or a user goes through `escape` (Slack mrkdwn: `&`, `<`,
`>`), so a quote can never ping `@channel`/`@here`/`<!everyone>` or inject a link. Quotes stay
verbatim (white space folded); only a quote too long for a section is cut, at a word boundary,
with "…".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from handlers import messages
from knowledge.models import Answer, Result
from knowledge.text import fold

__all__ = [
    "ACTION_MORE",
    "ACTION_SHARE",
    "ACTION_VOTE_DOWN",
    "ACTION_VOTE_UP",
    "MAX_ACTIONS",
    "MAX_BLOCKS",
    "MAX_CONTEXT_ELEMENTS",
    "MAX_FALLBACK",
    "MAX_HEADER",
    "MAX_SECTION",
    "SURFACES",
    "Reply",
    "Status",
    "View",
    "actions",
    "answer_reply",
    "button",
    "context",
    "divider",
    "emphasise",
    "escape",
    "header",
    "help_blocks",
    "home_blocks",
    "limit_problems",
    "query_words",
    "quote",
    "section",
    "shorten",
    "status_blocks",
    "text_reply",
]

MAX_BLOCKS = 50
MAX_SECTION = 3000
MAX_HEADER = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_ACTIONS = 25
MAX_BUTTON_TEXT = 75
MAX_FALLBACK = 3000
MAX_SUMMARY = 300
MAX_CITATION = 300

ACTION_SHARE = "factbot_share"
ACTION_MORE = "factbot_more"
ACTION_VOTE_UP = "factbot_vote_up"
ACTION_VOTE_DOWN = "factbot_vote_down"

# ephemeral: a slash-command answer only the asker sees; shared: posted in the channel;
# thread: a mention or DM answer, in the conversation where the question was asked.
SURFACES = ("ephemeral", "shared", "thread")

_ELLIPSIS = "…"
_WORD = re.compile(r"[^\W_]+")
_STOPWORDS = frozenset("""
    a an and any are about all can did does for from give has have how into its list me of on or our per
    show tell that the their there this to was were what when where which who whom with you your
""".split())
_PREFIX_MIN = 4  # a query word this long also matches longer words it starts ("fund" -> "funding")


@dataclass(frozen=True, slots=True)
class Reply:
    """A Slack message: the plain-text fallback and its blocks."""

    text: str
    blocks: tuple[dict[str, Any], ...] = ()

    def message(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": list(self.blocks)}


@dataclass(frozen=True, slots=True)
class View:
    """How an answer is shown: its stored query reference, the page, where, and who shared it."""

    ref: str
    surface: str = "ephemeral"
    offset: int = 0
    limit: int = 5
    shared_by: str | None = None


@dataclass(frozen=True, slots=True)
class Status:
    """What the knowledge base holds, for /factbot status and App Home."""

    documents: int
    passages: int
    facts: Mapping[str, int]
    built_at: str | None
    titles: tuple[tuple[str, str | None], ...] = ()


def answer_reply(answer: Answer, command: str, view: View) -> Reply:
    """The Block Kit answer: header, per result summary + bold-marked quote + citation, buttons."""
    words = query_words(answer.query)
    title = _answer_title(command, answer.query)
    top: list[dict[str, Any]] = [header(title)]
    if view.shared_by:
        top.append(context([messages.SHARED_BY.format(user=view.shared_by)]))
    bottom = _answer_footer(answer, view)
    room = MAX_BLOCKS - len(top) - len(bottom)
    body: list[dict[str, Any]] = []
    shown = 0
    for rank, result in enumerate(answer.results, view.offset + 1):
        blocks = _result_blocks(rank, result, words)
        if len(body) + len(blocks) > room:
            break
        body.extend(blocks)
        shown += 1
    if not answer.results:
        body.append(section(_nothing_found(answer)))
    return Reply(text=_fallback(title, answer.results[:shown], view.offset, answer), blocks=tuple(top + body + bottom))


def text_reply(text: str, *, title: str | None = None) -> Reply:
    """A short message (already mrkdwn-safe text) as a section, with a header when given a title."""
    blocks = [header(title)] if title else []
    blocks.append(section(text))
    fallback = f"{title}\n{text}" if title else text
    return Reply(text=shorten(fallback, MAX_FALLBACK), blocks=tuple(blocks))


def help_blocks() -> list[dict[str, Any]]:
    """What factbot does and its commands."""
    lines = "\n".join(f"`{cmd}` — {what}" for cmd, what in messages.COMMANDS_HELP)
    examples = "\n".join(f"• `{escape(e)}`" for e in messages.EXAMPLES)
    return [section(messages.HELP_INTRO), section(lines), section(f"*Examples*\n{examples}")]


def status_blocks(status: Status, *, max_titles: int = 20) -> list[dict[str, Any]]:
    """Documents, facts per type, last build, and the first documents' titles."""
    facts = ", ".join(f"{n} {kind}" for kind, n in status.facts.items())
    lines = [f"*Documents:* {status.documents}", f"*Passages:* {status.passages}", f"*Facts:* {facts}",
             f"*Last build:* {escape(status.built_at or 'unknown')}"]
    blocks = [section("\n".join(lines))]
    if status.titles:
        shown = [f"• {escape(title)}" + (f" ({escape(date)})" if date else "")
                 for title, date in status.titles[:max_titles]]
        more = len(status.titles) - len(shown)
        if more > 0:
            shown.append(f"… and {more} more")
        blocks.append(section(shorten("\n".join(shown), MAX_SECTION)))
    return blocks


def home_blocks(status: Status) -> list[dict[str, Any]]:
    """The App Home tab: what factbot knows, its commands and examples."""
    blocks = [header(messages.HOME_TITLE), *status_blocks(status, max_titles=30), divider(), *help_blocks()]
    return blocks[:MAX_BLOCKS]


def header(text: str) -> dict[str, Any]:
    return {"type": "header", "text": {"type": "plain_text", "text": shorten(text, MAX_HEADER), "emoji": True}}


def section(text: str) -> dict[str, Any]:
    """A mrkdwn section; `text` must already be escaped. Longer than Slack allows is cut."""
    return {"type": "section", "text": {"type": "mrkdwn", "text": shorten(text, MAX_SECTION)}}


def context(texts: Iterable[str]) -> dict[str, Any]:
    elements = [{"type": "mrkdwn", "text": shorten(t, MAX_CITATION)} for t in texts if t]
    return {"type": "context", "elements": elements[:MAX_CONTEXT_ELEMENTS]}


def divider() -> dict[str, Any]:
    return {"type": "divider"}


def actions(block_id: str, buttons: Sequence[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "actions", "block_id": block_id, "elements": list(buttons[:MAX_ACTIONS])}


def button(text: str, action_id: str, value: str, *, style: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "button", "action_id": action_id, "value": value[:2000],
                           "text": {"type": "plain_text", "text": shorten(text, MAX_BUTTON_TEXT), "emoji": True}}
    if style:
        out["style"] = style
    return out


def escape(text: str) -> str:
    """Text made safe for Slack mrkdwn: `&`, `<`, `>` become entities (no pings, no links)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def shorten(text: str, limit: int) -> str:
    """`text` unchanged when it fits, else cut at a word boundary and ended with "…"."""
    if len(text) <= limit:
        return text
    return _cut_words(text, limit - len(_ELLIPSIS)) + _ELLIPSIS


def query_words(query: str) -> tuple[str, ...]:
    """The query's meaningful words, lower-case, for marking matches in a quote."""
    words = [w for w in _WORD.findall(query.lower()) if w not in _STOPWORDS and (len(w) >= 3 or w.isdigit())]
    return tuple(dict.fromkeys(words))


def emphasise(text: str, words: Sequence[str]) -> str:
    """`text` escaped for mrkdwn, with the words that match the query in bold."""
    if not words:
        return escape(text)
    spans: list[list[int]] = []
    for m in _WORD.finditer(text):
        if not _matches(m.group().lower(), words):
            continue
        if spans and text[spans[-1][1]:m.start()] == " ":  # "*shelter network*", not "*shelter* *network*"
            spans[-1][1] = m.end()
        else:
            spans.append([m.start(), m.end()])
    out: list[str] = []
    pos = 0
    for start, end in spans:
        out.append(escape(text[pos:start]))
        out.append(f"*{escape(text[start:end])}*")
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def quote(excerpt: str, words: Sequence[str], budget: int = MAX_SECTION) -> str:
    """The excerpt as a mrkdwn quote (`>`), matches in bold, cut at a word boundary to fit `budget`."""
    text = fold(excerpt)
    body = ">" + emphasise(text, words)
    while len(body) > budget and text:
        over = len(body) - budget
        text = _cut_words(text, max(0, len(text) - over - len(_ELLIPSIS)))
        body = ">" + emphasise(text, words) + _ELLIPSIS
    return body


def limit_problems(blocks: Sequence[Mapping[str, Any]]) -> list[str]:
    """Every way `blocks` break Slack's Block Kit limits (empty when the message is valid)."""
    problems = [f"{len(blocks)} blocks > {MAX_BLOCKS}"] if len(blocks) > MAX_BLOCKS else []
    for i, block in enumerate(blocks):
        kind = block.get("type")
        text = (block.get("text") or {}).get("text", "")
        if kind == "section" and len(text) > MAX_SECTION:
            problems.append(f"block {i}: section text {len(text)} > {MAX_SECTION}")
        if kind == "header" and len(text) > MAX_HEADER:
            problems.append(f"block {i}: header {len(text)} > {MAX_HEADER}")
        if kind == "context" and not 0 < len(block.get("elements", [])) <= MAX_CONTEXT_ELEMENTS:
            problems.append(f"block {i}: context with {len(block.get('elements', []))} elements")
        if kind == "actions" and not 0 < len(block.get("elements", [])) <= MAX_ACTIONS:
            problems.append(f"block {i}: actions with {len(block.get('elements', []))} elements")
    return problems


def _answer_title(command: str, query: str) -> str:
    query = fold(query)
    if not query:
        return messages.EMPTY_QUERY_HINTS.get(command, messages.EMPTY_QUERY_HINTS["ask"])
    template = messages.ANSWER_TITLES.get(command, messages.ANSWER_TITLES["ask"])
    return shorten(template.format(query=escape(query)), MAX_HEADER)


def _result_blocks(rank: int, result: Result, words: Sequence[str]) -> list[dict[str, Any]]:
    head = f"*{rank}. {escape(shorten(fold(result.summary), MAX_SUMMARY))}*\n"
    text = head + quote(result.excerpt, words, MAX_SECTION - len(head))
    return [section(text), context(_citation(result)), divider()]


def _citation(result: Result) -> list[str]:
    src = result.source
    title = fold(src.title) or src.doc
    return [f"📄 *{escape(title)}*", escape(src.date or "undated"), escape(src.location)]


def _answer_footer(answer: Answer, view: View) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    if answer.results:
        first, last = view.offset + 1, view.offset + len(answer.results)
        total = max(answer.total, last)
        blocks.append(context([messages.RESULTS_RANGE.format(first=first, last=last, total=total)]))
    buttons = _buttons(answer, view)
    if buttons:
        blocks.append(actions(f"factbot_answer:{view.ref}", buttons))
    return blocks


def _buttons(answer: Answer, view: View) -> list[dict[str, Any]]:
    page = f"{view.ref}:{view.offset}"
    buttons = []
    if view.surface == "ephemeral" and answer.results:
        buttons.append(button(messages.BUTTON_SHARE, ACTION_SHARE, page, style="primary"))
    more = view.offset + len(answer.results) < answer.total
    if more and view.surface in ("ephemeral", "thread"):
        buttons.append(button(messages.BUTTON_MORE, ACTION_MORE, f"{view.ref}:{view.offset + view.limit}"))
    if answer.results:
        buttons.append(button(messages.BUTTON_VOTE_UP, ACTION_VOTE_UP, page))
        buttons.append(button(messages.BUTTON_VOTE_DOWN, ACTION_VOTE_DOWN, page))
    return buttons


def _nothing_found(answer: Answer) -> str:
    if not fold(answer.query):
        return messages.ASK_WHAT
    text = messages.NOTHING_FOUND.format(query=escape(shorten(fold(answer.query), 500)))
    if answer.suggestions:
        hints = ", ".join(f"`{escape(s)}`" for s in answer.suggestions[:5])
        text += "\n" + messages.SUGGESTIONS.format(suggestions=hints)
    return text


def _fallback(title: str, results: Sequence[Result], offset: int, answer: Answer) -> str:
    lines = [title]
    for rank, r in enumerate(results, offset + 1):
        src = r.source
        lines.append(f"{rank}. {escape(fold(r.summary))} — “{escape(fold(r.excerpt))}” — "
                     f"{escape(fold(src.title) or src.doc)}, {escape(src.date or 'undated')}, {escape(src.location)}")
    if not results:
        lines.append(_nothing_found(answer))
    return shorten("\n".join(lines), MAX_FALLBACK)


def _matches(word: str, query: Sequence[str]) -> bool:
    return any(word == q or (len(q) >= _PREFIX_MIN and word.startswith(q)) for q in query)


def _cut_words(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:max(0, limit)]
    space = cut.rfind(" ")
    if space > 0 and not text[limit:limit + 1].isspace():
        cut = cut[:space]
    return cut.rstrip()
