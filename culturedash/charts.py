"""Plotly figures styled for screenshots: titled, subtitled, sourced, one colour per category, colour-blind safe."""

from __future__ import annotations

import textwrap
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from culturedash.safe_text import plain, plotly_text

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


def _white_template() -> go.layout.Template:
    """Plotly's "plotly_white" cut to what bar, line and scatter charts use: naming the whole template copied its
    maps, 3D scenes and colour scales into every figure (a third of the time a page spent on a chart)."""
    white = pio.templates["plotly_white"]
    used = ("autotypenumbers", "colorway", "font", "hovermode", "hoverlabel", "paper_bgcolor", "plot_bgcolor")
    layout = {key: white.layout[key] for key in (*used, "xaxis", "yaxis", "shapedefaults", "annotationdefaults")}
    return go.layout.Template(layout=layout, data={"bar": white.data.bar, "scatter": white.data.scatter})


_TEMPLATE = _white_template()


def colour_for(value: str, palette: dict[str, str]) -> str:
    """The fixed colour of a category, or a stable extra colour for values the palette does not list."""
    if value in palette:
        return palette[value]
    return _EXTRA[sum(map(ord, value)) % len(_EXTRA)]


# Charts are exported at this width (the camera button), whatever the screen: a report page's width.
EXPORT_WIDTH = 1000
# Text is wrapped for the narrowest place a chart is drawn: a full-width chart at 1024 px beside the
# sidebar is ~620 px wide, a chart in one of two columns ~300 px. Plotly never wraps nor shrinks text.
FULL, HALF = 620, 300
_TITLE_PX, _SUB_PX, _NOTE_PX = 10.5, 6.8, 5.8  # average character widths of the 18, 12 and 10 px fonts
_SUB_STYLE = "font-size:12px;font-weight:normal;color:#444"


def plotly_config(file_name: str, image_format: str = "png", height: int | None = None) -> dict[str, Any]:
    """Toolbar settings: the camera button saves `file_name` as PNG at 3x scale or as SVG, laid out at
    EXPORT_WIDTH x `height` so a pasted chart looks the same whichever screen it was saved from."""
    options: dict[str, Any] = {"format": image_format, "filename": file_name, "width": EXPORT_WIDTH}
    if height:
        options["height"] = height
    if image_format == "png":
        options["scale"] = 3
    return {"displaylogo": False, "toImageButtonOptions": options}


def wrap(text: str, width_px: float, char_px: float) -> list[str]:
    """`text` broken into lines that fit `width_px` at an average character width of `char_px`, each line escaped
    for Plotly (the text is shown as written: tags and entities in names are not markup)."""
    lines = textwrap.wrap(plain(text), max(12, int(width_px / char_px)), break_on_hyphens=False) or [""]
    return [plotly_text(line) for line in lines]


def frame_figure(
    fig: go.Figure,
    title: str,
    subtitle: str,
    source: str,
    height: int = 420,
    width: int = FULL,
    axis_space: int = 50,
) -> go.Figure:
    """Title, filter subtitle, legend and source footnote on every chart, in one style, never clipped.

    Everything is placed in pixels: the title block at the top, the legend in rows under it (from the
    figure's left edge), then the plot (`height` px), the x axis (`axis_space` px) and the wrapped source
    note, which runs from the plot's right edge leftwards so long left-hand labels cannot push it off the
    figure. `width` is the narrowest width the chart is shown at; text is wrapped to fit it.
    """
    titles = wrap(title, width - 20, _TITLE_PX)
    subs = wrap(subtitle, width - 20, _SUB_PX)
    notes = wrap(source, width - 30, _NOTE_PX)
    text = "<br>".join(titles) + f'<br><span style="{_SUB_STYLE}">' + "<br>".join(subs) + "</span>"
    head = 20 + 24 * len(titles) + 17 * len(subs) + 10
    rows = legend_rows(fig, width - 20)
    top = head + 22 * rows + (8 if rows else 6)
    bottom = axis_space + 14 * len(notes) + 12
    total = height + top + bottom
    fig.update_layout(
        title={
            "text": text,
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "y": 1 - 20 / total,  # 20 px down (the text rises ~8 px above it): pads are dropped in exports
            "yref": "container",
            "yanchor": "top",
            "pad": {"l": 10},
            "font": {"size": 18},
        },
        template=_TEMPLATE,
        font={"family": _FONT, "size": 12},
        height=total,
        margin={"l": 10, "r": 20, "t": top, "b": bottom},
        legend={
            "orientation": "h",
            "xref": "container",
            "x": 0.01,
            "xanchor": "left",
            "yref": "container",
            "y": 1 - head / total,
            "yanchor": "top",
            "title": None,
        },
    )
    fig.add_annotation(
        text="<br>".join(notes),
        xref="paper",
        yref="paper",
        x=1,
        y=0,
        yshift=-axis_space,
        xanchor="right",
        yanchor="top",
        showarrow=False,
        font={"size": 10, "color": "#555"},
        align="right",
    )
    return fig


def legend_rows(fig: go.Figure, width_px: float) -> int:
    """How many rows a horizontal legend of the figure's named traces takes at `width_px` (0 if none)."""
    if fig.layout.showlegend is False:
        return 0
    names = [t.name for t in fig.data if t.name and t.showlegend is not False]
    if len(names) < 2 and fig.layout.showlegend is not True:
        return 0  # Plotly shows no legend for a single trace
    rows, used = 1, 0.0
    for name in names:
        item = 46 + _SUB_PX * len(name)  # symbol, gap and text
        if used and used + item > width_px:
            rows, used = rows + 1, 0.0
        used += item
    return rows


def all_categories(labels: list[str]) -> dict[str, Any]:
    """A category axis that writes every label (Plotly skips some when it thinks they are crowded)."""
    return {"tickmode": "array", "tickvals": labels, "ticktext": labels}


def events_by_type_bar(frame: pd.DataFrame, subtitle: str, source: str) -> go.Figure:
    """Horizontal bars of event counts per type, one colour per type."""
    fig = go.Figure(
        go.Bar(
            x=frame["events"],
            y=[plotly_text(t.replace("_", " ")) for t in frame["type"]],
            orientation="h",
            marker_color=[colour_for(t, EVENT_TYPE_COLOURS) for t in frame["type"]],
            text=frame["events"],
            textposition="outside",
            cliponaxis=False,
        )
    )
    labels = [plotly_text(t.replace("_", " ")) for t in frame["type"]]
    fig.update_layout(
        yaxis={"autorange": "reversed", "title": None, **all_categories(labels)},
        xaxis={"title": "events"},
        showlegend=False,
    )
    fig.update_xaxes(range=[0, headroom(frame["events"])])
    return frame_figure(fig, "Events reported, by type", subtitle, source, height=max(120, 26 * len(labels)))


def headroom(values: pd.Series) -> float:
    """An axis end with room for the value written outside the longest bar."""
    return float(values.max() or 1) * 1.12 + 0.5


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
                name=plotly_text(event_type.replace("_", " ")),
                marker_color=colour_for(event_type, EVENT_TYPE_COLOURS),
                customdata=part[["event_id", "name", "when", "place", "participants", "article"]].to_numpy(),
                hovertemplate=(
                    "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]}<br>"
                    "%{customdata[4]}<br>Source: %{customdata[5]}<extra></extra>"
                ),
            )
        )
    fig.update_layout(
        barmode="overlay",
        xaxis={"type": "date", "title": None, **day_axis(rows["start_date"], rows["end_date"])},
        yaxis={
            "title": None,
            "categoryorder": "array",
            "categoryarray": list(rows["label"])[::-1],
            **all_categories(list(rows["label"])),
        },
    )
    return frame_figure(fig, "Events on a time line", subtitle, source, height=max(160, 26 * len(rows)), axis_space=34)


def day_axis(starts: pd.Series, ends: pd.Series, days: int = 14) -> dict[str, Any]:
    """A date axis that never shows hours: at least `days` wide around short spans, ticks on whole days."""
    first, last = pd.to_datetime(starts).min(), pd.to_datetime(ends).max() + pd.Timedelta(days=1)
    if last - first >= pd.Timedelta(days=days):
        # level labels, few enough to fit a narrow chart (slanted ones ran into the source note)
        long = last - first > pd.Timedelta(days=90)
        return {"tickformat": "%b %Y" if long else "%d %b %Y", "tickangle": 0, "nticks": 6}
    middle = first + (last - first) / 2
    half = pd.Timedelta(days=days / 2)
    return {
        "range": [middle - half, middle + half],
        "tickformat": "%d %b %Y",
        "tickangle": 0,
        "dtick": 86_400_000 * max(1, days // 7),  # a tick every few days: never an hourly axis
    }


def _tree_order(frame: pd.DataFrame) -> pd.DataFrame:
    """Parents first, each followed by its children (indented), by date."""
    rows = frame.copy()
    rows["when"] = [_when(s, e) for s, e in zip(rows["start_date"], rows["end_date"], strict=True)]
    rows["place"] = [
        plotly_text(", ".join(v for v in (venue, city) if isinstance(v, str) and v) or "venue not stated")
        for venue, city in zip(rows["venue"], rows["city"], strict=True)
    ]
    sessions = rows["in_sessions"] if "in_sessions" in rows else [0] * len(rows)
    rows["participants"] = [
        f"{n} participants" + (f" (+{m} in its sessions)" if m else "")
        for n, m in zip(rows["participants"], sessions, strict=True)
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
        ("\u2003" * depth + ("└ " if depth else "")) + plotly_text(_short(plain(records["name"].iloc[i])))
        for i, depth in order
    ]
    # labels are categories: make duplicates unique without changing what is shown
    seen: dict[str, int] = {}
    unique = []
    for label in out["label"]:
        seen[label] = seen.get(label, 0) + 1
        unique.append(label + "\u200b" * (seen[label] - 1))
    out["label"] = unique
    # names and titles go into the hover as they are written (customdata is read as Plotly's HTML subset)
    out["name"] = [plotly_text(n) for n in out["name"]]
    out["article"] = [plotly_text(a) for a in out["article"]]
    return out


def _template(text: str) -> str:
    """Text put inside a hovertemplate: escaped, and '%{' written so that Plotly does not read it as a field."""
    return plotly_text(text).replace("%{", "%&#123;")


def _short(text: str, limit: int = 42) -> str:
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
                x=pd.to_datetime(part["month"]) + pd.Timedelta(days=14),
                y=part["events"],
                width=20 * 86_400_000,  # 20 days in ms: Plotly cannot infer a bar's width from one month alone
                name=plotly_text(event_type.replace("_", " ")),
                marker_color=colour_for(event_type, EVENT_TYPE_COLOURS),
                hovertemplate=f"%{{x|%B %Y}}: %{{y}} events<extra>{_template(event_type.replace('_', ' '))}</extra>",
            )
        )
    fig.update_layout(
        barmode="stack",
        xaxis={
            "type": "date",
            "dtick": "M1",
            "tickformat": "%b %Y",
            "ticklabelmode": "period",  # the label sits under its month, beneath the bar
            "title": None,
            **_month_range(frame["month"]),
        },
        yaxis={"title": "events", "dtick": 1 if frame.groupby("month")["events"].sum().max() < 10 else None},
    )
    return frame_figure(fig, "Events per month, by type", subtitle, source, height=260, axis_space=34)


def _month_range(months: pd.Series) -> dict[str, Any]:
    """Half a month of room either side, so one month shows as one labelled bar, not a day-by-day axis."""
    first, last = pd.to_datetime(months).min(), pd.to_datetime(months).max()
    return {"range": [first - pd.Timedelta(days=10), last + pd.Timedelta(days=40)]}


def ranked_bars(
    frame: pd.DataFrame,
    value: str,
    label: str,
    colour_column: str,
    title: str,
    subtitle: str,
    source: str,
    legend: bool = True,
    width: int = FULL,
) -> go.Figure:
    """Horizontal bars, largest on top, coloured by a category column (organisation kind); `width` as in
    frame_figure."""
    fig = go.Figure()
    shown = {name: plotly_text(name) for name in frame[label]}  # names as written, never as markup
    for category in sorted(frame[colour_column].unique()):
        part = frame[frame[colour_column] == category]
        fig.add_trace(
            go.Bar(
                x=part[value],
                y=[shown[n] for n in part[label]],
                orientation="h",
                name=plotly_text(category),
                marker_color=colour_for(category, ORG_KIND_COLOURS),
                text=part[value],
                textposition="outside",
                cliponaxis=False,
                customdata=part[["org_id"]].to_numpy() if "org_id" in part else None,
                hovertemplate="%{y}: %{x}<extra>" + _template(category) + "</extra>",
            )
        )
    order = [shown[n] for n in frame.sort_values([value, label], ascending=[False, True])[label]]
    fig.update_layout(
        barmode="overlay",
        yaxis={"title": None, "categoryorder": "array", "categoryarray": order[::-1], **all_categories(order)},
        xaxis={"title": value.replace("_", " "), "range": [0, headroom(frame[value])]},
        showlegend=legend,
    )
    return frame_figure(fig, title, subtitle, source, height=max(120, 24 * len(frame)), width=width)


def figure_bars(frame: pd.DataFrame, title: str, subtitle: str, source: str) -> go.Figure:
    """Labelled bars for figures that belong together (same unit), value written on each bar."""
    percent = (frame["unit"] == "percent").all()
    labels = [plotly_text(f) for f in frame["figure"]]  # as the article writes it: "64.4%", "~12,000 people"
    # bar labels wrapped on words rather than slanted: slanted labels run into the source note
    wrapped = ["<br>".join(wrap(label, 130, _SUB_PX)[:3]) for label in frame["label"]]
    lines = max((w.count("<br>") + 1 for w in wrapped), default=1)
    fig = go.Figure(
        go.Bar(
            x=wrapped,
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
            "title": "% " if percent else plotly_text(frame["unit"].iloc[0]),
            "range": [0, 100] if percent else None,
            "ticksuffix": "%" if percent else "",
        },
        xaxis={"title": None, "tickangle": 0},
        showlegend=False,
    )
    return frame_figure(fig, title, subtitle, source, height=300, axis_space=20 + 16 * lines)
