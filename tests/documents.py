"""Make PDF and Word files for the tests: a real text layer (pypdf) and real paragraphs (python-docx)."""

from __future__ import annotations

import io
import textwrap
import zipfile
from datetime import datetime

import docx
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

CONCERT = [
    "Philharmonic gala concert honours Gara Garayev",
    "The Azerbaijan State Philharmonic Hall hosted a gala concert on March 11, 2024, dedicated to the 106th "
    "anniversary of the composer Gara Garayev.",
    "The Uzeyir Hajibeyli Azerbaijan State Symphony Orchestra performed under the baton of conductor Fuad "
    "Ibrahimov. Pianist Murad Adigozalzade was the soloist. More than 900 people attended the concert.",
]


def _name(value: str) -> NameObject:
    return NameObject(value)


def make_pdf(
    paragraphs: list[str] | None = None,
    title: str | None = None,
    author: str | None = None,
    created: datetime | None = None,
    pages: int = 1,
) -> bytes:
    """A PDF whose pages show `paragraphs` in Helvetica (no paragraphs: blank pages, as a scan without OCR)."""
    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                _name("/Type"): _name("/Font"),
                _name("/Subtype"): _name("/Type1"),
                _name("/BaseFont"): _name("/Helvetica"),
                _name("/Encoding"): _name("/WinAnsiEncoding"),
            }
        )
    )
    for _ in range(pages):
        page = writer.add_blank_page(612, 792)
        if not paragraphs:
            continue
        page[_name("/Resources")] = DictionaryObject({_name("/Font"): DictionaryObject({_name("/F1"): font})})
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 740 Td"]
        for paragraph in paragraphs:
            for line in textwrap.wrap(paragraph, 85):
                escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(f"({escaped}) Tj T*")
            ops.append("T*")
        ops.append("ET")
        stream = DecodedStreamObject()
        stream.set_data("\n".join(ops).encode("cp1252"))
        page[_name("/Contents")] = writer._add_object(stream)
    meta = {"/Title": title, "/Author": author}
    if created:
        meta["/CreationDate"] = f"D:{created:%Y%m%d%H%M%S}"
    writer.add_metadata({k: v for k, v in meta.items() if v})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(
    paragraphs: list[str], title: str | None = None, author: str | None = None, created: datetime | None = None
) -> bytes:
    """A Word document: the first paragraph styled as its Title, the rest as body text."""
    document = docx.Document()
    document.add_heading(paragraphs[0], level=0)
    for text in paragraphs[1:]:
        document.add_paragraph(text)
    props = document.core_properties
    props.title = title or ""
    props.author = author or ""
    if created:
        props.created = created
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_zip() -> bytes:
    """A zip archive that is not a Word document (what a renamed .zip looks like)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("photos/readme.txt", "holiday photos")
    return out.getvalue()
