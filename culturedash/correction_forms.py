"""The Data page's correction forms: a person (everywhere or in one article), an organisation, an event, a
participation. Each form writes only the fields the analyst changed, and the fields they chose to remove as
`null` ('the text does not say'); a field left as shown, or blank, is left as it is."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from culturedash import curation_edit as edit
from culturedash.pickers import SEARCH, search_select
from culturedash.safe_text import md
from etl.curation_file import EVENT_TYPES, ORG_KIND_VALUES, ROLES

Decide = Callable[[dict[str, Any], str], None]
KEPT = "Only the fields you change are written; a field left as shown, or blank, is left as it is."
# field -> what the analyst reads in the "Remove" box
_LABELS = {
    "title": "title",
    "organization": "organisation",
    "country": "country",
    "start": "first day",
    "end": "last day",
    "parent": "part of (the forum it belongs to)",
    "venue": "venue",
    "city": "city",
}


def correct_person(
    people: pd.DataFrame, orgs: pd.DataFrame, articles_of: Callable[[str], pd.DataFrame], decide: Decide
) -> None:
    """Correct a person's title, organisation, country or canonical name; title and organisation everywhere or as
    one article states them (`article:` in the file)."""
    name = search_select(st, "Person", people["name"].tolist(), key="edit_person")
    if name is None:
        st.caption("No person matches the search.")
        return
    current = people[people["name"] == name].iloc[0]
    stated = articles_of(str(current["person_id"]))
    labels = dict(zip(stated["file_name"], stated["article"], strict=True))
    article = st.selectbox(
        "Only in one article (optional): the title and organisation that article gives",
        list(labels),
        index=None,
        format_func=lambda f: f"{labels[f]} ({f})",
        placeholder="In every article",
        key="person_article",
    )
    said = stated[stated["file_name"] == article].iloc[0] if article else current
    before = {
        "title": edit.shown(said["title"]),
        "organization": edit.shown(said["organisation"]),
        "country": edit.shown(current["country"]),
        "rename": "",
    }
    org = before["organization"] if before["organization"] in set(orgs["name"]) else None
    shown = {"person_title": before["title"], "person_country": before["country"], "person_org": org}
    _fresh("person", (name, article), shown)
    st.caption(KEPT + " Country and name are the person's, in every article.")
    with st.form("person_form"):
        after: dict[str, Any] = {"title": st.text_input("Title", key="person_title")}
        after["organization"] = st.selectbox(
            "Organisation", orgs["name"].tolist(), index=None, placeholder=SEARCH, key="person_org"
        )
        after["country"] = st.text_input("Country", key="person_country")
        after["rename"] = st.text_input("Rename to (canonical name)", value="", key="person_rename")
        clear = _clear_box("person", before, ["title", "organization", "country"])
        if st.form_submit_button("Save correction", key="person_save"):
            save_correction("person", name, before, after, decide, clear, article)


def correct_org(orgs: pd.DataFrame, decide: Decide) -> None:
    """Correct an organisation's kind, country or canonical name."""
    name = search_select(st, "Organisation", orgs["name"].tolist(), key="edit_org")
    if name is None:
        st.caption("No organisation matches the search.")
        return
    row = orgs[orgs["name"] == name].iloc[0]
    before = {"kind": edit.shown(row["kind"]), "country": edit.shown(row["country"]), "rename": ""}
    kinds = sorted(ORG_KIND_VALUES)
    kind = before["kind"] if before["kind"] in kinds else None  # unknown: pick nothing
    _fresh("org", name, {"org_kind": kind, "org_country": before["country"]})
    st.caption(KEPT)
    with st.form("org_form"):
        after: dict[str, Any] = {"kind": st.selectbox("Kind", kinds, placeholder="not stated", key="org_kind")}
        after["country"] = st.text_input("Country", key="org_country")
        after["rename"] = st.text_input("Rename to (canonical name)", value="", key="org_rename")
        clear = _clear_box("org", before, ["country"])
        if st.form_submit_button("Save correction", key="org_save"):
            save_correction("organization", name, before, after, decide, clear)


def correct_event(events: pd.DataFrame, info: Callable[[str], dict[str, Any]], decide: Decide) -> None:
    """Correct an event's name, dates, type, parent, venue or city, or remove its dates, parent, venue or city."""
    labels = dict(zip(events["event_id"], events["label"], strict=True))
    event_id = search_select(st, "Event", list(labels), index=None, format_func=lambda v: labels[v], key="edit_event")
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
    types, names = sorted(EVENT_TYPES), sorted(set(events["name"].tolist()) - {current.get("name")})
    texts: dict[str, str | None] = {f"event_{k}": before[k] for k in ("start", "end", "venue", "city")}
    texts["event_type"] = before["type"] if before["type"] in types else None
    texts["event_parent"] = before["parent"] if before["parent"] in names else None
    _fresh("event", event_id, texts)
    st.caption(KEPT + " Dates: YYYY-MM-DD (or YYYY-MM, or YYYY).")
    with st.form("event_form"):
        after: dict[str, Any] = {"rename": st.text_input("Rename to", value="", key="event_rename")}
        left, right = st.columns(2)
        after["start"] = left.text_input("First day", key="event_start")
        after["end"] = right.text_input("Last day", key="event_end")
        after["type"] = st.selectbox("Type", types, key="event_type")
        after["parent"] = st.selectbox(
            "Part of (the forum it belongs to)", names, placeholder=SEARCH, key="event_parent"
        )
        left, right = st.columns(2)
        after["venue"] = left.text_input("Venue", key="event_venue")
        after["city"] = right.text_input("City", key="event_city")
        clear = _clear_box("event", before, ["start", "end", "parent", "venue", "city"])
        if st.form_submit_button("Save correction", key="event_save"):
            save_correction("event", str(current.get("name")), before, after, decide, clear)


def participation(people: pd.DataFrame, events: pd.DataFrame, decide: Decide) -> None:
    """Correct the role of a person at an event, drop the participation, or add one the extraction missed."""
    actions = {"correct": "Correct the role", "drop": "Drop it", "add": "Add it (the text says so)"}
    action = st.radio(
        "Participation", list(actions), horizontal=True, key="part_action", format_func=lambda a: actions[a]
    )
    left, right = st.columns(2)
    person = search_select(left, "Person", people["name"].tolist(), index=None, key="part_person")
    event = search_select(right, "Event", sorted(set(events["name"].tolist())), index=None, key="part_event")
    fields: dict[str, Any] = {action: "participation", "person": person, "event": event}
    title = ""
    if action != "drop":
        fields["role"] = st.selectbox("Role", sorted(ROLES), index=None, placeholder="pick one", key="part_role")
    if action == "add":
        title = st.text_input("Their title there (optional)", key="part_title")
        fields["note"] = st.text_input("Note: where the text says so", key="part_note")
    if st.button("Save", key="part_save"):
        entry = edit.filled(fields)
        if entry is None:
            st.warning("Fill in every field: " + ", ".join(k for k in fields if k != action) + ".")
            return
        if title.strip():
            entry["title"] = title.strip()
        decide(entry, f"{action} participation")
        st.rerun()


def save_correction(
    kind: str,
    name: str,
    before: dict[str, Any],
    after: dict[str, Any],
    decide: Decide,
    cleared: list[str] | None = None,
    article: str | None = None,
) -> None:
    """Write a correction of what the analyst changed or removed (and only that), or say nothing changed."""
    changes = edit.typed_changes(before, after)
    both = sorted(set(changes) & set(cleared or []))
    if both:
        st.warning(f"You changed and removed {md(', '.join(_LABELS.get(f, f) for f in both))}: choose one.")
        return
    entry = edit.correction_entry(kind, name, changes, cleared or [], article)
    if entry:
        decide(entry, f"corrected {'organisation' if kind == 'organization' else kind}")
        st.rerun()
    st.info("Nothing changed.")


def _clear_box(form: str, before: dict[str, Any], fields: list[str]) -> list[str]:
    """A box to remove fields that have a value (written as null): a wrong date, a wrong parent forum..."""
    present = [f for f in fields if before.get(f)]
    if not present:
        return []
    picked = st.multiselect(
        "Remove (the text does not say it)",
        present,
        format_func=lambda f: f"{_LABELS[f]}: {before[f]}",
        placeholder="nothing",
        key=f"{form}_clear",
    )
    return list(picked)


def _fresh(form: str, identity: Any, values: dict[str, Any]) -> None:
    """Show the chosen record's values in a form's fields when another record is chosen (a field keeps what it
    was last given otherwise, and saving would write the previous record's value as a change)."""
    marker = f"_shown_{form}"
    if st.session_state.get(marker) != identity or any(k not in st.session_state for k in values):
        st.session_state.update(values)
        st.session_state[marker] = identity


def _day(value: Any) -> str:
    return "" if value is None or pd.isna(value) else f"{pd.Timestamp(value):%Y-%m-%d}"
