"""PDF files with a text layer (press releases, printed pages): text, title, author and date, via pypdf."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from etl.errors import ArticleError
from etl.formats import Document

logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every odd object; the build says what matters

MAX_PAGES = 100  # an article is a few pages; a book or a report is not one article
# Titles that PDF writers fill in by themselves; they name the tool or the source file, not the story.
_TOOL_TITLE = re.compile(r"^(microsoft word - |untitled|document\d*$)|\.(docx?|pdf|odt|rtf)$", re.IGNORECASE)
_HYPHEN_BREAK = re.compile(r"(\w)-\n(\w)")


def read_pdf(path: Path, raw: bytes) -> Document:
    """The text of a PDF, paragraph by paragraph; ArticleError for a broken, locked or scanned (text-less) PDF."""
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ArticleError(
                str(path), "the PDF is password-protected", "Save an unprotected copy or copy its text into a .txt file"
            )
        if len(reader.pages) > MAX_PAGES:
            raise ArticleError(
                str(path),
                f"the PDF has {len(reader.pages)} pages, more than the {MAX_PAGES} an article can have",
                "Save the article's pages as their own PDF",
            )
        pages = [page.extract_text(extraction_mode="layout") for page in reader.pages]
        info = reader.metadata
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError) as err:
        raise ArticleError(
            str(path),
            f"not a readable PDF ({err.__class__.__name__})",
            "Re-save it as PDF or copy its text into a .txt",
        ) from err
    body = "\n\n".join(p for p in (paragraphs(page) for page in pages) if p)
    if not body.strip():
        raise ArticleError(
            str(path),
            "the PDF has no text layer (a scanned image?)",
            "Run it through OCR (e.g. `ocrmypdf in.pdf out.pdf`) or copy its text into a .txt file",
        )
    title = (info.title or "").strip() if info else ""
    created = info.creation_date if info else None
    return Document(
        body=body,
        title=None if not title or _TOOL_TITLE.search(title) else title,
        published=created.date().isoformat() if created else None,
        author=(info.author or "").strip() or None if info else None,
    )


def paragraphs(page_text: str) -> str:
    """A page's lines as paragraphs: wrapped lines joined, a blank line between paragraphs."""
    text = _HYPHEN_BREAK.sub(r"\1\2", page_text.replace("\r", ""))
    out = []
    for block in re.split(r"\n\s*\n", text):
        lines = [re.sub(r"\s{2,}", " ", line).strip() for line in block.splitlines()]
        lines = [line for line in lines if line]
        if not lines:
            continue
        width = max(len(line) for line in lines)
        current: list[str] = []
        for line in lines:
            current.append(line)
            # a short line that ends a sentence ends its paragraph, even without a blank line after it
            if len(line) < 0.7 * width and line.endswith((".", "!", "?", "”", '"')):
                out.append(" ".join(current))
                current = []
        if current:
            out.append(" ".join(current))
    return "\n\n".join(out)
