"""The load benchmark runs end to end on a small level: the real app answers every signed request."""

from __future__ import annotations

import math

import pytest

from bench.load import main, percentile


@pytest.mark.parametrize(("values", "p", "expected"), [
    ([0.3, 0.1, 0.2], 50, 0.2),
    ([0.3, 0.1, 0.2], 99, 0.3),
    ([float(i) for i in range(1, 101)], 99, 99.0),
    ([5.0], 50, 5.0),
])
def test_percentile_is_nearest_rank(values: list[float], p: float, expected: float) -> None:
    assert percentile(values, p) == expected


def test_percentile_of_nothing_is_nan() -> None:
    assert math.isnan(percentile([], 50))


def test_a_small_level_is_answered_without_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--levels", "6", "--no-results", "--timeout", "20"]) == 0
    out = capsys.readouterr().out
    assert "| 6 |" in out
    assert "6/6 | 0 |" in out
