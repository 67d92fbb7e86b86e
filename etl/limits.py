"""What the ETL accepts, in one place, and the cheap checks every reader runs before any expensive work.

The README's "Limits" section states these numbers; change both together.
"""

from __future__ import annotations

import os
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from etl.errors import ArticleError

MAX_ARTICLE_BYTES = 5_000_000  # a news article is a few kB; 5 MB means a wrong file (a dump, a binary)
# PDF and Word files carry fonts and photos beside the text: a one-page press release can be several MB
MAX_DOCUMENT_BYTES = 15_000_000
# ~4,000 entries; analysts write hundreds. PyYAML's checked loader reads ~50 kB/s, so this is seconds.
MAX_CURATION_BYTES = 200_000
# Publication dates outside these years are typos or placeholders (0001-01-01); refusing them keeps the
# date arithmetic of extraction (a month before January of year 1) away from the calendar's ends.
FIRST_YEAR, LAST_YEAR = 1800, 2199
# Share of control characters (NUL included) above which a file is not text: a binary or UTF-16 has
# about half; pasted text has a stray few, which are removed.
MAX_CONTROL_SHARE = 0.1

# Invisible characters that split or glue names without being seen: zero-width space/joiners, word
# joiner, BOM inside the text, soft hyphen. They are removed before extraction.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Control characters (not tab, newline, carriage return, form feed), NUL included: stray ones are removed.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Line and paragraph separators written as Unicode: the same article saved elsewhere uses newlines.
_LINE_SEPARATORS = re.compile("\r\n|[\r\u0085\u2028\u2029]")


@lru_cache(maxsize=64)
def _resolved(root: Path) -> Path:
    """The source folder's real path, once per folder rather than once per file (10,000 files: a second)."""
    return root.resolve()


def regular_file(path: Path, root: Path) -> None:
    """Refuse anything that is not a regular file inside `root`: symbolic links are never followed."""
    if path.is_symlink():
        raise ArticleError(
            str(path),
            f"is a symbolic link (to {os.readlink(path)}); links are not followed, so a link cannot pull in a "
            "file from elsewhere",
            "Copy the article into the source folder instead of linking it, or remove the link",
        )
    if not path.resolve().is_relative_to(_resolved(root)):
        raise ArticleError(str(path), "lies outside the source folder", "Move the article into the source folder")


def size_limit(path: Path) -> int:
    """The largest file an article of this format can be."""
    return MAX_DOCUMENT_BYTES if path.suffix.lower() in (".pdf", ".docx") else MAX_ARTICLE_BYTES


def check_size(path: Path, size: int) -> None:
    """Refuse an article file over its format's size limit before reading it."""
    limit = size_limit(path)
    if size > limit:
        raise ArticleError(
            str(path),
            f"the file is {size / 1e6:.1f} MB, larger than the {limit / 1e6:.0f} MB an article can be",
            "Split it into one file per article or remove it from the source folder",
        )


def clean_text(path: Path, text: str) -> str:
    """Text with one kind of newline and no invisible or control characters; refuse text that is mostly them."""
    text = _LINE_SEPARATORS.sub("\n", text)
    controls = len(_CONTROL.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        first = _CONTROL.search(text)
        assert first is not None  # controls > 0
        line = text[: first.start()].count("\n") + 1
        raise ArticleError(
            str(path),
            f"{controls} of its {len(text)} characters are control characters (the first, U+{ord(first[0]):04X}, "
            "is here): it is not a text article",
            "Save the article as UTF-8 text, or remove the file from the source folder",
            line=line,
        )
    return strip_invisible(text)


def strip_invisible(text: str) -> str:
    """Text without invisible and control characters (also after HTML turned `&#8203;` into one)."""
    return _CONTROL.sub("", _INVISIBLE.sub("", _LINE_SEPARATORS.sub("\n", text)))


def check_published(path: Path, published: date | None) -> None:
    """Refuse a publication date outside FIRST_YEAR..LAST_YEAR (a typo or a placeholder such as 0001-01-01)."""
    if published is not None and not FIRST_YEAR <= published.year <= LAST_YEAR:
        raise ArticleError(
            str(path),
            f"the publication date {published.isoformat()} is outside the years {FIRST_YEAR}-{LAST_YEAR}",
            "Correct the date line (YYYY-MM-DD) or remove it",
        )
