"""The event a story reports, read from its lead when no event is named the usual ways.

A news story says what happened in its first paragraphs: "came to fruition yesterday with the official
opening of X", "during a gamelan concert jointly held by ...", "Astana hosts Creative Central Asia forum",
"X inaugurated a new branch of Y". This rule takes the first such noun phrase (or event verb) from the
lead, names the event with the article's own words, and dates it only from what the text says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

from etl.extraction import dates
from etl.extraction.event_cues import inside_place_name
from etl.extraction.lexicon import EVENT_HEADS, NUMBER_WORDS
from etl.extraction.spans import sentences
from etl.records import EventRec

EVENTS_FILE = Path(__file__).with_name("events.yaml")
_LEAD_SENTENCES = 6
_GENERIC = frozenset({"event", "events", "week", "days", "edition", "program", "programme", "show"})
_STOP_PREPS = frozenset({"of", "for", "on", "to", "about"})
_QUOTES_OPEN = "\"“«‘'"
_QUOTES_CLOSE = "\"”»’'"


@dataclass(frozen=True)
class EventWords:
    """Event nouns and verbs of `events.yaml`."""

    nouns: dict[str, str]
    type_modifiers: dict[str, str]
    verbs: dict[str, tuple[str, str]]
    two_sided_verbs: frozenset[str]
    title_cues: frozenset[str]
    staging_verbs: frozenset[str] = frozenset()
    part_modifiers: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def event_words() -> EventWords:
    """The lead-event word classes, with the shared event nouns of the lexicon."""
    with EVENTS_FILE.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    nouns = {**{k: v for k, v in EVENT_HEADS.items() if " " not in k}, **data["nouns"]}
    modifiers = {str(w): str(kind) for kind, words in data["type_modifiers"].items() for w in words}
    verbs = {str(v): (str(spec[0]), str(spec[1])) for v, spec in data["verbs"].items()}
    two_sided = frozenset(str(v) for v, spec in data["verbs"].items() if "two_sided" in spec[2:])
    staging = frozenset(str(v) for v in data.get("staging_verbs", []))
    parts = frozenset(str(v) for v in data.get("part_modifiers", []))
    return EventWords(nouns, modifiers, verbs, two_sided, frozenset(data["title_cues"]), staging, parts)


def _is_event_noun(tok: Token, words: EventWords) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    key = tok.lower_ if tok.lower_ in words.nouns else tok.lemma_.lower()
    if key not in words.nouns:
        return False
    # "concerts, exhibitions and other events": a kind of event, not the one reported
    return not (tok.tag_ == "NNS" and tok.pos_ == "NOUN") and not inside_place_name(tok)


def _type(tok: Token, left: list[Token], words: EventWords) -> str:
    key = tok.lower_ if tok.lower_ in words.nouns else tok.lemma_.lower()
    for mod in left:
        if mod.lower_ in words.type_modifiers:
            return words.type_modifiers[mod.lower_]
    return words.nouns[key]


def _numeric(tok: Token) -> bool:
    return tok.lower_ in NUMBER_WORDS or any(c.isdigit() for c in tok.text)


_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)


def _part_of_proper_name(t: Token) -> bool:
    """'the 11th China-Japan-ROK Cultural Ministers' Meeting': an edition number or a capitalised possessive
    inside a proper name is part of it ('its 10-day', 'the country's' are not)."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if _ORDINAL.match(t.text):
        return nxt is not None and nxt.text[:1].isupper()
    # a plural possessive ("Ministers'", "Women's") names who the event is for; "Nigeria's" is whose it is
    plural = nxt is not None and (nxt.text in ("'", "’") or t.lower_ in ("women", "men", "children", "people"))
    return t.dep_ == "poss" and t.text[:1].isupper() and plural


def _clean_words(tokens: list[Token]) -> str:
    """The name's words without articles, possessives, numbers and number compounds ('five-day')."""
    doc = tokens[0].doc if tokens else None
    kept: list[Token] = []
    # "last night's concert", "the city's annual fair": a possessive left out goes with its own modifiers
    dropped_owners = {
        d.i for t in tokens if t.dep_ == "poss" and not _part_of_proper_name(t) for d in t.subtree if d.i != t.i
    }
    for t in tokens:
        if t.i in dropped_owners:
            continue
        hyphen_after_number = t.text == "-" and t.i > 0 and _numeric(t.doc[t.i - 1])
        word_after_number = doc is not None and t.i > 1 and doc[t.i - 1].text == "-" and _numeric(doc[t.i - 2])
        after_kept_possessive = bool(kept) and kept[-1].i == t.i - 1 and kept[-1].dep_ == "poss"
        if _part_of_proper_name(t) or (t.dep_ == "case" and after_kept_possessive):
            kept.append(t)
            continue
        if t.dep_ == "case":
            continue  # the "'s" of a possessive left out
        if (
            t.dep_ in ("det", "nummod", "poss", "predet")
            or _numeric(t)
            or hyphen_after_number
            or word_after_number
            or t.text in _QUOTES_OPEN + _QUOTES_CLOSE
        ):
            continue
        kept.append(t)
    text = "".join(t.text_with_ws for t in kept).strip(" ,;:-")
    return " ".join(text.split())


def _left_words(tok: Token) -> list[Token]:
    """'the glitzy finale', 'Creative Central Asia forum': the modifiers before the noun, in order."""
    lefts = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod", "nummod", "det", "poss")]
    if not lefts:
        return []
    start = min(c.left_edge.i for c in lefts)
    return [t for t in tok.doc[start : tok.i] if t.dep_ != "punct" or t.text == "-"]


def _complement(tok: Token) -> list[Token]:
    """'of Malahide Castle', 'for public library professionals': the first of/for/on phrase after the noun."""
    prep = next(
        (
            c
            for c in tok.rights
            if c.dep_ == "prep"
            and c.lower_ in _STOP_PREPS
            # "a ceremony on Thursday": a date, not what the event is about
            and not any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in c.children)
        ),
        None,
    )
    if prep is None:
        return []
    out = [prep]
    for t in prep.subtree:
        if t.i <= prep.i:
            continue
        if (
            t.text in (",", ";", "(", ":")
            or t.dep_ in ("relcl", "acl", "cc")
            or (t.dep_ == "prep" and t.lower_ not in ("of",))
        ):
            break
        out.append(t)
    return out


def _quoted_after(doc: Doc, start: int, words: EventWords) -> str | None:
    """'The concert, titled "Night X"': a title given right after the event noun."""
    i = start + 1
    while i < min(len(doc), start + 4) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or doc[i].lower_ not in words.title_cues:
        return None
    j = i + 1
    if j >= len(doc) or doc[j].text not in _QUOTES_OPEN:
        return None
    close = next((t.i for t in doc[j + 1 : min(len(doc), j + 25)] if t.text in _QUOTES_CLOSE), None)
    return doc[j + 1 : close].text.strip() if close and close > j + 1 else None


def retitle(doc: Doc, kind_lemma: str, words: EventWords | None = None) -> str | None:
    """The quoted title the story gives an event of this noun anywhere: 'the exhibition, named "X"'."""
    words = words or event_words()
    for tok in doc:
        if tok.lemma_.lower() == kind_lemma and (title := _quoted_after(doc, tok.i, words)):
            return title
    return None


def _noun_event(sent: Span, words: EventWords, taken: set[int]) -> tuple[str, str, Token] | None:
    candidates = [t for t in sent if _is_event_noun(t, words) and t.i not in taken]
    candidates.sort(key=lambda t: (t.lower_ in _GENERIC or t.lemma_.lower() in _GENERIC, t.i))
    for tok in candidates:
        left, complement = _left_words(tok), _complement(tok)
        name = _clean_words([*left, tok, *complement])
        if tok.lower_ in _GENERIC and not (complement or any(t.pos_ == "PROPN" for t in left)):
            continue  # "the event", "the programme": says nothing of what happened
        if name:
            return name, _type(tok, left, words), tok
    return None


def _verb_event(sent: Span, words: EventWords, taken: set[int]) -> tuple[str, str, Token] | None:
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in words.verbs or tok.i in taken:
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is None and any(c.dep_ == "auxpass" for c in tok.children):
            # "The new wing of the X Museum was inaugurated yesterday": the passive subject is what was opened
            obj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if obj is None or obj.pos_ == "PRON":
            continue
        noun, kind = words.verbs[tok.lemma_.lower()]
        phrase = [t for t in obj.subtree if t.i >= obj.left_edge.i]
        cut = next((i for i, t in enumerate(phrase) if t.dep_ in ("relcl", "acl") or t.text == ","), len(phrase))
        target = " ".join("".join(t.text_with_ws for t in phrase[:cut] if t.dep_ not in ("det", "poss")).split())
        link = "to" if noun in ("visit", "tour") else "of"
        if target:
            return f"{noun} {link} {target}", kind, tok
    return None


def _date(sent: Span, published: date | None) -> tuple[date | None, date | None, str | None]:
    mentions = dates.find_dates(sent.text)
    if mentions:
        return dates.resolve(mentions[0], published, None)
    day = dates.relative_day(sent.text, published)
    return (day, None, "day") if day else (None, None, None)


def lead_event(doc: Doc, published: date | None, taken: set[int] | None = None) -> EventRec | None:
    """The event the story's lead reports (its first event noun or event verb), or None."""
    words = event_words()
    taken = taken or set()
    sents = [s for s in sentences(doc) if s.text.strip()][:_LEAD_SENTENCES]
    if not sents:
        return None
    headline = sents[0] if not sents[0].text.strip().endswith((".", "!", "?", "”", '"')) else None
    order = [s for s in sents if s is not headline] + ([headline] if headline is not None else [])
    for sent in order:  # the story's first event wins, whether a noun or a verb tells it
        for rule, finder in (("lead_noun", _noun_event), ("lead_verb", _verb_event)):
            found = finder(sent, words, taken)
            if found is None:
                continue
            name, kind, tok = found
            title = _quoted_after(doc, tok.i, words) or retitle(doc, tok.lemma_.lower(), words)
            start, end, precision = _date(sent, published)
            sides = _sides(tok) if rule == "lead_verb" and tok.lemma_.lower() in words.two_sided_verbs else ()
            return EventRec(
                "e1",
                title or name[0].upper() + name[1:],
                kind,
                start_date=start,
                end_date=end,
                date_precision=precision,
                evidence=sent.text.strip(),
                start_char=tok.idx,
                parties=sides,
                rule=rule,
            )
    return None


def _sides(verb: Token) -> tuple[str, ...]:
    """'X and Y signed': the subjects of a two-sided act, as written (at least two, or one plural subject)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return ("",)  # "an MoU was signed": sides unnamed, still a two-sided act
    heads = [subject, *[c for c in subject.subtree if c.dep_ == "conj" and c.head.i == subject.i]]
    return tuple(" ".join(t.text for t in h.subtree if t.dep_ != "conj" and t.head.dep_ != "conj") for h in heads)
