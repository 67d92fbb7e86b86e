"""Overview page: what the database holds, the dates it covers, and the articles it was read from."""

from __future__ import annotations

import streamlit as st

from culturedash import charts, db, ui
from culturedash.app_state import query

page = ui.setup("Overview")
counts = query(db.overview_counts)
first, last = query(db.date_span)

st.title("Cultural-sector activity in the news")
st.caption(
    "Events, people, institutions and reported figures read from news articles — each traceable to its sentence."
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

left, right = st.columns([3, 2])
with left:
    st.subheader("Articles")
    articles = query(db.articles_table)
    if articles.empty:
        st.info("No articles yet. Put .txt, .md or .html files in data/articles and run `python -m etl build`.")
    else:
        st.dataframe(
            articles,
            hide_index=True,
            width="stretch",
            column_config={
                "title": st.column_config.TextColumn("Title", width="large"),
                "published": st.column_config.DateColumn("Published"),
                "file_name": "File",
            },
        )
with right:
    by_type = query(db.events_by_type)
    if by_type.empty:
        st.info("No events extracted yet.")
    else:
        fig = charts.events_by_type_bar(
            by_type, "All articles in the database (the sidebar filters apply to other pages)", page.source
        )
        ui.show_chart(fig, page, "events-by-type")
