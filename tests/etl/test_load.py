"""Writing the tables into DuckDB: values keep their types, whichever way the frame reaches DuckDB."""

from datetime import date, datetime

import duckdb
import pandas as pd
import pytest

from etl.load import COLUMNS, write_tables


@pytest.fixture
def con():
    """An empty in-memory database."""
    with duckdb.connect() as connection:
        yield connection


def test_dates_lists_and_missing_values_arrive_as_written(con):
    articles = pd.DataFrame(
        [
            ("A1", "a.txt", "Forum", date(2024, 3, 1), "Coast News", None, "Body", "h1", datetime(2024, 3, 2), None),
            ("A2", "b.txt", "Gala", None, None, "https://x.org", "Text", "h2", datetime(2024, 3, 2), "Ana Lund"),
        ],
        columns=COLUMNS["articles"],
    )
    people = pd.DataFrame(
        [("P1", "Ana Lund", ["A. Lund"], None), ("P2", "Bo", [], "Latvia")], columns=COLUMNS["people"]
    )
    write_tables(con, {"articles": articles, "people": people})
    assert con.execute("SELECT article_id, published, url, author FROM articles ORDER BY 1").fetchall() == [
        ("A1", date(2024, 3, 1), None, None),
        ("A2", None, "https://x.org", "Ana Lund"),
    ]
    assert con.execute("SELECT * FROM people ORDER BY 1").fetchall() == [
        ("P1", "Ana Lund", ["A. Lund"], None),
        ("P2", "Bo", [], "Latvia"),
    ]


def test_a_column_of_mixed_values_is_still_written(con):
    """A curation edit can leave a number in a text column: Arrow refuses the column, the write goes on."""
    people = pd.DataFrame([("P1", "Ana", [], "Latvia"), ("P2", "Bo", [], 7)], columns=COLUMNS["people"])
    write_tables(con, {"people": people})
    assert con.execute("SELECT person_id, country FROM people ORDER BY 1").fetchall() == [("P1", "Latvia"), ("P2", "7")]
