"""The parts of an event (its opening, its closing ceremony), named after the event they belong to.

The schema names a part by the article's own words plus its event: "opening ceremony of the Culture
Forum", "closing ceremony of the 19th edition of the X Festival". A story rarely writes it out: it
says "the inaugural ceremony was held at the campus" after naming the festival once. Two rules:

- `part_of_main`: "the opening/closing/inaugural ceremony" with no ceremony introduced before is the
  ceremony of the story's main event; it becomes a new event, child of the main one.
- naming (`name_parts`): a part whose name is only common words ("Closing ceremony", "Opening
  ceremony of this 19th edition") takes its parent's name ("Closing ceremony of the X Festival").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from etl.extraction.lead_event import event_words
from etl.records import EventRec

# "of this edition", "of the 19th edition": a reference to the parent, replaced by its name.
_EDITION_REF = re.compile(r"\s+of\s+(?:this|the|its)\s+(?:\w+\s+)?edition$", re.I)
_PART_TYPES = frozenset({"ceremony"})


def part_modifiers(noun: Token) -> list[Token]:
    """The words that make `noun` a part of an event ('opening', 'inaugural'), in text order."""
    words = event_words().part_modifiers
    mods = [c for c in noun.lefts if c.dep_ in ("amod", "compound") and c.lower_ in words]
    return sorted(mods, key=lambda t: t.i)


def part_phrase(noun: Token) -> str | None:
    """'Inaugural ceremony' for 'the inaugural ceremony'; None when the noun has no part modifier."""
    mods = part_modifiers(noun)
    if not mods:
        return None
    text = " ".join([m.lower_ for m in mods] + [noun.lower_])
    return text[0].upper() + text[1:]


def _of_parent(parent: str) -> str:
    return f"of {parent}" if parent.lower().startswith("the ") else f"of the {parent}"


def name_parts(events: dict[str, EventRec]) -> None:
    """Give each part named only by common words its parent's name (in place)."""
    for ev in events.values():
        parent = events.get(ev.parent_local_id or "")
        if parent is None or ev.type not in _PART_TYPES:
            continue
        name = _EDITION_REF.sub("", ev.name)
        if " of " in name or any(w[:1].isupper() for w in name.split()[1:]):
            continue  # already says whose part it is ("Opening ceremony of the Forum", "Gala Night")
        ev.name = f"{name} {_of_parent(parent.name)}"
