"""Query functions on an in-memory DuckDB filled from literal rows."""

from datetime import date

import pytest

from culturedash import db
from culturedash.filters import Filters
from etl.fts import create_article_index


def test_timeline_keeps_dated_events_with_parent_and_participant_count(literal_con):
    frame = db.timeline_events(literal_con, Filters())
    assert list(frame["name"]) == ["Harbour Forum", "Panel one", "Panel two"]
    panel = frame.set_index("name").loc["Panel one"]
    assert panel["parent"] == "Harbour Forum" and panel["participants"] == 3
    assert panel["end_date"] == panel["start_date"]  # a one-day event ends the day it starts


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(types=("panel",)), ["Panel one", "Panel two"]),
        (Filters(start=date(2024, 4, 1)), ["Panel two"]),
        (Filters(end=date(2024, 3, 31)), ["Harbour Forum", "Panel one"]),
        (Filters(orgs=("Harbour Museum",)), ["Panel one", "Panel two"]),
        (Filters(countries=("Norway",)), ["Panel one", "Panel two"]),
        (Filters(articles=("gala.txt",)), []),
        (Filters(types=("exhibition",)), []),
    ],
)
def test_filters_select_events(literal_con, filters, expected):
    assert list(db.timeline_events(literal_con, filters)["name"]) == expected


def test_undated_events_say_why_and_ignore_the_date_filter(literal_con):
    frame = db.undated_events(literal_con, Filters(start=date(2024, 1, 1)))
    assert list(frame["name"]) == ["Gala concert"]
    assert "no publication date" in frame["why"].iloc[0]


def test_monthly_counts_by_type(literal_con):
    frame = db.monthly_counts(literal_con, Filters())
    rows = {(str(m)[:10], t): n for m, t, n in frame.itertuples(index=False)}
    assert rows == {("2024-03-01", "forum"): 1, ("2024-03-01", "panel"): 1, ("2024-04-01", "panel"): 1}


def test_event_participants_and_figures_for_the_drill_down(literal_con):
    people = db.event_participants(literal_con, "E2")
    assert set(people["name"]) == {"Ana Lund", "Ben Ode", "Cai Wen"}
    assert people.set_index("name").loc["Ana Lund", "organisation"] == "Harbour Museum"
    figures = db.figures_table(literal_con, Filters(), "E2")
    assert list(figures["text"]) == ["45%"] and figures["speaker"].iloc[0] == "Ana Lund"


def test_coparticipation_rows_follow_the_filters(literal_con):
    assert len(db.coparticipation(literal_con, Filters())) == 5
    assert set(db.coparticipation(literal_con, Filters(start=date(2024, 4, 1)))["name"]) == {"Ana Lund", "Ben Ode"}


def test_institution_ranking_counts_mentions_events_and_people(literal_con):
    frame = db.institution_ranking(literal_con, Filters()).set_index("name")
    assert frame.loc["Harbour Museum", ["events", "people"]].tolist() == [2, 1]
    assert frame.loc["Reed Trio", "mentions"] == 1
    assert db.institution_ranking(literal_con, Filters(types=("exhibition",))).empty


@pytest.mark.parametrize(("countries", "expected"), [(("Norway",), ["Harbour Museum"]), (("Latvia",), [])])
def test_country_filter_keeps_only_organisations_of_that_country(literal_con, countries, expected):
    # a Latvian body and one with no country are named in the Norwegian forum's article: neither is Norwegian
    literal_con.execute(
        "INSERT INTO organizations VALUES ('O3', 'Baltic Film Fund', [], 'ngo', 'Latvia'), "
        "('O4', 'Coast News', [], 'media', NULL)"
    )
    literal_con.execute(
        "INSERT INTO mentions VALUES ('A1', 'organization', 'O3', 'BFF', 1, 4), "
        "('A1', 'organization', 'O4', 'CN', 5, 7)"
    )
    assert list(db.institution_ranking(literal_con, Filters(countries=countries))["name"]) == expected
    assert len(db.institution_ranking(literal_con, Filters())) == 4


def test_institution_mentions_give_the_sentence(literal_con):
    frame = db.institution_mentions(literal_con, "O2")
    assert frame["sentence"].tolist() == ["A gala concert by the Reed Trio."]


def test_figures_table_respects_the_article_scope(literal_con):
    assert len(db.figures_table(literal_con, Filters())) == 1
    assert db.figures_table(literal_con, Filters(articles=("gala.txt",))).empty


def test_search_ranks_with_the_full_text_index(literal_con):
    assert create_article_index(literal_con), "the duckdb-extension-fts package must be installed"
    assert db.has_fts(literal_con)
    assert list(db.search_articles(literal_con, "museum")["file_name"]) == ["forum.txt"]  # stemmed: "museums"
    assert db.search_articles(literal_con, "violin").empty


def test_search_without_the_index_falls_back_to_word_matching(literal_con):
    assert not db.has_fts(literal_con)
    assert list(db.search_articles(literal_con, "gala")["file_name"]) == ["gala.txt"]
    assert len(db.search_articles(literal_con, "")) == 2


def test_article_marks_cover_people_organisations_and_figures(literal_con):
    marks = db.article_marks(literal_con, "A1")
    body = db.article(literal_con, "A1")["body"]
    assert [body[s:e] for s, e, _, _ in marks.itertuples(index=False)] == ["Ana Lund", "Ana Lund", "45%"]
    records = db.article_records(literal_con, "A1")
    assert list(records["events"]["name"]) == ["Harbour Forum", "Panel one", "Panel two"]
