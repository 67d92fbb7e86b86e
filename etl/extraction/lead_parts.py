"""What a story's lead event brings with it: the place a bare visit was to, the finale of the season it
names, and the stops of the tour it reports (folded into it)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from etl.extraction.spans import tokens
from etl.records import EventRec


def name_visit_by_headline(lead: EventRec, headline: Span) -> None:
    """'Field tour' under 'Minister visits Selby National Museum': a visit named only by its kind takes the
    place the headline says was visited ('Field tour of Selby National Museum')."""
    if lead.type != "visit" or len(lead.name.split()) > 2:
        return
    verb = next((t for t in headline if t.lemma_.lower() in ("visit", "tour", "inspect") and t.pos_ == "VERB"), None)
    place = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb is not None else None
    if place is None or place.ent_type_ == "PERSON":
        return
    words = [t for t in place.subtree if t.dep_ != "det" and not t.is_punct and not t.is_space]
    if words and all(t.text[:1].isupper() for t in words if t.is_alpha):  # a named place, not "the old town"
        lead.name = f"{lead.name} of {' '.join(t.text for t in words)}"


def finale_of(events: dict[str, EventRec], doc: Doc, lead: EventRec) -> EventRec | None:
    """'the glitzy finale' of a season or a festival the lead names: an event of its own, part of the lead's
    ('Finale of the third edition of X'), when the story has no event of that name yet."""
    if lead.type not in ("competition", "festival", "other") or "final" in lead.name.lower():
        return None
    tok = next((t for t in tokens(doc) if t.lower_ == "finale" and t.pos_ == "NOUN"), None)
    if tok is None or any("finale" in ev.name.lower() for ev in events.values()):
        return None
    name = lead.name[0].lower() + lead.name[1:]
    return EventRec(
        f"e{len(events) + 1}",
        f"Finale of the {name}",
        lead.type,
        evidence=tok.sent.text.strip(),
        start_char=tok.idx,
        parent_local_id=lead.local_id,
        rule="part_of_main",
    )


def fold_stops_into(events: dict[str, EventRec], focus: dict[int, str], visit: str) -> None:
    """A story about one tour: 'the Minister visited the main hall ... He also visited the folk museum' are
    stops of the tour its lead reports, not visits of their own."""
    stops = [i for i, ev in events.items() if ev.rule == "visit_to" and i != visit]
    for stop in stops:
        del events[stop]
    for start, ev_id in list(focus.items()):
        if ev_id in stops:
            focus[start] = visit
