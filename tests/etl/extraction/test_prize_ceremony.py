"""Rule `prize_ceremony` (etl/extraction/prize_ceremony.py): the bare ceremony of a prize story is named."""

from datetime import date

import pytest

from etl.extraction.prize_ceremony import name_prize_ceremony
from etl.records import EventRec


def ceremony(name: str = "Ceremony", type_: str = "ceremony") -> EventRec:
    return EventRec("e1", name, type_)


@pytest.mark.parametrize(
    ("headline", "name", "start"),
    [
        ("The Harbour Prize 2014 winner is Selby's Ana Lund!", "Harbour Prize 2014 award ceremony", date(2014, 1, 1)),
        ("2019 Selby Book Award goes to a debut", "2019 Selby Book Award award ceremony", date(2019, 1, 1)),
        ("West Coast Music Awards crown a new star", "West Coast Music Awards ceremony", None),
    ],
)
def test_a_bare_ceremony_takes_the_prize_in_the_headline(headline, name, start):
    lead = ceremony()
    name_prize_ceremony(lead, headline, date(2024, 5, 1))
    assert (lead.name, lead.start_date) == (name, start)
    assert lead.date_precision == ("year" if start else None)


@pytest.mark.parametrize(
    ("lead", "headline"),
    [
        (ceremony("Opening ceremony of the Harbour Forum"), "The Harbour Prize 2014 winner is Ana Lund"),
        (ceremony("Concert", "concert"), "The Harbour Prize 2014 winner is Ana Lund"),
        (ceremony(), "Harbour forum closes with a ceremony"),
        (ceremony(), None),
    ],
)
def test_a_named_event_or_a_headline_without_a_prize_is_left_alone(lead, headline):
    before = (lead.name, lead.start_date)
    name_prize_ceremony(lead, headline, date(2024, 5, 1))
    assert (lead.name, lead.start_date) == before


def test_a_prize_year_after_publication_does_not_date_the_ceremony():
    lead = ceremony()
    name_prize_ceremony(lead, "The Harbour Prize 2025 shortlist is out", date(2024, 5, 1))
    assert lead.start_date is None


def test_a_prize_is_returned_as_the_competition_its_ceremony_belongs_to():
    lead = ceremony()
    prize = name_prize_ceremony(lead, "The Harbour Prize 2014 winner is Ana Lund", date(2024, 5, 1))
    assert prize is not None
    assert (prize.name, prize.type, prize.start_date) == ("Harbour Prize 2014", "competition", date(2014, 1, 1))
    assert lead.parent_local_id == prize.local_id


def test_awards_name_the_ceremony_itself_so_no_competition_is_added():
    lead = ceremony()
    assert name_prize_ceremony(lead, "West Coast Music Awards crown a new star", date(2024, 5, 1)) is None
    assert lead.parent_local_id is None
