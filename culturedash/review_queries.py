"""Queries of the Data page: merge suggestions with their evidence, records to edit, quality checks, rules and
the curation log."""

from __future__ import annotations

import duckdb
import pandas as pd

from culturedash.db import query_frame
from culturedash.source_queries import institution_mentions


def merge_suggestions(con: duckdb.DuckDBPyConnection, status: str = "open") -> pd.DataFrame:
    """Merge suggestions with the given status, best first."""
    return query_frame(
        con,
        "SELECT * FROM merge_suggestions WHERE status = ? ORDER BY score DESC, keep_name, other_name",
        [status],
    )


def entity_context(con: duckdb.DuckDBPyConnection, kind: str, entity_id: str) -> pd.DataFrame:
    """What the articles say of a person or organisation: title, body and the sentence, per article."""
    if kind == "person":
        return query_frame(
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
        "people": query_frame(
            con,
            """SELECT p.person_id, p.name, p.country, any_value(af.title) AS title, any_value(o.name) AS organisation
               FROM people p LEFT JOIN affiliations af USING (person_id) LEFT JOIN organizations o USING (org_id)
               GROUP BY ALL ORDER BY p.name""",
        ),
        "organizations": query_frame(con, "SELECT org_id, name, kind, country FROM organizations ORDER BY name"),
    }


def person_articles(con: duckdb.DuckDBPyConnection, person_id: str) -> pd.DataFrame:
    """The articles that name a person, with the title and organisation each one gives them (blank if none)."""
    return query_frame(
        con,
        """SELECT a.file_name, a.title AS article, any_value(af.title) AS title, any_value(o.name) AS organisation
           FROM mentions m JOIN articles a USING (article_id)
           LEFT JOIN affiliations af ON af.person_id = m.entity_id AND af.article_id = m.article_id
           LEFT JOIN organizations o ON o.org_id = af.org_id
           WHERE m.kind = 'person' AND m.entity_id = ?
           GROUP BY a.file_name, a.title, a.published ORDER BY a.published NULLS LAST, a.file_name""",
        [person_id],
    )


def quality_summary(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """Records an analyst should look at: undated events, people without a body, figures without a subject,
    articles that yielded no event."""
    return {
        "events without a date": query_frame(
            con,
            """SELECT e.name, e.type, a.title AS article FROM events e JOIN articles a USING (article_id)
               WHERE e.start_date IS NULL ORDER BY a.title, e.name""",
        ),
        "people without an organisation": query_frame(
            con,
            """SELECT p.name FROM people p WHERE NOT EXISTS (SELECT 1 FROM affiliations af
               WHERE af.person_id = p.person_id AND af.org_id IS NOT NULL) ORDER BY p.name""",
        ),
        "figures without a subject": query_frame(
            con,
            """SELECT f.text, a.title AS article, f.evidence FROM figures f JOIN articles a USING (article_id)
               WHERE f.subject IS NULL OR f.subject = '' ORDER BY a.title""",
        ),
        "articles with no events": query_frame(
            con,
            """SELECT a.title, a.file_name FROM articles a WHERE NOT EXISTS
               (SELECT 1 FROM event_articles ea WHERE ea.article_id = a.article_id) ORDER BY a.title""",
        ),
    }


def rule_counts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """How many events, participations and affiliations each extraction rule produced."""
    return query_frame(
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
    return query_frame(con, sql, [rule])


def curation_log(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """What the last build did with each curation entry (applied or stale)."""
    return query_frame(con, "SELECT line, status, message FROM curation_log ORDER BY line")
