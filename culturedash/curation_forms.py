"""The Data page's curation forms: a suggestion's evidence side by side, merge any two names, drop a record,
correct an event. Each form hands its entry to `decide`; nothing is written that the analyst did not type or pick."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from culturedash import curation_edit as edit
from etl.curation_file import EVENT_TYPES

Decide = Callable[[dict[str, Any], str], None]
SEARCH = "Type to search…"
_EVENT_FIELDS = ("rename", "start", "end", "type", "parent", "venue", "city")


def evidence(column: Any, name: str, context: pd.DataFrame) -> None:
    """What the articles say of one name, as wrapped text in `column`: article, title and body, then the sentence.

    A table put the title, organisation and sentence in columns beyond the card's right edge.
    """
    column.markdown(f"**{name}**")
    if context.empty:
        column.caption("No sentence about this name.")
        return
    for row in context.head(5).to_dict("records"):
        facts = [edit.shown(row.get(k)) for k in ("title", "organisation", "as written")]
        said = " · ".join(f for f in facts if f)
        column.caption(f"{edit.shown(row.get('article'))}" + (f" — {said}" if said else ""))
        column.markdown(f"> {edit.shown(row.get('sentence'))}")
    if len(context) > 5:
        column.caption(f"… and {len(context) - 5} more sentences.")


def merge_any(people: pd.DataFrame, orgs: pd.DataFrame, decide: Decide) -> None:
    """Merge two names the resolver did not suggest, picked in search boxes; the first is kept."""
    kind = st.radio("Records", ["people", "organizations"], horizontal=True, key="merge_kind", format_func=_plural)
    names = list((people if kind == "people" else orgs)["name"])
    left, right = st.columns(2)
    keep = left.selectbox("Name to keep", names, index=None, placeholder=SEARCH, key="merge_keep")
    other = right.selectbox("Same as (merged into the first)", names, index=None, placeholder=SEARCH, key="merge_other")
    if st.button("Merge these two", key="merge_save"):
        if not keep or not other or keep == other:
            st.warning("Pick two different names.")
            return
        decide({"merge": kind, "names": [keep, other]}, "merged by hand")
        st.rerun()


def drop_record(people: pd.DataFrame, orgs: pd.DataFrame, events: pd.DataFrame, decide: Decide) -> None:
    """Drop a wrongly extracted person, organisation or event (from every build), after a confirmation tick."""
    choices = {"person": people["name"], "organization": orgs["name"], "event": events["name"]}
    kind = st.radio("Record", list(choices), horizontal=True, key="drop_kind", format_func=_readable)
    name = st.selectbox(
        f"The {_readable(kind)} to drop", sorted(set(choices[kind])), index=None, placeholder=SEARCH, key="drop_name"
    )
    sure = st.checkbox("It is not a real record (a misreading of the text)", key="drop_sure")
    if st.button("Drop it", key="drop_save"):
        if not name or not sure:
            st.warning("Pick the record and tick the box to confirm.")
            return
        decide({"drop": kind, "name": name}, f"dropped {_readable(kind)}")
        st.rerun()


def correct_event(events: pd.DataFrame, info: Callable[[str], dict[str, Any]], decide: Decide) -> None:
    """Correct an event's name, dates, type, parent, venue or city; only the fields changed are written."""
    labels = dict(zip(events["event_id"], events["label"], strict=True))
    event_id = st.selectbox(
        "Event", list(labels), index=None, format_func=lambda v: labels[v], placeholder=SEARCH, key="edit_event"
    )
    if event_id is None:
        return
    current = info(event_id)
    before = {
        "rename": "",
        "start": _day(current.get("start_date")),
        "end": _day(current.get("end_date")),
        "type": edit.shown(current.get("type")),
        "parent": edit.shown(current.get("parent")),
        "venue": edit.shown(current.get("venue")),
        "city": edit.shown(current.get("city")),
    }
    st.caption("Only the fields you change are written; a field left blank is left as it is. Dates: YYYY-MM-DD.")
    with st.form("event_form"):
        after: dict[str, Any] = {"rename": st.text_input("Rename to", value="", key="event_rename")}
        left, right = st.columns(2)
        after["start"] = left.text_input("First day", value=before["start"], key="event_start")
        after["end"] = right.text_input("Last day", value=before["end"], key="event_end")
        types = sorted(EVENT_TYPES)
        after["type"] = st.selectbox(
            "Type", types, index=types.index(before["type"]) if before["type"] in types else None, key="event_type"
        )
        names = sorted(set(events["name"]))
        after["parent"] = st.selectbox(
            "Part of (the forum it belongs to)",
            names,
            index=names.index(before["parent"]) if before["parent"] in names else None,
            placeholder=SEARCH,
            key="event_parent",
        )
        left, right = st.columns(2)
        after["venue"] = left.text_input("Venue", value=before["venue"], key="event_venue")
        after["city"] = right.text_input("City", value=before["city"], key="event_city")
        if st.form_submit_button("Save correction", key="event_save"):
            name = str(current.get("name"))
            entry = edit.correction_entry("event", name, edit.typed_changes(before, after))
            if entry:
                decide(entry, "corrected event")
                st.rerun()
            st.info("Nothing changed.")


def _day(value: Any) -> str:
    return "" if value is None or pd.isna(value) else f"{pd.Timestamp(value):%Y-%m-%d}"


def _plural(kind: str) -> str:
    return "people" if kind == "people" else "organisations"


def _readable(kind: str) -> str:
    return "organisation" if kind == "organization" else kind
