"""The lead event (etl/extraction/lead_event.py) and its dates, on invented stories."""

from datetime import date

import pytest

from etl.extraction.dates import relative_day
from etl.extraction.lead_event import lead_event

FRIDAY = date(2024, 7, 19)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The festival opened yesterday.", date(2024, 7, 18)),
        ("It was launched on Friday.", FRIDAY),
        ("The show closed on Monday evening.", date(2024, 7, 15)),
        ("Tonight the choir sings.", FRIDAY),
        ("Last night's concert drew a full house.", date(2024, 7, 18)),
        ("The band performed Monday for hundreds of fans.", date(2024, 7, 15)),
        ("The hall was renovated in spring.", None),
    ],
)
def test_relative_day_counts_back_from_publication(text, expected):
    assert relative_day(text, FRIDAY) == expected


def test_relative_day_needs_a_publication_date():
    assert relative_day("It opened yesterday.", None) is None


def lead(extract, text, published=None):
    ex = extract(text, published)
    return [(e.name, e.type, e.start_date, e.rule) for e in ex.events.values()]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Harbour town celebrates\n\nThree years of work ended with the official opening of Selby Lighthouse.",
            "Official opening of Selby Lighthouse",
            "ceremony",
        ),
        (
            "Brass in the park\n\nThe sound of horns filled Mill Park during a brass concert held by the town band.",
            "Brass concert",
            "concert",
        ),
        (
            "Tutors trained\n\nA five-day capacity building programme for 40 school librarians began in Lorwick.",
            "Capacity building programme for school librarians",
            "training",
        ),
    ],
)
def test_lead_noun_names_the_event_in_the_articles_words(extract, text, name, kind):
    events = lead(extract, text)
    assert (name, kind) in [(n, k) for n, k, _, _ in events]


@pytest.mark.slow
def test_quoted_title_takes_the_type_of_its_noun_and_a_relative_date(extract):
    text = (
        "Dance night in Velm\n\n"
        "Songs rang out in the Velm Town Hall during a folk concert by the town choir.\n\n"
        "The concert, titled “Songs of the Valley”, was held on Friday."
    )
    assert lead(extract, text, "2024-07-19") == [("Songs of the Valley", "concert", FRIDAY, "quoted_title")]


@pytest.mark.slow
def test_a_minister_visiting_a_place_makes_her_visit(extract):
    events = lead(extract, "Minister tours old town\n\nMinister Ana Ruiz visited the Old Mint in Corva.")
    assert [(n, k, r) for n, k, _, r in events] == [("Ana Ruiz's visit to the Old Mint", "visit", "visit_to")]


@pytest.mark.slow
def test_no_event_words_no_event(extract):
    assert lead(extract, "Budget news\n\nThe council approved its budget for the coming year.") == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "At the 11th Harbour Cultural Ministers' Meeting held here on Aug 30, the ministers met.",
            "11th Harbour Cultural Ministers' Meeting",
        ),
        ("The Women's Film Festival opened on Monday.", "Women's Film Festival"),
        ("Selby's Harbour Jazz Festival opened on Monday.", "Harbour Jazz Festival"),
        ("Last night's concert at Selby Hall drew a full house.", "Concert"),
    ],
)
def test_an_edition_number_and_a_plural_possessive_stay_in_the_name(nlp, sentence, name):
    lead = lead_event(nlp(sentence), None)
    assert lead is not None and lead.name == name
