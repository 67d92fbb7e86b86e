"""Events of one article (etl/extraction/events.py): dates the text gives, and no others."""

from datetime import date

import pytest


@pytest.mark.slow
def test_until_a_date_closes_the_event_and_does_not_open_it(extract):
    text = (
        "Harbour Lights in Colour, an exhibition of photography, has begun in Selby.\n\n"
        "The exhibition will display works of photographer Ana Berg until Mar 15."
    )
    ex = extract(text, "2023-02-09")
    ev = next(e for e in ex.events.values() if e.name == "Harbour Lights in Colour")
    assert ev.start_date is None
    assert ev.end_date == date(2023, 3, 15)


@pytest.mark.slow
def test_a_later_sentence_about_the_event_dates_the_lead_event(extract):
    text = (
        "Harbour infoday\n\n"
        "Purpose of the webinar was to inform local councils about the new arts fund.\n\n"
        "The event took place on the Zoom platform from 14.30 to 16.30 of Wed. 30th March 2022."
    )
    ev = next(iter(extract(text).events.values()))
    assert ev.start_date == date(2022, 3, 30)


@pytest.mark.slow
def test_a_future_reference_does_not_date_the_lead_event(extract):
    text = (
        "Harbour infoday\n\n"
        "Purpose of the webinar was to inform local councils about the new arts fund.\n\n"
        "The next event will be held on 30th March 2022."
    )
    ev = next(iter(extract(text).events.values()))
    assert ev.start_date is None


@pytest.mark.slow
def test_the_exhibition_of_named_things_is_an_event(extract):
    text = "Harbour days open\n\nVisitors enjoyed the exhibition of fine and applied arts of Norland."
    names = {e.name for e in extract(text).events.values()}
    assert "Exhibition of fine and applied arts of Norland" in names


@pytest.mark.slow
def test_a_concert_programme_that_was_presented_is_a_concert(extract):
    text = "Harbour days open\n\nA concert program was presented, showing folk and pop music."
    found = {e.name: e.type for e in extract(text).events.values()}
    assert found.get("Concert program") == "concert"


@pytest.mark.slow
@pytest.mark.parametrize("place", ["Selby International Conference Centre", "Harbour Festival Hall"])
def test_an_event_word_inside_a_place_name_is_not_an_event(extract, place):
    text = f"Stars shine at awards\n\nMusicians came to the {place} on Saturday to walk the red carpet."
    names = {e.name for e in extract(text).events.values()}
    assert not any(name in place for name in names)


@pytest.mark.slow
def test_the_sentence_after_the_lead_gives_its_day(extract):
    text = (
        "Selby singer wins award\n\nSelby singer Ana Lund took home the Harbour Music Awards trophy for artist of "
        "the year.\n\nMusicians came to the Harbour Arena on Saturday to walk the red carpet."
    )
    lead = next(iter(extract(text, published="2018-11-25").events.values()))  # a Sunday
    assert lead.start_date == date(2018, 11, 24)
    assert "on Saturday" in lead.evidence


@pytest.mark.slow
def test_a_next_sentence_about_the_future_does_not_date_the_lead(extract):
    text = (
        "Selby singer wins award\n\nSelby singer Ana Lund took home the Harbour Music Awards trophy for artist of "
        "the year.\n\nShe will perform at the Harbour Arena on Saturday."
    )
    lead = next(iter(extract(text, published="2018-11-25").events.values()))
    assert lead.start_date is None
