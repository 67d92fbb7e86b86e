"""Read article files (.txt, .md, .html) into Article records, with clear errors for bad input."""

from __future__ import annotations

import hashlib
import os
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from etl.errors import ArticleError, SourceError
from etl.limits import check_published, check_size, clean_text, regular_file, strip_invisible
from etl.records import Article

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")

_LEADING_DATE = re.compile(r"^\s*date[:\s]+(\d{4}-\d{2}-\d{2})\b[\s,;–-]*", re.IGNORECASE)
_DATE_UNDER_HEADLINE = re.compile(r"^([^\n.]{3,200}[^\n.:])\n\s*date[:\s]+(\d{4}-\d{2}-\d{2})[^\n]*\n", re.IGNORECASE)
_META_LINE = re.compile(r"^\s*(title|date|published|source|url)\s*:\s*(.+?)\s*$", re.IGNORECASE)
_SOURCE_REPORTS = re.compile(r",\s+([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\s+reports?\.")
_URL = re.compile(r"https?://\S+")


def article_files(source: Path) -> list[Path]:
    """Every article file under `source`, in a stable order."""
    if not source.is_dir():
        raise SourceError(f"{source}: no such folder. Put article files (.txt, .md, .html) there or pass --source DIR.")
    files = sorted(_walk(source, source))
    if not files:
        raise SourceError(f"{source}: no article files (.txt, .md, .html) found. Add articles or pass --source DIR.")
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


class _TextExtractor(HTMLParser):
    """Collects visible text and the <title>, <link rel=canonical> and article:published_time."""

    BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "li", "tr", "section", "article"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.meta: dict[str, str] = {}
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in ("script", "style", "nav", "footer"):
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            key = values.get("property") or values.get("name") or ""
            self.meta[key.lower()] = values.get("content", "")
        elif tag == "link" and values.get("rel") == "canonical":
            self.meta["canonical"] = values.get("href", "")
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "nav", "footer") and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


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


def _first_sentence(body: str) -> str:
    first_line = next((ln.strip() for ln in body.splitlines() if ln.strip()), "")
    if len(first_line) <= 120 and not first_line.endswith("."):
        return first_line  # a headline line
    sentence = re.split(r"(?<=[.!?])\s", first_line, maxsplit=1)[0]
    sentence = _SOURCE_REPORTS.sub(".", sentence)
    return sentence if len(sentence) <= 160 else sentence[:157].rsplit(" ", 1)[0] + "…"


def parse_article(path: Path, text: str, name: str | None = None) -> Article:
    """Build an Article from decoded file text: metadata lines, leading date, title, source.

    `name` is the file_name to store (the path inside the source folder); the file's own name by default.
    """
    meta: dict[str, str] = {}
    body = text
    if path.suffix.lower() in (".html", ".htm"):
        parser = _TextExtractor()
        parser.feed(text)
        body = "".join(parser.parts)
        meta["title"] = parser.title.strip()
        meta["url"] = parser.meta.get("canonical") or parser.meta.get("og:url", "")
        meta["published"] = parser.meta.get("article:published_time", "")
        meta["source"] = parser.meta.get("og:site_name", "")
    else:
        # `key: value` header lines (front matter in .md, or plain lines at the top of a .txt)
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
        meta.setdefault("title", under[1].strip())
        body = under[1] + "\n" + body[under.end() :]
    check_published(path, published)
    if not body.strip():
        raise ArticleError(str(path), "the file has no article text", "Add the article text or remove the file")
    reports = _SOURCE_REPORTS.search(body[:600])
    source = meta.get("source") or (reports[1] if reports else None)
    url = meta.get("url") or (m[0] if (m := _URL.search(text[:2000])) else None)
    content_hash = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return Article(
        article_id=content_hash[:16],
        file_name=name or path.name,
        title=(meta.get("title") or _first_sentence(body)).strip(),
        published=published,
        source=source or None,
        url=url or None,
        body=body,
        content_hash=content_hash,
    )


def read_article(path: Path, source: Path | None = None) -> Article:
    """Read and parse one article file (under `source`); raise ArticleError saying what is wrong and what to do."""
    root = source or path.parent
    regular_file(path, root)
    try:
        check_size(path, path.stat().st_size)  # before reading: a huge file costs nothing to refuse
        raw = path.read_bytes()
    except OSError as err:
        raise ArticleError(str(path), f"cannot be read ({err.strerror})", "Check the file's permissions") from err
    if not raw.strip():
        raise ArticleError(str(path), "the file is empty", "Add the article text or remove the file")
    return parse_article(path, clean_text(path, decode(path, raw)), file_name(path, root))
