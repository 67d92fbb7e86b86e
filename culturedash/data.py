"""Make sure the database exists and is newer than the articles; build it if not."""

from __future__ import annotations

from pathlib import Path

from etl.reader import needs_build
from etl.settings import DEFAULT_DB, DEFAULT_SOURCE


def ensure_database(db_path: Path = DEFAULT_DB, source: Path = DEFAULT_SOURCE) -> bool:
    """Build the database when needed; returns whether a build ran."""
    from etl.lock import wait_for_build

    wait_for_build(db_path)  # `make run` may be building it in the background right now
    if not needs_build(db_path, source):
        return False
    from etl.pipeline import build

    build(source, db_path)
    return True
