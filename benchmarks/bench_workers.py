"""The build over worker processes and a local Dask cluster, against spaCy alone on the same texts, in one run.

    PYTHONPATH=. python benchmarks/bench_workers.py [--size 200 | --source DIR] [--repeat 3] [--dask]

Times, over the same articles: `nlp.pipe` with 1 and 2 processes (parsing alone), then whole builds
(`pipeline.build`: read, extract, resolve, load into DuckDB) from an empty cache with --workers 1 and 2, and
with --dask on a local cluster (`dask scheduler` and `dask worker --nworkers 2 --nthreads 1`, started here).
Each build's extraction step is timed too. The model is loaded before any timing (forked processes share the
loaded model; the Dask workers load it before the first round), so every figure is work on the texts. The
rounds are interleaved and each figure is the best round's; the ratios to the two `nlp.pipe` figures are
the ones to compare on a shared machine, and "cores used" shows how much CPU the machine gave.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from spacy.language import Language

from etl import parallel
from etl.cache import Cache
from etl.nlp import load_nlp
from etl.pipeline import build, prepare, read_all

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def timed_extraction(spent: list[float]) -> Iterator[None]:
    """Record the seconds each `Cache.extract` call takes (the build's extraction step)."""
    real = Cache.extract

    def wrapper(self: Cache, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return real(self, *args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    Cache.extract = wrapper  # type: ignore[method-assign]
    try:
        yield
    finally:
        Cache.extract = real  # type: ignore[method-assign]


def seconds(run: Callable[[], object]) -> tuple[float, float]:
    """Wall seconds of one call, and the CPU seconds this process and its finished child processes spent."""
    start, before = time.perf_counter(), os.times()
    run()
    after = os.times()
    cpu = sum(after[:4]) - sum(before[:4])  # user and system, own and children's
    return time.perf_counter() - start, cpu


def make_source(size: int, work: Path) -> Path:
    """A generated corpus of `size` articles (benchmarks/make_corpus.py, seed 7)."""
    from benchmarks.make_corpus import write_corpus

    write_corpus(size, work / "articles", seed=7)
    return work / "articles"


def main() -> None:
    """Run every measurement `--repeat` times, interleaved, and print the best of each."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=200, help="articles to generate (ignored with --source)")
    parser.add_argument("--source", type=Path, default=None, help="a folder of articles instead")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; each figure is the best round's")
    parser.add_argument("--dask", action="store_true", help="also build on a local Dask cluster of 2 workers")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-workers-"))
    try:
        source = args.source or make_source(args.size, work)
        nlp = prepare(load_nlp())
        texts = [a.body for a in read_all(source)]
        list(nlp.pipe(texts[:8]))  # warm-up
        ways: list[tuple[str, dict[str, Any]]] = [("--workers 1", {"workers": 1}), ("--workers 2", {"workers": 2})]
        with local_cluster(work) if args.dask else nullcontext() as address:
            if address:
                ways.append(("--dask, 2 local workers", {"dask": address}))
                # A Dask client leaves a thread behind (Dask-Offload), which would make the pool start its
                # workers from a fork server, loading the model in each; `python -m etl build` never has
                # both, so the pool forks here as it does there.
                parallel._context = lambda: multiprocessing.get_context("fork")
            best: dict[str, tuple[float, float | None]] = {}
            for round_ in range(args.repeat):  # interleaved: a busy spell on a shared machine hits one round
                rows = [
                    ("nlp.pipe, 1 process", *seconds(lambda: list(nlp.pipe(texts, batch_size=16)))),
                    ("nlp.pipe, 2 processes", *seconds(lambda: list(nlp.pipe(texts, batch_size=16, n_process=2)))),
                ]
                for label, how in ways:
                    rows += build_row(source, work / f"round{round_}" / label.replace(" ", ""), label, how, nlp)
                for label, secs, cpu in rows:
                    if label not in best or secs < best[label][0]:
                        best[label] = (secs, cpu)
        print_table(len(texts), sum(len(t) for t in texts), [(label, *best[label]) for label in best], args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)


@contextmanager
def local_cluster(work: Path) -> Iterator[str]:
    """A Dask scheduler and 2 single-thread worker processes, started as a user would (`dask scheduler`,
    `dask worker`) in processes of their own; yields the scheduler's address once the workers hold the model."""
    from distributed import Client

    info = work / "scheduler.json"
    common = ["--scheduler-file", str(info), "--no-dashboard"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    quiet = subprocess.DEVNULL
    scheduler = subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_scheduler", *common, "--host", "127.0.0.1"], stderr=quiet
    )
    workers = None
    try:
        while not info.exists():
            time.sleep(0.2)
        worker_args = ["--nworkers", "2", "--nthreads", "1"]
        workers = subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", *common, *worker_args],
            cwd=ROOT,
            env=env,
            stderr=quiet,
        )
        address = json.loads(info.read_text())["address"]
        with Client(address, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=120)
            client.run(parallel.worker_pipeline)  # each worker loads the model now, outside the timing
        yield address
    finally:
        for process in (workers, scheduler):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)


def build_row(
    source: Path, folder: Path, label: str, how: dict[str, Any], nlp: Language
) -> list[tuple[str, float, float | None]]:
    """One whole build from an empty cache, timed, and its extraction step."""
    spent: list[float] = []
    with timed_extraction(spent):
        total, cpu = seconds(lambda: build(source, folder / "culture.duckdb", nlp=nlp, curation=folder / "no", **how))
    # a Dask worker's CPU time is not counted as this process's children's: not shown
    return [(f"extraction step, {label}", sum(spent), None), (f"whole build, {label}", total, cpu)]


def print_table(articles: int, chars: int, rows: list[tuple[str, float, float | None]], repeat: int) -> None:
    """Seconds, seconds an article, the ratios to `nlp.pipe` with 1 and 2 processes, and the cores kept busy."""
    pipe1, pipe2 = rows[0][1], rows[1][1]
    load = os.getloadavg()[0]
    print(f"{articles} articles, {chars:,} characters, best of {repeat}; load {load:.1f} on {os.cpu_count()} cores")
    print(f"| {'what':<40} | seconds | s/article | / pipe 1 proc | / pipe 2 procs | cores used |")
    print(f"|{'-' * 42}|---------|-----------|---------------|----------------|------------|")
    for label, secs, cpu in rows:
        cores = f"{cpu / secs:10.2f}" if cpu is not None and "dask" not in label else f"{'-':>10}"
        print(
            f"| {label:<40} | {secs:7.1f} | {secs / articles:9.3f} | {secs / pipe1:13.2f} | {secs / pipe2:14.2f} "
            f"| {cores} |"
        )
    wall = {label: secs for label, secs, _ in rows}
    one = wall["whole build, --workers 1"]
    print(f"speed-up of --workers 2 over --workers 1 (whole build): {one / wall['whole build, --workers 2']:.2f}")
    dask = wall.get("whole build, --dask, 2 local workers")
    if dask:
        print(f"speed-up of --dask (2 local workers) over --workers 1 (whole build): {one / dask:.2f}")


if __name__ == "__main__":
    main()
