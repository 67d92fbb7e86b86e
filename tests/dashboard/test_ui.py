"""The report view (`?report=1`) under AppTest on the seed build: it prints whole and says what it shows."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from culturedash.safe_text import md
from tests.dashboard.test_pages import _busiest_event, _org_with_people, run_page, scalar

pytestmark = pytest.mark.slow

CONTROLS = ("selectbox", "multiselect", "radio", "date_input", "button", "download_button", "text_input")


def _texts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown] + [s.value for s in at.subheader]


def test_report_names_the_chosen_event_in_event_details(app_db):
    event_id, _, n = _busiest_event(app_db)
    name = scalar(app_db, "SELECT name FROM events WHERE event_id = ?", event_id)
    at = run_page("1_Timeline", report="1", event=event_id)
    assert not at.exception
    headings = [s.value for s in at.subheader]
    assert any(name in h for h in headings)
    assert f"Participants ({n})" in headings


def test_report_link_carries_the_chosen_event(app_db):
    event_id, _, _ = _busiest_event(app_db)
    at = run_page("1_Timeline")
    at.selectbox(key="event_pick").set_value(event_id).run()
    assert at.query_params["event"] == [event_id] or at.query_params["event"] == event_id
    link = next(m.value for m in at.sidebar.markdown if "Open this view as a report" in m.value)
    assert f"event={event_id}" in link


@pytest.mark.parametrize("page", ["1_Timeline", "2_Network", "3_Institutions", "5_Articles"])
def test_report_draws_no_controls_that_would_leave_gaps(app_db, page):
    at = run_page(page, report="1", type="panel")
    assert not at.exception
    for kind in CONTROLS:
        assert len(at.get(kind)) == 0, kind


@pytest.mark.parametrize("page", ["1_Timeline", "3_Institutions", "4_Figures", "5_Articles"])
def test_report_shows_tables_whole_not_in_scroll_boxes(app_db, page):
    at = run_page(page, report="1")
    assert not at.exception
    assert len(at.dataframe) == 0
    assert len(at.table) > 0


def test_report_opens_expanders_and_lays_tabs_out_one_after_another(app_db):
    org_id, name, _ = _org_with_people(app_db)
    at = run_page("3_Institutions", report="1", institution=org_id)
    assert not at.exception
    assert len(at.tabs) == 0
    assert any(t.startswith("**People (") for t in _texts(at)) and any(
        t.startswith("**Sentences (") for t in _texts(at)
    )
    assert name in [s.value for s in at.subheader]
    at = run_page("1_Timeline", report="1")
    assert all(e.proto.expanded for e in at.expander)


@pytest.mark.parametrize("page", ["0_Overview", "1_Timeline", "2_Network", "3_Institutions", "4_Figures", "5_Articles"])
def test_report_header_names_the_active_filters(app_db, page):
    at = run_page(page, report="1", type="panel")
    assert not at.exception
    assert any(t.startswith("**Filters:** type: panel") for t in _texts(at))
    plain = run_page(page, type="panel")
    assert not any(t.startswith("**Filters:**") for t in _texts(plain))


def _article_with_people(db) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    return tuple(  # type: ignore[return-value]
        run_sql(
            db,
            """SELECT a.article_id, a.title FROM articles a JOIN mentions m USING (article_id)
               GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT 1""",
        )
    )


def run_sql(db, sql: str) -> tuple:  # type: ignore[no-untyped-def]
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchone()


@pytest.mark.parametrize(
    ("page", "param", "what"),
    [
        ("1_Timeline", "event", "Event"),
        ("3_Institutions", "institution", "Institution"),
        ("5_Articles", "read", "Article"),
    ],
)
def test_report_header_names_the_record_the_page_is_about(app_db, page, param, what):
    if page == "1_Timeline":
        record, name = _busiest_event(app_db)[0], None
    elif page == "3_Institutions":
        record, name, _ = _org_with_people(app_db)
    else:
        record, name = _article_with_people(app_db)
    at = run_page(page, report="1", **{param: record})
    assert not at.exception
    header = next(m.value for m in at.markdown if m.value.startswith("**Filters:**"))
    lines = header.split("  \n")
    assert lines[1].startswith(f"**{what}:** ") and lines[2].startswith("Source:")
    if name:
        assert md(name) in lines[1]  # shown as text: Markdown characters in it are escaped


def test_figures_report_charts_the_group_in_the_url_without_controls(app_db):
    at = run_page("4_Figures")
    groups = at.selectbox(key="fig_group").options
    assert len(groups) >= 2
    at.selectbox(key="fig_group").set_value(groups[1]).run()
    assert at.query_params["group"] in (groups[1], [groups[1]])
    report = run_page("4_Figures", report="1", group=groups[1])
    assert not report.exception
    for kind in CONTROLS:
        assert len(report.get(kind)) == 0, kind
    assert f"*{md(groups[1])}*" in [m.value for m in report.markdown]  # the group charted is named where the picker was


def test_network_report_leaves_no_empty_row_of_columns(app_db):
    at = run_page("2_Network", report="1")
    assert not at.exception
    assert len(at.columns) == 0


def test_article_report_shows_the_title_once_and_the_whole_text(app_db):
    article_id, title = _article_with_people(app_db)
    at = run_page("5_Articles", report="1", read=article_id)
    assert not at.exception
    assert [s.value for s in at.subheader].count(md(title)) == 1
    body = next(m.value for m in at.markdown if "<mark" in m.value and "line-height" in m.value)
    assert "max-height" not in body and "overflow" not in body  # a scroll box prints only its first lines
    assert "score" not in at.table[0].value.columns  # no search: no empty score column
