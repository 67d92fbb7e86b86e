"""The one module that talks to DuckDB: a read-only connection and every query the pages use."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from etl.settings import DEFAULT_DB


def connect(db_path: Path = DEFAULT_DB) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the built database."""
    return duckdb.connect(str(db_path), read_only=True)


def overview_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many articles, events, people, organisations and figures the database holds."""
    row = con.execute(
        """SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM people),
                  (SELECT count(*) FROM organizations), (SELECT count(*) FROM figures)"""
    ).fetchone()
    assert row is not None
    keys = ("articles", "events", "people", "organizations", "figures")
    return dict(zip(keys, (int(v) for v in row), strict=True))


def date_span(con: duckdb.DuckDBPyConnection) -> tuple[object, object]:
    """The earliest and latest dated event (or publication) in the database."""
    row = con.execute(
        """SELECT min(d), max(d) FROM (
               SELECT start_date AS d FROM events UNION ALL SELECT coalesce(end_date, start_date) FROM events
               UNION ALL SELECT published FROM articles) WHERE d IS NOT NULL"""
    ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def articles_table(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Articles with title, date, source and how many events, people and figures each yields."""
    return con.execute(
        """SELECT a.title, a.published, a.source, a.file_name,
                  (SELECT count(*) FROM event_articles ea WHERE ea.article_id = a.article_id) AS events,
                  (SELECT count(DISTINCT m.entity_id) FROM mentions m
                     WHERE m.article_id = a.article_id AND m.kind = ?) AS people,
                  (SELECT count(*) FROM figures f WHERE f.article_id = a.article_id) AS figures
           FROM articles a ORDER BY a.published NULLS LAST, a.file_name""",
        ["person"],
    ).df()


def events_by_type(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Event counts per type, largest first."""
    return con.execute("SELECT type, count(*) AS events FROM events GROUP BY type ORDER BY events DESC, type").df()
