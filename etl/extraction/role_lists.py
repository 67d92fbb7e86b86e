"""Roles read from lists of names rather than from one parse arc: the small parser often hangs a titled name
in a list on the title before it ('accompanied by A, Secretary General Assistant for X B, and C'), so the
arc rules see only some of the names. Three rules, each named on what it stores:

- `listed_with`: a name in the same list as a name a grammar rule gave a role takes that role: the
  names are joined by commas, 'and' or semicolons with only titles between them (no verb, no 'by', no
  'who'), and the list closes with 'and' or runs over semicolons ("A, B and C performed").
- `listed_after_cue`: "In attendance were A; B; C", "Among the attendees were A and B": every name after
  the verb of a sentence opened by a presence noun or a role noun.
- `credit_line`: a line of its own "A, conductor" or "A (cello)" under a programme: a performer's credit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span

from etl.extraction.words import RoleWords

# Rules whose slot is a noun phrase that may be a list: their role holds for every name in it.
LIST_RULES = frozenset(
    {
        "subject_of_verb",
        "agent_of_passive",
        "recipient",
        "honoured_subject",
        "in_attendance",
        "lineup",
        "copula_role",
        "speech_of",
        "listed_after_cue",
        "giver",
    }
)
_LINKS = frozenset({",", "and", ";", "&"})
_CLOSING_LINKS = frozenset({"and", ";", "&"})
# Words that open a new clause or phrase between two names: the names are then not one list.
_BREAKS = frozenset(
    {"by", "who", "whom", "whose", "which", "that", "while", "whereas", "but", "when", "as", "after", "before"}
)
_MAX_GAP = 16


class PersonLike(Protocol):
    """A person named at tokens [start, end)."""

    start: int
    end: int
    name: str


@dataclass(frozen=True)
class ListHit:
    """A person (index into the people list) given a role by a list rule at token `at`."""

    person: int
    role: str
    rule: str
    at: int


def _joined(doc: Doc, a: PersonLike, b: PersonLike) -> str | None:
    """How two names in a row are joined when they are items of one list: 'and'/';'/',' (None if not)."""
    gap = doc[a.end : b.start]
    if not gap or len(gap) > _MAX_GAP or gap[0].text.lower() not in _LINKS:
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ in _BREAKS or t.text in '"“”' for t in gap):
        return None
    last = [t for t in gap if t.pos_ != "DET"][-1:]
    if last and (last[0].lower_ in ("of", "'s", "’s") or last[0].dep_ == "poss"):
        return None  # "A, wife of B": B is named to say who A is, not listed with A
    links = {t.lower_ for t in gap if t.lower_ in _LINKS}
    return "and" if links & _CLOSING_LINKS else ","


def _lists(doc: Doc, people: Sequence[PersonLike], sent: Span) -> list[list[int]]:
    """Runs of people (indexes) in the sentence that form a list closed by 'and' or ';'."""
    named = [i for i, p in enumerate(people) if sent.start <= p.start and p.end <= sent.end]
    runs: list[list[int]] = []
    current: list[int] = []
    closed = False
    for i in named:
        if current and (link := _joined(doc, people[current[-1]], people[i])) is not None:
            current.append(i)
            closed = closed or link == "and"
            continue
        if len(current) > 1 and closed:
            runs.append(current)
        current, closed = [i], False
    if len(current) > 1 and closed:
        runs.append(current)
    return runs


def listed_with(
    doc: Doc, people: Sequence[PersonLike], sents: Sequence[Span], hits: Sequence[ListHit]
) -> list[ListHit]:
    """`listed_with`: the role of one list item for the others in the list."""
    by_person: dict[int, list[ListHit]] = {}
    for hit in hits:
        if hit.rule in LIST_RULES:
            by_person.setdefault(hit.person, []).append(hit)
    out: list[ListHit] = []
    for sent in sents:
        for run in _lists(doc, people, sent):
            given = {(h.role, h.at) for i in run for h in by_person.get(i, []) if sent.start <= h.at < sent.end}
            for role, at in sorted(given):
                out.extend(ListHit(i, role, "listed_with", at) for i in run)
    return out


def listed_after_cue(doc: Doc, people: Sequence[PersonLike], sents: Sequence[Span], words: RoleWords) -> list[ListHit]:
    """`listed_after_cue`: 'In attendance were A; B; C', 'Among the speakers were A and B'."""
    out: list[ListHit] = []
    for sent in sents:
        root = sent.root
        if root.lemma_ != "be":
            continue
        role = None
        for prep in (c for c in root.children if c.dep_ == "prep" and c.i < root.i):
            for noun in (c for c in prep.children if c.dep_ == "pobj"):
                lemma = noun.lemma_.lower()
                if prep.lower_ == "in" and lemma in words.presence_nouns:
                    role = "attendee"
                elif prep.lower_ == "among":
                    role = words.role_nouns.get(noun.lower_) or words.role_nouns.get(lemma)
                    if lemma in ("those", "guest") or noun.lower_ == "guests":
                        role = "attendee"  # "Among those present were", "Among the guests were"
        if role is None:
            continue
        out.extend(
            ListHit(i, role, "listed_after_cue", root.i)
            for i, p in enumerate(people)
            if root.i < p.start and p.end <= sent.end
        )
    return out


def credit_lines(doc: Doc, people: Sequence[PersonLike], sents: Sequence[Span], words: RoleWords) -> list[ListHit]:
    """`credit_line`: 'A, conductor' or 'A (cello)' as a line of its own: a performer's credit."""
    out: list[ListHit] = []
    for sent in sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        first = next((i for i, p in enumerate(people) if p.start == tokens[0].i), None)
        if first is None:
            continue
        rest = [t for t in tokens if t.i >= people[first].end]
        if not rest or rest[0].text not in (",", "(", "–", "-", ":") or len(rest) > 6:
            continue
        credits = words.performer_credits
        if any(t.pos_ in ("VERB", "AUX") and t.lower_ not in credits for t in rest):
            continue  # the tagger reads a bare "cello" as a verb now and then
        credit = [t for t in rest[1:] if t.is_alpha]
        if credit and (credit[-1].lower_ in credits or credit[-1].lemma_.lower() in credits):
            out.append(ListHit(first, "performer", "credit_line", tokens[0].i))
    return out


def on_instrument(doc: Doc, people: Sequence[PersonLike], words: RoleWords) -> list[ListHit]:
    """`on_instrument`: 'the band, with X on vocals', 'Y on drums': a name then 'on' and an instrument."""
    out: list[ListHit] = []
    for index, person in enumerate(people):
        if person.end + 1 >= len(doc) or doc[person.end].lower_ != "on":
            continue
        credit = doc[person.end + 1]
        if credit.lower_ in words.performer_credits or credit.lemma_.lower() in words.performer_credits:
            out.append(ListHit(index, "performer", "on_instrument", person.start))
    return out
