"""Filters round-trip through the URL; a chart selection becomes keys (pure functions, no Streamlit)."""

from datetime import date

import pytest

from culturedash.filters import Filters, selected_keys


def test_filters_round_trip_through_query_params():
    f = Filters(date(2024, 3, 1), date(2024, 3, 31), ("panel", "forum"), ("Harbour Museum",), ("Norway",), ("a.txt",))
    params = f.to_params()
    assert params["from"] == "2024-03-01" and params["type"] == ["panel", "forum"]
    assert Filters.from_params(params) == f


def test_empty_filters_leave_the_url_clean():
    assert Filters().to_params() == {}
    assert Filters.from_params({}) == Filters()
    assert Filters().is_empty


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"from": "not-a-date"}, Filters()),
        ({"from": ["2024-02-30"]}, Filters()),
        ({"type": "panel"}, Filters(types=("panel",))),
        ({"type": ["panel", "panel", " "]}, Filters(types=("panel",))),
    ],
)
def test_bad_or_repeated_params_are_ignored(params, expected):
    assert Filters.from_params(params) == expected


def test_describe_names_every_active_filter():
    text = Filters(start=date(2024, 3, 1), types=("round_table",), orgs=("A", "B", "C", "D")).describe()
    assert text == "01 Mar 2024 – …; type: round table; organisation: A, B, C +1"
    assert Filters().describe() == "All articles, all dates"


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (None, []),
        ({"selection": {"points": []}}, []),
        ({"selection": {"points": [{"customdata": ["E2", "Panel"]}, {"customdata": ["E2", "Panel"]}]}}, ["E2"]),
        ({"selection": {"points": [{"customdata": "E5"}, {"x": 1}]}}, ["E5"]),
    ],
)
def test_chart_selection_gives_the_clicked_keys(selection, expected):
    assert selected_keys(selection) == expected
