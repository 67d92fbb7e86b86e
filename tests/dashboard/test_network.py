"""Network building on the literal database: links and weights aggregated in DuckDB, the top-N and ego selections,
bounded centrality, communities, layout, export."""

import xml.etree.ElementTree as ET
from datetime import date

import networkx as nx
import pytest

from culturedash import network as net
from culturedash import network_queries as nq
from culturedash.filters import Filters


def graph_of(con, projection="people", top=None, ego=None, f=None):
    f = f or Filters()
    nodes = nq.network_nodes(con, f, projection, top, ego)
    return net.graph(nodes, nq.network_edges(con, f, projection, tuple(nodes["id"])))


def test_edge_weight_counts_shared_events(literal_con):
    graph = graph_of(literal_con)
    # Panel one has Ana, Ben and Cai; Panel two has Ana and Ben
    assert graph["P1"]["P2"]["weight"] == 2 and graph["P1"]["P3"]["weight"] == 1
    assert graph["P1"]["P2"]["events"] == ["E2", "E3"]
    assert graph.nodes["P2"]["org_kind"] == "not stated" and graph.nodes["P1"]["org_kind"] == "museum"
    assert graph.number_of_edges() == 3


def test_organisation_projection_links_bodies_through_their_people(literal_con):
    literal_con.execute("UPDATE participations SET org_id = 'O2' WHERE person_id = 'P3'")
    graph = graph_of(literal_con, "organisations")
    assert set(graph.nodes) == {"O1", "O2"}
    assert graph["O1"]["O2"]["weight"] == 1


def test_links_follow_the_filters(literal_con):
    april = graph_of(literal_con, f=Filters(start=date(2024, 4, 1)))
    assert set(april.nodes) == {"P1", "P2"} and april["P1"]["P2"]["weight"] == 1


def test_top_keeps_the_most_connected_with_their_whole_network_degree(literal_con):
    top = nq.network_nodes(literal_con, Filters(), "people", top=2)
    assert list(top["id"]) == ["P1", "P2"]  # degree 2 each, weighted 3 each; Cai has 2 and 2
    assert list(top["degree"]) == [2, 2] and list(top["weighted_degree"]) == [3, 3]
    assert nq.network_size(literal_con, Filters(), "people") == 3
    graph = graph_of(literal_con, top=2)
    assert set(graph.nodes) == {"P1", "P2"} and graph.number_of_edges() == 1


def test_ego_view_keeps_the_person_and_neighbours(literal_con):
    literal_con.execute(
        "INSERT INTO people VALUES ('P4', 'Dee Ray', [], NULL); INSERT INTO participations VALUES "
        "('E4', 'P4', 'performer', NULL, NULL, 'Dee played.', 'x'), ('E4', 'P3', 'performer', NULL, NULL, 'x', 'x')"
    )
    ego = graph_of(literal_con, ego="P1")
    assert set(ego.nodes) == {"P1", "P2", "P3"}
    assert set(graph_of(literal_con, ego="P4").nodes) == {"P3", "P4"}
    assert graph_of(literal_con, ego="nobody").number_of_nodes() == 0


def test_unknown_projection_is_refused(literal_con):
    with pytest.raises(ValueError, match="organisations"):
        nq.network_nodes(literal_con, Filters(), "places")


def test_centrality_table_is_sorted_and_communities_are_stable(literal_con):
    graph = graph_of(literal_con)
    table = net.centrality(graph)
    assert list(table.columns) == ["id", "name", "degree", "weighted_degree", "betweenness", "community"]
    assert table.iloc[0]["name"] in {"Ana Lund", "Ben Ode"} and table.iloc[0]["weighted_degree"] == 3
    assert net.communities(graph) == net.communities(graph)


def test_betweenness_is_sampled_on_large_graphs_and_stays_seeded():
    big = nx.barabasi_albert_graph(net.BETWEENNESS_EXACT * 2, 2, seed=1)
    big = nx.relabel_nodes(big, {n: f"n{n}" for n in big})
    first, second = net.centrality(big), net.centrality(big)
    assert first.equals(second)  # a fixed seed: the same sample every time
    exact = nx.betweenness_centrality(big)
    hub = max(exact, key=exact.get)
    assert first.set_index("id").loc[hub, "betweenness"] == first["betweenness"].max()  # the bridge still ranks first


def test_layout_is_deterministic_and_separates_groups(literal_con):
    graph = graph_of(literal_con)
    first, second = net.layout(graph), net.layout(graph)
    assert first == second
    assert set(first) == set(graph.nodes)


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_export_is_readable_by_networkx(literal_con, fmt, tmp_path):
    data = net.export(graph_of(literal_con), fmt)
    ET.fromstring(data)  # well-formed XML
    path = tmp_path / f"g.{fmt}"
    path.write_bytes(data)
    back = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    assert back.number_of_edges() == 3


def test_unknown_export_format_is_refused(literal_con):
    with pytest.raises(ValueError, match="gexf"):
        net.export(graph_of(literal_con), "dot")


def test_edges_table_uses_names(literal_con):
    edges = net.edges_table(graph_of(literal_con))
    assert edges.iloc[0].tolist() == ["Ana Lund", "Ben Ode", 2]


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_export_drops_characters_xml_cannot_hold(literal_con, fmt):
    graph = graph_of(literal_con)
    graph.nodes["P1"]["label"] = "An\x00a\x1b"  # a NUL read from an article: XML cannot hold it
    data = net.export(graph, fmt)
    assert "Ana" in ET.tostring(ET.fromstring(data), encoding="unicode")


def _add_event(con, event_id: str, people: list[str]) -> None:
    """An event (copied from E2's row) with `people` as its participants; people are created when new."""
    con.execute(
        "INSERT INTO events SELECT ? AS event_id, * EXCLUDE (event_id) FROM events WHERE event_id = 'E2'", [event_id]
    )
    for person in people:
        con.execute(
            "INSERT INTO people SELECT ?, ?, [], NULL WHERE ? NOT IN (SELECT person_id FROM people)",
            [person, f"Name {person}", person],
        )
        con.execute(
            "INSERT INTO participations SELECT ? AS event_id, ? AS person_id, * EXCLUDE (event_id, person_id) "
            "FROM participations LIMIT 1",
            [event_id, person],
        )


@pytest.mark.parametrize("top", [1, 2, 3])
def test_top_is_the_exact_top_even_when_shared_events_outnumber_co_participants(literal_con, top):
    # X and Y share twelve events (weighted degree 12, one co-participant each); A..E meet once (four each): the
    # pairs are counted only for the nodes that could rank, so the shortcut must still find A..E on top.
    for n in range(12):
        _add_event(literal_con, f"EX{n}", ["PX", "PY"])
    _add_event(literal_con, "EA", ["PA", "PB", "PC", "PD", "PE"])
    everyone = nq.network_nodes(literal_con, Filters(), "people")
    picked = nq.network_nodes(literal_con, Filters(), "people", top=top)
    assert list(picked["id"]) == list(everyone["id"][:top])
    assert set(picked["id"]) <= {"PA", "PB", "PC", "PD", "PE"}
    assert list(picked["degree"]) == [4] * top


def test_ego_view_with_a_top_keeps_the_person_and_their_most_connected(literal_con):
    _add_event(literal_con, "EA", ["PA", "PB", "PC", "P3"])  # Cai (P3) now has more co-participants than Ben (P2)
    ego = nq.network_nodes(literal_con, Filters(), "people", top=2, ego="P1")
    assert set(ego["id"]) == {"P1", "P3"}  # Ana herself, and the better connected of her two co-participants
    lonely = nq.network_nodes(literal_con, Filters(), "people", top=2, ego="PA")
    assert "PA" in set(lonely["id"]) and len(lonely) == 2  # the ego is kept even when others outrank them
