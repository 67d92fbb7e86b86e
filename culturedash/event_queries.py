"""Queries of the event pages: overview, timeline and event details, figures, the co-participation network."""

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


def timeline_events(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Dated events the filters keep, with parent, venue, participant count and source article."""
    where, params = event_where(f)
    return query_frame(
        con,
        f"""SELECT e.event_id, e.name, e.type, e.start_date, coalesce(e.end_date, e.start_date) AS end_date,
                   e.date_precision, e.parent_id, p.name AS parent, e.venue, e.city,
                   (SELECT count(DISTINCT pa.person_id) FROM participations pa WHERE pa.event_id = e.event_id)
                       AS participants,
                   {CITE} AS article, a.file_name
            FROM events e LEFT JOIN events p ON p.event_id = e.parent_id
            JOIN articles a ON a.article_id = e.article_id
            WHERE e.start_date IS NOT NULL AND {where}
            ORDER BY e.start_date, e.parent_id NULLS FIRST, e.name""",
        params,
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


def event_choices(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Events the filters keep (dated or not), for a picker: id, name and a label with type and date."""
    where, params = event_where(Filters(types=f.types, orgs=f.orgs, countries=f.countries, articles=f.articles))
    return query_frame(
        con,
        f"""SELECT e.event_id, e.name, e.name || ' (' || replace(e.type, '_', ' ')
                   || coalesce(', ' || strftime(e.start_date, '%d %b %Y'), '') || ')' AS label
            FROM events e WHERE {where} ORDER BY e.start_date NULLS LAST, e.name""",
        params,
    )


def figures_table(con: duckdb.DuckDBPyConnection, f: Filters, event_id: str | None = None) -> pd.DataFrame:
    """Every reported figure in scope with unit, approx, subject, speaker, event, date, article and evidence."""
    scope, params = article_scope(f)
    extra = ""
    if event_id is not None:
        extra, params = " AND fg.event_id = ?", [*params, event_id]
    frame = query_frame(
        con,
        f"""SELECT fg.figure_id, fg.value, fg.unit, fg.approx, fg.text, fg.subject, pe.name AS speaker,
                   e.name AS event, coalesce(e.start_date, a.published) AS date, {CITE} AS article,
                   a.file_name, a.source, fg.evidence, a.body, fg.start_char
            FROM figures fg JOIN articles a ON a.article_id = fg.article_id
            LEFT JOIN people pe ON pe.person_id = fg.person_id LEFT JOIN events e ON e.event_id = fg.event_id
            WHERE fg.article_id IN ({scope}){extra}
            ORDER BY date NULLS LAST, a.title, fg.start_char""",
        params,
    )
    # the sentence before the evidence: "5.4 billion people use X. This is 68% of ..." names what 68% is of
    previous = []
    for body, start in zip(frame["body"], frame["start_char"], strict=True):
        if pd.isna(start):  # a figure added by curation has no place in the text: no sentence before it
            previous.append("")
            continue
        start = int(start)
        here = sentence_around(body, start, start)
        begin = body.find(here, max(0, start - len(here) - 1))
        previous.append(sentence_around(body, max(0, begin - 2), max(0, begin - 2)) if begin > 0 else "")
    frame["previous_sentence"] = previous
    return frame.drop(columns=["body", "start_char"])


def coparticipation(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """One row per (event, person) in the kept events: the bipartite data both network projections use."""
    where, params = event_where(f)
    return query_frame(
        con,
        f"""SELECT pa.event_id, e.name AS event, pa.person_id, pe.name, pa.role,
                   o.org_id, o.name AS organisation, o.kind AS org_kind,
                   coalesce(pe.country, o.country) AS country
            FROM participations pa JOIN events e ON e.event_id = pa.event_id
            JOIN people pe ON pe.person_id = pa.person_id LEFT JOIN organizations o ON o.org_id = pa.org_id
            WHERE {where} ORDER BY e.event_id, pe.name""",
        params,
    )
