"""Who did what at which event (participations), and the title and body each person is given."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from etl.extraction.events import EventsResult, PersonRef
from etl.extraction.lexicon import COUNTRIES, HONORIFICS, MONTHS, ROLE_VERBS, SPEECH_VERBS, SUBUNIT_HEADS
from etl.extraction.spans import is_cap, is_title_word, lower, sentences
from etl.extraction.words import role_words

_TITLE_POS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "ADP", "PUNCT", "CCONJ", "PART"})
_PRESENT_NOUNS = frozenset({"presentation", "presentations", "report", "reports", "lecture"})


@dataclass
class TitleInfo:
    """A person's title phrase, the body it names and a stated country, as one article gives them."""

    title: str
    org_start: int | None
    country: str | None
    evidence: str
    rule: str = ""  # how the body was tied to the name, shown to analysts


# Words of the phrases around a title, never of the title: "in the presence of Ambassador NAME", "under the
# baton of conductor NAME", "during the visit of Minister NAME"
_NEVER_IN_TITLES = frozenset(
    {"presence", "baton", "auspices", "patronage", "participation", "under", "during", "after", "before", "following"}
)


def _a_day(tok: Token) -> bool:
    """'Friday', 'March', '12', 'yesterday': a word of a date ('first-year', also DATE to the model, is not)."""
    return tok.text.isdigit() or lower(tok) in MONTHS or lower(tok) in _DAY_WORDS


_DAY_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight"}
)


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
        honorific = lower(tok) in HONORIFICS or (tok.text == "." and i > 0 and lower(doc[i - 1]) in HONORIFICS)
        if direction < 0 and not out and (tok.text == "," or honorific):
            commas += tok.text == ","  # "Dean of the School of X, Prof. NAME": back over the honorific too
            i += direction
            continue
        inside_name = 0 < i < len(doc) - 1 and is_cap(doc[i - 1]) and is_cap(doc[i + 1])
        if (
            tok.text in (",", ";", ".", ":")
            or (
                tok.pos_ in ("VERB", "AUX")
                and tok.tag_ != "VBN"
                and not (is_cap(tok) and inside_name)
                and not (direction < 0 and not out and is_title_word(tok))  # "artistes X": a title, tagged a verb
            )
            or tok.lower_ in ("by", "from", "at", "who", "which", "that", "said")
            or tok.lower_ in _NEVER_IN_TITLES
            or (tok.ent_type_ in ("DATE", "TIME") and _a_day(tok))  # "... on Friday under the baton of NAME"
            or (tok.lower_ == "with" and not inside_name)  # "Department for Work with International Bodies"
        ):
            break
        if tok.ent_type_ == "PERSON" and direction < 0 and out and not is_title_word(tok):
            break  # another person's name ends the title; a title word the model reads as a name ("Dean") does not
        out.append(tok)
        i += direction
        if len(out) > 20:
            break
    return out[::-1] if direction < 0 else out


def _title_before_org(doc: Doc, start: int, org: int) -> str:
    """'head of Latvia's "X Association"' -> 'head': the title without the link words before the body."""
    end = org
    while end > start and (
        doc[end - 1].text in "\"“”«»'’"
        or doc[end - 1].lower_ in ("of", "the", "'s", "’s", "at", "to")
        or doc[end - 1].text in COUNTRIES
    ):
        end -= 1
    return doc[start:end].text.strip(" ,")


def _apposition_of_previous_name(doc: Doc, clause_start: int) -> bool:
    """Whether the clause follows ', ' after a name that has no title of its own ('by Ann Lee, chair of X')."""
    i = clause_start - 2
    if i < 0 or doc[clause_start - 1].text != "," or doc[i].ent_type_ != "PERSON":
        return False
    while i > 0 and doc[i - 1].ent_type_ == "PERSON":
        i -= 1
    return not any(is_title_word(t) for t in doc[max(0, i - 6) : i])


def _org_in_leading_clause(doc: Doc, words: list[Token], org_starts: dict[int, int], sent: Span) -> int | None:
    """'The co-founder of X, culture manager NAME': the body in a title clause that opens the sentence."""
    comma = words[0].i - 1
    if comma <= sent.start or doc[comma].text != ",":
        return None
    before = _clause_tokens(doc, comma, comma, -1, sent)
    if not before or before[0].i > sent.start + 1 or not any(is_title_word(t) for t in before):
        return None
    return next((t.i for t in reversed(before) if t.i in org_starts), None)


def _org_in_relative_clause(doc: Doc, person: PersonRef, org_starts: dict[int, int], sent: Span) -> int | None:
    """'NAME, who studied in X and is a teacher at Y,': the body of a title stated inside a 'who' clause."""
    if person.end + 1 >= sent.end or doc[person.end].text != "," or doc[person.end + 1].lower_ != "who":
        return None
    i = person.end + 2
    while i < sent.end - 2 and doc[i].text not in (",", ";"):
        tok = doc[i]
        if is_title_word(tok) and doc[i + 1].lower_ in ("at", "of"):
            org = i + 3 if doc[i + 2].lower_ == "the" else i + 2
            if org in org_starts:
                return org
        i += 1
    return None


def _body_after_title(doc: Doc, i: int, org_ends: dict[int, int]) -> int | None:
    """'NAME, Editor, International Journal of X,': the body in the comma clause after a bare title.

    A department named first gives way to the body named after it ('professor, Department of X, BDU').
    """
    found = None
    while i + 1 < len(doc) and doc[i].text == ",":
        start = i + 1 + (doc[i + 1].lower_ == "the")
        if start < len(doc) and lower(doc[start]) in SUBUNIT_HEADS:
            found = start if start in org_ends else found
            i = next((t.i for t in doc[start : start + 8] if t.text == ","), len(doc))
            continue  # "Department of X": a unit; the body, if named, comes next
        return start if start in org_ends else found
    return found


def _own_apposition(doc: Doc, person: PersonRef, words: list[Token]) -> bool:
    """', professor, X University,' right after the name, not the title of a name that follows it."""
    if person.end >= len(doc) or doc[person.end].text != "," or words[0].lower_ == "and":
        return False
    after = words[-1].i + 1
    return not (after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].ent_type_ == "PERSON")


def title_of(doc: Doc, person: PersonRef, org_ends: dict[int, int]) -> TitleInfo | None:
    """The title phrase written next to a person's name, and the body in it, if any (org_ends: start -> end)."""
    sent = doc[person.start].sent
    fallback: TitleInfo | None = None
    for direction in (-1, 1):
        words = _clause_tokens(doc, person.start, person.end, direction, sent)
        if not any(is_title_word(t) for t in words):
            continue
        if direction < 0 and _apposition_of_previous_name(doc, words[0].i):
            continue  # "by A, chair of X, B, an expert": the title before B is A's apposition
        if fallback is not None and not _own_apposition(doc, person, words):
            break  # "Minister A, and Secretary-General of X B": the words after A are B's title
        while words and words[0].lower_ in ("the", "a", "an", "and"):
            words = words[1:]
        if words and words[0].lower_ == "of" and any(is_title_word(t) for t in words[1:]):
            words = words[1:]  # "under the baton of conductor NAME": the phrase before the title is cut at "baton"
        if direction < 0:
            words = _before_a_coordinated_name(words)
            if not words:
                continue
        org = next((t.i for t in reversed(words) if t.i in org_ends), None)
        rule = "title_before_name" if direction < 0 else "apposition"
        if org is None and direction > 0 and len(words) <= 4:
            org = _body_after_title(doc, words[-1].i + 1, org_ends)
            rule = "title_comma_body" if org is not None else rule
        if org is None:
            org = _org_in_leading_clause(doc, words, org_ends, sent) if direction < 0 else None
            rule = "leading_clause" if org is not None else rule
            if org is None and (org := _org_in_relative_clause(doc, person, org_ends, sent)) is not None:
                rule = "who_clause"
        country = next((COUNTRIES[t.text] for t in words if t.text in COUNTRIES), None)
        text = "".join(t.text_with_ws for t in words).strip(" ,")
        if org is not None and words[0].i < org <= words[-1].i:
            text = _title_before_org(doc, words[0].i, org) or text
        if text:
            info = TitleInfo(text[0].upper() + text[1:], org, country, sent.text.strip(), rule)
            if org is not None or direction > 0:
                return info if org is not None or fallback is None else fallback
            fallback = info  # "said coordinator NAME, professor, X University": the body may follow the name
    return fallback


def _before_a_coordinated_name(words: list[Token]) -> list[Token]:
    """'heads of state A and B': before B, the shared title ends where A's name starts. A plural title is
    both people's; a singular one ("Minister of Culture A and B") is only A's, so B gets none from it."""
    if not words or words[-1].lower_ not in ("and", ","):
        return words
    start = next((i for i, t in enumerate(words) if t.ent_type_ == "PERSON"), None)
    if start is None:  # the model may tag A as something else: A is the run of proper nouns before "and"
        start = len(words) - 1
        while start > 0 and (words[start - 1].pos_ == "PROPN" or words[start - 1].text in ("-", "'", "’", ".")):
            start -= 1
    shared = words[:start]
    return shared if any(t.tag_ in ("NNS", "NNPS") for t in shared) else []


def _role_of(doc: Doc, person: PersonRef, sent: Span, others: list[int]) -> tuple[str, str] | None:
    """The role a sentence gives a person, from its verbs and nouns; `others`: where other people start."""
    head = doc[person.end - 1]
    before = doc[max(sent.start, person.start - 12) : person.start]
    words_before = [t.lower_ for t in before]
    for i, tok in enumerate(before):
        if tok.lower_ == "by" and i > 0 and before[i - 1].lemma_ in ROLE_VERBS and not _of_a_group(before[i - 1]):
            between = before[i + 1 :]
            # "moderated by a Culture Minister adviser, NAME": only a title may stand between
            if not any(o < person.start and o > tok.i for o in others) and all(
                t.pos_ in _TITLE_POS or t.text in (",", "and") or is_title_word(t) for t in between
            ):
                by_verb = before[i - 1]
                led = [c for c in by_verb.children if c.dep_ == "nsubjpass"]
                led += [by_verb.head] if by_verb.dep_ == "acl" else []
                if by_verb.lemma_ == "lead" and any(t.lemma_.lower() == "delegation" for t in led):
                    return "attendee", "by_role_verb"  # "the delegation is led by X": one of the delegation
                return ROLE_VERBS[by_verb.lemma_], "by_role_verb"
    if "moderator" in words_before[-3:]:
        return "moderator", "moderator_noun"
    trainer_at = [t.i for t in doc[max(sent.start, person.start - 14) : person.start] if t.lower_ == "trainer"]
    if trainer_at and not any(trainer_at[-1] < o < person.start for o in others):
        return "trainer", "trainer_noun"
    if any(t.lower_ in _PRESENT_NOUNS and doc[t.i + 1].lower_ == "from" for t in doc[sent.start : person.start]):
        return "presenter", "presentations_from"  # "it featured presentations from A, B and C"
    verb = _governing_verb(head)
    if verb is not None and (role := _verb_class(verb)):
        return role, "verb_of_name"
    if role := _subject_role(doc, person, sent):
        return role, "sentence_subject"
    if any(t.lemma_ in ("perform",) for t in sent) and "including" in [t.lower_ for t in sent]:
        return "performer", "performers_including"
    if "speaking" in words_before[-12:] or any(
        t.lower_ == "speaking" for t in doc[person.end : min(sent.end, person.end + 3)]
    ):
        return "speaker", "speaking"
    return None


def _of_a_group(verb: Token) -> bool:
    """'the Jury, chaired by X': the verb says how a group is led, not how the event is (rule agent_of_passive)."""
    return verb.dep_ == "acl" and verb.head.lower_ in role_words().role_nouns


def _verb_class(verb: Token) -> str | None:
    """The role a verb gives the name it governs."""
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
    return None


def _subject_role(doc: Doc, person: PersonRef, sent: Span) -> str | None:
    """'A and art critic B talked about X', 'Key figures, including A, participated': the main verb's role
    for everyone named before it, however the parser attached the names."""
    root = sent.root
    if person.end > root.i or any(t.pos_ == "VERB" and t.tag_ not in ("VBN", "VBG") for t in doc[person.end : root.i]):
        return None
    lemma = root.lemma_
    if lemma in ("participate", "attend", "join"):
        return "attendee"
    if lemma in ("perform", "sing", "play"):
        return "performer"
    if lemma in SPEECH_VERBS or lemma in ("speak", "talk"):
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


def participations(doc: Doc, people: list[PersonRef], events: EventsResult) -> list[tuple[str, str, str, str, str]]:
    """(event local id, person name, role, evidence, rule) for every person the text shows taking part."""
    out: list[tuple[str, str, str, str, str]] = []
    for sent in sentences(doc):
        focus = events.focus.get(sent.start)
        in_sent = [p for p in people if sent.start <= p.start < sent.end]
        text = sent.text.strip()  # built anew on every access
        for ev_id, ev in events.events.items():
            if ev.type == "meeting" and ev.evidence == text and ev.name.startswith("Meeting of "):
                for name in ev.name.removeprefix("Meeting of ").split(" and "):
                    out.append((ev_id, name, "attendee", ev.evidence, "meeting_party"))
            if ev.type == "visit" and ev.evidence == text:
                out.append((ev_id, ev.name.split("'s visit")[0], "attendee", ev.evidence, "visitor"))
        if focus is None:
            continue
        for person in in_sent:
            found = _role_of(doc, person, sent, [p.start for p in in_sent if p is not person])
            if found and found[0] == "moderator" and events.events[focus].type == "training":
                found = ("trainer", found[1])  # "the course was led by X": who leads a training trains
            if found:
                out.append((focus, person.name, found[0], sent.text.strip(), found[1]))
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for row in out:
        if row[:3] not in seen:
            seen.add(row[:3])
            unique.append(row)
    return unique
