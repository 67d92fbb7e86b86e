"""Organisation names (etl/extraction/orgs.py, body_lists.py): lists of bodies, split where news splits them."""

import pytest

from etl.extraction.orgs import find_orgs


def orgs(nlp, text):
    return {o.name for o in find_orgs(nlp(text), [])}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The prayer was led by Agus Wiranto of Al-Falah Islamic Center in Auckland.", "Al-Falah Islamic Center"),
        ("Music came from Rangi Parata of the Waitaha Youth Orchestra.", "Waitaha Youth Orchestra"),
    ],
)
def test_a_name_before_of_is_cut_from_the_body_it_belongs_to(nlp, text, body):
    found = orgs(nlp, text)
    assert any(name.startswith(body) for name in found)
    assert not any(name.split()[0] in text.split(" of ")[0] for name in found)


@pytest.mark.slow
def test_the_last_two_items_of_a_list_of_bodies_are_two_bodies(nlp):
    text = "It was staged in association with the Selby Arts Council, Rangi Vihar and Norland Hospital, on Monday."
    assert {"Rangi Vihar", "Norland Hospital"} <= orgs(nlp, text)


@pytest.mark.slow
def test_two_headed_names_joined_by_and_the_are_two_bodies(nlp):
    found = orgs(nlp, "The Selby Ministry of Culture and the Norland Ministry of Culture and Sport signed a plan.")
    assert {"Selby Ministry of Culture", "Norland Ministry of Culture and Sport"} <= found


@pytest.mark.slow
def test_a_meeting_of_a_body_is_not_a_name_before_it(nlp):
    assert "Appeals Commission" not in orgs(nlp, "Meeting Of Appeals Commission Reaches Conclusion")


@pytest.mark.slow
def test_a_body_with_a_head_and_a_name_without_one_are_two_bodies(nlp):
    found = orgs(nlp, "The festival is organised by Selby Theatre Academy and Manch Rangmanch with the city.")
    assert {"Selby Theatre Academy", "Manch Rangmanch"} <= found


@pytest.mark.slow
@pytest.mark.parametrize("name", ["Ministry of Culture and Tourism", "Selby Museum and Library"])
def test_one_body_named_with_and_stays_one(nlp, name):
    assert name in orgs(nlp, f"The {name} opened the hall on Monday.")


@pytest.mark.slow
def test_names_listed_with_a_body_are_bodies(nlp):
    text = "It was held with the Department of Cultural Affairs, Virsa Vihar and Amandeep Hospital."
    assert {"Virsa Vihar", "Amandeep Hospital"} <= orgs(nlp, text)


@pytest.mark.slow
def test_a_dateline_in_capitals_is_not_a_body(nlp):
    assert "MINSK" not in orgs(nlp, "MINSK, APR 6: The Embassy of Norland opened the weeks today.")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The exhibition opened at the Selby Art Museum in Paris on Monday.", "Selby Art Museum"),
        ("The Embassy of Norland in Paris hosted the reception.", "Embassy of Norland in Paris"),
        ("The ambassador of the Sultanate’s National Museum attended the opening.", "National Museum"),
        ("The Children’s Art Museum opened a new hall.", "Children’s Art Museum"),
    ],
)
def test_a_body_is_named_without_where_it_is_or_whose_it_is(nlp, text, body):
    assert body in orgs(nlp, text)
