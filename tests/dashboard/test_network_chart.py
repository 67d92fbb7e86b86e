"""Network labels for reports: the most central named, no two labels overlapping, at 70 and at 700 nodes."""

from __future__ import annotations

import random

import pytest

from culturedash.network_chart import _CHAR_PX, _LABEL_H, network, place_labels


def _boxes(positions, labels, offsets, width=580, height=540):
    xs, ys = [p[0] for p in positions.values()], [p[1] for p in positions.values()]
    boxes = []
    for node, (dx, dy) in offsets.items():
        cx = (positions[node][0] - min(xs)) / (max(xs) - min(xs)) * width + dx
        cy = (positions[node][1] - min(ys)) / (max(ys) - min(ys)) * height + dy
        w = _CHAR_PX * len(labels[node]) + 6
        boxes.append((cx - w / 2, cy - _LABEL_H / 2, cx + w / 2, cy + _LABEL_H / 2))
    return boxes


@pytest.mark.parametrize("nodes", [70, 700])
def test_labels_of_the_most_central_never_overlap(nodes):
    rng = random.Random(7)
    positions = {f"n{i}": (rng.uniform(0, 10), rng.uniform(0, 10)) for i in range(nodes)}
    # a tight cluster of central nodes: the case where every label used to pile up on the others
    positions.update({f"n{i}": (5 + rng.uniform(0, 0.3), 5 + rng.uniform(0, 0.3)) for i in range(10)})
    labels = {n: f"Person Number {n}" for n in positions}
    ranked = list(positions)
    offsets = place_labels(positions, ranked, labels, {n: 8.0 for n in positions})
    assert 5 <= len(offsets) <= 10
    boxes = _boxes(positions, labels, offsets)
    for i, a in enumerate(boxes):
        assert a[0] >= 0 and a[2] <= 580
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])


def test_network_chart_says_what_size_and_colour_mean():
    import networkx as nx

    graph = nx.Graph()
    graph.add_node("a", label="Ana", org_kind="museum")
    graph.add_node("b", label="Ben", org_kind="not stated")
    graph.add_edge("a", "b", weight=1)
    fig = network(
        graph, {"a": (0, 0), "b": (1, 1)}, {"a": 1, "b": 1}, "org_kind", ["a", "b"], "T", "circle size: x", "S"
    )
    assert "colour: organisation kind" in fig.layout.title.text
    assert {a.text for a in fig.layout.annotations} >= {"Ana", "Ben"}
