"""Organisations a story defines with an acronym: 'the National Council for Culture, Arts, and Letters (NCCAL)'.

Rule `acronym_definition`: walking left from '(ACRONYM)', the capitalised words' initials spell the
acronym (connectors such as 'of', 'for', 'and', 'the' and commas are skipped, as acronyms skip
them). The spelled-out span is the body's full name, even when it holds commas that end a
capitalised run elsewhere.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&]{1,9}$")
_FILLERS = frozenset({"of", "for", "and", "the", "on", "in", "&", ",", "-", "de", "du", "des", "la", "le"})
_MAX_WORDS = 14


def defined_names(doc: Doc, people: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, acronym) of each name spelled out right before its '(ACRONYM)'."""
    out = []
    person_tokens = {i for s, e in people for i in range(s, e)}
    for tok in doc[1:-2]:
        if tok.text != "(" or doc[tok.i + 2].text != ")" or not _ACRONYM.match(doc[tok.i + 1].text):
            continue
        letters = [c for c in doc[tok.i + 1].text if c.isupper()]
        span = _spelled_out(doc, tok.i, letters)
        if span is not None and not any(i in person_tokens for i in range(*span)):
            out.append((span[0], span[1], doc[tok.i + 1].text))
    return out


def _spelled_out(doc: Doc, paren: int, letters: list[str]) -> tuple[int, int] | None:
    """The span ending before `paren` whose capitalised words' initials are `letters`, or None."""
    need = list(letters)
    i = paren - 1
    words = 0
    while i >= 0 and need and words < _MAX_WORDS:
        tok = doc[i]
        arabic_article = tok.lower_ in ("al", "el") and i + 1 < paren and doc[i + 1].text == "-"
        if tok.lower_ in _FILLERS or tok.text in ("'s", "’s") or arabic_article:
            i -= 1  # "Dar Al-Athar Al-Islamiyyah (DAI)": the article 'Al-' gives no letter
            continue
        if not tok.text[:1].isupper():
            return None
        if tok.text[0] != need[-1]:
            return None
        need.pop()
        words += 1
        i -= 1
    if need:
        return None
    start = i + 1
    while doc[start].lower_ in _FILLERS:
        start += 1
    return (start, paren) if start < paren else None
