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

# A bar per event: at thousands of events the chart was metres tall and took seconds to draw. The latest are
# drawn, and the line under the chart says how to see the others.
DRAWN = 80
PICKABLE = 300  # events offered in the detail picker (the drawn ones, clicked or linked ones are always there)

events = query(event_queries.timeline_events, page.filters, DRAWN)
matching = int(events["matching"].iloc[0]) if len(events) else 0
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
    if matching > len(events):
        st.caption(
            f"The latest {len(events)} of {matching:,} dated events are drawn. Narrow the dates or the event types in "
            "the sidebar to see earlier ones."
        )

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
    drawn = f"The {len(events)} events drawn" if matching > len(events) else f"All {len(events)} dated events"
    with ui.expander(f"{drawn} as a table"):
        # a table that reads (and prints) at 1024 px: one column for the dates, one for the place
        table = tables.readable_events(events)
        ui.table(table, "dated-events", download=events.drop(columns=["event_id", "parent_id", "matching"]))

st.header("Event details")
wanted = clicked[0] if clicked else st.session_state.get("event_pick", st.query_params.get("event"))
choices = query(event_queries.event_choices, page.filters, PICKABLE, wanted)
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
    in_parts = query(event_queries.session_participants, event_id)
    st.subheader(f"Participants ({len(participants)})")
    if participants.empty:
        st.write(
            "The article names no participants for the event itself; those of its sessions are listed below."
            if len(in_parts)
            else "The article names no participants for this event."
        )
    else:
        ui.table(participants, "event-participants")
    if len(in_parts):
        # a forum's people are mostly named in its panels: shown apart, so nobody reads them as the forum's own
        sessions, people = in_parts["session"].nunique(), in_parts["name"].nunique()
        st.subheader(f"Participants in its sessions ({people} in {sessions} session{'s' if sessions > 1 else ''})")
        ui.table(in_parts, "event-session-participants")
    figures = query(event_queries.figures_table, Filters(), event_id)
    if not figures.empty:
        st.subheader(f"Figures reported at this event ({len(figures)})")
        ui.table(figures[["text", "subject", "speaker", "evidence"]], "event-figures")
