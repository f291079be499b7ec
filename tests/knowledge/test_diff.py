"""Diffs between knowledge bases and the checks a fresh build must pass before it serves."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from knowledge.check import check_knowledge_base
from knowledge.diff import Snapshot, diff_knowledge, snapshot
from knowledge.errors import KnowledgeBaseError
from knowledge.models import Skipped
from knowledge.store import SCHEMA_VERSION, KnowledgeBase, build_knowledge_base

_CURRENT_META = f"CREATE TABLE meta (key, value); INSERT INTO meta VALUES ('schema_version', '{SCHEMA_VERSION}');"
CABLE = ("UNCLAS PARIS 000412\n\nSUBJECT: SHELTER FUNDING FOR TRAFFICKING VICTIMS\n\n"
         "1. The Ministry of Labour granted EUR 240,000 to the shelter network in 2009. The Council of "
         "Europe expert meeting took place in Strasbourg on 14 October 2009.\n")
NEWSLETTER = ("Quarterly newsletter, spring 2019\n\nSweden contributed USD 500,000 per year to the regional "
              "victims' fund. A regional conference on victim protection will be held in Sofia on 3 June 2019.\n")
REPORT = ("Annual report 2018\n\nVictims are granted a reflection period of 30 days before deciding whether to "
          "cooperate with the authorities.\n")


@pytest.mark.parametrize(("before", "after", "added", "removed", "changed", "unchanged"), [
    ({}, {"a.txt": "1"}, ("a.txt",), (), (), 0),
    ({"a.txt": "1"}, {}, (), ("a.txt",), (), 0),
    ({"a.txt": "1", "b.txt": "2"}, {"a.txt": "1", "b.txt": "3"}, (), (), ("b.txt",), 1),
    ({"a.txt": "1", "b.txt": "2"}, {"b.txt": "2", "c.md": "4"}, ("c.md",), ("a.txt",), (), 1),
    ({"z.txt": "1", "m.pdf": "2"}, {"z.txt": "9", "m.pdf": "8"}, (), (), ("m.pdf", "z.txt"), 0),
    ({"a.txt": "1"}, {"a.txt": "1"}, (), (), (), 1),
])
def test_documents_are_compared_by_content_hash(before: dict[str, str], after: dict[str, str], added: tuple[str, ...],
                                                removed: tuple[str, ...], changed: tuple[str, ...],
                                                unchanged: int) -> None:
    diff = diff_knowledge(Snapshot(files=before), Snapshot(files=after))
    assert (diff.added, diff.removed, diff.changed, diff.unchanged) == (added, removed, changed, unchanged)
    assert diff.documents == (len(before), len(after))
    assert diff.documents_changed == bool(added or removed or changed)


@pytest.mark.parametrize(("before", "after", "expected"), [
    ({}, {"funding": 2}, {"funding": (0, 2), "contact": (0, 0), "permit": (0, 0), "event": (0, 0)}),
    ({"event": 5, "permit": 1}, {"event": 3, "permit": 1},
     {"funding": (0, 0), "contact": (0, 0), "permit": (1, 1), "event": (5, 3)}),
    ({"funding": 1}, {"funding": 1, "budget": 4},
     {"funding": (1, 1), "contact": (0, 0), "permit": (0, 0), "event": (0, 0), "budget": (0, 4)}),
])
def test_facts_per_type_before_and_after(before: dict[str, int], after: dict[str, int],
                                         expected: dict[str, tuple[int, int]]) -> None:
    diff = diff_knowledge(Snapshot(facts=before), Snapshot(facts=after))
    assert dict(diff.facts) == expected
    assert list(diff.facts)[:4] == ["funding", "contact", "permit", "event"]


def test_skipped_files_are_those_of_the_new_build() -> None:
    old = Snapshot(skipped=(Skipped("gone.txt", "empty file (0 bytes)"),))
    new = Snapshot(skipped=(Skipped("scan.pdf", "no text in the file"),))
    assert diff_knowledge(old, new).skipped == (Skipped("scan.pdf", "no text in the file"),)
    assert diff_knowledge(old, new).to_json()["skipped"] == [{"path": "scan.pdf", "reason": "no text in the file"}]


def test_diff_of_two_real_builds(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "cable.txt").write_text(CABLE, encoding="utf-8")
    (docs / "newsletter.md").write_text(NEWSLETTER, encoding="utf-8")
    build_knowledge_base(docs, tmp_path / "old.db")
    old = KnowledgeBase(tmp_path / "old.db")

    (docs / "cable.txt").write_text(CABLE + "2. The Lille shelter opened a second house in 2010.\n", encoding="utf-8")
    (docs / "newsletter.md").unlink()
    (docs / "report.txt").write_text(REPORT, encoding="utf-8")
    (docs / "blank.txt").write_bytes(b"")
    build_knowledge_base(docs, tmp_path / "new.db")
    new = KnowledgeBase(tmp_path / "new.db")

    diff = diff_knowledge(snapshot(old), snapshot(new))
    assert (diff.added, diff.removed, diff.changed, diff.unchanged) == (("report.txt",), ("newsletter.md",),
                                                                        ("cable.txt",), 0)
    assert diff.facts["permit"] == (old.counts()["facts"]["permit"], new.counts()["facts"]["permit"])
    assert diff.facts["permit"][1] > diff.facts["permit"][0]
    assert [s.path for s in diff.skipped] == ["blank.txt"] and "empty" in diff.skipped[0].reason
    assert diff.to_json()["documents"] == {"before": 2, "after": 2}


def test_snapshot_of_no_knowledge_base_is_empty() -> None:
    assert snapshot(None) == Snapshot()


def test_a_good_build_passes_the_check_with_its_counts(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "cable.txt").write_text(CABLE, encoding="utf-8")
    (docs / "report.txt").write_text(REPORT, encoding="utf-8")
    report = build_knowledge_base(docs, tmp_path / "kb.db")
    check = check_knowledge_base(tmp_path / "kb.db")
    assert (check.documents, check.passages) == (report.documents, report.passages)
    assert check.facts == report.facts


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000), "not a usable knowledge base"),
    (lambda p: p.write_text("Minutes of the meeting in Vienna", encoding="utf-8"), "not a usable knowledge base"),
    (lambda p: _sqlite(p, "CREATE TABLE notes (x)"), "not a usable knowledge base"),
    (lambda p: _sqlite(p, "CREATE TABLE meta (key, value); INSERT INTO meta VALUES ('schema_version', '0')"),
     "schema 0"),
    (lambda p: _sqlite(p, _CURRENT_META + "CREATE TABLE documents (path); CREATE TABLE facts (doc, type);"
                          "CREATE TABLE passages (id)"), "holds no document"),
    (lambda p: _sqlite(p, _CURRENT_META + "CREATE TABLE documents (path); INSERT INTO documents VALUES ('a.txt');"
                          "CREATE TABLE facts (doc, type); INSERT INTO facts VALUES ('b.txt', 'event');"
                          "CREATE TABLE passages (id)"), "document is missing"),
    (lambda p: None, "not found"),
])
def test_a_bad_file_fails_the_check_with_the_reason(tmp_path: Path, make: object, message: str) -> None:
    path = tmp_path / "kb.db"
    make(path)  # type: ignore[operator]
    with pytest.raises(KnowledgeBaseError, match=message):
        check_knowledge_base(path)


def test_a_damaged_page_fails_the_integrity_check(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "cable.txt").write_text(CABLE * 40, encoding="utf-8")
    build_knowledge_base(docs, tmp_path / "kb.db")
    data = bytearray((tmp_path / "kb.db").read_bytes())
    page = 4096
    data[page * 2:page * 2 + 200] = b"\xff" * 200  # scribble over a b-tree page header
    (tmp_path / "kb.db").write_bytes(bytes(data))
    with pytest.raises(KnowledgeBaseError):
        check_knowledge_base(tmp_path / "kb.db")


def _sqlite(path: Path, script: str) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(script)
    conn.commit()
    conn.close()
