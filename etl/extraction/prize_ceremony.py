"""Rule `prize_ceremony`: 'the ceremony' of a prize story is that prize's award ceremony.

A story about a prize ("The X Prize 2014 winner is ...") says "the ceremony" and never names it. A lead
event that is only the word "ceremony" takes the prize named in the headline ("X Prize 2014 award
ceremony"), and the year written in the prize's name when the text gives no other date.
"""

from __future__ import annotations

import re
from datetime import date

from etl.records import EventRec

# "The Caine Prize 2014", "2019 Booker Prize", "All Africa Music Awards": capitalised words ending on a prize word
_PRIZE = re.compile(
    r"(?:\b(?P<before>(?:19|20)\d\d)\s+)?(?P<name>(?:[A-Z][\w'’&.-]*\s+){1,6}(?:Prizes|Prize|Awards|Award)\b)"
    r"(?:\s+(?P<after>(?:19|20)\d\d)\b)?"
)
_BARE = frozenset({"ceremony", "the ceremony", "award ceremony", "awards ceremony"})


def name_prize_ceremony(lead: EventRec, headline: str | None, published: date | None) -> EventRec | None:
    """Name a bare 'Ceremony' lead after the headline's prize; date it by the prize's year if undated.

    A prize ("X Prize 2014", "Y Award") is an event of its own, the competition the ceremony closes: it is
    returned, with the ceremony as its part. "Z Awards" names the ceremony itself, so nothing is returned.
    """
    if headline is None or lead.type != "ceremony" or lead.name.lower() not in _BARE:
        return None
    match = _PRIZE.search(headline)
    if match is None:
        return None
    prize = match["name"].removeprefix("The ").strip()
    year = match["before"] or match["after"]
    written = f"{year + ' ' if match['before'] else ''}{prize}{' ' + year if match['after'] else ''}"
    lead.name = f"{written} ceremony" if prize.endswith("Awards") else f"{written} award ceremony"
    if lead.start_date is None and year and (published is None or int(year) <= published.year):
        lead.start_date, lead.date_precision = date(int(year), 1, 1), "year"
    if prize.endswith("Awards"):
        return None
    competition = EventRec(
        f"{lead.local_id}c",
        written,
        "competition",
        start_date=date(int(year), 1, 1) if lead.date_precision == "year" else None,
        date_precision="year" if lead.date_precision == "year" else None,
        evidence=headline,
        start_char=0,
        rule="prize_ceremony",
    )
    lead.parent_local_id = competition.local_id
    return competition
