"""The network view, TF Playground style: every neuron a small image of its own output,
links coloured by sign and sized by |w|, all in ONE figure on one pair of hidden axes.

The neuron images are server-drawn PNGs in layout.images (see raster.py: a heatmap trace per
neuron cost the browser ~2x more per live update)."""

import numpy as np

from playground.plots.arrays import U8_TOP, quantize_u8
from playground.plots.colors import DIVERGING_SCALE, LINK_NEUTRAL
from playground.plots.layout import (
    NETWORK_FIGURE_HEIGHT,
    UIREVISION,
    figure_version,
    hidden_axis,
    label_room,
    live_layout,
)
from playground.plots.network_geometry import BOX, NeuronBox, extent, layer_boxes
from playground.plots.network_links import link_hover_trace, link_traces
from playground.plots.raster import grid_image, scale_lut

NEUTRAL_Z = U8_TOP // 2  # a neuron without an image is drawn in the scale's middle grey


NEURON_LUT = scale_lut(DIVERGING_SCALE, U8_TOP + 1)


def _neuron_image(box: NeuronBox, grid: np.ndarray | None) -> dict:
    """One neuron's output image (g, g) in [-1, 1], row 0 at the bottom, filling its box;
    a neuron without an image is a plain mid-grey box."""
    z = np.full((1, 1), NEUTRAL_Z, np.uint8) if grid is None else quantize_u8(grid, -1.0, 1.0)
    return grid_image(z, NEURON_LUT, box.left, box.bottom, BOX, BOX)


def _neuron_hover_trace(boxes: list[list[NeuronBox]], hovers: list[str]) -> dict:
    """Invisible square markers over the neuron boxes that carry each neuron's hover text."""
    centers = [box.center for column in boxes for box in column]
    return {
        "type": "scatter",
        "x": [round(x, 3) for x, _ in centers],
        "y": [round(y, 3) for _, y in centers],
        "mode": "markers",
        "marker": {"size": 28, "symbol": "square", "opacity": 0},
        "hovertext": hovers,
        "hoverinfo": "text",
        "name": "neurons",
    }


def _neuron_hover(layer: int, index: int, labels, biases, activation_names) -> str:
    name = labels[layer][index]
    if layer == 0:
        return f"{name} (input)"
    bias = float(np.asarray(biases[layer - 1])[index])
    return f"{name}: {activation_names[layer - 1]}, bias {bias:.3f}"


# Labels and frames are layout annotations and one path shape, not traces: while training
# only the links change, and Plotly.react re-plots traces but leaves an unchanged layout
# alone (text traces measured ~1-7 ms of each update in Chromium).
_ANCHORS = {  # where the label sits relative to its point -> annotation anchors
    "left": {"xanchor": "right", "yanchor": "middle"},
    "right": {"xanchor": "left", "yanchor": "middle"},
    "above": {"xanchor": "center", "yanchor": "bottom"},
    "below": {"xanchor": "center", "yanchor": "top"},
}


def _outline_shape(boxes: list[list[NeuronBox]]) -> dict:
    """Thin frames around all boxes as one SVG path shape."""
    parts = []
    for box in (b for column in boxes for b in column):
        x0, y0, x1, y1 = box.left, box.bottom, box.right, box.bottom + BOX
        parts.append(f"M{x0:.3f},{y0:.3f}H{x1:.3f}V{y1:.3f}H{x0:.3f}Z")
    return {
        "type": "path",
        "path": "".join(parts),
        "xref": "x",
        "yref": "y",
        "line": {"color": LINK_NEUTRAL, "width": 1},
        "layer": "above",
    }


def _label(x: float, y: float, text: str, side: str) -> dict:
    return {"x": round(x, 3), "y": round(y, 3), "text": text, "showarrow": False,
            "font": {"size": 11}, **_ANCHORS[side]}  # fmt: skip


def _label_annotations(boxes, layer_sizes, labels, activation_names) -> list[dict]:
    """Input names left of their boxes, output names right, a header over each layer,
    and '+N more' under a collapsed layer."""
    notes = []
    last = len(boxes) - 1
    _, _, _, top = extent(boxes)
    for layer, column in enumerate(boxes):
        for box in column:
            _, cy = box.center
            if layer == 0:
                notes.append(_label(box.left - 0.1, cy, labels[0][box.index], "left"))
            elif layer == last:
                notes.append(_label(box.right + 0.1, cy, labels[layer][box.index], "right"))
        header = "input" if layer == 0 else activation_names[layer - 1]
        notes.append(_label(column[0].center[0], top + 0.15, header, "above"))
        hidden = layer_sizes[layer] - len(column)
        if hidden > 0:
            x, y = column[-1].center[0], column[-1].bottom - 0.1
            notes.append(_label(x, y, f"+{hidden} more", "below"))
    return notes


def network_spec(
    layer_sizes: list[int],
    node_labels: list[list[str]],
    neuron_grids: list[np.ndarray | None],
    weights: list[np.ndarray],
    biases: list[np.ndarray],
    activation_names: list[str],
    uirevision: str = UIREVISION,
    hover_values: tuple[list[np.ndarray], list[np.ndarray]] | None = None,
) -> dict:
    """The whole network in one figure.

    layer_sizes: neurons per layer, input features first, output last (e.g. [2, 4, 2, 1]).
    node_labels: per layer, one name per neuron. neuron_grids: per layer (input included)
    a (g, g, size) array of each neuron's output over the plane in [-1, 1] (grid[j, i] at
    (xs[i], ys[j])), or None to draw plain boxes. weights[l]: (size_l, size_l+1);
    biases[l]: (size_l+1,); activation_names[l]: the activation of layer l + 1.
    Layers wider than 10 neurons show their first 6 and a '+N more' label.
    hover_values: (weights, biases) whose values the hover texts show, if not the drawn
    ones: the page refreshes them less often while training, so that between refreshes the
    traces stay the same and only the neuron images change (a far cheaper redraw).

    Returns the figure as a plain dict (network_figure: the same as a validated Figure).
    """
    boxes = layer_boxes(layer_sizes)
    traces = link_traces(boxes, weights)
    hover_weights, hover_biases = hover_values or (weights, biases)
    images, hovers = [], []
    for layer, column in enumerate(boxes):
        grids = neuron_grids[layer] if layer < len(neuron_grids) else None
        for box in column:
            grid = None if grids is None else np.asarray(grids)[:, :, box.index]
            images.append(_neuron_image(box, grid))
            hovers.append(
                _neuron_hover(layer, box.index, node_labels, hover_biases, activation_names)
            )
    traces.append(link_hover_trace(boxes, hover_weights, node_labels))
    traces.append(_neuron_hover_trace(boxes, hovers))
    layout = _canvas_layout(boxes, images, node_labels, uirevision)
    layout["shapes"] = [_outline_shape(boxes)]
    layout["annotations"] = _label_annotations(boxes, layer_sizes, node_labels, activation_names)
    return {"data": traces, "layout": layout}


network_figure = figure_version(network_spec)


def _canvas_layout(boxes, images: list[dict], labels: list[list[str]], uirevision: str) -> dict:
    """Hidden square-unit axes, margins that fit the input and output names (annotations
    may stand in the margins), and the neuron images."""
    left, right, bottom, top = extent(boxes)
    margin = {"l": label_room(labels[0]), "r": label_room(labels[-1]), "t": 4, "b": 4}
    return live_layout(
        NETWORK_FIGURE_HEIGHT,
        uirevision,
        margin,
        xaxis={**hidden_axis(), "range": [left - 0.3, right + 0.3]},
        yaxis={**hidden_axis(), "range": [bottom - 0.7, top + 0.7], "scaleanchor": "x"},
        images=images,
        showlegend=False,
        hovermode="closest",
        hoverlabel={"namelength": 0},  # no trace-name box, so no '<extra></extra>' per trace
    )
