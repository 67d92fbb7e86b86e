"""Tables written for people: an event's dates in words, the timeline's events in columns that fit a page."""

from __future__ import annotations

from datetime import date

import pytest

from culturedash import event_queries, tables
from culturedash.filters import Filters


@pytest.mark.parametrize(
    ("info", "text"),
    [
        (
            {"start_date": date(2024, 3, 4), "end_date": date(2024, 3, 5), "date_precision": "day"},
            "04 Mar 2024 – 05 Mar 2024",
        ),
        ({"start_date": date(2024, 3, 1), "end_date": None, "date_precision": "month"}, "March 2024"),
        ({"start_date": date(2024, 1, 1), "end_date": date(2024, 1, 1), "date_precision": "year"}, "2024"),
        ({"start_date": None}, "not stated in the text"),
    ],
)
def test_dates_in_words_with_the_precision_the_text_gives(info, text):
    assert tables.dates_text(info) == text


def test_readable_events_put_dates_and_place_in_one_column_each(literal_con):
    frame = tables.readable_events(event_queries.timeline_events(literal_con, Filters()))
    assert list(frame.columns) == [
        "event",
        "type",
        "dates",
        "part of",
        "place",
        "participants",
        "in its sessions",
        "article",
    ]
    forum = frame.set_index("event").loc["Harbour Forum"]
    assert forum["dates"] == "04 Mar 2024 – 05 Mar 2024" and forum["place"] == "Old Port Hall, Bergen"
    assert frame.set_index("event").loc["Panel one", "part of"] == "Harbour Forum"
