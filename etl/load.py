"""Write the contract's public tables into a DuckDB file, atomically."""

from __future__ import annotations

import contextlib
import math
import os
import re
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow

from etl.errors import DatabaseError
from etl.fts import carry_over, create_article_index, update_article_index
from etl.records import Extraction
from etl.resolve import Resolved, stable_id

SCHEMA = """
CREATE TABLE articles (article_id VARCHAR PRIMARY KEY, file_name VARCHAR, title VARCHAR, published DATE,
    source VARCHAR, url VARCHAR, body VARCHAR, content_hash VARCHAR, loaded_at TIMESTAMP, author VARCHAR);
CREATE TABLE people (person_id VARCHAR PRIMARY KEY, name VARCHAR, aliases VARCHAR[], country VARCHAR);
CREATE TABLE organizations (org_id VARCHAR PRIMARY KEY, name VARCHAR, aliases VARCHAR[], kind VARCHAR,
    country VARCHAR);
CREATE TABLE mentions (article_id VARCHAR, kind VARCHAR, entity_id VARCHAR, text VARCHAR, start_char INTEGER,
    end_char INTEGER);
CREATE TABLE events (event_id VARCHAR PRIMARY KEY, article_id VARCHAR, name VARCHAR, type VARCHAR,
    start_date DATE, end_date DATE, date_precision VARCHAR, parent_id VARCHAR, venue VARCHAR, city VARCHAR,
    evidence VARCHAR, rule VARCHAR);
CREATE TABLE event_articles (event_id VARCHAR, article_id VARCHAR);
CREATE TABLE participations (event_id VARCHAR, person_id VARCHAR, role VARCHAR, title VARCHAR, org_id VARCHAR,
    evidence VARCHAR, rule VARCHAR);
CREATE TABLE affiliations (person_id VARCHAR, org_id VARCHAR, article_id VARCHAR, title VARCHAR,
    evidence VARCHAR, rule VARCHAR);
CREATE TABLE figures (figure_id VARCHAR PRIMARY KEY, article_id VARCHAR, event_id VARCHAR, person_id VARCHAR,
    value DOUBLE, unit VARCHAR, subject VARCHAR, text VARCHAR, approx BOOLEAN, evidence VARCHAR,
    start_char INTEGER, end_char INTEGER);
CREATE TABLE merge_suggestions (kind VARCHAR, keep_id VARCHAR, keep_name VARCHAR, other_id VARCHAR,
    other_name VARCHAR, score DOUBLE, reasons VARCHAR, status VARCHAR);
CREATE TABLE curation_log (line INTEGER, status VARCHAR, message VARCHAR);
"""

PUBLIC_TABLES = (
    "articles",
    "people",
    "organizations",
    "mentions",
    "events",
    "event_articles",
    "participations",
    "affiliations",
    "figures",
)


def _columns() -> dict[str, list[str]]:
    """Each public table's column names, read from SCHEMA (one place to change them)."""
    out: dict[str, list[str]] = {}
    for match in re.finditer(r"CREATE TABLE (\w+) \((.*?)\);", SCHEMA, re.S):
        out[match[1]] = [part.split()[0] for part in re.split(r",\s*(?![^()]*\))", match[2]) if part.strip()]
    return out


COLUMNS = _columns()


def build_tables(extractions: list[Extraction], resolved: Resolved) -> dict[str, pd.DataFrame]:
    """The public tables' rows as DataFrames (curation edits them before they are written)."""
    rows: dict[str, list[tuple]] = {}
    now = datetime.now()
    rows["articles"] = [
        (a.article_id, a.file_name, a.title, a.published, a.source, a.url, a.body, a.content_hash, now, a.author)
        for a in (ex.article for ex in extractions)
    ]
    rows["people"] = [(p.entity_id, p.name, sorted(p.aliases), p.country) for p in resolved.people.values()]
    rows["organizations"] = [
        (o.entity_id, o.name, sorted(o.aliases), o.kind, o.country) for o in resolved.orgs.values()
    ]
    mentions, parts, affs, figs = [], [], [], []
    for ex in extractions:
        aid = ex.article.article_id

        def gid(local: str | None, aid: str = aid) -> str | None:
            return resolved.local.get((aid, local)) if local else None

        mentions += [(aid, m.kind, gid(m.local_id), m.text, m.start_char, m.end_char) for m in ex.mentions]
        for person in ex.people.values():
            if person.org_local_id:
                affs.append(
                    (
                        gid(person.local_id),
                        gid(person.org_local_id),
                        aid,
                        person.title,
                        person.evidence,
                        person.affiliation_rule,
                    )
                )
        for pa in ex.participations:
            person = ex.people[pa.person_local_id]
            parts.append(
                (
                    gid(pa.event_local_id),
                    gid(pa.person_local_id),
                    pa.role,
                    person.title,
                    gid(person.org_local_id),
                    pa.evidence,
                    pa.rule,
                )
            )
        for i, f in enumerate(ex.figures):
            if not math.isfinite(f.value):
                continue  # a 400-digit "number" overflows to inf: not a quantity anyone reported
            figs.append(
                (
                    stable_id("F", f"{aid}:{i}:{f.start_char}"),
                    aid,
                    gid(f.event_local_id),
                    gid(f.person_local_id),
                    f.value,
                    f.unit,
                    f.subject,
                    f.text,
                    f.approx,
                    f.evidence,
                    f.start_char,
                    f.end_char,
                )
            )
    rows["mentions"] = mentions
    event_rows = []
    for event_id, ev in resolved.events.items():
        aid = resolved.event_first_article[event_id]
        parent = resolved.local.get((aid, ev.parent_local_id)) if ev.parent_local_id else None
        event_rows.append(
            (
                event_id,
                aid,
                ev.name,
                ev.type,
                ev.start_date,
                ev.end_date,
                ev.date_precision,
                parent,
                ev.venue,
                ev.city,
                ev.evidence,
                ev.rule,
            )
        )
    rows["events"] = event_rows
    rows["event_articles"] = sorted(resolved.event_articles)
    rows["participations"] = _unique(parts)
    rows["affiliations"] = _unique(affs)
    rows["figures"] = figs
    return {table: pd.DataFrame.from_records(rows.get(table, []), columns=COLUMNS[table]) for table in PUBLIC_TABLES}


# Tables the project adds beside the contract's: the Data page reads them.
REVIEW_TABLES = ("merge_suggestions", "curation_log")


def write_tables(con: duckdb.DuckDBPyConnection, tables: dict[str, pd.DataFrame]) -> None:
    """Create the public (and review) tables on `con` and fill them, one DataFrame scan per table."""
    con.execute(SCHEMA)
    for table in (*PUBLIC_TABLES, *REVIEW_TABLES):
        if table in tables:
            _write(con, table, tables[table])


def _write(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Insert a frame in one scan (row-by-row executemany costs as much as the parsing)."""
    if frame.empty:
        return
    rows: pd.DataFrame | pyarrow.Table = frame[COLUMNS[table]]
    # DuckDB reads Arrow columns directly; a pandas string column is converted value by value (2x slower).
    # A column Arrow cannot type (mixed values after a curation edit) stays pandas: DuckDB's scan copes.
    with contextlib.suppress(pyarrow.ArrowException, ValueError):
        rows = pyarrow.Table.from_pandas(rows, preserve_index=False)
    con.register("incoming_rows", rows)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM incoming_rows")  # table: one of SCHEMA's names
    finally:
        con.unregister("incoming_rows")


def _unique(rows: list[tuple]) -> list[tuple]:
    seen: set[tuple] = set()
    return [r for r in rows if not (r[:3] in seen or seen.add(r[:3]))]  # type: ignore[func-returns-value]


def check_target(db_path: Path) -> None:
    """Before any work: `db_path` must be a DuckDB file (or nothing yet) in a folder the build can write to."""
    if db_path.is_dir():
        raise DatabaseError(f"{db_path}: is a folder. Pass a file path for the database, e.g. --db data/culture.duckdb")
    if db_path.exists() and not is_duckdb(db_path):
        raise DatabaseError(
            f"{db_path}: exists and is not a DuckDB database, so it is not overwritten. "
            "Pass another --db path, or move that file away"
        )
    folder = db_path.parent
    if folder.exists() and not folder.is_dir():
        raise DatabaseError(f"{db_path}: {folder} is a file, not a folder. Pass a --db path inside a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".build-{os.getpid()}-probe"
        probe.write_bytes(b"")  # os.access says yes to root on a read-only mount: try it
        probe.unlink()
    except OSError as err:
        raise DatabaseError(
            f"{db_path}: cannot write in {folder} ({err.strerror}). Choose a writable --db path or fix the folder"
        ) from err


def is_duckdb(path: Path) -> bool:
    """Whether `path` is a DuckDB database file (its header's magic bytes), or empty."""
    try:
        with path.open("rb") as handle:
            head = handle.read(12)
    except OSError:
        return False
    return head == b"" or head[8:12] == b"DUCK"


def remove_stale_builds(db_path: Path) -> list[Path]:
    """Delete the temporary files of builds that were killed (their process is gone); return them."""
    removed = []
    for path in db_path.parent.glob(f".build-*-{db_path.name}*"):
        pid = path.name.removeprefix(".build-").split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            path.unlink(missing_ok=True)
            removed.append(path)
    for path in db_path.parent.glob(".build-*-probe"):
        pid = path.name.removeprefix(".build-").split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            path.unlink(missing_ok=True)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def write_database(db_path: Path, tables: dict[str, pd.DataFrame]) -> None:
    """Build the database in a temporary file beside `db_path`, then swap it in atomically.

    The article search index starts from the previous database's (when it has one): only new and changed
    articles are indexed (indexing every article is the slowest part of writing). A full disk or a folder
    that turned read-only raises DatabaseError; `db_path` is then as it was.
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".build-{os.getpid()}-{db_path.name}")
    _remove(tmp)
    try:
        con = duckdb.connect(str(tmp))
        try:
            carried = db_path.is_file() and db_path.stat().st_size > 0 and carry_over(con, db_path)
            write_tables(con, tables)
            # for the Articles page's search; without it the page falls back to ILIKE
            if not (carried and update_article_index(con)):
                create_article_index(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, db_path)
    except (OSError, duckdb.IOException, duckdb.FatalException, duckdb.OutOfMemoryException) as err:
        # DuckDB's message nests the cause last: "...: Could not write file "x": No space left on device"
        reason = getattr(err, "strerror", None) or str(err).strip().splitlines()[0].rsplit(": ", 1)[-1]
        raise DatabaseError(
            f"{db_path}: could not write the new database ({reason}). "
            "Free disk space or choose a writable --db path; the old database is unchanged"
        ) from err
    finally:
        _remove(tmp)


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)
    Path(str(path) + ".wal").unlink(missing_ok=True)
