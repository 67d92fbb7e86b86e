"""Network: who took part in the same events; centrality, communities, ego view, organisation projection."""

from contextlib import nullcontext

import streamlit as st

from culturedash import network as net
from culturedash import ui
from culturedash.app_state import network
from culturedash.network_chart import network as network_chart

# One line per term, shown where the term appears (the size choice, the table, the downloads).
SIZE_WORDS = {
    "degree": "how many others they share an event with",
    "betweenness": "how often they sit on the shortest path between two others (a bridge between groups)",
}
TERMS = (
    "**Degree**: how many others a node shares at least one event with. "
    "**Weighted degree**: the same, counting every shared event (two events together count twice). "
    "**Betweenness**: the share of shortest paths between two others that pass through the node — high for "
    "bridges between groups. **Community**: groups that share events more among themselves than with others, "
    "found by the Louvain method (seed fixed, so the numbers stay the same between runs)."
)

page = ui.setup("Network")
ui.header(page, "Co-participation network")

# the report draws no controls: an empty row of three columns left a gap under its header
left, middle, right = [nullcontext()] * 3 if page.report else st.columns(3)
with left:
    projection = ui.url_choice("Network of", ["people", "organisations"], "net")
with middle:
    colour_options = ["org_kind", "country"] if projection == "people" else ["org_kind"]
    colour_by = ui.url_choice("Colour nodes by", colour_options, "colour", {"org_kind": "organisation kind"})
with right:
    size_by = ui.url_choice("Size nodes by", ["degree", "betweenness"], "size")
people = projection == "people"
if people:
    st.caption("Two people are linked when the news places them in the same event; a thicker line means more events.")
else:
    st.caption(
        "Two organisations are linked when their people are reported at the same event; a thicker line means "
        "more shared events. Only people whose organisation the text states count."
    )

graph, table, positions = network(page.filters, projection)
if graph.number_of_edges() == 0:
    ui.empty("shared events between two or more participants", page.filters)
else:
    ego_pick = None
    names = dict(zip(table["id"], table["name"], strict=True))
    if people:
        ego_pick = ui.url_pick(
            "Ego view: one person and their co-participants",
            {"": "everyone", **{n: names[n] for n in sorted(names, key=lambda n: names[n])}},
            "ego",
            "ego",
            help="Shows only the chosen person, the people they shared an event with, and the links among them.",
        )
    shown = net.ego(graph, ego_pick) if ego_pick else graph
    sizes = dict(zip(table["id"], table[size_by], strict=True))
    ranked = list(table.sort_values([size_by, "name"], ascending=[False, True])["id"])
    what = "People who" if people else "Organisations whose people"
    title = f"{names[ego_pick]} and their co-participants" if ego_pick else f"{what} took part in the same events"
    fig = network_chart(
        shown,
        positions,
        sizes,
        colour_by,
        ranked,
        title,
        f"{page.subtitle} · circle size: {SIZE_WORDS[size_by]} · named: the most central that fit without overlap",
        page.source,
        linked="co-participants" if people else "linked organisations",
    )
    ui.show_chart(fig, page, f"network-{projection}")

    st.subheader("Centrality and communities")
    st.caption(TERMS)
    ui.table(table.drop(columns=["id"]), f"centrality-{projection}")
if graph.number_of_edges() and not page.report:  # files are for the interactive view, not a printed page
    edges = net.edges_table(graph)
    st.caption(
        "The links as files: a CSV of pairs with the number of events they shared, and the whole graph as GEXF "
        "or GraphML — the file formats network tools such as Gephi open."
    )
    with st.container(horizontal=True, gap="small"):
        st.download_button("Edges (CSV)", ui.to_csv(edges), f"edges-{projection}.csv", "text/csv", width="content")
        st.download_button(
            "Graph (GEXF)", net.export(graph, "gexf"), f"network-{projection}.gexf", "application/xml", width="content"
        )
        st.download_button(
            "Graph (GraphML)",
            net.export(graph, "graphml"),
            f"network-{projection}.graphml",
            "application/xml",
            width="content",
        )
