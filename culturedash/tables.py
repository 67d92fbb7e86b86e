"""Record tables written for people: readable columns that fit a page at 1024 px, on screen and in print."""

from __future__ import annotations

from typing import Any

import pandas as pd


def dates_text(info: dict[str, Any]) -> str:
    """An event's dates in words, with the precision the text supports."""
    start, end, precision = info.get("start_date"), info.get("end_date"), info.get("date_precision")
    if start is None or pd.isna(start):
        return "not stated in the text"
    fmt = {"year": "%Y", "month": "%B %Y"}.get(precision or "day", "%d %b %Y")
    text = pd.Timestamp(start).strftime(fmt)
    if end is not None and not pd.isna(end) and pd.Timestamp(end) != pd.Timestamp(start):
        text += " – " + pd.Timestamp(end).strftime(fmt)
    return text


def readable_events(events: pd.DataFrame) -> pd.DataFrame:
    """The timeline's events as a table to read: name, type, dates in words, what it is part of, where, how many
    took part (itself, and in its sessions), and the article (eleven raw columns squeezed every cell to a word per
    line at 1024 px)."""
    rows = [{str(k): v for k, v in r.items()} for r in events.to_dict("records")]
    return pd.DataFrame(
        {
            "event": [r["name"] for r in rows],
            "type": [str(r["type"]).replace("_", " ") for r in rows],
            "dates": [dates_text(r) for r in rows],
            "part of": [r["parent"] if isinstance(r["parent"], str) else "" for r in rows],
            "place": [", ".join(v for v in (r["venue"], r["city"]) if isinstance(v, str) and v) for r in rows],
            "participants": [r["participants"] for r in rows],
            # people named only in its panels or sessions, not among its own participants (a forum's, mostly)
            "in its sessions": [r.get("in_sessions", 0) for r in rows],
            "article": [r["article"] for r in rows],
        }
    )
