"""Timeline: events on a time axis, a forum's panels under it; monthly counts; undated events; event details."""

import streamlit as st

from culturedash import charts, event_queries, tables, ui
from culturedash.app_state import query
from culturedash.filters import Filters, selected_keys
from culturedash.safe_text import md

page = ui.setup("Timeline")
ui.header(
    page,
    "Event timeline",
    "Each bar runs from an event's first to last day; panels and sessions sit under their forum.",
)

events = query(event_queries.timeline_events, page.filters)
clicked: list[str] = []
if events.empty:
    ui.empty("dated events", page.filters)
else:
    state = ui.show_chart(
        charts.timeline(events, page.subtitle, page.source),
        page,
        "events-timeline",
        on_select="rerun",
        selection_mode="points",
        key="timeline_chart",
    )
    clicked = selected_keys(state)

monthly = query(event_queries.monthly_counts, page.filters)
if not monthly.empty:  # the time line above already says when nothing matches
    ui.show_chart(charts.monthly(monthly, page.subtitle, page.source), page, "events-per-month")

undated = query(event_queries.undated_events, page.filters)
st.subheader(f"Events without a date ({len(undated)})")
if undated.empty:
    st.write("Every event that matches the filters has a date.")
else:
    ui.table(undated, "undated-events")

if not events.empty:
    with ui.expander(f"All {len(events)} dated events as a table"):
        # a table that reads (and prints) at 1024 px: one column for the dates, one for the place
        table = tables.readable_events(events)
        ui.table(table, "dated-events", download=events.drop(columns=["event_id", "parent_id"]))

st.header("Event details")
choices = query(event_queries.event_choices, page.filters)
if choices.empty:
    ui.empty("events", page.filters)
else:
    labels = dict(zip(choices["event_id"], choices["label"], strict=True))
    if clicked and clicked[0] in labels:
        st.session_state["event_pick"] = clicked[0]  # a click on the time line picks the event
    event_id = ui.url_pick("Event (or click a bar above)", labels, "event_pick", "event", what="Event")
    info = query(event_queries.event_info, event_id)
    place = ", ".join(v for v in (info.get("venue"), info.get("city")) if isinstance(v, str) and v)
    # every value is text from an article or the curation file: escaped, never read as Markdown
    facts = [
        f"**Type:** {md(str(info['type']).replace('_', ' '))}",
        f"**Dates:** {tables.dates_text(info)}",
        f"**Part of:** {md(info['parent'])}" if info.get("parent") else None,
        f"**Venue:** {md(place)}" if place else None,
        f"**Source:** {md(info['article'])}",
    ]
    st.markdown("  \n".join(f for f in facts if f))
    if info.get("evidence"):
        st.markdown(f"> {md(info['evidence'])}")
    participants = query(event_queries.event_participants, event_id)
    st.subheader(f"Participants ({len(participants)})")
    if participants.empty:
        st.write("The article names no participants for this event.")
    else:
        ui.table(participants, "event-participants")
    figures = query(event_queries.figures_table, Filters(), event_id)
    if not figures.empty:
        st.subheader(f"Figures reported at this event ({len(figures)})")
        ui.table(figures[["text", "subject", "speaker", "evidence"]], "event-figures")
