"""Incremental builds: only new or changed articles are parsed, and the result equals a fresh build."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from etl import pieces
from etl.cache import cache_dir, extractor_version
from etl.cache_codec import extraction_from_row, extraction_row
from etl.load import PUBLIC_TABLES
from etl.pipeline import build
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

DEVSET = ROOT / "tests" / "data" / "devset" / "articles"
FIRST = sorted(DEVSET.glob("*.txt"))[:3]
ADDED = DEVSET / "d18_jacksonville-jazz-festival.txt"


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """Three devset articles in a writable folder."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in FIRST:
        shutil.copy(path, folder)
    return folder


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The file names the build parses (extracts) from now on."""
    names: list[str] = []
    real = pieces.extract_article

    def spy(doc, article):  # type: ignore[no-untyped-def]
        names.append(article.file_name)
        return real(doc, article)

    monkeypatch.setattr(pieces, "extract_article", spy)
    return names


def tables(db: Path) -> dict[str, pd.DataFrame]:
    """Every public table, rows sorted, without the load time."""
    out = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for table in (*PUBLIC_TABLES, "merge_suggestions"):
            frame = con.execute(f"SELECT * FROM {table}").df().drop(columns=["loaded_at"], errors="ignore")
            out[table] = frame.astype(str).sort_values(list(frame.columns)).reset_index(drop=True)
    return out


def test_adding_one_article_gives_the_same_tables_as_a_clean_build(small_corpus, tmp_path, nlp, parsed):
    db = tmp_path / "db" / "culture.duckdb"
    build(small_corpus, db, nlp=nlp)
    shutil.copy(ADDED, small_corpus)
    parsed.clear()
    build(small_corpus, db, nlp=nlp)
    assert parsed == [ADDED.name]  # only the new article was parsed
    clean = tmp_path / "clean" / "culture.duckdb"
    build(small_corpus, clean, nlp=nlp)
    incremental, fresh = tables(db), tables(clean)
    for table in fresh:
        pd.testing.assert_frame_equal(incremental[table], fresh[table], obj=table)
    assert len(fresh["articles"]) == 4


def test_unchanged_folder_rebuilds_without_loading_the_model(small_corpus, tmp_path, nlp, parsed, monkeypatch):
    db = tmp_path / "culture.duckdb"
    build(small_corpus, db, nlp=nlp)
    parsed.clear()

    def no_model(*_args):  # type: ignore[no-untyped-def]
        raise AssertionError("the spaCy model was loaded")

    monkeypatch.setattr("etl.pipeline.load_nlp", no_model)
    result = build(small_corpus, db)
    assert (parsed, result.articles) == ([], 3)


def test_changed_article_is_parsed_again_and_the_old_text_is_gone(small_corpus, tmp_path, nlp, parsed):
    db = tmp_path / "culture.duckdb"
    build(small_corpus, db, nlp=nlp)
    changed = small_corpus / FIRST[0].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nA late correction was added.", encoding="utf-8")
    parsed.clear()
    build(small_corpus, db, nlp=nlp)
    assert parsed == [FIRST[0].name]
    with duckdb.connect(str(db), read_only=True) as con:
        bodies = [
            r[0] for r in con.execute("SELECT body FROM articles WHERE file_name = ?", [FIRST[0].name]).fetchall()
        ]
    assert len(bodies) == 1 and bodies[0].endswith("A late correction was added.")


def test_removing_a_file_removes_its_records(small_corpus, tmp_path, nlp):
    db = tmp_path / "culture.duckdb"
    build(small_corpus, db, nlp=nlp)
    with duckdb.connect(str(db), read_only=True) as con:
        (gone,) = con.execute("SELECT article_id FROM articles WHERE file_name = ?", [FIRST[1].name]).fetchone()
    (small_corpus / FIRST[1].name).unlink()
    build(small_corpus, db, nlp=nlp)
    with duckdb.connect(str(db), read_only=True) as con:
        for table in ("articles", "mentions", "events", "event_articles", "figures", "affiliations"):
            left = con.execute(f"SELECT count(*) FROM {table} WHERE article_id = ?", [gone]).fetchone()[0]
            assert left == 0, table
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_unreadable_cache_file_is_dropped_and_the_article_parsed_again(small_corpus, tmp_path, nlp, parsed):
    db = tmp_path / "culture.duckdb"
    build(small_corpus, db, nlp=nlp)
    before = tables(db)
    for path in (cache_dir(db) / "extract").rglob("*.parquet"):
        path.write_bytes(b"not parquet at all")
    parsed.clear()
    build(small_corpus, db, nlp=nlp)
    assert sorted(parsed) == sorted(p.name for p in FIRST)
    after = tables(db)
    for table in before:
        pd.testing.assert_frame_equal(after[table], before[table], obj=table)


def test_cache_is_stored_as_parquet_beside_the_database(small_corpus, tmp_path, nlp):
    db = tmp_path / "culture.duckdb"
    build(small_corpus, db, nlp=nlp)
    files = list((tmp_path / ".cache" / "extract").rglob("*.parquet"))
    rows = pd.concat(pd.read_parquet(f) for f in files)
    assert len(rows) == 3
    assert {"key", "people", "orgs", "mentions", "events", "participations", "figures"} <= set(rows.columns)


def test_extractor_version_changes_with_the_model():
    assert extractor_version("en_core_web_sm-3.8.0") != extractor_version("en_core_web_sm-3.9.0")


def test_extraction_round_trips_through_a_cache_row(extract):
    ex = extract(
        "Ana Lund, director of the Harbour Museum, spoke at the Harbour Forum on March 4. 45% agreed.", "2024-03-01"
    )
    back = extraction_from_row(ex.article, extraction_row("k", ex))
    assert back == ex
