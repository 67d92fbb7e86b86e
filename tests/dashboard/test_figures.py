"""Figures written as a reader would, grouped for charts, labelled by what they count."""

import pandas as pd
import pytest

from culturedash import event_queries
from culturedash.figures import bar_label, chart_frame, format_value, proposed_groups
from culturedash.filters import Filters


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


def test_groups_need_the_same_unit_source_and_speaker(literal_con):
    literal_con.execute(
        """INSERT INTO figures VALUES
           ('F2', 'A1', 'E2', 'P1', 10, 'percent', 'all', '10%', false, 'This is 10% of all.', 100, 103),
           ('F3', 'A1', 'E2', NULL, 20, 'percent', 'x', '20%', false, 'x', 110, 113),
           ('F4', 'A1', 'E2', 'P1', 5, 'films', 'y', '5 films', false, 'y', 120, 127),
           ('F5', 'A1', 'E2', 'P1', 7, 'percent', NULL, '7%', false, 'no subject', 130, 132)"""
    )
    groups = proposed_groups(event_queries.figure_groups(literal_con, Filters()))
    assert [ids for _, ids in groups] == [["F1", "F2"]]  # same unit, article and speaker, each with a subject
    assert groups[0][0] == "2 shares (%) reported by Ana Lund in “Coast News, Harbour forum opens, 1 Mar 2024”"


def test_chart_frame_keeps_the_chosen_order_and_labels_from_the_sentence_before():
    frame = pd.DataFrame(
        {
            "figure_id": ["a", "b"],
            "unit": ["percent", "percent"],
            "subject": ["s1", "s2"],
            "evidence": ["52% of schools offer music.", "This is 10% of all."],
        }
    )
    chosen = chart_frame(frame, ["b", "a"], {"b": "The number of museums is 40."})
    assert list(chosen["figure_id"]) == ["b", "a"]
    assert chosen["label"].iloc[0] == "Museums"  # "This is 10% of all." is named by the sentence before
