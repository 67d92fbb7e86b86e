"""Incremental builds: each article's reading and extraction kept as Parquet beside the database.

`data/.cache/read/<version>/` holds read articles keyed by file name + bytes, `data/.cache/extract/<version>/`
extractions keyed by the article's content hash + publication date. Each version folder is named after a hash
of the code (and model) that made its rows, so a change to the extraction rules, its word lists or the spaCy
model starts a new folder and nothing stale is ever read. A build parses only the articles missing from the
cache; resolution, curation and loading always run over all of them.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import uuid
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from spacy.language import Language

from etl import cache_codec as codec
from etl.errors import WorkersError
from etl.records import Article, Extraction

ETL_DIR = Path(__file__).resolve().parent
CACHE_DIR = ".cache"
MAX_BATCHES = 8  # more batch files than this are merged into one (reading many small files costs more)
log = logging.getLogger(__name__)

FLUSH_ROWS = 512  # extracted rows are written to the cache in files of about this many (a stopped build keeps them)


@dataclass(frozen=True)
class Batch:
    """Extractions as cache rows, with the extractor version (code and model) of the process that made them."""

    version: str
    rows: list[dict[str, Any]]


# Extracts the articles missing from the cache, yielding their rows as they are done (in this process, over
# worker processes or on a cluster: see etl/parallel.py).
ExtractRows = Callable[[list[Article]], Iterator[Batch]]


def cache_dir(db_path: Path) -> Path:
    """The cache folder that belongs to a database: `.cache` beside it."""
    return db_path.parent / CACHE_DIR


def _digest(parts: Iterable[bytes]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()


def _sources(*patterns: str) -> list[bytes]:
    files = sorted({p for pattern in patterns for p in ETL_DIR.glob(pattern)})
    return [p.relative_to(ETL_DIR).as_posix().encode() + b"\0" + p.read_bytes() for p in files]


def _versions(*packages: str) -> list[bytes]:
    out = []
    for package in packages:
        try:
            out.append(f"{package}=={version(package)}".encode())
        except PackageNotFoundError:
            out.append(f"{package} missing".encode())
    return out


@cache
def reader_version() -> str:
    """A hash of the reading code and the format libraries' versions."""
    code = _sources("reader.py", "formats/*.py", "records.py", "cache_codec.py")
    return _digest([*code, *_versions("trafilatura", "pypdf", "python-docx", "lxml", "pyarrow")])


@cache
def extractor_version(model: str) -> str:
    """A hash of the extraction code, its word lists and the spaCy model (`lang_name-version`)."""
    code = _sources("extraction/*.py", "extraction/*.yaml", "records.py", "cache_codec.py")
    return _digest([*code, model.encode(), *_versions("spacy")])


def model_id(nlp: Language) -> str:
    """A loaded pipeline's name and version, as its meta states them."""
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def installed_model_id(names: Iterable[str]) -> str | None:
    """The name and version of the model `load_nlp` would load, read from its meta.json without loading it."""
    import spacy.util

    for name in names:
        path = spacy.util.get_package_path(name) if spacy.util.is_package(name) else Path(name)
        if (path / "meta.json").is_file():
            meta = spacy.util.get_model_meta(path)
            return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"
    return None


class BatchStore:
    """Rows keyed by `key`, kept as Parquet batch files in one version folder; unreadable files are dropped."""

    def __init__(self, root: Path, version: str, schema: pa.Schema) -> None:
        self.root = root
        self.version = version
        self.folder = root / version[:20]
        self.schema = schema

    def _files(self) -> list[Path]:
        return sorted(self.folder.glob("*.parquet")) if self.folder.is_dir() else []

    def load(self, keys: set[str]) -> dict[str, dict[str, Any]]:
        """The stored rows for `keys` (those not stored are missing from the answer)."""
        if not keys:
            return {}
        tables = []
        for path in self._files():
            try:
                table = pq.read_table(path, schema=self.schema)
            except FileNotFoundError:
                continue  # merged away by another build meanwhile
            except (pa.ArrowException, OSError) as err:
                log.warning("dropping unreadable cache file %s (%s)", path, err)
                path.unlink(missing_ok=True)
                continue
            tables.append(table.filter(pc.is_in(table["key"], value_set=pa.array(sorted(keys), pa.string()))))
        rows: dict[str, dict[str, Any]] = {}
        for table in tables:
            for row in table.to_pylist():
                rows[row["key"]] = row
        return rows

    def add(self, rows: list[dict[str, Any]]) -> None:
        """Write `rows` as a new batch file (atomically: a reader never sees half a file)."""
        if not rows:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        name = uuid.uuid4().hex
        tmp = self.folder / f".{name}.tmp"
        pq.write_table(pa.Table.from_pylist(rows, schema=self.schema), tmp)
        os.replace(tmp, self.folder / f"{name}.parquet")

    def tidy(self, live: set[str]) -> None:
        """Merge the batch files into one holding only `live` keys when there are many or some hold dead rows;
        remove the folders other code versions wrote."""
        for other in self.root.glob("*"):
            if other.is_dir() and other != self.folder:
                shutil.rmtree(other, ignore_errors=True)
        files = self._files()
        if not files:
            return
        keys = pa.concat_arrays([pq.read_table(f, columns=["key"])["key"].combine_chunks() for f in files])
        if len(files) <= MAX_BATCHES and len(keys) == len(live) and set(keys.to_pylist()) == live:
            return
        rows = self.load(live)
        for path in files:
            path.unlink(missing_ok=True)
        self.add(list(rows.values()))


class Cache:
    """The build's cache: read articles and extractions, each in its own store under one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _read_store(self) -> BatchStore:
        return BatchStore(self.folder / "read", reader_version(), codec.ARTICLE_SCHEMA)

    def _extract_store(self, model: str) -> BatchStore:
        return BatchStore(self.folder / "extract", extractor_version(model), codec.EXTRACTION_SCHEMA)

    def read(
        self, files: list[tuple[Path, bytes]], parse: Callable[[Path, bytes, str], Article], names: list[str]
    ) -> list[Article]:
        """Each file's Article: from the cache when the same name (its path in the source) and bytes were read
        before, else parsed."""
        store = self._read_store()
        keys = [_digest([name.encode(), raw]) for (_, raw), name in zip(files, names, strict=True)]
        found = store.load(set(keys))
        articles, new = [], []
        for (path, raw), name, key in zip(files, names, keys, strict=True):
            if key in found:
                articles.append(codec.article_from_row(found[key]))
            else:
                article = parse(path, raw, name)
                articles.append(article)
                new.append(codec.article_row(key, article))
        store.add(new)
        store.tidy(set(keys))
        return articles

    def cached(self, files: list[tuple[Path, bytes]], names: list[str]) -> list[Article | None]:
        """Each file's Article when the cache holds it (None otherwise); nothing is parsed or written."""
        keys = [_digest([name.encode(), raw]) for (_, raw), name in zip(files, names, strict=True)]
        found = self._read_store().load(set(keys))
        return [codec.article_from_row(found[key]) if key in found else None for key in keys]

    def extract(self, articles: list[Article], model: str, run: ExtractRows) -> list[Extraction]:
        """Each article's Extraction, read back from its cache row; `run` extracts those the cache lacks."""
        store = self._extract_store(model)
        keys = [extraction_key(a) for a in articles]
        found = store.load(set(keys))
        todo = [a for a, key in zip(articles, keys, strict=True) if key not in found]
        if todo:
            _fill(store, found, run(todo))
        store.tidy(set(keys))
        return [codec.extraction_from_row(article, found[key]) for article, key in zip(articles, keys, strict=True)]


def _fill(store: BatchStore, found: dict[str, dict[str, Any]], batches: Iterator[Batch]) -> None:
    """Add the batches' rows to `found` and to the store as they come; what came is kept even if the run fails."""
    pending: list[dict[str, Any]] = []
    try:
        for batch in batches:
            if batch.version != store.version:  # the rows would be filed under code or a model that did not make them
                raise WorkersError(
                    f"the workers extract with other code or another spaCy model than this machine (their version "
                    f"{batch.version[:12]}, here {store.version[:12]}). Install the same requirements.txt and "
                    "the same checkout of this project on every worker"
                )
            pending += batch.rows
            found.update((row["key"], row) for row in batch.rows)
            if len(pending) >= FLUSH_ROWS:
                store.add(pending)
                pending = []
    finally:
        if isinstance(batches, Generator):
            batches.close()  # a runner stops its workers now, not when the generator is collected
        store.add(pending)


def batch_of(articles: list[Article], extractions: list[Extraction], model: str) -> Batch:
    """The cache rows of `articles`' extractions, made with the pipeline `model`."""
    rows = [codec.extraction_row(extraction_key(a), ex) for a, ex in zip(articles, extractions, strict=True)]
    return Batch(extractor_version(model), rows)


def extraction_key(article: Article) -> str:
    """What an extraction depends on besides the code: the text and the publication date (relative dates)."""
    return _digest([article.content_hash.encode(), str(article.published).encode()])
