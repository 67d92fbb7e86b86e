"""Co-participation networks from the queried nodes and links: graph, centrality, communities, layout, export."""

from __future__ import annotations

import io
import math
import re

import networkx as nx
import pandas as pd

SEED = 42  # fixed: the same data always gives the same layout and communities


def graph(nodes: pd.DataFrame, edges: pd.DataFrame) -> nx.Graph:
    """The network to draw from `network_queries`' frames: nodes with their label, colour fields and whole-network
    degrees; links with their weight (events shared) and the shared events."""
    out = nx.Graph()
    for row in nodes.to_dict("records"):
        out.add_node(
            str(row["id"]),
            label=row["name"],
            organisation=_text(row["organisation"]),
            org_kind=_text(row["org_kind"]) or "not stated",
            country=_text(row["country"]) or "not stated",
            degree=int(row["degree"]),
            weighted_degree=int(row["weighted_degree"]),
        )
    for a, b, weight, events in zip(edges["a"], edges["b"], edges["weight"], edges["events"], strict=True):
        out.add_edge(str(a), str(b), weight=int(weight), events=[str(e) for e in events])
    return out


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


# Betweenness is exact up to this many nodes; above, it is estimated from a seeded sample of this many source
# nodes (networkx's `k`): exact betweenness grows with nodes x links and took seconds on a few hundred people.
BETWEENNESS_EXACT = 150
BETWEENNESS_SAMPLE = 150


def centrality(graph: nx.Graph) -> pd.DataFrame:
    """Degree, weighted degree, betweenness and Louvain community for every node, most central first.

    Degrees are the nodes' `degree`/`weighted_degree` attributes when set (counted over the whole network by the
    query), else counted in `graph`; betweenness and communities are those of `graph`, betweenness sampled above
    `BETWEENNESS_EXACT` nodes."""
    if graph.number_of_nodes() == 0:
        return pd.DataFrame(columns=["id", "name", "degree", "weighted_degree", "betweenness", "community"])
    sample = None if graph.number_of_nodes() <= BETWEENNESS_EXACT else BETWEENNESS_SAMPLE
    betweenness = nx.betweenness_centrality(graph, k=sample, weight=None, seed=SEED)
    community = communities(graph)
    nodes = graph.nodes
    frame = pd.DataFrame(
        {
            "id": list(nodes),
            "name": [nodes[n].get("label", n) for n in nodes],
            "degree": [nodes[n].get("degree", graph.degree(n)) for n in nodes],
            "weighted_degree": [nodes[n].get("weighted_degree", graph.degree(n, weight="weight")) for n in nodes],
            "betweenness": [round(betweenness[n], 4) for n in nodes],
            "community": [community[n] for n in nodes],
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
