"""Organisations named without a capitalised head noun, found by how news writes them.

- `lower_case_head`: "the Zuiderstrand theatre", "the Caine Prize secretariat", "the X dance company": a
  capitalised name closed by a lower-case organisation head or descriptor (not a country's or people's
  adjective: "the Azerbaijani delegation" names no body).
- `web_outlet`: "bdnews24.com", "jamesmurua.com": a news site named by its domain.
- `credited_outlet`: ", reports the Gulf News.", "... – KUNA" at the end of a story: the outlet or agency a
  story credits.
- `enumerated`: 'groups, such as A, B, C' and 'A, B and C TV channels': each listed name is a body.
- `named_group`: "the festival's first hip-hop group, My Dad Bruce", "Dan Hicks and the Hot Licks": a
  performing group, in apposition to a group noun or named 'A and the Bs' after its leader.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from etl.extraction.lexicon import COUNTRIES, ORG_DESCRIPTORS, ORG_HEADS
from etl.extraction.not_people import named_kind
from etl.extraction.org_names import OrgSpan, clean_name
from etl.extraction.spans import QUOTE_CHARS, is_cap, is_event_head, is_title_word, lower, overlaps, sentences, tokens

_DOMAIN = re.compile(r"^[a-z][a-z0-9-]*\d*[a-z0-9-]*\.(com|net|org|info|news|co\.[a-z]{2}|[a-z]{2})$", re.I)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")
_GROUP_HEADS = frozenset({"government"})  # "the Tamil Nadu government": a body; "the Kenyan government" is not named


def _free(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return not any(overlaps(span, t) for t in taken)


def _place_word(tok: Token) -> bool:
    """A place, or a people's adjective ('Kenyan'); the model's NORP on an unknown proper noun is not one."""
    return tok.ent_type_ in ("GPE", "LOC") or (tok.ent_type_ == "NORP" and tok.pos_ == "ADJ")


def lower_case_heads(doc: Doc, taken: list[tuple[int, int]]) -> list[OrgSpan]:
    """`lower_case_head`: 'the Zuiderstrand theatre', 'the Caine Prize secretariat'."""
    found = []
    for head in tokens(doc):
        word = head.lower_
        if not (head.is_lower and head.pos_ == "NOUN" and (word in ORG_HEADS or word in ORG_DESCRIPTORS)):
            continue
        close = head.i  # "the X dance company": lower-case words of the trade sit between the name and its head
        while close > 0 and head.i - close < 2 and doc[close - 1].is_lower and doc[close - 1].dep_ == "compound":
            close -= 1
        start = close
        while start > 0 and is_cap(doc[start - 1]) and doc[start - 1].pos_ == "PROPN" and close - start < 4:
            start -= 1
        name = doc[start:close]
        if not name or start == 0 or doc[start - 1].lower_ != "the" or doc[start].text in QUOTE_CHARS:
            continue
        places = [t for t in name if t.text in COUNTRIES or _place_word(t)]
        if len(places) == len(name) and word not in _GROUP_HEADS:
            continue  # "the Azerbaijani delegation", "the Ghanaian company"
        if any(is_event_head(t) or is_title_word(t) or t.ent_type_ == "PERSON" for t in name):
            continue
        if len(name) == 1 and _ACRONYM.match(name[0].text):
            continue  # "the UNESCO office": the body is the acronym, found elsewhere
        end = head.i + 1 if word in ORG_HEADS and close == head.i else close
        if _free((start, end), taken):
            found.append(OrgSpan(start, end, clean_name(doc[start:end].text)))
    return found


def web_outlets(doc: Doc, taken: list[tuple[int, int]]) -> list[OrgSpan]:
    """`web_outlet`: a news site named by its domain ('bdnews24.com'), not a link ('https://...')."""
    found = []
    for tok in tokens(doc):
        if (
            "." in tok.text
            and tok.like_url
            and "/" not in tok.text
            and _DOMAIN.match(tok.text)
            and _free((tok.i, tok.i + 1), taken)
        ):
            found.append(OrgSpan(tok.i, tok.i + 1, tok.text))
    return found


def credited_outlets(doc: Doc, taken: list[tuple[int, int]]) -> list[OrgSpan]:
    """`credited_outlet`: ', reports the Gulf News.' and a closing '– KUNA'."""
    found = []
    for tok in tokens(doc):
        if tok.lemma_ == "report" and tok.pos_ == "VERB" and tok.i > 0 and doc[tok.i - 1].text == ",":
            start = tok.i + 1 + (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "the")
            end = start
            while end < len(doc) and is_cap(doc[end]) and end - start < 5:
                end += 1
            closing = end < len(doc) and doc[end].text in (".", "\n") or end == len(doc)
            people = any(t.ent_type_ == "PERSON" for t in doc[start:end])
            if end > start and closing and not people and _free((start, end), taken):
                found.append(OrgSpan(start, end, doc[start:end].text))
        if tok.text in ("–", "—", "-", "--") and tok.i + 1 < len(doc) and _ACRONYM.match(doc[tok.i + 1].text):
            after = doc[tok.i + 2 :]
            if all(t.is_space or t.is_punct for t in after) and _free((tok.i + 1, tok.i + 2), taken):
                found.append(OrgSpan(tok.i + 1, tok.i + 2, doc[tok.i + 1].text))
    return found


def bodies_of_people(doc: Doc, taken: list[tuple[int, int]], people: list[tuple[int, int]]) -> list[OrgSpan]:
    """`member_of`: 'Budi S. Putra of Gamelan Padhang Moncar': the name after 'NAME of' is the person's body,
    head noun or not (a place there is where they come from: 'X of Indonesia')."""
    found = []
    for _, end in people:
        if end + 1 >= len(doc) or doc[end].lower_ != "of":
            continue
        start = end + 1 + (doc[end + 1].lower_ == "the")
        k = start
        while k < len(doc) and is_cap(doc[k]) and doc[k].text not in QUOTE_CHARS and k - start < 5:
            k += 1
        words = doc[start:k]
        if len(words) < 2 or any(t.text in COUNTRIES or t.ent_type_ in ("GPE", "LOC", "DATE") for t in words):
            continue
        if _free((start, k), taken):
            found.append(OrgSpan(start, k, clean_name(words.text)))
    return found


def named_groups(doc: Doc, taken: list[tuple[int, int]], people: list[tuple[int, int]]) -> list[OrgSpan]:
    """`named_group`: 'the hip-hop group, My Dad Bruce' and 'Dan Hicks and the Hot Licks'."""
    found = []
    for tok in tokens(doc):
        if tok.dep_ != "appos" or tok.pos_ != "PROPN":
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i:
            start -= 1
        capitalised = all(is_cap(t) or t.lower_ in ("my", "the") for t in doc[start : tok.i + 1])
        if capitalised and named_kind(doc, start, tok.i + 1) == "group" and _free((start, tok.i + 1), taken):
            found.append(OrgSpan(start, tok.i + 1, doc[start : tok.i + 1].text))
    for start, end in people:
        if end + 2 >= len(doc) or doc[end].lower_ != "and" or doc[end + 1].lower_ != "the":
            continue
        k = end + 2
        while k < len(doc) and is_cap(doc[k]) and k - end < 6:
            k += 1
        plural = k > end + 2 and (doc[k - 1].tag_ in ("NNPS", "NNS") or doc[k - 1].text.endswith("s"))
        if plural and _free((end + 2, k), taken):
            found.append(OrgSpan(start, k, doc[start:k].text))
    return found


def enumerated(doc: Doc, taken: list[tuple[int, int]]) -> list[OrgSpan]:
    """'groups, such as A, B, C' and 'A, B and C TV channels': each listed name is a body."""
    found: list[OrgSpan] = []
    for sent in sentences(doc):
        toks = list(sent)
        for k, tok in enumerate(toks):
            if tok.lower_ != "such" or k + 1 >= len(toks) or toks[k + 1].lower_ != "as":
                continue
            cue = next((t for t in reversed(toks[:k]) if t.pos_ == "NOUN"), None)
            if cue is None or lower(cue) not in ORG_DESCRIPTORS:
                continue
            found.extend(_list_items(doc, toks[k + 2].i, sent.end, taken))
        for k, tok in enumerate(toks):
            if tok.pos_ == "NOUN" and lower(tok) in ORG_DESCRIPTORS and tok.tag_ in ("NNS",):
                left = k - 1
                while left >= 0 and (is_cap(toks[left]) and toks[left].text.isupper()):
                    left -= 1  # "Balapan TV channels": skip the all-caps medium word
                items_end = toks[left].i + 1 if left >= 0 else sent.start
                start = items_end
                while start > sent.start and (
                    is_cap(doc[start - 1]) or doc[start - 1].text in (",", "and", "&") or doc[start - 1].like_num
                ):
                    start -= 1
                if any(t.text == "," for t in doc[start:items_end]):
                    found.extend(_list_items(doc, start, items_end, taken))
    return found


def _list_items(doc: Doc, start: int, end: int, taken: list[tuple[int, int]]) -> list[OrgSpan]:
    items: list[OrgSpan] = []
    i = start
    while i < end:
        if doc[i].text in (",", "and", "&", ".") and not (doc[i].text == "&" and items):
            if doc[i].text == ".":
                break
            i += 1
            continue
        j = i
        while j < end and doc[j].text not in (",", ".") and doc[j].lower_ != "and":
            j += 1
        span = doc[i:j]
        named = any(c.isalpha() for c in span.text)  # "69 organisations": a count, not a name
        if named and all(is_cap(t) or t.like_num or t.text in "&" for t in span) and len(span) <= 4:
            if not any(overlaps(span_range, (i, j)) for span_range in taken) and span.text not in COUNTRIES:
                items.append(OrgSpan(i, j, span.text))
        elif items:
            break
        i = j
    return items
