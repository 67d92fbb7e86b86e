"""Extraction over worker processes (`python -m etl build --workers N`): each loads the spaCy model once.

The articles missing from the cache go out in chunks; a worker parses and extracts a chunk with the same
`extract_all` as one process and sends back cache rows (a few kB an article), not parsed Docs (spaCy's
`n_process` pickles every Doc back to the parent, which then extracts alone on one core). Rows come back in
order, so the first failing chunk names the same article one process would. The same `extract_chunk` runs on
Dask workers (etl/cluster.py).
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from collections.abc import Iterator
from multiprocessing.pool import IMapIterator
from typing import TYPE_CHECKING

from spacy.language import Language

from etl.cache import Batch, ExtractRows, batch_of, model_id
from etl.errors import WorkersError
from etl.nlp import load_nlp
from etl.records import Article

if TYPE_CHECKING:
    from etl.pipeline import Progress

CHUNK = 8  # articles per task: small enough to share the work evenly, large enough for nlp.pipe's batches
POLL_SECONDS = 1.0  # how often the parent looks for a worker that died without a word

_nlp: Language | None = None  # this process's pipeline, loaded on first use (or the parent's, inherited on fork)
_lock = threading.Lock()  # a Dask worker may run tasks in threads: load the model once all the same


def worker_pipeline() -> Language:
    """The pipeline of this process, loaded on the first call (so once per worker process)."""
    global _nlp
    from etl.pipeline import prepare  # here, not at the top: etl.pipeline imports this module

    with _lock:
        if _nlp is None:
            _nlp = prepare(load_nlp())
        return _nlp


def extract_chunk(articles: list[Article]) -> Batch:
    """Runs in a worker: the chunk's cache rows (an article whose extraction raises is named in an ArticleError)."""
    from etl.pipeline import extract_all

    nlp = worker_pipeline()
    return batch_of(articles, extract_all(articles, nlp), model_id(nlp))


def chunks(articles: list[Article], size: int) -> list[list[Article]]:
    """`articles` in consecutive runs of at most `size`."""
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def _ignore_interrupt() -> None:
    # Ctrl+C reaches every process of the terminal's group: the parent alone stops the build, then the workers
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _context() -> multiprocessing.context.BaseContext:
    """Fork when this process runs no other thread (workers start at once, sharing the loaded model); else
    forkserver, as forking a threaded process (a Streamlit server) can copy a lock some thread held."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["etl.pipeline"])  # the server imports spaCy once, not every worker
        return context
    return multiprocessing.get_context("spawn")


def pool_runner(workers: int, nlp: Language | None, progress: Progress | None, size: int | None = None) -> ExtractRows:
    """Extract over `workers` processes; `nlp` (when given and the workers fork) is shared rather than loaded."""

    def run(todo: list[Article]) -> Iterator[Batch]:
        global _nlp
        parts = chunks(todo, size or CHUNK)
        context = _context()
        before = _children()
        _nlp, inherited = (nlp if context.get_start_method() == "fork" else None), _nlp
        try:
            pool = context.Pool(min(workers, len(parts)), initializer=_ignore_interrupt)
        finally:
            _nlp = inherited  # the workers have forked: this process keeps what it had
        started = _children() - before
        with pool:  # leaving it, however (an error, Ctrl+C), terminates the workers and waits for them
            done = 0
            results = pool.imap(extract_chunk, parts)
            for part in parts:
                batch = _next(results, started)
                for article in part:
                    done += 1
                    if progress:
                        progress(done, len(todo), article.file_name)
                yield batch

    return run


def _next(results: IMapIterator[Batch], workers: set[int]) -> Batch:
    """The next chunk's rows; a worker killed mid-task (out of memory) stops the build instead of a silent hang
    (the pool would start a new worker and wait for the lost task forever)."""
    while True:
        try:
            return results.next(timeout=POLL_SECONDS)
        except multiprocessing.TimeoutError:
            alive = _children()
            if not workers <= alive:
                raise WorkersError(
                    "a worker process stopped while extracting (killed, perhaps for lack of memory). "
                    "Run again with fewer --workers, or without --workers"
                ) from None


def _children() -> set[int]:
    """The process ids of this process's living children."""
    return {p.pid for p in multiprocessing.active_children() if p.pid is not None}
