"""Fixtures shared by all tests: the real model (loaded once), a built seed database, sample files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from etl.extraction.article import extract_article
from etl.nlp import load_nlp
from etl.pipeline import build, prepare
from etl.reader import parse_article
from etl.records import Extraction

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLES = ROOT / "data" / "articles"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real English pipeline with the project's components."""
    return prepare(load_nlp())


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    """A database built from the shipped seed articles."""
    db = tmp_path_factory.mktemp("db") / "culture.duckdb"
    build(SEED_ARTICLES, db, nlp=nlp)
    return db


CORPUS_SIZE = 200  # articles in the generated corpus the pages are drawn on at scale (a few hundred)


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    """A database built once per session from a generated corpus of CORPUS_SIZE articles
    (`benchmarks/make_corpus.py`), without the seed articles' curation file."""
    folder = tmp_path_factory.mktemp("corpus")
    articles, db = folder / "articles", folder / "culture.duckdb"
    generator = ROOT / "benchmarks" / "make_corpus.py"
    command = [sys.executable, str(generator), "--size", str(CORPUS_SIZE), "--out", str(articles)]
    subprocess.run(command, check=True, capture_output=True)
    build(articles, db, nlp=nlp, curation=folder / "no-curation.yaml")
    return db


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the seed articles."""
    target = tmp_path / "articles"
    shutil.copytree(SEED_ARTICLES, target)
    return target


@pytest.fixture(scope="session")
def extract(nlp: Language) -> Callable[..., Extraction]:
    """Extract one literal article text (optionally with a publication date) with the real model."""

    def run(text: str, published: str | None = None) -> Extraction:
        article = parse_article(Path("t.txt"), f"date {published} {text}" if published else text)
        return extract_article(nlp(article.body), article)

    return run


# A tiny database written by hand: two articles, a forum with two panels, a concert without a date.
LITERAL_ROWS = {
    "articles": [
        (
            "A1",
            "forum.txt",
            "Harbour forum opens",
            "2024-03-01",
            "Coast News",
            None,
            "The Harbour Forum opened on March 4. Panel one was moderated by Ana Lund. "
            "Ana Lund said 45% of museums are <b>digital</b>.",
            "h1",
            "2024-03-02 10:00:00",
        ),
        (
            "A2",
            "gala.txt",
            "Gala concert",
            None,
            None,
            None,
            "A gala concert by the Reed Trio.",
            "h2",
            "2024-03-02 10:00:00",
        ),
    ],
    "people": [("P1", "Ana Lund", [], "Norway"), ("P2", "Ben Ode", [], None), ("P3", "Cai Wen", [], None)],
    "organizations": [
        ("O1", "Harbour Museum", [], "museum", "Norway"),
        ("O2", "Reed Trio", [], "performing group", None),
    ],
    "mentions": [
        ("A1", "person", "P1", "Ana Lund", 64, 72),
        ("A1", "person", "P1", "Ana Lund", 74, 82),
        ("A2", "organization", "O2", "Reed Trio", 22, 31),
    ],
    "events": [
        (
            "E1",
            "A1",
            "Harbour Forum",
            "forum",
            "2024-03-04",
            "2024-03-05",
            "day",
            None,
            "Old Port Hall",
            "Bergen",
            "The Harbour Forum opened on March 4.",
            "named_event",
        ),
        (
            "E2",
            "A1",
            "Panel one",
            "panel",
            "2024-03-04",
            None,
            "day",
            "E1",
            None,
            None,
            "Panel one was moderated.",
            "x",
        ),
        ("E3", "A1", "Panel two", "panel", "2024-04-10", None, "day", "E1", None, None, "Panel two.", "x"),
        ("E4", "A2", "Gala concert", "concert", None, None, None, None, None, None, "A gala concert.", "lead_noun"),
    ],
    "event_articles": [("E1", "A1"), ("E2", "A1"), ("E3", "A1"), ("E4", "A2")],
    "participations": [
        ("E2", "P1", "moderator", "Director", "O1", "Panel one was moderated by Ana Lund.", "agent_of_passive"),
        ("E2", "P2", "speaker", None, None, "Ben Ode spoke.", "subject_of_verb"),
        ("E2", "P3", "speaker", None, None, "Cai Wen spoke.", "subject_of_verb"),
        ("E3", "P1", "speaker", "Director", "O1", "Ana Lund spoke again.", "subject_of_verb"),
        ("E3", "P2", "speaker", None, None, "Ben Ode spoke again.", "subject_of_verb"),
    ],
    "affiliations": [("P1", "O1", "A1", "Director", "Ana Lund, director of the Harbour Museum.", "apposition")],
    "figures": [
        (
            "F1",
            "A1",
            "E2",
            "P1",
            45.0,
            "percent",
            "museums",
            "45%",
            False,
            "Ana Lund said 45% of museums are <b>digital</b>.",
            88,
            91,
        ),
    ],
}


def fill_literal_db(con) -> None:  # type: ignore[no-untyped-def]
    """Create the public tables on `con` and insert LITERAL_ROWS."""
    from etl.load import COLUMNS, SCHEMA

    con.execute(SCHEMA)
    for table, rows in LITERAL_ROWS.items():
        marks = ", ".join("?" * len(rows[0]))
        columns = ", ".join(COLUMNS[table][: len(rows[0])])  # columns added since (articles.author) stay null
        con.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


@pytest.fixture
def literal_con():
    """An in-memory DuckDB with the public tables filled from LITERAL_ROWS."""
    import duckdb

    con = duckdb.connect(":memory:")
    fill_literal_db(con)
    yield con
    con.close()


@pytest.fixture
def app_db(seed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the seed build that the app reads (CULTURE_DB), so page tests never touch data/."""
    db = tmp_path / "culture.duckdb"
    shutil.copy(seed_db, db)
    monkeypatch.setenv("CULTURE_DB", str(db))
    return db


@pytest.fixture
def literal_tables() -> dict:
    """LITERAL_ROWS as the ETL's DataFrames (what curation edits), review tables empty."""
    import pandas as pd

    from etl.load import COLUMNS, PUBLIC_TABLES

    def padded(table: str) -> list[tuple]:  # columns added since (articles.author) are null
        return [row + (None,) * (len(COLUMNS[table]) - len(row)) for row in LITERAL_ROWS.get(table, [])]

    return {t: pd.DataFrame(padded(t), columns=COLUMNS[t]) for t in PUBLIC_TABLES}


@pytest.fixture
def curation_file(tmp_path: Path) -> Callable[[str], Path]:
    """Write a curation YAML text to a file and return its path."""

    def write(text: str) -> Path:
        path = tmp_path / "curation.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write
