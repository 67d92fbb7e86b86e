"""DuckDB's full-text-search extension, loaded from the pinned `duckdb-extension-fts` package (never downloaded)."""

from __future__ import annotations

from pathlib import Path

import duckdb

# The index lives in the database file (schema fts_main_articles); the app queries it read-only.
INDEX_SCHEMA = "fts_main_articles"


def extension_path() -> Path | None:
    """The fts extension file shipped by the duckdb-extension-fts package, if installed."""
    try:
        import duckdb_extension_fts
    except ImportError:
        return None
    version = f"v{duckdb.__version__}"
    for root in duckdb_extension_fts.__path__:
        found = sorted(Path(root).rglob(f"{version}/*.duckdb_extension")) or sorted(
            Path(root).rglob("*.duckdb_extension")
        )
        if found:
            return found[0]
    return None


def load_fts(con: duckdb.DuckDBPyConnection) -> bool:
    """LOAD the extension into `con` from the package's file; False when it is not available."""
    path = extension_path()
    if path is None:
        return False
    try:
        con.execute(f"LOAD '{path.as_posix()}'")  # a path, not user input; LOAD takes no parameters
    except duckdb.Error:
        return False
    return True


def create_article_index(con: duckdb.DuckDBPyConnection) -> bool:
    """Index articles' titles and bodies (English stemming); False when the extension is missing."""
    if not load_fts(con):
        return False
    con.execute("PRAGMA create_fts_index('articles', 'article_id', 'title', 'body', overwrite=1)")
    return True
