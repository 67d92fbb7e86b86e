"""How the build scales: time per article, time per step, memory, and adding one article, at several corpus sizes.

    PYTHONPATH=. python benchmarks/bench_scale.py [--sizes 100 1000] [--work DIR] [--seed 7] [--workers N]

For each size N a corpus is generated (`make_corpus.py`), built fresh with a cold cache in a subprocess (so its
peak RSS is its own), and `nlp.pipe` is timed alone on the same texts in another subprocess (one process, the
baseline the ETL is compared with). Then one new article is copied in and the build run again (warm cache:
only that article is parsed), timed both as a build call and as `python -m etl add FILE` from the shell.
Prints one markdown table per measure. Wall-clock figures are only comparable within one run; the ratios
(ETL / pipe) are the figures to compare across machines.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: the project's packages sit beside this folder
    sys.path.insert(0, str(ROOT))

from benchmarks.make_corpus import make_corpus, write_corpus  # noqa: E402

STEPS = ("read", "extract", "resolve", "suggest", "curate", "load", "fts")
NO_CURATION = "no-curation.yaml"  # a missing curation file is an empty curation: the corpus is measured alone


@dataclass
class SizeResult:
    """What one corpus size measured (seconds unless named otherwise)."""

    size: int
    articles: int
    etl: float
    steps: dict[str, float]
    pipe: float
    peak_rss_mb: float
    workers_rss_mb: float
    add_build: float
    add_steps: dict[str, float]
    add_cli: float
    people: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def per_article(self) -> float:
        """ETL seconds per article."""
        return self.etl / max(self.articles, 1)


# ------------------------------------------------------------------ in the child process


def _takes_workers() -> bool:
    """Whether this checkout's build runs extraction over worker processes (`build(..., workers=N)`)."""
    from etl.pipeline import build

    return "workers" in inspect.signature(build).parameters


def _timed_build(source: Path, db: Path, workers: int | None) -> dict[str, Any]:
    """Run one build with each step's functions wrapped in timers; return the times and the peak RSS."""
    import etl.load as load
    import etl.pipeline as pipeline
    from etl.cache import Cache

    spent: dict[str, float] = defaultdict(float)

    def wrap(owner: Any, name: str, step: str) -> None:
        if not hasattr(owner, name):
            return  # the pipeline changed shape: that step's time is left in "other"
        fn: Callable[..., Any] = getattr(owner, name)

        def run(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[step] += time.perf_counter() - t0

        setattr(owner, name, run)

    for name, step in [
        ("read_all", "read"),
        ("resolve", "resolve"),
        ("merge_suggestions", "suggest"),
        ("with_status", "suggest"),
        ("apply_curation", "curate"),
        ("build_tables", "load"),
        ("write_database", "load"),
    ]:
        wrap(pipeline, name, step)
    wrap(Cache, "extract", "extract")
    for name in ("carry_over", "create_article_index", "update_article_index"):  # called inside write_database:
        wrap(load, name, "fts")  # taken out of "load" below
    kwargs: dict[str, Any] = {"curation": db.parent / NO_CURATION}
    if workers is not None and _takes_workers():
        kwargs["workers"] = workers
    t0 = time.perf_counter()
    result = pipeline.build(source, db, **kwargs)
    wall = time.perf_counter() - t0
    spent["load"] -= spent.get("fts", 0.0)
    spent["other"] = wall - sum(spent.values())
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "wall": wall,
        "steps": dict(spent),
        "articles": result.articles,
        "people": result.people,
        "peak_rss_mb": own,
        "workers_rss_mb": children,
    }


def _timed_pipe(source: Path) -> dict[str, Any]:
    """`nlp.pipe` alone over the corpus's article bodies, one process, the batch size the build uses."""
    from etl.nlp import load_nlp
    from etl.pipeline import prepare, read_all

    nlp = prepare(load_nlp())
    texts = [a.body for a in read_all(source)]
    list(nlp.pipe(texts[:2]))  # warm-up: first-call costs are not parsing
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass  # each Doc is dropped at once, as the build does
    return {"wall": time.perf_counter() - t0, "texts": len(texts)}


# ------------------------------------------------------------------ in the parent process


def _child(*args: str) -> dict[str, Any]:
    """Run this script in a subprocess (one measure, its own memory); its last output line is JSON."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"benchmark step {args[0]} failed: {done.stderr.strip()[-800:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _cli_add(file: Path, source: Path, db: Path) -> float:
    """Wall seconds of `python -m etl add FILE` as a user runs it (interpreter start and model load included)."""
    env = {**os.environ, "CULTURE_CURATION": str(db.parent / NO_CURATION)}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "etl", "add", str(file), "--source", str(source), "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    wall = time.perf_counter() - t0
    if done.returncode != 0 or "added" not in done.stdout:
        raise RuntimeError(f"etl add failed: {(done.stderr or done.stdout).strip()[-800:]}")
    return wall


def _new_article(folder: Path, seed: int) -> Path:
    """One generated article that is not in the corpus (another seed), written outside the source folder."""
    name, text = next(make_corpus(1, seed=seed + 10_000))
    path = folder / f"added_{name}"
    path.write_text(text, encoding="utf-8")
    return path


def measure(size: int, work: Path, seed: int = 7, workers: int | None = None) -> SizeResult:
    """Generate a corpus of `size` articles under `work`, build it cold, time the baseline and adding one article."""
    here = work / f"n{size}"
    shutil.rmtree(here, ignore_errors=True)
    source, db = here / "articles", here / "culture.duckdb"
    write_corpus(size, source, seed)
    build_args = ["build", str(source), str(db)] + ([str(workers)] if workers is not None else [])
    cold = _child(*build_args)
    pipe = _child("pipe", str(source))
    incoming = _new_article(here, seed)
    shutil.copy(incoming, source / incoming.name)
    added = _child(*build_args)
    (source / incoming.name).unlink()  # and once more through the command line, as a user would
    cli = _cli_add(incoming, source, db)
    return SizeResult(
        size=size,
        articles=cold["articles"],
        etl=cold["wall"],
        steps=cold["steps"],
        pipe=pipe["wall"],
        peak_rss_mb=cold["peak_rss_mb"],
        workers_rss_mb=cold["workers_rss_mb"],
        add_build=added["wall"],
        add_steps=added["steps"],
        add_cli=cli,
        people=cold["people"],
    )


def table(results: list[SizeResult]) -> str:
    """The results as markdown tables: the cold build, its steps, and adding one article."""
    lines = [
        "| articles | people | ETL wall | s / article | `nlp.pipe` 1 proc | ETL / pipe | peak RSS |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        rss = f"{r.peak_rss_mb:.0f} MB" + (f" (+ workers {r.workers_rss_mb:.0f} MB)" if r.workers_rss_mb > 1 else "")
        lines.append(
            f"| {r.articles:,} | {r.people:,} | {r.etl:.1f} s | {r.per_article:.3f} | {r.pipe:.1f} s "
            f"| {r.etl / r.pipe:.2f} | {rss} |"
        )
    for title, pick in (("cold build", lambda r: r.steps), ("add one article (warm cache)", lambda r: r.add_steps)):
        lines += ["", f"Seconds per step, {title}:", ""]
        lines += ["| articles | " + " | ".join(STEPS) + " | other |", "|---" * (len(STEPS) + 2) + "|"]
        for r in results:
            steps = pick(r)
            cells = " | ".join(f"{steps.get(s, 0.0):.2f}" for s in (*STEPS, "other"))
            lines.append(f"| {r.articles:,} | {cells} |")
    lines += ["", "| articles | add one: build call | add one: `python -m etl add FILE` |", "|---|---|---|"]
    lines += [f"| {r.articles:,} | {r.add_build:.2f} s | {r.add_cli:.2f} s |" for r in results]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Measure each size and print the tables (or, with --child, run one measure and print its JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], help="corpus sizes, e.g. 100 1000 10000")
    parser.add_argument("--work", type=Path, default=None, help="folder for the corpora (default: a temp folder)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=None, help="passed to the build when it takes `workers`")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, rest = args.child[0], args.child[1:]
        if kind == "build":
            out = _timed_build(Path(rest[0]), Path(rest[1]), int(rest[2]) if len(rest) > 2 else None)
        else:
            out = _timed_pipe(Path(rest[0]))
        print(json.dumps(out))
        return
    if args.workers is not None and not _takes_workers():
        print("note: this build takes no `workers` parameter; --workers is ignored", file=sys.stderr)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    results = []
    for size in args.sizes:
        results.append(measure(size, work, args.seed, args.workers))
        print(f"measured {size} articles", file=sys.stderr)
    print(table(results))


if __name__ == "__main__":
    main()
