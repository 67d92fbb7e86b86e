"""Find people's names: the model's PERSON spans, cleaned and completed by title context."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from etl.extraction.lexicon import (
    COUNTRIES,
    HONORIFICS,
    MONTHS,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    ORG_HEADS,
    SPEECH_VERBS,
)
from etl.extraction.not_people import not_a_person
from etl.extraction.spans import (
    QUOTE_CHARS,
    entities,
    entity_at,
    in_quotes,
    is_cap,
    is_event_head,
    is_org_head,
    is_title_word,
    lower,
    name_runs,
    overlaps,
    sentences,
    tokens,
)
from etl.extraction.stage_names import stage_names

_INITIAL = re.compile(r"^[A-ZÇŞÖÜİƏĞ]\.$")


@dataclass
class PersonSpan:
    """A person named at tokens [start, end) of the doc."""

    start: int
    end: int
    name: str

    @property
    def span(self) -> tuple[int, int]:
        """The token range."""
        return (self.start, self.end)


def _particle(doc: Doc, i: int) -> bool:
    """'bin', 'al', 'de' between two capitalised name words ('Omar bin Saif al Harthy', 'Jean de Marsan')."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text in NAME_PARTICLES
        and is_cap(doc[i - 1])
        and (is_cap(doc[i + 1]) or doc[i + 1].text in NAME_PARTICLES)
    )


_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})


def _suffix_end(doc: Doc, end: int) -> int:
    """'Lev Orlov, Jr.', 'John Smith Jr.': a generational suffix belongs to the name."""
    if end < len(doc) and doc[end].text in _SUFFIXES:
        return end + 1
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text in _SUFFIXES:
        return end + 2
    return end


def _month_as_name(tok: Token) -> bool:
    """'Fionnuala May': a month word the model reads inside a person's name, with no day number beside it."""
    doc = tok.doc
    near = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    return tok.ent_type_ == "PERSON" and not any(t.like_num for t in near)


def _joined_hyphen(tok: Token, capital_after: bool = True) -> bool:
    """The hyphen of a double name written without spaces ('El-Anany'; 'Seung-yoon' when not capital_after)."""
    doc = tok.doc
    return (
        tok.text == "-"
        and 0 < tok.i < len(doc) - 1
        and not tok.whitespace_
        and not doc[tok.i - 1].whitespace_
        and (is_cap(doc[tok.i + 1]) or not capital_after)
    )


def _name_token(tok: Token) -> bool:
    """A token that can be part of a person's name."""
    text = lower(tok)
    if not is_cap(tok) or tok.text in QUOTE_CHARS or tok.like_num:
        return False
    if text in ORG_HEADS or is_title_word(tok) or is_event_head(tok) or (text in MONTHS and not _month_as_name(tok)):
        return False
    if text in NOT_NAME_WORDS:
        return False  # "Caine Prize", "Bronze Age"
    if tok.text in COUNTRIES or tok.text.removesuffix("’s").removesuffix("'s") in COUNTRIES:
        return False
    return not (tok.text.isupper() and len(tok.text) > 1 and not _INITIAL.match(tok.text))


def _surname_before_given_name(doc: Doc, start: int, end: int) -> bool:
    """'Park Yang-woo', 'Choi Seung-yoon': a two-word PERSON whose given name ends in a lower-case hyphen half;
    the surname may be a common word ('Park') and still opens the name."""
    tail = end + 1 < len(doc) and _joined_hyphen(doc[end], capital_after=False) and doc[end + 1].is_lower
    return tail and end - start == 2 and doc[start].ent_type_ == "PERSON" and is_cap(doc[start])


def _clean(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Trim titles, honorifics and possessives; extend over name tokens the model left out."""
    surname = start if _surname_before_given_name(doc, start, end) else -1
    while start < end and start != surname and (lower(doc[start]) in HONORIFICS or not _name_token(doc[start])):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    if end - start > 3 and _joined_hyphen(doc[end - 2], capital_after=False) and doc[end - 1].is_lower:
        end -= 2  # "Seung-yoon": the lower-case half is added back once the name is checked
    if end <= start or any(
        not _name_token(t)
        and not _INITIAL.match(t.text)
        and not _joined_hyphen(t)
        and t.i != surname
        and not _particle(doc, t.i)
        for t in doc[start:end]
    ):
        return None
    while start < end - 1 and doc[start].text in NAME_PARTICLES:
        start += 1  # a name never starts on a particle
    while end - start > 2 and doc[start].tag_ == "NNPS":
        start += 1  # "Former Idols Ana Berg": a plural before the name is what they are
    # "bin Saif al Harthy" read by the model without its first word: back over the particle to it
    while start > 1 and _particle(doc, start - 1) and _name_token(doc[start - 2]) and doc[start - 2].pos_ == "PROPN":
        start -= 2
        while start > 0 and _name_token(doc[start - 1]) and doc[start - 1].pos_ == "PROPN" and end - start < 4:
            start -= 1
    # extend left over capitalised name words ("Funda" + "Demir Şen") unless a connector precedes, or the
    # parse hangs the word on the name itself ("..., and Rana Saif El Din")
    while (
        start > 0
        and end - start < 4
        and _name_token(doc[start - 1])
        and lower(doc[start - 1]) not in HONORIFICS
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].tag_ != "NNPS"
        and (
            start - 1 == 0
            or doc[start - 2].lower_ not in ("of", "the", "to", "for", "and", "'s", "’s")
            or (doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i < end)
        )
        and not doc[start - 1].is_sent_start
    ):
        start -= 1
    if (
        start > 0
        and doc[start - 1].is_sent_start
        and _name_token(doc[start - 1])
        and doc[start - 1].pos_ == "PROPN"
        and lower(doc[start - 1]) not in HONORIFICS
    ):
        start -= 1
    while end < len(doc) and end - start < 4 and _name_token(doc[end]) and doc[end].pos_ == "PROPN":
        end += 1
    end = _suffix_end(doc, end)
    if end < len(doc) and is_org_head(doc[end]):
        return None  # "Anna Berzina Centre" names a body, not a person
    start = _after_place(doc, start, end)
    tokens = doc[start:end]
    if len(tokens) < 2 and not _INITIAL.match(tokens[0].text):
        return None
    if sum(1 for t in tokens if not _INITIAL.match(t.text)) < 2 and len(tokens) < 2:
        return None
    return start, end


_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})


def _after_place(doc: Doc, start: int, end: int) -> int:
    """'New Zealand Tantowi Yahya': skip a place the model marks at the front of a longer name."""
    ent = entity_at(doc, start)
    if ent is not None and ent.label_ in _PLACE_LABELS and end - ent.end >= 2 and not _particle(doc, ent.end):
        return ent.end  # not "Khalid bin Nasser": a given name the model reads as a place, then a particle
    return start


def _title_context(doc: Doc, start: int, end: int) -> bool:
    """A title word or body shortly before the name, ', <title>' after it, or the subject of a speech verb."""
    sent_start = doc[start].sent.start
    before = [t for t in doc[max(sent_start, start - 8) : start] if not t.is_punct]
    if any(is_title_word(t) or is_org_head(t) for t in before):
        return True
    after = doc[end : min(len(doc), end + 7)]
    clause = list(after[1 : next((i for i, t in enumerate(after) if i and t.text == ","), len(after))])
    if len(after) >= 2 and after[0].text == "," and any(is_title_word(t) for t in clause):
        return True  # "M. Sivakumar, District Central Library officer, said"
    if after and after[0].lower_ == "of" and _of_a_body(doc, end + 1):
        return True  # "led by Agam Jaya of the Al-Ameen Islamic Center"
    if after and after[0].pos_ == "VERB" and after[0].lemma_ in SPEECH_VERBS:
        return True
    root = max(doc[start:end], key=lambda t: t.i if t.head.i not in range(start, end) else -1)
    return root.dep_ == "nsubj" and root.head.lemma_ in SPEECH_VERBS and doc[start].ent_type_ not in ("ORG", "GPE")


def find_people(doc: Doc) -> list[PersonSpan]:
    """Every full person name (two or more words) in the doc."""
    quoted = in_quotes(doc)
    found: list[tuple[int, int]] = []
    for ent in entities(doc):
        if ent.label_ == "PERSON":
            cleaned = _clean(doc, ent.start, ent.end)
            if cleaned:
                found.append(cleaned)
    for sent in sentences(doc):
        for run in name_runs(sent):
            found.extend(_names_in_run(run))
    places = _place_names(doc)
    kept: list[tuple[int, int]] = []
    for rng in sorted(set(found), key=lambda r: (-(r[1] - r[0]), r[0])):
        if any(overlaps(rng, k) for k in kept) or any(overlaps(rng, q) for q in quoted):
            continue
        if _name_text(doc[rng[0] : rng[1]]) in places:
            continue
        kept.append(rng)
    kept += [r for r in _glued_initials(doc) if not any(overlaps(r, k) for k in kept)]
    kept += _listed_with(doc, kept, quoted)
    known = {w.lower() for s, e in kept for w in _name_text(doc[s:e]).split()}
    kept += stage_names(doc, kept + quoted, known)
    kept = [(s, _hyphen_tail(doc, e)) for s, e in kept if not not_a_person(doc, s, e)]
    spans = [PersonSpan(s, e, _name_text(doc[s:e])) for s, e in sorted(kept)]
    full = [p.name.split() for p in spans]
    # "Al Harthy" after "Mona Al Harthy": a later, shorter mention, which short_forms ties to the full name
    return [p for p in spans if not any(_ends_name(p.name.split(), words) for words in full)]


_GLUED_INITIAL = re.compile(r"^[A-Z]\.[A-Z][a-z]{2,}$")


def _glued_initials(doc: Doc) -> list[tuple[int, int]]:
    """'Deputy Prime Minister B.Batbold': an initial glued to a surname, as Mongolian news writes names,
    after a title word."""
    return [
        (t.i, t.i + 1)
        for t in tokens(doc)
        if _GLUED_INITIAL.match(t.text) and any(is_title_word(b) for b in doc[max(0, t.i - 3) : t.i])
    ]


def _ends_name(words: list[str], full: list[str]) -> bool:
    """Whether `words` (two or more) are the last words of the longer name `full`."""
    return 2 <= len(words) < len(full) and full[-len(words) :] == words


def _hyphen_tail(doc: Doc, end: int) -> int:
    """'Choi Seung-yoon', 'Park Yang-woo': a given name's lower-case second half, joined by a hyphen."""
    lower_half = end + 1 < len(doc) and doc[end + 1].is_alpha and doc[end + 1].is_lower
    if lower_half and _joined_hyphen(doc[end], capital_after=False):
        return end + 2
    return end


def _place_names(doc: Doc) -> set[str]:
    """Names the story uses as places: marked a place by the model where used as one, or listed among places.

    The model reads a place as a person now and then ("Tamil Nadu", "Andhra Pradesh"); the story
    itself settles it elsewhere ("in New Zealand", "Karnataka, Kerala, Tamil Nadu and ...", "the Tamil
    Nadu government").
    """
    located = {e.text for e in entities(doc) if e.label_ in ("GPE", "LOC") and _located(e)}
    persons = [e for e in entities(doc) if e.label_ == "PERSON"]
    return (located - {e.text for e in persons}) | {e.text for e in persons if _used_as_place(e)}


def _located(ent: Span) -> bool:
    """A place mention used as a place: 'in Addis Ababa', 'Wellington, New Zealand', 'the UK and Central Asia'."""
    doc = ent.doc
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if prev is not None and prev.lower_ == "the" and ent.start > 1:
        prev = doc[ent.start - 2]
    if prev is None:
        return False
    if prev.pos_ == "ADP" or (prev.text == "," and ent.start > 1 and doc[ent.start - 2].ent_type_ in ("GPE", "LOC")):
        return True
    return ent.root.dep_ == "conj" and ent.root.head.ent_type_ in ("GPE", "LOC")


def _used_as_place(ent: Span) -> bool:
    """'the Tamil Nadu government', 'Karnataka, Kerala, Tamil Nadu and Telangana': a 'person' used as a place."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].lower_ in _PLACE_HEADS:
        return True
    root = ent.root
    listed = [t for t in (*root.children, root.head) if t.dep_ == "conj" or (root.dep_ == "conj" and t is root.head)]
    listed = [t for t in listed if t.i not in range(ent.start, ent.end) and t.pos_ == "PROPN"]
    return len(listed) >= 2 and all(t.ent_type_ in ("GPE", "LOC") for t in listed)


_PLACE_HEADS = frozenset({"government", "state", "province", "region", "district", "capital", "authorities"})


def _listed_with(doc: Doc, kept: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'hosts Mini Mathur and Hussain Kuwajerwala': a two-to-four-word name joined by 'and' to a person."""
    out: list[tuple[int, int]] = []
    heads = {doc[s:e].root.i for s, e in kept}
    for tok in doc:
        if tok.dep_ not in ("conj", "appos") or tok.head.i not in heads or tok.pos_ != "PROPN":
            continue
        start = min(c.i for c in tok.subtree if c.i <= tok.i and c.dep_ in ("compound", "flat") or c.i == tok.i)
        rng = (start, tok.i + 1)
        names = doc[rng[0] : rng[1]]
        if not 2 <= len(names) <= 4 or not all(_name_token(t) for t in names):
            continue
        if any(overlaps(rng, k) for k in kept + out) or any(overlaps(rng, q) for q in quoted):
            continue
        in_a_list_of_people = tok.head.dep_ == "conj" and tok.head.head.i in heads  # "A, B, and C": two before it
        if (
            names[0].ent_type_ in ("ORG", "FAC")
            and not any(c.dep_ == "conj" and c.i in heads for c in tok.children)
            and not in_a_list_of_people
        ):
            continue  # a body listed with a person, unless people stand on both sides of it or before it ("A, B, C")
        out.append(rng)
    return out


def _of_a_body(doc: Doc, start: int) -> bool:
    """A capitalised name with an organisation head starts at `start` ('the Al-Ameen Islamic Center')."""
    k = start + (start < len(doc) and doc[start].lower_ == "the")
    while k < len(doc) and (is_cap(doc[k]) or doc[k].text == "-") and k - start < 7:
        if is_org_head(doc[k]):
            return True
        k += 1
    return False


def _continues_a_name(doc: Doc, end: int) -> bool:
    """The words after `end` carry on a body's or event's name ('... and Heritage Foundation')."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    if nxt.lower_ == "of" and doc[end - 1].tag_ != "NNPS" and _of_a_body(doc, end + 1):
        return False  # "Agam Jaya of Al-Ameen Islamic Center": a person and the body they belong to
    if is_org_head(nxt) or is_event_head(nxt) or nxt.lower_ in ("of", "&", "-"):
        return True
    if nxt.lower_ != "and":
        return False
    k = end + 1
    while k < len(doc) and is_cap(doc[k]) and k - end < 6:
        if doc[k].text.endswith(("'s", "’s")) or doc[k].lower_ in ("'s", "’s"):
            return False
        if is_org_head(doc[k]) or is_event_head(doc[k]):
            return True
        k += 1
    return False


def _is_title_case_line(sent: Span) -> bool:
    """A headline written in title case: no closing stop and nearly every word capitalised (once per sentence)."""
    cache = sent.doc.user_data.setdefault("title_case_lines", {})
    if sent.start not in cache:
        cache[sent.start] = _title_case(sent)
    return cache[sent.start]


def _title_case(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    last = [t for t in sent if not t.is_space][-1:]
    if len(words) < 4 or (last and last[0].text in (".", "!", "?", '"', "”")):
        return False
    return sum(1 for t in words if t.text[0].isupper()) >= 0.8 * len(words)


def _names_in_run(run: Span) -> list[tuple[int, int]]:
    """Two to four name tokens in a capitalised run that sits in a title context."""
    doc = run.doc
    out = []
    title_case = _is_title_case_line(run.sent)
    i = run.start
    while i < run.end:
        if not (_name_token(doc[i]) and doc[i].pos_ == "PROPN") or lower(doc[i]) in HONORIFICS:
            i += 1
            continue
        j = i
        while j < run.end and (
            (_name_token(doc[j]) and doc[j].pos_ == "PROPN")
            or (doc[j].text == "-" and not doc[j].whitespace_ and not doc[j - 1].whitespace_)
        ):
            j += 1
        while j > i and doc[j - 1].text == "-":
            j -= 1  # "Vice-President": a hyphenated title prefix is not a name
        prev = doc[i - 1] if i > 0 else None
        start = i
        before_prev = doc[i - 2] if i > 1 else None
        closes_a_title = not (
            prev is not None
            and prev.lower_ == "of"
            and before_prev is not None
            and before_prev.pos_ == "NOUN"
            and not (is_title_word(before_prev) or is_org_head(before_prev))
        )  # "the voice of Cecile X": after a plain noun's "of", the name starts at once
        after_a_list = prev is not None and prev.lower_ == "and" and i > 1 and doc[i - 2].text == ","
        if (
            prev is not None
            and prev.lower_ in ("of", "the", "for", "to", "and", "&")
            and closes_a_title
            and not after_a_list
        ):
            start = i + 1  # "Minister of Culture Ilze Ozola": the first word closes the title
        while start < j and (lower(doc[start]) in HONORIFICS or (j - start > 2 and doc[start].tag_ == "NNPS")):
            start += 1  # "Minister of Culture Dr. X Y", "Former Idols X Y": what precedes the name is not it
        # a title-case headline capitalises common words ("Council to Review Annual Reports"): there only
        # the model's own PERSON reading makes a name
        headline_words = title_case and start < j and doc[start].ent_type_ != "PERSON"
        start = _after_place(doc, start, j)
        if (
            2 <= j - start <= 4
            and not headline_words
            and not _continues_a_name(doc, j)
            and _title_context(doc, start, j)
        ):
            out.append((start, j))
        i = j
    return out


def _name_text(span: Span) -> str:
    return "".join(t.text_with_ws for t in span if t.text not in ("'s", "’s")).strip()


def short_forms(doc: Doc, people: list[PersonSpan], taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Later mentions by initial, surname or first name ('A. Raimkulova', 'Balayeva', 'Mr. Ahmet').

    Returns (start, end, full name) for each short form that fits exactly one full name.
    """
    by_last: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    for p in people:
        words = p.name.split()
        by_last.setdefault(words[-1].lower(), set()).add(p.name)
        by_first.setdefault(words[0].lower(), set()).add(p.name)
    out = []
    taken_tokens = {i for start, end in taken for i in range(start, end)}
    for tok in doc:
        if tok.i in taken_tokens or not is_cap(tok):
            continue
        key = lower(tok).lower()
        prev = doc[tok.i - 1] if tok.i > 0 else None
        start = tok.i
        names = by_last.get(key, set())
        if prev is not None and _INITIAL.match(prev.text):
            names = {n for n in names if n[0] == prev.text[0]}
            start = prev.i
        elif prev is not None and lower(prev) in HONORIFICS:
            names = names | by_first.get(key, set())
            start = prev.i
        if len(names) == 1 and tok.pos_ == "PROPN":
            out.append((start, tok.i + 1, next(iter(names))))
    return out
