"""Rule `performer_by_trade`: a person titled by a performing trade, at a concert or festival, performed.

"Other local artists were Afro-fusion singer X, Jazz musician Y and Z", "artistes X, Y and Z delighted the
participants": news names performers by their trade more often than by a verb of performing; the names
listed with such a person ("artistes X, Y and Z") share the trade. A person whose
title is such a trade (roles.yaml `performer_trades`), named in a sentence about a concert or a festival,
and given no part there by any other rule, is its performer. Only then: a singer who speaks at a forum or
wins a prize keeps what the grammar says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Doc

from etl.extraction.events import EventsResult
from etl.extraction.words import RoleWords
from etl.records import Extraction, ParticipationRec

_STAGE_EVENTS = frozenset({"concert", "festival"})
_WORD = re.compile(r"[\w-]+")


class _Named(Protocol):
    start: int
    end: int
    name: str


def performers_by_trade(
    doc: Doc, refs: Sequence[_Named], events: EventsResult, ex: Extraction, words: RoleWords
) -> None:
    """Add a performer part for each trade-titled person at a concert or festival with no part there yet."""
    taken = {(p.event_local_id, p.person_local_id) for p in ex.participations}
    for ref in refs:
        person = ex.people.get(f"p:{ref.name}")
        if person is None or not person.title:
            continue
        title_words = [w.lower() for w in _WORD.findall(person.title)]
        if not title_words or title_words[-1] not in words.performer_trades:
            continue
        sent = doc[ref.start].sent
        ev_id = events.focus.get(sent.start) or events.main
        if ev_id is None or events.events[ev_id].type not in _STAGE_EVENTS or (ev_id, person.local_id) in taken:
            continue
        for listed in [ref, *_listed_with(doc, ref, refs)]:
            listed_id = f"p:{listed.name}"
            if listed_id in ex.people and (ev_id, listed_id) not in taken:
                ex.participations.append(
                    ParticipationRec(ev_id, listed_id, "performer", sent.text.strip(), "performer_by_trade")
                )
                taken.add((ev_id, listed_id))


def _listed_with(doc: Doc, ref: _Named, refs: Sequence[_Named]) -> list[_Named]:
    """'artistes X, Y and Z': the names coordinated with this one share its trade."""
    root = doc[ref.end - 1]
    group = {root.i} | {t.i for t in root.subtree if t.dep_ == "conj"}
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
        group |= {root.i} | {t.i for t in root.subtree if t.dep_ == "conj"}
    return [r for r in refs if r is not ref and (r.end - 1) in group]
