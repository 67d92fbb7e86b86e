"""Page and query times of the dashboard on a built database, as a table.

    PYTHONPATH=. python benchmarks/bench_pages.py --db data/culture.duckdb [--db other.duckdb ...]
    PYTHONPATH=. python benchmarks/bench_pages.py --sizes 100,1000,10000 [--work DIR]

With `--sizes`, each size N gets a corpus from `benchmarks/make_corpus.py --size N` and a database built from it
with `python -m etl build` (both kept in `--work`, reused when already there). For each database:

- every query function of `culturedash` is called twice on a fresh read-only connection (no Streamlit cache):
  the first call and the second (DuckDB's own caches warm);
- every page is run under `streamlit.testing.v1.AppTest` in one process: a first run (Streamlit's caches cold),
  a second run in a new session (caches warm: what a second user sees), and a filter change (a sidebar event
  type the page has not seen, so its queries run again; shared ones such as the filter options stay cached).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from culturedash import db, event_queries, network_queries, review_queries, source_queries  # noqa: E402
from culturedash.filters import Filters  # noqa: E402

PAGES = ["0_Overview", "1_Timeline", "2_Network", "3_Institutions", "4_Figures", "5_Articles", "6_Data"]


def build_database(size: int, work: Path) -> Path:
    """The database of a generated corpus of `size` articles, made (and built) unless `work` has it."""
    corpus, database = work / f"corpus{size}", work / f"db{size}" / "culture.duckdb"
    if not database.exists():
        if not corpus.exists():
            generator = ROOT / "benchmarks" / "make_corpus.py"
            subprocess.run([sys.executable, str(generator), "--size", str(size), "--out", str(corpus)], check=True)
        database.parent.mkdir(parents=True, exist_ok=True)
        empty_curation = work / "no-curation.yaml"  # the shipped curation file names the seed articles' people
        empty_curation.write_text("[]\n", encoding="utf-8")
        command = [sys.executable, "-m", "etl", "build", "--source", str(corpus), "--db", str(database)]
        subprocess.run([*command, "--curation", str(empty_curation)], check=True, cwd=ROOT)
    return database


def _timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _samples(con: Any) -> dict[str, Any]:
    """Arguments that make the queries do real work: the busiest event, organisation, article and person."""

    def one(sql: str) -> Any:
        row = con.execute(sql).fetchone()
        return row[0] if row else None

    common_type = one("SELECT type FROM events GROUP BY type ORDER BY count(*) DESC, type LIMIT 1")
    return {
        "event": one("SELECT event_id FROM participations GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"),
        "parent": one("SELECT parent_id FROM events WHERE parent_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC"),
        "org": one("SELECT entity_id FROM mentions WHERE kind = 'organization' GROUP BY 1 ORDER BY count(*) DESC"),
        "article": one("SELECT article_id FROM mentions GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"),
        "person": one("SELECT entity_id FROM mentions WHERE kind = 'person' GROUP BY 1 ORDER BY count(*) DESC"),
        "figures": tuple(r[0] for r in con.execute("SELECT figure_id FROM figures LIMIT 6").fetchall()),
        "word": one("SELECT split_part(title, ' ', 1) FROM articles ORDER BY length(title) DESC LIMIT 1") or "culture",
        "filters": Filters(types=(common_type,)) if common_type else Filters(),
        "rule": one("SELECT coalesce(rule, '') FROM participations GROUP BY 1 ORDER BY count(*) DESC LIMIT 1") or "",
    }


def query_calls(s: dict[str, Any]) -> dict[str, tuple[Callable[..., Any], tuple[Any, ...]]]:
    """Every query function of the dashboard with the arguments a page passes it."""
    f, none = s["filters"], Filters()
    calls: dict[str, tuple[Callable[..., Any], tuple[Any, ...]]] = {
        "db.filter_options": (db.filter_options, ()),
        "db.overview_counts": (db.overview_counts, ()),
        "db.date_span": (db.date_span, ()),
        "db.cited_articles (filtered)": (db.cited_articles, (f,)),
        "event.articles_table": (event_queries.articles_table, (none,)),
        "event.articles_table (filtered)": (event_queries.articles_table, (f,)),
        "event.events_by_type": (event_queries.events_by_type, (none,)),
        "event.timeline_events": (event_queries.timeline_events, (none, 80)),
        "event.timeline_events (filtered)": (event_queries.timeline_events, (f, 80)),
        "event.undated_events": (event_queries.undated_events, (none,)),
        "event.monthly_counts": (event_queries.monthly_counts, (none,)),
        "event.event_choices": (event_queries.event_choices, (none, 300, s["event"])),
        "event.event_info": (event_queries.event_info, (s["event"],)),
        "event.event_participants": (event_queries.event_participants, (s["event"],)),
        "event.session_participants": (event_queries.session_participants, (s["parent"] or s["event"],)),
        "event.figures_table": (event_queries.figures_table, (none,)),
        "event.figures_table (filtered)": (event_queries.figures_table, (f,)),
        "event.previous_sentences": (event_queries.previous_sentences, (s["figures"],)),
        "network.network_size": (network_queries.network_size, (none, "people")),
        "network.network_nodes (top 100)": (network_queries.network_nodes, (none, "people", 100)),
        "network.network_nodes (orgs, top 100)": (network_queries.network_nodes, (none, "organisations", 100)),
        "source.institution_ranking": (source_queries.institution_ranking, (none, "mentions")),
        "source.institution_breakdown": (source_queries.institution_breakdown, (none, "mentions", "kind")),
        "source.institution_people": (source_queries.institution_people, (s["org"],)),
        "source.institution_events": (source_queries.institution_events, (s["org"],)),
        "source.institution_mentions": (source_queries.institution_mentions, (s["org"],)),
        "source.search_articles": (source_queries.search_articles, ("", none)),
        "source.search_articles (words)": (source_queries.search_articles, (s["word"], none)),
        "source.article": (source_queries.article, (s["article"],)),
        "source.article_marks": (source_queries.article_marks, (s["article"],)),
        "source.article_records": (source_queries.article_records, (s["article"],)),
        "review.merge_suggestions": (review_queries.merge_suggestions, ("open",)),
        "review.people_and_orgs": (review_queries.people_and_orgs, ()),
        "review.person_articles": (review_queries.person_articles, (s["person"],)),
        "review.quality_summary": (review_queries.quality_summary, ()),
        "review.rule_counts": (review_queries.rule_counts, ()),
        "review.records_by_rule": (review_queries.records_by_rule, ("participation", s["rule"])),
        "review.curation_log": (review_queries.curation_log, ()),
    }
    return calls


def _edges_of_top(con: Any, projection: str) -> None:
    """The Network page's second query: the links among the 100 most connected."""
    ids = tuple(network_queries.network_nodes(con, Filters(), projection, 100)["id"])
    network_queries.network_edges(con, Filters(), projection, ids)


def time_queries(database: Path) -> dict[str, tuple[float, float]]:
    """(first, second) seconds of every query function, on a fresh connection without Streamlit's cache."""
    con = db.connect(database)
    try:
        calls = query_calls(_samples(con))
        out = {}
        for name, (fn, args) in calls.items():
            out[name] = (_timed(lambda f=fn, a=args: f(con, *a)), _timed(lambda f=fn, a=args: f(con, *a)))
        out["network.network_edges (top 100)"] = (_timed(lambda: _edges_of_top(con, "people")), 0.0)
        return out
    finally:
        con.close()


def _run(at: Any, page: str) -> Any:
    done = at.run()
    if done.exception:
        raise RuntimeError(f"{page}: {done.exception[0].message}")
    return done


def time_pages(database: Path) -> dict[str, tuple[float, float, float]]:
    """(first run, warm second run, filter change) seconds of every page under AppTest, in this process."""
    from streamlit.testing.v1 import AppTest

    os.environ["CULTURE_DB"] = str(database)
    con = db.connect(database)
    try:
        types = [r[0] for r in con.execute("SELECT type FROM events GROUP BY 1 ORDER BY count(*) DESC").fetchall()]
    finally:
        con.close()
    out: dict[str, tuple[float, float, float]] = {}
    for index, page in enumerate(PAGES):
        script = str(ROOT / "views" / f"{page}.py")
        first = _timed(lambda s=script, p=page: _run(AppTest.from_file(s, default_timeout=600), p))
        warm = AppTest.from_file(script, default_timeout=600)
        second = _timed(lambda w=warm, p=page: _run(w, p))
        # a type no page has filtered on yet: this page's filtered queries are not cached
        picked = [types[index % len(types)]] if types else []
        change = _timed(lambda w=warm, p=page, t=picked: _run(w.multiselect(key="f_types").set_value(t), p))
        out[page] = (first, second, change)
    return out


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def page_table(results: dict[str, dict[str, tuple[float, ...]]]) -> str:
    """Markdown: one row per page, for each database the first, warm and filter-change seconds."""
    names = list(results)
    head = ["page"] + [f"{n}: {w}" for n in names for w in ("first", "warm", "filter")]
    lines = [_row(head), _row(["---"] * len(head))]
    for page in PAGES:
        lines.append(_row([page.split("_", 1)[1]] + [f"{v:.2f} s" for n in names for v in results[n][page]]))
    return "\n".join(lines)


def query_table(results: dict[str, dict[str, tuple[float, ...]]]) -> str:
    """Markdown: one row per query function, for each database the first and second call in milliseconds."""
    names = list(results)
    head = ["query"] + [f"{n}: {w}" for n in names for w in ("1st", "2nd")]
    lines = [_row(head), _row(["---"] * len(head))]
    for query in next(iter(results.values())):
        lines.append(_row([query] + [f"{v * 1000:.0f} ms" for n in names for v in results[n][query]]))
    return "\n".join(lines)


def main() -> None:
    """Time the queries and pages on each database and print the two tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, action="append", default=[], help="a built database (repeatable)")
    parser.add_argument("--sizes", default="", help="comma-separated corpus sizes to generate and build")
    parser.add_argument("--work", type=Path, default=Path("/tmp/culture-bench-pages"), help="corpora and builds")
    parser.add_argument("--pages-only", action="store_true", help="time the pages only, not each query function")
    args = parser.parse_args()
    databases = {str(p): p for p in args.db}
    for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
        databases[f"{size:,} articles"] = build_database(size, args.work)
    if not databases:
        parser.error("give --db PATH or --sizes N[,N...]")
    named: dict[str, Path] = {}
    for label, database in databases.items():
        con = db.connect(database)
        try:
            articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]  # type: ignore[index]
        finally:
            con.close()
        named[label if "articles" in label else f"{articles:,} articles"] = database
    queries = {} if args.pages_only else {label: time_queries(path) for label, path in named.items()}
    pages = {label: time_pages(path) for label, path in named.items()}
    print("Pages under AppTest (seconds): first run, warm second session, filter change\n")
    print(page_table(pages))
    slowest = {label: max(max(v[1], v[2]) for v in p.values()) for label, p in pages.items()}
    print("\nSlowest warm run or filter change: " + ", ".join(f"{k} {v:.2f} s" for k, v in slowest.items()))
    medians = ", ".join(f"{k} {statistics.median(v[1] for v in p.values()):.2f} s" for k, p in pages.items())
    print(f"(median warm run: {medians})")
    if queries:
        print("\nQuery functions on a fresh connection (no Streamlit cache)\n")
        print(query_table(queries))


if __name__ == "__main__":
    main()
