"""Readers for the file formats beyond plain text: saved web pages, PDF and Word (.docx).

Each turns a file into a `Document` (the article text and whatever metadata the format carries);
`etl.reader` finishes it into an `Article` the same way for every format.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """One file's article text and metadata as its format gives them (None when the format has none)."""

    body: str
    title: str | None = None
    published: str | None = None  # date text as found; etl.reader parses it
    source: str | None = None  # the outlet or site name
    author: str | None = None
    url: str | None = None
