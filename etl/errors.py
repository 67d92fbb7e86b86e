"""Errors the ETL raises; each message names the file and says what to do."""

from __future__ import annotations


class EtlError(Exception):
    """Base class: a build stopped and the database was left as it was."""


class ArticleError(EtlError):
    """An article file cannot be read or used."""

    def __init__(self, path: str, problem: str, fix: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}. {fix}")
        self.path = path
        self.line = line
        self._parts = (path, problem, fix, line)

    def __reduce__(self) -> tuple[type[ArticleError], tuple[str, str, str, int | None]]:
        # raised in a worker process or on a cluster and re-raised here: pickled with what it was made of
        return (ArticleError, self._parts)


class SourceError(EtlError):
    """The source folder is missing or holds no article files."""


class ModelError(EtlError):
    """The spaCy model cannot be loaded."""


class DatabaseError(EtlError):
    """The database file cannot be written where asked (a folder, not DuckDB, read-only, disk full)."""


class WorkersError(EtlError):
    """Extraction over worker processes or a Dask cluster cannot go on (a worker died, the scheduler is out of
    reach, the workers run other code)."""
