"""How event names relate within one article: a longer form of the same name, another name, a body's name
that is an event where the sentence has it happen."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from etl.extraction.event_cues import EventCue, inside_place_name
from etl.extraction.lexicon import EVENT_HEADS


def _plain_words(name: str) -> list[str]:
    """Lower-case words of a name without punctuation and articles."""
    return [w for w in re.sub(r"[^\w\s]", " ", name.lower()).split() if w not in ("the", "a", "an")]


def extended(short_name: str, full_name: str) -> bool:
    """Whether `full_name` is `short_name` with a phrase after it: 'X Festival' and 'X Festival of the Arts',
    'Days of Culture of X' and 'Days of Culture of X in Y'."""
    words, full_words = _plain_words(short_name), _plain_words(full_name)
    if len(full_words) <= len(words) + 1 or full_words[: len(words)] != words:
        return False
    follows = full_words[len(words)]
    if len(words) >= 2 and words[-1] in EVENT_HEADS and follows == "of":
        return True
    # "Festival of Pacific Arts" in the headline, "Festival of Pacific Arts and Culture" in the text
    return len(words) >= 3 and "of" in words and follows in ("of", "in", "and")


_HAPPENING_VERBS = frozenset(
    {"kick", "open", "start", "begin", "close", "end", "conclude", "wrap", "launch", "inaugurate", "hold", "stage"}
)


_ALIAS = re.compile(
    r"\b(?:known|billed|called|dubbed|formerly|renamed|branded)\s+(?:as\s+)?(?:the\b)?\s*[\"“'‘]?\s*$", re.I
)


def is_alias(sent: Span, cue: EventCue) -> bool:
    """Whether the cue follows "formerly known as" or "billed as": 'The X Forum, formerly known as the Y
    Forum, ...' gives another name of an event, not a second event."""
    before = sent.doc[max(sent.start, cue.start - 5) : cue.start].text
    return bool(_ALIAS.search(before))


def festival_named(doc: Doc, start: int, end: int) -> bool:
    """'the 2018 Selby International Festival of the Arts (SIFA) kicked off': a body named as an event is, in
    a sentence that reports it happening, that event (a festival is both, the schema says)."""
    heads = [t for t in doc[start:end] if t.lower_ in ("festival", "biennale", "fest") and t.text[:1].isupper()]
    if not heads or inside_place_name(heads[-1]):
        return False
    root = doc[start:end].root
    verb = root.head if root.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    return verb is not None and verb.lemma_.lower() in _HAPPENING_VERBS
