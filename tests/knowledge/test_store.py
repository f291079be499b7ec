"""The store: a real knowledge base built in tmp_path, bad files skipped, failed rebuilds harmless."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from knowledge.errors import BuildError, KnowledgeBaseError
from knowledge.store import KnowledgeBase, build_knowledge_base
from knowledge.text import fold

GOOD = ("Shelter report 2019\n\nThe Ministry of Social Affairs granted 75,000 euros ($82,500) to the "
        "shelter network in 2019. Victims receive a 30-day reflection period. The regional conference "
        "took place in Lyon on March 12, 2019.\n")


def make_docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(GOOD, encoding="utf-8")
    (docs / "latin.txt").write_bytes("Rapport annuel\n\nLe foyer a reçu 12 000 euros en 2018.".encode("latin-1"))
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(b"\x00\xff\x00" * 100)
    (docs / "truncated.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R")
    return docs


def test_build_skips_bad_files_with_reasons_and_builds_the_rest(tmp_path: Path) -> None:
    docs = make_docs(tmp_path)
    report = build_knowledge_base(docs, tmp_path / "kb.db")
    assert report.documents == 2
    reasons = {s.path: s.reason for s in report.skipped}
    assert set(reasons) == {"empty.txt", "binary.txt", "truncated.pdf"}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["binary.txt"]
    assert "PDF" in reasons["truncated.pdf"]
    kb = KnowledgeBase(tmp_path / "kb.db")
    assert kb.counts()["documents"] == 2
    assert set(kb.meta()["files"]) == {"good.txt", "latin.txt"}
    assert "reçu" in (kb.document_text("latin.txt") or "")


def test_passages_are_searchable_and_verbatim(tmp_path: Path) -> None:
    docs = make_docs(tmp_path)
    build_knowledge_base(docs, tmp_path / "kb.db")
    kb = KnowledgeBase(tmp_path / "kb.db")
    rows = kb.query("SELECT p.doc, p.text, p.start, p.end FROM passages_fts JOIN passages p "
                    "ON p.id = passages_fts.rowid WHERE passages_fts MATCH ?", ("shelters",))
    assert rows, "porter stemming finds 'shelter' for 'shelters'"
    for row in kb.query("SELECT doc, text, start, end FROM passages"):
        assert (kb.document_text(row["doc"]) or "")[row["start"]:row["end"]] == row["text"]
    for fact in kb.facts():
        assert fold(fact.excerpt) in fold(kb.document_text(fact.source.doc) or "")


def test_a_failed_rebuild_leaves_the_previous_knowledge_base_answering(tmp_path: Path) -> None:
    docs = make_docs(tmp_path)
    db = tmp_path / "kb.db"
    build_knowledge_base(docs, db)
    before = db.read_bytes()
    kb = KnowledgeBase(db)
    shutil.rmtree(docs)
    docs.mkdir()
    (docs / "empty.txt").write_bytes(b"")
    with pytest.raises(BuildError, match="no usable document"):
        build_knowledge_base(docs, db)
    with pytest.raises(BuildError, match="not found"):
        build_knowledge_base(tmp_path / "missing", db)
    assert db.read_bytes() == before
    assert kb.counts()["documents"] == 2
    assert not list(tmp_path.glob("kb.db.building-*"))


def test_a_query_running_on_the_old_file_survives_a_swap(tmp_path: Path) -> None:
    docs = make_docs(tmp_path)
    db = tmp_path / "kb.db"
    build_knowledge_base(docs, db)
    old = KnowledgeBase(db)
    (docs / "latin.txt").unlink()
    build_knowledge_base(docs, db)
    assert old.counts()["documents"] == 2
    assert KnowledgeBase(db).counts()["documents"] == 1


def test_not_a_knowledge_base(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(KnowledgeBaseError):
        KnowledgeBase(bogus)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE meta (key TEXT, value TEXT)").connection.commit()
    with pytest.raises(KnowledgeBaseError, match="another version"):
        KnowledgeBase(other)
    with pytest.raises(KnowledgeBaseError, match="not found"):
        KnowledgeBase(tmp_path / "none.db")


def test_bundled_corpus_builds(corpus_dir: Path, tmp_path: Path) -> None:
    report = build_knowledge_base(corpus_dir, tmp_path / "kb.db")
    assert report.documents == 3 and not report.skipped
    assert report.passages > 30


def test_worker_processes_build_the_same_knowledge_base(corpus_dir: Path, tmp_path: Path) -> None:
    one = build_knowledge_base(corpus_dir, tmp_path / "one.db", workers=1)
    two = build_knowledge_base(corpus_dir, tmp_path / "two.db", workers=2)
    assert one.to_json() == two.to_json()
    a, b = KnowledgeBase(tmp_path / "one.db"), KnowledgeBase(tmp_path / "two.db")
    assert [f.to_json() for f in a.facts()] == [f.to_json() for f in b.facts()]
    rows = "SELECT id, doc, start, end, body FROM passages ORDER BY id"
    assert [tuple(r) for r in a.query(rows)] == [tuple(r) for r in b.query(rows)]


@pytest.mark.parametrize("workers", [1, 2])
def test_search_indexes_made_as_documents_arrive_are_the_ones_fts5_rebuilds(corpus_dir: Path, tmp_path: Path,
                                                                            workers: int) -> None:
    db = tmp_path / "kb.db"
    build_knowledge_base(corpus_dir, db, workers=workers)
    conn = sqlite3.connect(db)
    for table in ("passages", "facts"):
        fts = f"{table}_fts"
        built = conn.execute(f"SELECT id, block FROM {fts}_data ORDER BY id").fetchall()
        conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")  # raises when it differs
        conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        conn.commit()  # FTS5 writes its pending terms out at the commit
        assert conn.execute(f"SELECT id, block FROM {fts}_data ORDER BY id").fetchall() == built
        assert len(built) > 2, "the index holds segments, not only its structure records"
    conn.close()


# (text in a document, words its vocabulary holds, strings it does not hold as words)
VOCABULARY = [
    ("The snake_case name", {"snake", "case", "name"}, {"snake_case", "_"}),
    ("Write an e-mail to info@shelter.org today.", {"e", "mail", "info", "shelter", "org", "today"}, {"e-mail"}),
    ("It grew 3.5% in 2019/20!", {"it", "grew", "3", "5", "2019", "20"}, {"3.5", "2019/20"}),
    ("Tabs\tand\x0bvertical [brackets] {braces} ~tilde~ `ticks` |pipes|", {"tabs", "vertical", "brackets",
     "braces", "tilde", "ticks", "pipes"}, {"[brackets]"}),
    ("L'été à Zürich coûte x² Ⅻ francs", {"l", "été", "à", "zürich", "coûte", "x²", "ⅻ", "francs"}, {"l'été"}),
]


def test_vocabulary_counts_the_passages_holding_each_run_of_letters_and_digits(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for number, (line, _, _) in enumerate(VOCABULARY):  # a document each: ASCII passages and others
        (docs / f"note{number}.txt").write_text(f"Note {number}\n\n{line}\n", encoding="utf-8")
    build_knowledge_base(docs, tmp_path / "kb.db")
    kb = KnowledgeBase(tmp_path / "kb.db")
    vocabulary = {r["word"]: r["passages"] for r in kb.query("SELECT word, passages FROM vocabulary")}
    for _, held, not_held in VOCABULARY:
        assert held <= set(vocabulary) and not not_held & set(vocabulary)
    runs = Counter[str]()
    for row in kb.query("SELECT body, title FROM passages"):
        runs.update(set(re.findall(r"[^\W_]+", f"{row['body']} {row['title']}".lower())))
    assert vocabulary == runs
