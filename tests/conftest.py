"""Fixtures shared by all tests: the real model (loaded once), a built seed database, sample files."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from etl.extract import extract_article
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
