"""Rule `event_title`: a person whose title heads the event itself is its organiser.

"Ali Hajji, General Coordinator of the Festival", "said Dan Maguire, festival executive director": the
schema makes the head of the organising side an organizer. The title must pair a leading title word
(director, coordinator, president, ...) with an event word of a type the article reports; the person
becomes organizer of the story's main event when it has that type, else of the first event of that type.
"""

from __future__ import annotations

import re

from etl.extraction.event_cues import event_type
from etl.extraction.lexicon import EVENT_HEADS, LEADING_TITLE_WORDS, ORG_HEADS
from etl.records import Extraction, ParticipationRec

_WORD = re.compile(r"[\w-]+")


def event_title_organisers(ex: Extraction, main: str | None) -> None:
    """Add an organizer participation for each person whose title heads an event the article reports."""
    have = {(p.event_local_id, p.person_local_id, p.role) for p in ex.participations}
    for person in ex.people.values():
        written = _WORD.findall(person.title or "")
        words = [w.lower() for w in written]
        if not any(w in LEADING_TITLE_WORDS for w in words):
            continue
        kinds = [event_type(w) for i, w in enumerate(words) if w in EVENT_HEADS and _names_no_event(written, i)]
        if not kinds or any(w in ORG_HEADS for w in words):  # "Director of the Festival Foundation": a body
            continue
        target = _event_of_type(ex, main, kinds[0])
        if target is not None and (target, person.local_id, "organizer") not in have:
            evidence = person.evidence or ""
            ex.participations.append(ParticipationRec(target, person.local_id, "organizer", evidence, "event_title"))
            have.add((target, person.local_id, "organizer"))


def _names_no_event(written: list[str], i: int) -> bool:
    """'of the Festival', 'festival executive director': the event word alone, not the end of a proper name
    ('Director of the X Short Film Festival' heads that festival, which may not be this story's)."""
    return written[i].islower() or i == 0 or written[i - 1].lower() in ("the", "this")


def _event_of_type(ex: Extraction, main: str | None, kind: str) -> str | None:
    if main is not None and main in ex.events and ex.events[main].type == kind:
        return main
    return next((ev.local_id for ev in ex.events.values() if ev.type == kind), None)
