"""Fuzzing at scale: the properties of the fuzz tests, run with many more examples, with figures.

  python bench/fuzz.py [--queries 2000] [--files 500] [--texts 2000] [--no-results]

Properties: any query string gives a valid Answer for every command (never an exception, every
excerpt verbatim and at most 600 characters); any file bytes are read or refused with a reason;
every extractor is total on any text and quotes verbatim. Prints examples run, failures and time,
and updates the "Fuzzing" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge.answers import answer  # noqa: E402
from knowledge.cleaning import parse_document, split_passages  # noqa: E402
from knowledge.errors import DocumentError  # noqa: E402
from knowledge.extract import EXTRACTORS  # noqa: E402
from knowledge.loading import read_text  # noqa: E402
from knowledge.store import KnowledgeBase, build_knowledge_base  # noqa: E402
from knowledge.text import fold  # noqa: E402

COMMANDS = ("ask", "funding", "contact", "permits", "events")
QUERY_PIECES = st.sampled_from(['"', "*", "NEAR(", "AND", "OR", "NOT", "(", ")", ":", "^", "-", "'", "';--",
                                "DROP TABLE facts", "permit", "UNDOC", "Charpentir", "2009", "2018", "1,830,000",
                                "€", "who", "when", "how much", "居留", "виза", "é", "\x00", "\x1b[2J", " ", "\n",
                                "<!channel>", "@here", "x" * 500])
QUERIES = st.one_of(st.text(max_size=300), st.lists(QUERY_PIECES, max_size=40).map(" ".join),
                    st.text(min_size=5000, max_size=10000))
TEXT_PIECES = st.sampled_from([
    "€1,830,000", "46,000 euros ($63,020)", "$333,959", "two million euros", " per year", " a month",
    "(33)1-4312-2614", "VuAT3@state.gov", "@handle_x", "Schwarzenbergplatz 16, 1010, Vienna (Austria)",
    "October 19-20, 2009", "14-18 May 2018", "From 2-5 July", "31 May - 1 June", "in March 2009",
    "30-day reflection period", "residence permit", "article R316-1", "¶5.", "-- A.", "\n\n", "\n", " ",
    ". ", "? ", "PARIS 00000198  002.6 OF 006", "SIPDIS", "Contact", "Ms. ", "Petrović", "France", "UNODC"])
TEXTS = st.one_of(st.text(max_size=2000), st.lists(TEXT_PIECES, max_size=200).map("".join))


def run(name: str, examples: int, prop: Callable[..., None], **strategies: st.SearchStrategy) -> dict[str, object]:
    count = {"n": 0}
    failures: list[str] = []

    @settings(max_examples=examples, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(**strategies)
    def check(**kwargs: object) -> None:
        count["n"] += 1
        try:
            prop(**kwargs)
        except Exception as e:  # noqa: BLE001 - a failure is a finding, not a crash of the benchmark
            failures.append(f"{type(e).__name__}: {e}"[:200])

    started = time.perf_counter()
    check()
    seconds = time.perf_counter() - started
    row = {"property": name, "examples": count["n"], "failures": len(failures), "seconds": round(seconds, 1),
           "first_failure": failures[0] if failures else None}
    print(json.dumps(row, ensure_ascii=False))
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--queries", type=int, default=2000, help="examples per command")
    ap.add_argument("--files", type=int, default=500)
    ap.add_argument("--texts", type=int, default=2000)
    ap.add_argument("--no-results", action="store_true", help="do not update bench/RESULTS.md")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = ROOT / "knowledge" / "corpus"
        build_knowledge_base(corpus, Path(tmp) / "kb.db")
        kb = KnowledgeBase(Path(tmp) / "kb.db")
        sources = [fold(p.read_text(encoding="utf-8")) for p in corpus.iterdir()]
        rows = [run(f"query → {c}", a.queries, _query_property(kb, c, sources), text=QUERIES) for c in COMMANDS]
        rows.append(run("file bytes → read or refused", a.files, _file_property(Path(tmp)),
                        data=st.binary(max_size=20000), suffix=st.sampled_from([".txt", ".md", ".pdf", ".html"])))
        rows.append(run("text → every extractor", a.texts, _extractor_property, text=TEXTS))
    if not a.no_results:
        _write_results(rows)
    return 1 if any(r["failures"] for r in rows) else 0


def _query_property(kb: KnowledgeBase, command: str, sources: list[str]) -> Callable[..., None]:
    def prop(text: str) -> None:
        found = answer(kb, command, text, limit=5)
        json.dumps(found.to_json(), ensure_ascii=False)
        for r in found.results:
            assert 0 < len(r.excerpt) <= 600 and any(fold(r.excerpt) in s for s in sources), r.excerpt[:80]
    return prop


def _file_property(tmp: Path) -> Callable[..., None]:
    def prop(data: bytes, suffix: str) -> None:
        path = tmp / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            text, _, _, _ = read_text(path)
        except DocumentError as e:
            assert str(e)
            return
        doc = parse_document(path.name, text, kind="text", sha256="0")
        for passage in split_passages(doc):
            for extractor in EXTRACTORS.values():
                extractor(passage)
    return prop


def _extractor_property(text: str) -> None:
    if not text.strip():
        return
    folded = fold(text)
    doc = parse_document("fuzz.txt", text, kind="text", sha256="0")
    for passage in split_passages(doc):
        for extractor in EXTRACTORS.values():
            for fact in extractor(passage):
                assert fold(fact.excerpt) in folded and len(fact.excerpt) <= 600


def _write_results(rows: list[dict[str, object]]) -> None:
    path = ROOT / "bench" / "RESULTS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    lines = ["## Fuzzing (bench/fuzz.py)", "",
             f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, hypothesis; "
             "the bundled corpus as the knowledge base.", "",
             "| property | examples | failures | seconds |", "|---|---|---|---|"]
    lines += [f"| {r['property']} | {r['examples']} | {r['failures']} | {r['seconds']} |" for r in rows]
    failed = [r for r in rows if r["failures"]]
    lines += ["", "First failures: " + "; ".join(f"{r['property']}: {r['first_failure']}" for r in failed)
              if failed else "No failures.", ""]
    section = "\n".join(lines)
    start = text.find("## Fuzzing (bench/fuzz.py)")
    if start >= 0:
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + (text[end + 1:] if end >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
