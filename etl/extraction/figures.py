"""Reported quantities: '5.44 billion people', '64.4%', 'more than three thousand companies'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from etl.extraction.lexicon import APPROX_CUES, CURRENCIES, MONTHS, NUMBER_WORDS, SCALE_WORDS, TIME_UNITS
from etl.extraction.spans import is_headline_stamp, sentences

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_HYPHEN_COUNT = re.compile(r"^(\w+)-(\w+)$")


@dataclass
class Figure:
    """A quantity found at characters [start_char, end_char) of the doc."""

    value: float
    unit: str
    subject: str | None
    text: str
    approx: bool
    start_char: int
    end_char: int
    sentence: Span


def parse_number(words: list[str]) -> float | None:
    """'3,000' -> 3000, 'three thousand' -> 3000, '5.44 billion' -> 5.44e9, 'seven' -> 7."""
    total = 0.0
    current: float | None = None
    for word in (w.lower() for w in words):
        if _DIGITS.match(word):
            current = float(word.replace(",", ""))
        elif word in NUMBER_WORDS:
            current = (current or 0) + NUMBER_WORDS[word] if word != "hundred" else (current or 1) * 100
        elif (compound := _compound_number(word)) is not None:
            current = (current or 0) + compound
        elif word in SCALE_WORDS and current is not None:
            total += current * SCALE_WORDS[word]
            current = None
        else:
            return None
    if current is not None:
        total += current
    return total if total or current == 0 else None


_YEAR_DETERMINERS = frozenset({"the", "this", "that", "its", "their", "'s", "’s"})


def _is_number_token(tok: Token) -> bool:
    return (
        bool(_DIGITS.match(tok.text))
        or tok.lower_ in NUMBER_WORDS
        or tok.lower_ in SCALE_WORDS
        or _compound_number(tok.lower_) is not None
    )


def _tens_hyphen(doc: Doc, j: int) -> bool:
    """The hyphen of 'Fifty-nine' when the tokenizer splits it: a tens word, '-', a units word."""
    if not (0 < j < len(doc) - 1 and doc[j].text == "-" and not doc[j].whitespace_):
        return False
    return _compound_number(f"{doc[j - 1].lower_}-{doc[j + 1].lower_}") is not None


def _compound_number(word: str) -> int | None:
    """'fifty-nine' -> 59: a tens word and a units word joined by a hyphen."""
    tens, _, units = word.partition("-")
    tens_value, units_value = NUMBER_WORDS.get(tens, 0), NUMBER_WORDS.get(units, 0)
    if units and tens_value % 10 == 0 and 20 <= tens_value <= 90 and 1 <= units_value <= 9:
        return tens_value + units_value
    return None


def _excluded(tok: Token, taken_names: list[tuple[int, int]]) -> bool:
    """Dates, years, times, ordinals, and numbers that are part of a name."""
    doc = tok.doc
    if any(s <= tok.i < e for s, e in taken_names):
        return True
    if tok.ent_type_ in ("DATE", "TIME", "ORDINAL") and not _followed_by_count_noun(tok):
        return True
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if prev is not None and (prev.lower_.rstrip(".") in MONTHS or prev.lower_ in ("no", "no.", "number", "nr")):
        return True
    if nxt is not None and nxt.lower_.rstrip(".") in MONTHS:
        return True
    if re.match(r"^(1[89]|20)\d{2}$", tok.text) and (
        not _followed_by_count_noun(tok) or (prev is not None and prev.lower_ in _YEAR_DETERMINERS)
    ):
        return True  # a year: "in 2019", "the 2014 judges"
    if tok.is_alpha and _refers_back(doc, tok.i):
        return True  # "the two sides", "the three ministers": the parties already named, not a reported count
    if tok.is_alpha and (_tens_hyphen(doc, tok.i - 1) or _tens_hyphen(doc, tok.i + 1)):
        return False  # "Fifty-nine": a number word, not a range such as "2022-2026"
    if (prev is not None and prev.text in ("-", "–") and not prev.whitespace_) or (
        nxt is not None and nxt.text in ("-", "–") and not tok.whitespace_ and doc[tok.i + 2].like_num
        if tok.i + 2 < len(doc)
        else False
    ):
        return True  # "2022-2026", "EXPO-2023"
    return tok.lower_ == "one"


_DEFINITE = frozenset({"the", "these", "those", "both", "its", "their"})


def _refers_back(doc: Doc, i: int) -> bool:
    """A small number word after a definite determiner ('the two sides', 'the first three components')."""
    if NUMBER_WORDS.get(doc[i].lower_, 99) > 10 or i == 0:
        return False
    prev = doc[i - 1]
    if prev.lower_ in ("first", "last") and i >= 2:
        prev = doc[i - 2]
    return prev.lower_ in _DEFINITE


def _followed_by_count_noun(tok: Token) -> bool:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in TIME_UNITS


def _approx(doc: Doc, start: int) -> tuple[bool, int]:
    before = doc[max(0, start - 3) : start].text.lower()
    for cue in APPROX_CUES:
        if before.endswith(cue):
            return True, start - len(cue.split())
    return False, start


def _unit_and_subject(doc: Doc, end: int, sent: Span) -> tuple[str | None, str | None, int]:
    """The counted noun after the number ('films'), the phrase it heads, and where the figure ends."""
    i = end
    if i < sent.end and doc[i].lower_ in ("%", "percent", "per"):
        stop = i + (2 if doc[i].lower_ == "per" else 1)
        subject = doc[stop : min(sent.end, stop + 6)].text if stop < sent.end and doc[stop].lower_ == "of" else None
        return "percent", subject.removeprefix("of ").strip(" ,.") if subject else None, stop
    while (
        i < sent.end
        and doc[i].pos_ in ("ADJ", "ADV")
        and doc[i].lower_ in ("more", "unique", "new", "local", "different", "foreign")
    ):
        i += 1
    j = i
    while j < sent.end and doc[j].pos_ in ("ADJ", "NOUN", "PROPN") and doc[j].tag_ not in ("NNS", "NNPS") and j - i < 3:
        j += 1
    if j < sent.end and doc[j].tag_ in ("NNS", "NNPS") and doc[j].pos_ == "NOUN":
        unit = doc[j].lower_
        if unit in TIME_UNITS:
            return None, None, end
        if i < j and doc[j - 1].lower_ in ("round", "panel") and unit in ("tables", "meetings", "sessions"):
            unit = f"{doc[j - 1].lower_} {unit}" if doc[j - 1].lower_ == "round" else "panels"
        phrase_end = j + 1
        while phrase_end < sent.end and doc[phrase_end].dep_ == "prep" and phrase_end - j < 8:
            sub = list(doc[phrase_end].subtree)
            phrase_end = sub[-1].i + 1
        return unit, doc[i:phrase_end].text, j + 1
    if i < sent.end and doc[i].lower_ in CURRENCIES:
        return CURRENCIES[doc[i].lower_], None, i + 1
    return None, None, end


def _number_of(doc: Doc, at: int, sent: Span) -> tuple[str | None, str | None]:
    """'The number of Internet users is estimated at 5.16 billion': the unit is what 'number of' counts."""
    for tok in doc[sent.start : at]:
        if tok.lemma_ != "number":
            continue
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if obj is not None and obj.tag_ in ("NNS", "NNPS") and obj.i < at:
            return obj.lower_, doc[obj.left_edge.i : obj.i + 1].text
    return None, None


def find_figures(doc: Doc, name_ranges: list[tuple[int, int]]) -> list[Figure]:
    """Every reported quantity in the doc, with its unit, approximation flag and subject."""
    found: list[Figure] = []
    for sent in sentences(doc):
        if not is_headline_stamp(sent.text):
            found.extend(_figures_in(doc, sent, name_ranges))
    return found


def _figures_in(doc: Doc, sent: Span, name_ranges: list[tuple[int, int]]) -> list[Figure]:
    """The reported quantities of one sentence."""
    found: list[Figure] = []
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        hyphen = _HYPHEN_COUNT.match(tok.text)
        if hyphen and hyphen[1].lower() in NUMBER_WORDS and tok.pos_ in ("ADJ", "NOUN"):
            unit = hyphen[2].lower()
            if unit not in TIME_UNITS and not unit.endswith(("year", "day", "month", "week")):
                found.append(
                    Figure(
                        float(NUMBER_WORDS[hyphen[1].lower()]),
                        unit + "s",
                        None,
                        tok.text,
                        False,
                        tok.idx,
                        tok.idx + len(tok.text),
                        sent,
                    )
                )
            i += 1
            continue
        if not _is_number_token(tok) or tok.lower_ in SCALE_WORDS or _excluded(tok, name_ranges):
            i += 1
            continue
        j = i
        while j < sent.end and (
            _is_number_token(doc[j])
            or (
                doc[j].lower_ == "and"
                and j + 1 < len(doc)
                and doc[j + 1].lower_ in NUMBER_WORDS
                and doc[j - 1].lower_ == "hundred"
            )
            or _tens_hyphen(doc, j)
        ):
            j += 1
        words = [t.text for t in doc[i:j] if t.lower_ != "and"]
        words = " ".join(words).replace(" - ", "-").split()  # "Fifty - nine" -> "Fifty-nine"
        value = parse_number(words)
        if value is None:
            i = j
            continue
        currency = doc[i - 1].text if i > 0 and doc[i - 1].text in CURRENCIES else None
        approx, start = _approx(doc, i if not currency else i - 1)
        unit, subject, end = _unit_and_subject(doc, j, sent)
        if currency:
            unit = CURRENCIES[currency]
        if tok.lower_ == "twice":
            unit = "times"
        if unit is None:
            unit, subject = _number_of(doc, i, sent)
        if unit is None:
            i = j
            continue
        span = doc[start:end]
        text = doc[start:j].text if unit != "percent" else doc[start:end].text
        found.append(Figure(value, unit, subject, text, approx, span.start_char, span.start_char + len(text), sent))
        i = max(j, end)
    return found
