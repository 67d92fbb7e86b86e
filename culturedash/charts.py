"""Plotly figures styled for screenshots: titled, subtitled, sourced, colour-blind safe."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
EVENT_TYPE_COLOURS = {
    "forum": "#0072B2",
    "panel": "#56B4E9",
    "round_table": "#009E73",
    "meeting": "#E69F00",
    "training": "#D55E00",
    "ceremony": "#CC79A7",
    "exhibition": "#F0E442",
    "concert": "#8C564B",
    "festival": "#332288",
    "visit": "#44AA99",
    "competition": "#882255",
    "other": "#999999",
}

PLOTLY_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 3},
}


def events_by_type_bar(frame: pd.DataFrame, source_note: str) -> go.Figure:
    """Horizontal bars of event counts per type, one colour per type."""
    fig = go.Figure(
        go.Bar(
            x=frame["events"],
            y=frame["type"],
            orientation="h",
            marker_color=[EVENT_TYPE_COLOURS.get(t, "#999999") for t in frame["type"]],
            text=frame["events"],
            textposition="outside",
        )
    )
    fig.update_layout(
        title={"text": "Events reported, by type<br><sup>All articles in the database</sup>"},
        yaxis={"autorange": "reversed", "title": None},
        xaxis={"title": "events"},
        margin={"l": 10, "r": 10, "t": 70, "b": 60},
        height=360,
        template="plotly_white",
        annotations=[
            {
                "text": source_note,
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": -0.22,
                "showarrow": False,
                "font": {"size": 11, "color": "#666"},
            }
        ],
    )
    return fig
