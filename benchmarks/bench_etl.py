"""ETL cost against spaCy alone on the same texts, in the same process.

    python benchmarks/bench_etl.py [--source data/articles] [--repeat 5]

Prints seconds for `nlp.pipe` alone and for the whole ETL (parse + extract + resolve + load into an
in-memory DuckDB), and their ratio. The ratio is the figure to watch (target < 1.5).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import duckdb

from etl.load import build_tables, write_tables
from etl.nlp import load_nlp
from etl.pipeline import extract_all, prepare, read_all
from etl.resolve import resolve


def main() -> None:
    """Run both measurements and print them."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", type=Path, default=Path("data/articles"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    nlp = prepare(load_nlp())
    articles = read_all(args.source)
    texts = [a.body for a in articles]
    list(nlp.pipe(texts))  # warm-up

    best_nlp = best_etl = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        list(nlp.pipe(texts, batch_size=16))
        best_nlp = min(best_nlp, time.perf_counter() - t0)
        t0 = time.perf_counter()
        extractions = extract_all(articles, nlp)
        with duckdb.connect(":memory:") as con:
            write_tables(con, build_tables(extractions, resolve(extractions)))
        best_etl = min(best_etl, time.perf_counter() - t0)
    chars = sum(len(t) for t in texts)
    print(f"articles: {len(texts)}  characters: {chars}  repeats: {args.repeat} (best of)")
    print(f"nlp.pipe alone : {best_nlp:.3f} s")
    print(f"whole ETL      : {best_etl:.3f} s")
    print(f"ratio ETL/nlp  : {best_etl / best_nlp:.2f}")


if __name__ == "__main__":
    main()
