"""Spot event mentions in one sentence: quoted topics, named events, described events, meetings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from etl.extraction.lexicon import COUNTRIES, EVENT_HEADS, MONTHS, NUMBER_WORDS
from etl.extraction.org_names import clean_name
from etl.extraction.spans import entity_at, in_quotes, is_cap, is_event_head, is_org_head, lower, name_runs, overlaps

# Event kinds that sit inside another event, and the words that say an event ends or is yet to come.
CHILD_TYPES = frozenset({"panel", "round_table", "ceremony"})
END_VERBS = frozenset({"end", "conclude", "close", "finish", "complete"})
FUTURE = re.compile(r"\bwill be\b|\bis to be\b|\bplanned to\b|\bwill open\b", re.I)
PANEL_CUES = ("panel", "session", "discussion", "round table", "roundtable", "topic", "entitled", "titled", "themed")
_LINK_CUES = re.compile(
    r"\b(as part of|within the framework of|in the framework of|within|during|of)\s*(the\s*)?$", re.I
)
_DESCRIBED_MODIFIERS = frozenset({"opening", "closing", "gala", "official", "final", "award", "awards", "welcoming"})
_HELD_VERBS = frozenset(
    {
        "hold",
        "take",
        "organize",
        "organise",
        "host",
        "open",
        "end",
        "conclude",
        "close",
        "start",
        "launch",
        "begin",
        "feature",
        "include",
        "present",
        "give",
        "stage",
    }
)


@dataclass
class EventCue:
    """An event named or described in a sentence, at tokens [start, end)."""

    name: str
    type: str
    start: int
    end: int
    definite_ref: bool = False  # "the forum": points back to an event already known
    people: tuple[str, ...] = ()  # for meetings and visits named after who took part
    venue: str | None = None
    rule: str = ""  # the rule that found it, kept on the event for analysts


def event_type(word: str) -> str:
    """The contract's events.type for an event noun ('round table' -> 'round_table')."""
    return EVENT_HEADS.get(word.lower(), "other")


def _head_type(tokens: list[Token]) -> str | None:
    text = " ".join(t.lower_ for t in tokens)
    if "round table" in text or "roundtable" in text:
        return "round_table"
    if "master class" in text:
        return "training"
    for tok in reversed(tokens):
        if is_event_head(tok):
            return event_type(lower(tok)) if lower(tok) in EVENT_HEADS else event_type(tok.lemma_.lower())
    return None


def _modifier_chain(doc: Doc, start: int, end: int) -> list[Token]:
    """The words right after a quote up to its head noun: '"X" modern art exhibition', not '"X" at the forum'."""
    chain: list[Token] = []
    for tok in doc[start : min(start + 5, end)]:
        if tok.pos_ not in ("NOUN", "ADJ", "PROPN") and not is_event_head(tok):
            break
        chain.append(tok)
    return chain


def quoted_events(sent: Span, orgs: list[tuple[int, int]]) -> list[EventCue]:
    """Quoted names next to an event noun: panel topics, named exhibitions, competitions, programmes."""
    doc = sent.doc
    cues = []
    text = sent.text.lower()
    for qs, qe in in_quotes(doc):
        if not (sent.start <= qs < sent.end) or any(overlaps((qs, qe), o) for o in orgs):
            continue
        inner = doc[qs:qe]
        if inner[0].lower_ == "for":
            continue  # '"For Merit" medals': an award's name, not an event
        after = _modifier_chain(doc, qe + 1, sent.end)
        before = [t for t in doc[max(sent.start, qs - 3) : qs - 1] if not t.is_punct][-2:]
        if qs > sent.start + 2 and doc[qs - 2].lower_ in _TITLE_CUES:
            # 'The concert, titled "X"': the noun before the cue says what X is
            before = [t for t in doc[max(sent.start, qs - 7) : qs - 2] if not t.is_punct][-3:]
        near_type = _head_type(after[: next((i + 1 for i, t in enumerate(after) if is_event_head(t)), 0)])
        before_type = _head_type(before)
        inner_type = _head_type(list(inner[-2:]) if "master class" in inner.text.lower() else [inner[-1]])
        inner_type = inner_type if is_cap(inner[-1]) else None
        kind = near_type or before_type or inner_type
        if kind is None and len(inner) >= 3 and any(c in text for c in PANEL_CUES):
            kind = "round_table" if "round table" in text else "panel"
        if (
            kind is None
            and len(inner) >= 3
            and re.search(r"\b(dedicated to|devoted to)\s*(the\s+)?(topic)?\s*$", doc[sent.start : qs - 1].text, re.I)
        ):
            kind = "panel"
        if kind is None:
            continue
        if kind == "training" and not any(t.lower_ in _TRAINING_WORDS for t in (*before, *after, *inner)):
            continue  # "program" alone names projects far more often than trainings
        cues.append(EventCue(clean_name(inner.text), kind, qs, qe, rule="quoted_title"))
    return cues


_TITLE_CUES = frozenset({"titled", "entitled", "named", "called", "dubbed"})
_SHOWN_TYPES = frozenset({"exhibition", "concert", "festival", "competition"})
_TRAINING_WORDS = frozenset({"training", "class", "masterclass", "workshop", "seminar", "course"})
_PLURAL_NAMES = frozenset({"days", "games", "awards", "olympics", "nights"})
_PLACE_HEADS = frozenset({"hall", "building", "complex", "palace", "arena", "stadium", "grounds", "square", "venue"})


def inside_place_name(head: Token) -> bool:
    """'Conference' in 'X Conference Centre', 'Festival' in 'Festival Hall': an event word naming a place or body."""
    doc = head.doc
    nxt = doc[head.i + 1] if head.i + 1 < len(doc) else None
    return nxt is not None and is_cap(nxt) and (is_org_head(nxt) or lower(nxt) in _PLACE_HEADS)


def _name_end(run: Span, head: Token) -> int:
    """End of an event name: after its head, plus a following 'of the X' ('Festival of the Northern Isles')."""
    doc = run.doc
    end = head.i + 1
    if end < run.end and doc[end].lower_ == "of" and not any(is_event_head(t) for t in doc[end : run.end]):
        return run.end
    return end


def _topic_end(sent: Span, end: int, head: Token) -> int:
    """'International Forum on State-of-the-Art Music', 'World Conference on Creative Economy': a capitalised
    topic after 'on' or 'for' right after the event's head word is part of its name."""
    doc = sent.doc
    if head.i + 1 != end or end + 1 >= sent.end or doc[end].lower_ not in ("on", "for"):
        return end
    same_run = next((r for r in name_runs(sent) if r.start <= head.i < r.end), None)
    if same_run is not None and same_run.end > end + 1:
        return same_run.end  # the run already joins the topic across 'on'
    follow = next((r for r in name_runs(sent) if r.start in (end + 1, end + 2)), None)
    if follow is None or (follow.start == end + 2 and doc[end + 1].lower_ != "the"):
        return end
    return follow.end


def named_events(sent: Span, taken: list[tuple[int, int]]) -> list[EventCue]:
    """Capitalised names with an event head: 'Cultural Heritage Forum', 'Days of X Culture'."""
    doc = sent.doc
    cues = []
    for run in name_runs(sent):
        heads = [t for t in run if is_event_head(t) and is_cap(t)]
        if not heads or any(overlaps((run.start, run.end), t) for t in taken):
            continue
        first_is_head = is_event_head(run[0]) and len(run) > 2 and run[1].lower_ == "of"
        if (
            is_event_head(run[0])
            and (run.start == sent.start or doc[run.start - 1].lower_ in ("the", "a", "an"))
            and len(heads) == 1
            and len(run) > 1
            and run[1].lower_ != "of"
            and run[1].pos_ == "PROPN"
            and run[1].tag_ not in ("VBN", "VBD", "VBZ")
        ):
            # "Exhibition Motherland of Mine": the noun says what it is, the rest is its name
            kind = _head_type([run[0]]) or "other"
            cues.append(
                EventCue(clean_name(doc[run.start + 1 : run.end].text), kind, run.start, run.end, rule="named_event")
            )
            continue
        last_head = heads[-1]
        if not first_is_head and last_head.tag_ in ("NNS", "NNPS") and lower(last_head) not in _PLURAL_NAMES:
            continue  # "Annual Performances": a kind of event, not one event's name
        end = run.end if first_is_head else _name_end(run, last_head)
        if not first_is_head and inside_place_name(last_head):
            continue  # "Accra International Conference Centre", "Festival Hall": a place or body, not an event
        start = run.start
        if not first_is_head:
            # "A Comprehensive Overview of the First X Forum": the name is after the last 'of'
            ofs = [
                t.i
                for t in doc[start : last_head.i]
                if t.lower_ == "of" and not any(is_event_head(x) for x in doc[start : t.i])
            ]
            if ofs:
                start = ofs[-1] + 1
                if doc[start - 2].lower_ == "edition":  # "the Third Edition of the X Festival": that edition's name
                    start = max(sent.start, start - 3 if _ORDINAL_WORD.match(doc[start - 3].text) else start - 2)
            while start < end and (
                doc[start].lower_ in ("the", "next", "last")
                or lower(doc[start]) in MONTHS
                or lower(doc[start]) in _WEEKDAYS
                or (doc[start].like_num and not EDITION.match(doc[start].text))
                or (
                    doc[start].lower_ in ("first", "second", "third")
                    and doc[start + 1 : start + 2].text.lower() != "edition"
                )
            ):
                start += 1  # "last Friday the 31st X Festival": the date is not the name; the edition is
        if end - start < 2 and not first_is_head:
            continue
        if start == run.start and start > 0 and EDITION.match(doc[start - 1].text):
            start -= 1  # "the 13th Festival of Harbour Arts", "the 2018 Selby Festival": the edition is in the name
        # keep a parenthesised short name: "... Industries (MY EXPO-2023)"
        if end + 2 < len(doc) and doc[end].text == "(":
            close = next((t.i for t in doc[end : min(end + 8, len(doc))] if t.text == ")"), None)
            if close is not None:
                end = close + 1
        end = _topic_end(sent, end, last_head)
        if doc[start].lower_ == "edition" and start > sent.start and _ORDINAL_WORD.match(doc[start - 1].text):
            start -= 1  # "the Third Edition of the X Festival"
        kind = _head_type([run[0]] if first_is_head else [last_head]) or "other"
        cues.append(EventCue(clean_name(doc[start:end].text), kind, start, end, rule="named_event"))
    return cues


_ORDINAL_WORD = re.compile(
    r"^(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$", re.I
)
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
EDITION = re.compile(r"^(?:\d{1,3}(?:st|nd|rd|th)|(?:19|20)\d\d)$", re.I)


def _where_it_happened(noun: Token) -> bool:
    """'The discovery was announced at an international press conference': an event something was done at,
    in the past tense ('will be announced at a press conference' is not yet an event)."""
    prep = noun.head
    verb = prep.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ == "at"
        and noun.lower_ not in ("event", "events")
        and verb.pos_ == "VERB"
        and verb.tag_ in ("VBD", "VBN")
        and not any(c.lower_ in ("will", "would", "shall") for c in verb.children)
    )


def _after_number_hyphen(tok: Token) -> bool:
    """'day' in 'a three-day workshop', '10-day': a duration, not part of the event's name."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != "-":
        return False
    before = doc[tok.i - 2]
    return before.lower_ in NUMBER_WORDS or any(c.isdigit() for c in before.text)


def _complement(head: Token) -> str:
    """'on/of/dedicated to' + the object noun phrase, cut before further 'in/with/within' phrases."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "on", "about", "for"):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and objs[0].ent_type_ in ("DATE", "TIME"):
                continue  # "a ceremony on Thursday": a date, not what the event is about
            if objs:
                return f"{child.lower_} {_phrase(objs[0])}"
        if child.dep_ in ("acl", "amod") and child.lower_ in ("dedicated", "devoted"):
            for prep in child.children:
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                if prep.lower_ == "to" and objs:
                    return f"on {_phrase(objs[0])}"
    return ""


def _phrase(token: Token) -> str:
    keep = []
    for tok in token.subtree:
        if tok.i > token.i and tok.dep_ in ("prep", "cc", "conj", "acl", "relcl", "punct") and tok.lower_ != "of":
            break
        if tok.i > token.i and tok.tag_ in ("WDT", "WP", "WP$"):
            break  # "photography which includes ...": a relative clause starts
        keep.append(tok)
    words = [t.text_with_ws for t in keep if t.dep_ != "nummod" and t.lower_ not in NUMBER_WORDS]
    return clean_name("".join(words))


def _programme_of(tok: Token) -> str | None:
    """'a concert program', 'the exhibition programme': a programme named by the event it is (its compound)."""
    if tok.lemma_.lower() not in ("program", "programme"):
        return None
    return next((lower(c) for c in tok.children if c.dep_ == "compound" and is_event_head(c)), None)


def described_events(sent: Span, taken: list[tuple[int, int]], forum_name: str | None) -> list[EventCue]:
    """Lower-case event nouns the sentence reports as happening: 'a meeting dedicated to X was held'."""
    cues = []
    for tok in sent:
        kind_word = _programme_of(tok) or (lower(tok) if is_event_head(tok) else None)
        if tok.pos_ != "NOUN" or kind_word is None or any(overlaps((tok.i, tok.i + 1), t) for t in taken):
            continue
        if lower(tok) in ("days", "week", "events"):
            continue
        det = next((c.lower_ for c in tok.children if c.dep_ == "det"), "")
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and not any(ch.isdigit() for ch in c.text)]
        mods = [
            m for m in mods if not any(w in m.lower_ for w in NUMBER_WORDS) and m.lower_ not in ("next", "last", "same")
        ]
        special = any(m.lower_ in _DESCRIBED_MODIFIERS for m in mods)
        # "announced at an international press conference": a bare "at a meeting" names too little to be kept
        happening = (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in _HELD_VERBS) or (
            bool(mods) and _where_it_happened(tok)
        )
        complement = _complement(tok)
        if complement and any(t.ent_type_ in ("DATE", "TIME") for t in sent.doc[tok.i + 1 : tok.i + 4]):
            complement = ""  # "on November 28" dates the event; it does not name it
        if det == "the" and not complement:
            continue  # "the opening ceremony": a reference, handled by definite_refs
        # "enjoyed the exhibition of fine and applied arts of X": a described event named by its own words
        described = (
            det == "the"
            and complement.startswith("of ")
            and len(complement.split()) >= 4
            and event_type(lower(tok)) in _SHOWN_TYPES  # "the first panel of the Forum" points to a known panel
        )
        indefinite = det in ("a", "an") and (complement or happening)
        if not (special or indefinite or (happening and complement) or described):
            continue
        if tok.lower_ in ("discussion", "discussions") and not complement:
            continue
        first = min([m.left_edge.i for m in mods] + [tok.i])
        head_words = [
            t.text
            for t in sent.doc[first : tok.i + 1]
            if not any(c.isdigit() for c in t.text)
            and t.lower_ not in NUMBER_WORDS
            and t.dep_ != "det"
            and not t.is_punct
            and not _after_number_hyphen(t)
        ]
        if complement.startswith("of ") and forum_name and complement[3:].lower() in ("forum", "the forum"):
            complement = f"of the {forum_name}"
        name = " ".join(head_words) + (f" {complement}" if complement else "")
        start = first
        kind = event_type(kind_word)
        cues.append(
            EventCue(
                name[0].upper() + name[1:],
                kind,
                start,
                tok.i + 1,
                definite_ref=det == "the" and not special and not described,
                rule="described_event",
            )
        )
    return cues


def names_the_same(cue: EventCue, cues: list[EventCue]) -> bool:
    """'an exhibition called "X"', 'a session on "X"': the described noun and the quoted title are one event."""
    return any(o is not cue and 0 <= o.start - cue.end <= 3 and o.type == cue.type for o in cues)


def definite_refs(sent: Span) -> list[EventCue]:
    """'the forum', 'the panel', 'this event': references to an event already introduced."""
    cues = []
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN") or not is_event_head(tok):
            continue
        det = next((c.lower_ for c in tok.children if c.dep_ in ("det", "poss")), "")
        if det in ("the", "this", "that", "these", "its"):
            cues.append(EventCue(tok.text, event_type(lower(tok)), tok.i, tok.i + 1, definite_ref=True))
    return cues


def link_before(sent: Span, start: int) -> bool:
    """Whether the words before token `start` say 'as part of' / 'within the framework of' / 'during'."""
    return bool(_LINK_CUES.search(sent.doc[sent.start : start].text.rstrip(' "“”«»')))


def venue_in(sent: Span, orgs: list[tuple[int, int, str]]) -> tuple[str, bool] | None:
    """The place after 'at'/'in' in a 'held at' sentence: a body's building, or a city (flag True)."""
    doc = sent.doc
    for tok in sent:
        if tok.lower_ not in ("at", "in") or tok.i + 1 >= sent.end:
            continue
        nxt = tok.i + 1 + (1 if doc[tok.i + 1].lower_ == "the" else 0)
        for s, _e, name in orgs:
            if s == nxt:
                return name, False
        if nxt < len(doc) and doc[nxt].ent_type_ in ("GPE", "FAC") and doc[nxt].text not in COUNTRIES:
            ent = entity_at(doc, nxt)
            if ent is not None:
                return ent.text.removeprefix("the "), ent.label_ == "GPE"
    return None
