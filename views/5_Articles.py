"""Articles: full-text search, and a reader with people, organisations, figures and dates highlighted."""

import pandas as pd
import streamlit as st

from culturedash import db, source_queries, ui
from culturedash.app_state import query
from culturedash.filters import Filters
from culturedash.highlight import date_spans, highlight, legend_html
from culturedash.safe_text import md

page = ui.setup("Articles")
ui.header(page, "Articles")

wanted = st.query_params.get("q", "")
if page.report:
    search = wanted  # the report draws no search box; the heading below names the words searched
else:
    search = st.text_input("Search the articles (words are matched with their forms: museum, museums)", value=wanted)
if search != wanted:
    if search:
        st.query_params["q"] = search
    else:
        del st.query_params["q"]
PICKABLE = 300  # articles offered in the reader's picker: the best matches (a linked one is always there)

# the Article filter picks the articles; the event filters pick events, not the articles searched here
results = query(source_queries.search_articles, search, Filters(articles=page.filters.articles))
if not query(db.has_fts):
    st.caption("Full-text index not found in this database: plain word matching is used. Rebuild to get ranking.")
if results.empty:
    # the words searched are shown as typed, never read as Markdown
    st.info(f"No article matches “{md(search)}”." if search else "No articles match the filters.", icon="🔎")
else:
    st.subheader(f"{len(results)} articles" + (f" matching “{md(search)}”" if search else ""))
    # without a search there is no score: an empty column only takes room
    table = results.drop(columns=["article_id"] if search else ["article_id", "score"])
    ui.table(table, "articles")

    wanted = st.session_state.get("article_pick", st.query_params.get("read"))
    pickable = results[(results.index < PICKABLE) | (results["article_id"] == wanted)]
    titles = dict(zip(pickable["article_id"], pickable["title"], strict=True))
    # the reader names the article itself: no second heading in the report
    article_id = ui.url_pick("Read an article", titles, "article_pick", "read", heading=False, what="Article")
    art = query(source_queries.article, article_id)
    marks = query(source_queries.article_marks, article_id)
    spans = [*marks.itertuples(index=False, name=None), *date_spans(art["body"])]
    records = query(source_queries.article_records, article_id)
    left, right = ui.columns(page, [3, 2])
    with left:
        st.subheader(md(art["title"]))
        meta = [
            f"{pd.Timestamp(art['published']):%d %B %Y}" if not pd.isna(art["published"]) else "date not stated",
            art.get("source") or "source not stated",
            art["file_name"],
        ]
        st.caption(" · ".join(md(m) for m in meta))
        st.markdown(legend_html(), unsafe_allow_html=True)
        # every piece of article text goes through html.escape inside highlight(): the text is untrusted
        # a scroll box on screen; the whole text in the report, which is printed
        box = "" if page.report else "max-height:70vh;overflow-y:auto;"
        st.markdown(
            f'<div style="line-height:1.6;{box}margin-bottom:1rem">{highlight(art["body"], spans)}</div>',
            unsafe_allow_html=True,
        )
    with right:
        for name, frame in records.items():
            st.markdown(f"**{name.capitalize()} ({len(frame)})**")
            if frame.empty:
                st.caption(f"No {name} extracted from this article.")
            else:
                ui.table(frame, f"{art['file_name'].rsplit('.', 1)[0]}-{name}")
