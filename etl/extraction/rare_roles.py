"""Role rules that start from a rare word and walk the parse, rather than run in the DependencyMatcher.

Each node of a DependencyMatcher pattern is tested on every token of every article; a rule whose anchor is a
rare word ("baton", "presence", "among") costs far less as one walk over the tokens that stops at that word.
The rules keep the names the rule table gives them:

- `performance_of`: "with performances by X, Y and Z", "a recital by X", "under the baton of conductor X";
- `in_attendance`: "in the presence of Ambassador X", "the signing by X of four memorandums";
- `copula_role`: "X and Y were among the winners" (the role is the noun's, said by the caller);
- `honoured_object`: "the minister honoured X, Y and Z";
- `recipient`: "was awarded to actress X", which the tagger reads as "to actress" a verb with X its object.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from etl.extraction.spans import tokens
from etl.extraction.words import RoleWords


@dataclass(frozen=True)
class RareHit:
    """A slot (a token of a name) given a role by a rule; `noun`: the role noun for `copula_role`."""

    slot: Token
    role: str | None
    rule: str
    noun: Token | None = None


def _pobj(tok: Token, prep: str) -> Token | None:
    """The object of the `prep` phrase hanging on `tok` ('by X', 'of X')."""
    for child in tok.children:
        if child.lower_ == prep:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _noun_slot(tok: Token, words: RoleWords) -> RareHit | None:
    """The slot a rare noun points to: 'performances by X', 'the baton of X', 'the presence of X', 'signing by X'."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    performer = None
    if lemma in words.performance_nouns or low in words.performance_nouns:
        performer = _pobj(tok, "by")
    elif low == "baton" and tok.head.lower_ == "under":
        performer = _pobj(tok, "of")
    if performer is not None:
        return RareHit(performer, "performer", "performance_of")
    attendee = None
    if low == "presence" and tok.head.lower_ == "in":
        attendee = _pobj(tok, "of")
    elif lemma in words.act_nouns:
        attendee = _pobj(tok, "by")
    return RareHit(attendee, "attendee", "in_attendance") if attendee is not None else None


def rare_word_roles(doc: Doc, words: RoleWords) -> list[RareHit]:
    """Every slot the rare-word rules find, in token order."""
    hits: list[RareHit] = []
    for tok in tokens(doc):
        low = tok.lower_
        pos = tok.pos_
        if pos == "NOUN":
            found = _noun_slot(tok, words)
            if found is not None:
                hits.append(found)
        elif pos == "VERB" and tok.lemma_.lower() in words.honour_object_verbs:
            hits.extend(RareHit(c, "honoree", "honoured_object") for c in tok.children if c.dep_ == "dobj")
        elif low == "among" and tok.head.lemma_ == "be":
            subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            noun = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if subject is not None and noun is not None:
                hits.append(RareHit(subject, None, "copula_role", noun))
        elif low == "to" and tok.dep_ == "aux" and tok.head.dep_ == "advcl":
            title = tok.head
            if title.head.lemma_.lower() in words.recipient_verbs:
                hits.extend(RareHit(c, "honoree", "recipient") for c in title.children if c.dep_ == "dobj")
    return hits
