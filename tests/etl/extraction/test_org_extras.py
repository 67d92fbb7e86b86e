"""Organisations named without a capitalised head, and name forms (etl/extraction/org_extras.py, orgs.py)."""

import pytest

from etl.extraction.orgs import find_orgs
from etl.extraction.people import find_people

pytestmark = pytest.mark.slow


def orgs(nlp, text):
    doc = nlp(text)
    return {o.name for o in find_orgs(doc, [p.span for p in find_people(doc)]) if not o.generic}


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The concert was held at the Mirabel theatre on Friday.", "Mirabel theatre"),
        ("She thanked her team at the Selby Prize secretariat.", "Selby Prize secretariat"),
        ("Music came from Ana Lima of the Rumah Seni Surabaya dance company.", "Rumah Seni Surabaya"),
        ("The exhibition includes works of newsdesk24.com photographers.", "newsdesk24.com"),
        ("It was organised by the Norland Embassy, reports the Harbour Times.", "Harbour Times"),
        ("He also visited the old museum.\n\n– NORTA", "NORTA"),
        ("The festival's first hip-hop group, Red Dog Jones, closed the night.", "Red Dog Jones"),
        ("Lev Orlov and the Blue Hats performed swing tunes.", "Lev Orlov and the Blue Hats"),
        ("The Hague orchestra or Stedelijk Orkest hosted the guests.", "Stedelijk Orkest"),
    ],
)
def test_a_body_named_without_a_capital_head_is_found(nlp, text, body):
    assert body in orgs(nlp, text)


@pytest.mark.parametrize(
    ("text", "not_body"),
    [
        ("The Selby International Film Festival (SIFF) closed. SIFF drew crowds.", "SIFF"),
        ("This year, 69 organisations across 41 countries will host camps.", "69"),
        ("The Azerbaijani delegation visited the museum.", "Azerbaijani delegation"),
        ("The Selby National Theatre Festival opened on Monday.", "Selby National Theatre"),
        ("Norland Drama Theater Conducts Master Class For Theater Workers", "Master Class For Theater"),
        ("Executive Director of Perceive Architect, Ana Lima, spoke. Perceive arranged it.", "Perceive Architect"),
    ],
)
def test_words_that_name_no_body_are_not_one(nlp, text, not_body):
    assert not_body not in orgs(nlp, text)


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        (
            "It was supported by the Department of Archaeology and Kenya National Museum.",
            {"Department of Archaeology", "Kenya National Museum"},
        ),
        (
            "It ran in association with the Department of Cultural Affairs, the City Library and Norland Hospital.",
            {"Department of Cultural Affairs", "Norland Hospital"},
        ),
        ("The Tamazur Dance School on Pakistani music was applauded.", {"Tamazur Dance School"}),
        (
            "The project is run by the Ministry's Scientific, Methodological and Qualification Center of Culture.",
            {"Scientific, Methodological and Qualification Center of Culture"},
        ),
        ("He also visited the museum and Beit Al-Funun Al-Qadima (BFQ) buildings.", {"Beit Al-Funun Al-Qadima"}),
    ],
)
def test_names_keep_their_own_words(nlp, text, bodies):
    assert bodies <= orgs(nlp, text)


def test_a_body_named_with_and_without_its_place_is_one_name(nlp):
    found = orgs(nlp, "The National Theatre of Ghana held a conference. The National Theatre's board met.")
    assert "National Theatre" not in found and "National Theatre of Ghana" in found
