"""The DependencyMatcher patterns behind the grammar rules of etl/extraction/participants.py (one list of
patterns per rule name; the word classes come from roles.yaml)."""

from __future__ import annotations

from spacy.matcher import DependencyMatcher
from spacy.vocab import Vocab

from etl.extraction.words import RoleWords


def _lemma_in(words: frozenset[str] | set[str]) -> dict:
    return {"LEMMA": {"IN": sorted(words)}}


def _given(words: RoleWords) -> dict:
    """A passive subject that is a prize or a winner ('the award was presented', 'the winner was announced')."""
    nouns = set(words.object_verbs["presenter"][1]) | {w for w, role in words.role_nouns.items() if role == "honoree"}
    return {"DEP": "nsubjpass", **_lemma_in(nouns)}


def _patterns(words: RoleWords) -> dict[str, list[list[dict]]]:
    subject_verbs = set(words.subject_verbs) | {v for verbs, _ in words.object_verbs.values() for v in verbs}
    verb_attrs: dict = {**_lemma_in(subject_verbs), "POS": {"IN": ["VERB", "AUX"]}}
    return {
        "subject_of_verb": [
            [
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": verb_attrs},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "slot", "RIGHT_ATTRS": {"DEP": "nsubj"}},
            ],
            [
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": {**verb_attrs, "DEP": "conj"}},
                {"LEFT_ID": "verb", "REL_OP": "<", "RIGHT_ID": "first", "RIGHT_ATTRS": {"POS": "VERB"}},
                {"LEFT_ID": "first", "REL_OP": ">", "RIGHT_ID": "slot", "RIGHT_ATTRS": {"DEP": "nsubj"}},
            ],
        ],
        "agent_of_passive": [
            [
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": _lemma_in(set(words.agent_verbs))},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "by", "RIGHT_ATTRS": {"LOWER": "by"}},
                {"LEFT_ID": "by", "REL_OP": ">", "RIGHT_ID": "slot", "RIGHT_ATTRS": {"DEP": "pobj"}},
            ]
        ],
        "recipient": [
            [
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": _lemma_in(words.recipient_verbs)},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "to", "RIGHT_ATTRS": {"LOWER": "to"}},
                {"LEFT_ID": "to", "REL_OP": ">", "RIGHT_ID": "slot", "RIGHT_ATTRS": {"DEP": "pobj"}},
            ],
        ],
        "giver": [
            [  # "received the award from X", "from the hands of X"
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": _lemma_in(words.object_verbs["honoree"][0])},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "from", "RIGHT_ATTRS": {"LOWER": "from"}},
                {"LEFT_ID": "from", "REL_OP": ">", "RIGHT_ID": "slot", "RIGHT_ATTRS": {"DEP": "pobj"}},
            ],
            [  # "the winner was announced by X", "the award was presented by X"
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": _lemma_in(words.object_verbs["presenter"][0])},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "given", "RIGHT_ATTRS": _given(words)},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "by", "RIGHT_ATTRS": {"LOWER": "by"}},
                {"LEFT_ID": "by", "REL_OP": ">", "RIGHT_ID": "slot", "RIGHT_ATTRS": {"DEP": "pobj"}},
            ],
        ],
        "honoured_subject": [
            [
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": _lemma_in(words.honour_verbs)},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "slot", "RIGHT_ATTRS": {"DEP": "nsubjpass"}},
            ]
        ],
        "lineup": [
            [
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": _lemma_in(words.lineup_verbs)},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "slot", "RIGHT_ATTRS": {"DEP": "dobj"}},
            ]
        ],
        "speech_of": [
            [
                {"RIGHT_ID": "noun", "RIGHT_ATTRS": _lemma_in(words.speech_nouns)},
                {
                    "LEFT_ID": "noun",
                    "REL_OP": ">",
                    "RIGHT_ID": "of",
                    "RIGHT_ATTRS": {"LOWER": {"IN": ["of", "by", "from"]}},
                },
                {"LEFT_ID": "of", "REL_OP": ">", "RIGHT_ID": "slot", "RIGHT_ATTRS": {"DEP": "pobj"}},
            ],
            [
                {"RIGHT_ID": "noun", "RIGHT_ATTRS": _lemma_in(words.speech_nouns)},
                {"LEFT_ID": "noun", "REL_OP": ">", "RIGHT_ID": "slot", "RIGHT_ATTRS": {"DEP": "poss"}},
            ],
        ],
        "in_attendance": [
            [
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "be"}},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "in", "RIGHT_ATTRS": {"LOWER": "in"}},
                {"LEFT_ID": "in", "REL_OP": ">", "RIGHT_ID": "noun", "RIGHT_ATTRS": _lemma_in(words.presence_nouns)},
                {
                    "LEFT_ID": "verb",
                    "REL_OP": ">",
                    "RIGHT_ID": "slot",
                    "RIGHT_ATTRS": {"DEP": {"IN": ["nsubj", "attr"]}},
                },
            ],
            [  # "X and Y were also present"
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "be"}},
                {
                    "LEFT_ID": "verb",
                    "REL_OP": ">",
                    "RIGHT_ID": "noun",
                    "RIGHT_ATTRS": {"DEP": "acomp", "LOWER": "present"},
                },
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "slot", "RIGHT_ATTRS": {"DEP": "nsubj"}},
            ],
        ],
        "copula_role": [
            [
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "be"}},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "noun", "RIGHT_ATTRS": {"DEP": "nsubj"}},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "slot", "RIGHT_ATTRS": {"DEP": "attr"}},
            ],
            [
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "be"}},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "slot", "RIGHT_ATTRS": {"DEP": "nsubj"}},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "noun", "RIGHT_ATTRS": {"DEP": "attr"}},
            ],
        ],
    }


_MATCHERS: dict[tuple[int, int], tuple[DependencyMatcher, dict[str, list[str]]]] = {}


def matcher_for(vocab: Vocab, words: RoleWords) -> tuple[DependencyMatcher, dict[str, list[str]]]:
    """One DependencyMatcher per vocabulary, and each pattern's node names (key 'rule#n')."""
    key = (id(vocab), id(words))
    if key not in _MATCHERS:
        matcher = DependencyMatcher(vocab)
        nodes: dict[str, list[str]] = {}
        for rule, patterns in _patterns(words).items():
            for n, pattern in enumerate(patterns):
                matcher.add(f"{rule}#{n}", [pattern])
                nodes[f"{rule}#{n}"] = [node["RIGHT_ID"] for node in pattern]
        _MATCHERS[key] = (matcher, nodes)
    return _MATCHERS[key]
