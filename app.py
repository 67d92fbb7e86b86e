"""The dashboard's entry point: `streamlit run app.py`. Registers the pages; each page renders itself."""

from __future__ import annotations

import streamlit as st

from culturedash.ui import PAGE_ICONS, TAB_ICON

# The page scripts live in views/, not pages/: with a pages/ folder beside app.py, Streamlit serves the very first
# session of a fresh server from that folder (its old multipage mode), so a shared link such as
# /timeline?type=panel opened "Page not found" over the Overview.
PAGES = [
    st.Page(
        f"views/{i}_{title.replace(' ', '_')}.py",
        title=title,
        icon=PAGE_ICONS[title],
        default=i == 0,
        url_path=title.lower().replace(" ", "-"),
    )
    for i, title in enumerate(PAGE_ICONS)
]

# set before the navigation: otherwise the first page's Material icon becomes the favicon, fetched from Google
st.set_page_config(page_icon=TAB_ICON)
st.navigation(PAGES, position="hidden" if st.query_params.get("report") == "1" else "sidebar").run()
