"""The connection module: filter options, counts, date span, frames with dates, sentences around a span."""

from datetime import date

import pytest

from culturedash import db


def test_filter_options_list_what_the_database_holds(literal_con):
    options = db.filter_options(literal_con)
    assert options["types"] == ["concert", "forum", "panel"]
    assert options["countries"] == ["Norway"]  # no "None" for bodies whose country is not stated
    assert list(options["articles"]) == ["forum.txt", "gala.txt"]  # dated first
    assert (options["first"], options["last"]) == (date(2024, 3, 1), date(2024, 4, 10))


def test_overview_counts_every_table(literal_con):
    assert db.overview_counts(literal_con) == {
        "articles": 2,
        "events": 4,
        "people": 3,
        "organizations": 2,
        "figures": 1,
    }


def test_query_frame_shows_dates_as_dates(literal_con):
    frame = db.query_frame(literal_con, "SELECT start_date FROM events WHERE event_id = ?", ["E1"])
    assert frame["start_date"].iloc[0] == date(2024, 3, 4)


@pytest.mark.parametrize(
    ("start", "expected"),
    [(0, "The Harbour Forum opened on March 4."), (60, "Panel one was moderated by Ana Lund.")],
)
def test_sentence_around_a_span(literal_con, start, expected):
    body = literal_con.execute("SELECT body FROM articles WHERE article_id = 'A1'").fetchone()[0]
    assert db.sentence_around(body, start, start + 1) == expected
