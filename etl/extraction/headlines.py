"""Dated headline lists ('30.11.2023 14:27' then a title): each headline that reports an event is one.

News sites close an article with their latest headlines, newest first. A headline is terse: the event
is its subject ("The Lantern Festival of X was held"), its verb ("Minister met his counterpart",
"Delegation Visits the Ministry") or a quoted title with a date range. The stamp above it dates it,
unless the headline announces something ("will be opened") or gives its own dates.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from etl.extraction import dates
from etl.extraction.event_cues import (
    CHILD_TYPES,
    END_VERBS,
    FUTURE,
    EventCue,
    described_events,
    event_type,
    link_before,
    named_events,
    names_the_same,
    quoted_events,
    venue_in,
)
from etl.extraction.spans import is_event_head

if TYPE_CHECKING:
    from etl.extraction.events import _Builder

_PARENT_TYPES = ("forum", "festival", "other")
_KIND_WORDS = frozenset(
    {"meeting", "visit", "exhibition", "concert", "ceremony", "festival", "forum", "competition", "event"}
)
_HOLD_VERBS = frozenset({"hold", "organize", "organise", "host", "stage"})
_HELD = re.compile(r"\s+(is|was|were|are|has been|have been)\s+(held|opened|organized|organised)\b", re.I)


def _phrase(token: Token) -> str:
    """The words a subject or object token heads ('his Finnish counterpart')."""
    return token.doc[token.left_edge.i : token.right_edge.i + 1].text.strip()


def _verb_events(sent: Span) -> list[EventCue]:
    """'A met (with) B' -> a meeting; 'A visits B' -> a visit named 'A Visit to B'."""
    cues = []
    for tok in sent:
        if tok.pos_ not in ("VERB", "NOUN", "PROPN") or tok.lemma_.lower() not in ("meet", "visit"):
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "compound")), None)
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "pobj", "attr")), None)
        if obj is None:
            with_ = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "to")), None)
            obj = next((c for c in with_.children if c.dep_ == "pobj"), None) if with_ is not None else None
        if subj is None or obj is None:
            continue
        who, whom = _phrase(subj), _phrase(obj)
        if tok.lemma_.lower() == "meet":
            cues.append(EventCue(f"Meeting of the {who} with {whom}", "meeting", sent.start, sent.end))
        else:
            cues.append(EventCue(f"{who} Visit to {whom}", "visit", sent.start, sent.end, venue=whom))
    return cues


def _closing_parts(sent: Span, main: EventCue) -> list[EventCue]:
    """'X ended with an exhibition and a gala-concert' -> 'Closing exhibition of X', 'Closing gala-concert of X'."""
    doc = sent.doc
    end_verb = next((t for t in sent if t.lemma_ in END_VERBS), None)
    if end_verb is None or end_verb.i + 1 >= sent.end or doc[end_verb.i + 1].lower_ != "with":
        return []
    out = []
    for tok in doc[end_verb.i + 2 : sent.end]:
        if tok.pos_ not in ("NOUN", "PROPN") or not (is_event_head(tok) or tok.lower_ in _KIND_WORDS):
            continue
        hyphenated = tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
        noun = doc[tok.i - 2 : tok.i + 1].text if hyphenated else tok.text
        out.append(EventCue(f"Closing {noun} of the {main.name}", event_type(tok.lower_), tok.i, tok.i + 1))
    return out


def _held_events(sent: Span) -> list[EventCue]:
    """'The X Commission Holds the First Meeting Regarding Y' -> 'First Meeting of the X Commission Regarding Y'."""
    doc = sent.doc
    for tok in sent:
        if tok.lemma_.lower() not in _HOLD_VERBS or tok.pos_ not in ("VERB", "AUX", "NOUN", "PROPN"):
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj" and is_event_head(c)), None)
        if obj is None:
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        left = doc[obj.left_edge.i : obj.i + 1].text
        right = doc[obj.i + 1 : obj.right_edge.i + 1].text
        if left.lower().startswith("the "):
            left = left[4:]
        by = f" of the {_phrase(subj).removeprefix('The ').removeprefix('the ')}" if subj is not None else ""
        return [EventCue(f"{left}{by} {right}".strip(), event_type(obj.lemma_.lower()), obj.i, obj.i + 1)]
    return []


def _fallback(sent: Span) -> list[EventCue]:
    """A headline with an event noun but no name: the headline itself names the event."""
    kinds = [t for t in sent if t.pos_ in ("NOUN", "PROPN", "VERB") and t.lemma_.lower() in _KIND_WORDS]
    if not kinds:
        return []
    name = re.sub(r"\bHeld\s+", "", _HELD.sub("", sent.text.strip())).strip(" .")
    return [EventCue(name.removeprefix("The "), event_type(kinds[0].lemma_.lower()), sent.start, sent.end)]


def _titled_dates(sent: Span) -> list[EventCue]:
    """'"Title!" 28 February - 15 April': a quoted title with its own date range is an event."""
    text = sent.text.strip()
    m = re.match(r'^["“«](.+?)["”»]\s+(.+)$', text)
    found = dates.find_dates(m[2]) if m else []
    if m and found and found[0].is_range:
        return [EventCue(m[1].strip(), "other", sent.start, sent.end)]
    return []


def headline_cues(
    sent: Span, org_ranges: list[tuple[int, int]]
) -> tuple[list[EventCue], list[EventCue], list[EventCue]]:
    """(events the headline reports, enclosing events it names after 'of the' / 'as part of', others named)."""
    # most specific first: a quoted title, then a capitalised name, then a described event
    cues = _held_events(sent)
    cues += quoted_events(sent, org_ranges)
    cues += named_events(sent, org_ranges + [(c.start, c.end) for c in cues])
    cues += described_events(sent, [(c.start, c.end) for c in cues], None)
    text = sent.text.strip()
    if not cues and ":" in text and re.search(r"\bpanel\b", text.split(":")[0], re.I):
        cues = [EventCue(text.split(":", 1)[1].strip(), "panel", sent.start, sent.end)]
    cues = [c for c in cues if not c.definite_ref and not names_the_same(c, cues)]
    parents = [c for c in cues if c.type in _PARENT_TYPES and link_before(sent, c.start)]
    reported = [c for c in cues if c not in parents]
    if not reported:
        reported = _verb_events(sent) or _titled_dates(sent) or _fallback(sent)
    main = reported[:1] + [c for c in reported[1:] if c.type in CHILD_TYPES]
    return main, parents, [c for c in reported if c not in main]


def headline(b: _Builder, sent: Span, stamp: date, orgs: list[tuple[int, int, str]]) -> None:
    """Add the events of one dated headline to the builder, with their dates and parents."""
    text = sent.text.strip()
    reported, parents, mentioned = headline_cues(sent, [(s, e) for s, e, _ in orgs])
    if not reported:
        return
    future = bool(FUTURE.search(text))
    # "X ended", "The results of X determined": the stamp is when X finished
    ends = any(t.lemma_ in END_VERBS or t.lemma_.lower() == "result" for t in sent)
    venue = venue_in(sent, orgs)
    parent_ids = [b.add(p, sent) for p in parents]
    closing = _closing_parts(sent, reported[0])
    for other in mentioned:
        if not any(c.start < other.end and other.start < c.end for c in closing):
            b.add(other, sent)  # named in passing ("the results of the X Competition"): an event, undated
    own_range = next((d for d in dates.find_dates(text) if d.is_range), None)
    main_id: str | None = None
    for cue in reported + closing:
        known = b.find(cue.name)
        local_id = b.add(cue, sent)
        main_id = main_id or local_id  # the first reported event is the headline's subject
        ev = b.events[local_id]
        ev.venue = ev.venue or cue.venue or (venue[0] if venue and local_id == main_id else None)
        if own_range is not None and not known:
            year = stamp.year
            d = own_range
            with_year = dates.DateMention(
                d.start_month, d.start_day, d.start_year or year, d.end_month, d.end_day, d.end_year or year, 0, 0
            )
            ev.start_date, ev.end_date, ev.date_precision = dates.resolve(with_year, stamp, year)
        elif cue in closing:
            ev.start_date, ev.date_precision = stamp, "day"
            ev.parent_local_id = main_id
        elif not known or local_id in b.stamps:
            b.stamps.setdefault(local_id, []).append((stamp, ends, future))
        if ev.parent_local_id is None and parent_ids:
            ev.parent_local_id = parent_ids[0] if parent_ids[0] != local_id else None
        elif ev.parent_local_id is None and ev.type in CHILD_TYPES:
            b.pending_parents.append((local_id, stamp))


def link_pending_parents(b: _Builder) -> None:
    """Panels listed without their forum's name: the forum or festival running on the headline's date."""
    for local_id, stamp in b.pending_parents:
        ev = b.events[local_id]
        if ev.parent_local_id is not None:
            continue
        best: tuple[int, str] | None = None
        for other_id, other in b.events.items():
            if other_id == local_id or other.type not in ("forum", "festival") or other.start_date is None:
                continue
            end = other.end_date or other.start_date
            gap = (
                0
                if other.start_date <= stamp <= end
                else min(abs((other.start_date - stamp).days), abs((end - stamp).days))
            )
            if gap <= 2 and (best is None or gap < best[0]):
                best = (gap, other_id)
        ev.parent_local_id = best[1] if best else None
