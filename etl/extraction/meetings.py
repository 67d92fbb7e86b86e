"""Meetings and visits named after who took part: 'A met with B', 'their meeting', 'her visit to Riga',
'A visited the X Museum'.

Rules `meeting_of` and `visit_to`. The story's state (the events so far, the last of each type, the
person the story follows) comes from the events walker in `events.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Span, Token

from etl.extraction.event_cues import EventCue
from etl.extraction.participants import PersonLike
from etl.records import EventRec


class StoryState(Protocol):
    """What the walker knows so far: events, the latest event of each type, the person followed."""

    @property
    def events(self) -> dict[str, EventRec]: ...

    last_by_type: dict[str, str]
    subject: str | None


def meetings_and_visits(b: StoryState, sent: Span, people: Sequence[PersonLike]) -> list[EventCue]:
    """'A met with B', 'her meeting with B', 'their meeting', 'her visit to Vilnius'."""
    in_sent = [p for p in people if sent.start <= p.start < sent.end]
    cues = []
    doc = sent.doc
    subject = b.subject
    for tok in sent:
        if tok.lemma_ == "meet" and tok.pos_ == "VERB" and len(in_sent) >= 1:
            before = [p.name for p in in_sent if p.end <= tok.i]
            after = [p.name for p in in_sent if p.start > tok.i]
            host = before[-1] if before else _visitor(b) or subject
            if host and after:
                cues.append(_meeting(host, after[0], tok.i))
        elif tok.lower_ == "meeting" and tok.pos_ == "NOUN":
            poss = next((c.lower_ for c in tok.children if c.dep_ == "poss"), "")
            after = [p.name for p in in_sent if p.start > tok.i and p.start - tok.i < 20]
            with_ = any(c.lower_ == "with" for c in tok.children)
            if poss == "their":
                before = [p.name for p in in_sent if p.end <= tok.i]
                if len(before) >= 2:
                    cues.append(
                        EventCue(
                            f"Meeting of {before[-2]} and {before[-1]}",
                            "meeting",
                            tok.i,
                            tok.i + 1,
                            people=tuple(before[-2:]),
                            rule="meeting_of",
                        )
                    )
            elif with_ and after and (subject or poss in ("her", "his")):
                host = _visitor(b) or subject or ""
                if host and host != after[0]:
                    cues.append(_meeting(host, after[0], tok.i))
        elif tok.lower_ == "visit" and tok.pos_ == "NOUN":
            place = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            obj = next((c for c in place.children if c.dep_ == "pobj"), None) if place is not None else None
            who = [p.name for p in in_sent] or ([subject] if subject else [])
            if obj is not None and who and doc[obj.i].ent_type_ == "GPE":
                cues.append(
                    EventCue(
                        f"{who[0]}'s visit to {obj.text}",
                        "visit",
                        tok.i,
                        tok.i + 1,
                        people=(who[0],),
                        venue=obj.text,
                        rule="visit_to",
                    )
                )
        elif tok.lemma_ in _VISIT_VERBS and tok.pos_ == "VERB" and (cue := _visited(tok, in_sent)) is not None:
            cues.append(cue)
    if cues:
        b.subject = cues[0].people[0] if cues[0].people else b.subject
    elif in_sent and in_sent[0].start - sent.start < 6:
        b.subject = in_sent[0].name
    return cues


_VISIT_VERBS = frozenset({"visit", "tour"})


def _visited(verb: Token, in_sent: Sequence[PersonLike]) -> EventCue | None:
    """'Later in the day, X visited a mosque in Moscow': X's visit to the place (not to a person: a meeting)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subject is None or obj is None or obj.ent_type_ == "PERSON" or obj.pos_ == "PRON":
        return None
    who = next((p.name for p in in_sent if p.start <= subject.i < p.end), None)
    if who is None:
        return None
    words = []
    for t in obj.subtree:
        if t.i > obj.i and (t.dep_ in ("relcl", "acl", "cc", "conj") or t.text in (",", ";", "(")):
            break
        words.append(t)
    place = "".join(t.text_with_ws for t in words).strip()
    return EventCue(
        f"{who}'s visit to {place}", "visit", verb.i, verb.i + 1, people=(who,), venue=place, rule="visit_to"
    )


def _visitor(b: StoryState) -> str | None:
    """The person whose visit the story follows: the host of the meetings it reports."""
    visit = b.last_by_type.get("visit")
    name = b.events[visit].name if visit else ""
    return name.split("'s visit")[0] if "'s visit" in name else None


def _meeting(host: str, guest: str, at: int) -> EventCue:
    return EventCue(f"Meeting of {host} and {guest}", "meeting", at, at + 1, people=(host, guest), rule="meeting_of")
