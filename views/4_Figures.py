"""Figures: every reported quantity with its evidence, and charts of figures that belong together."""

import streamlit as st

from culturedash import charts, event_queries, ui
from culturedash import figures as figs
from culturedash.app_state import query
from culturedash.safe_text import md

page = ui.setup("Figures")
ui.header(
    page,
    "Reported figures",
    "Every number the articles report, with who said it, at which event, and the sentence it comes from.",
)

PICKABLE = 300  # figures offered in the chart picker when no group is chosen

table = figs.with_display(query(event_queries.figures_table, page.filters))
if table.empty:
    ui.empty("figures", page.filters)
else:
    groups = figs.proposed_groups(query(event_queries.figure_groups, page.filters))
    st.subheader("Chart figures that belong together")
    if groups:
        # the group is kept in the URL, so the report view charts the same figures (and names them)
        picked_group = ui.url_pick(
            "Proposed groups (same unit, source and speaker)",
            {n: n for n, _ in groups},
            "fig_group",
            "group",
            heading=False,  # a second heading read heavily: the report names the group in a line of text
        )
        if page.report:
            st.markdown(f"*{md(picked_group)}*")
        default = dict(groups)[picked_group]
    else:
        st.write("No two figures share a unit and a source; pick figures with the same unit below.")
        default = []
    if page.report:
        chosen = default  # no controls in the report: they left gaps above the chart
    else:
        # the figures offered: the first few hundred and those charted (thousands of options slowed every run)
        offered = table[(table.index < PICKABLE) | table["figure_id"].isin(default)]
        labels = dict(
            zip(
                offered["figure_id"],
                offered["figure"] + " — " + offered["subject"].fillna(offered["text"]),
                strict=True,
            )
        )
        chosen = st.multiselect("Figures in the chart", list(labels), default=default, format_func=labels.get)
    frame = figs.chart_frame(table, chosen, query(event_queries.previous_sentences, tuple(chosen)))
    if not frame.empty and not page.report:
        edited = st.data_editor(
            frame[["figure", "label"]],
            hide_index=True,
            disabled=["figure"],
            key="fig_labels",
            column_config={"label": "Bar label (edit to rename)"},
        )
        frame["label"] = list(edited["label"])
    if frame.empty:
        st.info("Choose two or more figures to chart them.")
    elif frame["unit"].nunique() > 1:
        units = ", ".join(md(u) for u in sorted(frame["unit"].unique()))
        st.warning(f"These figures have different units ({units}); choose figures with one unit to compare them.")
    else:
        speakers = sorted({s for s in frame["speaker"].dropna()})
        sources = sorted(set(frame["article"]))  # each "Outlet, headline, date"
        note = (f"Reported by {', '.join(speakers)}. " if speakers else "") + "Source: " + "; ".join(sources)
        unit = "shares of the stated population (%)" if frame["unit"].iloc[0] == "percent" else frame["unit"].iloc[0]
        ui.show_chart(
            charts.figure_bars(frame, f"Reported figures: {unit}", page.subtitle, note),
            page,
            "reported-figures",
        )

    st.subheader(f"All {len(table)} figures")
    shown = table[["figure", "subject", "speaker", "event", "date", "article", "evidence"]]
    ui.table(shown, "figures", download=table.drop(columns=["figure_id"]))
