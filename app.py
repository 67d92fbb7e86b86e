"""The dashboard's entry point: `streamlit run app.py`. Registers the pages; each page renders itself."""

from __future__ import annotations

import streamlit as st

from culturedash.ui import PAGE_ICONS

PAGES = [
    st.Page(f"pages/{i}_{title}.py", title=title, icon=PAGE_ICONS[title], default=i == 0, url_path=title.lower())
    for i, title in enumerate(PAGE_ICONS)
]

st.navigation(PAGES, position="hidden" if st.query_params.get("report") == "1" else "sidebar").run()
