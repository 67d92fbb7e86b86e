"""Who took part in which event and in what role, on invented sentences."""

import pytest
import spacy
from spacy.tokens import Doc

from etl.extraction.titles_and_roles import _before_a_coordinated_name

pytestmark = pytest.mark.slow


def roles(ex):
    return {(ex.people[p.person_local_id].name, p.role, ex.events[p.event_local_id].name) for p in ex.participations}


@pytest.mark.parametrize(
    ("sentence", "person", "role"),
    [
        ("The panel was also moderated by a city council adviser, Lena Markus.", "Lena Markus", "moderator"),
        (
            "The session featured presentations from director of the Hill Museum Omar Sadiq, "
            "director of the River Gallery Ines Vaz.",
            "Ines Vaz",
            "presenter",
        ),
        (
            "Then the first trainer of the course, Petra Holm, who teaches at Lund Academy, presented the basic ideas.",
            "Petra Holm",
            "trainer",
        ),
        ("Painter Ivo Lanz and art critic Mara Sol talked about education in the regions.", "Ivo Lanz", "speaker"),
        ("Key guests, including Ambassador Tomas Ruud, participated in the session.", "Tomas Ruud", "attendee"),
    ],
)
def test_role_cues(extract, sentence, person, role):
    ex = extract(f'The Coastal Culture Forum held a panel session on "Culture in Small Towns".\n\n{sentence}')
    assert (person, role, "Culture in Small Towns") in roles(ex)


def test_moderator_of_one_panel_is_not_the_next_speaker(extract):
    text = (
        'The forum opened with a panel entitled "Music and Cities".\n\n'
        "At the panel moderated by Anna Berg, adviser to the mayor, Karl Moss said that halls are full.\n\n"
        'The next panel of the forum was dedicated to the topic "Film and Schools".\n\n'
        "Rita Olsen, who spoke at the panel moderated by Jon Dale, said that schools need cinemas.\n\n"
        "Sara Lind, founder of the Bright Lights festival, spoke about the festival she created."
    )
    got = roles(extract(text))
    assert ("Anna Berg", "moderator", "Music and Cities") in got
    assert ("Jon Dale", "moderator", "Film and Schools") in got
    assert ("Sara Lind", "speaker", "Film and Schools") in got
    assert not any(name in ("Rita Olsen", "Jon Dale") and event == "Music and Cities" for name, _, event in got)


def test_honorific_with_first_name_is_the_same_person(extract):
    ex = extract("The guest speaker was Ahmad Karimi, head of the Lute Society. Mr. Ahmad described its history.")
    assert sorted(p.name for p in ex.people.values()) == ["Ahmad Karimi"]


@pytest.mark.parametrize(
    ("words", "tags", "ents", "title"),
    [
        # the model tagged the first name ORG: the name is the proper nouns before "and"
        (
            "heads of state Kassym - Jomart Tokayev and",
            "NNS IN NN NNP HYPH NNP NNP CC",
            "O O O B-ORG I-ORG I-ORG I-ORG O",
            "heads of state",
        ),
        ("culture ministers Laila Haddad ,", "NN NNS NNP NNP ,", "O O B-PERSON I-PERSON O", "culture ministers"),
        ("Minister of Culture Laila Haddad and", "NNP IN NNP NNP NNP CC", "O O O B-PERSON I-PERSON O", ""),
        ("Deputy Minister", "NNP NNP", "O O", "Deputy Minister"),
    ],
)
def test_title_before_the_second_of_two_names(words, tags, ents, title):
    tokens = words.split()
    pos = ["PROPN" if t == "NNP" else "PUNCT" if t in (",", "HYPH") else "X" for t in tags.split()]
    doc = Doc(spacy.blank("en").vocab, words=tokens, tags=tags.split(), pos=pos, ents=ents.split())
    assert " ".join(t.text for t in _before_a_coordinated_name(list(doc))) == title


def test_a_title_shared_by_two_coordinated_names_stops_at_the_first_name(extract):
    ex = extract(
        "The plan was endorsed by the heads of state Laila Haddad and Tomas Lindqvist during their meeting in Riga "
        "in May, the Foreign Ministry reported."
    )
    titles = {p.name: p.title for p in ex.people.values()}
    assert titles["Laila Haddad"] == "Heads of state"
    assert titles["Tomas Lindqvist"] in (None, "Heads of state")  # never "Heads of state Laila Haddad and"


def test_a_singular_title_before_two_names_is_only_the_first_persons(extract):
    ex = extract("The exhibition was opened by Minister of Culture Laila Haddad and Tomas Lindqvist on Monday.")
    titles = {p.name: p.title for p in ex.people.values()}
    assert titles.get("Tomas Lindqvist") is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        ("The hall was opened by Mara Kovac in the presence of Ambassador Lev Orlov.", "Lev Orlov", "Ambassador"),
        (
            "The orchestra played at the Selby Hall on Friday under the baton of conductor Lev Orlov.",
            "Lev Orlov",
            "Conductor",
        ),
        (
            "“It went well,” said Lev Orlov, first-year festival executive director.",
            "Lev Orlov",
            "First-year festival executive director",
        ),
    ],
)
def test_the_phrase_around_a_title_is_not_part_of_it(extract, text, person, title):
    people = {p.name: p for p in extract(text, "2024-05-12").people.values()}
    assert people[person].title == title
