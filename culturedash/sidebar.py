"""The sidebar every page shares: the filters (kept across pages and in the URL, so a view can be bookmarked and
shared) and the chart download format; and the filters of a report view, read from its URL alone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from culturedash import db, pickers
from culturedash.app_state import query
from culturedash.filters import LIST_FIELDS, PARAMS, Filters

_STATE = "_culturedash_filters"  # not a widget key: survives moving between pages
_WIDGETS = "_culturedash_widgets"  # the sidebar widgets' values, kept across pages (see _restore)


def _url_values(key: str) -> list[str]:
    return list(st.query_params.get_all(key))


def url_filters(options: dict[str, Any]) -> Filters:
    """The filters the URL names, values unknown to the database dropped (as the sidebar does)."""
    wanted = Filters.from_params({v: _url_values(v) for v in PARAMS.values()})
    kept = {name: tuple(v for v in getattr(wanted, name) if v in options[name]) for name in LIST_FIELDS}
    return Filters(start=wanted.start, end=wanted.end, **kept)


def _searched(label: str, allowed: list[str], key: str, fmt: Callable[[str], str]) -> list[str]:
    """A filter's options; above `pickers.pick_limit()` (as at 10,000 articles), those a search box above the
    filter matches and the ones already chosen: every option would be sent to the browser on every run."""
    if len(allowed) <= pickers.pick_limit():
        return allowed
    typed = st.text_input(f"Search: {label.lower()}", key=f"{key}_search", placeholder="type part of the name")
    chosen = [v for v in st.session_state.get(key, []) if v in set(allowed)]
    matches, total = pickers.narrowed(allowed, typed, fmt)
    if total > len(matches):
        st.caption(f"{total:,} match; the first {len(matches):,} are listed.")
    return chosen + [v for v in matches if v not in chosen]


def sidebar_filters() -> Filters:
    """Draw the sidebar's filters (restored from the last page, or from the URL in a new session); return them."""
    options = query(db.filter_options)
    if _STATE not in st.session_state:  # a new session: read the bookmarked view from the URL
        st.session_state[_STATE] = Filters.from_params({v: _url_values(v) for v in PARAMS.values()})
        st.session_state[_WIDGETS] = {}
    current: Filters = st.session_state[_STATE]
    first, last = options["first"], options["last"]

    with st.sidebar:
        st.header("Filters")
        start = end = None
        if first and last:
            lo = max(first, min(current.start or first, last))
            hi = min(last, max(current.end or last, lo))
            _restore("f_dates", (lo, hi))
            picked = st.date_input(
                "Event dates", min_value=first, max_value=last, key="f_dates", on_change=_keep, args=("f_dates",)
            )
            if isinstance(picked, Sequence) and len(picked) == 2:
                start = picked[0] if picked[0] > first else None
                end = picked[1] if picked[1] < last else None
            else:
                start, end = current.start, current.end  # half-picked range: keep the last whole one
        lists: dict[str, tuple[str, ...]] = {}
        for name, label in (
            ("types", "Event type"),
            ("orgs", "Organisation"),
            ("countries", "Country"),
            ("articles", "Article"),
        ):
            allowed = options[name]
            key = f"f_{name}"
            _restore(key, [v for v in getattr(current, name) if v in allowed])
            fmt = (lambda v, titles=allowed: _short(titles[v])) if name == "articles" else _readable
            shown = _searched(label, list(allowed), key, fmt)
            lists[name] = tuple(st.multiselect(label, shown, key=key, format_func=fmt, on_change=_keep, args=(key,)))
        st.button("Clear filters", width="stretch", on_click=_clear_filters)
    chosen = Filters(start=start, end=end, **lists)
    st.session_state[_STATE] = chosen
    _write_url(chosen)
    return chosen


def _restore(key: str, default: Any) -> None:
    """Give a sidebar widget the value the analyst last chose, on whichever page they chose it.

    Streamlit drops a widget's state when the page that drew it is left, so every page would start from
    empty filters; the values are kept under our own key and written back before the widget is drawn.
    """
    saved = st.session_state.setdefault(_WIDGETS, {})
    st.session_state[key] = saved.get(key, default)


def _keep(key: str) -> None:
    """on_change: remember a sidebar widget's new value (runs before the page script)."""
    st.session_state.setdefault(_WIDGETS, {})[key] = st.session_state[key]


def _clear_filters() -> None:
    kept = st.session_state.get(_WIDGETS, {})
    st.session_state[_WIDGETS] = {k: v for k, v in kept.items() if k == "f_image_format"}
    st.session_state[_STATE] = Filters()


def _readable(value: str) -> str:
    return value.replace("_", " ")


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _write_url(filters: Filters) -> None:
    """Keep the filters in the URL so the view can be bookmarked; other parameters stay."""
    wanted = filters.to_params()
    for key in PARAMS.values():
        if key in wanted:
            value = wanted[key]
            if st.query_params.get_all(key) != ([value] if isinstance(value, str) else value):
                st.query_params[key] = value
        elif key in st.query_params:
            del st.query_params[key]


def image_format() -> str:
    """The chart download format the analyst picked in the sidebar (kept across pages)."""
    _restore("f_image_format", "png")
    with st.sidebar:
        choice = st.radio(
            "Chart download (camera button)",
            ["png", "svg"],
            format_func=lambda v: "PNG, 3x scale" if v == "png" else "SVG (vector)",
            key="f_image_format",
            on_change=_keep,
            args=("f_image_format",),
        )
    return str(choice)
