"""Read article files (.txt, .md, .html, .pdf, .docx) into Article records, with clear errors for bad input."""

from __future__ import annotations

import hashlib
import os
import re
from datetime import date
from pathlib import Path

from etl.errors import ArticleError, SourceError
from etl.formats import Document
from etl.formats.headline import headline_line, readable_name
from etl.limits import check_published, check_size, clean_text, regular_file, strip_invisible
from etl.records import Article

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
FORMATS = ".txt, .md, .html, .pdf, .docx"

_LEADING_DATE = re.compile(r"^\s*date[:\s]+(\d{4}-\d{2}-\d{2})\b[\s,;–-]*", re.IGNORECASE)
_DATE_UNDER_HEADLINE = re.compile(r"^([^\n]{3,200}[^\n.:])\n\s*date[:\s]+(\d{4}-\d{2}-\d{2})[^\n]*\n", re.IGNORECASE)
_META_LINE = re.compile(r"^\s*(title|date|published|source|url)\s*:\s*(.+?)\s*$", re.IGNORECASE)
_SOURCE_REPORTS = re.compile(r",\s+([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\s+reports?\.")
_URL = re.compile(r"https?://\S+")


def article_files(source: Path) -> list[Path]:
    """Every article file under `source`, in a stable order."""
    if not source.is_dir():
        raise SourceError(f"{source}: no such folder. Put article files ({FORMATS}) there or pass --source DIR.")
    files = sorted(_walk(source, source))
    if not files:
        raise SourceError(f"{source}: no article files ({FORMATS}) found. Add articles or pass --source DIR.")
    return files


def _walk(folder: Path, root: Path) -> list[Path]:
    """Article files under `folder`; a symbolic link (to a file or a folder) stops the build, never followed."""
    found: list[Path] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                continue
            if entry.is_symlink() and (entry.is_dir() or path.suffix.lower() in ARTICLE_SUFFIXES):
                regular_file(path, root)  # raises, naming the link and its target
            elif entry.is_dir(follow_symlinks=False):
                found += _walk(path, root)
            elif entry.is_file(follow_symlinks=False) and path.suffix.lower() in ARTICLE_SUFFIXES:
                found.append(path)
    return found


def file_name(path: Path, source: Path) -> str:
    """The name an article is known by: its path inside the source folder ('sub/news.txt'), '/'-separated."""
    try:
        return path.relative_to(source).as_posix()
    except ValueError:
        return path.name


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
    text = strip_invisible(text)  # also newlines of every kind become "\n"
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


def parse_article(path: Path, text: str, name: str | None = None) -> Article:
    """Build an Article from decoded file text (a saved web page or plain text); `name`: its path in the source."""
    if path.suffix.lower() in (".html", ".htm"):
        from etl.formats.web_page import read_web_page  # trafilatura loads in a second: only when a page comes

        return finish_article(path, read_web_page(path, text), text, name)
    return finish_article(path, Document(body=text), text, name)


def parse_document(path: Path, raw: bytes, name: str | None = None) -> Article:
    """Build an Article from a file's bytes, whatever its format (.pdf and .docx are read as binary)."""
    if not raw.strip():
        raise ArticleError(str(path), "the file is empty", "Add the article text or remove the file")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from etl.formats.pdf import read_pdf

        return finish_article(path, read_pdf(path, raw), "", name)
    if suffix == ".docx":
        from etl.formats.word import read_docx

        return finish_article(path, read_docx(path, raw), "", name)
    return parse_article(path, clean_text(path, decode(path, raw)), name)


def finish_article(path: Path, doc: Document, text: str, name: str | None = None) -> Article:
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
    check_published(path, published)
    if not body.strip():
        raise ArticleError(str(path), "the file has no article text", "Add the article text or remove the file")
    reports = _SOURCE_REPORTS.search(body[:600])
    source = meta.get("source") or (reports[1] if reports else None)
    url = meta.get("url") or (m[0] if (m := _URL.search((text or body)[:2000])) else None)
    content_hash = hashlib.sha256(body.encode("utf-8")).hexdigest()
    # a headline from metadata, else the first line when it reads as one, else the file name: never a first
    # sentence, which cited the article as "A nation is known, recognized and..."
    title = strip_invisible(meta.get("title") or headline_line(body) or readable_name(path.name))
    return Article(
        article_id=content_hash[:16],
        file_name=name or path.name,
        title=title.strip(),
        published=published,
        source=strip_invisible(source) if source else None,
        url=url or None,
        body=body,
        content_hash=content_hash,
        author=doc.author,
    )


def read_article(path: Path, source: Path | None = None) -> Article:
    """Read and parse one article file (under `source`); raise ArticleError saying what is wrong and what to do."""
    root = source or path.parent
    return parse_document(path, read_raw(path, root), file_name(path, root))


def read_raw(path: Path, source: Path | None = None) -> bytes:
    """A file's bytes, once it is known to be a regular file inside `source` whose size fits an article."""
    regular_file(path, source or path.parent)  # a symbolic link is never followed
    try:
        check_size(path, path.stat().st_size)  # before reading: a huge file costs nothing to refuse
        return path.read_bytes()
    except OSError as err:
        raise ArticleError(str(path), f"cannot be read ({err.strerror})", "Check the file's permissions") from err


def needs_build(db_path: Path, source: Path) -> bool:
    """True when the database is missing or older than any article file."""
    if not db_path.exists():
        return True
    built = db_path.stat().st_mtime
    return any(p.stat().st_mtime > built for p in source.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES)
