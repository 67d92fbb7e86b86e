"""The scale benchmark runs end to end on a tiny corpus, so it cannot rot between the runs that use it."""

from __future__ import annotations

import pytest

from benchmarks.bench_scale import STEPS, SizeResult, measure, table

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> SizeResult:
    """Five generated articles, measured as the benchmark measures every size."""
    return measure(5, tmp_path_factory.mktemp("scale"))


def test_every_measure_is_taken(result: SizeResult) -> None:
    assert result.articles == 5 and result.people > 0
    assert result.etl > 0 and result.pipe > 0 and result.add_build > 0 and result.add_cli > 0
    assert result.peak_rss_mb > 100  # the build loaded spaCy: its own peak, not this test process's
    assert set(STEPS) <= set(result.steps) and result.steps["extract"] > 0
    assert set(STEPS) <= set(result.add_steps)
    assert result.steps["other"] < result.etl / 2  # the step timers caught where the time went


def test_table_prints_one_row_per_size(result: SizeResult) -> None:
    text = table([result])
    assert "| 5 | " in text and "s / article" in text and "add one" in text
