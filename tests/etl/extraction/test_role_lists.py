"""Roles read from lists of names (etl/extraction/role_lists.py), each rule on invented sentences."""

import pytest

from etl.extraction.participants import find_roles
from etl.extraction.people import find_people

pytestmark = pytest.mark.slow


def roles(nlp, text, event_type="other"):
    doc = nlp(text)
    people = find_people(doc)
    types = {s.start: event_type for s in doc.sents}
    return {(people[h.person].name, h.role, h.rule) for h in find_roles(doc, people, types)}


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        (
            "The tour was joined by Secretary General Rasa Vilkas, Assistant for heritage sector Dina Orlova, "
            "and Assistant for arts Omar Haddad.",
            "Dina Orlova",
            "attendee",
        ),
        (
            "The treaty was signed by the Norland Minister of Culture Ilse Berg and President of the Selby "
            "Heritage Board Tomas Novak.",
            "Tomas Novak",
            "attendee",
        ),
        (
            "Minister of Arts Lena Holm, the Selby Heritage Board chair Maria Sepp and Director of the Estland "
            "Opera Jonas Weber addressed the forum.",
            "Maria Sepp",
            "speaker",
        ),
    ],
)
def test_a_titled_name_in_a_list_takes_the_role_of_the_list(nlp, text, person, role):
    assert (person, role, "listed_with") in roles(nlp, text)


def test_a_name_that_says_who_another_is_is_not_listed_with_it(nlp):
    found = roles(nlp, "Anna Kovac, wife of Pavel Rusu, sang two songs.")
    assert not any(name == "Pavel Rusu" for name, _, _ in found)


@pytest.mark.parametrize(
    ("text", "people", "role"),
    [
        (
            "In attendance were Board Chairman of the Selby Theatre, Kofi Mensah; former Culture Minister, "
            "Ama Owusu; Dean of the Faculty of Arts, Prof. Yaw Boateng among others.",
            {"Kofi Mensah", "Ama Owusu", "Yaw Boateng"},
            "attendee",
        ),
        (
            "Among the attendees were ambassador Rasa Vilkas and writer Omar Haddad.",
            {"Rasa Vilkas", "Omar Haddad"},
            "attendee",
        ),
        ("Among the speakers were Lena Holm and Pavel Rusu.", {"Lena Holm", "Pavel Rusu"}, "speaker"),
    ],
)
def test_every_name_after_a_cue_of_presence_takes_its_role(nlp, text, people, role):
    found = roles(nlp, text)
    assert {(name, role) for name in people} <= {(name, r) for name, r, _ in found}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Programme:\n\nIlse Berg, conductor\n\nTomas Novak, cello\n\nSymphony no. 5", "Tomas Novak"),
        ("Programme:\n\nIlse Berg (piano)\n\nSymphony no. 5", "Ilse Berg"),
    ],
)
def test_a_credit_line_makes_a_performer(nlp, text, person):
    assert (person, "performer", "credit_line") in roles(nlp, text, "concert")


def test_a_name_and_a_trade_inside_a_sentence_is_no_credit_line(nlp):
    found = roles(nlp, "Ilse Berg, the conductor, was born in Selby.", "concert")
    assert not any(rule == "credit_line" for _, _, rule in found)
