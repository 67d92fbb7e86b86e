"""Long articles in pieces: parse and extract each piece, then one Extraction with offsets into the whole body.

spaCy refuses texts over `nlp.max_length` (error E088), and the extraction's time grows faster than the
length of a text and of its longest sentence. Cutting a long body at paragraph and sentence ends into
pieces of at most PIECE_CHARS, and any run without a sentence end at RUN_CHARS, keeps the time
proportional to the length. An article shorter than PIECE_CHARS without such a run is one piece: it is
parsed and extracted exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language

from etl.extraction.article import extract_article
from etl.records import Article, Extraction

PIECE_CHARS = 30_000  # every real article so far is under 25 kB, so it stays whole
RUN_CHARS = 3_000  # a "sentence" longer than this is not prose (a table, a dump): cut at a space

# A piece may end after newlines or after a sentence end and the spaces that follow it.
_BREAK = re.compile(r"\n+|[.!?…][\"'”’)\]]*\s+")


def split_text(text: str, piece_chars: int | None = None, run_chars: int | None = None) -> list[str]:
    """Consecutive pieces of `text` (joined they give `text` back), each at most `piece_chars` long."""
    piece_chars = piece_chars or PIECE_CHARS
    run_chars = min(run_chars or RUN_CHARS, piece_chars)
    units: list[tuple[str, bool]] = []  # (text, ends mid-sentence: the piece must end there)
    start = 0
    for cut in [m.end() for m in _BREAK.finditer(text)] + [len(text)]:
        while cut - start > run_chars:
            space = text.rfind(" ", start + 1, start + run_chars)
            end = space + 1 if space > start else start + run_chars
            units.append((text[start:end], True))
            start = end
        if cut > start:
            units.append((text[start:cut], False))
            start = cut
    pieces: list[str] = []
    current = ""
    for unit, hard in units:
        if current and len(current) + len(unit) > piece_chars:
            pieces.append(current)
            current = ""
        current += unit
        if hard:
            pieces.append(current)
            current = ""
    if current or not pieces:
        pieces.append(current)
    return pieces


def extract_articles(articles: Iterable[Article], nlp: Language, batch_size: int = 16) -> Iterator[Extraction]:
    """Parse every article (in pieces where long) in one stream and yield one Extraction per article, in order."""
    size = min(PIECE_CHARS, nlp.max_length)
    plans = [(article, split_text(article.body, size)) for article in articles]
    docs = nlp.pipe((piece for _, pieces in plans for piece in pieces), batch_size=batch_size)
    for article, pieces in plans:
        if len(pieces) == 1:
            yield extract_article(next(docs), article)
            continue
        parts, offset = [], 0
        for piece in pieces:
            parts.append((offset, extract_article(next(docs), replace(article, body=piece))))
            offset += len(piece)
        yield merge(article, parts)


def merge(article: Article, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One article's Extraction from its pieces' (offset, Extraction): offsets shifted, same local ids joined."""
    out = Extraction(article)
    seen_roles: set[tuple[str, str, str]] = set()
    for offset, ex in parts:
        for key, person in ex.people.items():
            kept = out.people.setdefault(key, person)
            if kept is not person:
                kept.aliases |= person.aliases
                kept.country = kept.country or person.country
                if kept.org_local_id is None and person.org_local_id is not None:
                    kept.org_local_id, kept.title = person.org_local_id, person.title
                    kept.evidence, kept.affiliation_rule = person.evidence, person.affiliation_rule
        for key, org in ex.orgs.items():
            out.orgs.setdefault(key, org).aliases |= org.aliases
        out.mentions += [
            replace(m, start_char=m.start_char + offset, end_char=m.end_char + offset) for m in ex.mentions
        ]
        for key, event in ex.events.items():
            out.events.setdefault(key, replace(event, start_char=event.start_char + offset))
        for pa in ex.participations:
            role = (pa.event_local_id, pa.person_local_id, pa.role)
            if role not in seen_roles:
                seen_roles.add(role)
                out.participations.append(pa)
        out.figures += [replace(f, start_char=f.start_char + offset, end_char=f.end_char + offset) for f in ex.figures]
    return out
