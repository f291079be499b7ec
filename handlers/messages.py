"""Every user-facing string factbot says in Slack, in one place."""

from __future__ import annotations

__all__ = [
    "ANSWER_TITLES",
    "APOLOGY",
    "ASK_WHAT",
    "BUTTON_MORE",
    "BUTTON_SHARE",
    "BUTTON_VOTE_DOWN",
    "BUTTON_VOTE_UP",
    "COMMANDS_HELP",
    "DIGEST_UNAVAILABLE",
    "EMPTY_QUERY_HINTS",
    "EXAMPLES",
    "EXPIRED",
    "FEEDBACK_THANKS",
    "HELP_INTRO",
    "HOME_TITLE",
    "NOTHING_FOUND",
    "NOT_IN_CHANNEL",
    "RELOAD_ADDED",
    "RELOAD_BUILDING",
    "RELOAD_BUSY",
    "RELOAD_CHANGED",
    "RELOAD_DONE_TITLE",
    "RELOAD_FACTS",
    "RELOAD_FAILED_TITLE",
    "RELOAD_HOURGLASS",
    "RELOAD_KEPT",
    "RELOAD_MORE",
    "RELOAD_NO_CHANGE",
    "RELOAD_REASON",
    "RELOAD_REFUSED",
    "RELOAD_REMOVED",
    "RELOAD_SKIPPED",
    "RELOAD_STARTED",
    "RELOAD_STEPS",
    "RELOAD_SUMMARY",
    "RELOAD_UNAVAILABLE",
    "RESULTS_RANGE",
    "SHARED_BY",
    "SHARED_NOTE",
    "STATUS_TITLE",
    "SUGGESTIONS",
    "UNKNOWN_SUBCOMMAND",
    "UPLOAD_BUNDLED",
    "UPLOAD_BUSY",
    "UPLOAD_NOT_ADMIN",
    "UPLOAD_REFUSED",
    "UPLOAD_SAVED",
    "UPLOAD_WHY",
]

# Header of an answer, per command: {query} is the user's text (escaped by the caller).
ANSWER_TITLES = {
    "ask": "Answer: {query}",
    "funding": "Funding: {query}",
    "contact": "Contacts: {query}",
    "permits": "Permits: {query}",
    "events": "Events: {query}",
}
# Header when the command was given no text.
EMPTY_QUERY_HINTS = {
    "ask": "Answer",
    "funding": "Funding: overview",
    "contact": "Contacts: overview",
    "permits": "Permits: overview",
    "events": "Events: overview",
}

NOTHING_FOUND = "Nothing found for “{query}”."
SUGGESTIONS = "Try: {suggestions}"
RESULTS_RANGE = "Results {first}–{last} of {total}"
ASK_WHAT = "Ask me a question about the documents, e.g. “who funds UNODC” or “victim shelter contact”."

BUTTON_SHARE = "Share in channel"
BUTTON_MORE = "More results"
BUTTON_VOTE_UP = "👍"
BUTTON_VOTE_DOWN = "👎"

SHARED_BY = "Shared by <@{user}>"
SHARED_NOTE = "Shared in the channel."
NOT_IN_CHANNEL = ("I can't post in this channel. Invite me first (`/invite @factbot`), "
                  "or share the answer yourself.")
FEEDBACK_THANKS = {"up": "Thanks, noted 👍", "down": "Thanks, noted 👎 — we'll use it to improve the answers."}
EXPIRED = "This answer has expired; please ask again."

APOLOGY = "Sorry, something went wrong while answering. Reference: `{ref}` (give it to an admin)."

HELP_INTRO = "I answer from the team's documents, and every answer quotes and cites its source."
COMMANDS_HELP = (
    ("/funding [text]", "who pays whom, how much and for what"),
    ("/contact [text]", "names, organisations, e-mails, phones and addresses"),
    ("/permits [text]", "residence permits, reflection periods, their conditions and costs"),
    ("/events [text]", "meetings, conferences and dates"),
    ("/factbot ask TEXT", "any question, the same as mentioning me"),
    ("/factbot status", "what I know: documents, facts, last build"),
    ("/factbot digest", "a preview of today's digest"),
    ("/factbot reload", "rebuild the knowledge base from the documents (admins only)"),
    ("/factbot help", "this help"),
)
EXAMPLES = (
    "/funding UNODC",
    "/contact shelter",
    "/permits reflection period",
    "/events conference",
    "@factbot who funds victim assistance?",
)

UNKNOWN_SUBCOMMAND = "I don't know `/factbot {sub}`. Here is what I can do:"
DIGEST_UNAVAILABLE = "The digest is not available yet in this version of factbot."
RELOAD_UNAVAILABLE = "Reloading from Slack is not available yet in this version of factbot."

STATUS_TITLE = "What factbot knows"
HOME_TITLE = "factbot: answers from the team's documents"

# /factbot reload and documents shared with the bot (handlers/reload.py, bot/reloader.py)
RELOAD_HOURGLASS = "⏳"
RELOAD_STEPS = {
    "starting": "Reloading the knowledge base…",
    "building": "Reading the documents…",
    "checking": "Checking the new knowledge base…",
    "swapping": "Switching over…",
    "downloading": "Downloading the shared file…",
}
RELOAD_BUILDING = "Reading the documents: {done} of {total}"
RELOAD_DONE_TITLE = "Knowledge base reloaded"
RELOAD_SUMMARY = "{after} documents (before: {before}), built in {seconds:.1f} s."
RELOAD_NO_CHANGE = "No document changed."
RELOAD_ADDED = "Added"
RELOAD_REMOVED = "Removed"
RELOAD_CHANGED = "Changed"
RELOAD_FACTS = "Facts (before → after)"
RELOAD_SKIPPED = "Files skipped"
RELOAD_MORE = "… and {n} more"
RELOAD_FAILED_TITLE = "Reload failed"
RELOAD_KEPT = "The previous knowledge base is still answering; nothing was lost."
RELOAD_REASON = "Why:"
RELOAD_REFUSED = ("Sorry, only factbot admins can reload the knowledge base. "
                  "Ask one of them, or an admin of this workspace.")
RELOAD_BUSY = ("A reload is already running, so I did not start another one. "
               "`/factbot status` shows the new knowledge base once it is done.")
RELOAD_STARTED = "Reloading the knowledge base; I'll keep you posted in our direct messages."
UPLOAD_REFUSED = "I did not add `{name}`: {reason}"
UPLOAD_SAVED = "Saved to the documents folder from Slack: {names} ({size})."
UPLOAD_BUSY = "a reload is running right now; share the file again in a minute."
UPLOAD_NOT_ADMIN = ("only factbot admins can add documents. Ask one of them to share it with me, "
                    "or an admin of this workspace.")
UPLOAD_BUNDLED = ("I am reading the documents shipped with factbot, and I don't write into my own package. "
                  "Ask whoever runs me to set FACTBOT_DOCS to a documents folder, then share the file again.")
UPLOAD_WHY = {
    "no_name": "the file has no name.",
    "path": "its name contains a path (`/` or `\\`); share the file under a plain name.",
    "control": "its name contains control characters.",
    "hidden": "names starting with a dot are hidden files and would be ignored.",
    "folder_note": "a file named `{name}` is taken as a note about the folder and ignored; rename it first.",
    "type": "only {allowed} files are accepted, not `{suffix}`.",
    "external": "only files uploaded to Slack can be added, not links to other services.",
    "too_large": "it is too large ({size:,} bytes; the limit is {limit:,}).",
    "url": "Slack gave no download address I trust for it.",
    "download": "the download failed ({detail}).",
    "web_page": "Slack sent a web page instead of the file (the app may lack the `files:read` scope).",
    "unreadable": "I can't read it as a document: {detail}.",
    "folder": "the documents folder is not writable ({detail}).",
}
