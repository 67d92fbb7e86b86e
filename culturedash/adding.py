"""The Add articles page's work: store uploaded or pasted articles with the ETL's checks, then rebuild."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from culturedash.curation_edit import rebuild
from etl.add import AddReport, Incoming, add_articles
from etl.errors import EtlError
from etl.settings import curation_path, database_path, source_path

ACCEPTED = ["txt", "md", "html", "htm", "pdf", "docx"]  # what the upload control offers
# One add-and-rebuild at a time in the app's process: two sessions uploading at once would otherwise both
# build into the same temporary file beside the database.
_BUSY = threading.Lock()


@dataclass
class Outcome:
    """What the page tells the user: each file's fate, then the rebuild's summary or its one-line error."""

    report: AddReport = field(default_factory=AddReport)
    summary: str | None = None
    error: str | None = None


def add_and_rebuild(items: list[Incoming], progress: Callable[[int, int, str], None]) -> Outcome:
    """Store the good new files in the article folder and, if any were added, rebuild the database (incrementally)."""
    source, db_path = source_path(), database_path()
    with _BUSY:
        outcome = Outcome(report=add_articles(items, source, db_path))
        if outcome.report.added:
            try:
                outcome.summary = rebuild(source, db_path, curation_path(), progress)
            except EtlError as err:
                # another file in the folder stops the build: the database stays as it was, the new files stay
                outcome.error = str(err)
    return outcome
