"""The article search index: updated in place on a rebuild, it scores every query as a full rebuild does."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from etl import load
from etl.fts import INDEX_SCHEMA, load_fts
from etl.load import COLUMNS, write_database

TEXTS = {
    "A1": ("Harbour forum opens", "The Harbour Forum opened on March 4 with panels on museums and digital archives."),
    "A2": ("Gala concert", "A gala concert by the Reed Trio closed the festival; the trio played Bach."),
    "A3": ("Museum night", "Museums across the city stayed open all night. Archives showed rare maps."),
    "A4": ("Film school graduates", "The film school's graduates screened their films at the harbour cinema."),
    "A5": (None, "Crème brûlée and café culture: a festival of Tartu's cafés and their archives."),
}
QUERIES = ["museum", "archives", "harbour festival", "trio", "film", "cafe", "night maps", "absent"]


def articles(ids: list[str], changed: dict[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """An articles table (the only one the index reads) with some bodies changed."""
    changed = changed or {}
    rows = [
        (a, f"{a}.txt", TEXTS[a][0], None, None, None, changed.get(a, TEXTS[a][1]), a, datetime(2024, 1, 1), None)
        for a in ids
    ]
    return {"articles": pd.DataFrame(rows, columns=COLUMNS["articles"])}


def scores(db: Path) -> dict[tuple[str, str], float | None]:
    """Every article's BM25 score for every query, as the Articles page asks for it."""
    with duckdb.connect(str(db), read_only=True) as con:
        assert load_fts(con), "the duckdb-extension-fts package must be installed"
        out = {}
        for query in QUERIES:
            rows = con.execute(f"SELECT article_id, {INDEX_SCHEMA}.match_bm25(article_id, ?) FROM articles", [query])
            out |= {(query, a): s for a, s in rows.fetchall()}
        return out


@pytest.fixture
def full_rebuilds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the builds that index every article (the in-place update is not one)."""
    calls: list[int] = []
    real = load.create_article_index

    def counted(con: duckdb.DuckDBPyConnection) -> bool:
        calls.append(1)
        return real(con)

    monkeypatch.setattr(load, "create_article_index", counted)
    return calls


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        (["A1", "A2", "A3"], ["A1", "A2", "A3", "A4"], {}),  # one article added
        (["A1", "A2", "A3", "A4"], ["A1", "A3"], {}),  # articles removed
        (["A1", "A2", "A3"], ["A1", "A2", "A3", "A5"], {"A2": "The trio played the harbour museum at night."}),
        (["A1", "A2"], ["A1", "A2"], {}),  # nothing new
    ],
)
def test_index_updated_in_place_scores_as_a_full_rebuild(tmp_path, full_rebuilds, before, after, changed):
    db, fresh = tmp_path / "culture.duckdb", tmp_path / "fresh" / "culture.duckdb"
    write_database(db, articles(before))
    write_database(db, articles(after, changed))
    assert len(full_rebuilds) == 1  # the first build only: the second updated the copied index
    write_database(fresh, articles(after, changed))
    updated, expected = scores(db), scores(fresh)
    assert updated.keys() == expected.keys()
    assert any(s is not None for s in expected.values())
    for key, score in expected.items():
        assert updated[key] == (score if score is None else pytest.approx(score, rel=1e-9)), key


def test_old_tables_are_replaced_not_kept(tmp_path):
    db = tmp_path / "culture.duckdb"
    write_database(db, articles(["A1", "A2", "A3"]))
    write_database(db, articles(["A4"]))
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT article_id FROM articles").fetchall() == [("A4",)]
        assert con.execute(f"SELECT name FROM {INDEX_SCHEMA}.docs").fetchall() == [("A4",)]


def test_a_database_without_an_index_gets_a_whole_one(tmp_path, full_rebuilds):
    db = tmp_path / "culture.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE articles (article_id VARCHAR, title VARCHAR, body VARCHAR)")
    write_database(db, articles(["A1", "A2"]))
    assert len(full_rebuilds) == 1
    assert scores(db)[("trio", "A2")] is not None
