"""Counts the reliability suite keeps across its tests, printed as one closing summary line."""

from __future__ import annotations

from collections import Counter

# Keys: cases (bad inputs tried), crashes (a traceback or an unhandled exception reached a user),
# databases_changed (a failed build altered the database), scripts_run (a dialog or script fired
# in the browser), external_requests (the browser asked for anything not served by the app).
TALLY: Counter[str] = Counter()
KEYS = ("cases", "crashes", "databases_changed", "scripts_run", "external_requests")


def record(key: str, count: int = 1) -> None:
    """Add `count` to one of the summary's counters."""
    if key not in KEYS:
        raise KeyError(f"unknown reliability counter {key!r}; use one of {', '.join(KEYS)}")
    TALLY[key] += count


def summary() -> str:
    """The closing line: every counter, in a fixed order."""
    return "reliability: " + ", ".join(f"{TALLY[key]} {key.replace('_', ' ')}" for key in KEYS)
