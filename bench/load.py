"""Load benchmark: the real Slack app over HTTP on 127.0.0.1, N concurrent signed requests, a local Web API.

    python bench/load.py [--levels 10,50,200] [--docs DIR | --synthetic N] [--timeout 30]

The bot runs in a child process (this script with `--serve`): the real Bolt app from
`bot.app.create_app` behind `bot.server.start_http`, bound to 127.0.0.1 only, its Web API pointed
at the recording stand-in from `tests/bot/slack_stand_in.py`, which runs here with the load
generator. For each level N, N correctly signed requests go out at once — slash commands
(`/funding`, `/contact`, `/permits`, `/events`, `/factbot ask`) and `app_mention` events, about
two to one — and we measure:

- ack latency: from sending the request to Slack's HTTP response (Slack wants it within 3 s);
- time to answer: from sending to the answer reaching the stand-in (response_url or
  chat.postMessage in the mention's thread);
- errors: a non-200 ack, an answer missing after `--timeout`, or an apology instead of an answer;
- the bot's peak memory (VmHWM of the child process).

Target (issue 7): no errors, p99 ack < 300 ms and every answer within 3 s at N = 50.
Results go to stdout and to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import math
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402

from bench.build_speed import corpus_for  # noqa: E402
from bench.synth import DEFAULT_SEED  # noqa: E402
from knowledge.store import build_knowledge_base  # noqa: E402
from tests.bot.slack_stand_in import BOT_USER_ID, TEAM_ID, Call, SlackStandIn, sign  # noqa: E402

__all__ = ["Level", "Sent", "percentile", "run_level"]

LEVELS = (10, 50, 200)
TARGET_LEVEL = 50
ACK_TARGET = 0.300
ANSWER_TARGET = 3.0
ANSWER_TIMEOUT = 30.0
START_TIMEOUT = 60.0
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Load (bench/load.py)"
CORPUS = ROOT / "knowledge" / "corpus"
# Made-up credentials for a bot that only ever talks to the local stand-in.
BOT_TOKEN = "xoxb-000-000-loadbenchmark"
SIGNING_SECRET = "load-benchmark-signing-secret"
APOLOGY_MARK = "something went wrong"
COMMANDS = (("/funding", "UNODC"), ("/contact", "embassy Paris"), ("/permits", "reflection period"),
            ("/events", "Vienna"), ("/factbot", "ask who funds the shelters"), ("/funding", ""),
            ("/permits", "residence permit cost"), ("/events", "conference 2009"))
MENTIONS = ("what residence permits do victims get?", "who funds UNODC", "contact for TIP issues at the embassy",
            "events in October", "shelter funding 2009", "reflection period")
_MENTION_TS = itertools.count(1)  # each mention is a new message: its own ts


@dataclass(frozen=True, slots=True)
class Sent:
    """One request of a level: what it was, when it left, its ack and the key its answer is found by."""

    kind: str  # "command" or "mention"
    key: str  # response_url path, or the mention's ts (the answer's thread_ts)
    started: float
    ack: float
    status: int


@dataclass(frozen=True, slots=True)
class Level:
    """What one level measured."""

    n: int
    acks: list[float]
    answers: list[float]
    errors: dict[str, int]
    seconds: float
    peak_kb: int


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank p-th percentile (nan for no values)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


async def run_level(n: int, bot_url: str, slack: SlackStandIn, *, timeout: float = ANSWER_TIMEOUT,
                    tag: str = "") -> tuple[list[Sent], dict[str, Call]]:
    """Send `n` requests at once; wait (at most `timeout`) for their answers. (sent, answers by key)."""
    tag = tag or f"L{n}"
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        sent = await asyncio.gather(*(_send(session, bot_url, slack, i, tag) for i in range(n)))
    keys = {s.key for s in sent if s.status == 200}
    deadline = time.monotonic() + timeout
    answers: dict[str, Call] = {}
    while time.monotonic() < deadline:
        answers = _answers(slack, keys)
        if len(answers) >= len(keys):
            break
        await asyncio.sleep(0.02)
    return list(sent), answers


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.serve:
        asyncio.run(_serve(args))
        return 0
    return asyncio.run(_bench(args))


# -- the load generator -----------------------------------------------------------------------

async def _bench(args: argparse.Namespace) -> int:
    levels = tuple(int(x) for x in args.levels.split(","))
    docs = args.docs or (corpus_for(args.synthetic, DEFAULT_SEED, None) if args.synthetic else CORPUS)
    with tempfile.TemporaryDirectory(prefix="factbot-load-") as tmp:
        scratch = Path(tmp)
        kb = scratch / "kb.db"
        report = await asyncio.to_thread(build_knowledge_base, docs, kb)
        print(f"knowledge base: {report.documents} documents, {report.passages} passages", flush=True)
        slack = await SlackStandIn().start()
        child, port = await _start_bot(docs, kb, scratch, slack.api_url)
        try:
            url = f"http://127.0.0.1:{port}/slack/events"
            await run_level(2, url, slack, tag="warmup")
            idle_kb = _memory(child.pid, "VmRSS")
            results = []
            for n in levels:
                started = time.monotonic()
                sent, answers = await run_level(n, url, slack, timeout=args.timeout)
                level = _level(n, sent, answers, time.monotonic() - started, _memory(child.pid, "VmHWM"))
                print(_level_line(level), flush=True)
                results.append(level)
        finally:
            child.send_signal(signal.SIGTERM)
            await asyncio.to_thread(child.wait, 15)
            await slack.stop()
    label = docs.relative_to(ROOT).as_posix() if docs.is_relative_to(ROOT) else str(docs)
    summary = _summary(label, report.documents, results, idle_kb)
    print(summary)
    if not args.no_results:
        _update_results(summary)
    level = next((r for r in results if r.n == TARGET_LEVEL), None)
    return 0 if level is None or _meets(level) else 1


async def _send(session: aiohttp.ClientSession, url: str, slack: SlackStandIn, i: int, tag: str) -> Sent:
    if i % 3 == 2:
        ts = f"{1800000000 + next(_MENTION_TS)}.000100"
        event = {"type": "app_mention", "user": "ULOAD0001", "channel": "CLOAD0001", "ts": ts,
                 "text": f"<@{BOT_USER_ID}> {MENTIONS[i // 3 % len(MENTIONS)]}"}
        body = json.dumps({"token": "legacy", "team_id": TEAM_ID, "api_app_id": "AFACTBOT", "type": "event_callback",
                           "event_id": f"Ev{tag}{i:06d}", "event_time": int(time.time()),
                           "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
                           "event": event})
        kind, key, content_type = "mention", ts, "application/json"
    else:
        command, text = COMMANDS[i % len(COMMANDS)]
        name = f"{tag}-{i}"
        body = urlencode({"token": "legacy", "team_id": TEAM_ID, "channel_id": "CLOAD0001", "channel_name": "load",
                          "user_id": "ULOAD0001", "user_name": "load", "command": command, "text": text,
                          "response_url": slack.response_url(name), "trigger_id": f"trig-{name}"})
        kind, key, content_type = "command", f"/response/{name}", "application/x-www-form-urlencoded"
    ts_now = int(time.time())
    headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": str(ts_now),
               "X-Slack-Signature": sign(SIGNING_SECRET, ts_now, body)}
    started = time.monotonic()
    try:
        async with session.post(url, data=body.encode(), headers=headers) as response:
            await response.read()
            status = response.status
    except aiohttp.ClientError:
        status = 0
    return Sent(kind=kind, key=key, started=started, ack=time.monotonic() - started, status=status)


def _answers(slack: SlackStandIn, keys: set[str]) -> dict[str, Call]:
    found: dict[str, Call] = {}
    for call in slack.calls:
        if call.method == "response_url" and call.path in keys:
            found.setdefault(call.path, call)
        elif call.method == "chat.postMessage" and str(call.payload.get("thread_ts")) in keys:
            found.setdefault(str(call.payload["thread_ts"]), call)
    return found


def _level(n: int, sent: list[Sent], answers: dict[str, Call], seconds: float, peak_kb: int) -> Level:
    errors = {"ack not 200": sum(s.status != 200 for s in sent),
              "no answer": sum(s.status == 200 and s.key not in answers for s in sent),
              "apology": sum(APOLOGY_MARK in json.dumps(c.payload) for c in answers.values())}
    by_key = {s.key: s for s in sent}
    waits = [c.at - by_key[k].started for k, c in answers.items()]
    return Level(n=n, acks=[s.ack for s in sent if s.status == 200], answers=waits, errors=errors,
                 seconds=seconds, peak_kb=peak_kb)


def _meets(level: Level) -> bool:
    complete = len(level.answers) == level.n
    return (not any(level.errors.values()) and percentile(level.acks, 99) < ACK_TARGET and complete
            and max(level.answers) <= ANSWER_TARGET)


def _level_line(level: Level) -> str:
    return (f"N={level.n}: ack p50 {1000 * percentile(level.acks, 50):.0f} ms, p99 "
            f"{1000 * percentile(level.acks, 99):.0f} ms; answer p50 {percentile(level.answers, 50):.2f} s, "
            f"p99 {percentile(level.answers, 99):.2f} s, max {max(level.answers, default=math.nan):.2f} s; "
            f"errors {sum(level.errors.values())}; peak {level.peak_kb / 1024:.0f} MB")


def _summary(docs: str, documents: int, results: list[Level], idle_kb: int) -> str:
    lines = [
        SECTION, "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.node() or 'this machine'}: nproc {os.cpu_count()}, "
        f"Python {platform.python_version()}. Load average at the end: "
        f"{', '.join(f'{x:.1f}' for x in os.getloadavg())} (the machine is shared with other work).",
        "",
        f"The bot (`create_app` + `start_http` on 127.0.0.1, its own process) answers from `{docs}` "
        f"({documents} documents); the Web API and response_url are the local stand-in. Each level sends N "
        "signed requests at once: slash commands and mentions, two to one. RSS of the bot after warm-up: "
        f"{idle_kb / 1024:.0f} MB.",
        "",
        "| N | ack p50 | ack p99 | answer p50 | answer p99 | answer max | answered | errors | wall | bot peak RSS |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        errors = ", ".join(f"{k} {v}" for k, v in r.errors.items() if v) or "0"
        lines.append(f"| {r.n} | {1000 * percentile(r.acks, 50):.0f} ms | {1000 * percentile(r.acks, 99):.0f} ms "
                     f"| {percentile(r.answers, 50):.2f} s | {percentile(r.answers, 99):.2f} s "
                     f"| {max(r.answers, default=math.nan):.2f} s | {len(r.answers)}/{r.n} | {errors} "
                     f"| {r.seconds:.1f} s | {r.peak_kb / 1024:.0f} MB |")
    target = next((r for r in results if r.n == TARGET_LEVEL), None)
    if target is not None:
        verdict = "meets" if _meets(target) else "misses"
        lines += ["", f"Verdict at N = {TARGET_LEVEL}: {verdict} the target (no errors, p99 ack < "
                      f"{1000 * ACK_TARGET:.0f} ms, every answer within {ANSWER_TARGET:g} s)."]
    return "\n".join(lines) + "\n"


def _update_results(summary: str) -> None:
    """Replace this benchmark's section of RESULTS.md (other benchmarks' sections stay as they are)."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n\n"
    start = text.find(SECTION)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + summary
    else:
        nxt = text.find("\n## ", start + len(SECTION))
        body = text[start:nxt if nxt >= 0 else len(text)]
        at = body.find("### Notes")
        notes = "\n" + body[at:].rstrip("\n") + "\n" if at >= 0 else ""
        tail = text[nxt + 1:] if nxt >= 0 else ""
        text = text[:start] + summary + notes + ("\n" + tail if tail else "")
    RESULTS.write_text(text, encoding="utf-8")


def _memory(pid: int, field: str) -> int:
    """A kB figure from /proc/<pid>/status (VmRSS now, VmHWM peak); 0 where /proc is not there."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


async def _start_bot(docs: Path, kb: Path, scratch: Path, api_url: str) -> tuple[subprocess.Popen[str], int]:
    command = [sys.executable, str(Path(__file__).resolve()), "--serve", "--docs", str(docs), "--db", str(kb),
               "--state", str(scratch / "state.db"), "--api-url", api_url]
    log = (scratch / "bot.log").open("w")
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True, cwd=ROOT)
    assert child.stdout is not None
    line = await asyncio.wait_for(asyncio.to_thread(child.stdout.readline), START_TIMEOUT)
    if not line.startswith("PORT "):
        child.kill()
        raise SystemExit(f"the bot did not start: {line!r}\n{(scratch / 'bot.log').read_text()[-2000:]}")
    return child, int(line.split()[1])


# -- the bot, in its own process ----------------------------------------------------------------

async def _serve(args: argparse.Namespace) -> None:
    from bot.app import app_context, create_app
    from bot.config import Settings
    from bot.server import start_http
    from knowledge.holder import KnowledgeHolder

    settings = Settings(docs_dir=args.docs, db_path=args.db, state_db_path=args.state, bot_token=BOT_TOKEN,
                        signing_secret=SIGNING_SECRET, api_url=args.api_url)
    holder = await asyncio.to_thread(KnowledgeHolder.open, settings.db_path)
    app = create_app(settings, holder)
    ctx = app_context(app)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    runner, port = await start_http(app, host="127.0.0.1", port=0)
    print(f"PORT {port}", flush=True)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # nobody reads the pipe any more: never block on it
    await stop.wait()
    await runner.cleanup()
    await ctx.shutdown(5)
    ctx.state.close()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default=",".join(map(str, LEVELS)), help="concurrent requests per level")
    parser.add_argument("--docs", type=Path, help="documents to answer from (default: the bundled corpus)")
    parser.add_argument("--synthetic", type=int, default=0, metavar="N",
                        help="answer from N synthetic documents (bench/synth.py, cached) instead")
    parser.add_argument("--timeout", type=float, default=ANSWER_TIMEOUT, help="seconds to wait for answers")
    parser.add_argument("--no-results", action="store_true", help="do not update bench/RESULTS.md")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--state", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--api-url", help=argparse.SUPPRESS)
    return parser


if __name__ == "__main__":
    sys.exit(main())
