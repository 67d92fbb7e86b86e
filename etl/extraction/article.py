"""One article's parsed doc -> an Extraction: people, bodies, mentions, events, roles, figures."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from etl.extraction.dates import dateline_day
from etl.extraction.events import EventsResult, PersonRef, extract_events
from etl.extraction.figures import find_figures
from etl.extraction.lexicon import ORG_HEADS
from etl.extraction.org_names import OrgSpan, org_country, org_kind
from etl.extraction.organisers import event_title_organisers
from etl.extraction.organising_bodies import head_of_organiser, organising_bodies
from etl.extraction.orgs import find_orgs
from etl.extraction.participants import find_roles
from etl.extraction.people import find_people, short_forms
from etl.extraction.spans import entities, overlaps, sentences
from etl.extraction.titles_and_roles import participations, title_of
from etl.extraction.trades import performers_by_trade
from etl.extraction.words import role_words
from etl.records import Article, Extraction, FigureRec, Mention, OrgRec, ParticipationRec, PersonRec


def org_key(name: str) -> str:
    """A comparison key for an organisation name inside one article."""
    return re.sub(r"[^\w&]+", " ", name.lower().removeprefix("the ")).strip()


def mention(doc: Doc, kind: str, start: int, end: int, local_id: str) -> Mention:
    """A mention of tokens [start, end) with the character offsets the contract asks for."""
    return Mention(kind, doc[start:end].text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), local_id)


def _orgs(doc: Doc, spans: list[OrgSpan], ex: Extraction) -> dict[int, str]:
    """Register organisations and their mentions; returns token start -> org local id."""
    at: dict[int, str] = {}
    by_acronym: dict[str, str] = {}
    by_head: dict[str, str] = {}
    for span in spans:
        if span.generic:
            continue
        local_id = f"o:{org_key(span.name)}"
        rec = ex.orgs.get(local_id) or by_acronym_rec(ex, by_acronym, span.name)
        if rec is None:
            # "Norland’s National Assembly", named "National Assembly": its owner still gives the country
            country = org_country(span.name) or org_country(doc[span.start : span.end].text)
            rec = OrgRec(local_id, span.name, kind=org_kind(span.name), country=country)
            if _is_outlet(span.name, ex.article.source):
                rec.kind = "media"  # the outlet that reports the article ("..., Azernews reports")
            ex.orgs[local_id] = rec
        if span.acronym:
            rec.aliases.add(span.acronym)
            by_acronym[span.acronym] = rec.local_id
        at[span.start] = rec.local_id
        by_head[span.name.split()[-1].lower()] = rec.local_id
        ex.mentions.append(mention(doc, "organization", span.start, span.end, rec.local_id))
    for span in spans:
        if span.generic and span.name.lower() in by_head:
            at[span.start] = by_head[span.name.lower()]  # "the Foundation": the one named before
    return at


def _is_outlet(name: str, source: str | None) -> bool:
    """Whether an organisation is the outlet the article names as its source."""
    return bool(source) and name.casefold().removeprefix("the ") == str(source).casefold().removeprefix("the ")


def by_acronym_rec(ex: Extraction, by_acronym: dict[str, str], name: str) -> OrgRec | None:
    """The organisation an acronym was defined for in this article."""
    return ex.orgs.get(by_acronym[name]) if name in by_acronym else None


def _ministry_for(title: str, ex: Extraction) -> str | None:
    """'Adviser to the Minister of Culture' -> the article's Ministry of Culture, if it names one."""
    m = re.search(r"minist(?:er|ry) of ([\w ]+?)(?:$| of | and\b)", title, re.I) or re.search(
        r"(\w+) minister", re.sub(r"\b(deputy|first|vice|acting|former)\b", "", title, flags=re.I), re.I
    )
    if not m:
        return None
    field = m[1].lower()
    for local_id, org in ex.orgs.items():
        name = org.name.lower()
        if "ministry" in name and field and field in name:
            return local_id
    return None


def _full_name(name: str, people: list) -> str:
    """'D. Whitcombe' -> 'Dana Whitcombe' when the article names exactly one such person."""
    words = name.split()
    if len(words) != 2 or not re.fullmatch(r"\w\.", words[0]):
        return name
    full = {p.name for p in people if p.name.split()[-1] == words[-1] and p.name[0] == name[0] and p.name != name}
    return full.pop() if len(full) == 1 else name


# Titles a story uses alone to refer back to one person ("the minister said").
_BACK_REFERENCE_TITLES = frozenset({"minister", "ambassador", "director", "chairman", "chairwoman", "rector", "mayor"})


def _body_after(doc: Doc, end: int, org_at: dict[int, str]) -> int | None:
    """The body right after a name and 'of'/'from' ('X of the Al-Ameen Islamic Center', 'X from Selby Museum')."""
    if end >= len(doc) - 1 or doc[end].lower_ not in ("of", "from"):
        return None
    start = end + 2 if doc[end + 1].lower_ == "the" else end + 1
    return start if start in org_at else None


def _named_after(ref: PersonRef, spans: list[OrgSpan], org_at: dict[int, str]) -> str | None:
    """The body whose name holds the person's ('Dan Hicks and the Hot Licks': the group named after its leader)."""
    return next(
        (org_at[o.start] for o in spans if o.start in org_at and o.start <= ref.start and ref.end < o.end), None
    )


def _body_by_head(title: str, ex: Extraction) -> str | None:
    """'Rector of the University', 'the embassy's minister counsellor': a title naming a body by its head noun
    alone refers to the one body of the article with that head."""
    heads = {w for w in re.findall(r"[\w-]+", title.lower().replace("’s", "").replace("'s", "")) if w in ORG_HEADS}
    if not heads or re.search(r"\b(of|at)\s+(?!the\b)[A-Z]", title):
        return None  # "Director of X Museum": the body is named, and the title rules had their say
    bodies = {k for k, o in ex.orgs.items() if heads & set(org_key(o.name).split())}
    return bodies.pop() if len(bodies) == 1 else None


def titled_references(doc: Doc, ex: Extraction, taken: list[tuple[int, int]]) -> list[PersonRef]:
    """'the minister' -> the one person in the article whose title starts with 'Minister' (none if two do)."""
    out = []
    for tok in doc[:-1]:
        if tok.lower_ != "the":
            continue
        nxt = doc[tok.i + 1]
        if nxt.lower_ not in _BACK_REFERENCE_TITLES:
            continue
        after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
        if after is not None and (after.lower_ == "of" or (after.text[:1].isupper() and after.pos_ == "PROPN")):
            continue  # "the Minister of Culture X", "the director Anna X": a title before a name, not a reference
        if any(overlaps((tok.i + 1, tok.i + 2), t) for t in taken):
            continue
        word = nxt.lower_
        holders = {p.name for p in ex.people.values() if p.title and p.title.lower().split()[0] == word}
        if len(holders) == 1:
            out.append(PersonRef(tok.i, tok.i + 2, holders.pop()))
    return out


def add_grammar_roles(doc: Doc, refs: list[PersonRef], events: EventsResult, ex: Extraction) -> None:
    """Participations the sentence grammar states, for the event in focus (else the article's main event)."""
    if not events.events:
        return
    words = role_words()

    def parties_attend(ev_id: str, role: str) -> str:
        """In a visit, a signing or a two-sided meeting every party is an attendee, whatever they did (schema)."""
        ev = events.events[ev_id]
        two_sided = ev.type in words.attendee_only_events and (ev.type == "visit" or bool(ev.parties))
        return "attendee" if (two_sided or ev.parties) and role not in ("honoree", "organizer") else role

    kept: list[ParticipationRec] = []
    have: set[tuple[str, str, str]] = set()
    for pa in ex.participations:
        pa.role = parties_attend(pa.event_local_id, pa.role)
        if (pa.event_local_id, pa.person_local_id, pa.role) not in have:
            have.add((pa.event_local_id, pa.person_local_id, pa.role))
            kept.append(pa)
    ex.participations = kept
    sents = list(sentences(doc))
    # the type of the event each sentence is about: its focus, else the story's main event
    types = {s.start: events.events[ev].type for s in sents if (ev := events.focus.get(s.start) or events.main)}
    starts = [s.start for s in sents]
    event_words = frozenset(w for ev in events.events.values() for w in ev.name.lower().split())
    for hit in find_roles(doc, refs, types, words, event_words):
        sent = sents[bisect_right(starts, hit.at) - 1]
        ev_id = events.focus.get(sent.start) or events.main
        if ev_id is None:
            continue
        role = parties_attend(ev_id, hit.role)
        person_id = f"p:{refs[hit.person].name}"
        if person_id in ex.people and (ev_id, person_id, role) not in have:
            have.add((ev_id, person_id, role))
            ex.participations.append(ParticipationRec(ev_id, person_id, role, sent.text.strip(), hit.rule))


# The part that says more about what a person did at an event; the other is dropped. Annotators give one
# role per person and event nearly always; the pairs they do give (an organiser who speaks, a winner who
# performs) are left as they are.
_SAYS_MORE = {"speaker": ("moderator", "trainer", "presenter")}


def _one_part_each(parts: list[ParticipationRec]) -> list[ParticipationRec]:
    """Drop a speaker part where the same person moderated, trained or presented at that event."""
    roles: dict[tuple[str, str], set[str]] = {}
    for pa in parts:
        roles.setdefault((pa.event_local_id, pa.person_local_id), set()).add(pa.role)
    return [pa for pa in parts if not set(_SAYS_MORE.get(pa.role, ())) & roles[(pa.event_local_id, pa.person_local_id)]]


def extract_article(doc: Doc, article: Article) -> Extraction:
    """Everything one article says, with article-local ids (resolution comes later)."""
    ex = Extraction(article)
    people = find_people(doc)
    org_spans = find_orgs(doc, [p.span for p in people])
    org_at = _orgs(doc, org_spans, ex)
    taken = [p.span for p in people] + [o.span for o in org_spans]
    refs = [PersonRef(p.start, p.end, _full_name(p.name, people)) for p in people]
    org_ends = {o.start: o.end for o in org_spans if o.start in org_at}
    refs += [PersonRef(s, e, name) for s, e, name in short_forms(doc, people, taken)]
    refs.sort(key=lambda r: r.start)
    for ref in refs:
        local_id = f"p:{ref.name}"
        rec = ex.people.setdefault(local_id, PersonRec(local_id, ref.name))
        text = doc[ref.start : ref.end].text
        if text != ref.name:
            rec.aliases.add(text)
        ex.mentions.append(mention(doc, "person", ref.start, ref.end, local_id))
        if rec.title is None:
            info = title_of(doc, ref, org_ends)
            if info is not None:
                rec.title, rec.country, rec.evidence = info.title, info.country, info.evidence
                rec.org_local_id = (
                    org_at.get(info.org_start) if info.org_start is not None else _ministry_for(info.title, ex)
                )
                rec.affiliation_rule = info.rule if info.org_start is not None else "ministry_in_title"
        if rec.org_local_id is None and (org_start := _body_after(doc, ref.end, org_at)) is not None:
            rec.org_local_id, rec.affiliation_rule = org_at[org_start], "of_body"  # "Agam Jaya of the X Center"
            rec.evidence = rec.evidence or doc[ref.start].sent.text.strip()
        if rec.org_local_id is None and (band := _named_after(ref, org_spans, org_at)) is not None:
            rec.org_local_id, rec.affiliation_rule = band, "named_in_body"  # "Dan Hicks and the Hot Licks"
            rec.evidence = rec.evidence or doc[ref.start].sent.text.strip()
        if rec.org_local_id is None and rec.title and (body := _body_by_head(rec.title, ex)) is not None:
            rec.org_local_id, rec.affiliation_rule = body, "body_by_head"  # "Rector of the University"
    for ref in titled_references(doc, ex, taken + [(r.start, r.end) for r in refs]):
        refs.append(ref)
        ex.people[f"p:{ref.name}"].aliases.add(doc[ref.start : ref.end].text.lower())
        ex.mentions.append(mention(doc, "person", ref.start, ref.end, f"p:{ref.name}"))
    refs.sort(key=lambda r: r.start)
    # a dateline's day, not the publication's, is what 'today' and 'on Friday' count from
    anchor = dateline_day(doc.text, article.published) or article.published
    events = extract_events(doc, refs, [(o.start, o.end, o.name) for o in org_spans if not o.generic], anchor)
    ex.events = events.events
    for ev_id, name, role, evidence, rule in participations(doc, refs, events):
        person_id = f"p:{name}"
        if person_id in ex.people:
            ex.participations.append(ParticipationRec(ev_id, person_id, role, evidence, rule))
    add_grammar_roles(doc, refs, events, ex)
    event_title_organisers(ex, events.main)
    head_of_organiser(ex, organising_bodies(doc, {s: (e, org_at[s]) for s, e in org_ends.items()}, events))
    performers_by_trade(doc, refs, events, ex, role_words())
    ex.participations = _one_part_each(ex.participations)
    speakers = {
        p.evidence: p.person_local_id for p in ex.participations if p.role in ("speaker", "presenter", "trainer")
    }
    last_speaker: str | None = None
    text = doc.text  # built anew on every access
    for fig in find_figures(
        doc, taken + [(e.start, e.end) for e in entities(doc) if e.label_ in ("ORG", "FAC", "WORK_OF_ART")]
    ):
        evidence = fig.sentence.text.strip()
        last_speaker = speakers.get(
            evidence,
            last_speaker if "\n\n" not in text[fig.sentence.start_char - 3 : fig.sentence.start_char] else None,
        )
        ex.figures.append(
            FigureRec(
                fig.value,
                fig.unit,
                fig.subject,
                fig.text,
                fig.approx,
                evidence,
                fig.start_char,
                fig.end_char,
                events.focus.get(fig.sentence.start),
                last_speaker,
            )
        )
    return ex
