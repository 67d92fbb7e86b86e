"""Who took part in which event and in what role, on invented sentences."""

import pytest

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
