"""Figures written as a reader would, grouped for charts, labelled by what they count."""

import pandas as pd
import pytest

from culturedash.figures import bar_label, chart_frame, format_value, proposed_groups


@pytest.mark.parametrize(
    ("value", "unit", "approx", "text", "expected"),
    [
        (64.4, "percent", False, "64.4%", "64.4%"),
        (60, "percent", True, "close to 60%", "close to 60%"),
        (3000, "companies", True, "more than three thousand", "more than 3,000 companies"),
        (12000, "people", True, "around 12,000", "~12,000 people"),
        (5.44e9, "people", False, "5.44 billion", "5.44 billion people"),
    ],
)
def test_values_read_as_written(value, unit, approx, text, expected):
    assert format_value(value, unit, approx, text) == expected


@pytest.mark.parametrize(
    ("evidence", "previous", "label"),
    [
        (
            "This is 71% of the adult population.",
            "4.1 billion people read news online worldwide.",
            "Read news online worldwide",
        ),
        ("The number of radio listeners is 2.3 billion.", "", "Radio listeners"),
        ("52% of the region's schools offer music classes.", "", "Offer music classes"),
    ],
)
def test_bar_label_says_what_is_counted(evidence, previous, label):
    assert bar_label(None, evidence, previous) == label


def test_groups_need_the_same_unit_source_and_speaker():
    frame = pd.DataFrame(
        {
            "figure_id": ["a", "b", "c", "d"],
            "unit": ["percent", "percent", "percent", "films"],
            "file_name": ["x.txt", "x.txt", "y.txt", "x.txt"],
            "speaker": ["Ana", "Ana", "Ana", None],
            "subject": ["s1", "s2", "s3", "s4"],
            "article": ["X", "X", "Y", "X"],
            "evidence": ["52% of schools offer music.", "This is 10% of all.", "x", "y"],
            "previous_sentence": ["", "Half the museums are open.", "", ""],
        }
    )
    groups = proposed_groups(frame)
    assert [ids for _, ids in groups] == [["a", "b"]]
    assert "shares (%) reported by Ana" in groups[0][0]
    assert list(chart_frame(frame, ["b", "a"])["figure_id"]) == ["b", "a"]
