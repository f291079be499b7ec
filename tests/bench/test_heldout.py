"""The held-out sets stay sound: every gold excerpt is a verbatim quote of its document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.heldout.check_gold import problems

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.mark.parametrize("name", ["heldout", "heldout2", "heldout3", "heldout4"])
def test_every_gold_excerpt_is_verbatim(name: str) -> None:
    folder = BENCH / name
    assert problems(folder / "gold.json", folder / "docs") == []


@pytest.mark.parametrize("name", ["heldout", "heldout2", "heldout3", "heldout4"])
def test_every_question_names_a_document_of_its_set(name: str) -> None:
    folder = BENCH / name
    documents = {p.name for p in (folder / "docs").iterdir()}
    lines = (folder / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line) for line in lines if line.strip()]
    assert questions and all(q.get("doc") in documents for q in questions if q.get("doc"))


def test_a_quote_that_is_not_in_its_document_is_reported(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("The ministry granted 5,000 euros.", encoding="utf-8")
    gold = {"docs": {"a.txt": {"funding": [{"excerpt": "The ministry granted 6,000 euros."}]}}}
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    assert len(problems(tmp_path / "gold.json", tmp_path / "docs")) == 1
