"""Streamlit-side helpers: the cached read-only connection, keyed on the database file's mtime."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from culturedash import db
from culturedash.data import ensure_database
from etl.settings import database_path


@st.cache_resource(show_spinner=False)
def _connection(db_path: str, mtime: float) -> duckdb.DuckDBPyConnection:
    # mtime is part of the cache key: a rebuilt file gets a fresh connection
    return db.connect(Path(db_path))


def connection(db_path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """The read-only connection, building the database first (with a spinner) if it is missing."""
    db_path = db_path or database_path()
    if not db_path.exists():
        with st.spinner("Building the database from data/articles (first start only)..."):
            ensure_database(db_path)
    return _connection(str(db_path), db_path.stat().st_mtime)


@dataclass(frozen=True)
class Overview:
    """What the overview page shows, read once per database build."""

    counts: dict[str, int]
    first: object
    last: object
    articles: pd.DataFrame
    events_by_type: pd.DataFrame


@st.cache_data(show_spinner=False)
def _overview(db_path: str, mtime: float) -> Overview:
    con = _connection(db_path, mtime)
    first, last = db.date_span(con)
    return Overview(db.overview_counts(con), first, last, db.articles_table(con), db.events_by_type(con))


def overview(db_path: Path | None = None) -> Overview:
    """The overview's numbers and tables, cached on the database file's modification time."""
    db_path = db_path or database_path()
    connection(db_path)  # builds the database on first start
    return _overview(str(db_path), db_path.stat().st_mtime)
