"""Co-participation networks from (event, person) rows: projections, centrality, communities, layout, export."""

from __future__ import annotations

import io
import math
import re
from itertools import combinations

import networkx as nx
import pandas as pd

SEED = 42  # fixed: the same data always gives the same layout and communities


def person_graph(rows: pd.DataFrame) -> nx.Graph:
    """People linked when they took part in the same event; weight = events shared."""
    graph = nx.Graph()
    people = rows.drop_duplicates("person_id").set_index("person_id")
    for pid, row in people.iterrows():
        graph.add_node(
            str(pid),
            label=row["name"],
            organisation=_text(row["organisation"]),
            org_kind=_text(row["org_kind"]) or "not stated",
            country=_text(row["country"]) or "not stated",
        )
    _link(graph, rows, "person_id")
    return graph


def org_graph(rows: pd.DataFrame) -> nx.Graph:
    """Organisations linked when their people took part in the same event; weight = events shared."""
    known = rows.dropna(subset=["org_id"])
    graph = nx.Graph()
    for oid, row in known.drop_duplicates("org_id").set_index("org_id").iterrows():
        graph.add_node(str(oid), label=row["organisation"], org_kind=_text(row["org_kind"]) or "not stated")
    _link(graph, known, "org_id")
    return graph


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _link(graph: nx.Graph, rows: pd.DataFrame, key: str) -> None:
    for event, group in rows.groupby("event_id", sort=True):
        members = sorted(set(group[key].astype(str)))
        for a, b in combinations(members, 2):
            if graph.has_edge(a, b):
                graph[a][b]["weight"] += 1
                graph[a][b]["events"].append(str(event))
            else:
                graph.add_edge(a, b, weight=1, events=[str(event)])


def centrality(graph: nx.Graph) -> pd.DataFrame:
    """Degree, weighted degree, betweenness and Louvain community for every node, most central first."""
    if graph.number_of_nodes() == 0:
        return pd.DataFrame(columns=["id", "name", "degree", "weighted_degree", "betweenness", "community"])
    betweenness = nx.betweenness_centrality(graph, weight=None, seed=SEED)
    community = communities(graph)
    frame = pd.DataFrame(
        {
            "id": list(graph.nodes),
            "name": [graph.nodes[n].get("label", n) for n in graph.nodes],
            "degree": [graph.degree(n) for n in graph.nodes],
            "weighted_degree": [graph.degree(n, weight="weight") for n in graph.nodes],
            "betweenness": [round(betweenness[n], 4) for n in graph.nodes],
            "community": [community[n] for n in graph.nodes],
        }
    )
    return frame.sort_values(["degree", "weighted_degree", "name"], ascending=[False, False, True], ignore_index=True)


def communities(graph: nx.Graph) -> dict[str, int]:
    """Louvain communities with a fixed seed, numbered from 1 by size (largest first)."""
    if graph.number_of_edges() == 0:
        return {n: i + 1 for i, n in enumerate(sorted(graph.nodes))}
    groups = nx.community.louvain_communities(graph, weight="weight", seed=SEED)
    ordered = sorted(groups, key=lambda g: (-len(g), min(g)))
    return {node: i + 1 for i, group in enumerate(ordered) for node in group}


def layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Seeded layout: each connected group laid out on its own, groups packed in rows, largest first.

    One spring layout over a graph of many small cliques (one per panel) squeezes each clique into a dot;
    laying groups out separately keeps every node readable.
    """
    groups = sorted(nx.connected_components(graph), key=lambda g: (-len(g), min(g)))
    positions: dict[str, tuple[float, float]] = {}
    columns = max(1, math.ceil(math.sqrt(len(groups))))
    cell = 2.6
    for index, nodes in enumerate(groups):
        sub = graph.subgraph(nodes)
        size = len(nodes)
        radius = 1.0 if size < 6 else 1.0 + math.log(size / 5)  # big groups get more room
        if size == 1:
            local = {next(iter(nodes)): (0.0, 0.0)}
        else:
            spread = nx.spring_layout(sub, seed=SEED, weight="weight", k=1.8 / math.sqrt(size), iterations=200)
            local = {n: (float(x) * radius, float(y) * radius) for n, (x, y) in spread.items()}
        row, col = divmod(index, columns)
        for node, (x, y) in local.items():
            positions[node] = (col * cell * 1.4 + x, -row * cell + y)
    return positions


def ego(graph: nx.Graph, node: str, radius: int = 1) -> nx.Graph:
    """The person, their co-participants (and theirs, with radius 2) and the links among them."""
    return nx.ego_graph(graph, node, radius=radius) if node in graph else nx.Graph()


def edges_table(graph: nx.Graph) -> pd.DataFrame:
    """Edges as rows: source, target, weight, for CSV."""
    rows = [
        (graph.nodes[a].get("label", a), graph.nodes[b].get("label", b), d["weight"])
        for a, b, d in graph.edges(data=True)
    ]
    frame = pd.DataFrame(rows, columns=["source", "target", "weight"])
    return frame.sort_values(["weight", "source", "target"], ascending=[False, True, True], ignore_index=True)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    """Text XML 1.0 can hold: a NUL in a name made the whole Network page fail on its download buttons."""
    return _NOT_XML.sub("", text)


def export(graph: nx.Graph, fmt: str) -> bytes:
    """The graph as GEXF or GraphML for Gephi (lists are flattened to text)."""
    plain = nx.Graph()
    plain.add_nodes_from((n, {k: _xml(str(v)) for k, v in d.items()}) for n, d in graph.nodes(data=True))
    plain.add_edges_from(
        (a, b, {"weight": d["weight"], "events": _xml(";".join(d.get("events", [])))})
        for a, b, d in graph.edges(data=True)
    )
    buffer = io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(plain, buffer)
    elif fmt == "graphml":
        nx.write_graphml(plain, buffer)
    else:
        raise ValueError(f"unknown graph format {fmt!r}; use 'gexf' or 'graphml'")
    return buffer.getvalue()
