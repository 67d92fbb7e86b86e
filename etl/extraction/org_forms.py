"""Name forms of organisations: where a body's name starts and ends, and when capitalised words with a head
noun name no body (read by etl/extraction/orgs.py).

- a unit named before the body it belongs to ('Department for X of the Ministry') is not a body of its own;
- 'National Theatre Festival', 'Master Class For Theater Workers': the words name an event or a project;
- 'the X Film Festival (XIFF)': an event's acronym names the event, not a body;
- 'Scientific, Methodological and Qualification Center': listed capitalised modifiers belong to the name;
- 'the National Theatre of Ghana' ... 'the National Theatre': one body under its fullest name.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from etl.extraction.org_names import OrgSpan, clean_name
from etl.extraction.spans import is_cap, is_event_head, is_org_head, tokens

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")
_UNIT_LINKS = frozenset({"of", "at", "under", "the", "with", "for", "and", "on", "in"})


def body_follows(doc: Doc, end: int, sent_end: int) -> bool:
    """'Department for X of the Ministry of Y', 'Office for Z at the Agency': a body the unit belongs to, named
    in the same stretch of name words (not the next item of a list: 'Department of Cultural Affairs, Virsa
    Vihar and X Hospital')."""
    linked = False
    k = end
    while k < sent_end and k - end < 12 and (is_cap(doc[k]) or doc[k].lower_ in _UNIT_LINKS):
        linked = linked or doc[k].lower_ in ("of", "at", "under")
        if linked and is_org_head(doc[k]):
            return True
        k += 1
    return False


def names_an_event(doc: Doc, org: Span) -> bool:
    """'National Theatre Festival', 'Master Class For Theater Workers': the words name an event or a project.

    A capitalised event word right after the body's head continues an event's name; a head only after
    'for'/'on' is what the thing is for ("Award for Theatre"), not what it is."""
    if org.end < len(doc) and is_cap(doc[org.end]) and is_event_head(doc[org.end]):
        return True
    cut = next((t.i for t in org if t.lower_ in ("for", "on") and t.i > org.start), None)
    return cut is not None and not any(is_org_head(t) for t in doc[org.start : cut])


def event_acronyms(doc: Doc) -> set[str]:
    """'the Marrakech International Film Festival (FIFM)', 'the All Africa Music Awards (AFRIMA)': the acronym
    of an event names the event wherever it is used, not a body."""
    out = set()
    for tok in tokens(doc)[1:-2]:
        before = doc[tok.i - 1]
        event_before = is_cap(before) and is_event_head(before) and not is_org_head(before)
        if tok.text == "(" and doc[tok.i + 2].text == ")" and _ACRONYM.match(doc[tok.i + 1].text) and event_before:
            out.add(doc[tok.i + 1].text)
    return out


def with_listed_adjectives(doc: Doc, org: OrgSpan) -> OrgSpan:
    """ "the Ministry's Scientific, Methodological and Qualification Center": capitalised modifiers listed with
    commas before 'X and Y Center' belong to the name (as in 'Educational, Scientific and Cultural
    Organization')."""
    words = doc[org.start : org.end]
    if not any(t.lower_ == "and" for t in words[:3]):
        return org
    start = org.start
    while (
        start >= 2 and doc[start - 1].text == "," and is_cap(doc[start - 2]) and doc[start - 2].pos_ in ("ADJ", "PROPN")
    ):
        if is_org_head(doc[start - 2]) or doc[start - 2].ent_type_ in ("PERSON", "GPE"):
            break
        start -= 2
    if start == org.start:
        return org
    return OrgSpan(start, org.end, clean_name(doc[start : org.end].text), org.acronym, org.generic)


def one_name_per_body(found: list[OrgSpan]) -> list[OrgSpan]:
    """'the National Theatre of Ghana' ... 'the National Theatre': one body, under its fullest name, when
    the longer name only adds where it is ('of Ghana', 'in Agargaon')."""
    names = {o.name for o in found}
    out = []
    for org in found:
        fuller = [n for n in names if n != org.name and re.match(re.escape(org.name) + r" (of|in|at) [A-Z][\w-]+$", n)]
        if len(fuller) == 1 and len(org.name.split()) >= 2:
            org = OrgSpan(org.start, org.end, fuller[0], org.acronym, org.generic)
        out.append(org)
    return out
