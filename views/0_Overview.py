"""Overview page: what the database holds, the dates it covers, and the articles it was read from."""

from __future__ import annotations

import streamlit as st

from culturedash import charts, db, event_queries, ui
from culturedash.app_state import query
from culturedash.safe_text import md

page = ui.setup("Overview")
counts = query(db.overview_counts)
first, last = query(db.date_span)

ui.header(
    page,
    "Cultural-sector activity in the news",
    "Events, people, institutions and reported figures read from news articles — each traceable to its sentence.",
)

cols = st.columns(5)
for col, (label, key) in zip(
    cols,
    [
        ("Articles", "articles"),
        ("Events", "events"),
        ("People", "people"),
        ("Organisations", "organizations"),
        ("Figures", "figures"),
    ],
    strict=True,
):
    col.metric(label, counts[key])

span = f"{first:%d %b %Y} – {last:%d %b %Y}" if first and last else "no dated events yet"
st.markdown(f"**Dates covered:** {span}")
if page.filters.is_empty:
    st.caption("The counts above are for the whole database, as are the chart and the table below.")
else:
    # say plainly which numbers follow the sidebar and which do not
    st.info(
        f"The counts above are for the whole database. The chart and the table below follow the sidebar filters "
        f"({md(page.filters.describe())}).",
        icon="🔎",
    )

by_type = query(event_queries.events_by_type, page.filters)
if by_type.empty:
    ui.empty("events", page.filters)
else:
    ui.show_chart(charts.events_by_type_bar(by_type, page.subtitle, page.source), page, "events-by-type")

articles = query(event_queries.articles_table, page.filters)
st.subheader(f"Articles ({len(articles)})")
if articles.empty:
    if counts["articles"] == 0:
        st.info("No articles yet. Put .txt, .md or .html files in data/articles and run `python -m etl build`.")
    else:
        ui.empty("articles", page.filters)
else:
    ui.table(
        articles,
        "articles",
        column_config={
            "title": st.column_config.TextColumn("Title", width="large"),
            "published": st.column_config.DateColumn("Published"),
            "file_name": "File",
        },
    )
