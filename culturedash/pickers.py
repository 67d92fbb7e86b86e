"""Pickers over long lists (every person of a 10,000-article corpus): a search box narrows what the browser is sent.

A selectbox sends all its options to the browser on every run; at 14,000 names, eight of them on one page took
most of the Data page's time. Above `LIMIT` options a search box comes first and the list holds its matches.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import streamlit as st

T = TypeVar("T")
LIMIT = 300  # CULTURE_PICK_LIMIT changes it: lists longer than this get a search box
SEARCH = "Type to search…"


def pick_limit() -> int:
    """How many options a pick list holds before a search box narrows it (CULTURE_PICK_LIMIT, default 300)."""
    value = os.environ.get("CULTURE_PICK_LIMIT", "")
    return int(value) if value.isdigit() and int(value) > 0 else LIMIT


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def narrowed(
    options: Sequence[T], query: str, label: Callable[[T], str], keep: Any = None, limit: int | None = None
) -> tuple[list[T], int]:
    """The options whose label holds every word of `query` (case and accents aside), the first `limit` of them, and
    how many matched; `keep` (the current pick) stays listed so that narrowing never drops a choice made."""
    limit = limit or pick_limit()
    words = _folded(query).split()
    matches = [o for o in options if all(w in _folded(label(o)) for w in words)] if words else list(options)
    shown = matches[:limit]
    if keep is not None and keep in options and keep not in shown:
        shown = [keep, *shown]
    return shown, len(matches)


def search_select(
    container: Any,
    label: str,
    options: Sequence[T],
    key: str,
    format_func: Callable[[T], str] = str,
    limit: int | None = None,
    **kwargs: Any,
) -> T | None:
    """A selectbox in `container`; with more than `limit` options, a search box above it narrows them."""
    limit = limit or pick_limit()
    kwargs.setdefault("placeholder", SEARCH)
    if len(options) <= limit:
        return container.selectbox(label, list(options), key=key, format_func=format_func, **kwargs)
    query = container.text_input(
        f"Search: {label[:1].lower()}{label[1:]}", key=f"{key}_search", placeholder="type part of the name"
    )
    shown, total = narrowed(options, query, format_func, st.session_state.get(key), limit)
    if total > limit:
        kwargs.setdefault("help", f"{total:,} match; the first {limit} are listed. Type in the search box to narrow.")
    return container.selectbox(label, shown, key=key, format_func=format_func, **kwargs)
