"""Events a story names by a title rather than by a noun: spaCy DependencyMatcher rules over the parse.

- `appositive_title`: a capitalised title with an event noun in apposition ("Bangladesh in Frames, an
  exhibition of photography, has begun"; "Night Lights, a concert of folk music, was held").
- `staged_title`: a quoted title that is the object of a verb of staging an event ("the embassy
  opened “Pakistan Cultural Weeks” today"; "“Open Doors” was launched").

The event nouns are those of `events.yaml` and the lexicon; the staging verbs are `events.yaml`'s
`staging_verbs`.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from etl.extraction.event_cues import EventCue, event_type
from etl.extraction.lead_event import EventWords, event_words
from etl.extraction.org_names import clean_name
from etl.extraction.spans import entity_at, in_quotes, is_cap, overlaps

# Small words a title may hold between its capitalised words ("Bangladesh in Frames", "Sounds of the Sea").
_TITLE_GLUE = frozenset({"in", "of", "the", "and", "for", "to", "on", "at", "a", "an", "&", "-", ":", "'s", "’s"})
# A title that is a single entity of these kinds names a person or a place, not an event.
_NOT_TITLES = frozenset({"PERSON", "GPE", "LOC", "NORP", "DATE", "TIME"})
_MAX_TITLE = 12  # tokens; a longer quotation is a remark


def _patterns(words: EventWords) -> dict[str, list[list[dict]]]:
    nouns = sorted(words.nouns)
    return {
        "appositive_title": [
            [
                {"RIGHT_ID": "title", "RIGHT_ATTRS": {"POS": {"IN": ["PROPN", "NOUN"]}}},
                {
                    "LEFT_ID": "title",
                    "REL_OP": ">",
                    "RIGHT_ID": "noun",
                    "RIGHT_ATTRS": {"DEP": "appos", "LOWER": {"IN": nouns}, "POS": "NOUN"},
                },
            ]
        ],
        "staged_title": [
            [
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(words.staging_verbs)}, "POS": "VERB"}},
                {
                    "LEFT_ID": "verb",
                    "REL_OP": ">",
                    "RIGHT_ID": "title",
                    "RIGHT_ATTRS": {"DEP": {"IN": ["dobj", "nsubjpass"]}, "POS": {"IN": ["PROPN", "NOUN"]}},
                },
            ]
        ],
    }


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> DependencyMatcher:
    matcher = DependencyMatcher(vocab)
    for rule, patterns in _patterns(event_words()).items():
        matcher.add(rule, patterns)
    return matcher


def _doc_matches(doc: Doc) -> list[tuple[int, list[int]]]:
    """The matcher's hits over the whole doc, computed once per doc (sentences are matched many times)."""
    key = "etl.extraction.event_titles"
    if key not in doc.user_data:
        doc.user_data[key] = _matcher(doc.vocab)(doc)
    return doc.user_data[key]


def _title_span(doc: Doc, head: Token, stop: int) -> tuple[int, int] | None:
    """The title around `head`: its left edge up to `stop`, if it reads as a title (capitalised words)."""
    start = head.left_edge.i
    while start < stop and doc[start].dep_ == "det":
        start += 1
    tokens = [t for t in doc[start:stop] if not t.is_space]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens or not is_cap(tokens[0]):
        return None
    if any(not (is_cap(t) or t.lower_ in _TITLE_GLUE or t.like_num) for t in tokens):
        return None
    end = tokens[-1].i + 1
    ent = entity_at(doc, start)
    if ent is not None and ent.start <= start and ent.end >= end and ent.label_ in _NOT_TITLES:
        return None
    return start, end


def _title_like(tokens: Span) -> bool:
    """A quoted title, not a quoted remark: short, capitalised, no sentence inside."""
    return len(tokens) <= _MAX_TITLE and is_cap(tokens[0]) and not any(t.text in ".!?" for t in tokens[1:-1])


def _type_from_title(tokens: Span, words: EventWords) -> str:
    """The event type a title's own words give ('... Master Class' -> training), else 'other'."""
    for tok in reversed(tokens):
        key = tok.lower_ if tok.lower_ in words.nouns else tok.lemma_.lower()
        if key in words.nouns:
            return words.nouns[key]
    return "other"


def titled_events(sent: Span, taken: list[tuple[int, int]]) -> list[EventCue]:
    """Events the sentence names by an appositive or staged title; `taken` ranges are skipped."""
    doc = sent.doc
    words = event_words()
    quoted = in_quotes(doc)
    cues: list[EventCue] = []
    for match_id, (first, second) in _doc_matches(doc):
        rule = doc.vocab.strings[match_id]
        if rule == "appositive_title":
            head, noun = doc[first], doc[second]
            if not (sent.start <= head.i < sent.end) or noun.i <= head.i:
                continue
            found = _title_span(doc, head, noun.left_edge.i)
            kind = event_type(noun.lower_) if noun.lower_ in words.nouns else words.nouns.get(noun.lemma_.lower())
            span = (found[0], noun.i + 1) if found else None  # the noun is this event, not another one
        else:
            verb, head = doc[first], doc[second]
            if not (sent.start <= verb.i < sent.end):
                continue
            quote = next(((s, e) for s, e in quoted if s <= head.i < e), None)
            if quote is None or not _title_like(doc[quote[0] : quote[1]]) or quote[0] <= verb.i < quote[1]:
                continue  # an unquoted object is a thing as often as an event ("opened the museum")
            found = span = quote
            kind = _type_from_title(doc[quote[0] : quote[1]], words)
        if found is None or span is None or any(overlaps(span, t) for t in taken + [(c.start, c.end) for c in cues]):
            continue
        name = clean_name(doc[found[0] : found[1]].text)
        if name:
            cues.append(EventCue(name, kind or "other", span[0], span[1], rule=rule))
    return cues
