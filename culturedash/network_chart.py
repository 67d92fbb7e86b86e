"""The co-participation network drawn for reports: sized and coloured nodes, the most central labelled
without overlaps, and a legend in plain words."""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
import plotly.graph_objects as go

from culturedash.charts import FULL, ORG_KIND_COLOURS, colour_for, frame_figure
from culturedash.safe_text import plain, plotly_text

PLOT_HEIGHT = 540  # px of the plot area: labels are placed for this height and the narrowest width
_CHAR_PX, _LABEL_H = 6.6, 16  # an 11 px label's average character width and its box height
_WIDEST = 6  # links shared at this many events or more are drawn equally thick


def network(
    graph: nx.Graph,
    positions: dict[str, tuple[float, float]],
    sizes: dict[str, float],
    colour_by: str,
    ranked: Sequence[str],
    title: str,
    subtitle: str,
    source: str,
    linked: str = "co-participants",
) -> go.Figure:
    """Nodes at seeded positions, sized by a centrality, coloured by a category; edges' width = weight.

    `ranked` is the nodes most central first: as many as fit are labelled, each where it overlaps no other
    label (the rest are named in the hover and the table). `linked` names a node's neighbours in the hover.
    """
    fig = go.Figure()
    # one trace per line width, segments split by None: a trace per link made thousands of traces (seconds to draw)
    by_width: dict[int, tuple[list[float | None], list[float | None]]] = {}
    for a, b, data in graph.edges(data=True):
        (x0, y0), (x1, y1) = positions[a], positions[b]
        xs, ys = by_width.setdefault(min(int(data["weight"]), _WIDEST), ([], []))
        xs += [x0, x1, None]
        ys += [y0, y1, None]
    for weight, (xs, ys) in sorted(by_width.items()):
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                line={"width": 0.6 + 1.2 * weight, "color": "rgba(120,120,120,0.45)"},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    palette = ORG_KIND_COLOURS if colour_by == "org_kind" else {}
    largest = max(sizes.values(), default=1) or 1
    radius = {n: (10 + 26 * sizes.get(n, 0) / largest) / 2 for n in graph.nodes}
    categories = sorted({graph.nodes[n].get(colour_by, "not stated") for n in graph.nodes})
    for category in categories:
        nodes = [n for n in graph.nodes if graph.nodes[n].get(colour_by, "not stated") == category]
        fig.add_trace(
            go.Scatter(
                x=[positions[n][0] for n in nodes],
                y=[positions[n][1] for n in nodes],
                mode="markers",
                name=plotly_text(category),
                marker={
                    "size": [2 * radius[n] for n in nodes],
                    "color": colour_for(category, palette),
                    "line": {"width": 1, "color": "#333"},
                },
                customdata=[[n, plotly_text(graph.nodes[n]["label"]), graph.degree(n)] for n in nodes],
                hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]} " + linked + "<extra></extra>",
            )
        )
    shown = [n for n in ranked if n in graph]
    labels = {n: plain(graph.nodes[n]["label"]) for n in shown}  # placed by their visible length
    for node, (dx, dy) in place_labels(positions, shown, labels, radius).items():
        x, y = positions[node]
        fig.add_annotation(
            x=x,
            y=y,
            text=plotly_text(labels[node]),
            xshift=dx,
            yshift=dy,
            showarrow=False,
            font={"size": 11, "color": "#1F2933"},
            bgcolor="rgba(255,255,255,0.85)",
            borderpad=1,
        )
    fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False}, hovermode="closest")
    colour_words = "organisation kind" if colour_by == "org_kind" else colour_by
    return frame_figure(fig, title, f"{subtitle} · colour: {colour_words}", source, height=PLOT_HEIGHT, axis_space=10)


def place_labels(
    positions: dict[str, tuple[float, float]],
    ranked: Sequence[str],
    labels: dict[str, str],
    radius: dict[str, float],
    width_px: float = FULL - 40,
    height_px: float = PLOT_HEIGHT,
    limit: int = 10,
) -> dict[str, tuple[float, float]]:
    """Pixel offsets for the labels of the first `limit` nodes of `ranked` that can be placed clear of
    each other and of the labelled nodes (above, below, right or left of the node, then further out).

    Positions are scaled to a plot of `width_px` x `height_px`, the narrowest the chart is drawn at; wider
    plots only move nodes apart, so labels that do not overlap here do not overlap there.
    """
    if not positions:
        return {}
    xs, ys = [p[0] for p in positions.values()], [p[1] for p in positions.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0

    def pixel(node: str) -> tuple[float, float]:
        x, y = positions[node]
        return (x - min(xs)) / span_x * width_px, (y - min(ys)) / span_y * height_px

    taken = [_circle_box(pixel(n), radius.get(n, 5)) for n in ranked[:limit]]  # labelled nodes stay visible
    placed: dict[str, tuple[float, float]] = {}
    for node in ranked:
        if len(placed) == limit:
            break
        cx, cy = pixel(node)
        w, h, r = _CHAR_PX * len(labels[node]) + 6, _LABEL_H, radius.get(node, 5)
        for dx, dy in _candidates(w, h, r):
            m = 3  # px of margin: Plotly pads the axes a little, so drawn positions differ by a few pixels
            box = (cx + dx - w / 2 - m, cy + dy - h / 2 - m, cx + dx + w / 2 + m, cy + dy + h / 2 + m)
            inside = box[0] >= 0 and box[2] <= width_px and box[1] >= -h and box[3] <= height_px + h
            if inside and not any(_overlap(box, t) for t in taken):
                taken.append(box)
                placed[node] = (dx, dy)
                break
    return placed


def _candidates(w: float, h: float, r: float) -> list[tuple[float, float]]:
    near = [(0, r + h / 2 + 2), (0, -(r + h / 2 + 2)), (r + w / 2 + 3, 0), (-(r + w / 2 + 3), 0)]
    far = [(dx * 1.8, dy * 1.8) for dx, dy in near]
    diagonal = [(sx * (r + w / 2), sy * (r + h)) for sx in (1, -1) for sy in (1, -1)]
    return near + diagonal + far


def _circle_box(centre: tuple[float, float], r: float) -> tuple[float, float, float, float]:
    return centre[0] - r, centre[1] - r, centre[0] + r, centre[1] + r


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
