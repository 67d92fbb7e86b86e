"""Extraction on a Dask distributed cluster (`python -m etl build --dask tcp://HOST:8786`).

The client (this machine) sends chunks of the articles the cache lacks to the scheduler; each Dask worker runs
`etl.parallel.extract_chunk`, which loads the spaCy model once per worker process and returns cache rows. The
client writes the rows into its own Parquet cache, from which the load step reads them as usual. Workers need
the same requirements.txt and the same checkout of this project on their PYTHONPATH: a worker running other
code or another model is refused (its rows carry the extractor version), never mixed in.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from etl.cache import Batch, ExtractRows
from etl.errors import WorkersError
from etl.parallel import CHUNK, chunks, extract_chunk
from etl.records import Article

if TYPE_CHECKING:
    from etl.pipeline import Progress

CONNECT_SECONDS = 10.0  # to reach the scheduler, and for a first worker to join it
AHEAD = 2  # chunks in flight per worker thread: the workers never wait, the scheduler never holds the corpus
START_WORKERS = "start one with `dask scheduler` and workers with `dask worker {address}`"


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
