"""Dates for a lead event its own sentence does not give: a later reference back, or the next sentence."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Span

from etl.extraction import dates
from etl.extraction.event_cues import FUTURE, definite_refs
from etl.records import EventRec

if TYPE_CHECKING:
    from etl.extraction.events import _Builder

LEAD_SPAN = 3  # headline and the first two sentences: where a story says what happened


def _looks_ahead(sent: Span) -> bool:
    """'will be held', 'is to be', 'She will perform on Saturday': a date of something still to come."""
    return bool(FUTURE.search(sent.text)) or any(t.tag_ == "MD" and t.lower_ in ("will", "shall", "'ll") for t in sent)


def date_from_next_sentence(b: _Builder, lead: EventRec, sents: list[Span], published: date | None) -> None:
    """'X won the award. Musicians came to the hall on Saturday.': the lead's next sentence tells its day.

    Only a day ('on Saturday', 'yesterday', 'March 4'), only in the lead, and only when that sentence names
    no other event and looks back, not ahead.
    """
    at = next((i for i, s in enumerate(sents) if s.start_char <= lead.start_char < s.end_char), None)
    if at is None or at + 1 >= min(len(sents), LEAD_SPAN + 1):
        return
    sent = sents[at + 1]
    others = [ev for ev in b.events.values() if ev is not lead]
    if _looks_ahead(sent) or any(sent.start_char <= ev.start_char < sent.end_char for ev in others):
        return
    mentions = [m for m in dates.find_dates(sent.text) if m.start_day is not None]
    if mentions:
        b.set_dates(lead, mentions[0], sent.text, ends=False)
    elif (day := dates.relative_day(sent.text, published)) is not None:
        lead.start_date, lead.date_precision = day, "day"
    if lead.start_date is not None:
        lead.evidence = f"{lead.evidence} {sent.text.strip()}"  # the date's sentence is evidence too


# "This came during a field tour ...", "The remarks came at a meeting ...": the sentence before tells when
_CAME_DURING = re.compile(
    r"^(?:this|that|it|these|the (?:remarks?|statements?|announcement|comments?|visit|talks?))\s+"
    r"(?:came|come|was made|were made|took place)\s+(?:during|at|on the sidelines of|in)\b",
    re.I,
)


def date_from_previous_sentence(lead: EventRec, sents: list[Span], published: date | None) -> None:
    """'X praised yesterday ... This came during a tour ...': the sentence the lead's points back to dates it."""
    at = next((i for i, s in enumerate(sents) if s.start_char <= lead.start_char < s.end_char), None)
    if at is None or at == 0 or not _CAME_DURING.match(sents[at].text.strip()):
        return
    sent = sents[at - 1]
    if _looks_ahead(sent):
        return
    mentions = [m for m in dates.find_dates(sent.text) if m.start_day is not None]
    if mentions:
        start, end, precision = dates.resolve(mentions[0], published, None)
        lead.start_date, lead.end_date, lead.date_precision = start, end, precision if start else None
    elif (day := dates.relative_day(sent.text, published)) is not None:
        lead.start_date, lead.date_precision = day, "day"
    if lead.start_date is not None:
        lead.evidence = f"{sent.text.strip()} {lead.evidence}"


def date_from_later_reference(b: _Builder, lead: EventRec, sents: list[Span]) -> None:
    """'The event took place ... on 30th March 2022': a later sentence that points back to the lead event dates it."""
    for sent in sents:
        if _looks_ahead(sent) or not (mentions := dates.find_dates(sent.text)):
            continue
        refs = definite_refs(sent)
        if any(r.type == lead.type or r.name.lower() in ("event", "events") for r in refs):
            b.set_dates(lead, mentions[0], sent.text, ends=False)
            if lead.start_date is not None:
                return
