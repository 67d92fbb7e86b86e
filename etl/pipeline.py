"""The ETL's step order, written once: read -> parse -> extract -> resolve -> suggest -> curate -> load."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from spacy.language import Language

from etl.cache import Batch, Cache, ExtractRows, batch_of, cache_dir, installed_model_id, model_id
from etl.curation import CurationReport, apply_curation
from etl.curation_checks import check_against_articles
from etl.curation_file import Entry, read_curation
from etl.errors import ArticleError
from etl.extraction.spans import line_break_sentences  # noqa: F401  (registers the component)
from etl.load import build_tables, check_target, remove_stale_builds, write_database
from etl.lock import build_lock
from etl.nlp import load_nlp
from etl.parallel import dask_runner, pool_runner
from etl.pieces import extract_articles
from etl.reader import article_files, file_name, parse_document, read_raw
from etl.records import Article, Extraction
from etl.resolve import Resolved, fold, resolve
from etl.settings import curation_path, disabled_rules, model_names
from etl.suggest import merge_suggestions, with_status

Progress = Callable[[int, int, str], None]


@dataclass
class BuildResult:
    """What a build produced, for the command line's summary."""

    articles: int
    events: int
    people: int
    organizations: int
    figures: int
    curation: CurationReport


def prepare(nlp: Language) -> Language:
    """Add the project's components to a loaded pipeline (idempotent)."""
    if "line_break_sentences" not in nlp.pipe_names:
        nlp.add_pipe("line_break_sentences", before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


def read_all(source: Path, cache: Cache | None = None) -> list[Article]:
    """Read every article under `source` (unchanged files from the cache); the first bad file stops the build."""
    files = article_files(source)
    raws = [(path, read_raw(path, source)) for path in files]
    names = [file_name(path, source) for path in files]
    if cache is None:
        articles = [parse_document(path, raw, name) for (path, raw), name in zip(raws, names, strict=True)]
    else:
        articles = cache.read(raws, parse_document, names)
    unique: dict[str, Article] = {}
    for article in articles:
        unique.setdefault(article.article_id, article)  # the same text twice is one article
    return list(unique.values())


def extract_all(articles: list[Article], nlp: Language, progress: Progress | None = None) -> list[Extraction]:
    """Parse the articles in one batch (long ones in pieces) and extract each one."""
    out: list[Extraction] = []
    stream = extract_articles(articles, nlp)
    for i, article in enumerate(articles, start=1):
        try:
            out.append(next(stream))
        except Exception as err:  # a rule tripped on some text: name the file rather than show a traceback
            culprit, first = _culprit(articles[i - 1 :], nlp) or (article, err)
            problem = str(first).strip().splitlines()[0] if str(first).strip() else ""
            raise ArticleError(
                culprit.file_name,
                f"the extraction failed on this article ({type(first).__name__}: {problem[:200]})",
                "Report it with the file; move the file out of the source folder to build without it",
            ) from first
        if progress:
            progress(i, len(articles), article.file_name)
    return out


def extractor(
    nlp: Language | None, progress: Progress | None, workers: int = 1, dask: str | None = None
) -> ExtractRows:
    """How the articles missing from the cache are extracted: on a Dask cluster, over worker processes, or here."""
    if dask:
        return dask_runner(dask, progress)
    if workers > 1:
        return pool_runner(workers, nlp, progress)

    def here(todo: list[Article]) -> Iterator[Batch]:
        pipe = prepare(nlp or load_nlp())
        yield batch_of(todo, extract_all(todo, pipe, progress), model_id(pipe))

    return here


def _culprit(articles: list[Article], nlp: Language) -> tuple[Article, Exception] | None:
    """The first article that fails on its own (the model parses in batches, so an error names no article)."""
    for article in articles:
        try:
            next(extract_articles([article], nlp))
        except Exception as err:
            return article, err
    return None


def build(
    source: Path,
    db_path: Path,
    nlp: Language | None = None,
    progress: Progress | None = None,
    curation: Path | None = None,
    cache: Path | None = None,
    workers: int = 1,
    dask: str | None = None,
) -> BuildResult:
    """Run the whole ETL from article files (and the curation file) to a DuckDB file.

    Only articles new since the last build (or changed) are parsed; the rest come from the cache beside the
    database (`cache`, default `.cache` next to `db_path`), over `workers` processes or on the Dask cluster at
    `dask` when asked. Resolution, curation and loading run over all, here.
    Every problem a user can cause or fix raises an EtlError subclass with a one-line message (naming the
    file and line) before the database is touched; a caller shows `str(err)`.
    """
    with build_lock(db_path):  # a second build of the same database waits for this one
        return _build(source, db_path, nlp, progress, curation, cache, workers, dask)


def _build(
    source: Path,
    db_path: Path,
    nlp: Language | None,
    progress: Progress | None,
    curation: Path | None,
    cache: Path | None,
    workers: int,
    dask: str | None,
) -> BuildResult:
    curation = curation or curation_path()
    entries = read_curation(curation)  # a broken entry stops the build before any work
    check_target(db_path)  # a folder, a non-DuckDB file or a read-only place: found before extraction
    remove_stale_builds(db_path)  # what killed builds left behind
    store = Cache(cache or cache_dir(db_path))
    articles = read_all(source, store)
    check_against_articles(entries, articles, curation)
    model = model_id(nlp) if nlp is not None else installed_model_id(model_names()) or model_id(load_nlp())
    extractions = store.extract(articles, model, extractor(nlp, progress, workers, dask))
    resolved: Resolved = resolve(extractions)
    tables = without_rules(build_tables(extractions, resolved), disabled_rules())
    suggestions = merge_suggestions(tables)
    tables, report = apply_curation(tables, entries, curation)
    tables["merge_suggestions"] = with_status(suggestions, decisions(entries))
    tables["curation_log"] = report.frame()
    write_database(db_path, tables)
    return BuildResult(
        articles=len(articles),
        events=len(tables["events"]),
        people=len(tables["people"]),
        organizations=len(tables["organizations"]),
        figures=len(tables["figures"]),
        curation=report,
    )


def without_rules(tables: dict[str, pd.DataFrame], disabled: frozenset[str]) -> dict[str, pd.DataFrame]:
    """Drop the events, participations and affiliations found by rules the analyst switched off."""
    if not disabled:
        return tables
    events = tables["events"]
    gone = set(events.loc[events["rule"].isin(disabled), "event_id"])
    tables["events"] = events[~events["event_id"].isin(gone)].reset_index(drop=True)
    tables["events"].loc[tables["events"]["parent_id"].isin(gone), "parent_id"] = None
    tables["event_articles"] = tables["event_articles"][~tables["event_articles"]["event_id"].isin(gone)]
    parts = tables["participations"]
    tables["participations"] = parts[~parts["event_id"].isin(gone) & ~parts["rule"].isin(disabled)]
    tables["affiliations"] = tables["affiliations"][~tables["affiliations"]["rule"].isin(disabled)]
    tables["figures"].loc[tables["figures"]["event_id"].isin(gone), "event_id"] = None
    return {name: frame.reset_index(drop=True) for name, frame in tables.items()}


def decisions(entries: list[Entry]) -> dict[frozenset[str], str]:
    """Name pairs the curation file accepted (merge) or rejected (separate)."""
    out: dict[frozenset[str], str] = {}
    for entry in entries:
        if entry.action in ("merge", "separate"):
            names = [fold(str(n)) for n in entry.fields["names"]]
            status = "accepted" if entry.action == "merge" else "rejected"
            for i, a in enumerate(names):
                for b in names[i + 1 :]:
                    out[frozenset({a, b})] = status
    return out


def terminal_progress(done: int, total: int, name: str) -> None:
    """A one-line progress bar on a terminal; silent otherwise."""
    if not sys.stderr.isatty():
        return
    width = 30
    filled = int(width * done / total)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()
