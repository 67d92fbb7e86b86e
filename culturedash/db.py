"""The one module that talks to DuckDB: a read-only connection and every query the pages use (all `?` params)."""

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


def _df(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
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

# ---------------------------------------------------------------- filters

# Organisations and countries of an event: those of its participants (their stated body, or the person's).
_EVENT_ORGS = """
    SELECT pa.event_id, o.name AS org, coalesce(o.country, pe.country) AS country
    FROM participations pa JOIN people pe ON pe.person_id = pa.person_id
    LEFT JOIN organizations o ON o.org_id = pa.org_id"""


def _event_where(f: Filters, alias: str = "e") -> tuple[str, list[Any]]:
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


def _article_scope(f: Filters) -> tuple[str, list[Any]]:
    """SQL for the article ids in scope: all, or those reporting a selected event / chosen by name."""
    if f.is_empty:
        return "SELECT article_id FROM articles", []
    if f == Filters(articles=f.articles):
        return "SELECT article_id FROM articles WHERE list_contains(?, file_name)", [list(f.articles)]
    where, params = _event_where(f)
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


# ---------------------------------------------------------------- overview


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
    scope, params = _article_scope(f)
    rows = con.execute(
        f"SELECT {CITE} FROM articles a WHERE a.article_id IN ({scope}) ORDER BY a.published NULLS LAST, a.title "
        f"LIMIT {most + 1}",
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


def articles_table(con: duckdb.DuckDBPyConnection, f: Filters | None = None) -> pd.DataFrame:
    """Articles in scope of the filters with title, date, source and how many events, people and figures each
    yields."""
    scope, params = _article_scope(f or Filters())
    return _df(
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
    where, params = _event_where(f or Filters())
    return _df(
        con,
        f"SELECT type, count(*) AS events FROM events e WHERE {where} GROUP BY type ORDER BY events DESC, type",
        params,
    )


# ---------------------------------------------------------------- timeline


def timeline_events(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Dated events the filters keep, with parent, venue, participant count and source article."""
    where, params = _event_where(f)
    return _df(
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
    where, params = _event_where(Filters(types=f.types, orgs=f.orgs, countries=f.countries, articles=f.articles))
    return _df(
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
    where, params = _event_where(f)
    return _df(
        con,
        f"""SELECT date_trunc('month', e.start_date)::DATE AS month, e.type, count(*) AS events
            FROM events e WHERE e.start_date IS NOT NULL AND {where}
            GROUP BY ALL ORDER BY month, e.type""",
        params,
    )


def event_participants(con: duckdb.DuckDBPyConnection, event_id: str) -> pd.DataFrame:
    """Who took part in an event: role, title, organisation and the sentence that says so."""
    return _df(
        con,
        """SELECT pe.name, pa.role, pa.title, o.name AS organisation, pa.evidence
           FROM participations pa JOIN people pe ON pe.person_id = pa.person_id
           LEFT JOIN organizations o ON o.org_id = pa.org_id
           WHERE pa.event_id = ? ORDER BY pa.role, pe.name""",
        [event_id],
    )


def event_info(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any]:
    """One event's fields, its parent's name and its source article."""
    frame = _df(
        con,
        f"""SELECT e.*, p.name AS parent, {CITE} AS article, a.file_name FROM events e
           LEFT JOIN events p ON p.event_id = e.parent_id JOIN articles a ON a.article_id = e.article_id
           WHERE e.event_id = ?""",
        [event_id],
    )
    return {str(k): v for k, v in frame.iloc[0].to_dict().items()} if len(frame) else {}


def event_choices(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Events the filters keep (dated or not), for a picker: id, name and a label with type and date."""
    where, params = _event_where(Filters(types=f.types, orgs=f.orgs, countries=f.countries, articles=f.articles))
    return _df(
        con,
        f"""SELECT e.event_id, e.name, e.name || ' (' || replace(e.type, '_', ' ')
                   || coalesce(', ' || strftime(e.start_date, '%d %b %Y'), '') || ')' AS label
            FROM events e WHERE {where} ORDER BY e.start_date NULLS LAST, e.name""",
        params,
    )


# ---------------------------------------------------------------- figures


def figures_table(con: duckdb.DuckDBPyConnection, f: Filters, event_id: str | None = None) -> pd.DataFrame:
    """Every reported figure in scope with unit, approx, subject, speaker, event, date, article and evidence."""
    scope, params = _article_scope(f)
    extra = ""
    if event_id is not None:
        extra, params = " AND fg.event_id = ?", [*params, event_id]
    frame = _df(
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
        here = sentence_around(body, start, start)
        begin = body.find(here, max(0, start - len(here) - 1))
        previous.append(sentence_around(body, max(0, begin - 2), max(0, begin - 2)) if begin > 0 else "")
    frame["previous_sentence"] = previous
    return frame.drop(columns=["body", "start_char"])


# ---------------------------------------------------------------- network


def coparticipation(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """One row per (event, person) in the kept events: the bipartite data both network projections use."""
    where, params = _event_where(f)
    return _df(
        con,
        f"""SELECT pa.event_id, e.name AS event, pa.person_id, pe.name, pa.role,
                   o.org_id, o.name AS organisation, o.kind AS org_kind,
                   coalesce(pe.country, o.country) AS country
            FROM participations pa JOIN events e ON e.event_id = pa.event_id
            JOIN people pe ON pe.person_id = pa.person_id LEFT JOIN organizations o ON o.org_id = pa.org_id
            WHERE {where} ORDER BY e.event_id, pe.name""",
        params,
    )


# ---------------------------------------------------------------- institutions


def institution_ranking(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Organisations with mentions, articles, events their people took part in, and people affiliated.

    With a Country filter only organisations of those countries are kept."""
    scope, scope_params = _article_scope(f)
    where, event_params = _event_where(f)
    return _df(
        con,
        f"""WITH m AS (SELECT entity_id AS org_id, count(*) AS mentions, count(DISTINCT article_id) AS articles
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
              AND (len(?) = 0 OR list_contains(?, o.country))
            ORDER BY mentions DESC, o.name""",
        # the Country filter also applies to the bodies themselves: a Latvian fund named in a Norwegian
        # forum's article is not a Norwegian organisation, nor is one whose country is not stated
        [*scope_params, *event_params, *scope_params, list(f.countries), list(f.countries)],
    )


def institution_people(con: duckdb.DuckDBPyConnection, org_id: str) -> pd.DataFrame:
    """People an organisation's articles tie to it, with their title and the sentence."""
    return _df(
        con,
        """SELECT DISTINCT pe.name, af.title, a.title AS article, af.evidence
           FROM affiliations af JOIN people pe ON pe.person_id = af.person_id
           JOIN articles a ON a.article_id = af.article_id WHERE af.org_id = ? ORDER BY pe.name""",
        [org_id],
    )


def institution_events(con: duckdb.DuckDBPyConnection, org_id: str) -> pd.DataFrame:
    """Events the organisation's people took part in, with who and in what role."""
    return _df(
        con,
        """SELECT e.name AS event, e.type, e.start_date, pe.name AS person, pa.role
           FROM participations pa JOIN events e ON e.event_id = pa.event_id
           JOIN people pe ON pe.person_id = pa.person_id WHERE pa.org_id = ?
           ORDER BY e.start_date NULLS LAST, e.name, pe.name""",
        [org_id],
    )


def institution_mentions(con: duckdb.DuckDBPyConnection, org_id: str) -> pd.DataFrame:
    """Every place an article names the organisation, with the sentence around it."""
    frame = _df(
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


def sentence_around(body: str, start: int, end: int) -> str:
    """The sentence of `body` that contains characters [start, end)."""
    stop, line = body.rfind(". ", 0, start), body.rfind("\n", 0, start)
    left = max(stop + 2 if stop != -1 else 0, line + 1)
    stops = [i for i in (body.find(". ", end), body.find("\n", end)) if i != -1]
    right = min(stops) + 1 if stops else len(body)
    return body[left:right].strip()


# ---------------------------------------------------------------- articles


def search_articles(con: duckdb.DuckDBPyConnection, query: str) -> pd.DataFrame:
    """Articles matching `query`, best first: BM25 over titles and bodies, or a plain match without the index."""
    columns = "a.article_id, a.title, a.published, a.source, a.file_name"
    if not query.strip():
        return _df(con, f"SELECT {columns}, NULL AS score FROM articles a ORDER BY a.published NULLS LAST, a.title")
    if has_fts(con):
        return _df(
            con,
            f"""SELECT * FROM (SELECT {columns}, {INDEX_SCHEMA}.match_bm25(a.article_id, ?) AS score FROM articles a)
                WHERE score IS NOT NULL ORDER BY score DESC""",
            [query],
        )
    words = query.split()
    conds = " AND ".join("(a.title ILIKE ? OR a.body ILIKE ?)" for _ in words)
    return _df(
        con,
        f"SELECT {columns}, NULL AS score FROM articles a WHERE {conds} ORDER BY a.title",
        [p for w in words for p in (f"%{w}%", f"%{w}%")],
    )


def has_fts(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database carries the full-text index and the extension is loaded."""
    try:
        con.execute(f"SELECT {INDEX_SCHEMA}.match_bm25(article_id, ?) FROM articles LIMIT 0", ["x"])
    except duckdb.Error:
        return False
    return True


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any]:
    """One article's fields."""
    frame = _df(con, "SELECT * FROM articles WHERE article_id = ?", [article_id])
    return {str(k): v for k, v in frame.iloc[0].to_dict().items()} if len(frame) else {}


def article_marks(con: duckdb.DuckDBPyConnection, article_id: str) -> pd.DataFrame:
    """Character spans to highlight in an article: people, organisations and figures, with a label."""
    return _df(
        con,
        """SELECT m.start_char, m.end_char, m.kind, coalesce(p.name, o.name) AS label
           FROM mentions m LEFT JOIN people p ON m.kind = 'person' AND p.person_id = m.entity_id
           LEFT JOIN organizations o ON m.kind = 'organization' AND o.org_id = m.entity_id
           WHERE m.article_id = ?
           UNION ALL
           SELECT start_char, end_char, 'figure', coalesce(subject, unit) FROM figures WHERE article_id = ?
           ORDER BY 1""",
        [article_id, article_id],
    )


def article_records(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, pd.DataFrame]:
    """What was extracted from one article: events, people, organisations and figures."""
    return {
        "events": _df(
            con,
            """SELECT e.name, e.type, e.start_date, e.end_date, e.venue, e.rule FROM event_articles ea
               JOIN events e USING (event_id) WHERE ea.article_id = ? ORDER BY e.start_date NULLS LAST, e.name""",
            [article_id],
        ),
        "participations": _df(
            con,
            """SELECT p.name, pa.role, e.name AS event, pa.rule, pa.evidence FROM participations pa
               JOIN people p USING (person_id) JOIN events e USING (event_id)
               JOIN event_articles ea ON ea.event_id = pa.event_id
               WHERE ea.article_id = ? ORDER BY e.name, p.name, pa.role""",
            [article_id],
        ),
        "people": _df(
            con,
            """SELECT DISTINCT p.name, af.title, o.name AS organisation, af.rule FROM mentions m
               JOIN people p ON p.person_id = m.entity_id
               LEFT JOIN affiliations af ON af.person_id = p.person_id AND af.article_id = m.article_id
               LEFT JOIN organizations o ON o.org_id = af.org_id
               WHERE m.article_id = ? AND m.kind = 'person' ORDER BY p.name""",
            [article_id],
        ),
        "organisations": _df(
            con,
            """SELECT o.name, o.kind, o.country, count(*) AS mentions FROM mentions m
               JOIN organizations o ON o.org_id = m.entity_id WHERE m.article_id = ? AND m.kind = 'organization'
               GROUP BY ALL ORDER BY mentions DESC, o.name""",
            [article_id],
        ),
        "figures": _df(
            con,
            "SELECT text, value, unit, approx, subject FROM figures WHERE article_id = ? ORDER BY start_char",
            [article_id],
        ),
    }


# ---------------------------------------------------------------- data review


def merge_suggestions(con: duckdb.DuckDBPyConnection, status: str = "open") -> pd.DataFrame:
    """Merge suggestions with the given status, best first."""
    return _df(
        con,
        "SELECT * FROM merge_suggestions WHERE status = ? ORDER BY score DESC, keep_name, other_name",
        [status],
    )


def entity_context(con: duckdb.DuckDBPyConnection, kind: str, entity_id: str) -> pd.DataFrame:
    """What the articles say of a person or organisation: title, body and the sentence, per article."""
    if kind == "person":
        return _df(
            con,
            """SELECT a.title AS article, af.title, o.name AS organisation, af.evidence AS sentence
               FROM affiliations af JOIN articles a USING (article_id) LEFT JOIN organizations o USING (org_id)
               WHERE af.person_id = ?
               UNION ALL
               SELECT a.title, pa.title, o.name, pa.evidence FROM participations pa
               JOIN event_articles ea USING (event_id) JOIN articles a ON a.article_id = ea.article_id
               LEFT JOIN organizations o ON o.org_id = pa.org_id
               WHERE pa.person_id = ? ORDER BY 1""",
            [entity_id, entity_id],
        ).drop_duplicates("sentence")
    frame = institution_mentions(con, entity_id)
    return frame.rename(columns={"text": "as written"})


def people_and_orgs(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """People (with their stated title and body) and organisations, for the edit forms."""
    return {
        "people": _df(
            con,
            """SELECT p.person_id, p.name, p.country, any_value(af.title) AS title, any_value(o.name) AS organisation
               FROM people p LEFT JOIN affiliations af USING (person_id) LEFT JOIN organizations o USING (org_id)
               GROUP BY ALL ORDER BY p.name""",
        ),
        "organizations": _df(con, "SELECT org_id, name, kind, country FROM organizations ORDER BY name"),
    }


def quality_summary(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """Records an analyst should look at: undated events, people without a body, figures without a subject,
    articles that yielded no event."""
    return {
        "events without a date": _df(
            con,
            """SELECT e.name, e.type, a.title AS article FROM events e JOIN articles a USING (article_id)
               WHERE e.start_date IS NULL ORDER BY a.title, e.name""",
        ),
        "people without an organisation": _df(
            con,
            """SELECT p.name FROM people p WHERE NOT EXISTS (SELECT 1 FROM affiliations af
               WHERE af.person_id = p.person_id AND af.org_id IS NOT NULL) ORDER BY p.name""",
        ),
        "figures without a subject": _df(
            con,
            """SELECT f.text, a.title AS article, f.evidence FROM figures f JOIN articles a USING (article_id)
               WHERE f.subject IS NULL OR f.subject = '' ORDER BY a.title""",
        ),
        "articles with no events": _df(
            con,
            """SELECT a.title, a.file_name FROM articles a WHERE NOT EXISTS
               (SELECT 1 FROM event_articles ea WHERE ea.article_id = a.article_id) ORDER BY a.title""",
        ),
    }


def rule_counts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """How many events, participations and affiliations each extraction rule produced."""
    return _df(
        con,
        """SELECT 'event' AS record, coalesce(rule, '') AS rule, count(*) AS records FROM events GROUP BY ALL
           UNION ALL SELECT 'participation', coalesce(rule, ''), count(*) FROM participations GROUP BY ALL
           UNION ALL SELECT 'affiliation', coalesce(rule, ''), count(*) FROM affiliations GROUP BY ALL
           ORDER BY record, records DESC, rule""",
    )


def records_by_rule(con: duckdb.DuckDBPyConnection, record: str, rule: str) -> pd.DataFrame:
    """The records one rule produced, with the sentence each was read from."""
    sql = {
        "event": """SELECT e.name, e.type, a.title AS article, e.evidence FROM events e
                    JOIN articles a USING (article_id) WHERE coalesce(e.rule, '') = ? ORDER BY a.title, e.name""",
        "participation": """SELECT p.name, pa.role, e.name AS event, pa.evidence FROM participations pa
                    JOIN people p USING (person_id) JOIN events e USING (event_id)
                    WHERE coalesce(pa.rule, '') = ? ORDER BY e.name, p.name""",
        "affiliation": """SELECT p.name, af.title, o.name AS organisation, af.evidence FROM affiliations af
                    JOIN people p USING (person_id) LEFT JOIN organizations o ON o.org_id = af.org_id
                    WHERE coalesce(af.rule, '') = ? ORDER BY p.name""",
    }[record]
    return _df(con, sql, [rule])


def curation_log(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """What the last build did with each curation entry (applied or stale)."""
    return _df(con, "SELECT line, status, message FROM curation_log ORDER BY line")
