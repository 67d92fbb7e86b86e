"""Streamlit-side state: the cached read-only connection and query results, keyed on the database file's mtime."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import networkx as nx
import pandas as pd
import streamlit as st

from culturedash import db
from culturedash import network as net
from culturedash import network_queries as nq
from culturedash.data import ensure_database
from culturedash.filters import Filters
from etl.settings import database_path

T = TypeVar("T")


class _Connection:
    """The read-only connection to one database file, reopened when the file is rebuilt.

    DuckDB keeps one instance per path in a process: while the old connection is open, connecting again
    returns the *replaced* file's data. So the old connection is closed before the new file is opened.
    """

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self.mtime: float | None = None
        self.con: duckdb.DuckDBPyConnection | None = None
        self.lock = threading.Lock()

    def get(self, mtime: float) -> duckdb.DuckDBPyConnection:
        with self.lock:
            if self.con is None or self.mtime != mtime:
                if self.con is not None:
                    self.con.close()
                self.con, self.mtime = db.connect(Path(self.db_path)), mtime
            return self.con

    def drop(self) -> None:
        """Forget the connection: after a DuckDB internal error its instance refuses every later query."""
        with self.lock:
            if self.con is not None:
                with contextlib.suppress(duckdb.Error):  # an invalidated instance may refuse even to close
                    self.con.close()
            self.con, self.mtime = None, None


@st.cache_resource(show_spinner=False)
def _holder(db_path: str) -> _Connection:
    return _Connection(db_path)


def _connection(db_path: str, mtime: float) -> duckdb.DuckDBPyConnection:
    return _holder(db_path).get(mtime)


def _current() -> tuple[str, float]:
    path = database_path()
    if not path.exists():
        with st.spinner("Building the database from data/articles (first start only)..."):
            ensure_database(path)
    return str(path), path.stat().st_mtime


@st.cache_data(show_spinner=False, max_entries=512)
def _query(db_path: str, mtime: float, name: str, args: tuple[Any, ...], _fn: Callable[..., Any]) -> Any:
    cursor = _connection(db_path, mtime).cursor()  # one cursor per query: the app serves several sessions
    try:
        return _fn(cursor, *args)
    except (duckdb.InternalException, duckdb.FatalException):
        _holder(db_path).drop()  # the next run (the analyst's reload) opens a fresh connection, not a dead one
        raise
    finally:
        with contextlib.suppress(duckdb.Error):
            cursor.close()


def query(fn: Callable[..., T], *args: Any) -> T:
    """Run a `culturedash.db` query function, cached until the database file changes."""
    path, mtime = _current()
    return _query(path, mtime, f"{fn.__module__}.{fn.__qualname__}", args, fn)


@st.cache_data(show_spinner=False, max_entries=64)
def _network(
    db_path: str, mtime: float, filters: Filters, projection: str, top: int | None, ego: str | None
) -> tuple[nx.Graph, pd.DataFrame, dict]:
    # only the drawn part of the network reaches Python: its layout and centralities stay bounded by `top`
    nodes = _query(db_path, mtime, "network_nodes", (filters, projection, top, ego), nq.network_nodes)
    edges = _query(db_path, mtime, "network_edges", (filters, projection, tuple(nodes["id"])), nq.network_edges)
    graph = net.graph(nodes, edges)
    return graph, net.centrality(graph), net.layout(graph)


def network(
    filters: Filters, projection: str, top: int | None = None, ego: str | None = None
) -> tuple[nx.Graph, pd.DataFrame, dict[str, tuple[float, float]]]:
    """The co-participation graph (people or organisations) of the `top` most connected (all when None) or of
    `ego` and its neighbours, with its centrality table and seeded layout, cached per filter until the database
    changes."""
    path, mtime = _current()
    return _network(path, mtime, filters, projection, top, ego)
