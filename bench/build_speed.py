"""Build throughput on a synthetic corpus, against the floor of a bare FTS5 insert of the same passages.

    python bench/build_speed.py [--n 2000] [--seed 1] [--corpus DIR] [--stages 100] [--profile N]

Generates the corpus (or reuses it when its stamp matches), runs the real build
(`knowledge.store.build_knowledge_base`), then times inserting the very same passage texts into a
bare FTS5 table with plain sqlite3 in one transaction. Wall-clock and CPU times are both reported:
the machine may be shared, and CPU time of this process is the fairer comparison. A per-stage
breakdown on a sample of documents shows where the time goes; `--profile N` adds cProfile's
hot spots for a build of the first N documents. Results go to stdout and to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synth import DEFAULT_N, DEFAULT_SEED, GENERATOR_VERSION, generate_corpus  # noqa: E402
from knowledge.cleaning import parse_document, split_passages  # noqa: E402
from knowledge.extract import EXTRACTORS  # noqa: E402
from knowledge.loading import document_files, read_text  # noqa: E402
from knowledge.store import _TOKENIZE as BUILD_TOKENIZER  # noqa: E402
from knowledge.store import build_knowledge_base  # noqa: E402
from knowledge.text import fold  # noqa: E402

__all__ = ["Timing", "floor_insert", "measure_build", "measure_without_extraction", "stage_times"]

TARGET_RATIO = 5.0
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Build speed (bench/build_speed.py)"
STAMP = ".synth.json"
FLOOR_RUNS = 3
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Timing:
    """Wall-clock and CPU seconds of one measured step."""

    wall: float
    cpu: float


@contextmanager
def timed() -> Iterator[list[Timing]]:
    """Times the block; the Timing is appended to the yielded list on exit.

    CPU counts this process and its finished children: the build analyses documents in worker
    processes, which the pool has joined by the time the build returns.
    """
    out: list[Timing] = []
    wall, cpu = time.perf_counter(), _cpu()
    yield out
    out.append(Timing(time.perf_counter() - wall, _cpu() - cpu))


def corpus_for(n: int, seed: int, folder: Path | None) -> Path:
    """A folder holding the synthetic corpus for (n, seed), generated unless its stamp says it is there."""
    folder = folder or Path(tempfile.gettempdir()) / f"factbot-synth-v{GENERATOR_VERSION}-n{n}-s{seed}"
    stamp = {"n": n, "seed": seed, "version": GENERATOR_VERSION}
    marker = folder / STAMP
    if marker.is_file() and json.loads(marker.read_text()) == stamp:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    generate_corpus(folder, n, seed)
    marker.write_text(json.dumps(stamp))
    return folder


def measure_build(corpus: Path, db: Path, *, workers: int | None = None) -> tuple[Timing, dict[str, object]]:
    """Timing of the real build (default workers unless given) and its counts."""
    with timed() as t:
        report = build_knowledge_base(corpus, db, workers=workers)
    return t[0], {"documents": report.documents, "passages": report.passages, "facts": dict(report.facts),
                  "skipped": len(report.skipped)}


def floor_insert(db: Path, scratch: Path, *, tokenize: str = "") -> Timing:
    """Best of a few runs: the built passages' texts inserted into a bare FTS5 table, one transaction."""
    with sqlite3.connect(db) as conn:
        texts = [(row[0],) for row in conn.execute("SELECT text FROM passages ORDER BY id")]
    options = f", tokenize = '{tokenize}'" if tokenize else ""
    best: Timing | None = None
    for run in range(FLOOR_RUNS):
        path = scratch / f"floor-{run}.db"
        with timed() as t:
            conn = sqlite3.connect(path)
            conn.execute(f"CREATE VIRTUAL TABLE passages USING fts5(text{options})")
            with conn:
                conn.executemany("INSERT INTO passages (text) VALUES (?)", texts)
            conn.close()
        path.unlink()
        best = t[0] if best is None or t[0].cpu < best.cpu else best
    assert best is not None
    return best


def stage_times(corpus: Path, sample: int) -> dict[str, float]:
    """CPU seconds per build stage over the first `sample` documents (no database)."""
    stages: dict[str, float] = {"read": 0.0, "parse": 0.0, "split": 0.0, "fold": 0.0,
                                **{f"extract.{name}": 0.0 for name in EXTRACTORS}}
    for path in list(document_files(corpus))[:sample]:
        _stage_document(stages, path)
    return stages


def measure_without_extraction(corpus: Path, db: Path) -> Timing:
    """Timing of the real build in one process with every extractor switched off: cleaning and the store.

    One process, because worker processes would import the extractors afresh.
    """
    saved = dict(EXTRACTORS)
    EXTRACTORS.clear()
    try:
        return measure_build(corpus, db, workers=1)[0]
    finally:
        EXTRACTORS.update(saved)


def profile_build(corpus: Path, scratch: Path, sample: int, top: int = 25) -> str:
    """cProfile's top functions (by own time) for a build of the first `sample` documents."""
    subset = scratch / "profile-docs"
    subset.mkdir()
    for path in list(document_files(corpus))[:sample]:
        shutil.copy(path, subset / path.name)
    profiler = cProfile.Profile()
    profiler.runcall(build_knowledge_base, subset, scratch / "profile.db", workers=1)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    corpus = corpus_for(args.n, args.seed, args.corpus)
    files = list(document_files(corpus))
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    print(f"corpus: {corpus} ({len(files)} documents, {megabytes:.1f} MB)", flush=True)
    with tempfile.TemporaryDirectory(prefix="factbot-bench-") as tmp:
        scratch = Path(tmp)
        build, counts = measure_build(corpus, scratch / "kb.db")
        print(f"build: {build.wall:.1f} s wall, {build.cpu:.1f} s CPU; {counts}", flush=True)
        floor = floor_insert(scratch / "kb.db", scratch)
        floor_porter = floor_insert(scratch / "kb.db", scratch, tokenize=BUILD_TOKENIZER)
        print(f"floor: {floor.wall:.2f} s wall, {floor.cpu:.2f} s CPU "
              f"({BUILD_TOKENIZER}: {floor_porter.cpu:.2f} s CPU)", flush=True)
        bare = measure_without_extraction(corpus, scratch / "bare.db")
        print(f"build without extraction: {bare.wall:.1f} s wall, {bare.cpu:.1f} s CPU", flush=True)
        stages = stage_times(corpus, args.stages) if args.stages else {}
        profile = profile_build(corpus, scratch, args.profile) if args.profile else ""
    summary = _summary(args, len(files), megabytes, build, counts, (floor, floor_porter, bare), stages)
    print(summary)
    if profile:
        print(profile)
    if not args.no_results:
        _update_results(summary)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=DEFAULT_N, help="documents to generate (default %(default)s)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--corpus", type=Path, help="where the synthetic corpus lives (default: a temp folder)")
    parser.add_argument("--stages", type=int, default=100, metavar="N",
                        help="per-stage breakdown over the first N documents (0: none; default %(default)s)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile a build of N documents")
    parser.add_argument("--no-results", action="store_true", help="do not update bench/RESULTS.md")
    return parser


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _clocked(stages: dict[str, float], name: str, step: Callable[[], _T]) -> _T:
    started = time.process_time()
    result = step()
    stages[name] += time.process_time() - started
    return result


def _stage_document(stages: dict[str, float], path: Path) -> None:
    text, kind, sha, _ = _clocked(stages, "read", lambda: read_text(path))
    document = _clocked(stages, "parse", lambda: parse_document(path.name, text, kind=kind, sha256=sha))
    passages = _clocked(stages, "split", lambda: split_passages(document))
    _clocked(stages, "fold", lambda: [fold(p.masked) for p in passages])
    for name, extract in EXTRACTORS.items():
        _clocked(stages, f"extract.{name}", lambda e=extract: [e(p) for p in passages])  # type: ignore[misc]


def _summary(args: argparse.Namespace, documents: int, megabytes: float, build: Timing, counts: dict[str, object],
             floors: tuple[Timing, Timing, Timing], stages: dict[str, float]) -> str:
    floor, floor_porter, bare = floors
    ratio_cpu, ratio_wall = build.cpu / floor.cpu, build.wall / floor.wall
    verdict = "meets" if ratio_wall <= TARGET_RATIO else "misses"
    lines = [
        SECTION, "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.node() or 'this machine'}: nproc {os.cpu_count()}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}. Load average at the end: "
        f"{', '.join(f'{x:.1f}' for x in os.getloadavg())} (the machine is shared). The build analyses documents "
        f"in worker processes (its default: one per CPU, at most 4); CPU counts them too.",
        "",
        f"Corpus: `python bench/synth.py DIR --n {args.n} --seed {args.seed}` — {documents} documents, "
        f"{megabytes:.1f} MB; {counts['passages']} passages; facts {counts['facts']}.",
        "",
        "| measure | wall | CPU |",
        "|---|---|---|",
        f"| build (`build_knowledge_base`) | {build.wall:.1f} s | {build.cpu:.1f} s |",
        f"| throughput | {megabytes / build.wall:.2f} MB/s, {documents / build.wall:.0f} docs/s "
        f"| {megabytes / build.cpu:.2f} MB/s, {documents / build.cpu:.0f} docs/s |",
        f"| floor: same passages into a bare FTS5 table, one transaction (best of {FLOOR_RUNS}) "
        f"| {floor.wall:.2f} s | {floor.cpu:.2f} s |",
        f"| ratio build / floor (target ≤ {TARGET_RATIO:g}×) | **{ratio_wall:.1f}×** | {ratio_cpu:.1f}× |",
        f"| floor with the build's tokenizer (`{BUILD_TOKENIZER}`) | {floor_porter.wall:.2f} s "
        f"| {floor_porter.cpu:.2f} s |",
        f"| build in one process with every extractor switched off | {bare.wall:.1f} s | {bare.cpu:.1f} s "
        f"({bare.cpu / floor.cpu:.1f}× floor) |",
        f"| so extraction costs about | | {build.cpu - bare.cpu:.1f} s "
        f"({100 * (build.cpu - bare.cpu) / build.cpu:.0f}% of the build's CPU) |",
        "",
        f"Verdict: the build {verdict} the {TARGET_RATIO:g}× target (wall clock, {ratio_wall:.1f}×).",
    ]
    if stages:
        total = sum(stages.values())
        lines += ["", f"Where the CPU goes (first {args.stages} documents, no database):", "",
                  "| stage | CPU s | share |", "|---|---|---|"]
        for name, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
            lines.append(f"| {name} | {seconds:.2f} | {100 * seconds / total:.0f}% |")
    return "\n".join(lines) + "\n"


def _update_results(summary: str) -> None:
    """Replace this benchmark's section of RESULTS.md (other benchmarks' sections stay as they are)."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n\n"
    start = text.find(SECTION)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + summary
    else:
        nxt = text.find("\n## ", start + len(SECTION))
        tail = text[nxt + 1:] if nxt >= 0 else ""
        notes = _kept_notes(text[start:nxt if nxt >= 0 else len(text)])
        text = text[:start] + summary + notes + ("\n" + tail if tail else "")
    RESULTS.write_text(text, encoding="utf-8")


def _kept_notes(section: str) -> str:
    # Hand-written analysis below a "### Notes" line survives re-runs.
    at = section.find("### Notes")
    return "\n" + section[at:].rstrip("\n") + "\n" if at >= 0 else ""


if __name__ == "__main__":
    sys.exit(main())
