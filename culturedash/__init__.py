"""Shared code of the Streamlit dashboard: database access and queries, charts, build-on-start."""
