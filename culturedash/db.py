"""The one module that owns the DuckDB connection: opening it read-only, reading a query into a frame, turning the
sidebar filters into SQL conditions, and what every page shares (filter options, counts, date span).

The pages' queries live beside it, one module per area: `event_queries` (overview, timeline, figures, network),
`source_queries` (institutions, articles) and `review_queries` (the Data page). Every query uses `?` parameters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from culturedash.filters import Filters
from etl.fts import INDEX_SCHEMA, load_fts
from etl.settings import DEFAULT_DB


def connect(db_path: Path = DEFAULT_DB) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the built database, with full-text search loaded when available."""
    con = duckdb.connect(str(db_path), read_only=True)
    load_fts(con)
    return con


def query_frame(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
    """The rows of `sql` (run with `params`) as a frame, DATE columns as dates."""
    frame = con.execute(sql, params or []).df()
    for column in frame.columns:
        # DATE columns arrive as timestamps; show them as dates, not "2023-11-28 00:00:00"
        if (
            pd.api.types.is_datetime64_any_dtype(frame[column])
            and (frame[column].dropna().dt.normalize() == frame[column].dropna()).all()
        ) and column not in ("loaded_at",):
            frame[column] = frame[column].dt.date
    return frame


# How the pages cite an article (hovers, tables, the details line, footnotes): "Outlet, headline, date".
CITE = "concat_ws(', ', a.source, a.title, strftime(a.published, '%-d %b %Y'))"


# Organisations and countries of an event: those of its participants (their stated body, or the person's).
_EVENT_ORGS = """
    SELECT pa.event_id, o.name AS org, coalesce(o.country, pe.country) AS country
    FROM participations pa JOIN people pe ON pe.person_id = pa.person_id
    LEFT JOIN organizations o ON o.org_id = pa.org_id"""


def event_where(f: Filters, alias: str = "e") -> tuple[str, list[Any]]:
    """SQL conditions (and their parameters) that keep the events the filters select."""
    conds: list[str] = []
    params: list[Any] = []
    if f.start:
        conds.append(f"coalesce({alias}.end_date, {alias}.start_date) >= ?")
        params.append(f.start)
    if f.end:
        conds.append(f"{alias}.start_date <= ?")
        params.append(f.end)
    if f.types:
        conds.append(f"list_contains(?, {alias}.type)")
        params.append(list(f.types))
    if f.orgs:
        conds.append(f"{alias}.event_id IN (SELECT event_id FROM ({_EVENT_ORGS}) WHERE list_contains(?, org))")
        params.append(list(f.orgs))
    if f.countries:
        conds.append(f"{alias}.event_id IN (SELECT event_id FROM ({_EVENT_ORGS}) WHERE list_contains(?, country))")
        params.append(list(f.countries))
    if f.articles:
        conds.append(
            f"""{alias}.event_id IN (SELECT ea.event_id FROM event_articles ea JOIN articles a USING (article_id)
                WHERE list_contains(?, a.file_name))"""
        )
        params.append(list(f.articles))
    return (" AND ".join(conds) or "TRUE"), params


def article_scope(f: Filters) -> tuple[str, list[Any]]:
    """SQL for the article ids in scope: all, or those reporting a selected event / chosen by name."""
    if f.is_empty:
        return "SELECT article_id FROM articles", []
    if f == Filters(articles=f.articles):
        return "SELECT article_id FROM articles WHERE list_contains(?, file_name)", [list(f.articles)]
    where, params = event_where(f)
    return f"SELECT ea.article_id FROM event_articles ea JOIN events e USING (event_id) WHERE {where}", params


def filter_options(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What the sidebar offers: event types, organisations, countries, articles and the date span."""
    first, last = date_span(con)
    return {
        "types": [r[0] for r in con.execute("SELECT DISTINCT type FROM events ORDER BY 1").fetchall()],
        "orgs": [r[0] for r in con.execute("SELECT DISTINCT name FROM organizations ORDER BY 1").fetchall()],
        "countries": [
            r[0]
            for r in con.execute(
                """SELECT DISTINCT c FROM (SELECT country AS c FROM organizations UNION SELECT country FROM people)
                   WHERE c IS NOT NULL ORDER BY 1"""
            ).fetchall()
        ],
        "articles": dict(
            con.execute("SELECT file_name, title FROM articles ORDER BY published NULLS LAST, file_name").fetchall()
        ),
        "first": first,
        "last": last,
    }


def overview_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many articles, events, people, organisations and figures the database holds."""
    row = con.execute(
        """SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM people),
                  (SELECT count(*) FROM organizations), (SELECT count(*) FROM figures)"""
    ).fetchone()
    assert row is not None
    keys = ("articles", "events", "people", "organizations", "figures")
    return dict(zip(keys, (int(v) for v in row), strict=True))


def cited_articles(con: duckdb.DuckDBPyConnection, f: Filters, most: int = 3) -> list[str]:
    """The articles in scope of the filters as citations, when there are at most `most` of them (else [])."""
    scope, params = article_scope(f)
    rows = con.execute(
        f"SELECT {CITE} FROM articles a WHERE a.article_id IN ({scope}) ORDER BY a.published NULLS LAST, a.title "
        f"LIMIT {int(most) + 1}",
        params,
    ).fetchall()
    return [r[0] for r in rows] if len(rows) <= most else []


def date_span(con: duckdb.DuckDBPyConnection) -> tuple[Any, Any]:
    """The earliest and latest dated event (or publication) in the database."""
    row = con.execute(
        """SELECT min(d), max(d) FROM (
               SELECT start_date AS d FROM events UNION ALL SELECT coalesce(end_date, start_date) FROM events
               UNION ALL SELECT published FROM articles) WHERE d IS NOT NULL"""
    ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def has_fts(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database carries the full-text index and the extension is loaded."""
    try:
        con.execute(f"SELECT {INDEX_SCHEMA}.match_bm25(article_id, ?) FROM articles LIMIT 0", ["x"])
    except duckdb.Error:
        return False
    return True


def sentence_around(body: str, start: int, end: int) -> str:
    """The sentence of `body` that contains characters [start, end)."""
    stop, line = body.rfind(". ", 0, start), body.rfind("\n", 0, start)
    left = max(stop + 2 if stop != -1 else 0, line + 1)
    stops = [i for i in (body.find(". ", end), body.find("\n", end)) if i != -1]
    right = min(stops) + 1 if stops else len(body)
    return body[left:right].strip()
