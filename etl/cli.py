"""Command line: `python -m etl build [--source DIR] [--db PATH]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etl.errors import EtlError
from etl.settings import DEFAULT_DB, DEFAULT_SOURCE


def main(argv: list[str] | None = None) -> int:
    """Run the command; print a one-line error and return non-zero on failure."""
    parser = argparse.ArgumentParser(prog="python -m etl", description="Culture news ETL")
    sub = parser.add_subparsers(dest="command", required=True)
    build_cmd = sub.add_parser("build", help="read articles, extract, resolve and load into DuckDB")
    build_cmd.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder of article files")
    build_cmd.add_argument("--db", type=Path, default=DEFAULT_DB, help="DuckDB file to (re)build")
    args = parser.parse_args(argv)
    try:
        from etl.pipeline import build, terminal_progress

        result = build(args.source, args.db, progress=terminal_progress)
    except EtlError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(
        f"built {args.db}: {result.articles} articles, {result.events} events, {result.people} people, "
        f"{result.organizations} organisations, {result.figures} figures"
    )
    return 0
