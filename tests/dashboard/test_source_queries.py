"""Queries of the institutions and articles pages on an in-memory DuckDB filled from literal rows."""

import pytest

from culturedash import db, source_queries
from culturedash.filters import Filters
from etl.fts import create_article_index


def test_institution_ranking_counts_mentions_events_and_people(literal_con):
    frame = source_queries.institution_ranking(literal_con, Filters()).set_index("name")
    assert frame.loc["Harbour Museum", ["events", "people"]].tolist() == [2, 1]
    assert frame.loc["Reed Trio", "mentions"] == 1
    assert source_queries.institution_ranking(literal_con, Filters(types=("exhibition",))).empty


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
    assert list(source_queries.institution_ranking(literal_con, Filters(countries=countries))["name"]) == expected
    assert len(source_queries.institution_ranking(literal_con, Filters())) == 4


def test_institution_mentions_give_the_sentence(literal_con):
    frame = source_queries.institution_mentions(literal_con, "O2")
    assert frame["sentence"].tolist() == ["A gala concert by the Reed Trio."]


def test_search_ranks_with_the_full_text_index(literal_con):
    assert create_article_index(literal_con), "the duckdb-extension-fts package must be installed"
    assert db.has_fts(literal_con)
    # stemmed: "museum" finds "museums"
    assert list(source_queries.search_articles(literal_con, "museum")["file_name"]) == ["forum.txt"]
    assert source_queries.search_articles(literal_con, "violin").empty


def test_search_without_the_index_falls_back_to_word_matching(literal_con):
    assert not db.has_fts(literal_con)
    assert list(source_queries.search_articles(literal_con, "gala")["file_name"]) == ["gala.txt"]
    assert len(source_queries.search_articles(literal_con, "")) == 2


def test_article_marks_cover_people_organisations_and_figures(literal_con):
    marks = source_queries.article_marks(literal_con, "A1")
    body = source_queries.article(literal_con, "A1")["body"]
    assert [body[s:e] for s, e, _, _ in marks.itertuples(index=False)] == ["Ana Lund", "Ana Lund", "45%"]
    records = source_queries.article_records(literal_con, "A1")
    assert list(records["events"]["name"]) == ["Harbour Forum", "Panel one", "Panel two"]


def test_article_marks_skip_figures_added_without_a_place_in_the_text(literal_con):
    # `add: figure` has no offsets: a NULL in the marks stopped the Articles reader with a traceback
    literal_con.execute(
        "INSERT INTO figures VALUES ('F2', 'A1', NULL, NULL, 3, 'people', NULL, 'three', false, 'x', NULL, NULL)"
    )
    marks = source_queries.article_marks(literal_con, "A1")
    assert marks["start_char"].notna().all() and len(marks) == 3
