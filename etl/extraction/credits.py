"""Who made a work that won: 'Alma Viva by X' given a prize, '"Akwaaba", a collaboration between X and Y won'.

Rule `credited_work`: a name after 'by' or 'between' that hangs on a noun (a work, not a verb) is the work's
maker. When that work is the subject of a winning verb ('the film by X won the Gold Star') or what a prize
is given for ('the jury prize for two films, namely A by X'), the maker is an honoree. A work reached
through another phrase ('the award for her role in A by Y') is not the prize's: Y only made the film the
winner acted in.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from etl.extraction.spans import tokens
from etl.extraction.words import RoleWords

_CREDIT_PREPS = frozenset({"by", "between"})
_SAME_WORK = frozenset({"appos", "conj", "compound", "nmod"})


def _winning_verb(verb: Token, words: RoleWords) -> bool:
    """'won', 'took home the award': a verb whose subject becomes a winner (the classes of roles.yaml)."""
    lemma = verb.lemma_.lower()
    verbs, prizes = words.object_verbs["honoree"]
    if words.subject_verbs.get(lemma) == "honoree":
        return True
    return lemma in verbs and any(c.lemma_.lower() in prizes for c in verb.children if c.dep_ in ("dobj", "attr"))


def _honoured_work(work: Token, words: RoleWords) -> bool:
    """Whether the noun (a work) is the winner of its sentence or what its prize is given for."""
    cur = work
    while cur.dep_ in _SAME_WORK and cur.head is not cur:
        cur = cur.head
    if cur.dep_ == "nsubj" and cur.head.pos_ in ("VERB", "AUX"):
        return _winning_verb(cur.head, words)
    prizes = words.object_verbs["honoree"][1]
    if cur.dep_ != "pobj" or cur.head.lower_ != "for":
        return False
    given = cur.head.head  # "the prize for two films", "gave its prize for two films"
    return given.lemma_.lower() in prizes or any(
        c.dep_ == "dobj" and c.lemma_.lower() in prizes for c in given.children if given.pos_ == "VERB"
    )


def credited_work_slots(doc: Doc, words: RoleWords) -> list[Token]:
    """The first name credited with each honoured work ('by X', 'between X, Y and Z'); lists follow the parse.

    Computed once per doc: the stage-name finder and the role rules both ask."""
    cached = doc.user_data.get("credited_work_slots")
    if cached is not None:
        return list(cached)
    slots: list[Token] = []
    for prep in tokens(doc):
        if prep.lower_ not in _CREDIT_PREPS or prep.head.pos_ not in ("NOUN", "PROPN"):
            continue  # the rare words first: reading every token's head is what costs
        if _honoured_work(prep.head, words):
            slots.extend(tok for tok in prep.children if tok.dep_ == "pobj")
    doc.user_data["credited_work_slots"] = slots
    return list(slots)
