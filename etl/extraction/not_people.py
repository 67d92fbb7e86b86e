"""Names that read like people's but that the sentence shows are groups, works or places.

Rule `named_group_or_work`: a name in apposition to a group or a work noun ("the festival's first
hip-hop group, My Dad Bruce", "the Iranian film, Dark Knight", "the band X") names that group or work.
A name right after 'the' ("the Hot Licks", "Vice President of the Bangladesh X Sangha") names a body or a
group: people's names take no article (a title or an adjective stands between: "the Italian Paolo
Sorrentino"). A name after 'at' is where something happens ("organised by the X Theatre at Punjab
Natshala"), unless a verb aims at someone ("smiled at X"). A name made of a common noun the story writes
in lower case and a place it names ("Marimba Dunedin" in a story of marimba concerts in Dunedin) is an
ensemble or a body.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from etl.extraction.lexicon import COUNTRIES
from etl.extraction.spans import tokens

# Nouns for a performing group; a name in apposition to one is a group (an organisation), not a person.
GROUP_NOUNS = frozenset(
    {"group", "band", "ensemble", "orchestra", "choir", "duo", "trio", "quartet", "quintet", "troupe", "collective"}
)
# Nouns for a work; a name in apposition to one is its title.
WORK_NOUNS = frozenset(
    {
        "film",
        "movie",
        "documentary",
        "play",
        "novel",
        "book",
        "album",
        "song",
        "single",
        "opera",
        "ballet",
        "painting",
        "series",
        "poem",
        "story",
        "track",
        "record",
        "show",
        "musical",
        "short",
    }
)
# Verbs that aim 'at' someone: after them a name is a person's.
_AIMED_AT = frozenset({"look", "smile", "aim", "point", "glance", "stare", "laugh", "shout", "wave", "direct", "fire"})


def _root(doc: Doc, start: int, end: int) -> Token:
    """The token of the span whose head lies outside it."""
    return next((t for t in doc[start:end] if not start <= t.head.i < end), doc[end - 1])


def named_kind(doc: Doc, start: int, end: int) -> str | None:
    """'group' or 'work' when the span is in apposition to such a noun, else None."""
    root = _root(doc, start, end)
    nouns = [root.head] if root.dep_ == "appos" else []
    # "the film Dark Knight"; not "curator of French paintings Mary Morton", a plural the parse hangs on a name
    nouns += [c for c in root.children if c.dep_ in ("appos", "compound") and c.i < start and c.tag_ != "NNS"]
    for noun in nouns:
        lemma = noun.lemma_.lower()
        if noun.pos_ == "NOUN" and lemma in GROUP_NOUNS:
            return "group"
        if noun.pos_ == "NOUN" and lemma in WORK_NOUNS:
            return "work"
    return None


def _after_article(doc: Doc, start: int) -> bool:
    """'the Hot Licks', 'of the Bangladesh X Sangha': a name right after 'the', or after 'of the' and a
    country word the name cleaner left out ('the Italian Paolo Sorrentino' is a person)."""
    if start > 0 and doc[start - 1].lower_ == "the":
        return True
    i = start - 1
    while i >= 0 and (doc[i].text in COUNTRIES or doc[i].ent_type_ in ("GPE", "NORP")):
        i -= 1
    return i < start - 1 and i >= 1 and doc[i].lower_ == "the" and doc[i - 1].lower_ == "of"


def _body_of_a_person(doc: Doc, start: int) -> bool:
    """'Budi S. Putra of Gamelan Padhang Moncar': a name right after another name and 'of' is their body."""
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].pos_ == "PROPN" and doc[start - 2].is_title


def _a_venue(doc: Doc, start: int, end: int) -> bool:
    """'at Punjab Natshala': the place an event is held, unless the verb aims at someone or it is 'X's'."""
    if start == 0 or doc[start - 1].lower_ != "at":
        return False
    if end < len(doc) and doc[end].lower_ in ("'s", "’s"):
        return False
    at = doc[start - 1]
    return not (at.head.pos_ == "VERB" and at.head.lemma_.lower() in _AIMED_AT)


def _article_words(doc: Doc) -> tuple[frozenset[str], frozenset[str]]:
    """(common nouns written in lower case, words of place names) of the whole article, computed once."""
    cached = doc.user_data.get("not_people_words")
    if cached is None:
        # "a marimba concert": the tagger reads a noun modifier as an adjective now and then
        nouns = frozenset(
            t.lower_
            for t in tokens(doc)  # the doc's token list, built once: iterating the doc again costs a fifth as much
            if t.text.islower() and (t.pos_ == "NOUN" or (t.pos_ == "ADJ" and t.dep_ == "amod"))
        )
        places = frozenset(t.text for e in doc.ents if e.label_ in ("GPE", "LOC") for t in e)
        cached = doc.user_data["not_people_words"] = (nouns, places)
    return cached


def _a_thing_and_a_place(doc: Doc, start: int, end: int) -> bool:
    """'Marimba Dunedin' in a story about 'a marimba concert' in 'Dunedin': an ensemble or body named
    after what it does and where, not a person. Both must hold: the first word is a common noun the story
    writes in lower case, and the last word is a place the story names."""
    if end - start < 2:
        return False
    nouns, places = _article_words(doc)
    last = doc[end - 1].text
    return doc[start].lower_ in nouns and (last in places or last in COUNTRIES)


_PRIZE_WORDS = frozenset({"prize", "prizes", "award", "awards", "medal", "medals", "trophy", "cup"})


def _names_a_prize(doc: Doc, end: int) -> bool:
    """'the 2024 Harbour Book Prize', 'the Nobel Prize': a name the prize word closes is the prize's."""
    return end < len(doc) and doc[end].text[:1].isupper() and doc[end].lower_ in _PRIZE_WORDS


def not_a_person(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at [start, end) is a group, a work, a body or a venue by its place in the sentence."""
    return (
        named_kind(doc, start, end) is not None
        or _after_article(doc, start)
        or _a_venue(doc, start, end)
        or _body_of_a_person(doc, start)
        or _a_thing_and_a_place(doc, start, end)
        or _names_a_prize(doc, end)
    )
