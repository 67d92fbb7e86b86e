"""Command line: `python -m etl build [--source DIR] [--db PATH] [--workers N | --dask ADDRESS]`,
`python -m etl add FILE...` and `python -m etl evaluate --gold DIR`."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from etl.errors import EtlError
from etl.settings import DEFAULT_DB, DEFAULT_SOURCE, debug, workers


def main(argv: list[str] | None = None) -> int:
    """Run the command; print a one-line error and return non-zero on failure."""
    parser = argparse.ArgumentParser(prog="python -m etl", description="Culture news ETL")
    sub = parser.add_subparsers(dest="command", required=True)
    build_cmd = sub.add_parser("build", help="read articles, extract, resolve and load into DuckDB")
    build_cmd.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder of article files")
    build_cmd.add_argument("--db", type=Path, default=DEFAULT_DB, help="DuckDB file to (re)build")
    build_cmd.add_argument(
        "--curation", type=Path, default=None, help="analysts' corrections (default data/curation.yaml)"
    )
    build_cmd.add_argument("--fresh", action="store_true", help="ignore the cache: parse every article again")
    build_cmd.add_argument(
        "--if-stale", action="store_true", help="only when the database is missing or older than an article file"
    )
    run_on = build_cmd.add_mutually_exclusive_group()
    run_on.add_argument(
        "--workers",
        type=_count,
        default=None,
        metavar="N",
        help="extract over N processes, each loading the model once (default: CULTURE_WORKERS, else 1)",
    )
    run_on.add_argument(
        "--dask", metavar="ADDRESS", help="extract on a Dask cluster: its scheduler's address, e.g. tcp://host:8786"
    )
    add_cmd = sub.add_parser("add", help="copy article files into the source folder and rebuild incrementally")
    add_cmd.add_argument("files", type=Path, nargs="+", metavar="FILE", help=".txt, .md, .html, .pdf or .docx files")
    add_cmd.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder of article files")
    add_cmd.add_argument("--db", type=Path, default=DEFAULT_DB, help="DuckDB file to rebuild")
    eval_cmd = sub.add_parser("evaluate", help="score a built database against gold annotations (JSON)")
    eval_cmd.add_argument("--db", type=Path, default=DEFAULT_DB, help="DuckDB file the ETL built")
    eval_cmd.add_argument("--gold", type=Path, required=True, help="folder of gold JSON files, one per article")
    eval_cmd.add_argument("--show-errors", action="store_true", help="list each category's misses and extras")
    eval_cmd.add_argument("--min-f1", type=float, default=None, help="exit 2 when any category's F1 is below this")
    args = parser.parse_args(argv)
    if args.command == "evaluate":
        return _evaluate(args)
    failed = 0
    if args.command == "build" and args.workers is None:
        try:
            args.workers = workers()
        except ValueError as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
    if args.command == "add":
        failed, added = _add(args)
        if not added:
            return failed
        args.curation = None
    elif args.if_stale and not args.fresh:
        from etl.reader import needs_build

        if not needs_build(args.db, args.source):
            print(f"{args.db} is up to date")
            return 0
    elif args.fresh:
        from etl.cache import cache_dir

        shutil.rmtree(cache_dir(args.db), ignore_errors=True)
    try:
        from etl.pipeline import build, terminal_progress

        result = build(
            args.source,
            args.db,
            progress=terminal_progress,
            curation=args.curation,
            workers=getattr(args, "workers", 1),
            dask=getattr(args, "dask", None),
        )
    except EtlError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except (Exception, KeyboardInterrupt) as err:  # a bug, not the user's input: still one line, no traceback
        if debug():
            raise
        first_line = (str(err).strip().splitlines() or [""])[0][:200]
        problem = "interrupted" if isinstance(err, KeyboardInterrupt) else f"{type(err).__name__}: {first_line}"
        print(
            f"error: the build stopped unexpectedly ({problem}); the database is unchanged. "
            "Run again with CULTURE_DEBUG=1 to see the traceback, and report it",
            file=sys.stderr,
        )
        return 2
    print(
        f"built {args.db}: {result.articles} articles, {result.events} events, {result.people} people, "
        f"{result.organizations} organisations, {result.figures} figures"
    )
    report = result.curation
    if report.applied or report.stale:
        print(f"curation: {len(report.applied)} entries applied, {len(report.stale)} stale")
    for line, message in report.stale:
        print(f"warning: curation line {line} is stale: {message}", file=sys.stderr)
    return failed


def _count(text: str) -> int:
    """A number of worker processes: 1 or more."""
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (1 or more)")
    return int(text)


def _add(args: argparse.Namespace) -> tuple[int, int]:
    """Copy the files in; print what was added, repeated or refused. Returns (exit code, files added)."""
    from etl.add import Incoming, add_articles

    items, failed = [], 0
    for path in args.files:
        try:
            items.append(Incoming(path.name, path.read_bytes()))
        except OSError as err:
            print(f"error: {path}: cannot be read ({err.strerror}). Check the path", file=sys.stderr)
            failed = 1
    report = add_articles(items, args.source, args.db)
    for name in report.added:
        print(f"added {args.source / name}")
    for line in report.duplicates:
        print(f"duplicate, not added: {line}")
    for line in report.errors:
        print(f"error: {line}", file=sys.stderr)
    return (1 if failed or report.errors else 0), len(report.added)


def _evaluate(args: argparse.Namespace) -> int:
    from etl.evaluate import evaluate, report

    try:
        totals, missing = evaluate(args.db, args.gold)
    except EtlError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(report(totals, missing, show_errors=args.show_errors))
    worst = min(t.f1 for t in totals.values())
    print(f"lowest F1 {worst:.2f}")
    return 2 if args.min_f1 is not None and worst < args.min_f1 else 0
