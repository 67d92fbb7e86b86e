"""General vocabulary of cultural-sector news, from the data file `lexicon.yaml` beside this module.

These are words of the genre ("director", "agency", "forum", "moderated"), never names of particular
people, bodies or events. The file is read once, at import; each class keeps the name and type the
extractors use (sets of words as frozensets, word -> value classes as dicts).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from etl.extraction.words import WordClassError

LEXICON_FILE = Path(__file__).with_name("lexicon.yaml")
COUNTRIES_FILE = Path(__file__).with_name("countries.yaml")


def _load(path: Path = LEXICON_FILE) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise WordClassError(f"{path}: expected word classes as 'name: [words]' or 'name: {{word: value}}'")
    return data


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list):
        raise WordClassError(f"{LEXICON_FILE}: '{key}' must be a list of words, e.g. {key}: [forum, panel]")
    return frozenset(str(w) for w in value)


def _mapping(data: dict[str, Any], key: str, path: Path = LEXICON_FILE) -> dict:
    value = data.get(key)
    if not isinstance(value, dict):
        raise WordClassError(f"{path}: '{key}' must map words to values, e.g. {key}: {{word: value}}")
    return dict(value)


_DATA = _load()

ORG_HEADS = _words(_DATA, "org_heads")
HEADLINE_VERBS = _words(_DATA, "headline_verbs")
ACRONYM_PART_WORDS = _words(_DATA, "acronym_part_words")
MEDIUM_WORDS = _words(_DATA, "medium_words")
SUBUNIT_HEADS = _words(_DATA, "subunit_heads")
ORG_DESCRIPTORS = _words(_DATA, "org_descriptors")
EVENT_HEADS: dict[str, str] = _mapping(_DATA, "event_heads")
TITLE_WORDS = _words(_DATA, "title_words")
WEAK_TITLE_WORDS = _words(_DATA, "weak_title_words")
LEADING_TITLE_WORDS = _words(_DATA, "leading_title_words")
ORGANISING_VERBS = _words(_DATA, "organising_verbs")
HONORIFICS = _words(_DATA, "honorifics")
NAME_PARTICLES = _words(_DATA, "name_particles")
SPEECH_VERBS = _words(_DATA, "speech_verbs")
ROLE_VERBS: dict[str, str] = _mapping(_DATA, "role_verbs")
NON_NAME_STARTERS = _words(_DATA, "non_name_starters")
TIME_UNITS = _words(_DATA, "time_units")
NUMBER_WORDS: dict[str, int] = _mapping(_DATA, "number_words")
SCALE_WORDS: dict[str, float] = {k: float(v) for k, v in _mapping(_DATA, "scale_words").items()}
APPROX_CUES: tuple[str, ...] = tuple(str(c) for c in _DATA.get("approx_cues", []))  # in order: longer cues first
CURRENCIES: dict[str, str] = _mapping(_DATA, "currencies")
MONTHS: dict[str, int] = _mapping(_DATA, "months")
ORDINALS: dict[str, int] = _mapping(_DATA, "ordinals")
ORG_KINDS: dict[str, str] = _mapping(_DATA, "org_kinds")
NOT_NAME_WORDS = _words(_DATA, "not_name_words")
_PLACES = _load(COUNTRIES_FILE)
# country -> [names and demonyms] in the file; name -> country here
COUNTRIES: dict[str, str] = {
    str(name): str(country)
    for country, names in _mapping(_PLACES, "countries", COUNTRIES_FILE).items()
    for name in names
}
# country -> [large cities] in the file; city -> country here ("Lagos Theatre Festival" is in Nigeria)
CITIES: dict[str, str] = {
    str(name): str(country) for country, names in _mapping(_PLACES, "cities", COUNTRIES_FILE).items() for name in names
}


def place_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """One pattern for whole place names, longer first ('South Sudan' before 'Sudan'), possessive allowed."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?:['’]s)?(?![\w-])")


_COUNTRY_NAME = place_pattern(COUNTRIES)


def countries_named(text: str) -> set[str]:
    """The countries a text names or describes ('Ghanaian artists in Paris' -> {'Ghana'}; cities do not count)."""
    return {COUNTRIES[found[1]] for found in _COUNTRY_NAME.finditer(text)}
