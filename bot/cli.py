"""The `factbot` command line: build, facts, ask and the four commands, serve, digest."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from dotenv import load_dotenv

from bot.config import ConfigError, Settings
from knowledge import FACT_TYPES, Answer, FactbotError
from knowledge.store import BuildReport, KnowledgeBase, build_knowledge_base, built_from

__all__ = ["main"]

ANSWER_COMMANDS = ("ask", "funding", "contact", "permits", "events")
DEFAULT_LIMIT = 5


def main(argv: Sequence[str] | None = None) -> int:
    """Run one factbot command; returns the exit status."""
    load_dotenv(Path.cwd() / ".env")
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_env(os.environ, docs=args.docs or args.docs_before, db=args.db or args.db_before)
        status: int = args.run(settings, args)
        return status
    except ConfigError as e:
        print(f"factbot: {e}", file=sys.stderr)
        return 2
    except FactbotError as e:
        print(f"factbot: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def build(settings: Settings, args: argparse.Namespace) -> int:
    """Build the knowledge base from the documents folder and print a summary."""
    report = _build(settings, verbose=not args.json)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        _print_build(report, sys.stdout)
    return 0


def facts(settings: Settings, args: argparse.Namespace) -> int:
    """Print every extracted fact (of one type)."""
    kb = open_knowledge_base(settings)
    found = kb.facts(args.type)
    if args.json:
        print(json.dumps([f.to_json() for f in found], ensure_ascii=False))
        return 0
    for f in found:
        fields = ", ".join(f"{k}={v}" for k, v in f.fields.items())
        print(f"[{f.type}] {fields}\n    “{f.excerpt}”\n    — {f.source.doc}, {f.source.location}")
    print(f"{len(found)} facts", file=sys.stderr)
    return 0


def answer_command(settings: Settings, args: argparse.Namespace) -> int:
    """Answer one query, or one query a line from standard input with --batch."""
    from knowledge.answers import answer  # the search stack loads only for commands that answer

    kb = open_knowledge_base(settings)
    if args.batch:
        for line in sys.stdin:
            result = answer(kb, args.command, line.strip(), limit=args.limit)
            _print_answer(result, as_json=args.json)
            sys.stdout.flush()
        return 0
    text = " ".join(args.text).strip()
    _print_answer(answer(kb, args.command, text, limit=args.limit), as_json=args.json)
    return 0


def serve(settings: Settings, args: argparse.Namespace) -> int:
    """Run the Slack app (Socket Mode with SLACK_APP_TOKEN, else HTTP on $PORT)."""
    from bot.server import run_server

    if settings.db_path.exists():  # admins' reloads and uploads go to the folder it answers from
        settings = replace(settings, docs_dir=answering_docs(settings) or settings.docs_dir)

    def prepare() -> None:
        open_knowledge_base(settings).close()

    return run_server(settings, prepare=prepare)


def digest(settings: Settings, args: argparse.Namespace) -> int:
    """Print today's digest, or post it once a day with --post."""
    from bot.digest_cli import run_digest

    kb = open_knowledge_base(settings)
    return run_digest(settings, kb, post=args.post, force=args.force, as_json=args.json, day=args.date)


def open_knowledge_base(settings: Settings) -> KnowledgeBase:
    """The knowledge base at settings.db_path: built first when it does not exist yet, rebuilt when out of date.

    Out of date: documents were added or changed, or factbot was upgraded. The documents are those of
    --docs / FACTBOT_DOCS when given, else the folder the knowledge base was built from, so `--db` alone
    never replaces a knowledge base with the bundled documents; one whose folder is gone is used as it is.
    """
    if not settings.db_path.exists():
        _build(settings, verbose=False)
        return KnowledgeBase(settings.db_path)
    docs = answering_docs(settings)
    try:
        kb = KnowledgeBase(settings.db_path)
    except FactbotError:
        if docs is None:
            raise
        _build(replace(settings, docs_dir=docs), verbose=False)
        return KnowledgeBase(settings.db_path)
    if docs is not None and not kb.is_current(docs):
        kb.close()
        _build(replace(settings, docs_dir=docs), verbose=False)
        kb = KnowledgeBase(settings.db_path)
    return kb


def answering_docs(settings: Settings) -> Path | None:
    """The documents an existing knowledge base answers from (see `open_knowledge_base`); None: keep it as is."""
    if settings.docs_given:
        return settings.docs_dir
    source = built_from(settings.db_path)
    if source is None:  # not a knowledge base factbot can read: build one from the default documents
        return settings.docs_dir
    return source if source.is_dir() else None


def _build(settings: Settings, *, verbose: bool) -> BuildReport:
    progress = _progress_bar if verbose and sys.stderr.isatty() else None
    report = build_knowledge_base(settings.docs_dir, settings.db_path, max_bytes=settings.max_file_bytes,
                                  progress=progress)
    if not verbose:
        for s in report.skipped:
            print(f"factbot: skipped {s.path}: {s.reason}", file=sys.stderr)
    return report


def _progress_bar(done: int, total: int, name: str) -> None:
    width = 30
    filled = width * done // max(1, total)
    line = f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[-40:]:<40}"
    sys.stderr.write(line if done < total else "\r" + " " * len(line) + "\r")
    sys.stderr.flush()


def _print_build(report: BuildReport, out: TextIO) -> None:
    facts = ", ".join(f"{n} {t}" for t, n in report.facts.items())
    mb = report.bytes_read / 1e6
    print(f"Built {report.db_path}: {report.documents} documents, {report.passages} passages, "
          f"facts: {facts} ({report.seconds:.2f} s, {mb:.2f} MB)", file=out)
    for s in report.skipped:
        print(f"  skipped {s.path}: {s.reason}", file=out)


def _print_answer(result: Answer, *, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
        return
    if not result.results:
        hint = f" Try: {', '.join(result.suggestions)}." if result.suggestions else ""
        print(f"Nothing found for “{result.query}”.{hint}")
        return
    for i, r in enumerate(result.results, 1):
        src = r.source
        print(f"{i}. {r.summary}\n   “{r.excerpt}”\n   — {src.title} ({src.doc}, {src.date or 'undated'}, "
              f"{src.location})")


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--docs", help="documents folder (default: $FACTBOT_DOCS or the bundled documents)")
    common.add_argument("--db", help="knowledge base file (default: $FACTBOT_DB or data/factbot.db)")
    parser = argparse.ArgumentParser(prog="factbot", description="Answers from documents, quoted and cited.")
    # also before the command ("factbot --docs DIR ask ..."); after it, they win
    parser.add_argument("--docs", dest="docs_before", help=argparse.SUPPRESS)
    parser.add_argument("--db", dest="db_before", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("build", parents=[common], help="build the knowledge base from the documents")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=build)
    p = sub.add_parser("facts", parents=[common], help="every extracted fact")
    p.add_argument("--type", choices=FACT_TYPES)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=facts)
    for name in ANSWER_COMMANDS:
        what = "answer a question as a mention of the bot" if name == "ask" else f"the /{name} answer"
        p = sub.add_parser(name, parents=[common], help=what)
        p.add_argument("text", nargs="*", help="the query (may be empty for an overview)")
        p.add_argument("--json", action="store_true", help="one JSON answer")
        p.add_argument("--limit", type=_positive, default=DEFAULT_LIMIT, help="results at most (default 5)")
        p.add_argument("--batch", action="store_true", help="one query a line on stdin, one answer a line out")
        p.set_defaults(run=answer_command)
    p = sub.add_parser("serve", parents=[common], help="run the Slack app")
    p.set_defaults(run=serve)
    p = sub.add_parser("digest", parents=[common], help="print (or --post) today's digest")
    p.add_argument("--post", action="store_true", help="post it to $FACTBOT_DIGEST_CHANNEL (once a day)")
    p.add_argument("--force", action="store_true", help="post even if already posted today")
    p.add_argument("--json", action="store_true")
    p.add_argument("--date", help="the day, YYYY-MM-DD (default: today in $FACTBOT_DIGEST_TZ)")
    p.set_defaults(run=digest)
    return parser


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, got {value!r}")
    return n
