"""Every page under AppTest on the seed build: default view, a filter, a filter matching nothing, the drill-down."""

from __future__ import annotations

import json

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def run_page(name: str, **params: str | list[str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "views" / f"{name}.py"), default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def charts(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def chart_titles(at: AppTest) -> list[str]:
    return [c["layout"]["title"]["text"] for c in charts(at)]


def infos(at: AppTest) -> str:
    return " ".join(i.value for i in at.info)


def scalar(db, sql: str, *params):  # type: ignore[no-untyped-def]
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, list(params)).fetchone()[0]


# ----------------------------------------------------------------- overview and app


def test_app_opens_on_the_overview_with_counts(app_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "5"
    assert metrics["Events"] == str(scalar(app_db, "SELECT count(*) FROM events"))
    assert len(at.dataframe[0].value) == 5
    assert chart_titles(at)[0].startswith("Events reported, by type")


# ----------------------------------------------------------------- timeline


def test_timeline_default_shows_dated_events_and_undated_ones_with_why(app_db):
    at = run_page("1_Timeline")
    assert not at.exception
    dated = scalar(app_db, "SELECT count(*) FROM events WHERE start_date IS NOT NULL")
    undated = scalar(app_db, "SELECT count(*) FROM events WHERE start_date IS NULL")
    timeline = charts(at)[0]
    assert sum(len(trace["y"]) for trace in timeline["data"]) == dated
    assert "All articles, all dates" in timeline["layout"]["title"]["text"]
    assert f"Events without a date ({undated})" in [s.value for s in at.subheader]


def test_timeline_type_filter_is_read_from_the_url_and_named_in_the_subtitle(app_db):
    at = run_page("1_Timeline", type="panel")
    assert not at.exception
    timeline = charts(at)[0]
    assert {trace["name"] for trace in timeline["data"]} == {"panel"}
    assert "type: panel" in timeline["layout"]["title"]["text"]
    assert at.multiselect(key="f_types").value == ["panel"]


def test_changing_a_filter_writes_it_to_the_url(app_db):
    at = run_page("1_Timeline")
    at.multiselect(key="f_types").set_value(["forum", "panel"]).run()
    assert not at.exception
    assert at.query_params["type"] == ["forum", "panel"]
    assert "type: forum, panel" in chart_titles(at)[0]


def test_timeline_filter_matching_nothing_says_so(app_db):
    at = run_page("1_Timeline", type="exhibition", article=_article_without(app_db, "exhibition"))
    assert not at.exception
    assert charts(at) == []
    assert "No dated events match the current filters" in infos(at)


def test_timeline_drill_down_shows_participants_of_the_chosen_event(app_db):
    event_id, name, n = _busiest_event(app_db)
    at = run_page("1_Timeline")
    at.selectbox(key="event_pick").set_value(event_id).run()
    assert not at.exception
    assert f"Participants ({n})" in [s.value for s in at.subheader]
    shown = at.dataframe[-1].value if "name" in at.dataframe[-1].value else at.dataframe[-2].value
    assert name in set(shown["name"])


def test_a_forum_lists_the_participants_of_its_sessions_apart(app_db):
    with duckdb.connect(str(app_db), read_only=True) as con:
        forum, own = con.execute(
            """SELECT p.event_id, (SELECT count(DISTINCT person_id) FROM participations x WHERE x.event_id = p.event_id)
               FROM events p JOIN events c ON c.parent_id = p.event_id
               JOIN participations pa ON pa.event_id = c.event_id
               GROUP BY p.event_id ORDER BY count(DISTINCT pa.person_id) DESC LIMIT 1"""
        ).fetchone()
        session_people = set(
            r[0]
            for r in con.execute(
                """SELECT pe.name FROM events c JOIN participations pa USING (event_id) JOIN people pe USING (person_id)
                   WHERE c.parent_id = ?""",
                [forum],
            ).fetchall()
        )
    at = run_page("1_Timeline", event=forum)
    assert not at.exception
    headings = [s.value for s in at.subheader]
    assert f"Participants ({own})" in headings
    assert any(h.startswith(f"Participants in its sessions ({len(session_people)} in ") for h in headings)
    listed = next(d.value for d in at.dataframe if "session" in d.value.columns)
    assert set(listed["name"]) == session_people


# ----------------------------------------------------------------- network


def test_network_default_lists_centrality_for_every_linked_person(app_db):
    at = run_page("2_Network")
    assert not at.exception
    table = at.dataframe[0].value
    assert {"degree", "weighted_degree", "betweenness", "community"} <= set(table.columns)
    people = scalar(app_db, "SELECT count(DISTINCT person_id) FROM participations")
    assert len(table) == people
    assert chart_titles(at)[0].startswith("People who took part in the same events")


def test_network_organisation_projection(app_db):
    at = run_page("2_Network", net="organisations")
    assert not at.exception
    assert chart_titles(at)[0].startswith("Organisations whose people took part in the same events")
    assert not any("Two people are linked" in c.value for c in at.caption)
    assert any("Two organisations are linked" in c.value for c in at.caption)
    assert len(at.dataframe[0].value) == scalar(
        app_db, "SELECT count(DISTINCT org_id) FROM participations WHERE org_id IS NOT NULL"
    )


def test_network_ego_view_centres_on_the_chosen_person(app_db):
    at = run_page("2_Network")
    name = at.dataframe[0].value.iloc[0]["name"]
    person_id = scalar(app_db, "SELECT person_id FROM people WHERE name = ?", name)
    at.selectbox(key="ego").set_value(person_id).run()
    assert not at.exception
    assert chart_titles(at)[0].startswith(f"{name} and their co-participants")


def test_network_filter_matching_nothing_says_so(app_db):
    at = run_page("2_Network", type="exhibition", article=_article_without(app_db, "exhibition"))
    assert "No shared events between two or more participants match" in infos(at)


# ----------------------------------------------------------------- institutions


def test_institutions_rank_by_the_chosen_metric_and_show_breakdowns(app_db):
    at = run_page("3_Institutions", metric="people")
    assert not at.exception
    titles = chart_titles(at)
    assert titles[0].startswith("Organisations by people affiliated")
    assert any(t.startswith("Organisations by kind") for t in titles)
    assert any(t.startswith("Organisations by country") for t in titles)
    table = at.dataframe[0].value
    assert list(table["people"]) == sorted(table["people"], reverse=True)
    assert (table["people"] > 0).all()


def test_institution_detail_lists_its_people_and_sentences(app_db):
    org_id, name, person = _org_with_people(app_db)
    at = run_page("3_Institutions")
    at.selectbox(key="org_pick").set_value(org_id).run()
    assert not at.exception
    people = next(d.value for d in at.dataframe if "title" in d.value.columns and "evidence" in d.value.columns)
    assert person in set(people["name"])
    sentences = at.dataframe[-1].value
    assert all(name.split()[-1] in s for s in sentences["sentence"])


def test_institutions_filter_matching_nothing_says_so(app_db):
    at = run_page("3_Institutions", metric="events", type="exhibition", article=_article_without(app_db, "exhibition"))
    assert "No organisations match the current filters" in infos(at)


# ----------------------------------------------------------------- figures


def test_figures_table_and_proposed_chart_of_shares(app_db):
    at = run_page("4_Figures")
    assert not at.exception
    table = at.dataframe[-1].value
    assert len(table) == scalar(app_db, "SELECT count(*) FROM figures")
    chart = charts(at)[0]
    assert chart["layout"]["title"]["text"].startswith("Reported figures: shares")
    bars = chart["data"][0]
    assert len(bars["x"]) >= 3 and all(str(t).endswith("%") for t in bars["text"])
    assert "Source:" in chart["layout"]["annotations"][0]["text"]


def test_figures_approximate_values_read_as_written(app_db):
    table = run_page("4_Figures").dataframe[-1].value
    approx = scalar(app_db, "SELECT count(*) FROM figures WHERE approx")
    marked = table["figure"].str.match(r"^(~|more than|close to|almost|nearly|less than|under|up to)")
    assert marked.sum() == approx


def test_figures_filter_matching_nothing_says_so(app_db):
    at = run_page("4_Figures", article="no-such-file.txt", type="exhibition", country="Nowhere")
    # unknown values are dropped: the page falls back to all figures instead of failing
    assert not at.exception and len(at.dataframe[-1].value) > 0
    at = run_page("4_Figures", type="exhibition", article=_article_without(app_db, "exhibition"))
    assert "No figures match the current filters" in infos(at)


# ----------------------------------------------------------------- articles


def test_article_search_uses_the_full_text_index(app_db):
    at = run_page("5_Articles", q="museums")
    assert not at.exception
    assert not any("Full-text index not found" in c.value for c in at.caption)
    results = at.dataframe[0].value
    assert 0 < len(results) < 5
    assert results["score"].is_monotonic_decreasing


def test_article_reader_highlights_records_and_escapes_the_text(app_db):
    at = run_page("5_Articles")
    html = next(m.value for m in at.markdown if "<mark" in m.value and "line-height" in m.value)
    assert 'class="person"' in html and 'class="organization"' in html and 'class="date"' in html
    assert "<script" not in html.lower()
    headings = [m.value for m in at.markdown if m.value.startswith("**")]
    for part in ("Events", "People", "Organisations", "Figures"):
        assert any(h.startswith(f"**{part} (") for h in headings)


def test_article_search_without_results_says_so(app_db):
    at = run_page("5_Articles", q="xylophonezzz")
    assert "No article matches" in infos(at)


# ----------------------------------------------------------------- helpers over the seed build


def _article_without(db, event_type: str) -> str:  # type: ignore[no-untyped-def]
    return scalar(
        db,
        """SELECT file_name FROM articles a WHERE NOT EXISTS (SELECT 1 FROM event_articles ea JOIN events e
           USING (event_id) WHERE ea.article_id = a.article_id AND e.type = ?) ORDER BY file_name LIMIT 1""",
        event_type,
    )


def _busiest_event(db) -> tuple[str, str, int]:  # type: ignore[no-untyped-def]
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(
            """SELECT pa.event_id, min(p.name), count(DISTINCT pa.person_id) AS n FROM participations pa
               JOIN people p USING (person_id) GROUP BY 1 ORDER BY n DESC, 1 LIMIT 1"""
        ).fetchone()
    return row[0], row[1], row[2]


def _org_with_people(db) -> tuple[str, str, str]:  # type: ignore[no-untyped-def]
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(
            """SELECT o.org_id, o.name, min(p.name) FROM affiliations a JOIN organizations o USING (org_id)
               JOIN people p USING (person_id) GROUP BY 1, 2 ORDER BY count(*) DESC, 2 LIMIT 1"""
        ).fetchone()
    return row[0], row[1], row[2]


def test_report_view_hides_controls_and_keeps_charts(app_db):
    at = run_page("1_Timeline", report="1", type="panel")
    assert not at.exception
    assert any('[data-testid="stSidebar"]' in m.value for m in at.markdown)  # the hiding stylesheet
    assert not any("Open this view as a report" in m.value for m in at.markdown)
    assert "type: panel" in chart_titles(at)[0]


# ----------------------------------------------------------------- filters on the overview, downloads everywhere


def test_overview_applies_the_sidebar_filters_and_says_so(app_db):
    at = run_page("0_Overview", type="panel")
    assert not at.exception
    bars = charts(at)[0]["data"][0]
    assert list(bars["y"]) == ["panel"]
    assert "type: panel" in chart_titles(at)[0]
    assert "follow the sidebar filters" in infos(at)
    panels = scalar(
        app_db,
        "SELECT count(DISTINCT ea.article_id) FROM event_articles ea JOIN events USING (event_id) WHERE type = 'panel'",
    )
    assert len(at.dataframe[0].value) == panels


def _downloads(at: AppTest) -> set[str]:
    return {b.proto.label for b in at.get("download_button")}


@pytest.mark.parametrize("page", ["0_Overview", "5_Articles", "3_Institutions"])
def test_every_record_table_has_its_downloads(app_db, page):
    at = run_page(page)
    assert not at.exception
    assert _downloads(at) == {"Download CSV", "Download Excel"}
    assert len(at.get("download_button")) == 2 * len(at.dataframe)


def test_network_ego_picker_starts_on_everyone(app_db):
    # a None option drew the picker empty ("Choose an option") instead of saying the whole network is shown
    at = run_page("2_Network")
    picker = at.selectbox(key="ego")
    assert picker.value == "" and picker.format_func(picker.value) == "everyone"
    assert "ego" not in at.query_params
