"""Word files (.docx): text, title, author and date, via python-docx."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError

from etl.errors import ArticleError
from etl.formats import Document

MAX_UNPACKED_BYTES = 50_000_000  # a .docx is a zip: refuse one that unpacks to more than an article could be
# The properties python-docx's own template carries: they say nothing about the article.
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15)
_HEADLINE_STYLES = ("Title", "Heading 1")


def read_docx(path: Path, raw: bytes) -> Document:
    """The paragraphs of a Word document; ArticleError for a file that is not one (a renamed zip, an old .doc)."""
    fix = "Open it in Word and save it as .docx, or copy its text into a .txt file"
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise ArticleError(str(path), "the Word file unpacks to more than 50 MB", fix)
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as err:
        raise ArticleError(str(path), "not a Word document (.docx)", fix) from err
    paras = [(p.style.name if p.style is not None else "", p.text.strip()) for p in document.paragraphs]
    paras = [(style, text) for style, text in paras if text]
    cells = [cell.text.strip() for table in document.tables for row in table.rows for cell in row.cells]
    body = "\n\n".join([text for _, text in paras] + list(dict.fromkeys(c for c in cells if c)))
    if not body:
        raise ArticleError(str(path), "the Word document has no text", "Add the article text or remove the file")
    props = document.core_properties
    styled = next((text for style, text in paras[:3] if style in _HEADLINE_STYLES), None)
    created = props.created
    if created is not None and created.replace(tzinfo=None) == _TEMPLATE_CREATED:
        created = None
    author = (props.author or "").strip()
    return Document(
        body=body,
        title=(props.title or "").strip() or styled,
        published=created.date().isoformat() if created else None,
        author=author if author and author != _TEMPLATE_AUTHOR else None,
    )
