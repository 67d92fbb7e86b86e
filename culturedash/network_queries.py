"""Queries of the Network page: who is linked to whom, aggregated in DuckDB so that only the part of the network
on screen (the most connected, or one person's neighbourhood) ever reaches Python.

A link is two people (or two organisations, through their people) reported at the same event; its weight is the
number of events they share. Degrees are counted over the whole network the filters keep."""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from culturedash.db import event_where, query_frame
from culturedash.filters import Filters

PROJECTIONS = ("people", "organisations")


def _links(f: Filters, projection: str) -> tuple[str, list[Any]]:
    """SQL for the distinct (event_id, node) pairs of the kept events: a node is a person or an organisation."""
    where, params = event_where(f)
    if projection not in PROJECTIONS:
        raise ValueError(f"unknown network {projection!r}; use 'people' or 'organisations'")
    node, known = ("pa.person_id", "TRUE") if projection == "people" else ("pa.org_id", "pa.org_id IS NOT NULL")
    sql = f"""SELECT DISTINCT pa.event_id, {node} AS node FROM participations pa
              JOIN events e ON e.event_id = pa.event_id WHERE {known} AND {where}"""
    return sql, params


def _attributes(projection: str) -> str:
    """SQL for each node's label and colour fields (a person's from their first participation, by event id)."""
    if projection == "people":
        return """SELECT pa.person_id AS node, any_value(pe.name) AS name,
                         arg_min({'organisation': o.name, 'org_kind': o.kind,
                                  'country': coalesce(pe.country, o.country)}, pa.event_id) AS a
                  FROM participations pa JOIN people pe ON pe.person_id = pa.person_id
                  LEFT JOIN organizations o ON o.org_id = pa.org_id GROUP BY pa.person_id"""
    return """SELECT org_id AS node, name, {'organisation': name, 'org_kind': kind, 'country': country} AS a
              FROM organizations"""


def network_nodes(
    con: duckdb.DuckDBPyConnection, f: Filters, projection: str, top: int | None = None, ego: str | None = None
) -> pd.DataFrame:
    """The nodes to draw, most connected first: the `top` most connected (all when None), or `ego` and everyone
    linked to it. Columns: id, name, organisation, org_kind, country, degree, weighted_degree (whole network)."""
    links, params = _links(f, projection)
    ego_params: list[Any] = [ego, ego, ego]
    return query_frame(
        con,
        f"""WITH links AS ({links}),
                 pairs AS (SELECT a.node AS a, b.node AS b, count(*) AS weight FROM links a
                           JOIN links b ON a.event_id = b.event_id AND a.node <> b.node GROUP BY ALL),
                 degrees AS (SELECT a AS node, count(*) AS degree, sum(weight) AS weighted_degree
                             FROM pairs GROUP BY a),
                 attrs AS ({_attributes(projection)})
            SELECT n.node AS id, t.name, t.a.organisation, coalesce(t.a.org_kind, 'not stated') AS org_kind,
                   coalesce(t.a.country, 'not stated') AS country,
                   coalesce(d.degree, 0) AS degree, coalesce(d.weighted_degree, 0) AS weighted_degree
            FROM (SELECT DISTINCT node FROM links) n JOIN attrs t USING (node) LEFT JOIN degrees d USING (node)
            WHERE ?::VARCHAR IS NULL OR n.node = ? OR n.node IN (SELECT b FROM pairs WHERE a = ?)
            ORDER BY degree DESC, weighted_degree DESC, t.name, n.node
            LIMIT ?""",
        [*params, *ego_params, top],  # LIMIT NULL keeps every row
    )


def network_size(con: duckdb.DuckDBPyConnection, f: Filters, projection: str) -> int:
    """How many nodes the whole network the filters keep has (people or organisations that took part)."""
    links, params = _links(f, projection)
    row = con.execute(f"SELECT count(DISTINCT node) FROM ({links})", params).fetchone()
    return int(row[0]) if row else 0


def network_edges(con: duckdb.DuckDBPyConnection, f: Filters, projection: str, nodes: tuple[str, ...]) -> pd.DataFrame:
    """The links among `nodes`: a, b (a < b), weight (events shared) and the shared events' ids."""
    links, params = _links(f, projection)
    return query_frame(
        con,
        f"""WITH links AS (SELECT * FROM ({links}) WHERE list_contains(?, node))
            SELECT a.node AS a, b.node AS b, count(*) AS weight, list(a.event_id ORDER BY a.event_id) AS events
            FROM links a JOIN links b ON a.event_id = b.event_id AND a.node < b.node
            GROUP BY ALL ORDER BY a, b""",
        [*params, list(nodes)],
    )
