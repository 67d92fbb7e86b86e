"""Rule `head_of_organiser` (etl/extraction/organising_bodies.py): the head of the body that put an event on."""

import pytest

pytestmark = pytest.mark.slow


def organizers(ex) -> set[str]:
    return {ex.people[p.person_local_id].name for p in ex.participations if p.role == "organizer"}


def rules(ex, name: str) -> set[str]:
    return {p.rule for p in ex.participations if ex.people[p.person_local_id].name == name}


@pytest.mark.parametrize(
    "text",
    [
        "The Selby Theatre on Wednesday held its Annual Conference of Performing Arts at the Harbour Hall. "
        "In attendance were Board Chairman of the Selby Theatre, Ana Berg; and the poet Lee Park.",
        'The "Harbour Craft Fair" was inaugurated on Monday. It was organised by the Selby Embassy in association '
        "with the Harbour Business Group (HBG).\n\nAna Berg, President of the HBG, said the fair would help artisans.",
    ],
)
def test_the_head_of_a_body_that_organised_the_event_organised_it(extract, text):
    ex = extract(text, "2024-09-12")
    assert "Ana Berg" in organizers(ex)
    assert "head_of_organiser" in rules(ex, "Ana Berg")
    assert "Lee Park" not in organizers(ex)


def test_the_head_of_a_department_of_the_organising_body_is_not_its_organiser(extract):
    text = (
        "The Ministry of Culture held the Harbour Forum in Selby on Monday.\n\n"
        "The panel was moderated by Ana Berg, head of the Department for Museums of the Ministry of Culture."
    )
    assert "head_of_organiser" not in rules(extract(text, "2024-09-12"), "Ana Berg")


def test_a_body_that_only_attended_organised_nothing(extract):
    text = (
        "The Harbour Forum opened in Selby on Monday.\n\n"
        "It was attended by the Selby Music Society, whose president Ana Berg spoke about funding."
    )
    assert "head_of_organiser" not in rules(extract(text, "2024-09-12"), "Ana Berg")
