"""Names that read like people's but are groups, works, bodies or venues (etl/extraction/not_people.py)."""

import pytest

from etl.extraction.people import find_people

pytestmark = pytest.mark.slow


def people(nlp, text):
    return {p.name for p in find_people(nlp(text))}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Thus, the Norland film, Silver Knight, won the main prize.", "Silver Knight"),
        ("The line-up included acrobats and the festival's first hip-hop group, Red Dog Jones.", "Red Dog Jones"),
        ("Lev Orlov and the Blue Hats performed swing tunes.", "Blue Hats"),
        ("It was organised by the Dastak Theatre at Rangi Vihar on Monday.", "Rangi Vihar"),
        ("Mara Kovac, Vice President of the Kenya Hope Kristi Sangha, spoke.", "Hope Kristi Sangha"),
        (
            "A marimba concert was held in Dunedin by the embassy and Marimba Dunedin on March 22. "
            "Marimba Dunedin has performed at many festivals.",
            "Marimba Dunedin",
        ),
        ("Writer Mara Kovac has won the 2024 Selby Book Prize for her novel.", "Selby Book"),
    ],
)
def test_a_name_in_the_place_of_a_group_work_body_or_venue_is_no_person(nlp, text, name):
    assert name not in people(nlp, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The prize went to the Italian Paolo Rossi.", "Paolo Rossi"),
        ("Everyone smiled at John Smith when the music stopped.", "John Smith"),
        # a given name that is also a word, and a surname that is a place: one signal alone is not enough
        ("Rose Berg spoke in Selby, where a rose garden opened.", "Rose Berg"),
        ("Ana Paris sang in Paris on Friday.", "Ana Paris"),
    ],
)
def test_people_in_those_places_stay_people(nlp, text, name):
    assert name in people(nlp, text)
