"""Find people's names: the model's PERSON spans, cleaned and completed by title context."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from etl.lexicon import COUNTRIES, HONORIFICS, MONTHS, ORG_HEADS, SPEECH_VERBS
from etl.spans import (
    QUOTE_CHARS,
    in_quotes,
    is_cap,
    is_event_head,
    is_org_head,
    is_title_word,
    lower,
    name_runs,
    overlaps,
)

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


def _name_token(tok: Token) -> bool:
    """A token that can be part of a person's name."""
    text = lower(tok)
    if not is_cap(tok) or tok.text in QUOTE_CHARS or tok.like_num:
        return False
    if text in ORG_HEADS or is_title_word(tok) or is_event_head(tok) or text in MONTHS:
        return False
    if tok.text in COUNTRIES or tok.text.removesuffix("’s").removesuffix("'s") in COUNTRIES:
        return False
    return not (tok.text.isupper() and len(tok.text) > 1 and not _INITIAL.match(tok.text))


def _clean(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Trim titles, honorifics and possessives; extend over name tokens the model left out."""
    while start < end and (lower(doc[start]) in HONORIFICS or not _name_token(doc[start])):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    if end <= start or any(not _name_token(t) and not _INITIAL.match(t.text) for t in doc[start:end]):
        return None
    # extend left over capitalised name words ("Funda" + "Demir Şen") unless a connector precedes
    while (
        start > 0
        and end - start < 4
        and _name_token(doc[start - 1])
        and lower(doc[start - 1]) not in HONORIFICS
        and doc[start - 1].pos_ == "PROPN"
        and (start - 1 == 0 or doc[start - 2].lower_ not in ("of", "the", "to", "for", "and", "'s", "’s"))
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
    if end < len(doc) and is_org_head(doc[end]):
        return None  # "Anna Berzina Centre" names a body, not a person
    tokens = doc[start:end]
    if len(tokens) < 2 and not _INITIAL.match(tokens[0].text):
        return None
    if sum(1 for t in tokens if not _INITIAL.match(t.text)) < 2 and len(tokens) < 2:
        return None
    return start, end


def _title_context(doc: Doc, start: int, end: int) -> bool:
    """A title word or body shortly before the name, ', <title>' after it, or a speech verb next."""
    sent_start = doc[start].sent.start
    before = [t for t in doc[max(sent_start, start - 8) : start] if not t.is_punct]
    if any(is_title_word(t) or is_org_head(t) for t in before):
        return True
    after = doc[end : min(len(doc), end + 4)]
    if len(after) >= 2 and after[0].text == "," and any(is_title_word(t) for t in after[1:]):
        return True
    return bool(after and after[0].pos_ == "VERB" and after[0].lemma_ in SPEECH_VERBS)


def find_people(doc: Doc) -> list[PersonSpan]:
    """Every full person name (two or more words) in the doc."""
    quoted = in_quotes(doc)
    found: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            cleaned = _clean(doc, ent.start, ent.end)
            if cleaned:
                found.append(cleaned)
    for sent in doc.sents:
        for run in name_runs(sent):
            found.extend(_names_in_run(run))
    kept: list[tuple[int, int]] = []
    for rng in sorted(set(found), key=lambda r: (-(r[1] - r[0]), r[0])):
        if any(overlaps(rng, k) for k in kept) or any(overlaps(rng, q) for q in quoted):
            continue
        kept.append(rng)
    return [PersonSpan(s, e, _name_text(doc[s:e])) for s, e in sorted(kept)]


def _continues_a_name(doc: Doc, end: int) -> bool:
    """The words after `end` carry on a body's or event's name ('... and Heritage Foundation')."""
    if end >= len(doc):
        return False
    nxt = doc[end]
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
    """A headline written in title case: no closing stop and nearly every word capitalised."""
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
        if prev is not None and prev.lower_ in ("of", "the", "for", "to", "and", "&"):
            start = i + 1  # "Minister of Culture Ilze Ozola": the first word closes the title
        # a title-case headline capitalises common words ("Council to Review Annual Reports"): there only
        # the model's own PERSON reading makes a name
        headline_words = title_case and start < j and doc[start].ent_type_ != "PERSON"
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
    for tok in doc:
        if not is_cap(tok) or any(overlaps((tok.i, tok.i + 1), t) for t in taken):
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
