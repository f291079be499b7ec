"""The command line as users and the evaluation tools call it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main


def docs_folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "note.txt").write_text("Shelter note\n\nThe ministry granted 75,000 euros to the shelter in 2019.\n")
    (docs / "empty.txt").write_bytes(b"")
    return docs


def test_build_json_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = docs_folder(tmp_path)
    assert main(["build", "--docs", str(docs), "--db", str(tmp_path / "kb.db"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["documents"] == 1 and out["passages"] >= 1
    assert set(out["facts"]) == {"funding", "contact", "permit", "event"}
    assert out["skipped"] == [{"path": "empty.txt", "reason": "empty file (0 bytes)"}]


def test_build_fails_cleanly_and_keeps_the_old_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = docs_folder(tmp_path)
    db = tmp_path / "kb.db"
    assert main(["build", "--docs", str(docs), "--db", str(db)]) == 0
    before = db.read_bytes()
    (docs / "note.txt").unlink()
    assert main(["build", "--docs", str(docs), "--db", str(db)]) == 1
    assert "no usable document" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_facts_builds_on_first_use(tmp_path: Path, capsys: pytest.CaptureFixture[str], corpus_dir: Path) -> None:
    db = tmp_path / "fresh" / "kb.db"
    assert main(["facts", "--json", "--db", str(db)]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert isinstance(facts, list) and db.exists()
    for fact in facts:
        assert set(fact) == {"type", "fields", "excerpt", "source"}
        assert fact["source"]["doc"] in {p.name for p in corpus_dir.iterdir()}


def test_bad_settings_are_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTBOT_DIGEST_TIME", "25:99")
    monkeypatch.setenv("FACTBOT_DIGEST_TZ", "Mars/Olympus")
    assert main(["build", "--db", str(tmp_path / "kb.db")]) == 2
    err = capsys.readouterr().err
    assert "FACTBOT_DIGEST_TIME" in err and "FACTBOT_DIGEST_TZ" in err


def test_python_dash_m_bot_runs(tmp_path: Path) -> None:
    docs = docs_folder(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "bot", "build", "--docs", str(docs), "--db",
                           str(tmp_path / "kb.db"), "--json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["documents"] == 1


def test_answers_follow_the_documents_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = docs_folder(tmp_path)
    db = str(tmp_path / "kb.db")
    assert main(["facts", "--json", "--docs", str(docs), "--db", db]) == 0
    before = json.loads(capsys.readouterr().out)
    (docs / "new.txt").write_text("Grant note\n\nThe city gave 12,500 euros to the helpline in 2020.\n")
    assert main(["facts", "--json", "--type", "funding", "--docs", str(docs), "--db", db]) == 0
    after = json.loads(capsys.readouterr().out)
    assert any(f["source"]["doc"] == "new.txt" and f["fields"]["amount"] == 12500 for f in after)
    assert all(f["source"]["doc"] == "note.txt" for f in before)


def test_db_alone_answers_from_the_folder_it_was_built_from(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            corpus_dir: Path) -> None:
    docs = docs_folder(tmp_path)
    db = tmp_path / "kb.db"
    assert main(["build", "--docs", str(docs), "--db", str(db), "--json"]) == 0
    capsys.readouterr()
    built = db.stat().st_mtime_ns
    # no --docs and no FACTBOT_DOCS: the knowledge base is kept, not rebuilt from the bundled documents
    assert main(["facts", "--json", "--db", str(db)]) == 0
    assert {f["source"]["doc"] for f in json.loads(capsys.readouterr().out)} == {"note.txt"}
    assert db.stat().st_mtime_ns == built
    # its own folder changed: refreshed from that folder
    (docs / "new.txt").write_text("Grant note\n\nThe city gave 12,500 euros to the helpline in 2020.\n")
    assert main(["funding", "helpline", "--json", "--db", str(db)]) == 0
    assert json.loads(capsys.readouterr().out)["results"][0]["source"]["doc"] == "new.txt"
    # its folder is gone: used as it is
    for path in docs.iterdir():
        path.unlink()
    docs.rmdir()
    assert main(["facts", "--json", "--db", str(db)]) == 0
    assert {f["source"]["doc"] for f in json.loads(capsys.readouterr().out)} == {"note.txt", "new.txt"}
    # a folder given explicitly wins
    assert main(["facts", "--json", "--db", str(db), "--docs", str(corpus_dir)]) == 0
    assert {f["source"]["doc"] for f in json.loads(capsys.readouterr().out)} <= {p.name for p in corpus_dir.iterdir()}


def test_factbot_docs_in_the_environment_counts_as_given(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    docs = docs_folder(tmp_path)
    db = tmp_path / "kb.db"
    assert main(["build", "--db", str(db), "--json"]) == 0  # the bundled documents
    capsys.readouterr()
    monkeypatch.setenv("FACTBOT_DOCS", str(docs))
    assert main(["facts", "--json", "--db", str(db)]) == 0
    assert {f["source"]["doc"] for f in json.loads(capsys.readouterr().out)} == {"note.txt"}


def test_docs_and_db_may_come_before_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = docs_folder(tmp_path)
    db = tmp_path / "kb.db"
    assert main(["--docs", str(docs), "--db", str(db), "facts", "--json"]) == 0
    assert {f["source"]["doc"] for f in json.loads(capsys.readouterr().out)} == {"note.txt"}
    assert db.exists()
