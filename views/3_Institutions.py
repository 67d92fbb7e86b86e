"""Institutions: organisations ranked by a chosen measure, breakdowns by kind and country, one body in detail."""

import streamlit as st

from culturedash import charts, source_queries, ui
from culturedash.app_state import query
from culturedash.filters import selected_keys
from culturedash.safe_text import md

METRICS = {
    "mentions": "times named",
    "articles": "articles naming it",
    "events": "events its people took part in",
    "people": "people affiliated",
}

page = ui.setup("Institutions")
ui.header(page, "Institutions in the news")

metric = ui.url_choice("Rank by", list(METRICS), "metric", METRICS)
PICKABLE = 300  # bodies offered in the detail picker: the best ranked (a clicked or linked one is always there)

ranked = query(source_queries.institution_ranking, page.filters, metric)
clicked: list[str] = []
if ranked.empty:
    ui.empty("organisations", page.filters)
else:
    top = ranked.head(20)
    state = ui.show_chart(
        charts.ranked_bars(
            top,
            metric,
            "name",
            "kind",
            f"Organisations by {METRICS[metric]} (top {len(top)})",
            page.subtitle,
            page.source,
        ),
        page,
        f"institutions-by-{metric}",
        on_select="rerun",
        selection_mode="points",
        key="ranking_chart",
    )
    clicked = selected_keys(state)
    left, right = ui.columns(page, [1, 1])
    for column, field, title in ((left, "kind", "kind"), (right, "country", "country")):
        counts = query(source_queries.institution_breakdown, page.filters, metric, field)
        counts["org_id"] = counts[field]
        counts["kind_colour"] = counts[field] if field == "kind" else "other"
        with column:
            ui.show_chart(
                charts.ranked_bars(
                    counts,
                    "organisations",
                    field,
                    "kind_colour",
                    f"Organisations by {title}",
                    page.subtitle,
                    page.source,
                    legend=False,  # the axis names the categories
                    width=charts.HALF,
                ),
                page,
                f"institutions-by-{title}",
            )
    st.subheader(f"All {len(ranked)} organisations")
    table = ranked.drop(columns=["org_id"])
    ui.table(table, "institutions")

    st.header("One institution")
    wanted = clicked[0] if clicked else st.session_state.get("org_pick", st.query_params.get("institution"))
    pickable = ranked[(ranked.index < PICKABLE) | (ranked["org_id"] == wanted)]
    names = dict(zip(pickable["org_id"], pickable["name"], strict=True))
    if clicked and clicked[0] in names:
        st.session_state["org_pick"] = clicked[0]
    org_id = ui.url_pick("Institution (or click a bar above)", names, "org_pick", "institution", what="Institution")
    row = ranked[ranked["org_id"] == org_id].iloc[0]
    facts = [md(row["kind"]), md(row["country"]), f"named {row['mentions']} times in {row['articles']} articles"]
    if not page.report:  # the report has just named it in a heading
        facts.insert(0, f"**{md(row['name'])}**")
    st.markdown(" · ".join(facts))
    people = query(source_queries.institution_people, org_id)
    events = query(source_queries.institution_events, org_id)
    mentions = query(source_queries.institution_mentions, org_id)
    tab_people, tab_events, tab_sentences = ui.sections(
        [f"People ({len(people)})", f"Events ({len(events)})", f"Sentences ({len(mentions)})"]
    )
    for tab, frame, what, none in (
        (tab_people, people, "people", "No person is tied to this body in the articles."),
        (tab_events, events, "events", "None of its people is shown taking part in an event."),
        (tab_sentences, mentions, "sentences", "No sentence names it."),
    ):
        with tab:
            if frame.empty:
                st.write(none)
            else:
                ui.table(frame, f"institution-{what}")
