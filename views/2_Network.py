"""Network: who took part in the same events; centrality, communities, ego view, organisation projection."""

from contextlib import nullcontext

import streamlit as st

from culturedash import network as net
from culturedash import network_queries as nq
from culturedash import ui
from culturedash.app_state import network, query
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

# How many of the most connected to draw: a network of thousands of people is a grey disc, and its layout and
# betweenness took minutes; the table and the files hold what is drawn.
TOP_CHOICES = ["25", "50", "100", "200", "400"]
DEFAULT_TOP = "100"

# the report draws no controls: an empty row of four columns left a gap under its header
left, middle, right, far = [nullcontext()] * 4 if page.report else st.columns([3, 3, 3, 4])
with left:
    projection = ui.url_choice("Network of", ["people", "organisations"], "net")
with middle:
    colour_options = ["org_kind", "country"] if projection == "people" else ["org_kind"]
    colour_by = ui.url_choice("Colour nodes by", colour_options, "colour", {"org_kind": "organisation kind"})
with right:
    size_by = ui.url_choice("Size nodes by", ["degree", "betweenness"], "size")
with far:
    top_text = ui.url_choice("Show the most connected", TOP_CHOICES, "top", default=DEFAULT_TOP)
people = projection == "people"
if people:
    st.caption("Two people are linked when the news places them in the same event; a thicker line means more events.")
else:
    st.caption(
        "Two organisations are linked when their people are reported at the same event; a thicker line means "
        "more shared events. Only people whose organisation the text states count."
    )

top = int(top_text)
total = query(nq.network_size, page.filters, projection)
graph, table, positions = network(page.filters, projection, top)
noun = "people" if people else "organisations"
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
            help="Shows only the chosen person, everyone they shared an event with, and the links among them.",
        )
    if ego_pick:
        graph, table, positions = network(page.filters, projection, top, ego_pick)
        names = dict(zip(table["id"], table["name"], strict=True))
    sizes = dict(zip(table["id"], table[size_by], strict=True))
    ranked = list(table.sort_values([size_by, "name"], ascending=[False, True])["id"])
    what = "People who" if people else "Organisations whose people"
    part = f"the {len(table):,} most connected of {total:,}" if total > len(table) and not ego_pick else ""
    if ego_pick:
        title = f"{names[ego_pick]} and their co-participants"
        linked = int(table.loc[table["id"] == ego_pick, "degree"].iloc[0]) if ego_pick in names else 0
        if linked > len(table) - 1:
            title += f": the {len(table) - 1:,} most connected of {linked:,}"
    else:
        title = f"{what} took part in the same events" + (f": {part}" if part else "")
    fig = network_chart(
        graph,
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
    if part:
        st.caption(
            f"Drawn: {part} {noun} (most co-participants first). Choose more above, or narrow the filters in the "
            "sidebar to see a part of the network; degrees count every link in the whole network."
        )

    st.subheader("Centrality and communities")
    st.caption(TERMS)
    if total > len(table):
        st.caption(
            "Betweenness and communities are those of the network drawn"
            + (
                f" (betweenness estimated from {net.BETWEENNESS_SAMPLE} sampled people)."
                if len(table) > net.BETWEENNESS_EXACT
                else "."
            )
        )
    ui.table(table.drop(columns=["id"]), f"centrality-{projection}")
if graph.number_of_edges() and not page.report:  # files are for the interactive view, not a printed page
    edges = net.edges_table(graph)
    st.caption(
        "The links drawn, as files: a CSV of pairs with the number of events they shared, and the graph as GEXF "
        "or GraphML — the file formats network tools such as Gephi open."
    )
    # the files are written when clicked: writing GEXF and GraphML on every run took most of the page's time
    with st.container(horizontal=True, gap="small"):
        st.download_button(
            "Edges (CSV)", lambda: ui.to_csv(edges), f"edges-{projection}.csv", "text/csv", width="content"
        )
        st.download_button(
            "Graph (GEXF)",
            lambda: net.export(graph, "gexf"),
            f"network-{projection}.gexf",
            "application/xml",
            width="content",
        )
        st.download_button(
            "Graph (GraphML)",
            lambda: net.export(graph, "graphml"),
            f"network-{projection}.graphml",
            "application/xml",
            width="content",
        )
