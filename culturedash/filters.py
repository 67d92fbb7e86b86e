"""The sidebar filters every page shares, as a value that round-trips through the URL (pure, no Streamlit)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# URL parameter names; short so that a bookmarked view stays readable.
PARAMS = {"start": "from", "end": "to", "types": "type", "orgs": "org", "countries": "country", "articles": "article"}
LIST_FIELDS = ("types", "orgs", "countries", "articles")


@dataclass(frozen=True)
class Filters:
    """Date range, event types, organisations, countries and articles to keep; empty means 'all'."""

    start: date | None = None
    end: date | None = None
    types: tuple[str, ...] = field(default_factory=tuple)
    orgs: tuple[str, ...] = field(default_factory=tuple)
    countries: tuple[str, ...] = field(default_factory=tuple)
    articles: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_empty(self) -> bool:
        """True when nothing is filtered."""
        return self == Filters()

    def to_params(self) -> dict[str, str | list[str]]:
        """Query parameters for this view; empty filters are left out."""
        out: dict[str, str | list[str]] = {}
        if self.start:
            out[PARAMS["start"]] = self.start.isoformat()
        if self.end:
            out[PARAMS["end"]] = self.end.isoformat()
        for name in LIST_FIELDS:
            values = getattr(self, name)
            if values:
                out[PARAMS[name]] = list(values)
        return out

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> Filters:
        """Read filters from query parameters (a str or a list per key); bad dates are ignored."""

        def values(key: str) -> tuple[str, ...]:
            raw = params.get(key)
            items = [raw] if isinstance(raw, str) else list(raw or [])
            return tuple(dict.fromkeys(v.strip() for v in items if v and v.strip()))

        def day(key: str) -> date | None:
            found = values(key)
            try:
                return date.fromisoformat(found[0]) if found else None
            except ValueError:
                return None

        return cls(
            start=day(PARAMS["start"]),
            end=day(PARAMS["end"]),
            **{name: values(PARAMS[name]) for name in LIST_FIELDS},
        )

    def describe(self) -> str:
        """One line for a chart's subtitle: what the chart is limited to."""
        parts = []
        if self.start or self.end:
            parts.append(f"{_day(self.start) or '…'} – {_day(self.end) or '…'}")
        labels = {"types": "type", "orgs": "organisation", "countries": "country", "articles": "article"}
        for name in LIST_FIELDS:
            values: Sequence[str] = getattr(self, name)
            if values:
                shown = ", ".join(v.replace("_", " ") for v in values[:3])
                more = f" +{len(values) - 3}" if len(values) > 3 else ""
                parts.append(f"{labels[name]}: {shown}{more}")
        return "; ".join(parts) if parts else "All articles, all dates"


def _day(value: date | None) -> str | None:
    return f"{value:%d %b %Y}" if value else None


def selected_keys(selection: Mapping[str, Any] | None, column: int = 0) -> list[str]:
    """The keys a user clicked or box-selected on a Plotly chart (its points' customdata[column]).

    Streamlit passes `{"selection": {"points": [{"customdata": [...]}, ...]}}`; AppTest cannot click a chart,
    so this conversion is kept pure and tested on its own.
    """
    if not selection:
        return []
    points = (selection.get("selection") or {}).get("points") or []
    keys: list[str] = []
    for point in points:
        data = point.get("customdata")
        if isinstance(data, (list, tuple)) and len(data) > column and data[column] is not None:
            key = str(data[column])
        elif isinstance(data, str) and column == 0:
            key = data
        else:
            continue
        if key not in keys:
            keys.append(key)
    return keys
