"""Find organisation names in a parsed article: head nouns, quoted names with descriptors, acronyms."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from etl.extraction.acronyms import defined_names
from etl.extraction.body_lists import listed_with_bodies
from etl.extraction.lexicon import (
    ACRONYM_PART_WORDS,
    COUNTRIES,
    MEDIUM_WORDS,
    ORG_DESCRIPTORS,
    ORG_HEADS,
    SUBUNIT_HEADS,
)
from etl.extraction.org_extras import (
    bodies_of_people,
    credited_outlets,
    enumerated,
    lower_case_heads,
    named_groups,
    web_outlets,
)
from etl.extraction.org_forms import (
    body_follows,
    event_acronyms,
    names_an_event,
    one_name_per_body,
    with_listed_adjectives,
)
from etl.extraction.org_names import OrgSpan, clean_name
from etl.extraction.spans import (
    QUOTE_CHARS,
    in_quotes,
    is_cap,
    is_event_head,
    is_org_head,
    is_title_word,
    lower,
    name_runs,
    overlaps,
    sentences,
    strip_the,
    tokens,
)

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")
# All-caps words that are not organisations.
_NOT_ACRONYMS = frozenset(
    {"IT", "TV", "AI", "GDP", "CEO", "NO", "UK", "USA", "US", "EU", "PR", "VR", "AR", "NFT", "OK"}
)


def _segments(run: Span) -> list[Span]:
    """Split a run at 'of' into segments: 'Chairman' | 'Board' | 'Directors' | 'X Agency'."""
    doc = run.doc
    parts: list[Span] = []
    start = run.start
    for tok in run:
        if tok.lower_ == "of":
            parts.append(doc[start : tok.i])
            start = tok.i + 1
    parts.append(doc[start : run.end])
    return [strip_the(p) for p in parts if len(strip_the(p))]


def _has_head(seg: Span) -> bool:
    return any(is_org_head(t) for t in seg)


def _main_head_is_subunit(seg: Span) -> bool:
    """'the Local Office' or 'International Organizations' of a body: a part or a group, not the body."""
    heads = [t for t in seg if is_org_head(t)]
    return bool(heads) and (lower(heads[-1]) in SUBUNIT_HEADS or heads[-1].tag_ in ("NNS", "NNPS"))


def _is_part_of_body(doc: Doc, start: int, end: int) -> bool:
    """'the Local Office of X', 'X's Heritage Sector': a unit named with the body it belongs to."""
    if not _main_head_is_subunit(doc[start:end]):
        return False
    return (end < len(doc) and doc[end].lower_ in ("of", "at")) or (start > 0 and doc[start - 1].lower_ in ("'s", "’s"))


def _without_part_words(doc: Doc, org: Span) -> Span:
    """'UNDP Office' -> 'UNDP', 'Nova TV channel' -> 'Nova': the body, not its part or medium word."""
    if len(org) > 1 and _ACRONYM.match(org[0].text) and all(lower(t) in ACRONYM_PART_WORDS for t in org[1:]):
        return org[:1]
    after = doc[org.end].lower_ if org.end < len(doc) else ""
    if len(org) > 1 and lower(org[-1]) in MEDIUM_WORDS and after in ("channel", "channels", "station", "stations"):
        return org[:-1]
    return org


def _reads_as_a_name(seg: Span) -> bool:
    """'Agam Jaya': two or more proper nouns, none of them a head, title or event word."""
    return len(seg) >= 2 and all(
        t.pos_ == "PROPN" and not is_org_head(t) and not is_event_head(t) and not is_title_word(t) for t in seg
    )


# Heads whose name says where they are: "the Embassy of X in Y", "the Consulate in Y"
_PLACED_HEADS = frozenset(
    {"embassy", "consulate", "mission", "office", "representation", "delegation", "branch", "bureau"}
)


def _placed_after(doc: Doc, head: int, end: int) -> bool:
    """'Museum in St Petersburg': an 'in' + place phrase after a head that does not name its place itself."""
    if head + 2 >= end or doc[head + 1].lower_ != "in" or doc[head].lower_ in _PLACED_HEADS:
        return False
    place = doc[head + 2 if doc[head + 2].lower_ != "the" else head + 3]
    return place.ent_type_ in ("GPE", "LOC") or place.text in COUNTRIES


def org_from_run(run: Span) -> Span | None:
    """The organisation inside a capitalised run, without leading titles or sub-units."""
    doc = run.doc
    segs = _segments(run)
    i = 0
    # leading title segments: "Deputy Chairman" of ...
    while i < len(segs) and not _has_head(segs[i]) and any(is_title_word(t) for t in segs[i]):
        i += 1
    # sub-units of a later body: "the Office" of "the X Agency"
    while i < len(segs) and _main_head_is_subunit(segs[i]):
        later = [j for j in range(i + 1, len(segs)) if _has_head(segs[j]) and not _main_head_is_subunit(segs[j])]
        if not later:
            break
        i = later[0]
    if i < len(segs) and _reads_as_a_name(segs[i]):
        # "Agam Jaya of Al-Ameen Islamic Center": a name before "of" and the body it belongs to
        i = next((j for j in range(i + 1, len(segs)) if _has_head(segs[j])), i)
    if i >= len(segs) or not _has_head(segs[i]):
        return None
    first = segs[i]
    start = first.start
    # a title word right before the name ("Director Ministry ...") is not part of it
    while start < first.end and is_title_word(doc[start]) and not is_org_head(doc[start]):
        start += 1
    last = segs[-1]
    end = last.end
    heads = [t.i for t in last if is_org_head(t)]
    tail = doc[heads[-1] + 1 : end] if heads else doc[end:end]
    adjective_tail = (
        end < len(doc)
        and doc[end].is_lower
        and doc[end].pos_ == "NOUN"
        and (doc[end - 1].pos_ == "ADJ" or doc[end - 1].ent_type_ == "NORP")
    )
    if (
        heads
        and last.start >= start
        and (not any(t.lower_ in ("for", "on", "and", "&", "in") for t in tail) or (adjective_tail and len(tail) <= 3))
    ):
        end = heads[-1] + 1  # "... Museum Amina Malikova", "School on Pakistani music": the name ends at its head
    if heads and _placed_after(doc, heads[-1], end):
        end = heads[-1] + 1  # "the Selby Art Museum in Paris": where the body is, not its name
    if end <= start:
        return None
    owner = next((t.i for t in doc[start:end] if t.lower_ in ("'s", "’s")), None)
    if owner is not None and owner > start and _main_head_is_subunit(doc[owner + 1 : end]):
        end = owner  # "the Ministry's Heritage Sector": the person belongs to the Ministry
    if _is_part_of_body(doc, start, end):
        return None  # "the Local Office of ...": part of a body named next
    if any(is_event_head(t) and not is_org_head(t) for t in doc[start:end]):
        return None
    return doc[start:end]


def _quoted_orgs(doc: Doc) -> list[OrgSpan]:
    found = []
    for qs, qe in in_quotes(doc):
        inner = doc[qs:qe]
        if len(inner) > 8 or not is_cap(inner[0]) or inner[0].lower_ == "for":
            continue  # '"For Merit" medals': an award, not a body
        after = [t for t in doc[qe + 1 : min(qe + 4, len(doc))] if not t.is_punct]
        before = [t for t in doc[max(0, qs - 3) : qs - 1] if not t.is_punct]
        described_after = next(
            (t for t in after[:3] if t.pos_ == "NOUN" and (lower(t) in ORG_DESCRIPTORS or is_event_head(t))),
            next((t for t in after[:1] if t.pos_ == "NOUN"), None),
        )
        described_before = before[-1] if before and before[-1].pos_ == "NOUN" else None
        if any(is_event_head(t) for t in inner) or (described_after is not None and is_event_head(described_after)):
            continue
        descriptor = (described_after is not None and lower(described_after) in ORG_DESCRIPTORS) or (
            described_before is not None and lower(described_before) in ORG_DESCRIPTORS
        )
        if described_after is not None and lower(described_after) in _PUBLICATION_WORDS:
            # '"Nordlys" magazine': a publication is known by its name and what it is
            end = described_after.i + 1
            found.append(OrgSpan(qs, end, f"{inner.text} {described_after.text}"))
        elif descriptor or is_org_head(inner[-1]):
            found.append(OrgSpan(qs, qe, inner.text))
    return found


def _descriptor_names(doc: Doc, taken: list[tuple[int, int]]) -> list[OrgSpan]:
    """'startup Proofcheck', 'company X': a descriptor noun then a capitalised name."""
    found = []
    for tok in doc[:-1]:
        if tok.pos_ != "NOUN" or lower(tok) not in ORG_DESCRIPTORS or tok.is_sent_start:
            continue
        j = tok.i + 1
        while j < len(doc) and is_cap(doc[j]) and doc[j].text not in QUOTE_CHARS and j - tok.i <= 4:
            j += 1
        if j > tok.i + 1 and not any(overlaps((tok.i + 1, j), t) for t in taken):
            span = doc[tok.i + 1 : j]
            if span.text in ("No", "Nr") or (j < len(doc) and doc[j].text == "."):
                continue
            if not any(is_title_word(t) or t.text in COUNTRIES for t in span):
                found.append(OrgSpan(span.start, span.end, span.text))
    return found


def _split_run(run: Span, people: list[tuple[int, int]]) -> list[Span]:
    """Cut a run at person names and after an acronym joined by 'and' ('ICOM and the X')."""
    doc = run.doc
    cuts = sorted({run.start, run.end, *[b for p in people for b in p if run.start < b < run.end]})
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if any(overlaps((a, b), p) for p in people):
            continue
        start = a
        for tok in doc[a:b]:
            acronym_before = tok.i > start and _ACRONYM.match(doc[tok.i - 1].text)
            if tok.lower_ == "and" and (acronym_before or _two_bodies_at(doc, start, tok.i, b)):
                pieces.append(doc[start : tok.i])
                start = tok.i + 1
        pieces.append(doc[start:b])
    return [strip_the(p) for p in pieces if len(strip_the(p))]


def _two_bodies_at(doc: Doc, start: int, and_at: int, end: int) -> bool:
    """'the Syrian Ministry of Culture and the Iranian Ministry of X': 'and the' between two headed names."""
    after = and_at + 1
    if after >= end or not any(is_org_head(t) for t in doc[after:end]):
        return False
    if doc[after].lower_ == "the":
        return True  # "the Syrian Ministry of X and the Iranian Ministry of Y", "X of Mexico City and the Y Ministry"
    # "the Department of Archaeology and Bangladesh National Museum": two headed names, the second with a name
    # of its own before its head ("Museum and Library" and "Ministry of Culture and Tourism" stay one)
    first_after = doc[after]
    return (
        any(is_org_head(t) for t in doc[start:and_at])
        and (first_after.text in COUNTRIES or first_after.ent_type_ in ("GPE", "ORG", "FAC", "NORP"))
        and lower(doc[end - 1]) not in SUBUNIT_HEADS
        and end - after >= 2
        and is_org_head(doc[end - 1])
        and not any(t.lower_ == "of" for t in doc[after:end])
    )


def _with_quoted_prefix(doc: Doc, org: Span) -> Span:
    """'"Poetika" Film Production Company': a quoted name right before joins the body's name."""
    start = org.start
    if start >= 3 and doc[start - 1].text in QUOTE_CHARS:
        k = start - 2
        while k > 0 and doc[k].text not in QUOTE_CHARS and start - k < 6:
            k -= 1
        if doc[k].text in QUOTE_CHARS and is_cap(doc[k + 1]):
            return doc[k + 1 : org.end]
    return org


def _title_of_names(doc: Doc, taken: list[tuple[int, int]]) -> list[OrgSpan]:
    """'Executive Director of artXchange Global': the body a title belongs to, head noun or not."""
    found = []
    texts = Counter(t.text for t in tokens(doc))  # how often each word is written, for one-word names
    for tok in doc[:-2]:
        if tok.lower_ != "of" or tok.i == 0 or not is_title_word(doc[tok.i - 1]):
            continue
        if lower(doc[tok.i - 1]) in ("minister", "ministers", "ambassador", "expert", "specialist"):
            continue
        j = tok.i + 1
        if doc[j].lower_ == "the":
            j += 1
        k = j
        while k < len(doc) and is_cap(doc[k]) and doc[k].text not in QUOTE_CHARS and k - j < 6:
            k += 1
        one_word = k == j + 1 and doc[j].text not in COUNTRIES and doc[j].ent_type_ not in ("NORP", "GPE")
        if one_word and k < len(doc) and doc[k].pos_ == "NOUN" and lower(doc[k]) in ORG_DESCRIPTORS | ORG_HEADS:
            # "representative of the Nexa accelerator project": a one-word name and what it is
            k += 1
            while k < len(doc) and doc[k].pos_ == "NOUN" and doc[k].is_lower and k - j < 4:
                k += 1
        while k > j + 1 and is_title_word(doc[k - 1]) and not is_org_head(doc[k - 1]):
            k -= 1  # "Executive Director of Perceive Architect, Fatiha Polin": the last word is her trade
        span = doc[j:k]
        # "Perceive": a one-word name the story uses elsewhere, not a bare head ("the Department for ...")
        known = len(span) == 1 and not (is_org_head(span[0]) or is_event_head(span[0])) and texts[span.text] > 1
        if len(span) < 2 and not (len(span) == 1 and (_ACRONYM.match(span.text) or known)):
            continue
        if any(overlaps((j, k), t) for t in taken) or span.text in COUNTRIES or _is_part_of_body(doc, j, k):
            continue
        if any(is_event_head(t) and lower(t) not in ("festival", "fest") for t in span):
            continue
        found.append(OrgSpan(j, k, span.text))
    return found


_PUBLICATION_WORDS = frozenset({"magazine", "newspaper", "journal", "weekly", "daily"})


def _in_award_name(doc: Doc, token: int) -> bool:
    """Whether `token` is inside a quoted award name ('"For Distinction in Service" medals')."""
    return any(qs <= token < qe and doc[qs].lower_ == "for" for qs, qe in in_quotes(doc))


def _inside_a_title(doc: Doc, org: Span) -> bool:
    """Whether the name is the front of a longer quoted title: '"Professional Theater Master Class"'."""
    return any(qs <= org.start and org.end < qe and is_cap(doc[qe - 1]) for qs, qe in in_quotes(doc))


def _split_at_and(doc: Doc, org: Span) -> tuple[Span, Span | None]:
    """'X Academy and Manch Rangmanch': two bodies when the first closes on its head and the second has none.

    'Ministry of Culture and Tourism' and 'Museum and Library' stay one name.
    """
    listed = org.start > 0 and doc[org.start - 1].text == ","
    for tok in org[1:-1]:
        if tok.lower_ != "and":
            continue
        first, rest = doc[org.start : tok.i], doc[tok.i + 1 : org.end]
        if not is_org_head(doc[tok.i - 1]):
            # ", Virsa Vihar and Amandeep Hospital": the last items of a list, the first without a head
            headless = len(first) >= 2 and all(is_cap(t) and not is_org_head(t) for t in first)
            if listed and headless and is_org_head(rest[-1]) and all(is_cap(t) for t in rest):
                return rest, first
            continue
        if not any(is_org_head(t) for t in rest) and all(is_cap(t) for t in rest) and tok.i - org.start >= 2:
            return first, rest
    return org, None


def find_orgs(doc: Doc, people: list[tuple[int, int]]) -> list[OrgSpan]:
    """Every organisation span in the doc, longest first where they overlap."""
    found: list[OrgSpan] = []
    for sent in sentences(doc):
        for whole in name_runs(sent):
            for run in _split_run(whole, people):
                org = org_from_run(run)
                if org is None:
                    continue
                org = _with_quoted_prefix(doc, org)
                if len(org) > 2 and org[0].text in COUNTRIES and org[1].lower_ in ("'s", "’s"):
                    org = doc[org.start + 2 : org.end]  # "Latvia's LTV Channel": the country is not in the name
                org = _without_part_words(doc, org)
                org, second = _split_at_and(doc, org)
                if second is not None:
                    found.append(OrgSpan(second.start, second.end, clean_name(second.text)))
                if _in_award_name(doc, org.start) or _inside_a_title(doc, org) or names_an_event(doc, org):
                    continue  # a medal "For Merit in Service", a project "Professional Theater Master Class"
                if lower(org[0]) in SUBUNIT_HEADS and body_follows(doc, org.end, sent.end):
                    continue  # "Department for X ... of the Ministry": a sub-unit named before its body
                found.append(
                    OrgSpan(org.start, org.end, clean_name(org.text), generic=len(org) == 1 and is_org_head(org[0]))
                )
    found.extend(_quoted_orgs(doc))
    taken = [o.span for o in found] + people
    found.extend(_title_of_names(doc, taken))
    taken = [o.span for o in found] + people
    found.extend(_descriptor_names(doc, taken))
    taken = [o.span for o in found]
    found.extend(enumerated(doc, taken))
    found.extend(OrgSpan(s, e, clean_name(doc[s:e].text), acronym=a) for s, e, a in defined_names(doc, people))
    found = _attach_acronyms(doc, found)
    found.extend(_acronyms(doc, [o.span for o in found], {o.acronym for o in found if o.acronym}))
    found.extend(_source_outlets(doc, [o.span for o in found]))
    taken = [o.span for o in found] + people
    found += lower_case_heads(doc, taken) + web_outlets(doc, taken) + credited_outlets(doc, taken)
    found += named_groups(doc, [o.span for o in found], people)
    found += bodies_of_people(doc, [o.span for o in found] + people, people)
    events = event_acronyms(doc)
    found = [o for o in found if o.name not in events]
    kept = _dedupe([with_listed_adjectives(doc, o) for o in found if not _dateline(doc, o.start, o.end)])
    return one_name_per_body(_dedupe(kept + listed_with_bodies(doc, [o.span for o in kept], people)))


def _dateline(doc: Doc, start: int, end: int) -> bool:
    """'MINSK, APR 6:', 'KUWAIT:': the place a wire story is filed from, in capitals at a paragraph start."""
    opens_paragraph = start == 0 or "\n" in doc[start - 1].text_with_ws
    capitals = all(t.text.isupper() or not t.is_alpha for t in doc[start:end])
    return opens_paragraph and capitals and end < len(doc) and doc[end].text in (",", ":", "(", "—", "–", "-")


def _attach_acronyms(doc: Doc, found: list[OrgSpan]) -> list[OrgSpan]:
    """'the Export and Investment Promotion Agency (AZPROMO)': the acronym is an alias."""
    for org in found:
        if org.end + 2 < len(doc) and doc[org.end].text == "(" and doc[org.end + 2].text == ")":
            candidate = doc[org.end + 1].text
            if _ACRONYM.match(candidate):
                org.acronym = candidate
    return found


def _acronyms(doc: Doc, taken: list[tuple[int, int]], defined: set[str]) -> list[OrgSpan]:
    """Stand-alone acronyms the model tags as organisations, or defined as an alias in the story."""
    found = []
    for tok in doc:
        if not _ACRONYM.match(tok.text) or tok.text in _NOT_ACRONYMS or tok.text in COUNTRIES:
            continue
        if any(overlaps((tok.i, tok.i + 1), t) for t in taken):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        titled = nxt is not None and tok.text in defined and is_title_word(nxt)  # "NCCAL Secretary General X"
        if nxt is not None and is_cap(nxt) and lower(nxt) not in ACRONYM_PART_WORDS and not titled:
            continue  # part of a longer name ("MY EXPO-2023"), not "UNDP Presidium office"
        if tok.ent_type_ == "ORG" or tok.text in defined or (tok.i > 0 and doc[tok.i - 1].text == "("):
            found.append(OrgSpan(tok.i, tok.i + 1, tok.text))
    return found


def _source_outlets(doc: Doc, taken: list[tuple[int, int]]) -> list[OrgSpan]:
    """', Trend reports.' -- the outlet a wire story credits is a (media) organisation."""
    found = []
    for tok in doc:
        if tok.lemma_ == "report" and tok.i >= 2 and doc[tok.i - 1].pos_ == "PROPN" and tok.i + 1 < len(doc):
            start = tok.i - 1
            while start > 0 and is_cap(doc[start - 1]) and doc[start - 1].pos_ == "PROPN":
                start -= 1
            if (
                doc[start - 1].text == ","
                and doc[tok.i + 1].text == "."
                and not any(overlaps((start, tok.i), t) for t in taken)
            ):
                found.append(OrgSpan(start, tok.i, doc[start : tok.i].text))
    return found


def _dedupe(found: list[OrgSpan]) -> list[OrgSpan]:
    kept: list[OrgSpan] = []
    for org in sorted(found, key=lambda o: (-(o.end - o.start), o.start)):
        if not any(overlaps(org.span, k.span) for k in kept):
            kept.append(org)
    return sorted(kept, key=lambda o: o.start)
