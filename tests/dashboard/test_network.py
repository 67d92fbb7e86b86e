"""Network building on literal (event, person) rows: weights, centrality, communities, layout, export."""

import xml.etree.ElementTree as ET

import networkx as nx
import pandas as pd
import pytest

from culturedash import network as net


@pytest.fixture
def rows():
    data = [
        ("E1", "P1", "Ana", "O1", "Museum A", "museum", "Norway"),
        ("E1", "P2", "Ben", None, None, None, None),
        ("E1", "P3", "Cai", "O2", "Trio B", "performing group", None),
        ("E2", "P1", "Ana", "O1", "Museum A", "museum", "Norway"),
        ("E2", "P2", "Ben", None, None, None, None),
        ("E3", "P4", "Dee", "O2", "Trio B", "performing group", None),
        ("E3", "P5", "Eli", None, None, None, None),
    ]
    return pd.DataFrame(
        data, columns=["event_id", "person_id", "name", "org_id", "organisation", "org_kind", "country"]
    )


def test_edge_weight_counts_shared_events(rows):
    graph = net.person_graph(rows)
    assert graph["P1"]["P2"]["weight"] == 2 and graph["P1"]["P3"]["weight"] == 1
    assert graph.nodes["P2"]["org_kind"] == "not stated"
    assert graph.number_of_edges() == 4


def test_organisation_projection_links_bodies_through_their_people(rows):
    graph = net.org_graph(rows)
    assert set(graph.nodes) == {"O1", "O2"}
    assert graph["O1"]["O2"]["weight"] == 1


def test_centrality_table_is_sorted_and_communities_are_stable(rows):
    graph = net.person_graph(rows)
    table = net.centrality(graph)
    assert list(table.columns) == ["id", "name", "degree", "weighted_degree", "betweenness", "community"]
    assert table.iloc[0]["name"] in {"Ana", "Ben"} and table.iloc[0]["weighted_degree"] == 3
    assert net.communities(graph) == net.communities(graph)
    assert net.communities(graph)["P4"] == net.communities(graph)["P5"] != net.communities(graph)["P1"]


def test_layout_is_deterministic_and_separates_groups(rows):
    graph = net.person_graph(rows)
    first, second = net.layout(graph), net.layout(graph)
    assert first == second
    assert set(first) == set(graph.nodes)


def test_ego_view_keeps_the_person_and_neighbours(rows):
    ego = net.ego(net.person_graph(rows), "P3")
    assert set(ego.nodes) == {"P1", "P2", "P3"}
    assert net.ego(net.person_graph(rows), "nobody").number_of_nodes() == 0


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_export_is_readable_by_networkx(rows, fmt, tmp_path):
    data = net.export(net.person_graph(rows), fmt)
    ET.fromstring(data)  # well-formed XML
    path = tmp_path / f"g.{fmt}"
    path.write_bytes(data)
    back = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    assert back.number_of_edges() == 4


def test_unknown_export_format_is_refused(rows):
    with pytest.raises(ValueError, match="gexf"):
        net.export(net.person_graph(rows), "dot")


def test_edges_table_uses_names(rows):
    edges = net.edges_table(net.person_graph(rows))
    assert edges.iloc[0].tolist() == ["Ana", "Ben", 2]


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_export_drops_characters_xml_cannot_hold(rows, fmt):
    rows = rows.assign(name=rows["name"].str.replace("Ana", "An\x00a\x1b"))
    data = net.export(net.person_graph(rows), fmt)
    assert "Ana" in ET.tostring(ET.fromstring(data), encoding="unicode")
