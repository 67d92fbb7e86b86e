"""Extraction over worker processes (`--workers N`) or on a Dask distributed cluster (`--dask ADDRESS`).

The articles missing from the cache go out in chunks; a worker (a local process or a Dask worker process)
loads the spaCy model once, parses and extracts a chunk with the same `extract_all` as one process and sends
back cache rows (a few kB an article), not parsed Docs (spaCy's `n_process` pickles every Doc back to the
parent, which then extracts alone on one core). The local pool returns chunks in order, so the first failing
chunk names the same article one process would. On a cluster this machine (the client) writes the rows into
its own Parquet cache, from which the load step reads them as usual; the workers need the same
requirements.txt and checkout on their PYTHONPATH, and rows from other code or another model are refused (each
carries its extractor version), never mixed in.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from collections.abc import Iterator
from multiprocessing.pool import IMapIterator
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from etl.cache import Batch, ExtractRows, batch_of, model_id
from etl.errors import ModelError, WorkersError
from etl.nlp import load_nlp
from etl.records import Article

if TYPE_CHECKING:
    from etl.pipeline import Progress

CHUNK = 8  # articles per task: small enough to share the work evenly, large enough for nlp.pipe's batches
POLL_SECONDS = 1.0  # how often the parent looks for a worker that died without a word
CONNECT_SECONDS = 10.0  # to reach the scheduler, and for a first worker to join it
AHEAD = 2  # chunks in flight per worker thread: the workers never wait, the scheduler never holds the corpus
START_WORKERS = "start one with `dask scheduler` and workers with `dask worker {address}`"

_nlp: Language | None = None  # this process's pipeline, loaded on first use (or the parent's, inherited on fork)
_lock = threading.Lock()  # a Dask worker may run tasks in threads: load the model once all the same
_using = threading.Lock()  # ... and use it from one thread at a time (spaCy promises no thread safety; the GIL
# would let threads gain nothing anyway)


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
    with _using:
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


# ------------------------------------------------------------------------------------------- a Dask cluster


def dask_runner(address: str, progress: Progress | None, size: int | None = None) -> ExtractRows:
    """Extract on the Dask cluster whose scheduler listens at `address`."""

    def run(todo: list[Article]) -> Iterator[Batch]:
        distributed = _distributed()
        client = _connect(distributed, address)
        futures: dict[Any, list[Article]] = {}
        try:
            parts = iter(chunks(todo, size or CHUNK))
            running = distributed.as_completed(loop=client.loop)
            for part in _take(parts, AHEAD * max(1, sum(client.nthreads().values()))):
                futures[_submit(client, running, part)] = part
            done = 0
            for future in running:
                batch = _result(future, address, distributed)
                for article in futures.pop(future):
                    done += 1
                    if progress:
                        progress(done, len(todo), article.file_name)
                yield batch
                for part in _take(parts, 1):
                    futures[_submit(client, running, part)] = part
        finally:
            client.cancel(list(futures))  # Ctrl+C or an error: the cluster stops working for this build
            client.close()

    return run


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise WorkersError(
            "--dask needs the dask and distributed packages, which are not installed here. "
            "Run `pip install -r requirements.txt` (it pins both)"
        ) from None
    return distributed


def _connect(distributed: Any, address: str) -> Any:
    """A client of the scheduler at `address`, with at least one worker joined."""
    try:
        client = distributed.Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, ValueError, TypeError) as err:
        problem = (str(err).strip().splitlines() or [type(err).__name__])[0][:160]
        raise WorkersError(
            f"cannot reach the Dask scheduler at {address} ({problem}). Check the address and that the "
            f"scheduler runs and its port is open there, or {START_WORKERS.format(address=address)}"
        ) from None
    try:
        client.wait_for_workers(1, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError):
        client.close()
        raise WorkersError(
            f"the Dask scheduler at {address} has no workers. Start them with `dask worker {address}` on "
            "machines that have this project's checkout and requirements.txt installed"
        ) from None
    return client


def _take(parts: Iterator[list[Article]], n: int) -> list[list[Article]]:
    return [part for _, part in zip(range(n), parts, strict=False)]


def _submit(client: Any, running: Any, part: list[Article]) -> Any:
    future = client.submit(extract_chunk, part, pure=False)  # pure=False: no hashing of the texts for a key
    running.add(future)
    return future


def _result(future: Any, address: str, distributed: Any) -> Batch:
    """A finished chunk's rows; an ArticleError from the worker is raised as it came."""
    try:
        batch: Batch = future.result()
    except distributed.KilledWorker as err:
        raise WorkersError(
            f"Dask workers died while extracting ({str(err)[:160]}). Check the workers' logs and memory "
            "(`dask worker --memory-limit`), then run again"
        ) from None
    except ModelError as err:
        raise WorkersError(f"the Dask workers cannot load the spaCy model: {err}") from None
    except ImportError as err:
        raise WorkersError(
            f"the Dask workers cannot import this project ({err}). Put the same checkout on every worker's "
            "PYTHONPATH and install the same requirements.txt there"
        ) from None
    except OSError as err:  # distributed's CommClosedError is one
        raise WorkersError(
            f"lost the connection to the Dask scheduler at {address} ({str(err)[:160]}). Check the cluster, "
            "then run again: the articles extracted so far are kept in the cache"
        ) from None
    return batch
