"""Headlines for articles that carry none in metadata: a headline-like first line, else the file name."""

from __future__ import annotations

import re

_HASH_OR_NUMBER = re.compile(r"^(?:\d+|[0-9a-f]{8,}|[a-z]?\d{1,3})$", re.IGNORECASE)
_SENTENCE_END = (".", ",", ";", ":")


def headline_line(body: str) -> str | None:
    """The body's first line when it reads as a headline: short, one line, not ending like a sentence."""
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    words = first.split()
    if 2 <= len(words) <= 25 and len(first) <= 160 and not first.endswith(_SENTENCE_END):
        return first
    return None


def readable_name(file_name: str) -> str:
    """'d05_gamelan-concert-wellington.txt' -> 'Gamelan concert wellington'; one of numbers and hashes stays whole."""
    stem = file_name.rsplit(".", 1)[0]
    words = [w for w in re.split(r"[\s_\-.]+", stem) if w]
    kept = [w for w in words if not _HASH_OR_NUMBER.match(w)]
    if not any(re.search(r"[^\W\d]{2}", w) for w in kept):
        return stem  # nothing readable to make of '000_ff2daec2b4a13141': the name is what identifies it
    text = " ".join(kept)
    return text[:1].upper() + text[1:]
