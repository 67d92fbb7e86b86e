"""Titled events (etl/extraction/event_titles.py) and parts named after their event (event_parts.py)."""

import pytest


def events(extract, text, published=None):
    ex = extract(text, published)
    return {
        e.name: (e.type, e.rule, ex.events[e.parent_local_id].name if e.parent_local_id else None)
        for e in ex.events.values()
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Harbour Lights in Colour, an exhibition of photography which shows the old port, has opened in Selby.",
            "Harbour Lights in Colour",
            "exhibition",
        ),
        (
            "Songs of the Valley, a concert of folk music, was held at the town hall on Sunday.",
            "Songs of the Valley",
            "concert",
        ),
    ],
)
def test_appositive_title_names_the_event(extract, text, name, kind):
    found = events(extract, text)
    assert found[name][:2] == (kind, "appositive_title")
    assert not any("which" in n for n in found)  # a relative clause is never part of a name


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Embassy of Norway in collaboration with the city library opened “Open Doors” today.",
        "The city council hosted “Open Doors” at the old cinema.",
    ],
)
def test_quoted_object_of_a_staging_verb_is_an_event(extract, text):
    found = events(extract, text, "2024-03-01")
    assert found["Open Doors"][1] == "staged_title"


@pytest.mark.slow
def test_unquoted_object_of_a_staging_verb_is_not_an_event(extract):
    found = events(extract, "The minister opened Selby Museum of Clocks on Monday.", "2024-03-01")
    assert "Selby Museum of Clocks" not in found


@pytest.mark.slow
def test_the_inaugural_ceremony_is_a_part_of_the_main_event(extract):
    text = (
        "Embassy opens culture weeks\n\n"
        "The Embassy of Norway opened “Nordic Film Weeks” today.\n\n"
        "Some two hundred students took part in the inaugural ceremony held at the campus."
    )
    found = events(extract, text, "2024-03-01")
    assert found["Inaugural ceremony of the Nordic Film Weeks"] == ("ceremony", "part_of_main", "Nordic Film Weeks")
    assert found["Nordic Film Weeks"][0] == "other"  # the ceremony does not turn the weeks into a ceremony


@pytest.mark.slow
def test_an_exhibitions_inauguration_is_the_exhibition_itself(extract):
    text = (
        "The mayor inaugurated the exhibition, named ‘Rivers of Clay’, on Monday.\n\n"
        "The inauguration ceremony was attended by the minister, Ana Berg."
    )
    found = events(extract, text, "2024-03-01")
    assert not any(n.lower().startswith("inauguration ceremony") for n in found)


@pytest.mark.slow
def test_a_closing_ceremony_takes_its_festivals_name(extract):
    text = (
        "The 12th Harbour Film Festival ended in Selby on Sunday.\n\n"
        "The closing ceremony of this 12th edition was hosted by actor Tom Weller."
    )
    found = events(extract, text, "2024-03-01")
    assert "Closing ceremony of the 12th Harbour Film Festival" in found  # the edition is part of the name
