"""Token-level helpers shared by the extractors: name runs, quotes, line-break sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from etl.extraction.lexicon import (
    COUNTRIES,
    EVENT_HEADS,
    HEADLINE_VERBS,
    MONTHS,
    NON_NAME_STARTERS,
    ORG_HEADS,
    TITLE_WORDS,
)

CONNECTORS = frozenset({"of", "and", "for", "the", "on", "&", "in", "de", "du", "la", "al", "van", "von", "'s", "’s"})
QUOTE_CHARS = '"“”«»„'
_HEADING_MAX_TOKENS = 40
_SENTENCE_END = frozenset({".", "?", "!", ":", ";", '"', "”", "»"})
_HEADLINE_STAMP = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}(\s+\d{1,2}:\d{2})?$")


@Language.component("line_break_sentences")
def line_break_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break; keep a short unpunctuated line (a heading) whole."""
    line_start = 0
    for token in doc:
        ends_line = "\n" in token.text or "\n" in token.whitespace_ or token.i == len(doc) - 1
        if not ends_line:
            continue
        if token.i + 1 < len(doc) and not doc[token.i + 1].is_space:
            doc[token.i + 1].is_sent_start = True
        _keep_heading_whole(doc[line_start : token.i + 1])
        line_start = token.i + 1
    _no_start_at_opening_quote(doc)
    return doc


def _no_start_at_opening_quote(doc: Doc) -> None:
    """'head of Turkey's “X Association”': a quote opening after a word, on the same line, continues the sentence."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        opening = token.text in ("“", "«", "„") and token.is_sent_start is not True
        if opening and "\n" not in prev.whitespace_ and not prev.is_space and prev.text not in _SENTENCE_END:
            token.is_sent_start = False


def _keep_heading_whole(line: Span) -> None:
    """A heading ('12.03.2024 10:15', 'Festival X opened in Y') is one sentence however the parser reads it."""
    words = [t for t in line if not t.is_space]
    if not words or len(words) > _HEADING_MAX_TOKENS or words[-1].text in _SENTENCE_END:
        return
    for token in words[1:]:
        token.is_sent_start = False


def is_cap(token: Token) -> bool:
    """A token that can be part of a proper name (capitalised word, acronym, 'artXchange')."""
    text = token.text
    if not text or token.is_punct or token.is_space:
        return False
    if text[0].isupper() or (text[0].isdigit() and any(c.isalpha() for c in text)):
        return True
    # brand names with an inner capital ("artXchange", "eCulture")
    return text[0].isalpha() and any(c.isupper() for c in text[1:]) and token.pos_ in ("PROPN", "NOUN", "X")


def lower(token: Token) -> str:
    """The token's lower-case text without a trailing possessive."""
    return token.lower_.removesuffix("'s").removesuffix("’s")


def is_org_head(token: Token) -> bool:
    """A capitalised organisation head noun ('Ministry', 'Museum') or an all-caps 'TV'."""
    return is_cap(token) and (lower(token) in ORG_HEADS or token.lemma_.lower() in ORG_HEADS)


def is_event_head(token: Token) -> bool:
    """A noun that names an event ('Forum', 'panel', 'Days')."""
    return lower(token) in EVENT_HEADS or token.lemma_.lower() in EVENT_HEADS


def is_title_word(token: Token) -> bool:
    """A word that makes a phrase a person's title ('director', 'Minister')."""
    text = lower(token)
    return text in TITLE_WORDS or token.lemma_.lower() in TITLE_WORDS


def is_country(text: str) -> bool:
    """A country name or demonym ('Italy', 'Italian')."""
    return text.strip() in COUNTRIES


def compound_start(tok: Token) -> int:
    """Where the name ending at `tok` starts: back over the compound words that modify it ('Amandeep' 'Hospital')."""
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i:
        start -= 1
    return start


def sentences(doc: Doc) -> tuple[Span, ...]:
    """The doc's sentences, built once per doc (`doc.sents` walks the whole doc on every access)."""
    cached = doc.user_data.get("sentences")
    if cached is None:
        cached = doc.user_data["sentences"] = tuple(doc.sents)
    return cached


def tokens(doc: Doc) -> tuple[Token, ...]:
    """The doc's tokens, built once per doc (each `for tok in doc` makes every Token object anew)."""
    cached = doc.user_data.get("tokens")
    if cached is None:
        cached = doc.user_data["tokens"] = tuple(doc)
    return cached


def entities(doc: Doc) -> tuple[Span, ...]:
    """The model's entities, built once per doc (`doc.ents` makes new spans on every access)."""
    cached = doc.user_data.get("entities")
    if cached is None:
        cached = doc.user_data["entities"] = tuple(doc.ents)
    return cached


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity covering token `i`, or None."""
    index = doc.user_data.get("entity_index")
    if index is None:
        index = doc.user_data["entity_index"] = {t: e for e in entities(doc) for t in range(e.start, e.end)}
    return index.get(i)


def in_quotes(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) of text between matching quotes, quotes excluded (computed once per doc)."""
    cached = doc.user_data.get("in_quotes")
    if cached is None:
        cached = doc.user_data["in_quotes"] = _quote_ranges(doc)
    return list(cached)


def _quote_ranges(doc: Doc) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    open_at: int | None = None
    for token in doc:
        if token.text in QUOTE_CHARS or token.text in ("''", "``"):
            closing = token.text in "”»" or (open_at is not None and token.text not in "“«„")
            if open_at is None and token.text not in "”»":
                open_at = token.i + 1
            elif open_at is not None and closing:
                if token.i > open_at:
                    ranges.append((open_at, token.i))
                open_at = None
        elif open_at is not None and ("\n" in token.text or token.i - open_at > 40):
            open_at = None  # an unbalanced quote: give up on it at the line end
    return ranges


def _run_breaker(tok: Token) -> bool:
    # title-case headlines capitalise verbs too: "Ministry Establishes Council"
    if tok.is_sent_start:
        return False
    return (tok.pos_ in ("VERB", "AUX") and tok.tag_ != "VBN") or tok.lower_ in HEADLINE_VERBS


def name_runs(sent: Span) -> list[Span]:
    """Maximal runs of capitalised tokens joined by name connectors ('of', 'and', '&', '-').

    People, bodies and events all read them, so each sentence's runs are found once per doc.
    """
    cache = sent.doc.user_data.setdefault("name_runs", {})
    key = (sent.start, sent.end)
    if key not in cache:
        cache[key] = list(_runs(sent))
    return list(cache[key])


def _runs(sent: Span) -> Iterator[Span]:
    doc = sent.doc
    i = sent.start
    while i < sent.end:
        if not is_cap(doc[i]) or doc[i].text in QUOTE_CHARS or _run_breaker(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < sent.end:
            tok = doc[j]
            if _run_breaker(tok):
                break
            if is_cap(tok) or (tok.text.isdigit() and lower(doc[j - 1]) not in MONTHS):
                j += 1
                continue
            joined = tok.text == "-" and not doc[j - 1].whitespace_ and not tok.whitespace_
            if (tok.lower_ in CONNECTORS or joined) and j + 1 < sent.end:
                k = j + 1
                # "State-of-the-Art": lower-case words joined by hyphens stay inside the name
                while k < sent.end and (
                    doc[k].lower_ in ("the", "of")
                    or (doc[k].text == "-" and not doc[k].whitespace_ and not doc[k - 1].whitespace_)
                ):
                    k += 1
                if k < sent.end and is_cap(doc[k]) and doc[k].text not in QUOTE_CHARS and lower(doc[k]) not in MONTHS:
                    j = k
                    continue
            break
        start = i
        while start < j and doc[start].lower_ in NON_NAME_STARTERS:
            start += 1
        if start < j:
            yield doc[start:j]
        i = j


def is_headline_stamp(text: str) -> bool:
    """A 'DD.MM.YYYY HH:MM' line that dates the headline after it."""
    return bool(_HEADLINE_STAMP.match(text.strip()))


def strip_the(span: Span) -> Span:
    """The span without a leading article and trailing punctuation or possessive."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].lower_ in ("'s", "’s", "the")):
        end -= 1
    return span.doc[start:end]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two half-open token ranges overlap."""
    return a[0] < b[1] and b[0] < a[1]
