"""Rule `head_of_organiser`: the head of the body that put an event on is the event's organizer.

The schema makes "the head of the organising body" an organizer. A body organised an event when it is the
subject of an organising verb ("The National Theatre held its annual conference", "the orchestra hosted
guests at its concert") or its agent ("organised by the X Academy and Y"). A person affiliated with that
body whose title leads it (director, president, founder, ...) organised that event too, whatever else
they did there.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from etl.extraction.events import EventsResult
from etl.extraction.lexicon import LEADING_TITLE_WORDS, ORGANISING_VERBS, SUBUNIT_HEADS
from etl.records import Extraction, ParticipationRec

_WORD = re.compile(r"[\w-]+")
# "head of the Department for X of the Ministry" leads a part of the body, not the body; a board or a
# committee ("Board Chairman of the National Theatre", "head of the organising committee") leads it
_PARTNERSHIP = frozenset({"association", "collaboration", "partnership", "cooperation", "conjunction"})
_PART_OF_BODY = SUBUNIT_HEADS - {"board", "committee"}


def _first_conjunct(tok: Token) -> Token:
    """'organised by X, Y and Z': Z's grammar is X's."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def organises(root: Token) -> Token | None:
    """The organising verb a body's name is the subject or 'by' agent of, else None."""
    tok = _first_conjunct(root)
    if tok.dep_ == "pobj" and tok.head.lower_ == "by":
        verb = tok.head.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.lower_ in _PARTNERSHIP:
        # "organised by X in association with Y": Y organised it with X, whatever the phrase hangs on
        verb = next((a for a in tok.head.head.ancestors if a.pos_ in ("VERB", "AUX")), tok)
    elif tok.dep_ == "nsubj":
        verb = tok.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in ORGANISING_VERBS:
        return None
    return None if any(c.dep_ == "neg" for c in verb.children) else verb


def organising_bodies(doc: Doc, org_at: dict[int, tuple[int, str]], events: EventsResult) -> dict[str, str]:
    """Org local id -> local id of the event it organised (the sentence's event in focus, else the main one)."""
    found: dict[str, str] = {}
    for start, (end, org_id) in sorted(org_at.items()):
        verb = organises(doc[start:end].root)
        if verb is None or org_id in found:
            continue
        sent = verb.sent
        ev_id = events.focus.get(sent.start) or events.main
        if ev_id is not None:
            found[org_id] = ev_id
    return found


def head_of_organiser(ex: Extraction, bodies: dict[str, str]) -> None:
    """An organizer participation for each person who heads a body that organised an event."""
    have = {(p.event_local_id, p.person_local_id, p.role) for p in ex.participations}
    for person in ex.people.values():
        ev_id = bodies.get(person.org_local_id or "")
        if ev_id is None or ev_id not in ex.events:
            continue
        words = [w.lower() for w in _WORD.findall(person.title or "")]
        if not any(w in LEADING_TITLE_WORDS for w in words) or any(w in _PART_OF_BODY for w in words):
            continue
        if (ev_id, person.local_id, "organizer") in have:
            continue
        ex.participations.append(
            ParticipationRec(ev_id, person.local_id, "organizer", person.evidence or "", "head_of_organiser")
        )
        have.add((ev_id, person.local_id, "organizer"))
