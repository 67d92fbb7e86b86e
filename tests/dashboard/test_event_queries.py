"""Queries of the event pages on an in-memory DuckDB filled from literal rows."""

from datetime import date

import pytest

from culturedash import event_queries
from culturedash.filters import Filters


def test_timeline_keeps_dated_events_with_parent_and_participant_count(literal_con):
    frame = event_queries.timeline_events(literal_con, Filters())
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
    assert list(event_queries.timeline_events(literal_con, filters)["name"]) == expected


def test_undated_events_say_why_and_ignore_the_date_filter(literal_con):
    frame = event_queries.undated_events(literal_con, Filters(start=date(2024, 1, 1)))
    assert list(frame["name"]) == ["Gala concert"]
    assert "no publication date" in frame["why"].iloc[0]


def test_monthly_counts_by_type(literal_con):
    frame = event_queries.monthly_counts(literal_con, Filters())
    rows = {(str(m)[:10], t): n for m, t, n in frame.itertuples(index=False)}
    assert rows == {("2024-03-01", "forum"): 1, ("2024-03-01", "panel"): 1, ("2024-04-01", "panel"): 1}


def test_event_participants_and_figures_for_the_drill_down(literal_con):
    people = event_queries.event_participants(literal_con, "E2")
    assert set(people["name"]) == {"Ana Lund", "Ben Ode", "Cai Wen"}
    assert people.set_index("name").loc["Ana Lund", "organisation"] == "Harbour Museum"
    figures = event_queries.figures_table(literal_con, Filters(), "E2")
    assert list(figures["text"]) == ["45%"] and figures["speaker"].iloc[0] == "Ana Lund"


def test_a_forum_counts_the_people_of_its_panels_apart_from_its_own(literal_con):
    # the forum itself names nobody; its two panels name Ana, Ben and Cai (Ana and Ben in both)
    frame = event_queries.timeline_events(literal_con, Filters()).set_index("name")
    assert frame.loc["Harbour Forum", "participants"] == 0 and frame.loc["Harbour Forum", "in_sessions"] == 3
    assert frame.loc["Panel one", "in_sessions"] == 0
    sessions = event_queries.session_participants(literal_con, "E1")
    assert list(sessions.columns) == ["name", "role", "session", "title", "organisation", "evidence"]
    assert len(sessions) == 5 and set(sessions["session"]) == {"Panel one", "Panel two"}
    assert event_queries.session_participants(literal_con, "E2").empty


def test_session_count_leaves_out_the_events_own_participants(literal_con):
    literal_con.execute("INSERT INTO participations VALUES ('E1', 'P1', 'speaker', NULL, NULL, 'Ana opened.', 'x')")
    forum = event_queries.timeline_events(literal_con, Filters()).set_index("name").loc["Harbour Forum"]
    assert forum["participants"] == 1 and forum["in_sessions"] == 2


def test_timeline_limit_keeps_the_latest_and_says_how_many_match(literal_con):
    frame = event_queries.timeline_events(literal_con, Filters(), limit=2)
    assert list(frame["name"]) == ["Harbour Forum", "Panel two"] or list(frame["name"]) == ["Panel one", "Panel two"]
    assert list(frame["matching"]) == [3, 3]


def test_event_choices_are_limited_but_keep_the_event_asked_for(literal_con):
    assert len(event_queries.event_choices(literal_con, Filters())) == 4
    few = event_queries.event_choices(literal_con, Filters(), limit=1, include="E4")
    assert set(few["event_id"]) == {"E3", "E4"}  # the latest dated one, and the undated one asked for


def test_figures_table_respects_the_article_scope(literal_con):
    assert len(event_queries.figures_table(literal_con, Filters())) == 1
    assert event_queries.figures_table(literal_con, Filters(articles=("gala.txt",))).empty


def test_a_figure_without_a_place_in_the_text_is_listed(literal_con):
    # `add: figure` in the curation file has no offsets: the Figures page listed nothing and crashed for everyone
    literal_con.execute(
        "INSERT INTO figures VALUES ('F2', 'A1', NULL, NULL, 3000, 'people', 'visitors', 'about 3,000', true, "
        "'Added by curation', NULL, NULL)"
    )
    frame = event_queries.figures_table(literal_con, Filters())
    assert sorted(frame["text"]) == ["45%", "about 3,000"]
    assert event_queries.previous_sentences(literal_con, ("F2",)) == {"F2": ""}


def test_previous_sentence_is_read_for_the_figures_asked(literal_con):
    literal_con.execute(
        "UPDATE articles SET body = 'Museums opened. 45% of them are digital.' WHERE article_id = 'A1';"
        "UPDATE figures SET start_char = 16, end_char = 19"
    )
    assert event_queries.previous_sentences(literal_con, ("F1",)) == {"F1": "Museums opened."}
