"""Dates as news writes them: 'November 28-30', 'from Nov. 27 to December 3', 'on Dec. 5', 'in November'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from etl.extraction.lexicon import MONTHS

# Cyrillic letters that look Latin ("Deс." with a Cyrillic 'с') are common in copy-pasted news.
_CONFUSABLES = str.maketrans("асеорхуАСЕОРХВМТКН", "aceopxyACEOPXBMTKH")
_MONTH = r"(?P<{n}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{n}>\d{{1,2}})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<{n}>(?:19|20)\d{{2}}))?"
_DASH = r"\s*(?:-|–|—|to|until|till|through)\s*"


def _p(template: str, name: str) -> str:
    return template.format(n=name)


_PATTERNS = [
    # November 27 - December 3 [, 2023]   /   from November 27 to December 3
    re.compile(
        rf"\b{_p(_MONTH, 'm1')}\s+{_p(_DAY, 'd1')}{_p(_YEAR, 'y1')}{_DASH}"
        rf"{_p(_MONTH, 'm2')}\s+{_p(_DAY, 'd2')}{_p(_YEAR, 'y2')}\b",
        re.IGNORECASE,
    ),
    # 28 February – 15 April [2024]
    re.compile(
        rf"\b{_p(_DAY, 'd1')}\s+{_p(_MONTH, 'm1')}{_DASH}{_p(_DAY, 'd2')}\s+{_p(_MONTH, 'm2')}{_p(_YEAR, 'y2')}\b",
        re.IGNORECASE,
    ),
    # November 28-30 [, 2023]
    re.compile(rf"\b{_p(_MONTH, 'm1')}\s+{_p(_DAY, 'd1')}{_DASH}{_p(_DAY, 'd2')}{_p(_YEAR, 'y2')}\b", re.IGNORECASE),
    # 28-30 November [2023]
    re.compile(rf"\b{_p(_DAY, 'd1')}{_DASH}{_p(_DAY, 'd2')}\s+{_p(_MONTH, 'm1')}{_p(_YEAR, 'y2')}\b", re.IGNORECASE),
    # July 22, 2022 / Dec. 5
    re.compile(rf"\b{_p(_MONTH, 'm1')}\s+{_p(_DAY, 'd1')}{_p(_YEAR, 'y1')}\b(?!\s*[-–])", re.IGNORECASE),
    # 5 December [2023]
    re.compile(rf"\b{_p(_DAY, 'd1')}\s+{_p(_MONTH, 'm1')}{_p(_YEAR, 'y1')}\b", re.IGNORECASE),
    # in November [2023], in early October 2020
    re.compile(
        rf"\b(?:in|during|since|until|by)\s+(?:(?:early|mid|late)[\s-]+)?{_p(_MONTH, 'm1')}{_p(_YEAR, 'y1')}\b",
        re.IGNORECASE,
    ),
    # 2023-12-07
    re.compile(r"\b(?P<y1>(?:19|20)\d{2})-(?P<m1>\d{2})-(?P<d1>\d{2})\b"),
]


@dataclass(frozen=True)
class DateMention:
    """A date or range as written; the year may be missing."""

    start_month: int
    start_day: int | None
    start_year: int | None
    end_month: int | None
    end_day: int | None
    end_year: int | None
    start_char: int
    end_char: int

    @property
    def is_range(self) -> bool:
        """Whether the mention gives an end as well as a start."""
        return self.end_day is not None


def _month(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value.lower().rstrip(".")]


def find_dates(text: str) -> list[DateMention]:
    """Every date mention in `text`, left to right, without overlaps."""
    text = text.translate(_CONFUSABLES)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            g = m.groupdict()
            if g.get("m1") is None or (g["m1"].lower().rstrip(".") == "may" and not g.get("d1")):
                continue  # "may" alone is a verb far more often than a month
            m1 = _month(g["m1"])
            m2 = _month(g["m2"]) if g.get("m2") else (m1 if g.get("d2") else None)
            y2 = int(g["y2"]) if g.get("y2") else None
            y1 = int(g["y1"]) if g.get("y1") else y2
            if y1 and y2 and m2 and m2 < m1 and y1 == y2 and not g.get("y1"):
                y1 = y2 - 1  # "December 28 - January 3, 2024"
            d1 = int(g["d1"]) if g.get("d1") else None
            d2 = int(g["d2"]) if g.get("d2") else None
            if (d1 and not 1 <= d1 <= 31) or (d2 and not 1 <= d2 <= 31):
                continue
            found.append(DateMention(m1, d1, y1, m2 if d2 else None, d2, y2 if d2 else None, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start_char)


def infer_year(month: int, published: date | None, hint: int | None) -> int | None:
    """The year of a month named without one: from the publication date, else a year the text gives."""
    if published is not None:
        # an article looks back at recent events more than it announces far ones
        return published.year - 1 if month > published.month + 3 else published.year
    return hint


def to_date(year: int | None, month: int | None, day: int | None) -> date | None:
    """A date, or None when a part is missing or impossible (Feb 30)."""
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve(
    mention: DateMention, published: date | None, hint: int | None
) -> tuple[date | None, date | None, str | None]:
    """(start, end, precision) for a mention; None parts where the text gives no year."""
    year = mention.start_year or infer_year(mention.start_month, published, hint)
    if year is None:
        return None, None, None
    if mention.start_day is None:
        return date(year, mention.start_month, 1), None, "month"
    start = to_date(year, mention.start_month, mention.start_day)
    end = None
    if mention.end_day is not None and mention.end_month is not None:
        end_year = mention.end_year or (year + 1 if mention.end_month < mention.start_month else year)
        end = to_date(end_year, mention.end_month, mention.end_day)
    return start, end, "day" if start else None


def nth_day(start: date | None, n: int) -> date | None:
    """The n-th day (1-based) of an event that starts on `start`."""
    return start + timedelta(days=n - 1) if start else None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = re.compile(
    r"\b(?:(?P<yesterday>yesterday|last night|last evening)|(?P<today>today|tonight|this morning|this evening)"
    r"|(?:(?:on|last)\s+)?(?P<weekday>" + "|".join(_WEEKDAYS) + r"))\b",
    re.IGNORECASE,
)


def relative_day(text: str, published: date | None) -> date | None:
    """'yesterday', 'today', 'on Friday', 'last Friday' counted back from the publication date (else None).

    News reports what has happened: a weekday is the latest such day on or before publication.
    """
    if published is None:
        return None
    m = _RELATIVE.search(text)
    if m is None:
        return None
    if m["yesterday"]:
        return published - timedelta(days=1)
    if m["today"]:
        return published
    back = (published.weekday() - _WEEKDAYS.index(m["weekday"].lower())) % 7
    return published - timedelta(days=back)


# "Selby, March 5", "SELBY, APR 6:", "The Harbour 27 October 2017,": a place, then the day the story was filed
_DATELINE_PLACE = re.compile(r"^\s*(?:[A-Z][\w'’.-]*\s*){1,4},?\s*$")
_NOT_PLACES = frozenset({"on", "in", "by", "from", "since", "until", "last", "this", "next", "as", "at", "for"})
_FILED_WITHIN_DAYS = 7


def dateline_day(text: str, published: date | None) -> date | None:
    """The day a dateline opening the story gives, else None: the anchor of its 'today' and 'on Friday'.

    Only the first two paragraphs (a headline, then the lead) are read, the date must follow a place name
    at the paragraph's start, and it must lie within a week of publication, when that is known.
    """
    for paragraph in re.split(r"\n\s*\n", text.lstrip(), maxsplit=2)[:2]:
        head = paragraph.strip()[:60]
        mentions = find_dates(head)
        if not mentions or mentions[0].start_day is None:
            continue
        first = mentions[0]
        before = head[: first.start_char]
        words = before.replace(",", " ").split()
        if not _DATELINE_PLACE.match(before) or any(w.lower() in _NOT_PLACES for w in words):
            continue
        year = first.start_year or infer_year(first.start_month, published, None)
        day = to_date(year, first.start_month, first.start_day)
        if day is not None and (published is None or abs((published - day).days) <= _FILED_WITHIN_DAYS):
            return day
    return None
