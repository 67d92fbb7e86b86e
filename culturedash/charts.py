"""Plotly figures styled for screenshots: titled, subtitled, sourced, one colour per category, colour-blind safe."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd
import plotly.graph_objects as go

# Okabe-Ito palette (plus Tol's for more categories): distinguishable with the common colour-vision deficiencies.
# Fixed per category so that "panel" or "museum" is the same colour on every page.
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
ORG_KIND_COLOURS = {
    "government": "#0072B2",
    "museum": "#E69F00",
    "education": "#009E73",
    "company": "#D55E00",
    "ngo": "#CC79A7",
    "international": "#56B4E9",
    "media": "#F0E442",
    "performing group": "#882255",
    "other": "#999999",
    "not stated": "#DDDDDD",
}
_EXTRA = ["#332288", "#44AA99", "#117733", "#AA4499", "#DDCC77", "#88CCEE", "#661100", "#6699CC", "#999933"]
_FONT = "Inter, Helvetica, Arial, sans-serif"


def colour_for(value: str, palette: dict[str, str]) -> str:
    """The fixed colour of a category, or a stable extra colour for values the palette does not list."""
    if value in palette:
        return palette[value]
    return _EXTRA[sum(map(ord, value)) % len(_EXTRA)]


def plotly_config(file_name: str, image_format: str = "png") -> dict[str, Any]:
    """Toolbar settings: the camera button saves `file_name` as PNG at 3x scale or as SVG."""
    options: dict[str, Any] = {"format": image_format, "filename": file_name}
    if image_format == "png":
        options["scale"] = 3
    return {"displaylogo": False, "toImageButtonOptions": options}


def frame_figure(fig: go.Figure, title: str, subtitle: str, source: str, height: int = 420) -> go.Figure:
    """Title, filter subtitle and source footnote on every chart, in one style."""
    fig.update_layout(
        title={"text": f"{title}<br><sup>{subtitle}</sup>", "x": 0, "xanchor": "left", "font": {"size": 18}},
        template="plotly_white",
        font={"family": _FONT, "size": 12},
        height=height,
        margin={"l": 10, "r": 20, "t": 110, "b": 100},
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 1, "xanchor": "right", "title": None},
    )
    fig.add_annotation(
        text=source,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-60,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        font={"size": 10, "color": "#666"},
        align="left",
    )
    return fig


def events_by_type_bar(frame: pd.DataFrame, subtitle: str, source: str) -> go.Figure:
    """Horizontal bars of event counts per type, one colour per type."""
    fig = go.Figure(
        go.Bar(
            x=frame["events"],
            y=frame["type"].str.replace("_", " "),
            orientation="h",
            marker_color=[colour_for(t, EVENT_TYPE_COLOURS) for t in frame["type"]],
            text=frame["events"],
            textposition="outside",
            cliponaxis=False,
        )
    )
    fig.update_layout(yaxis={"autorange": "reversed", "title": None}, xaxis={"title": "events"})
    return frame_figure(fig, "Events reported, by type", subtitle, source, height=360)


def timeline(frame: pd.DataFrame, subtitle: str, source: str) -> go.Figure:
    """Events as bars from start to end, a forum's panels listed under it, coloured by type.

    Each bar's customdata carries the event id, so a click on it selects the event.
    """
    rows = _tree_order(frame)
    fig = go.Figure()
    for event_type in sorted(rows["type"].unique()):
        part = rows[rows["type"] == event_type]
        # a one-day event still needs a visible bar: end is the day after
        widths = (pd.to_datetime(part["end_date"]) - pd.to_datetime(part["start_date"])).dt.days + 1
        fig.add_trace(
            go.Bar(
                base=pd.to_datetime(part["start_date"]),
                x=widths * 86_400_000,
                y=part["label"],
                orientation="h",
                name=event_type.replace("_", " "),
                marker_color=colour_for(event_type, EVENT_TYPE_COLOURS),
                customdata=part[["event_id", "name", "when", "place", "participants", "article"]].to_numpy(),
                hovertemplate=(
                    "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]}<br>"
                    "%{customdata[4]} participants<br>Source: %{customdata[5]}<extra></extra>"
                ),
            )
        )
    fig.update_layout(
        barmode="overlay",
        xaxis={"type": "date", "title": None},
        yaxis={"title": None, "categoryorder": "array", "categoryarray": list(rows["label"])[::-1]},
    )
    return frame_figure(fig, "Events on a time line", subtitle, source, height=max(360, 90 + 26 * len(rows)))


def _tree_order(frame: pd.DataFrame) -> pd.DataFrame:
    """Parents first, each followed by its children (indented), by date."""
    rows = frame.copy()
    rows["when"] = [_when(s, e) for s, e in zip(rows["start_date"], rows["end_date"], strict=True)]
    rows["place"] = [
        ", ".join(v for v in (venue, city) if isinstance(v, str) and v) or "venue not stated"
        for venue, city in zip(rows["venue"], rows["city"], strict=True)
    ]
    records = rows.reset_index(drop=True)
    ids = set(records["event_id"])
    children: dict[str, list[int]] = {}
    roots: list[int] = []
    for i, parent in enumerate(records["parent_id"]):
        if isinstance(parent, str) and parent in ids:
            children.setdefault(parent, []).append(i)
        else:
            roots.append(i)
    order: list[tuple[int, int]] = []

    def walk(i: int, depth: int) -> None:
        order.append((i, depth))
        for child in children.get(str(records["event_id"].iloc[i]), []):
            walk(child, depth + 1)

    for root in roots:
        walk(root, 0)
    out = records.iloc[[i for i, _ in order]].copy()
    out["label"] = [
        ("\u2003" * depth + ("└ " if depth else "")) + _short(str(records["name"].iloc[i])) for i, depth in order
    ]
    # labels are categories: make duplicates unique without changing what is shown
    seen: dict[str, int] = {}
    unique = []
    for label in out["label"]:
        seen[label] = seen.get(label, 0) + 1
        unique.append(label + "\u200b" * (seen[label] - 1))
    out["label"] = unique
    return out


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _when(start: Any, end: Any) -> str:
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    return f"{start:%d %b %Y}" if start == end else f"{start:%d %b %Y} – {end:%d %b %Y}"


def monthly(frame: pd.DataFrame, subtitle: str, source: str) -> go.Figure:
    """Stacked bars: events per month, by type."""
    fig = go.Figure()
    for event_type in sorted(frame["type"].unique()):
        part = frame[frame["type"] == event_type]
        fig.add_trace(
            go.Bar(
                x=pd.to_datetime(part["month"]),
                y=part["events"],
                name=event_type.replace("_", " "),
                marker_color=colour_for(event_type, EVENT_TYPE_COLOURS),
                hovertemplate="%{x|%B %Y}: %{y} events<extra>" + event_type.replace("_", " ") + "</extra>",
            )
        )
    fig.update_layout(
        barmode="stack",
        xaxis={"type": "date", "dtick": "M1", "tickformat": "%b %Y", "title": None},
        yaxis={"title": "events", "dtick": 1 if frame.groupby("month")["events"].sum().max() < 10 else None},
    )
    return frame_figure(fig, "Events per month, by type", subtitle, source, height=380)


def network(
    graph: nx.Graph,
    positions: dict[str, tuple[float, float]],
    sizes: dict[str, float],
    colour_by: str,
    labelled: set[str],
    title: str,
    subtitle: str,
    source: str,
) -> go.Figure:
    """Nodes at seeded positions, sized by a centrality, coloured by a category; edges' width = weight."""
    fig = go.Figure()
    for a, b, data in graph.edges(data=True):
        (x0, y0), (x1, y1) = positions[a], positions[b]
        fig.add_trace(
            go.Scatter(
                x=[x0, x1],
                y=[y0, y1],
                mode="lines",
                line={"width": 0.6 + 1.2 * data["weight"], "color": "rgba(120,120,120,0.45)"},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    palette = ORG_KIND_COLOURS if colour_by == "org_kind" else {}
    largest = max(sizes.values(), default=1) or 1
    categories = sorted({graph.nodes[n].get(colour_by, "not stated") for n in graph.nodes})
    for category in categories:
        nodes = [n for n in graph.nodes if graph.nodes[n].get(colour_by, "not stated") == category]
        fig.add_trace(
            go.Scatter(
                x=[positions[n][0] for n in nodes],
                y=[positions[n][1] for n in nodes],
                mode="markers+text",
                name=category,
                text=[graph.nodes[n]["label"] if n in labelled else "" for n in nodes],
                textposition="top center",
                textfont={"size": 11},
                marker={
                    "size": [10 + 26 * sizes.get(n, 0) / largest for n in nodes],
                    "color": colour_for(category, palette),
                    "line": {"width": 1, "color": "#333"},
                },
                customdata=[[n, graph.nodes[n]["label"], graph.degree(n)] for n in nodes],
                hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]} co-participants<extra></extra>",
            )
        )
    fig.update_layout(
        xaxis={"visible": False},
        yaxis={"visible": False, "scaleanchor": "x"},
        legend={"title": colour_by.replace("org_kind", "organisation kind")},
    )
    return frame_figure(fig, title, subtitle, source, height=620)


def ranked_bars(
    frame: pd.DataFrame,
    value: str,
    label: str,
    colour_column: str,
    title: str,
    subtitle: str,
    source: str,
    legend: bool = True,
) -> go.Figure:
    """Horizontal bars, largest on top, coloured by a category column (organisation kind)."""
    fig = go.Figure()
    for category in sorted(frame[colour_column].unique()):
        part = frame[frame[colour_column] == category]
        fig.add_trace(
            go.Bar(
                x=part[value],
                y=part[label],
                orientation="h",
                name=category,
                marker_color=colour_for(category, ORG_KIND_COLOURS),
                text=part[value],
                textposition="outside",
                cliponaxis=False,
                customdata=part[["org_id"]].to_numpy() if "org_id" in part else None,
                hovertemplate="%{y}: %{x}<extra>" + category + "</extra>",
            )
        )
    order = frame.sort_values([value, label], ascending=[False, True])[label].tolist()
    fig.update_layout(
        barmode="overlay",
        yaxis={"title": None, "categoryorder": "array", "categoryarray": order[::-1]},
        xaxis={"title": value.replace("_", " ")},
        showlegend=legend,
    )
    return frame_figure(fig, title, subtitle, source, height=max(360, 120 + 24 * len(frame)))


def figure_bars(frame: pd.DataFrame, title: str, subtitle: str, source: str) -> go.Figure:
    """Labelled bars for figures that belong together (same unit), value written on each bar."""
    percent = (frame["unit"] == "percent").all()
    labels = list(frame["figure"])  # written as the article does: "64.4%", "close to 60%", "~12,000 people"
    fig = go.Figure(
        go.Bar(
            x=frame["label"],
            y=frame["value"],
            text=labels,
            textposition="outside",
            cliponaxis=False,
            marker_color="#0072B2",
            hovertemplate="%{x}: %{text}<extra></extra>",
        )
    )
    fig.update_layout(
        yaxis={
            "title": "% " if percent else str(frame["unit"].iloc[0]),
            "range": [0, 100] if percent else None,
            "ticksuffix": "%" if percent else "",
        },
        xaxis={"title": None},
        showlegend=False,
    )
    return frame_figure(fig, title, subtitle, source, height=420)
