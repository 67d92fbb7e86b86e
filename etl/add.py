"""Bring new articles into the source folder: safe names, the build's own checks, duplicates reported, not added.

Used by `python -m etl add FILE...` and by the dashboard's Add articles page; both rebuild afterwards.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from etl.cache import Cache, cache_dir
from etl.errors import ArticleError, SourceError
from etl.limits import check_size
from etl.reader import ARTICLE_SUFFIXES, FORMATS, article_files, file_name, parse_document, read_raw
from etl.records import Article

MAX_NAME = 80  # characters of a stored file name before its suffix


@dataclass(frozen=True)
class Incoming:
    """One file a user brings: the name they gave it (never trusted as a path) and its bytes."""

    name: str
    data: bytes


@dataclass
class AddReport:
    """What happened to each incoming file."""

    added: list[str] = field(default_factory=list)  # stored file names
    duplicates: list[str] = field(default_factory=list)  # one line each: which file it repeats
    errors: list[str] = field(default_factory=list)  # the build's one-line error for each bad file


def safe_name(name: str) -> str:
    """A plain file name from a user's: the last path part only, letters, digits, '-', '_' and one suffix."""
    base = re.split(r"[\\/]", name.strip())[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-_.")[:MAX_NAME] or "article"
    return f"{stem}.{suffix.lower()}" if suffix else stem


def pasted(headline: str, text: str, published: date | None = None, outlet: str = "", url: str = "") -> Incoming:
    """A pasted article as a .txt file whose header lines carry its headline, date, outlet and address."""
    header = [f"title: {' '.join(headline.split())}"]
    header += [f"date: {published.isoformat()}"] if published else []
    header += [f"source: {' '.join(outlet.split())}"] if outlet.strip() else []
    header += [f"url: {url.strip()}"] if url.strip() else []
    body = text.strip().replace("\r\n", "\n")
    return Incoming(safe_name(headline.lower()[:60]) + ".txt", ("\n".join(header) + "\n\n" + body + "\n").encode())


def _existing(source: Path, db_path: Path) -> dict[str, str]:
    """article_id -> file name of the articles already in the folder (bad files are the build's business)."""
    try:
        paths = article_files(source)
    except SourceError:
        paths = []  # a new or empty folder: nothing to repeat
    files, names = [], []
    for path in paths:
        try:
            files.append((path, read_raw(path, source)))
            names.append(file_name(path, source))
        except ArticleError:
            continue
    known: dict[str, str] = {}
    for (path, raw), name, article in zip(files, names, Cache(cache_dir(db_path)).cached(files, names), strict=True):
        try:
            article = article or parse_document(path, raw, name)  # built before: from the cache, else read now
        except ArticleError:
            continue
        known.setdefault(article.article_id, path.name)
    return known


def _check(name: str, data: bytes) -> Article:
    """The article in an incoming file, or the build's ArticleError for it."""
    path = Path(name)
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise ArticleError(name, "not an article file", f"Bring {FORMATS} files")
    check_size(path, len(data))  # before any parsing: a 20 MB PDF is refused unopened
    return parse_document(path, data)


def _free_name(source: Path, name: str) -> str:
    stem, suffix = name.rsplit(".", 1)
    candidate, n = name, 1
    while (source / candidate).exists():
        n += 1
        candidate = f"{stem}-{n}.{suffix}"
    return candidate


def add_articles(items: list[Incoming], source: Path, db_path: Path) -> AddReport:
    """Store each good, new file in `source` under a safe name; report duplicates and bad files, one line each."""
    report = AddReport()
    known = _existing(source, db_path)
    source.mkdir(parents=True, exist_ok=True)
    for item in items:
        name = safe_name(item.name)
        try:
            article = _check(name, item.data)
        except ArticleError as err:
            report.errors.append(str(err))
            continue
        if article.article_id in known:
            report.duplicates.append(f"{name}: the same article is already there as {known[article.article_id]}")
            continue
        stored = _free_name(source, name)
        tmp = source / f".{hashlib.sha256(item.data).hexdigest()[:12]}.part"
        tmp.write_bytes(item.data)
        os.replace(tmp, source / stored)  # never a half-written article file in the folder
        known[article.article_id] = stored
        report.added.append(stored)
    return report
