"""The overview page renders the database's numbers."""

import shutil

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_overview_shows_the_article_count_and_titles(seed_db, tmp_path, monkeypatch):
    # The app reads data/culture.duckdb; point it at a copy of the seed build.
    db = tmp_path / "culture.duckdb"
    shutil.copy(seed_db, db)
    monkeypatch.setenv("CULTURE_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    with duckdb.connect(str(db), read_only=True) as con:
        n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == str(n_articles) == "5"
    assert metrics["Events"] == str(n_events)
    titles = at.dataframe[0].value["title"].tolist()
    assert len(titles) == n_articles
