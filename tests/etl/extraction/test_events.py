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
