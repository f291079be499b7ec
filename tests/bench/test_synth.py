"""The synthetic benchmark corpus: the same documents for the same seed, and facts of every type."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bench.synth import MAX_BYTES, MIN_BYTES, generate_corpus, synthetic_document
from knowledge.models import FACT_TYPES
from knowledge.store import build_knowledge_base


def test_same_seed_same_documents(tmp_path: Path) -> None:
    first = generate_corpus(tmp_path / "a", 12, seed=7)
    second = generate_corpus(tmp_path / "b", 12, seed=7)
    assert [p.name for p in first] == [p.name for p in second]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_another_seed_other_documents() -> None:
    assert synthetic_document(3, seed=1) != synthetic_document(3, seed=2)


@pytest.mark.parametrize("index", range(0, 60, 7))
def test_documents_are_cable_sized(index: int) -> None:
    name, text = synthetic_document(index)
    assert name.endswith(".txt")
    assert MIN_BYTES <= len(text.encode("utf-8")) <= MAX_BYTES


def test_corpus_has_cables_and_newsletters() -> None:
    texts = [synthetic_document(i)[1] for i in range(40)]
    cables = [t for t in texts if "VZCZC" in t]
    assert cables and len(cables) < len(texts)
    for marker in ("SIPDIS", "¶", "-- A.", " OF 0", "-----"):
        assert all(marker in t for t in cables), marker


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synth")
    generate_corpus(root / "docs", 30, seed=3)
    build_knowledge_base(root / "docs", root / "kb.db")
    return root / "kb.db"


def test_builds_with_facts_of_every_type(built: Path) -> None:
    with sqlite3.connect(built) as conn:
        counts = dict(conn.execute("SELECT type, count(*) FROM facts GROUP BY type").fetchall())
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert documents == 30
    assert {t: counts.get(t, 0) > 0 for t in FACT_TYPES} == dict.fromkeys(FACT_TYPES, True)


def test_cable_structure_is_recognised(built: Path) -> None:
    with sqlite3.connect(built) as conn:
        kinds = {k for (k,) in conn.execute("SELECT kind FROM documents")}
        pages = conn.execute("SELECT max(page) FROM passages").fetchone()[0]
        paragraphs = conn.execute("SELECT count(*) FROM passages WHERE paragraph LIKE '¶%'").fetchone()[0]
        noisy = conn.execute("SELECT count(*) FROM passages WHERE body LIKE '%VZCZC%' OR body LIKE '%SIPDIS%'"
                             " OR body LIKE '% OF 00%'").fetchone()[0]
    assert "cable" in kinds
    assert pages > 1
    assert paragraphs > 0
    assert noisy == 0
