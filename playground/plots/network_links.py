"""The links of the network view: a few line trace dicts grouped by sign and |w| bucket.

One trace per (sign, bucket) with None between segments keeps the trace count at most 8
however many links there are; hover comes from invisible markers placed along each link.
The links can also be drawn by other values of the weights' shapes (the 'How it learns'
panel's ∂L/∂w), scaled so that the largest of them gets the widest bucket.

While the live feed plays, the browser draws the links itself from each frame's weights
(ui/live_js/links.js), on a canvas over the chart's plot area: the figure then carries no
link lines but ``link_geometry`` (each drawn link's cell and ends, and this module's style
tables), and the frames carry ``link_values`` in the same order.
"""

import zlib

import numpy as np

from playground.plots.colors import BLUE, ORANGE
from playground.plots.network_geometry import BOX, NeuronBox, link_point

# |w| bucket upper edges, and each bucket's line width and opacity (TF: width grows with |w|).
BUCKET_EDGES = (0.25, 0.75, 1.5)
BUCKET_STYLE = ((1.0, 0.45), (2.0, 0.65), (3.5, 0.8), (5.5, 0.9))
# Hover markers sit off the middle, so two links that cross in the middle stay apart.
HOVER_SHARE = 0.4


def link_bucket(weight: float) -> int:
    """Index of the |w| bucket (0 = thinnest) a weight belongs to."""
    return int(np.searchsorted(BUCKET_EDGES, abs(weight), side="right"))


def gradient_scale(gradients: list[np.ndarray]) -> float:
    """The divisor that puts the largest |value| of `gradients` (per layer, any shapes) at
    the widest bucket's lower edge (1.0 when all are zero)."""
    top = max((float(np.abs(g).max()) for g in gradients if np.size(g)), default=0.0)
    return top / BUCKET_EDGES[-1] if top > 0 else 1.0


LINK_GROUP = "link"  # the link markers' legendgroup: what a click on the network view hit


def _drawn_pairs(boxes):
    """(start box, end box) of every link between two drawn neurons (an input feature the
    network does not use has none), in drawing order."""
    for layer in range(len(boxes) - 1):
        for start in (box for box in boxes[layer] if box.index >= 0):
            for end in boxes[layer + 1]:
                yield start, end


def _drawn_links(boxes, weights):
    """(start box, end box, weight) for every drawn link (see _drawn_pairs)."""
    for start, end in _drawn_pairs(boxes):
        yield start, end, float(weights[start.layer][start.index, end.index])


def link_traces(
    boxes: list[list[NeuronBox]], weights: list[np.ndarray], scale: float = 1.0
) -> list[dict]:
    """Line traces for the links; weights[l] is (size_l, size_l+1), bucketed as w / scale.
    Empty groups are skipped."""
    groups: dict[tuple[bool, int], tuple[list, list]] = {}
    for start, end, w in _drawn_links(boxes, weights):
        xs, ys = groups.setdefault((w >= 0, link_bucket(w / scale)), ([], []))
        (x0, y0), (x1, y1) = link_point(start, end, 0.0), link_point(start, end, 1.0)
        xs += [round(x0, 3), round(x1, 3), None]
        ys += [round(y0, 3), round(y1, 3), None]
    traces = []
    for (positive, bucket), (xs, ys) in sorted(groups.items()):
        width, opacity = BUCKET_STYLE[bucket]
        traces.append(
            {
                "type": "scatter",
                "x": xs,
                "y": ys,
                "mode": "lines",
                "line": {"color": BLUE if positive else ORANGE, "width": width},
                "opacity": opacity,
                "hoverinfo": "skip",
            }
        )
    return traces


def link_cells(boxes: list[list[NeuronBox]]) -> list[tuple[int, int, int]]:
    """(layer, from, to) of every drawn link, in drawing order: weights[layer][from, to]."""
    return [(start.layer, start.index, end.index) for start, end in _drawn_pairs(boxes)]


def cells_id(cells: list[tuple[int, int, int]]) -> str:
    """A short name of a list of link cells: the frames' values and the figure's geometry
    fit each other only if their ids match."""
    return format(zlib.crc32(repr([list(c) for c in cells]).encode()), "08x")


def link_style() -> dict:
    """The mapping from a value to a link's look, for the browser's copy (links.js): the
    |w| bucket edges, each bucket's {"line": {"width"}, "opacity"} (as a trace states them,
    so presentation mode widens them as it widens the traces), and the colours of w >= 0
    and w < 0."""
    styles = [{"line": {"width": width}, "opacity": opacity} for width, opacity in BUCKET_STYLE]
    return {"edges": list(BUCKET_EDGES), "styles": styles, "positive": BLUE, "negative": ORANGE}


def link_geometry(boxes: list[list[NeuronBox]], names: list[list[str]]) -> dict:
    """What the browser needs to draw the links and show their hovers (the network figure's
    layout.meta["links"]): id (cells_id), cells [[layer, from, to]], segments [[x0, y0, x1,
    y1]] in axis units, boxes [[left, bottom]] of every drawn box (side ``box``), names per
    layer (Plotly text, as the hovers'), neurons [[layer, index]] of the drawn hidden and
    output boxes (the order of the frames' biases) and style (link_style)."""
    cells = link_cells(boxes)
    by_key = {(box.layer, box.index): box for column in boxes for box in column}
    segments = []
    for layer, i, j in cells:
        start, end = by_key[(layer, i)], by_key[(layer + 1, j)]
        (x0, y0), (x1, y1) = link_point(start, end, 0.0), link_point(start, end, 1.0)
        segments.append([round(x0, 3), round(y0, 3), round(x1, 3), round(y1, 3)])
    flat = [box for column in boxes for box in column]
    return {
        "id": cells_id(cells),
        "cells": [list(c) for c in cells],
        "segments": segments,
        "boxes": [[round(b.left, 3), round(b.bottom, 3)] for b in flat],
        "box": BOX,
        "names": [list(layer) for layer in names],
        "neurons": [[b.layer, b.index] for b in flat if b.layer > 0],
        "style": link_style(),
    }


def link_hover_trace(boxes, weights, names: list[list[str]], gradients=None) -> dict:
    """Invisible markers along the links whose hover shows w(from, to) = value; with
    gradients (per layer, the weights' shapes) ∂L/∂w(from, to) = value first. Each marker's
    customdata is its weight [layer, from, to] (0-based: weights[layer][from, to]), which a
    click sends to the 'How it learns' panel's editor (live_js/boundary_pick.js)."""
    xs, ys, texts, cells = [], [], [], []
    for start, end, w in _drawn_links(boxes, weights):
        x, y = link_point(start, end, HOVER_SHARE)
        xs.append(round(x, 3))
        ys.append(round(y, 3))
        cells.append([start.layer, start.index, end.index])
        link = f"{names[start.layer][start.index]}, {names[end.layer][end.index]}"
        if gradients is None:
            texts.append(f"w({link}) = {w:.3f}")
        else:
            g = float(gradients[start.layer][start.index, end.index])
            texts.append(f"∂L/∂w({link}) = {g:.3g}<br>w = {w:.3f}")
    return {
        "type": "scatter",
        "x": xs,
        "y": ys,
        "mode": "markers",
        "marker": {"size": 9, "color": "rgba(0,0,0,0)"},
        "text": texts,
        "customdata": cells,
        "legendgroup": LINK_GROUP,
        "hoverinfo": "text",
    }
