"""Answer quality on the project's own questions: hit@1, hit@3, MRR per kind and tag, verbatim excerpts.

Questions are bench/questions.jsonl, one JSON object a line: `{"id", "kind", "question",
"answers", "doc", "tags"}` (kind: ask, funding, contact, permits, events). A question is answered
at rank r when one of `answers` is inside result r's excerpt (case and white space folded). A
question with no `answers` expects no result at all (an honest "nothing found"). Every excerpt
must be a verbatim quote of a document (white space folded); the report counts those that are not.

    python bench/quality.py                      # the bundled corpus, a temporary knowledge base
    python bench/quality.py --docs DIR --db PATH -v
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge.answers import answer  # noqa: E402
from knowledge.store import KnowledgeBase, build_knowledge_base  # noqa: E402

__all__ = ["main", "score"]

K = 3


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    docs = Path(args.docs)
    db = Path(args.db) if args.db else Path(tempfile.mkdtemp(prefix="factbot-quality-")) / "kb.db"
    if args.rebuild or not db.exists():
        build_knowledge_base(docs, db)
    questions = [json.loads(line) for line in Path(args.questions).read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    report = score(KnowledgeBase(db), questions, docs)
    if args.json:
        print(json.dumps(report))
    else:
        _print(report, verbose=args.verbose)
    return 0


def score(kb: KnowledgeBase, questions: list[dict[str, Any]], docs: Path) -> dict[str, Any]:
    """Ranks of the first right excerpt, aggregated per kind and tag, and excerpts that are not verbatim."""
    texts = [_fold(p.read_text(encoding="utf-8", errors="replace")) for p in sorted(docs.rglob("*")) if p.is_file()]
    rows = []
    non_verbatim: list[str] = []
    started = time.perf_counter()
    for q in questions:
        found = answer(kb, q["kind"], q["question"], limit=5)
        excerpts = [_fold(r.excerpt) for r in found.results]
        non_verbatim += [e for e in excerpts if not any(e in t for t in texts)]
        rows.append({"id": q["id"], "kind": q["kind"], "tags": q.get("tags", []), "question": q["question"],
                     "rank": _rank(q["answers"], excerpts), "top": found.results[0].excerpt if found.results else None,
                     "intent": found.intent})
    elapsed = (time.perf_counter() - started) * 1000 / max(1, len(questions))
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups["ALL"].append(row)
        groups[f"kind:{row['kind']}"].append(row)
        for tag in row["tags"]:
            groups[f"tag:{tag}"].append(row)
    return {"groups": {name: _metrics(members) for name, members in sorted(groups.items())},
            "non_verbatim": len(non_verbatim), "ms_per_query": round(elapsed, 2),
            "missed": [r for r in rows if r["rank"] != 1]}


def _rank(answers: list[str], excerpts: list[str]) -> int | None:
    if not answers:
        return 1 if not excerpts else None  # nothing expected: right only when nothing is returned
    wanted = [_fold(a) for a in answers]
    for i, excerpt in enumerate(excerpts, 1):
        if any(w in excerpt for w in wanted):
            return i
    return None


def _metrics(rows: list[dict[str, Any]]) -> dict[str, float]:
    n = len(rows)
    ranks = [r["rank"] for r in rows]
    return {"n": n, "hit@1": round(sum(r == 1 for r in ranks) / n, 3),
            f"hit@{K}": round(sum(r is not None and r <= K for r in ranks) / n, 3),
            "mrr": round(sum(1 / r for r in ranks if r) / n, 3)}


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _print(report: dict[str, Any], *, verbose: bool) -> None:
    print(f"{'':16} {'n':>4} {'hit@1':>7} {'hit@3':>7} {'MRR':>7}")
    for name, m in report["groups"].items():
        print(f"{name:16} {m['n']:>4} {m['hit@1']:>7} {m[f'hit@{K}']:>7} {m['mrr']:>7}")
    print(f"non-verbatim excerpts: {report['non_verbatim']}; {report['ms_per_query']} ms/query in process")
    if verbose:
        for row in report["missed"]:
            top = (row["top"] or "")[:140]
            print(f"  {row['id']} [{row['kind']}] rank={row['rank']} intent={row['intent']} {row['question']!r}\n"
                  f"      top: {top!r}")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--docs", default=str(ROOT / "knowledge" / "corpus"))
    p.add_argument("--db", help="knowledge base file (default: a fresh one in a temporary folder)")
    p.add_argument("--rebuild", action="store_true", help="build the knowledge base even if --db exists")
    p.add_argument("--questions", default=str(ROOT / "bench" / "questions.jsonl"))
    p.add_argument("--json", action="store_true")
    p.add_argument("-v", "--verbose", action="store_true", help="show every question not answered at rank 1")
    return p


if __name__ == "__main__":
    sys.exit(main())
