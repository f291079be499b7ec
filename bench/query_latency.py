"""Query latency in process: p50/p99 of `knowledge.answers.answer` beside a bare FTS5 bm25 query.

The bare query is what any FTS5 search costs at least: the query's words OR-ed, ranked by bm25,
top 5 passages, no typo correction, no facts, no excerpts. Queries are the project's question
set (bench/questions.jsonl) plus, on any corpus, queries drawn from its own passages (a few
words of a sentence, a third of them with a typo), so a synthetic corpus is exercised too.

    python bench/query_latency.py --docs knowledge/corpus
    python bench/query_latency.py --synthetic 2000          # bench/synth.py corpus, built once
    python bench/query_latency.py --db /tmp/kb.db --json
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge.answers import answer  # noqa: E402
from knowledge.errors import FactbotError  # noqa: E402
from knowledge.store import KnowledgeBase, build_knowledge_base  # noqa: E402

__all__ = ["bare_fts", "main", "measure", "sampled_queries"]

COMMANDS = ("ask", "funding", "contact", "permits", "events")
_WORD = re.compile(r"[^\W\d_]{4,}")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    kb = KnowledgeBase(_knowledge_base(args))
    queries = _queries(kb, Path(args.questions), args.sampled, args.seed)
    report = measure(kb, queries, repeat=args.repeat)
    report["corpus"] = kb.counts()
    if args.json:
        print(json.dumps(report))
    else:
        _print(report)
    return 0


def measure(kb: KnowledgeBase, queries: list[tuple[str, str]], *, repeat: int = 3) -> dict[str, Any]:
    """p50/p99/max in ms for answer() and for the bare FTS5 query, over `repeat` passes after a warm-up."""
    for command, text in queries:  # warm-up: vocabulary, SQLite page cache
        answer(kb, command, text)
        bare_fts(kb, text)
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(repeat):
        for command, text in queries:
            started = time.perf_counter()
            answer(kb, command, text)
            ours.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            bare_fts(kb, text)
            bare.append((time.perf_counter() - started) * 1000)
    mine, theirs = _stats(ours), _stats(bare)
    return {"queries": len(queries), "runs": len(ours), "answer_ms": mine, "bare_fts_ms": theirs,
            "ratio_p50": round(mine["p50"] / max(theirs["p50"], 1e-6), 2),
            "ratio_p99": round(mine["p99"] / max(theirs["p99"], 1e-6), 2)}


def bare_fts(kb: KnowledgeBase, text: str) -> list[Any]:
    """The baseline: the query's words OR-ed in FTS5, top 5 passages by bm25."""
    words = re.findall(r"[^\W_]+", text.lower())[:24]
    if not words:
        return []
    match = " OR ".join(f'"{w}"' for w in words)
    return kb.query("SELECT rowid, bm25(passages_fts) FROM passages_fts WHERE passages_fts MATCH ? "
                    "ORDER BY rank LIMIT 5", (match,))


def sampled_queries(kb: KnowledgeBase, n: int, *, seed: int = 1) -> list[tuple[str, str]]:
    """`n` queries of 2-4 words from random passages of the knowledge base, a third with a typo."""
    rng = random.Random(seed)
    top = kb.query("SELECT max(id) FROM passages")[0][0] or 0
    queries: list[tuple[str, str]] = []
    for _ in range(n * 3):
        if len(queries) >= n or not top:
            break
        rows = kb.query("SELECT body FROM passages WHERE id = ?", (rng.randint(1, top),))
        words = _WORD.findall(rows[0]["body"]) if rows else []
        if len(words) < 4:
            continue
        at = rng.randrange(0, len(words) - 3)
        picked = words[at:at + rng.randint(2, 4)]
        if rng.random() < 1 / 3:
            picked[0] = _typo(picked[0], rng)
        queries.append((rng.choice(COMMANDS), " ".join(picked)))
    return queries


def _queries(kb: KnowledgeBase, questions: Path, sampled: int, seed: int) -> list[tuple[str, str]]:
    own = [json.loads(line) for line in questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    return ([(q["kind"], q["question"]) for q in own] + [(c, "") for c in COMMANDS[1:]]
            + sampled_queries(kb, sampled, seed=seed))


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:] if rng.random() < 0.5 else word[:i] + word[i + 1:]


def _knowledge_base(args: argparse.Namespace) -> Path:
    if args.db and Path(args.db).exists() and not args.docs and not args.synthetic:
        return Path(args.db)
    docs = Path(args.docs) if args.docs else None
    if args.synthetic:
        docs = Path(tempfile.gettempdir()) / f"factbot-synth-{args.synthetic}"
        if not docs.exists():
            subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), str(docs), "--n", str(args.synthetic)],
                           check=True)
    docs = docs or ROOT / "knowledge" / "corpus"
    db = Path(args.db) if args.db else Path(tempfile.gettempdir()) / f"factbot-bench-{docs.name}.db"
    if not db.exists() or not _current(db, docs):
        print(f"building {db} from {docs} ...", file=sys.stderr)
        build_knowledge_base(docs, db)
    return db


def _current(db: Path, docs: Path) -> bool:
    try:
        kb = KnowledgeBase(db)
    except FactbotError:
        return False
    try:
        return kb.is_current(docs)
    finally:
        kb.close()


def _stats(ms: list[float]) -> dict[str, float]:
    ordered = sorted(ms)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return {"p50": round(statistics.median(ordered), 2), "p99": round(p99, 2), "max": round(ordered[-1], 2)}


def _print(report: dict[str, Any]) -> None:
    c = report["corpus"]
    print(f"corpus: {c['documents']} documents, {c['passages']} passages, facts {c['facts']}")
    print(f"{report['queries']} queries x {report['runs'] // max(1, report['queries'])} runs")
    print(f"{'':12} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for label, key in (("answer()", "answer_ms"), ("bare FTS5", "bare_fts_ms")):
        s = report[key]
        print(f"{label:12} {s['p50']:>8} {s['p99']:>8} {s['max']:>8}")
    print(f"ratio answer/bare: p50 x{report['ratio_p50']}, p99 x{report['ratio_p99']}")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--docs", help="documents folder (default: the bundled corpus)")
    p.add_argument("--db", help="knowledge base file (built from --docs if missing)")
    p.add_argument("--synthetic", type=int, metavar="N", help="use a synthetic corpus of N documents (bench/synth.py)")
    p.add_argument("--questions", default=str(ROOT / "bench" / "questions.jsonl"))
    p.add_argument("--sampled", type=int, default=200, help="queries drawn from the corpus's passages")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", action="store_true")
    return p


if __name__ == "__main__":
    sys.exit(main())
