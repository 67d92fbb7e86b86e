"""Who did what at which event (participations), and the title and body each person is given."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from etl.events import EventsResult, PersonRef
from etl.lexicon import COUNTRIES, ROLE_VERBS, SPEECH_VERBS
from etl.spans import is_title_word

_PRESENT_NOUNS = frozenset({"presentation", "presentations", "report", "reports", "lecture"})


@dataclass
class TitleInfo:
    """A person's title phrase, the body it names and a stated country, as one article gives them."""

    title: str
    org_start: int | None
    country: str | None
    evidence: str


def _clause_tokens(doc: Doc, start: int, end: int, direction: int, sent: Span) -> list[Token]:
    """The words next to a name up to the clause edge: ', head of X,' or 'director of X NAME'."""
    out: list[Token] = []
    i = start - 1 if direction < 0 else end
    commas = 0
    while sent.start <= i < sent.end:
        tok = doc[i]
        if tok.text in (",", "(", ")") and direction > 0 and not out:
            i += direction
            continue
        if tok.text == "," and direction < 0 and not out:
            commas += 1
            i += direction
            continue
        if (
            tok.text in (",", ";", ".", ":")
            or (tok.pos_ in ("VERB", "AUX") and tok.tag_ != "VBN")
            or tok.lower_ in ("by", "from", "at", "who", "which", "that", "said", "with")
        ):
            break
        if tok.ent_type_ == "PERSON" and direction < 0 and out:
            break
        out.append(tok)
        i += direction
        if len(out) > 20:
            break
    return out[::-1] if direction < 0 else out


def title_of(doc: Doc, person: PersonRef, org_starts: dict[int, int]) -> TitleInfo | None:
    """The title phrase written next to a person's name, and the body in it, if any."""
    sent = doc[person.start].sent
    for direction in (-1, 1):
        words = _clause_tokens(doc, person.start, person.end, direction, sent)
        if not any(is_title_word(t) for t in words):
            continue
        while words and words[0].lower_ in ("the", "a", "an", "and"):
            words = words[1:]
        org = next((t.i for t in reversed(words) if t.i in org_starts), None)
        country = next((COUNTRIES[t.text] for t in words if t.text in COUNTRIES), None)
        text = "".join(t.text_with_ws for t in words).strip(" ,")
        if org is not None:
            text = doc[words[0].i : org].text.strip(" ,").removesuffix(" of the").removesuffix(" of").strip() or text
        if text:
            return TitleInfo(text[0].upper() + text[1:], org, country, sent.text.strip())
    return None


def _role_of(doc: Doc, person: PersonRef, sent: Span) -> str | None:
    """The role a sentence gives a person, from its verbs and nouns."""
    head = doc[person.end - 1]
    before = doc[max(sent.start, person.start - 12) : person.start]
    words_before = [t.lower_ for t in before]
    for i, tok in enumerate(before):
        if tok.lower_ == "by" and i > 0 and before[i - 1].lemma_ in ROLE_VERBS:
            between = before[i + 1 :]
            if not any(t.text == "," and t.i > tok.i + 1 for t in between) or all(
                t.ent_type_ == "PERSON" or t.text in (",", "and") or is_title_word(t) for t in between
            ):
                return ROLE_VERBS[before[i - 1].lemma_]
    if "moderator" in words_before[-3:]:
        return "moderator"
    if "trainer" in words_before[-8:]:
        return "trainer"
    if any(w in _PRESENT_NOUNS for w in words_before[-4:]) and "from" in words_before[-4:]:
        return "presenter"
    verb = _governing_verb(head)
    if verb is not None:
        lemma = verb.lemma_
        if lemma in ("perform", "sing", "play"):
            return "performer"
        if lemma in ("honor", "honour", "award") and any(c.dep_ == "nsubjpass" for c in verb.children):
            return "honoree"
        if lemma in ("participate", "attend", "join") or (
            lemma == "take" and any(c.lower_ == "part" for c in verb.children)
        ):
            return "attendee"
        if lemma == "make" and any(c.lower_ in _PRESENT_NOUNS for c in verb.children):
            return "presenter"
        if lemma in SPEECH_VERBS or lemma in ("speak", "talk"):
            return "speaker"
    if any(t.lemma_ in ("perform",) for t in sent) and "including" in [t.lower_ for t in sent]:
        return "performer"
    if "speaking" in words_before[-12:] or any(
        t.lower_ == "speaking" for t in doc[person.end : min(sent.end, person.end + 3)]
    ):
        return "speaker"
    return None


def _governing_verb(tok: Token) -> Token | None:
    """The verb whose subject the name is (through appositions and coordination)."""
    seen = 0
    while seen < 8:
        seen += 1
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return tok.head
        if tok.dep_ in ("compound", "appos", "conj", "flat") or (tok.dep_ == "punct"):
            tok = tok.head
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.pos_ == "VERB":
            return tok.head.head  # "performed by X"
        return None
    return None


def participations(doc: Doc, people: list[PersonRef], events: EventsResult) -> list[tuple[str, str, str, str]]:
    """(event local id, person name, role, evidence) for every person the text shows taking part."""
    out: list[tuple[str, str, str, str]] = []
    for sent in doc.sents:
        focus = events.focus.get(sent.start)
        in_sent = [p for p in people if sent.start <= p.start < sent.end]
        for ev_id, ev in events.events.items():
            if ev.type == "meeting" and ev.evidence == sent.text.strip() and ev.name.startswith("Meeting of "):
                for name in ev.name.removeprefix("Meeting of ").split(" and "):
                    out.append((ev_id, name, "attendee", ev.evidence))
            if ev.type == "visit" and ev.evidence == sent.text.strip():
                out.append((ev_id, ev.name.split("'s visit")[0], "attendee", ev.evidence))
        if focus is None:
            continue
        for person in in_sent:
            role = _role_of(doc, person, sent)
            if role:
                out.append((focus, person.name, role, sent.text.strip()))
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for row in out:
        if row[:3] not in seen:
            seen.add(row[:3])
            unique.append(row)
    return unique
