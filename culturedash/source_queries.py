"""Queries of the source pages: institutions (ranking, people, events, sentences) and articles (search, reader)."""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from culturedash.db import article_scope, event_where, has_fts, query_frame, sentence_around
from culturedash.filters import Filters
from etl.fts import INDEX_SCHEMA

METRICS = ("mentions", "articles", "events", "people")


def _ranking(f: Filters) -> tuple[str, list[Any]]:
    """SQL for every organisation with its mentions, articles, events and people under the filters (a Country
    filter keeps only the bodies of those countries)."""
    scope, scope_params = article_scope(f)
    where, event_params = event_where(f)
    sql = f"""WITH m AS (SELECT entity_id AS org_id, count(*) AS mentions, count(DISTINCT article_id) AS articles
                       FROM mentions WHERE kind = 'organization' AND article_id IN ({scope}) GROUP BY 1),
                 ev AS (SELECT pa.org_id, count(DISTINCT pa.event_id) AS events FROM participations pa
                        JOIN events e ON e.event_id = pa.event_id WHERE {where} GROUP BY 1),
                 pp AS (SELECT org_id, count(DISTINCT person_id) AS people FROM affiliations
                        WHERE article_id IN ({scope}) GROUP BY 1)
            SELECT o.org_id, o.name, o.kind, coalesce(o.country, 'not stated') AS country,
                   coalesce(m.mentions, 0) AS mentions, coalesce(m.articles, 0) AS articles,
                   coalesce(ev.events, 0) AS events, coalesce(pp.people, 0) AS people
            FROM organizations o LEFT JOIN m USING (org_id) LEFT JOIN ev USING (org_id) LEFT JOIN pp USING (org_id)
            WHERE coalesce(m.mentions, 0) + coalesce(ev.events, 0) + coalesce(pp.people, 0) > 0
              AND (len(?) = 0 OR list_contains(?, o.country))"""
    # the Country filter also applies to the bodies themselves: a Latvian fund named in a Norwegian
    # forum's article is not a Norwegian organisation, nor is one whose country is not stated
    return sql, [*scope_params, *event_params, *scope_params, list(f.countries), list(f.countries)]


def _metric(metric: str) -> str:
    if metric not in METRICS:  # a column name cannot be a parameter: only the known ones are written into SQL
        raise ValueError(f"unknown ranking {metric!r}; use one of {', '.join(METRICS)}")
    return metric


def institution_ranking(con: duckdb.DuckDBPyConnection, f: Filters, metric: str | None = None) -> pd.DataFrame:
    """Organisations with mentions, articles, events their people took part in, and people affiliated; with a
    `metric`, only those with some of it, most first (else all, most mentioned first).

    With a Country filter only organisations of those countries are kept."""
    sql, params = _ranking(f)
    column = _metric(metric or "mentions")
    having = f"{column} > 0" if metric else "TRUE"
    return query_frame(con, f"SELECT * FROM ({sql}) WHERE {having} ORDER BY {column} DESC, name", params)


def institution_breakdown(con: duckdb.DuckDBPyConnection, f: Filters, metric: str, by: str) -> pd.DataFrame:
    """How many of the organisations ranked by `metric` are of each kind or country (`by`), most first."""
    if by not in ("kind", "country"):
        raise ValueError(f"unknown breakdown {by!r}; use 'kind' or 'country'")
    sql, params = _ranking(f)
    column = _metric(metric)
    return query_frame(
        con,
        f"""SELECT coalesce({by}, 'not stated') AS {by}, count(*) AS organisations FROM ({sql}) WHERE {column} > 0
            GROUP BY ALL ORDER BY organisations DESC, {by}""",
        params,
    )


def institution_people(con: duckdb.DuckDBPyConnection, org_id: str) -> pd.DataFrame:
    """People an organisation's articles tie to it, with their title and the sentence."""
    return query_frame(
        con,
        """SELECT DISTINCT pe.name, af.title, a.title AS article, af.evidence
           FROM affiliations af JOIN people pe ON pe.person_id = af.person_id
           JOIN articles a ON a.article_id = af.article_id WHERE af.org_id = ? ORDER BY pe.name""",
        [org_id],
    )


def institution_events(con: duckdb.DuckDBPyConnection, org_id: str) -> pd.DataFrame:
    """Events the organisation's people took part in, with who and in what role."""
    return query_frame(
        con,
        """SELECT e.name AS event, e.type, e.start_date, pe.name AS person, pa.role
           FROM participations pa JOIN events e ON e.event_id = pa.event_id
           JOIN people pe ON pe.person_id = pa.person_id WHERE pa.org_id = ?
           ORDER BY e.start_date NULLS LAST, e.name, pe.name""",
        [org_id],
    )


def institution_mentions(con: duckdb.DuckDBPyConnection, org_id: str) -> pd.DataFrame:
    """Every place an article names the organisation, with the sentence around it."""
    frame = query_frame(
        con,
        """SELECT a.title AS article, m.text, m.start_char, m.end_char, a.body
           FROM mentions m JOIN articles a ON a.article_id = m.article_id
           WHERE m.kind = 'organization' AND m.entity_id = ? ORDER BY a.title, m.start_char""",
        [org_id],
    )
    frame["sentence"] = [
        sentence_around(body, start, end)
        for body, start, end in zip(frame["body"], frame["start_char"], frame["end_char"], strict=True)
    ]
    return frame.drop(columns=["body", "start_char", "end_char"])


def search_articles(con: duckdb.DuckDBPyConnection, query: str, f: Filters | None = None) -> pd.DataFrame:
    """Articles in scope of the filters matching `query`, best first: BM25 over titles and bodies, or a plain
    match without the index; all of them by date when `query` is blank."""
    scope, params = article_scope(f or Filters())
    columns = "a.article_id, a.title, a.published, a.source, a.file_name"
    if not query.strip():
        sql = f"""SELECT {columns}, NULL AS score FROM articles a WHERE a.article_id IN ({scope})
                  ORDER BY a.published NULLS LAST, a.title"""
        return query_frame(con, sql, params)
    if has_fts(con):
        return query_frame(
            con,
            f"""SELECT * FROM (SELECT {columns}, {INDEX_SCHEMA}.match_bm25(a.article_id, ?) AS score FROM articles a
                               WHERE a.article_id IN ({scope}))
                WHERE score IS NOT NULL ORDER BY score DESC""",
            [query, *params],
        )
    words = query.split()
    conds = " AND ".join("(a.title ILIKE ? OR a.body ILIKE ?)" for _ in words)
    return query_frame(
        con,
        f"SELECT {columns}, NULL AS score FROM articles a WHERE {conds} AND a.article_id IN ({scope}) ORDER BY a.title",
        [*(p for w in words for p in (f"%{w}%", f"%{w}%")), *params],
    )


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any]:
    """One article's fields."""
    frame = query_frame(con, "SELECT * FROM articles WHERE article_id = ?", [article_id])
    return {str(k): v for k, v in frame.iloc[0].to_dict().items()} if len(frame) else {}


def article_marks(con: duckdb.DuckDBPyConnection, article_id: str) -> pd.DataFrame:
    """Character spans to highlight in an article: people, organisations and figures, with a label."""
    return query_frame(
        con,
        """SELECT m.start_char, m.end_char, m.kind, coalesce(p.name, o.name) AS label
           FROM mentions m LEFT JOIN people p ON m.kind = 'person' AND p.person_id = m.entity_id
           LEFT JOIN organizations o ON m.kind = 'organization' AND o.org_id = m.entity_id
           WHERE m.article_id = ?
           UNION ALL
           SELECT start_char, end_char, 'figure', coalesce(subject, unit) FROM figures
           WHERE article_id = ? AND start_char IS NOT NULL  -- a figure added by curation has no place to mark
           ORDER BY 1""",
        [article_id, article_id],
    )


def article_records(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, pd.DataFrame]:
    """What was extracted from one article: events, people, organisations and figures."""
    return {
        "events": query_frame(
            con,
            """SELECT e.name, e.type, e.start_date, e.end_date, e.venue, e.rule FROM event_articles ea
               JOIN events e USING (event_id) WHERE ea.article_id = ? ORDER BY e.start_date NULLS LAST, e.name""",
            [article_id],
        ),
        "participations": query_frame(
            con,
            """SELECT p.name, pa.role, e.name AS event, pa.rule, pa.evidence FROM participations pa
               JOIN people p USING (person_id) JOIN events e USING (event_id)
               JOIN event_articles ea ON ea.event_id = pa.event_id
               WHERE ea.article_id = ? ORDER BY e.name, p.name, pa.role""",
            [article_id],
        ),
        "people": query_frame(
            con,
            """SELECT DISTINCT p.name, af.title, o.name AS organisation, af.rule FROM mentions m
               JOIN people p ON p.person_id = m.entity_id
               LEFT JOIN affiliations af ON af.person_id = p.person_id AND af.article_id = m.article_id
               LEFT JOIN organizations o ON o.org_id = af.org_id
               WHERE m.article_id = ? AND m.kind = 'person' ORDER BY p.name""",
            [article_id],
        ),
        "organisations": query_frame(
            con,
            """SELECT o.name, o.kind, o.country, count(*) AS mentions FROM mentions m
               JOIN organizations o ON o.org_id = m.entity_id WHERE m.article_id = ? AND m.kind = 'organization'
               GROUP BY ALL ORDER BY mentions DESC, o.name""",
            [article_id],
        ),
        "figures": query_frame(
            con,
            "SELECT text, value, unit, approx, subject FROM figures WHERE article_id = ? ORDER BY start_char",
            [article_id],
        ),
    }
