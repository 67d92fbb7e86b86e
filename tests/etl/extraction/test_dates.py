from datetime import date

import pytest

from etl.extraction import dates
from etl.extraction.dates import find_dates, resolve


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("held on November 28-30", date(2023, 12, 7), (date(2023, 11, 28), date(2023, 11, 30), "day")),
        ("from November 27 to December 3", date(2023, 12, 7), (date(2023, 11, 27), date(2023, 12, 3), "day")),
        ("(November 27 - December 3)", date(2023, 12, 7), (date(2023, 11, 27), date(2023, 12, 3), "day")),
        ("ended on Dec. 5.", date(2023, 12, 7), (date(2023, 12, 5), None, "day")),
        ("opened on 5 March 2021", None, (date(2021, 3, 5), None, "day")),
        ("their meeting in November", date(2023, 12, 7), (date(2023, 11, 1), None, "month")),
        ("dated July 22, 2022", None, (date(2022, 7, 22), None, "day")),
        ("28 February – 15 April", date(2024, 2, 28), (date(2024, 2, 28), date(2024, 4, 15), "day")),
    ],
)
def test_dates_resolve_with_the_year_the_text_supports(text, published, expected):
    mentions = find_dates(text)
    assert mentions, text
    assert resolve(mentions[0], published, None) == expected


def test_date_without_any_year_in_the_text_stays_unknown():
    mention = find_dates("The course ended on July 15.")[0]
    assert resolve(mention, None, None) == (None, None, None)


def test_december_event_reported_in_january_belongs_to_the_previous_year():
    mention = find_dates("the concert on December 20")[0]
    assert resolve(mention, date(2024, 1, 10), None)[0] == date(2023, 12, 20)


def test_cyrillic_lookalike_letters_in_month_names_are_read():
    assert find_dates("on Deс. 4 at the centre")[0].start_day == 4  # 'с' is Cyrillic


def test_may_alone_is_not_read_as_a_month():
    assert find_dates("Visitors may register online") == []


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("Festival opens\n\nSelby, March 5\n\nThe festival", date(2023, 3, 6), date(2023, 3, 5)),
        ("Weeks open\n\nHARBOUR, APR 6: The Embassy opened", date(2021, 4, 6), date(2021, 4, 6)),
        ("Orchestra plays\n\nThe Hague 27 October 2017, The orchestra", None, date(2017, 10, 27)),
        ("Winners\n\nSOCHI, 16th October, 2025 (WAM) -- The winners", date(2025, 10, 16), date(2025, 10, 16)),
        ("Fair\n\nAbu Dhabi, March 26 (IANS) Artisans from", date(2019, 3, 26), date(2019, 3, 26)),
    ],
)
def test_a_dateline_gives_the_day_the_story_was_filed(text, published, day):
    assert dates.dateline_day(text, published) == day


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Minister speaks\n\nOn March 5, the minister opened the hall.", date(2023, 3, 6)),
        ("Minister speaks\n\nThe minister said on March 1 that the hall opens.", date(2023, 3, 6)),
        ("Old story\n\nSelby, March 5\n\nThe hall", date(2023, 9, 6)),  # months away: not a filing date
        ("Selby, March 5\n\nNo year anywhere", None),
    ],
)
def test_a_date_that_is_not_a_dateline_is_no_anchor(text, published):
    assert dates.dateline_day(text, published) is None
