"""Write analysts' decisions from the Data page into the curation file, and rebuild the database."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from etl.curation_file import read_curation


def append_entry(path: Path, entry: dict[str, Any], comment: str) -> None:
    """Append one entry (with a dated comment) to the curation file; the file is checked and restored if broken."""
    before = path.read_text(encoding="utf-8") if path.exists() else ""
    block = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, default_flow_style=None)
    stamp = f"# {comment} (Data page, {datetime.now():%Y-%m-%d %H:%M})\n"
    separator = "" if not before or before.endswith("\n") else "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(before + separator + stamp + block, encoding="utf-8")
    try:
        read_curation(path)
    except Exception:
        path.write_text(before, encoding="utf-8")  # never leave the analysts' file broken
        raise


def merge_entry(kind: str, keep: str, other: str) -> dict[str, Any]:
    """'Accept': the two names are one; `keep` stays the canonical name."""
    return {"merge": "people" if kind == "person" else "organizations", "names": [keep, other]}


def separate_entry(kind: str, keep: str, other: str) -> dict[str, Any]:
    """'Reject': the two names are different people or bodies; the suggestion is not shown again."""
    return {"separate": "people" if kind == "person" else "organizations", "names": [keep, other]}


def still_open(suggestions: pd.DataFrame, decisions: list[dict[str, Any]]) -> pd.DataFrame:
    """The suggestions no decision made since the last build answers (a merge or separate of the same two names).

    The database marks a suggestion decided only when a rebuild applies the file; the page counts it at once.
    """
    decided = {frozenset(e["names"]) for e in decisions if "names" in e}
    if not decided:
        return suggestions  # the usual case, and at 50,000 suggestions a walk over every pair costs a second
    pairs = zip(suggestions["keep_name"].tolist(), suggestions["other_name"].tolist(), strict=True)
    return suggestions[[frozenset(p) not in decided for p in pairs]]


def shown(value: Any) -> str:
    """The text a form shows for a stored value: '' for a missing one (None, NaN), never the word 'nan'."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def typed_changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, str]:
    """The fields the analyst changed in a form: typed text that differs from what was shown (blank is no change)."""
    out: dict[str, str] = {}
    for field, value in after.items():
        text = shown(value).strip()
        if text and text != shown(before.get(field)).strip():
            out[field] = text
    return out


def correction_entry(
    target: str,
    name: str,
    changes: dict[str, Any],
    cleared: Sequence[str] = (),
    article: str | None = None,
) -> dict[str, Any] | None:
    """A `correct:` entry with only the fields that changed and the fields the analyst removed (written as null:
    'the text does not say'), limited to one article when `article` is given; None when nothing changed."""
    changed = {k: v for k, v in changes.items() if shown(v).strip()}
    if not changed and not cleared:
        return None
    scope = {"article": article} if article else {}
    return {"correct": target, "name": name, **scope, **changed, **dict.fromkeys(cleared)}


def filled(entry: dict[str, Any]) -> dict[str, Any] | None:
    """The entry with its typed text trimmed, or None when a field was left empty (nothing half-made is written)."""
    out = {k: shown(v).strip() for k, v in entry.items()}
    return out if all(out.values()) else None


def number(text: str) -> int | float | None:
    """A typed number ('3,000', '64.4') as the file stores it; None when it is not one."""
    try:
        value = float(text.replace(",", "").replace(" ", ""))
    except ValueError:
        return None
    return int(value) if value.is_integer() else value


def rebuild(source: Path, db_path: Path, curation: Path, progress: Callable[[int, int, str], None]) -> str:
    """Run the ETL with the curation file; returns a one-line summary (raises EtlError with the file and line)."""
    from etl.pipeline import build

    result = build(source, db_path, progress=progress, curation=curation)
    stale = len(result.curation.stale)
    return (
        f"Rebuilt: {result.articles} articles, {result.people} people, {result.organizations} organisations, "
        f"{len(result.curation.applied)} curation entries applied" + (f", {stale} stale" if stale else "")
    )
