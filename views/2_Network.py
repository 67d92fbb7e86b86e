"""Network: who took part in the same events; centrality, communities, ego view, organisation projection."""

import streamlit as st

from culturedash import charts, ui
from culturedash import network as net
from culturedash.app_state import network

page = ui.setup("Network")
st.title("Co-participation network")
st.caption("Two people are linked when the news places them in the same event; a thicker line means more events.")

left, middle, right = st.columns(3)
with left:
    projection = ui.url_choice("Network of", ["people", "organisations"], "net")
with middle:
    colour_options = ["org_kind", "country"] if projection == "people" else ["org_kind"]
    colour_by = ui.url_choice("Colour nodes by", colour_options, "colour", {"org_kind": "organisation kind"})
with right:
    size_by = ui.url_choice("Size nodes by", ["degree", "betweenness"], "size")

graph, table, positions = network(page.filters, projection)
if graph.number_of_edges() == 0:
    ui.empty("shared events between two or more participants", page.filters)
else:
    ego_pick = None
    if projection == "people":
        names = dict(zip(table["id"], table["name"], strict=True))
        ego_pick = st.selectbox(
            "Ego view: one person and their co-participants",
            [None, *sorted(names, key=lambda n: names[n])],
            format_func=lambda n: "everyone" if n is None else names[n],
            key="ego",
        )
    shown = net.ego(graph, ego_pick) if ego_pick else graph
    sizes = dict(zip(table["id"], table[size_by], strict=True))
    top = set(table.sort_values(size_by, ascending=False)["id"].head(10 if not ego_pick else len(table)))
    what = "People" if projection == "people" else "Organisations"
    title = f"{names[ego_pick]} and their co-participants" if ego_pick else f"{what} who took part in the same events"
    fig = charts.network(
        shown,
        positions,
        sizes,
        colour_by,
        top & set(shown.nodes),
        title,
        f"{page.subtitle} · size: {size_by} · labels: the 10 most central",
        page.source,
    )
    ui.show_chart(fig, page, f"network-{projection}")

    st.subheader("Centrality and communities")
    st.caption(
        "Degree: co-participants; weighted degree: shared events counted; betweenness: how often someone lies "
        "on the shortest path between two others; community: Louvain (fixed seed)."
    )
    ui.table(table.drop(columns=["id"]), f"centrality-{projection}")
    edges = net.edges_table(graph)
    left, mid, right, _ = st.columns([1, 1, 1, 3])
    left.download_button("Edges (CSV)", ui.to_csv(edges), f"edges-{projection}.csv", "text/csv")
    mid.download_button("Graph (GEXF)", net.export(graph, "gexf"), f"network-{projection}.gexf", "application/xml")
    right.download_button(
        "Graph (GraphML)", net.export(graph, "graphml"), f"network-{projection}.graphml", "application/xml"
    )
