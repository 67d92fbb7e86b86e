"""Every page under AppTest on a generated corpus of a few hundred articles: no exception, its charts drawn.

The seed build has five articles; the Network page crashed at 500 (networkx needed scipy), and nothing ran a page
on more. Here every page is drawn on `corpus_db` (tests/conftest.py), the Network at its largest setting too.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import networkx as nx
import pytest
from streamlit.testing.v1 import AppTest

from culturedash import network as net
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

# page -> how many charts it draws by default
CHARTS = {
    "0_Overview": 1,
    "1_Timeline": 2,
    "2_Network": 1,
    "3_Institutions": 3,
    "4_Figures": 1,
    "5_Articles": 0,
    "6_Data": 0,
}


@pytest.fixture
def scale_db(corpus_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the generated corpus's build that the app reads."""
    db = tmp_path / "culture.duckdb"
    shutil.copy(corpus_db, db)
    monkeypatch.setenv("CULTURE_DB", str(db))
    monkeypatch.setenv("CULTURE_CURATION", str(tmp_path / "curation.yaml"))
    return db


def run_page(name: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "views" / f"{name}.py"), default_timeout=300)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def chart_titles(at: AppTest) -> list[str]:
    return [json.loads(el.proto.spec)["layout"]["title"]["text"] for el in at.get("plotly_chart")]


def test_the_corpus_is_a_few_hundred_articles_or_every_shipped_one(scale_db):
    with duckdb.connect(str(scale_db), read_only=True) as con:
        articles, people = con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM people)"
        ).fetchone()
    assert articles >= 30 and people > 100


@pytest.mark.parametrize("page", list(CHARTS))
def test_every_page_draws_on_a_generated_corpus(scale_db, page):
    at = run_page(page)
    assert not at.exception, at.exception
    assert len(at.get("plotly_chart")) >= CHARTS[page]
    assert not at.error


@pytest.mark.parametrize(("net_of", "top"), [("people", "400"), ("people", "25"), ("organisations", "400")])
def test_network_draws_at_every_size_of_the_top_view(scale_db, net_of, top):
    at = run_page("2_Network", net=net_of, top=top)
    assert not at.exception, at.exception
    titles = chart_titles(at)
    assert len(titles) == 1
    table = at.dataframe[0].value
    assert 0 < len(table) <= int(top)
    # the most connected are kept: nobody left out has more co-participants than someone drawn
    with duckdb.connect(str(scale_db), read_only=True) as con:
        from culturedash import network_queries as nq
        from culturedash.filters import Filters

        everyone = nq.network_nodes(con, Filters(), net_of)
    left_out = everyone[~everyone["name"].isin(set(table["name"]))]
    if len(left_out):
        assert left_out["degree"].max() <= table["degree"].min()
        assert f"the {len(table):,} most connected of {len(everyone):,}" in titles[0].replace("<br>", " ")


def test_network_filter_change_and_ego_view_draw(scale_db):
    at = run_page("2_Network", top="400")
    person = at.dataframe[0].value.iloc[0]["name"]
    with duckdb.connect(str(scale_db), read_only=True) as con:
        person_id = con.execute("SELECT person_id FROM people WHERE name = ?", [person]).fetchone()[0]
        common = con.execute("SELECT type FROM events GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    at.selectbox(key="ego").set_value(person_id).run()
    assert not at.exception and chart_titles(at)[0].startswith(f"{person} and their co-participants")
    at.multiselect(key="f_types").set_value([common]).run()
    assert not at.exception


def test_timeline_draws_the_latest_events_and_says_how_many_match(scale_db):
    with duckdb.connect(str(scale_db), read_only=True) as con:
        dated = con.execute("SELECT count(*) FROM events WHERE start_date IS NOT NULL").fetchone()[0]
    at = run_page("1_Timeline")
    assert not at.exception
    bars = sum(len(trace["y"]) for trace in json.loads(at.get("plotly_chart")[0].proto.spec)["data"])
    assert bars == min(dated, 80)
    if dated > 80:
        assert any(f"The latest 80 of {dated:,} dated events are drawn" in c.value for c in at.caption)


def test_networkx_lays_out_500_nodes_with_scipy_installed():
    # networkx switches to a scipy layout at 500 nodes: the Network page crashed there before scipy was pinned
    graph = nx.relabel_nodes(nx.barabasi_albert_graph(500, 1, seed=3), str)
    assert len(nx.spring_layout(graph, seed=net.SEED, iterations=2)) == 500


def _long_table() -> None:
    import pandas as pd

    from culturedash import ui

    ui.table(pd.DataFrame({"n": range(1234)}), "numbers")


def test_a_long_table_is_shown_a_page_at_a_time_and_downloaded_whole():
    at = AppTest.from_function(_long_table, default_timeout=60).run()
    assert not at.exception
    assert list(at.dataframe[0].value["n"]) == list(range(500))
    rows = at.selectbox(key="rows_numbers")
    assert rows.format_func(3) == "1,001–1,234 of 1,234"
    rows.set_value(3).run()
    assert list(at.dataframe[0].value["n"]) == list(range(1000, 1234))
    assert {b.proto.label for b in at.get("download_button")} == {"Download CSV", "Download Excel"}
