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
    """The nodes to draw, most connected first: the `top` most connected (all when None), or `ego` and the `top` - 1
    most connected of everyone linked to it. Columns: id, name, organisation, org_kind, country, degree,
    weighted_degree (whole network)."""
    links, params = _links(f, projection)
    # Counting each node's distinct co-participants means pairing everyone at an event with everyone else: at a
    # 1,000-person event that is a million pairs. Its weighted degree (sum over its events of the others there)
    # needs no pairs and bounds the degree from above, so only the nodes that could rank are paired.
    around = "SELECT DISTINCT b.node FROM links a JOIN links b USING (event_id) WHERE a.node = ?"
    bounds = con.execute(
        f"""WITH links AS ({links}), sizes AS (SELECT event_id, count(*) AS k FROM links GROUP BY event_id)
            SELECT node, sum(k - 1) AS bound FROM links JOIN sizes USING (event_id)
            WHERE ?::VARCHAR IS NULL OR node IN ({around})
            GROUP BY node ORDER BY bound DESC, node""",
        [*params, ego, ego],
    ).fetchall()
    if ego is None or top is None or top >= len(bounds) or ego not in {node for node, _ in bounds}:
        return _top_ranked(con, links, params, projection, bounds, top)
    # the person the view is about is always drawn, with the most connected of their co-participants
    others = _top_ranked(con, links, params, projection, [b for b in bounds if b[0] != ego], top - 1)
    itself = _ranked(con, links, params, projection, [ego])
    both = pd.concat([itself, others], ignore_index=True).sort_values(_ORDER, ascending=_ASCENDING)
    return both.reset_index(drop=True)


def _top_ranked(
    con: duckdb.DuckDBPyConnection,
    links: str,
    params: list[Any],
    projection: str,
    bounds: list[tuple[str, int]],
    top: int | None,
) -> pd.DataFrame:
    """The `top` nodes of `bounds` (node, weighted degree; highest first) with the most co-participants."""
    if top is not None and top <= 0:
        return _ranked(con, links, params, projection, [])
    if top is None or top >= len(bounds):
        everyone = _ranked(con, links, params, projection, [node for node, _ in bounds])
        return everyone if top is None else everyone.head(top)
    # First the 2 x top highest bounds; then every node whose bound reaches the top-th exact degree (a node whose
    # bound is lower cannot be in the top); nodes below that are never paired.
    ranked = _ranked(con, links, params, projection, [node for node, _ in bounds[: 2 * top]])
    if len(ranked) >= top:
        last = ranked["degree"].iloc[top - 1]
        rest = [node for node, bound in bounds[2 * top :] if bound >= last]
        if rest:
            more = _ranked(con, links, params, projection, rest)
            ranked = pd.concat([ranked, more], ignore_index=True).sort_values(_ORDER, ascending=_ASCENDING)
    return ranked.head(top).reset_index(drop=True)


_ORDER = ["degree", "weighted_degree", "name", "id"]
_ASCENDING = [False, False, True, True]


def _ranked(
    con: duckdb.DuckDBPyConnection, links: str, params: list[Any], projection: str, nodes: list[str]
) -> pd.DataFrame:
    """`nodes` with their attributes and whole-network degree and weighted degree, most connected first."""
    return query_frame(
        con,
        # nodes numbered first: pairing and counting integers is about twice as fast as strings
        f"""WITH named AS MATERIALIZED ({links}),
                 numbers AS MATERIALIZED (SELECT node, row_number() OVER () AS i
                                          FROM (SELECT DISTINCT node FROM named)),
                 links AS MATERIALIZED (SELECT event_id, i FROM named JOIN numbers USING (node)),
                 picked AS (SELECT DISTINCT unnest(?::VARCHAR[]) AS node),
                 degrees AS (SELECT n.node, count(DISTINCT b.i) AS degree, count(*) AS weighted_degree
                             FROM links a JOIN numbers n USING (i) SEMI JOIN picked ON picked.node = n.node
                             JOIN links b ON a.event_id = b.event_id AND a.i <> b.i GROUP BY n.node),
                 attrs AS (SELECT * FROM ({_attributes(projection)}) SEMI JOIN picked USING (node))
            SELECT n.node AS id, t.name, t.a.organisation, coalesce(t.a.org_kind, 'not stated') AS org_kind,
                   coalesce(t.a.country, 'not stated') AS country,
                   coalesce(d.degree, 0) AS degree, coalesce(d.weighted_degree, 0) AS weighted_degree
            FROM picked n JOIN attrs t USING (node) LEFT JOIN degrees d USING (node)
            ORDER BY degree DESC, weighted_degree DESC, t.name, n.node""",
        [*params, nodes],
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
