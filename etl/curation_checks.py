"""Checks of curation entries against the articles (before extraction) and the built tables (event parents)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from etl.curation_file import CurationError, Entry
from etl.records import Article
from etl.resolve import fold

COPY_TEXT = "Copy the figure's words exactly as the article writes them (the Articles page shows the text)"


def check_against_articles(entries: list[Entry], articles: list[Article], path: Path) -> None:
    """Before extraction: an added figure's text must be in its article, and parents must not form a cycle."""
    bodies = {a.file_name: a.body for a in articles}
    for e in entries:
        if e.action == "add" and e.target == "figure":
            body = bodies.get(str(e.fields["article"]))
            if body is not None and str(e.fields["text"]) not in body:
                where = e.lines.get("text", e.line)
                raise CurationError(path, where, f"'{e.fields['text']}' is not in {e.fields['article']}", COPY_TEXT)
    setters = _parent_entries(entries)
    parent_of = {name: fold(str(e.fields["parent"])) for name, e in setters.items() if e.fields["parent"]}
    for start in parent_of:
        if cycle := _cycle(start, parent_of.get):
            _cycle_error(path, [str(setters[n].fields["name"]) for n in cycle], [setters[n] for n in cycle])


def refuse_parent_cycles(t: dict[str, pd.DataFrame], entries: list[Entry], path: Path) -> None:
    """After curation: an event that is its own ancestor vanishes from the timeline, so refuse it."""
    events = t["events"]
    parent_of = {str(k): v for k, v in zip(events["event_id"], events["parent_id"], strict=True) if isinstance(v, str)}
    names = dict(zip(events["event_id"], events["name"], strict=True))
    setters = _parent_entries(entries)
    for start in parent_of:
        if cycle := _cycle(start, parent_of.get):
            named = [str(names.get(i, i)) for i in cycle]
            _cycle_error(path, named, [setters[fold(n)] for n in named if fold(n) in setters])


def _parent_entries(entries: list[Entry]) -> dict[str, Entry]:
    """The last entry that sets each event's parent, by folded event name."""
    return {
        fold(str(e.fields["name"])): e
        for e in entries
        if e.target == "event" and e.action in ("add", "correct") and "parent" in e.fields
    }


def _cycle(start: str, parent: Callable[[str], str | None]) -> list[str]:
    """The cycle met by following parents from `start`, or [] when the chain ends."""
    seen: list[str] = []
    node: str | None = start
    while node is not None and node not in seen:
        seen.append(node)
        node = parent(node)
    return [] if node is None else seen[seen.index(node) :]


def _cycle_error(path: Path, names: list[str], culprits: list[Entry]) -> None:
    lines = sorted(e.line for e in culprits)
    where = f"set on line {', '.join(map(str, lines))}" if lines else "as extracted"
    raise CurationError(
        path,
        lines[0] if lines else None,
        f"event parents form a cycle: {' -> '.join([*names, names[0]])} ({where})",
        "Remove or change one of those 'parent:' entries",
    )
