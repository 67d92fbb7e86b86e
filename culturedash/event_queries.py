"""Queries of the event pages: overview, timeline and event details, figures (the network's are in network_queries)."""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from culturedash.db import CITE, article_scope, event_where, query_frame, sentence_around
from culturedash.filters import Filters


def articles_table(con: duckdb.DuckDBPyConnection, f: Filters | None = None) -> pd.DataFrame:
    """Articles in scope of the filters with title, date, source and how many events, people and figures each
    yields."""
    scope, params = article_scope(f or Filters())
    return query_frame(
        con,
        f"""SELECT a.title, a.published, a.source, a.file_name,
                  (SELECT count(*) FROM event_articles ea WHERE ea.article_id = a.article_id) AS events,
                  (SELECT count(DISTINCT m.entity_id) FROM mentions m
                     WHERE m.article_id = a.article_id AND m.kind = ?) AS people,
                  (SELECT count(*) FROM figures f WHERE f.article_id = a.article_id) AS figures
           FROM articles a WHERE a.article_id IN ({scope}) ORDER BY a.published NULLS LAST, a.file_name""",
        ["person", *params],
    )


def events_by_type(con: duckdb.DuckDBPyConnection, f: Filters | None = None) -> pd.DataFrame:
    """Counts per type of the events the filters keep (dated or not), largest first."""
    where, params = event_where(f or Filters())
    return query_frame(
        con,
        f"SELECT type, count(*) AS events FROM events e WHERE {where} GROUP BY type ORDER BY events DESC, type",
        params,
    )


# The descendants of each event (its panels, their sessions...) with the depth below it: a forum's people are
# often named only in its panels.
_DESCENDANTS = """
    WITH RECURSIVE tree(root, event_id, depth) AS (
        SELECT parent_id, event_id, 1 FROM events WHERE parent_id IS NOT NULL
        UNION ALL
        SELECT t.root, e.event_id, t.depth + 1 FROM tree t JOIN events e ON e.parent_id = t.event_id
        WHERE t.depth < 5)  -- a parent loop written by curation must not recurse for ever
    SELECT DISTINCT root, event_id FROM tree"""


def timeline_events(con: duckdb.DuckDBPyConnection, f: Filters, limit: int | None = None) -> pd.DataFrame:
    """Dated events the filters keep, with parent, venue, participant counts (its own, and those of its sessions
    not counted already) and source article; the latest `limit` of them (all when None), oldest first, each row
    with how many events match in all (`matching`)."""
    where, params = event_where(f)
    return query_frame(
        con,
        f"""WITH sessions AS (SELECT d.root AS event_id, count(DISTINCT pa.person_id) AS people
                              FROM ({_DESCENDANTS}) d JOIN participations pa ON pa.event_id = d.event_id
                              WHERE pa.person_id NOT IN (SELECT person_id FROM participations own
                                                         WHERE own.event_id = d.root)
                              GROUP BY d.root),
                 own AS (SELECT event_id, count(DISTINCT person_id) AS people FROM participations GROUP BY 1),
                 matched AS MATERIALIZED (
            SELECT e.event_id, e.name, e.type, e.start_date, coalesce(e.end_date, e.start_date) AS end_date,
                   e.date_precision, e.parent_id, p.name AS parent, e.venue, e.city,
                   coalesce(own.people, 0) AS participants, coalesce(sessions.people, 0) AS in_sessions,
                   {CITE} AS article, a.file_name
            FROM events e LEFT JOIN events p ON p.event_id = e.parent_id
            JOIN articles a ON a.article_id = e.article_id
            LEFT JOIN own ON own.event_id = e.event_id LEFT JOIN sessions ON sessions.event_id = e.event_id
            WHERE e.start_date IS NOT NULL AND {where}),
                 -- counted apart: `count(*) OVER ()` with ORDER BY ... LIMIT fails now and then in DuckDB 1.5.5
                 -- ("INTERNAL Error: Attempted to access index 0 within vector of size 0", duckdb#22352), and
                 -- an internal error invalidates the app's shared connection
                 total AS (SELECT count(*) AS matching FROM matched),
                 kept AS (SELECT * FROM matched ORDER BY start_date DESC, parent_id NULLS FIRST, name DESC LIMIT ?)
            SELECT kept.*, total.matching FROM kept CROSS JOIN total
            ORDER BY start_date, parent_id NULLS FIRST, name""",
        [*params, limit],
    )


def session_participants(con: duckdb.DuckDBPyConnection, event_id: str) -> pd.DataFrame:
    """Who took part in the parts of an event (a forum's panels, their sessions), with the part's name, for an
    event whose article names its people only in its parts."""
    return query_frame(
        con,
        f"""SELECT pe.name, pa.role, e.name AS session, pa.title, o.name AS organisation, pa.evidence
            FROM ({_DESCENDANTS}) d JOIN events e ON e.event_id = d.event_id
            JOIN participations pa ON pa.event_id = d.event_id JOIN people pe ON pe.person_id = pa.person_id
            LEFT JOIN organizations o ON o.org_id = pa.org_id
            WHERE d.root = ? ORDER BY e.start_date NULLS LAST, e.name, pa.role, pe.name""",
        [event_id],
    )


def undated_events(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Events without a resolvable date (the date filter does not apply), with the reason."""
    where, params = event_where(Filters(types=f.types, orgs=f.orgs, countries=f.countries, articles=f.articles))
    return query_frame(
        con,
        f"""SELECT e.name, e.type, p.name AS parent, {CITE} AS article,
                   CASE WHEN a.published IS NULL AND p.start_date IS NULL
                          THEN 'The article has no publication date and names no date for it'
                        WHEN p.event_id IS NOT NULL AND p.start_date IS NULL
                          THEN 'Neither it nor its parent event is dated in the text'
                        ELSE 'The text gives no day, month or year for it' END AS why
            FROM events e LEFT JOIN events p ON p.event_id = e.parent_id
            JOIN articles a ON a.article_id = e.article_id
            WHERE e.start_date IS NULL AND {where}
            ORDER BY a.title, e.name""",
        params,
    )


def monthly_counts(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Events per month (by start date) and type."""
    where, params = event_where(f)
    return query_frame(
        con,
        f"""SELECT date_trunc('month', e.start_date)::DATE AS month, e.type, count(*) AS events
            FROM events e WHERE e.start_date IS NOT NULL AND {where}
            GROUP BY ALL ORDER BY month, e.type""",
        params,
    )


def event_participants(con: duckdb.DuckDBPyConnection, event_id: str) -> pd.DataFrame:
    """Who took part in an event: role, title, organisation and the sentence that says so."""
    return query_frame(
        con,
        """SELECT pe.name, pa.role, pa.title, o.name AS organisation, pa.evidence
           FROM participations pa JOIN people pe ON pe.person_id = pa.person_id
           LEFT JOIN organizations o ON o.org_id = pa.org_id
           WHERE pa.event_id = ? ORDER BY pa.role, pe.name""",
        [event_id],
    )


def event_info(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any]:
    """One event's fields, its parent's name and its source article."""
    frame = query_frame(
        con,
        f"""SELECT e.*, p.name AS parent, {CITE} AS article, a.file_name FROM events e
           LEFT JOIN events p ON p.event_id = e.parent_id JOIN articles a ON a.article_id = e.article_id
           WHERE e.event_id = ?""",
        [event_id],
    )
    return {str(k): v for k, v in frame.iloc[0].to_dict().items()} if len(frame) else {}


def event_choices(
    con: duckdb.DuckDBPyConnection, f: Filters, limit: int | None = None, include: str | None = None
) -> pd.DataFrame:
    """Events the filters keep (dated or not), for a picker: id, name and a label with type and date; the latest
    `limit` (all when None) and `include` (an event asked for by id) whatever the filters."""
    where, params = event_where(Filters(types=f.types, orgs=f.orgs, countries=f.countries, articles=f.articles))
    return query_frame(
        con,
        f"""SELECT * FROM (
                SELECT e.event_id, e.name, e.name || ' (' || replace(e.type, '_', ' ')
                       || coalesce(', ' || strftime(e.start_date, '%d %b %Y'), '') || ')' AS label, e.start_date
                FROM events e WHERE {where} ORDER BY e.start_date DESC NULLS LAST, e.name LIMIT ?)
            UNION
            SELECT e.event_id, e.name, e.name || ' (' || replace(e.type, '_', ' ')
                   || coalesce(', ' || strftime(e.start_date, '%d %b %Y'), '') || ')', e.start_date
            FROM events e WHERE e.event_id = ?
            ORDER BY start_date NULLS LAST, name""",
        [*params, limit, include],
    ).drop(columns=["start_date"])


def figures_table(con: duckdb.DuckDBPyConnection, f: Filters, event_id: str | None = None) -> pd.DataFrame:
    """Every reported figure in scope with unit, approx, subject, speaker, event, date, article and evidence."""
    scope, params = article_scope(f)
    extra = ""
    if event_id is not None:
        extra, params = " AND fg.event_id = ?", [*params, event_id]
    return query_frame(
        con,
        f"""SELECT fg.figure_id, fg.value, fg.unit, fg.approx, fg.text, fg.subject, pe.name AS speaker,
                   e.name AS event, coalesce(e.start_date, a.published) AS date, {CITE} AS article,
                   a.file_name, a.source, fg.evidence
            FROM figures fg JOIN articles a ON a.article_id = fg.article_id
            LEFT JOIN people pe ON pe.person_id = fg.person_id LEFT JOIN events e ON e.event_id = fg.event_id
            WHERE fg.article_id IN ({scope}){extra}
            ORDER BY date NULLS LAST, a.title, fg.start_char""",
        params,
    )


def figure_groups(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Figures worth charting together: two or more with a subject, of one unit, article and speaker. Columns
    unit, speaker, article, figure_ids (in the order of the figures table)."""
    scope, params = article_scope(f)
    return query_frame(
        con,
        f"""SELECT fg.unit, pe.name AS speaker, any_value({CITE}) AS article,
                   list(fg.figure_id ORDER BY coalesce(e.start_date, a.published) NULLS LAST, fg.start_char)
                       AS figure_ids
            FROM figures fg JOIN articles a ON a.article_id = fg.article_id
            LEFT JOIN people pe ON pe.person_id = fg.person_id LEFT JOIN events e ON e.event_id = fg.event_id
            WHERE fg.article_id IN ({scope}) AND fg.subject IS NOT NULL
            GROUP BY fg.unit, a.file_name, pe.name HAVING count(*) >= 2""",
        params,
    )


def previous_sentences(con: duckdb.DuckDBPyConnection, figure_ids: tuple[str, ...]) -> dict[str, str]:
    """The sentence before each figure's own ('5.4 billion use X. This is 68% of ...' names what 68% is of), for
    the few figures being charted: reading every article's body for every figure slowed the page at scale."""
    rows = con.execute(
        """SELECT fg.figure_id, a.body, fg.start_char FROM figures fg JOIN articles a USING (article_id)
           WHERE list_contains(?, fg.figure_id)""",
        [list(figure_ids)],
    ).fetchall()
    out = {}
    for figure_id, body, start in rows:
        if start is None:  # a figure added by curation has no place in the text: no sentence before it
            out[figure_id] = ""
            continue
        here = sentence_around(body, start, start)
        begin = body.find(here, max(0, start - len(here) - 1))
        out[figure_id] = sentence_around(body, max(0, begin - 2), max(0, begin - 2)) if begin > 0 else ""
    return out
