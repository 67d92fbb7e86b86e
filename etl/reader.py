"""Read article files (.txt, .md, .html, .pdf, .docx) into Article records, with clear errors for bad input."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from etl.errors import ArticleError, SourceError
from etl.formats import Document
from etl.formats.headline import headline_line, readable_name
from etl.records import Article

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
FORMATS = ".txt, .md, .html, .pdf, .docx"
MAX_BYTES = 5_000_000  # a news article is a few kB; 5 MB means a wrong file (a dump, a binary)
# PDF and Word files carry fonts and photos beside the text: a one-page press release can be several MB
MAX_DOCUMENT_BYTES = 15_000_000

_LEADING_DATE = re.compile(r"^\s*date[:\s]+(\d{4}-\d{2}-\d{2})\b[\s,;–-]*", re.IGNORECASE)
_DATE_UNDER_HEADLINE = re.compile(r"^([^\n.]{3,200}[^\n.:])\n\s*date[:\s]+(\d{4}-\d{2}-\d{2})[^\n]*\n", re.IGNORECASE)
_META_LINE = re.compile(r"^\s*(title|date|published|source|url)\s*:\s*(.+?)\s*$", re.IGNORECASE)
_SOURCE_REPORTS = re.compile(r",\s+([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\s+reports?\.")
_URL = re.compile(r"https?://\S+")


def article_files(source: Path) -> list[Path]:
    """Every article file under `source`, in a stable order."""
    if not source.is_dir():
        raise SourceError(f"{source}: no such folder. Put article files ({FORMATS}) there or pass --source DIR.")
    files = sorted(
        p
        for p in source.rglob("*")
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
    )
    if not files:
        raise SourceError(f"{source}: no article files ({FORMATS}) found. Add articles or pass --source DIR.")
    return files


def decode(path: Path, raw: bytes) -> str:
    """Decode UTF-8 (with or without BOM); name the byte and line when it is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise ArticleError(
            str(path),
            f"not valid UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start})",
            "Re-save the file as UTF-8 (e.g. `iconv -f cp1252 -t utf-8`) and build again",
            line=line,
        ) from err


_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # no-break and other Unicode spaces become plain spaces: the tokenizer makes them tokens that split names
    text = _ODD_SPACES.sub(" ", text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n\n", text).strip()


def _parse_date(value: str) -> date | None:
    match = re.search(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def parse_article(path: Path, text: str) -> Article:
    """Build an Article from decoded file text (a saved web page or plain text)."""
    if path.suffix.lower() in (".html", ".htm"):
        from etl.formats.web_page import read_web_page  # trafilatura loads in a second: only when a page comes

        return finish_article(path, read_web_page(path, text), text)
    return finish_article(path, Document(body=text), text)


def parse_document(path: Path, raw: bytes) -> Article:
    """Build an Article from a file's bytes, whatever its format (.pdf and .docx are read as binary)."""
    if not raw.strip():
        raise ArticleError(str(path), "the file is empty", "Add the article text or remove the file")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from etl.formats.pdf import read_pdf

        return finish_article(path, read_pdf(path, raw), "")
    if suffix == ".docx":
        from etl.formats.word import read_docx

        return finish_article(path, read_docx(path, raw), "")
    return parse_article(path, decode(path, raw))


def finish_article(path: Path, doc: Document, text: str) -> Article:
    """The same last steps for every format: metadata lines, leading date, headline, outlet, content hash."""
    meta = {"title": doc.title, "published": doc.published, "source": doc.source, "url": doc.url}
    body = doc.body
    # `key: value` header lines (front matter in .md, or plain lines at the top of any text) win over the
    # format's own metadata: someone wrote them on purpose
    lines = body.lstrip("\ufeff").split("\n")
    start = 1 if lines and lines[0].strip() == "---" else 0
    i = start
    while i < len(lines) and (match := _META_LINE.match(lines[i])):
        meta[match[1].lower()] = match[2]
        i += 1
    if i > start:
        if start and i < len(lines) and lines[i].strip() == "---":
            i += 1
        body = "\n".join(lines[i:])
    body = _tidy(body)
    published = _parse_date(meta.get("published") or meta.get("date") or "")
    if (lead := _LEADING_DATE.match(body)) is not None:
        published = published or _parse_date(lead[1])
        body = body[lead.end() :]
    elif (under := _DATE_UNDER_HEADLINE.match(body)) is not None:
        # "Headline\ndate 2024-07-19\n\nText": the headline stays in the body, the date line goes
        published = published or _parse_date(under[2])
        meta["title"] = meta.get("title") or under[1].strip()
        body = under[1] + "\n" + body[under.end() :]
    if not body.strip():
        raise ArticleError(str(path), "the file has no article text", "Add the article text or remove the file")
    reports = _SOURCE_REPORTS.search(body[:600])
    source = meta.get("source") or (reports[1] if reports else None)
    url = meta.get("url") or (m[0] if (m := _URL.search((text or body)[:2000])) else None)
    content_hash = hashlib.sha256(body.encode("utf-8")).hexdigest()
    # a headline from metadata, else the first line when it reads as one, else the file name: never a first
    # sentence, which cited the article as "A nation is known, recognized and..."
    title = meta.get("title") or headline_line(body) or readable_name(path.name)
    return Article(
        article_id=content_hash[:16],
        file_name=path.name,
        title=title.strip(),
        published=published,
        source=source or None,
        url=url or None,
        body=body,
        content_hash=content_hash,
        author=doc.author,
    )


def read_article(path: Path) -> Article:
    """Read and parse one article file; raise ArticleError saying what is wrong and what to do."""
    return parse_document(path, read_raw(path))


def read_raw(path: Path) -> bytes:
    """A file's bytes, once its size is known to fit an article."""
    try:
        check_size(path, path.stat().st_size)
        return path.read_bytes()
    except OSError as err:
        raise ArticleError(str(path), f"cannot be read ({err.strerror})", "Check the file's permissions") from err


def size_limit(path: Path) -> int:
    """The largest file an article of this format can be."""
    return MAX_DOCUMENT_BYTES if path.suffix.lower() in (".pdf", ".docx") else MAX_BYTES


def check_size(path: Path, size: int) -> None:
    """Refuse a file too large to be one article, before anything parses it."""
    limit = size_limit(path)
    if size > limit:
        raise ArticleError(
            str(path),
            f"the file is {size / 1e6:.1f} MB, larger than the {limit / 1e6:.0f} MB an article can be",
            "Split it into one file per article or remove it from the source folder",
        )
