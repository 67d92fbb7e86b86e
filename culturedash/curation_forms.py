"""The Data page's curation forms: a suggestion's evidence side by side, merge or separate any two names, split a
person, drop and add records (corrections are in `correction_forms`). Each form hands its entry to `decide`;
nothing is written that the analyst did not type or pick."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from culturedash import curation_edit as edit
from culturedash.pickers import search_select
from culturedash.safe_text import md
from etl.curation_file import EVENT_TYPES

Decide = Callable[[dict[str, Any], str], None]


def evidence(column: Any, name: str, context: pd.DataFrame) -> None:
    """What the articles say of one name, as wrapped text in `column`: article, title and body, then the sentence.

    A table put the title, organisation and sentence in columns beyond the card's right edge.
    """
    column.markdown(f"**{md(name)}**")  # names, titles and sentences are article text: escaped
    if context.empty:
        column.caption("No sentence about this name.")
        return
    for row in context.head(5).to_dict("records"):
        facts = [md(row.get(k)) for k in ("title", "organisation", "as written")]
        said = " · ".join(f for f in facts if f)
        column.caption(md(row.get("article")) + (f" — {said}" if said else ""))
        column.markdown(f"> {md(row.get('sentence'))}")
    if len(context) > 5:
        column.caption(f"… and {len(context) - 5} more sentences.")


def rename_namesake(kind: str, other_id: str, name: str, key: str, decide: Decide) -> None:
    """Two records with one name: the curation file cannot say which to keep by name (a merge by name merged a
    record with itself), so the second is renamed by its id first; then they can be merged or kept apart."""
    st.caption(
        f"Both are called {md(name)}. To merge them or tell them apart, first give the second (right) a "
        "distinguishing name, e.g. with their organisation."
    )
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    new = left.text_input("Rename the second to", key=f"rename-{key}")
    if right.button("Rename", key=f"rename-save-{key}", width="content"):
        entry = edit.filled(
            {"correct": "person" if kind == "person" else "organization", "name": other_id, "rename": new}
        )
        if entry is None or entry["rename"] == name:
            st.warning("Type a name that differs from the first.")
            return
        decide(entry, "renamed one of two namesakes")
        st.rerun()


def merge_any(people: pd.DataFrame, orgs: pd.DataFrame, decide: Decide) -> None:
    """Merge two names the resolver did not suggest, or keep two apart, picked in search boxes; a merge keeps the
    first."""
    kind = st.radio("Records", ["people", "organizations"], horizontal=True, key="merge_kind", format_func=_plural)
    names = list((people if kind == "people" else orgs)["name"])
    left, right = st.columns(2)
    keep = search_select(left, "Name to keep", names, index=None, key="merge_keep")
    other = search_select(right, "Same as (merged into the first)", names, index=None, key="merge_other")
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
    name = search_select(left, "Person", people["name"].tolist(), index=None, key="split_name")
    article = search_select(
        right,
        "The article that means someone else",
        list(articles),
        index=None,
        format_func=lambda f: f"{articles[f]} ({f})",
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


def drop_record(
    people: pd.DataFrame, orgs: pd.DataFrame, events: pd.DataFrame, figures: pd.DataFrame, decide: Decide
) -> None:
    """Drop a wrongly extracted person, organisation, event or figure (from every build), after a confirmation."""
    figure_labels = {
        i: f"{text} — {title} ({file})"
        for i, (text, title, file) in enumerate(
            zip(figures["text"].tolist(), figures["article"].tolist(), figures["file_name"].tolist(), strict=True)
        )
    }
    choices: dict[str, dict[Any, str]] = {
        "person": {n: n for n in people["name"].tolist()},
        "organization": {n: n for n in orgs["name"].tolist()},
        "event": {n: n for n in sorted(set(events["name"].tolist()))},
        "figure": figure_labels,
    }
    kind = st.radio("Record", list(choices), horizontal=True, key="drop_kind", format_func=_readable)
    names = choices[kind]
    picked = search_select(
        st, f"The {_readable(kind)} to drop", list(names), index=None, format_func=lambda v: names[v], key="drop_name"
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
    article = search_select(
        right,
        "Article it is from" + (" (optional)" if kind == "person" else ""),
        list(articles),
        index=None,
        format_func=lambda f: f"{articles[f]} ({f})",
        key="add_article",
    )
    if kind == "person":
        optional["title"] = left.text_input("Title (optional)", key="add_title")
        optional["organization"] = search_select(
            left, "Organisation (optional)", orgs["name"].tolist(), index=None, key="add_org"
        )
        optional["country"] = right.text_input("Country (optional)", key="add_country")
        optional["article"] = article
    elif kind == "figure":
        required["article"] = article
        required["value"] = left.text_input("Value, a number (e.g. 3000 or 64.4)", key="add_value")
        required["unit"] = left.text_input("Unit (e.g. people, percent, AZN)", key="add_unit")
        required["text"] = right.text_input("As written in the article (e.g. '~3,000 people')", key="add_text")
        optional["subject"] = left.text_input("What it counts (optional)", key="add_subject")
        optional["event"] = search_select(
            right, "Event (optional)", sorted(set(events["name"].tolist())), index=None, key="add_event"
        )
        optional["person"] = search_select(
            left, "Said by (optional)", people["name"].tolist(), index=None, key="add_person"
        )
        approx = right.checkbox("Approximate ('about', 'more than')", key="add_approx")
    else:
        required["type"] = left.selectbox(
            "Type", sorted(EVENT_TYPES), index=None, placeholder="pick one", key="add_type"
        )
        required["article"] = article
        optional["start"] = left.text_input("First day (optional, YYYY-MM-DD)", key="add_start")
        optional["end"] = right.text_input("Last day (optional)", key="add_end")
        optional["parent"] = search_select(
            left, "Part of (optional)", sorted(set(events["name"].tolist())), index=None, key="add_parent"
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
                st.warning(f"'{md(entry['value'])}' is not a number: write it without units, e.g. 3000.")
                return
            entry["value"] = value
        entry.update({k: edit.shown(v).strip() for k, v in optional.items() if edit.shown(v).strip()})
        if approx:
            entry["approx"] = True
        decide(entry, f"added {kind}")
        st.rerun()


def _plural(kind: str) -> str:
    return "people" if kind == "people" else "organisations"


def _readable(kind: str) -> str:
    return "organisation" if kind == "organization" else kind
