"""Bodies named in a list with other bodies: 'organised by the X Academy and Manch Rangmanch in association
with the Department of Cultural Affairs, Virsa Vihar and Amandeep Hospital'.

A capitalised name joined by 'and' or a comma to an organisation the other rules found is an
organisation too, unless it is a person, a place or a date the model recognises. Names carry no head
noun ("Virsa Vihar", "Manch Rangmanch") often enough that heads alone miss them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from etl.extraction.org_names import OrgSpan, clean_name
from etl.extraction.spans import compound_start, entity_at, is_cap, is_title_word, overlaps

_NOT_BODIES = frozenset({"PERSON", "GPE", "LOC", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL"})


def _name_tokens(tok: Token) -> tuple[int, int] | None:
    """The compound chain ending at `tok` ('Amandeep' 'Hospital'), if every word is capitalised."""
    start = compound_start(tok)
    words = tok.doc[start : tok.i + 1]
    if not 1 <= len(words) <= 6 or not all(is_cap(t) for t in words) or any(is_title_word(t) for t in words):
        return None
    return start, tok.i + 1


def listed_with_bodies(doc: Doc, bodies: list[tuple[int, int]], people: list[tuple[int, int]]) -> list[OrgSpan]:
    """Names coordinated with a known body ('X Academy and Manch Rangmanch')."""
    heads = {doc[s:e].root.i for s, e in bodies}
    taken = bodies + people
    out: list[OrgSpan] = []
    for tok in doc:
        if tok.dep_ != "conj" or tok.pos_ != "PROPN" or tok.head.i not in heads:
            continue
        rng = _name_tokens(tok)
        if rng is None or any(overlaps(rng, t) for t in taken + [o.span for o in out]):
            continue
        ent = entity_at(doc, rng[0])
        if ent is not None and ent.label_ in _NOT_BODIES:
            continue
        if rng[1] - rng[0] == 1 and len(doc[rng[0]]) < 3:
            continue  # a stray capital, not a name
        out.append(OrgSpan(rng[0], rng[1], clean_name(doc[rng[0] : rng[1]].text)))
        heads.add(tok.i)  # "A, B and C": C is joined to B
    return out
