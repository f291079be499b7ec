"""The SQLite fact store: built from a folder of documents into a new file, swapped in atomically.

Tables: `documents`, `passages` (+ FTS5 `passages_fts`), `facts` (+ FTS5 `facts_fts`), `vocabulary`
(every word of the passages, lower case, with how many passages hold it: for typo correction), `meta`.
A build writes `<db>.building-<pid>` next to the target and `os.replace`s it only when at least
one document was usable, so a failed build never damages the working knowledge base.
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
import re
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from knowledge.cleaning import parse_document, split_passages
from knowledge.errors import BuildError, DocumentError, KnowledgeBaseError
from knowledge.loading import DEFAULT_MAX_BYTES, document_files, read_text
from knowledge.models import FACT_TYPES, Document, Fact, Passage, Skipped, Source
from knowledge.text import fold, plain_letters

__all__ = [
    "SCHEMA_VERSION",
    "BuildReport",
    "KnowledgeBase",
    "build_knowledge_base",
    "build_signature",
    "built_from",
    "fact_from_row",
    "fact_source",
]

SCHEMA_VERSION = 3
_TOKENIZE = "porter unicode61 remove_diacritics 2"
_WORD = re.compile(r"[^\W_]+")
_ASCII_GAPS = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})
# What the two FTS5 indexes hold; the title is searched with each passage: a cable names its country
# in its subject line only.
_FTS_COLUMNS = {"passages": ("body", "section", "title"), "facts": ("body",)}
# Worker processes pay off only past a few files and megabytes (each costs ~0.3 s to start).
_PARALLEL_MIN_FILES = 24
_PARALLEL_MIN_BYTES = 2_000_000
_MAX_WORKERS = 4

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build produced: counts, skipped files with reasons, timing."""

    documents: int
    passages: int
    facts: dict[str, int]
    skipped: tuple[Skipped, ...]
    seconds: float
    db_path: str
    bytes_read: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"documents": self.documents, "passages": self.passages, "facts": dict(self.facts),
                "skipped": [s.to_json() for s in self.skipped]}


def build_knowledge_base(docs_dir: Path, db_path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                         progress: Progress | None = None, workers: int | None = None) -> BuildReport:
    """Build a knowledge base from every document under `docs_dir` and swap it in at `db_path`.

    Raises BuildError when the folder is missing or no document was usable; the file at
    `db_path` is then untouched. `workers`: processes that analyse documents (default: one per
    CPU, and none for a small corpus).
    """
    started = time.perf_counter()
    if not docs_dir.is_dir():
        raise BuildError(f"documents folder not found: {docs_dir}")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f"{db_path.name}.building-{os.getpid()}-{threading.get_ident()}")
    tmp.unlink(missing_ok=True)
    try:
        report = _build_into(tmp, docs_dir, max_bytes, progress, workers)
        if report.documents == 0:
            reasons = "; ".join(f"{s.path}: {s.reason}" for s in report.skipped) or "the folder is empty"
            raise BuildError(f"no usable document in {docs_dir} ({reasons})")
        _check(tmp)
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
    return BuildReport(documents=report.documents, passages=report.passages, facts=report.facts,
                       skipped=report.skipped, seconds=time.perf_counter() - started,
                       db_path=str(db_path), bytes_read=report.bytes_read)


def build_signature(docs_dir: Path) -> dict[str, Any]:
    """What a knowledge base was built from: the folder, each file's size and mtime, and factbot's own code.

    Cheap to compute (stat calls and a hash of a few source files), so a command can tell whether
    the knowledge base is out of date before it answers.
    """
    return _signature(docs_dir, list(document_files(docs_dir)))


def built_from(db_path: Path) -> Path | None:
    """The documents folder the knowledge base at `db_path` was built from; None when it cannot tell."""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'signature'").fetchone()
        finally:
            conn.close()
        return Path(json.loads(row[0])["docs_dir"]) if row else None
    except (sqlite3.Error, ValueError, TypeError, KeyError):
        return None


def fact_from_row(row: sqlite3.Row | dict[str, Any]) -> Fact:
    """A Fact from a `facts` row joined with its document's title and date."""
    return Fact(type=row["type"], fields=json.loads(row["fields"]), excerpt=row["excerpt"], source=fact_source(row),
                start=row["start"], end=row["end"])


def fact_source(row: sqlite3.Row | dict[str, Any]) -> Source:
    """The citation of a `facts` row joined with its document's title and date."""
    return Source(doc=row["doc"], title=row["title"], date=row["doc_date"], location=row["location"])


class KnowledgeBase:
    """A read-only view of one built knowledge base file; one SQLite connection per thread."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise KnowledgeBaseError(f"knowledge base not found: {self.path}")
        # One connection, opened now: it keeps reading this file even after a rebuild replaces
        # the path, so queries that started on it finish on it.
        try:
            self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("SELECT count(*) FROM meta").fetchone()
        except sqlite3.DatabaseError as e:
            raise KnowledgeBaseError(f"{self.path} is not a factbot knowledge base: {e}") from None
        self._lock = threading.Lock()
        version = self.meta().get("schema_version")
        if version != SCHEMA_VERSION:
            self.conn.close()
            raise KnowledgeBaseError(f"{self.path} was built by another version of factbot "
                                     f"(schema {version}, expected {SCHEMA_VERSION}); run `factbot build`")

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        """Rows of a parameterised read-only query (safe from any thread)."""
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    def meta(self) -> dict[str, Any]:
        return {r["key"]: json.loads(r["value"]) for r in self.query("SELECT key, value FROM meta")}

    def is_current(self, docs_dir: Path) -> bool:
        """Whether this knowledge base was built from `docs_dir` as it is now, by this version of the code."""
        return bool(self.meta().get("signature") == build_signature(docs_dir))

    def counts(self) -> dict[str, Any]:
        """Documents, passages and facts per type."""
        per_type = {r["type"]: r["n"] for r in self.query("SELECT type, count(*) AS n FROM facts GROUP BY type")}
        return {"documents": self.query("SELECT count(*) FROM documents")[0][0],
                "passages": self.query("SELECT count(*) FROM passages")[0][0],
                "facts": {t: per_type.get(t, 0) for t in FACT_TYPES}}

    def documents(self) -> list[dict[str, Any]]:
        rows = self.query("SELECT path, title, date, kind, sha256, size FROM documents ORDER BY path")
        return [dict(r) for r in rows]

    def document_text(self, path: str) -> str | None:
        rows = self.query("SELECT text FROM documents WHERE path = ?", (path,))
        return rows[0]["text"] if rows else None

    def facts(self, fact_type: str | None = None) -> list[Fact]:
        """Every fact (of one type), in document order."""
        return [fact_from_row(r) for r in self.fact_rows(fact_type)]

    def fact_rows(self, fact_type: str | None = None) -> list[sqlite3.Row]:
        sql = _FACT_SELECT + (" WHERE f.type = ?" if fact_type else "") + " ORDER BY f.doc, f.start, f.id"
        return self.query(sql, (fact_type,) if fact_type else ())

    def fact_rows_by_id(self, ids: Sequence[int]) -> dict[int, sqlite3.Row]:
        """The `facts` rows (with document title and date) of these ids, by id."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))  # placeholders only; the ids are parameters
        return {r["id"]: r for r in self.query(_FACT_SELECT + f" WHERE f.id IN ({marks})", list(ids))}

    def close(self) -> None:
        with self._lock:
            self.conn.close()


_FACT_SELECT = ("SELECT f.*, d.title AS title, d.date AS doc_date FROM facts f "
                "JOIN documents d ON d.path = f.doc")


@dataclass(slots=True)
class _Counts:
    documents: int = 0
    passages: int = 0
    facts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FACT_TYPES, 0))
    skipped: tuple[Skipped, ...] = ()
    bytes_read: int = 0
    words: Counter[str] = field(default_factory=Counter)


def _check(path: Path) -> None:
    # The same checks a reload makes before it swaps a file in (knowledge.check imports this module).
    from knowledge.check import check_knowledge_base

    try:
        check_knowledge_base(path)
    except KnowledgeBaseError as e:
        raise BuildError(f"the new knowledge base failed its checks: {e}") from None


def _build_into(tmp: Path, docs_dir: Path, max_bytes: int, progress: Progress | None,
                workers: int | None) -> _Counts:
    paths = list(document_files(docs_dir))
    signature = _signature(docs_dir, paths)  # taken first: a file changed during the build shows next time
    files = [(path, path.relative_to(docs_dir).as_posix()) for path in paths]
    total = sum(size for size, _ in signature["files"].values())
    counts = _Counts()
    skipped: list[Skipped] = []
    db = sqlite_utils.Database(tmp)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    _create_tables(db)
    for table, columns in _FTS_COLUMNS.items():
        db.table(table).enable_fts(columns, tokenize=_TOKENIZE)  # empty yet: rows are indexed as they arrive
    hashes: dict[str, str] = {}
    with db.conn:
        for i, analysed in enumerate(_analyse_all(files, max_bytes, workers, total)):
            if progress:
                progress(i, len(files), files[i][1])
            if isinstance(analysed, Skipped):
                skipped.append(analysed)
                continue
            _insert_document(db, analysed, counts)
            hashes[analysed.document["path"]] = analysed.document["sha256"]
            counts.bytes_read += analysed.size
    if progress:
        progress(len(files), len(files), "")
    _finish(db, docs_dir, hashes, skipped, counts.words, signature)
    db.close()
    counts.skipped = tuple(skipped)
    return counts


@dataclass(frozen=True, slots=True)
class _Analysed:
    """One document turned into rows, ready to insert (picklable, so workers can make it)."""

    document: dict[str, Any]
    passages: list[dict[str, Any]]
    facts: list[tuple[int, dict[str, Any]]]  # (passage ordinal, row)
    words: Counter[str]  # how many of the document's passages hold each word (a list of them all pickled slowly)
    size: int


def _analyse_all(files: list[tuple[Path, str]], max_bytes: int, workers: int | None,
                 total_bytes: int) -> Iterator[_Analysed | Skipped]:
    """Each file analysed, in order; in worker processes when the corpus is large enough to pay for them."""
    if workers is None:
        small = len(files) < _PARALLEL_MIN_FILES or total_bytes < _PARALLEL_MIN_BYTES
        workers = 1 if small else min(os.cpu_count() or 1, _MAX_WORKERS)
    if workers < 2 or len(files) < 2:
        yield from (_analyse(path, rel, max_bytes) for path, rel in files)
        return
    # spawn, not fork: the build may run in a thread of the Slack app's process
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from pool.map(_analyse, *zip(*files, strict=True), [max_bytes] * len(files), chunksize=16)


def _analyse(path: Path, rel: str, max_bytes: int) -> _Analysed | Skipped:
    try:
        document = _load(path, rel, max_bytes)
        return _rows(document)
    except DocumentError as e:
        return Skipped(rel, str(e))
    except Exception as e:  # noqa: BLE001 - one strange file must not stop the build
        return Skipped(rel, f"could not be processed: {type(e).__name__}: {e}")


def _rows(document: Document) -> _Analysed:
    from knowledge.extract import extract_facts  # imported here: opening a knowledge base needs no extractor

    passages: list[dict[str, Any]] = []
    facts: list[tuple[int, dict[str, Any]]] = []
    words: Counter[str] = Counter()
    title_words = _words(document.title.lower())
    for passage in split_passages(document):
        row = _passage_row(passage)
        passages.append(row)
        words.update(_words(row["body"].lower()) | title_words)
        facts.extend((passage.ordinal, _fact_row(passage, fact)) for fact in extract_facts(passage))
    doc_row = {"path": document.path, "title": document.title, "date": document.date, "kind": document.kind,
               "sha256": document.sha256, "size": len(document.text), "meta": json.dumps(dict(document.meta)),
               "notes": json.dumps(list(document.notes)),
               "noise": json.dumps([list(span) for span in document.noise]), "text": document.text}
    return _Analysed(doc_row, passages, facts, words, len(document.text.encode("utf-8", "replace")))


def _words(text: str) -> set[str]:
    """The distinct words of `text`: its runs of letters and digits (what _WORD finds)."""
    if text.isascii():  # most passages: ASCII's gaps become spaces and split, a third faster than _WORD
        return set(text.translate(_ASCII_GAPS).split())
    return set(_WORD.findall(text))


@functools.cache
def _code_hash() -> str:
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).resolve().parent.rglob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def _signature(docs_dir: Path, paths: list[Path]) -> dict[str, Any]:
    files = {}
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            continue
        files[path.relative_to(docs_dir).as_posix()] = [st.st_size, st.st_mtime_ns]
    return {"docs_dir": str(Path(docs_dir).resolve()), "files": files, "code": _code_hash()}


def _load(path: Path, rel: str, max_bytes: int) -> Document:
    text, kind, sha, notes = read_text(path, max_bytes=max_bytes)
    return parse_document(rel, text, kind=kind, sha256=sha, notes=tuple(notes))


def _create_tables(db: sqlite_utils.Database) -> None:
    db.table("documents").create({"path": str, "title": str, "date": str, "kind": str, "sha256": str, "size": int,
                            "meta": str, "notes": str, "noise": str, "text": str}, pk="path")
    db.table("passages").create({"id": int, "doc": str, "ordinal": int, "start": int, "end": int, "section": str,
                           "paragraph": str, "page": int, "location": str, "text": str, "body": str, "title": str},
                          pk="id")
    db.table("facts").create({"id": int, "type": str, "doc": str, "passage_id": int, "fields": str, "excerpt": str,
                        "start": int, "end": int, "location": str, "summary": str, "amount": float,
                        "currency": str, "date": str, "end_date": str, "body": str}, pk="id")
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("vocabulary").create({"word": str, "passages": int}, pk="word")


def _insert_document(db: sqlite_utils.Database, analysed: _Analysed, counts: _Counts) -> None:
    _insert_rows(db, "documents", [analysed.document])
    first_id = counts.passages + 1
    for offset, row in enumerate(analysed.passages):
        row["id"] = first_id + offset
    first_fact = sum(counts.facts.values()) + 1
    for offset, (ordinal, row) in enumerate(analysed.facts):
        row["id"] = first_fact + offset
        row["passage_id"] = first_id + ordinal
        counts.facts[row["type"]] = counts.facts.get(row["type"], 0) + 1
    facts = [row for _, row in analysed.facts]
    _insert_rows(db, "passages", analysed.passages)
    _insert_rows(db, "facts", facts)
    _index_rows(db, "passages", analysed.passages)
    _index_rows(db, "facts", facts)
    counts.passages += len(analysed.passages)
    counts.words.update(analysed.words)
    counts.documents += 1


def _insert_rows(db: sqlite_utils.Database, table: str, rows: list[dict[str, Any]]) -> None:
    # Plain executemany: every value is already a str, int, float or None, and sqlite-utils' insert_all
    # (which checks and converts each value, and builds its query per call) took ~10% of a bare build.
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f"[{c}]" for c in columns)  # the keys of the rows this module makes, never user text
    marks = ",".join("?" * len(columns))
    values = [[row[c] for c in columns] for row in rows]
    db.conn.executemany(f"INSERT INTO [{table}] ({names}) VALUES ({marks})", values)


def _index_rows(db: sqlite_utils.Database, table: str, rows: list[dict[str, Any]]) -> None:
    # Indexed as each document arrives, while the workers still run, instead of one INSERT ... SELECT of
    # the whole table after them (~1.2 s of 2,000 documents alone on one CPU). One INSERT ... VALUES per
    # row inside the build's one transaction gives FTS5's very segments; an INSERT ... SELECT per document
    # would flush a segment of its own each time.
    columns = _FTS_COLUMNS[table]
    names = ", ".join(f"[{c}]" for c in columns)  # the module's own column names, never user text
    marks = ",".join("?" * (len(columns) + 1))
    values = [[row["id"], *(row[c] for c in columns)] for row in rows]
    db.conn.executemany(f"INSERT INTO [{table}_fts] (rowid, {names}) VALUES ({marks})", values)


def _passage_row(passage: Passage) -> dict[str, Any]:
    return {"doc": passage.doc, "ordinal": passage.ordinal, "start": passage.start,
            "end": passage.end, "section": passage.section, "paragraph": passage.paragraph, "page": passage.page,
            "location": passage.location, "text": passage.text, "body": plain_letters(fold(passage.masked)),
            "title": passage.title}


def _fact_row(passage: Passage, fact: Fact) -> dict[str, Any]:
    from knowledge.extract import fact_summary

    fields = dict(fact.fields)
    summary = fact_summary(fact.type, fields)
    words = " ".join(_field_words(fields))
    return {"type": fact.type, "doc": fact.source.doc, "fields": json.dumps(fields, ensure_ascii=False),
            "excerpt": fact.excerpt, "start": fact.start, "end": fact.end, "location": fact.source.location,
            "summary": summary, "amount": _number(fields.get("amount")), "currency": fields.get("currency"),
            "date": fields.get("start"), "end_date": fields.get("end"),
            "body": plain_letters(f"{summary} {words} {fact.excerpt} {passage.section or ''}")}


def _field_words(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for v in value.values():
            yield from _field_words(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _field_words(v)
    elif value is not None:
        yield str(value)


def _number(value: Any) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _finish(db: sqlite_utils.Database, docs_dir: Path, hashes: dict[str, str], skipped: list[Skipped],
            words: Counter[str], signature: dict[str, Any]) -> None:
    db.execute("CREATE INDEX facts_type ON facts(type, date)")
    db.execute("CREATE INDEX facts_doc ON facts(doc, start)")
    db.execute("CREATE INDEX passages_doc ON passages(doc, ordinal)")
    db.execute("CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, 'row')")
    _insert_rows(db, "vocabulary", [{"word": w, "passages": n} for w, n in words.items()])
    meta = {"schema_version": SCHEMA_VERSION, "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "docs_dir": str(docs_dir), "files": hashes, "skipped": [s.to_json() for s in skipped],
            "signature": signature}
    db.table("meta").insert_all([{"key": k, "value": json.dumps(v)} for k, v in meta.items()])
    db.conn.commit()
