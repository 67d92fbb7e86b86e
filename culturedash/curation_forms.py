"""The Data page's curation forms, one per action the curation file supports: a suggestion's evidence side by
side, merge or separate any two names, split a person, correct an event or a participation, drop and add records.
Each form hands its entry to `decide`; nothing is written that the analyst did not type or pick."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from culturedash import curation_edit as edit
from etl.curation_file import EVENT_TYPES, ROLES

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
    """Merge two names the resolver did not suggest, or keep two apart, picked in search boxes; a merge keeps the
    first."""
    kind = st.radio("Records", ["people", "organizations"], horizontal=True, key="merge_kind", format_func=_plural)
    names = list((people if kind == "people" else orgs)["name"])
    left, right = st.columns(2)
    keep = left.selectbox("Name to keep", names, index=None, placeholder=SEARCH, key="merge_keep")
    other = right.selectbox("Same as (merged into the first)", names, index=None, placeholder=SEARCH, key="merge_other")
    row = st.container(horizontal=True, gap="small")  # sized to the labels, never cut
    for action, label in (("merge", "Merge these two"), ("separate", "Keep them apart")):
        if row.button(label, key=f"{action}_save", width="content"):
            if not keep or not other or keep == other:
                st.warning("Pick two different names.")
                return
            decide({action: kind, "names": [keep, other]}, f"{action} by hand")
            st.rerun()


def split_person(people: pd.DataFrame, articles: dict[str, str], decide: Decide) -> None:
    """Split one article's mentions of a person off as another person (two people who share a name)."""
    left, right = st.columns(2)
    name = left.selectbox("Person", list(people["name"]), index=None, placeholder=SEARCH, key="split_name")
    article = right.selectbox(
        "The article that means someone else",
        list(articles),
        index=None,
        format_func=lambda f: f"{articles[f]} ({f})",
        placeholder=SEARCH,
        key="split_article",
    )
    new = st.text_input("Their name there (e.g. 'Ali Hasanov (architect)')", key="split_as")
    if st.button("Split", key="split_save"):
        entry = edit.filled({"split": "person", "name": name, "article": article, "as": new})
        if entry is None:
            st.warning("Pick the person and the article and type the other person's name.")
            return
        decide(entry, "split person")
        st.rerun()


def participation(people: pd.DataFrame, events: pd.DataFrame, decide: Decide) -> None:
    """Correct the role of a person at an event, drop the participation, or add one the extraction missed."""
    actions = {"correct": "Correct the role", "drop": "Drop it", "add": "Add it (the text says so)"}
    action = st.radio(
        "Participation", list(actions), horizontal=True, key="part_action", format_func=lambda a: actions[a]
    )
    left, right = st.columns(2)
    person = left.selectbox("Person", list(people["name"]), index=None, placeholder=SEARCH, key="part_person")
    events_named = sorted(set(events["name"]))
    event = right.selectbox("Event", events_named, index=None, placeholder=SEARCH, key="part_event")
    fields: dict[str, Any] = {action: "participation", "person": person, "event": event}
    if action != "drop":
        fields["role"] = st.selectbox("Role", sorted(ROLES), index=None, placeholder="pick one", key="part_role")
    if action == "add":
        fields["note"] = st.text_input("Note: where the text says so", key="part_note")
    if st.button("Save", key="part_save"):
        entry = edit.filled(fields)
        if entry is None:
            st.warning("Fill in every field: " + ", ".join(k for k in fields if k != action) + ".")
            return
        decide(entry, f"{action} participation")
        st.rerun()


def drop_record(
    people: pd.DataFrame, orgs: pd.DataFrame, events: pd.DataFrame, figures: pd.DataFrame, decide: Decide
) -> None:
    """Drop a wrongly extracted person, organisation, event or figure (from every build), after a confirmation."""
    figure_labels = {
        i: f"{text} — {title} ({file})"
        for i, (text, title, file) in enumerate(
            zip(figures["text"], figures["article"], figures["file_name"], strict=True)
        )
    }
    choices: dict[str, dict[Any, str]] = {
        "person": {n: n for n in people["name"]},
        "organization": {n: n for n in orgs["name"]},
        "event": {n: n for n in sorted(set(events["name"]))},
        "figure": figure_labels,
    }
    kind = st.radio("Record", list(choices), horizontal=True, key="drop_kind", format_func=_readable)
    names = choices[kind]
    picked = st.selectbox(
        f"The {_readable(kind)} to drop",
        list(names),
        index=None,
        format_func=lambda v: names[v],
        placeholder=SEARCH,
        key="drop_name",
    )
    sure = st.checkbox("It is not a real record (a misreading of the text)", key="drop_sure")
    if st.button("Drop it", key="drop_save"):
        if picked is None or not sure:
            st.warning("Pick the record and tick the box to confirm.")
            return
        if kind == "figure":
            row = figures.iloc[int(picked)]
            entry = {"drop": "figure", "article": str(row["file_name"]), "text": str(row["text"])}
        else:
            entry = {"drop": kind, "name": picked}
        decide(entry, f"dropped {_readable(kind)}")
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
            save_correction("event", str(current.get("name")), before, after, decide)


def save_correction(kind: str, name: str, before: dict[str, Any], after: dict[str, Any], decide: Decide) -> None:
    """Write a correction of what the analyst changed (and only that), or say nothing changed."""
    entry = edit.correction_entry(kind, name, edit.typed_changes(before, after))
    if entry:
        decide(entry, f"corrected {_readable(kind)}")
        st.rerun()
    st.info("Nothing changed.")


def add_record(
    people: pd.DataFrame, orgs: pd.DataFrame, events: pd.DataFrame, articles: dict[str, str], decide: Decide
) -> None:
    """Add a person, event or figure the extraction missed: required fields and a note, optional ones if typed."""
    kind = st.radio("Add", ["person", "event", "figure"], horizontal=True, key="add_kind")
    required: dict[str, Any] = {"add": kind}
    if kind != "figure":
        required["name"] = st.text_input("Name", key="add_name")
    optional: dict[str, Any] = {}
    approx = False
    left, right = st.columns(2)
    article = right.selectbox(
        "Article it is from" + (" (optional)" if kind == "person" else ""),
        list(articles),
        index=None,
        format_func=lambda f: f"{articles[f]} ({f})",
        placeholder=SEARCH,
        key="add_article",
    )
    if kind == "person":
        optional["title"] = left.text_input("Title (optional)", key="add_title")
        optional["organization"] = left.selectbox(
            "Organisation (optional)", list(orgs["name"]), index=None, placeholder=SEARCH, key="add_org"
        )
        optional["country"] = right.text_input("Country (optional)", key="add_country")
        optional["article"] = article
    elif kind == "figure":
        required["article"] = article
        required["value"] = left.text_input("Value, a number (e.g. 3000 or 64.4)", key="add_value")
        required["unit"] = left.text_input("Unit (e.g. people, percent, AZN)", key="add_unit")
        required["text"] = right.text_input("As written in the article (e.g. '~3,000 people')", key="add_text")
        optional["subject"] = left.text_input("What it counts (optional)", key="add_subject")
        optional["event"] = right.selectbox(
            "Event (optional)", sorted(set(events["name"])), index=None, placeholder=SEARCH, key="add_event"
        )
        optional["person"] = left.selectbox(
            "Said by (optional)", list(people["name"]), index=None, placeholder=SEARCH, key="add_person"
        )
        approx = right.checkbox("Approximate ('about', 'more than')", key="add_approx")
    else:
        required["type"] = left.selectbox(
            "Type", sorted(EVENT_TYPES), index=None, placeholder="pick one", key="add_type"
        )
        required["article"] = article
        optional["start"] = left.text_input("First day (optional, YYYY-MM-DD)", key="add_start")
        optional["end"] = right.text_input("Last day (optional)", key="add_end")
        optional["parent"] = left.selectbox(
            "Part of (optional)", sorted(set(events["name"])), index=None, placeholder=SEARCH, key="add_parent"
        )
        optional["venue"] = right.text_input("Venue (optional)", key="add_venue")
        optional["city"] = left.text_input("City (optional)", key="add_city")
    required["note"] = st.text_input("Note: where the text says so", key="add_note")
    if st.button("Add", key="add_save"):
        entry = edit.filled(required)
        if entry is None:
            st.warning("Fill in every field not marked optional.")
            return
        if kind == "figure":
            value = edit.number(entry["value"])
            if value is None:
                st.warning(f"'{entry['value']}' is not a number: write it without units, e.g. 3000.")
                return
            entry["value"] = value
        entry.update({k: edit.shown(v).strip() for k, v in optional.items() if edit.shown(v).strip()})
        if approx:
            entry["approx"] = True
        decide(entry, f"added {kind}")
        st.rerun()


def _day(value: Any) -> str:
    return "" if value is None or pd.isna(value) else f"{pd.Timestamp(value):%Y-%m-%d}"


def _plural(kind: str) -> str:
    return "people" if kind == "people" else "organisations"


def _readable(kind: str) -> str:
    return "organisation" if kind == "organization" else kind
