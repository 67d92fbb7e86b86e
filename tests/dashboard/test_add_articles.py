"""The Add articles page and the citations the pages use: "Outlet, headline, date", never a first sentence."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from culturedash import adding, db, event_queries, ui
from culturedash.filters import Filters
from etl.add import Incoming
from etl.cache import cache_dir
from tests.conftest import ROOT, SEED_ARTICLES
from tests.documents import CONCERT, make_docx, make_zip


def test_timeline_and_figures_cite_outlet_headline_and_date(literal_con):
    events = event_queries.timeline_events(literal_con, Filters())
    assert set(events["article"]) == {"Coast News, Harbour forum opens, 1 Mar 2024"}
    assert event_queries.event_info(literal_con, "E1")["article"] == "Coast News, Harbour forum opens, 1 Mar 2024"
    assert set(event_queries.undated_events(literal_con, Filters())["article"]) == {
        "Gala concert"
    }  # no outlet, no date
    assert set(event_queries.figures_table(literal_con, Filters())["article"]) == {
        "Coast News, Harbour forum opens, 1 Mar 2024"
    }


@pytest.mark.parametrize(
    ("filters", "most", "cited"),
    [
        (Filters(articles=("forum.txt",)), 3, ["Coast News, Harbour forum opens, 1 Mar 2024"]),
        (Filters(), 3, ["Coast News, Harbour forum opens, 1 Mar 2024", "Gala concert"]),
        (Filters(), 1, []),  # too many to name: the footnote counts them instead
    ],
)
def test_a_few_articles_in_scope_are_cited_in_the_footnote(literal_con, filters, most, cited):
    found = db.cited_articles(literal_con, filters, most)
    assert found == cited
    note = ui.source_note(2, None, None, found)
    assert note.startswith(f"Source: {cited[0]}" if cited else "Source: 2 news articles")


@pytest.fixture
def site(tmp_path: Path, seed_db: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A writable article folder and its built database, as the app's CULTURE_SOURCE and CULTURE_DB."""
    source, db_path = tmp_path / "articles", tmp_path / "culture.duckdb"
    shutil.copytree(SEED_ARTICLES, source)
    shutil.copy(seed_db, db_path)
    shutil.copytree(cache_dir(seed_db), cache_dir(db_path))  # the seed build's cache: only new articles are parsed
    monkeypatch.setenv("CULTURE_SOURCE", str(source))
    monkeypatch.setenv("CULTURE_DB", str(db_path))
    monkeypatch.setenv("CULTURE_CURATION", str(tmp_path / "curation.yaml"))
    return source, db_path


@pytest.mark.slow
def test_upload_adds_the_good_files_reports_the_rest_and_rebuilds(site):
    source, db_path = site
    seen: list[tuple[int, int, str]] = []
    items = [
        Incoming("Gala.docx", make_docx(CONCERT, author="Leyla Mammadova")),
        Incoming("photos.docx", make_zip()),
        Incoming("again.txt", (source / "004_c14ffcdf8b389b8e.txt").read_bytes()),
    ]
    outcome = adding.add_and_rebuild(items, lambda *step: seen.append(step))
    assert outcome.report.added == ["Gala.docx"]
    assert outcome.report.errors[0].startswith("photos.docx: not a Word document (.docx).")
    assert outcome.report.duplicates == ["again.txt: the same article is already there as 004_c14ffcdf8b389b8e.txt"]
    assert outcome.summary and outcome.summary.startswith("Rebuilt: 6 articles")
    assert seen == [(1, 1, "Gala.docx")]  # only the new article was parsed
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute("SELECT title, author FROM articles WHERE file_name = 'Gala.docx'").fetchone() == (
            CONCERT[0],
            "Leyla Mammadova",
        )


@pytest.mark.slow
def test_pasted_article_appears_with_its_headline_outlet_and_date(site):
    source, db_path = site
    at = AppTest.from_file(str(ROOT / "views" / "7_Add_articles.py"), default_timeout=120).run()
    assert not at.exception
    by_label = {w.label: w for w in at.text_input}
    by_label["Headline"].input("Gala concert honours Gara Garayev")
    by_label["Outlet (newspaper, agency or site)"].input("Caspian Daily")
    at.date_input[0].set_value("2024-03-12")
    at.text_area[0].input("\n\n".join(CONCERT[1:]))
    at.button[1].click().run()
    assert not at.exception
    name = "gala-concert-honours-gara-garayev.txt"
    assert [s.value for s in at.success][:1] == [f"Added {name}"], [e.value for e in at.error]
    # the new records appear on the Timeline (the app reopens its connection on the rebuilt file)
    timeline = AppTest.from_file(str(ROOT / "views" / "1_Timeline.py"), default_timeout=120)
    timeline.query_params["article"] = name
    timeline.run()
    assert not timeline.exception
    chart = json.loads(timeline.get("plotly_chart")[0].proto.spec)
    cite = "Caspian Daily, Gala concert honours Gara Garayev, 12 Mar 2024"
    assert any(t["type"] == "bar" and t["name"] == "concert" for t in chart["data"])
    assert any(t["customdata"][0][5] == cite for t in chart["data"])  # the hover's source
    assert any(cite in a["text"] for a in chart["layout"]["annotations"])  # the footnote


@pytest.mark.slow
def test_paste_without_text_writes_nothing(site):
    source, _ = site
    before = sorted(p.name for p in source.iterdir())
    at = AppTest.from_file(str(ROOT / "views" / "7_Add_articles.py"), default_timeout=120).run()
    at.text_input[0].input("A headline alone")
    at.button[1].click().run()
    assert [w.value for w in at.warning] == ["A pasted article needs its headline and its text."]
    assert sorted(p.name for p in source.iterdir()) == before
