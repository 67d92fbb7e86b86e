"""An organisation span, and the name, kind and country read from an organisation's own words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.extraction.lexicon import CITIES, COUNTRIES, ORG_KINDS, place_pattern
from etl.extraction.spans import QUOTE_CHARS


@dataclass
class OrgSpan:
    """An organisation named at tokens [start, end) of the doc."""

    start: int
    end: int
    name: str
    acronym: str | None = None
    generic: bool = False  # "the Foundation": refers back to a named body

    @property
    def span(self) -> tuple[int, int]:
        """The token range."""
        return (self.start, self.end)


def org_kind(name: str) -> str:
    """The organizations.kind a name's head noun suggests."""
    words = [w.strip("\"“”'").lower() for w in re.split(r"[\s-]+", name)]
    if any(w in ("international", "world", "united") for w in words) or name.isupper():
        return "international" if name.isupper() or "international" in words else _by_head(words)
    return _by_head(words)


def _by_head(words: list[str]) -> str:
    for word in reversed(words):
        if word in ORG_KINDS:
            return ORG_KINDS[word]
    return "other"


_PLACE_NAME = place_pattern({**CITIES, **COUNTRIES})


def org_country(name: str) -> str | None:
    """A country the name states ('Film Producers Association of Latvia', 'Azerbaijan's National Assembly'),
    else one its city places it in ('Lagos Theatre Festival')."""
    places = [found[1] for found in _PLACE_NAME.finditer(name)]  # whole names: 'Niger Delta' is not 'Niger'
    country = next((COUNTRIES[p] for p in places if p in COUNTRIES), None)
    return country or next((CITIES[p] for p in places), None)


_TRAILING_DAY = re.compile(
    r"\s+(?:on|in)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)\b.*$",
    re.I,
)
_TRAILING_CONNECTOR = re.compile(r"(?:\s+(?:and|of|the|&|for|on|in))+$", re.I)


# "the Sultanate’s National Museum", "Norland’s National Council": whose body it is, not its name; a plural
# possessive is the name's own ("Children’s Museum", "Women’s Union", "People’s Artists")
_LEADING_OWNER = re.compile(r"^(?!(?:Children|Women|Men|People)['’]s\b)[A-Z][\w-]*[a-rt-z]['’]s\s+(?=[A-Z])")


# "and Norland’s National Assembly": a list's connector read into the next name
_LEADING_CONNECTOR = re.compile(r"^(?:and|or|as well as)\s+(?=[A-Z])")


def clean_name(text: str) -> str:
    """A name without quote marks, doubled spaces, a leading owner ('Sultanate’s'), a trailing 'and'/'of'
    or a trailing 'on Wednesday'."""
    text = _LEADING_OWNER.sub("", _LEADING_CONNECTOR.sub("", text.strip()))
    text = "".join(c for c in text if c not in QUOTE_CHARS)
    text = re.sub(r"\s+", " ", text).strip(" ,.;:")
    text = _TRAILING_DAY.sub("", text)
    return _TRAILING_CONNECTOR.sub("", text).strip(" ,.;:")
