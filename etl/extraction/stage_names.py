"""Stage names and one-word names in award and performance news: 'Davido took home the trophy',
'best African DJ went to Afrotronix', 'Betty G took home album of the year'.

Rule `stage_name`: a capitalised name of one to three words that the model does not give as a person
(or gives as a place it never uses as one), standing where the grammar puts a winner or a performer:
the subject of a winning or performing verb (the classes of roles.yaml), or the one a prize "went to" /
"was awarded to", and the names listed with it. Speakers are left out on purpose: a one-word subject of
"said" is far more often a surname or a body than a stage name.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from etl.extraction.credits import credited_work_slots
from etl.extraction.lexicon import COUNTRIES, HONORIFICS, MONTHS
from etl.extraction.participants import phrase_members, prize_category_slots, verb_role
from etl.extraction.spans import compound_start, is_cap, is_event_head, is_org_head, is_title_word, lower
from etl.extraction.words import RoleWords, role_words

_NAME_ROLES = frozenset({"honoree", "performer"})
_NOT_NAMES = frozenset({"ORG", "NORP", "WORK_OF_ART"})  # the model's other labels on one-word names are noise


def _slots(doc: Doc) -> list[Token]:
    """Tokens where the grammar puts a winner or performer."""
    words = role_words()
    paired = prize_category_slots(doc, words)  # ", Ghana's X for best reggae"
    return [tok for tok in doc if _winner_subject(tok, words) or _recipient(tok, words)] + paired


def _credited(doc: Doc) -> list[Token]:
    """'"Akwaaba", a collaboration between X, Y and Z won': the makers of a winning work, vouched for as names
    by the grammar, whatever label the model gives a one-word stage name."""
    return credited_work_slots(doc, role_words())


def _vouched(tok: Token) -> bool:
    """'Nigeria's 2Baba', 'rapper Falz': a country's possessive or a title noun makes the name a person's."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (before is not None and before.pos_ == "NOUN" and is_title_word(before)) or any(
        (c.dep_ == "poss" and (c.text in COUNTRIES or c.ent_type_ == "GPE"))
        or (c.dep_ in ("compound", "amod") and is_title_word(c))
        for c in tok.children
    )


_MIXED_NAME = re.compile(r"^\d*[A-Z][A-Za-z\d]+$")  # "2Baba", "GuiltyBeatz": not an all-caps acronym


def _winner_subject(tok: Token, words: RoleWords) -> bool:
    """'X took home the award', 'X sang': the subject of a winning or performing verb."""
    return tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and verb_role(tok.head, words) in _NAME_ROLES


def _recipient(tok: Token, words: RoleWords) -> bool:
    """'the award went to X', 'best African DJ went to X', 'was awarded to X' (not 'the minister went to X')."""
    if not (tok.dep_ == "pobj" and tok.head.lower_ == "to"):
        return False
    verb = tok.head.head
    if verb.lemma_.lower() not in words.recipient_verbs:
        return False
    if verb.lemma_.lower() != "go":
        return True
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    prizes = words.object_verbs["honoree"][1]
    return subject is not None and (
        subject.lemma_.lower() in prizes or any(c.lower_ in ("best", "top") for c in subject.children)
    )


def _name_word(tok: Token, vouched: bool = False) -> bool:
    """A word that can be (part of) a stage name; `vouched`: the grammar already says it names a person."""
    shaped = (tok.pos_ == "PROPN" and is_cap(tok)) or (
        vouched and bool(_MIXED_NAME.match(tok.text)) and not tok.text.isupper()
    )
    return (
        shaped
        and (tok.ent_type_ not in _NOT_NAMES or (vouched and not tok.text.isupper()))
        and tok.text not in COUNTRIES
        and lower(tok) not in MONTHS
        and not (is_title_word(tok) or is_org_head(tok) or is_event_head(tok))
    )


def stage_names(doc: Doc, taken: list[tuple[int, int]], known_words: set[str]) -> list[tuple[int, int]]:
    """Token ranges of names found only by where they stand; `known_words` are words of names already found."""
    taken_tokens = {i for s, e in taken for i in range(s, e)}
    out: list[tuple[int, int]] = []
    credited = _credited(doc)
    for slot in _slots(doc) + credited:
        for tok in phrase_members(slot):
            vouched = _vouched(tok) or slot in credited
            if tok.dep_ == "compound" or not _name_word(tok, vouched) or tok.i in taken_tokens:
                continue
            start = compound_start(tok)
            while start < tok.i and is_title_word(doc[start]):
                start += 1  # "rapper Falz": the title noun is not part of the name
            words = doc[start : tok.i + 1]
            if len(words) > 3 or not all(_name_word(t, vouched) or len(t.text) == 1 for t in words):
                continue
            if any(t.i in taken_tokens for t in words) or any(t.text.lower() in known_words for t in words):
                continue  # "Okri took home": the surname of a name already found
            if start > 0 and lower(doc[start - 1]) in HONORIFICS:
                start -= 1  # "Mr. Eazi"
            out.append((start, tok.i + 1))
            taken_tokens.update(range(start, tok.i + 1))
    return out
