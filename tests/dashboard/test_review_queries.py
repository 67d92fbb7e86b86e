"""Queries of the Data page on an in-memory DuckDB filled from literal rows."""

from culturedash import review_queries


def test_quality_summary_lists_what_needs_attention(literal_con):
    summary = review_queries.quality_summary(literal_con)
    assert list(summary["events without a date"]["name"]) == ["Gala concert"]
    assert sorted(summary["people without an organisation"]["name"]) == ["Ben Ode", "Cai Wen"]
    assert summary["articles with no events"].empty


def test_entity_context_gives_each_sentence_once(literal_con):
    context = review_queries.entity_context(literal_con, "person", "P1")
    assert "Ana Lund, director of the Harbour Museum." in set(context["sentence"])
    assert context["sentence"].is_unique


def test_people_and_orgs_carry_the_stated_body(literal_con):
    people = review_queries.people_and_orgs(literal_con)["people"].set_index("name")
    assert people.loc["Ana Lund", "organisation"] == "Harbour Museum"


def test_person_articles_give_what_each_article_says(literal_con):
    rows = review_queries.person_articles(literal_con, "P1").to_dict("records")
    assert rows == [
        {
            "file_name": "forum.txt",
            "article": "Harbour forum opens",
            "title": "Director",
            "organisation": "Harbour Museum",
        }
    ]
