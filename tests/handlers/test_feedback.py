"""Questions remembered for the buttons, and 👍/👎 votes, in a real state database."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.state import StateDB
from handlers.feedback import DDL, recall_question, record_vote, remember_question, votes


@pytest.fixture
def state(tmp_path: Path) -> StateDB:
    db = StateDB(tmp_path / "state.db")
    db.ensure(*DDL)
    return db


def test_question_round_trip(state: StateDB) -> None:
    ref = remember_question(state, "funding", "who funds UNODC", user="U1", channel="C1")
    asked = recall_question(state, ref)
    assert asked is not None and (asked.command, asked.query, asked.user, asked.channel) == \
        ("funding", "who funds UNODC", "U1", "C1")
    assert recall_question(state, "unknown") is None


@pytest.mark.parametrize(("cast", "expected"), [
    ([("U1", "up")], {"up": 1, "down": 0}),
    ([("U1", "up"), ("U2", "down")], {"up": 1, "down": 1}),
    ([("U1", "up"), ("U1", "down")], {"up": 0, "down": 1}),
    ([("U1", "up"), ("U2", "up"), ("U3", "up")], {"up": 3, "down": 0}),
])
def test_votes_one_per_user(state: StateDB, cast: list[tuple[str, str]], expected: dict[str, int]) -> None:
    for user, vote in cast:
        record_vote(state, "ref1", 0, user, vote)
    assert votes(state, "ref1") == expected


def test_bad_vote_refused(state: StateDB) -> None:
    with pytest.raises(ValueError):
        record_vote(state, "ref1", 0, "U1", "sideways")


def test_votes_survive_reopening(tmp_path: Path, state: StateDB) -> None:
    record_vote(state, "ref1", 5, "U1", "down")
    state.close()
    again = StateDB(tmp_path / "state.db")
    assert votes(again, "ref1") == {"up": 0, "down": 1}
