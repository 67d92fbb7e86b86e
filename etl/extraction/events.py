"""Events of one article: what happened, its dates, venue and place in the hierarchy.

Walks the sentences in order, keeping the event in focus (the panel being described), the day
being described ("the second day", "On November 29") and the enclosing event, the way a reader does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span

from etl.extraction import dates
from etl.extraction.event_cues import (
    CHILD_TYPES,
    EDITION,
    END_VERBS,
    FUTURE,
    EventCue,
    definite_refs,
    described_events,
    link_before,
    named_events,
    names_the_same,
    quoted_events,
    venue_in,
)
from etl.extraction.event_names import extended, festival_named, is_alias
from etl.extraction.event_parts import name_parts, part_phrase
from etl.extraction.event_titles import titled_events
from etl.extraction.headlines import headline, link_pending_parents
from etl.extraction.lead_dates import (
    LEAD_SPAN,
    date_from_later_reference,
    date_from_next_sentence,
    date_from_previous_sentence,
)
from etl.extraction.lead_event import lead_event
from etl.extraction.lead_parts import finale_of, fold_stops_into, name_visit_by_headline
from etl.extraction.lexicon import EVENT_HEADS, ORDINALS
from etl.extraction.meetings import meetings_and_visits
from etl.extraction.prize_ceremony import name_prize_ceremony
from etl.extraction.spans import is_headline_stamp, sentences
from etl.records import EventRec

CONTAINER_TYPES = frozenset({"forum", "festival", "other", "training", "meeting"})
_STAMP = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_NTH_DAY = re.compile(r"\b(first|second|third|fourth|fifth|last|final)\s+day\b", re.I)


@dataclass
class PersonRef:
    """A person named at tokens [start, end), with their full name in the article."""

    start: int
    end: int
    name: str


@dataclass
class EventsResult:
    """The events of an article and, for each sentence, the event it is about."""

    events: dict[str, EventRec] = field(default_factory=dict)
    focus: dict[int, str] = field(default_factory=dict)  # sentence start token -> event local id
    main: str | None = None


def norm_name(name: str) -> str:
    """A comparison key for event names: 'Exhibition of X (X-2023)' and 'X Exhibition' share one."""
    text = re.sub(r"\([^)]*\)", " ", name.lower())
    text = re.sub(r"[^\w\s]", " ", text)
    words = [w for w in text.split() if w not in ("the", "a", "an")]
    # "66th Harbour Film Festival" and "Harbour Film Festival": one festival (the year keys editions)
    while len(words) > 2 and EDITION.match(words[0]):
        words = words[1:]
    if len(words) > 2 and words[1] == "of" and words[0] in EVENT_HEADS:
        words = [*words[2:], words[0]]
    return " ".join(words)


class _Builder:
    def __init__(self, published: date | None, year_hint: int | None) -> None:
        self.result = EventsResult()
        self.published = published
        self.year_hint = year_hint
        self.last_by_type: dict[str, str] = {}
        self.focus: str | None = None
        self.day: date | None = None
        self.pending_parents: list[tuple[str, date]] = []  # headline panels waiting for their forum
        self.stamps: dict[str, list[tuple[date, bool, bool]]] = {}
        self.subject: str | None = None

    def finish_headline_dates(self) -> None:
        """A headline's date is when it happened; 'X ended' headlines give the end."""
        for local_id, seen in self.stamps.items():
            ev = self.events[local_id]
            if ev.start_date is not None or ev.end_date is not None:
                continue
            starts = [s for s, ended, future in seen if not ended and not future]
            ends = [s for s, ended, _ in seen if ended]
            ev.start_date = min(starts) if starts else None
            ev.date_precision = "day" if ev.start_date else None
            end = max(ends) if ends else None
            ev.end_date = end if end and (ev.start_date is None or end > ev.start_date) else None

    @property
    def events(self) -> dict[str, EventRec]:
        return self.result.events

    def find(self, name: str) -> str | None:
        key = norm_name(name)
        for local_id, ev in self.events.items():
            other = norm_name(ev.name)
            if other == key or (min(len(key), len(other)) > 12 and fuzz.ratio(key, other) >= 90):
                return local_id
        for local_id, ev in self.events.items():
            if _shortened(key, norm_name(ev.name)) or extended(name, ev.name) or extended(ev.name, name):
                return local_id  # "the Jazz Festival" after "the Jacksonville Jazz Festival"
        return None

    def add(self, cue: EventCue, sent: Span) -> str:
        existing = self.find(cue.name)
        if existing:
            ev = self.events[existing]
            if extended(ev.name, cue.name):
                ev.name = cue.name  # "X Festival" in the headline, "X Festival of the Arts" in the text: the full name
            return existing
        local_id = f"e{len(self.events) + 1}"
        char = sent.doc[cue.start].idx if cue.start < len(sent.doc) else sent.start_char
        self.events[local_id] = EventRec(
            local_id,
            cue.name,
            cue.type,
            evidence=sent.text.strip(),
            start_char=char,
            parties=cue.people,
            rule=cue.rule or "headline",
        )
        if self.result.main is None:
            self.result.main = local_id
        return local_id

    def ancestors(self, local_id: str | None) -> set[str]:
        seen: set[str] = set()
        while local_id and local_id not in seen:
            seen.add(local_id)
            local_id = self.events[local_id].parent_local_id
        return seen

    def container(self, types: tuple[str, ...], exclude: str) -> str | None:
        """The latest event of the first of `types` (in order of preference) that the story has."""
        for t in types:
            ev_id = self.last_by_type.get(t)
            if ev_id and ev_id != exclude and exclude not in self.ancestors(ev_id):
                return ev_id
        return None

    def set_dates(self, ev: EventRec, mention: dates.DateMention, sent_text: str, ends: bool) -> None:
        start, end, precision = dates.resolve(mention, self.published, self.year_hint)
        if start is None:
            return
        if ends and not mention.is_range:
            ev.end_date = start
            return
        if ev.start_date is None:
            ev.start_date, ev.end_date, ev.date_precision = start, end, precision


def _shortened(short: str, full: str) -> bool:
    """Whether `short` is `full` without its first words: the same named event, said shorter."""
    words, full_words = short.split(), full.split()
    return 2 <= len(words) < len(full_words) and full_words[-len(words) :] == words


def _year_hint(doc: Doc, body_events: list[str]) -> int | None:
    """A year the article itself gives for its undated events: '... EXPO-2023', or a dated headline."""
    for name in body_events:
        if m := re.search(r"[-\s](20\d{2})\)?$", name):
            return int(m[1])
    return None


def _sentences(doc: Doc) -> list[Span]:
    """The doc's sentences that hold any text (computed once per doc)."""
    cached = doc.user_data.get("text_sentences")
    if cached is None:
        cached = doc.user_data["text_sentences"] = [s for s in sentences(doc) if s.text.strip()]
    return list(cached)


def extract_events(
    doc: Doc, people: list[PersonRef], orgs: list[tuple[int, int, str]], published: date | None
) -> EventsResult:
    """All events of the article, the focus event of each sentence, and the main event."""
    sents = _sentences(doc)
    org_ranges = [(s, e) for s, e, _ in orgs]
    first_pass = [c.name for s in sents for c in named_events(s, org_ranges)]
    stamps = [int(m[3]) for s in sents if (m := _STAMP.match(s.text.strip())) and is_headline_stamp(s.text)]
    b = _Builder(published, _year_hint(doc, first_pass) or (min(stamps) if stamps else None))
    stamp: date | None = None
    for sent in sents:
        text = sent.text.strip()
        if is_headline_stamp(text):
            m = _STAMP.match(text)
            stamp = dates.to_date(int(m[3]), int(m[2]), int(m[1])) if m else None
            continue
        if stamp is not None:
            headline(b, sent, stamp, orgs)
            stamp = None
            continue
        _body_sentence(b, sent, people, orgs)
        if b.focus:
            b.result.focus[sent.start] = b.focus
    b.finish_headline_dates()
    link_pending_parents(b)
    _inherit_spans(b)
    _add_lead_event(b, doc, people, published)
    name_parts(b.events)
    return b.result


def _add_lead_event(b: _Builder, doc: Doc, people: list[PersonRef], published: date | None) -> None:
    """The event the story's lead reports, when the events found so far all come later in the story.

    It becomes the main event: sentences that focus on no other event are about it.
    """
    sents = _sentences(doc)
    lead_end = sents[min(len(sents), LEAD_SPAN) - 1].end_char if sents else 0
    if any(ev.start_char < lead_end for ev in b.events.values()):
        return
    taken = {i for p in people for i in range(p.start, p.end)}
    lead = lead_event(doc, published, taken)
    if lead is None:
        return
    if (known := b.find(lead.name)) is not None:
        # 'a folk concert ... The concert, titled "X"': the title was read first, without the lead's facts
        ev = b.events[known]
        if ev.type == "panel" and ev.parent_local_id is None:
            ev.type = lead.type
        if ev.start_date is None:
            ev.start_date, ev.end_date, ev.date_precision = lead.start_date, lead.end_date, lead.date_precision
        return
    lead.local_id = f"e{len(b.events) + 1}"
    b.events[lead.local_id] = lead
    b.result.main = lead.local_id
    if lead.type == "visit":
        fold_stops_into(b.events, b.result.focus, lead.local_id)
    if (finale := finale_of(b.events, doc, lead)) is not None:
        b.events[finale.local_id] = finale
    if lead.start_date is None:
        date_from_later_reference(b, lead, sents)
    if lead.start_date is None:
        date_from_next_sentence(b, lead, sents, published)
    if lead.start_date is None:
        date_from_previous_sentence(lead, sents, published)
    first = sents[0].text.strip() if sents else ""
    if sents and not first.endswith((".", "?")):
        name_visit_by_headline(lead, sents[0])
    prize = name_prize_ceremony(lead, first if first and not first.endswith((".", "?")) else None, published)
    if prize is not None and b.find(prize.name) is None:
        b.events[prize.local_id] = prize


def _inherit_spans(b: _Builder) -> None:
    """Undated parts of a dated event: an exhibition runs through it, an opening ceremony is on its first day."""
    for ev in b.events.values():
        parent = b.events.get(ev.parent_local_id or "")
        if ev.start_date is not None or parent is None or parent.start_date is None:
            continue
        if ev.type == "exhibition":
            ev.start_date, ev.end_date, ev.date_precision = parent.start_date, parent.end_date, parent.date_precision
        elif ev.type == "ceremony" and ev.name.lower().startswith(("opening", "inaugura")):
            ev.start_date, ev.date_precision = parent.start_date, parent.date_precision  # opens on day one
        elif ev.type == "ceremony" and ev.name.lower().startswith("closing") and parent.end_date is not None:
            ev.start_date, ev.date_precision = parent.end_date, "day"  # closes on the last day


def _body_sentence(b: _Builder, sent: Span, people: list[PersonRef], orgs: list[tuple[int, int, str]]) -> None:
    org_ranges = [(s, e) for s, e, _ in orgs]
    cues = quoted_events(sent, org_ranges)
    cues += titled_events(sent, org_ranges + [(c.start, c.end) for c in cues])
    not_festivals = [(s, e) for s, e in org_ranges if not festival_named(sent.doc, s, e)]
    cues += named_events(sent, not_festivals + [(c.start, c.end) for c in cues])
    forum = b.events[b.last_by_type["forum"]].name if "forum" in b.last_by_type else None
    cues += described_events(sent, [(c.start, c.end) for c in cues], forum)
    cues += meetings_and_visits(b, sent, people)
    cues = [c for c in cues if not names_the_same(c, cues) and not is_alias(sent, c)]
    new_ids: list[str] = []
    ref_ids: list[str] = []
    future = bool(FUTURE.search(sent.text))
    for cue in sorted(cues, key=lambda c: c.start):
        if cue.definite_ref:
            continue
        known = b.find(cue.name)
        if future and not known:
            continue  # "it is planned to hold X": not (yet) an event
        local_id = b.add(cue, sent)
        ev = b.events[local_id]
        (ref_ids if known else new_ids).append(local_id)
        if cue.venue and not ev.venue:
            ev.venue = cue.venue
        if not known:
            _place(b, ev, cue, sent, cues)
    new_types = {b.events[i].type for i in new_ids}
    for ref in definite_refs(sent):
        if any(ref.start >= c.start and ref.end <= c.end for c in cues if not c.definite_ref):
            continue
        if ref.type in new_types and ref.type in CHILD_TYPES:
            continue  # "the next panel ... the topic X": the ref is the new panel itself
        target = b.last_by_type.get(ref.type)
        if target is None and (part := _part_of_main(b, sent, ref)):
            new_ids.append(part)
            continue
        if ref.type == "other" and ref.name.lower() in ("event", "events") and b.result.main:
            target = b.result.main
        if target is None and b.result.main and b.events[b.result.main].type == "other":
            target = b.result.main  # "an event themed X" ... "the meeting": the same event
        if target:
            ref_ids.append(target)
            _refine_generic_type(b, target, ref.type)
    _dates_and_venue(b, sent, new_ids, ref_ids, orgs)
    # refs first: in "the next panel ... was dedicated to X", X is the panel the story now follows
    for local_id in ref_ids + new_ids:
        b.last_by_type[b.events[local_id].type] = local_id
    _update_focus(b, new_ids, ref_ids, speaker_in_sentence=any(sent.start <= p.start < sent.end for p in people))


def _part_of_main(b: _Builder, sent: Span, ref: EventCue) -> str | None:
    """'the inaugural ceremony' when no ceremony was named: a new part of the main event (rule part_of_main).

    Not for an exhibition: its inauguration is the exhibition's own first day, reported as the exhibition.
    """
    phrase = part_phrase(sent.doc[ref.start]) if ref.type == "ceremony" else None
    main = b.result.main
    if phrase is None or main is None or b.events[main].type in ("ceremony", "visit", "meeting", "exhibition"):
        return None
    cue = EventCue(phrase, ref.type, ref.start, ref.end, rule="part_of_main")
    local_id = b.add(cue, sent)
    b.events[local_id].parent_local_id = main
    return local_id


def _refine_generic_type(b: _Builder, target: str, ref_type: str) -> None:
    """'an event themed X' ... 'the meeting': the later, specific noun gives the type."""
    ev = b.events[target]
    if ev.type == "other" and ref_type not in ("other", "panel") and target == b.result.main:
        ev.type = ref_type


def _place(b: _Builder, ev: EventRec, cue: EventCue, sent: Span, cues: list[EventCue]) -> None:
    """Parent: an explicit 'as part of X' in the sentence, else the enclosing event of the story."""
    for other in cues:
        if other.start > cue.end and link_before(sent, other.start):
            parent = b.find(other.name) if not other.definite_ref else b.last_by_type.get(other.type)
            if parent and parent != ev.local_id:
                ev.parent_local_id = parent
                return
    for ref in definite_refs(sent):
        if ref.start > cue.end and link_before(sent, ref.start):
            parent = b.last_by_type.get(ref.type)
            if parent and parent != ev.local_id:
                ev.parent_local_id = parent
                return
    if ev.type in CHILD_TYPES:
        ev.parent_local_id = b.container(("forum", "meeting", "training", "other", "festival"), ev.local_id)
    elif ev.type in ("exhibition", "concert") and " " in cue.name and not _quoted(sent, cue):
        ev.parent_local_id = b.container(("other", "festival", "forum"), ev.local_id)
    elif ev.type == "meeting" and "visit" in b.last_by_type:
        ev.parent_local_id = b.last_by_type["visit"]
    elif ev.type == "training" and b.focus and b.events[b.focus].type == "training":
        ev.parent_local_id = b.focus
    if ev.type == "panel" and ev.parent_local_id and b.events[ev.parent_local_id].type == "training":
        ev.type = "training"  # a session of a training course is training


def _quoted(sent: Span, cue: EventCue) -> bool:
    return cue.start > 0 and sent.doc[cue.start - 1].text in '"“«'


LASTING_TYPES = frozenset({"festival", "forum", "training", "exhibition"})


def _ends_in(sent: Span) -> bool:
    """Whether the sentence says something ended: 'concluded', 'closed', 'wrapped up' as verbs, not 'closing'."""
    return any(
        t.pos_ in ("VERB", "AUX")
        and t.lemma_ in END_VERBS
        and t.tag_ != "VBG"
        or (t.lemma_ == "wrap" and t.pos_ == "VERB")
        for t in sent
    )


_UNTIL = re.compile(r"\b(?:until|till|through|runs? to|lasts? to)\s*$", re.I)


def _dates_and_venue(
    b: _Builder, sent: Span, new_ids: list[str], ref_ids: list[str], orgs: list[tuple[int, int, str]]
) -> None:
    text = sent.text
    mentions = dates.find_dates(text)
    future = bool(FUTURE.search(text))
    ends = any(t.lemma_ in END_VERBS for t in sent)
    targets = [i for i in new_ids if b.events[i].start_date is None] or [
        i for i in ref_ids if b.events[i].start_date is None
    ]
    if m := _NTH_DAY.search(text):
        parent = next((i for i in ref_ids if b.events[i].type in CONTAINER_TYPES), b.last_by_type.get("forum"))
        if parent and b.events[parent].start_date and m[1].lower() in ORDINALS:
            b.day = dates.nth_day(b.events[parent].start_date, ORDINALS[m[1].lower()])
    if mentions and not future:
        mention = mentions[0]
        if targets:
            # "will display works until Mar 15": the date closes the event, it does not open it
            closes = ends or bool(_UNTIL.search(text[: mention.start_char]))
            for local_id in targets[:1]:
                ev = b.events[local_id]
                b.set_dates(ev, mention, text, closes)
                opened = dates.relative_day(text[: mention.start_char], b.published) if closes else None
                if ev.start_date is None and opened is not None and (ev.end_date is None or opened <= ev.end_date):
                    ev.start_date, ev.date_precision = opened, "day"  # "opened on Wednesday and runs until May 20"
        elif not mention.is_range and ref_ids:
            start, _, precision = dates.resolve(mention, b.published, b.year_hint)
            if precision == "day":
                b.day = start
    elif not mentions and not future and targets and (day := dates.relative_day(text, b.published)):
        ev = b.events[targets[0]]  # "opened yesterday", "on Friday": counted back from publication
        if ev.type in LASTING_TYPES and _ends_in(sent):
            ev.end_date = ev.end_date or day  # "the 10-day workshop concluded today": its last day, not its first
        else:
            ev.start_date, ev.date_precision = day, "day"
    elif mentions and future and not mentions[0].is_range and ref_ids:
        start, _, precision = dates.resolve(mentions[0], b.published, b.year_hint)
        b.day = start if precision == "day" else b.day
    for local_id in new_ids:
        ev = b.events[local_id]
        if ev.start_date is None and ev.type in CHILD_TYPES and b.day is not None:
            ev.start_date, ev.date_precision = b.day, "day"
        elif ev.type in CHILD_TYPES and ev.date_precision == "day" and ev.end_date is None:
            b.day = ev.start_date  # "a panel on November 28 ... the next panel": the same day
    venue = venue_in(sent, orgs)
    if venue and (new_ids or ref_ids):
        ev = b.events[(new_ids or ref_ids)[0]]
        if ev.venue is None and any(t.lemma_ in ("hold", "host", "take", "organize", "open") for t in sent):
            if venue[1]:
                ev.city = ev.city or venue[0]
            ev.venue = ev.venue or venue[0]


def _update_focus(b: _Builder, new_ids: list[str], ref_ids: list[str], speaker_in_sentence: bool = False) -> None:
    """Move the focus to the event the sentence is about; a speaker's topic does not move it."""
    focusable = {
        "panel",
        "round_table",
        "ceremony",
        "meeting",
        "training",
        "visit",
        "forum",
        "concert",
        "other",
        "festival",
    }
    # a new panel named next to its forum ("the forum held a panel on X") is what follows
    new_children = [i for i in new_ids if b.events[i].type in CHILD_TYPES]
    for local_id in new_children + new_ids + ref_ids:
        ev = b.events[local_id]
        if ev.type not in focusable:
            continue
        if local_id in b.ancestors(b.focus) and local_id != b.focus:
            return  # "the forum" while a panel of it is described: still the panel
        if ev.type == "other" and local_id != b.result.main and local_id not in new_ids:
            continue
        in_child = b.focus is not None and b.events[b.focus].type in CHILD_TYPES
        if in_child and speaker_in_sentence and ev.type not in CHILD_TYPES:
            continue  # "X, founder of the festival, spoke about Y": still the panel
        b.focus = local_id
        return
    if b.focus is None and b.result.main:
        b.focus = b.result.main
