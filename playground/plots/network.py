"""The network view, TF Playground style: every neuron a small image of its own output,
links coloured by sign and sized by |w|, all in ONE figure on one pair of hidden axes.

The neuron images are server-drawn PNGs in layout.images (see raster.py: a heatmap trace per
neuron cost the browser ~2x more per live update)."""

import numpy as np
import plotly.graph_objects as go

from playground.plots.arrays import U8_TOP, quantize_u8
from playground.plots.colors import DIVERGING_SCALE, LINK_NEUTRAL
from playground.plots.layout import (
    NETWORK_FIGURE_HEIGHT,
    UIREVISION,
    as_figure,
    hidden_axis,
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


def _outline_trace(boxes: list[list[NeuronBox]]) -> dict:
    """Thin frames around all boxes in one trace (None between frames)."""
    xs, ys = [], []
    for box in (b for column in boxes for b in column):
        x0, y0, x1, y1 = box.left, box.bottom, box.right, box.bottom + BOX
        xs += [x0, x1, x1, x0, x0, None]
        ys += [y0, y0, y1, y1, y0, None]
    return {
        "type": "scatter",
        "x": xs,
        "y": ys,
        "mode": "lines",
        "line": {"color": LINK_NEUTRAL, "width": 1},
        "hoverinfo": "skip",
    }


def _label_trace(boxes, layer_sizes, labels, activation_names) -> dict:
    """Input names left of their boxes, output names right, a header over each layer,
    and '+N more' under a collapsed layer."""
    xs, ys, texts, positions = [], [], [], []

    def add(x, y, text, position):
        xs.append(round(x, 3))
        ys.append(round(y, 3))
        texts.append(text)
        positions.append(position)

    last = len(boxes) - 1
    _, _, _, top = extent(boxes)
    for layer, column in enumerate(boxes):
        for box in column:
            _, cy = box.center
            if layer == 0:
                add(box.left - 0.1, cy, labels[0][box.index], "middle left")
            elif layer == last:
                add(box.right + 0.1, cy, labels[layer][box.index], "middle right")
        header = "input" if layer == 0 else activation_names[layer - 1]
        add(column[0].center[0], top + 0.15, header, "top center")
        hidden = layer_sizes[layer] - len(column)
        if hidden > 0:
            add(column[-1].center[0], column[-1].bottom - 0.1, f"+{hidden} more", "bottom center")
    return {
        "type": "scatter",
        "x": xs,
        "y": ys,
        "text": texts,
        "mode": "text",
        "textposition": positions,
        "textfont": {"size": 11},
        "hoverinfo": "skip",
    }


def network_spec(
    layer_sizes: list[int],
    node_labels: list[list[str]],
    neuron_grids: list[np.ndarray | None],
    weights: list[np.ndarray],
    biases: list[np.ndarray],
    activation_names: list[str],
    uirevision: str = UIREVISION,
) -> dict:
    """Plain-dict figure for network_figure (same arguments)."""
    boxes = layer_boxes(layer_sizes)
    traces = link_traces(boxes, weights)
    images, hovers = [], []
    for layer, column in enumerate(boxes):
        grids = neuron_grids[layer] if layer < len(neuron_grids) else None
        for box in column:
            grid = None if grids is None else np.asarray(grids)[:, :, box.index]
            images.append(_neuron_image(box, grid))
            hovers.append(_neuron_hover(layer, box.index, node_labels, biases, activation_names))
    traces.append(_outline_trace(boxes))
    traces.append(_label_trace(boxes, layer_sizes, node_labels, activation_names))
    traces.append(link_hover_trace(boxes, weights, node_labels))
    traces.append(_neuron_hover_trace(boxes, hovers))
    return {"data": traces, "layout": _canvas_layout(boxes, images, uirevision)}


def network_figure(
    layer_sizes: list[int],
    node_labels: list[list[str]],
    neuron_grids: list[np.ndarray | None],
    weights: list[np.ndarray],
    biases: list[np.ndarray],
    activation_names: list[str],
    uirevision: str = UIREVISION,
) -> go.Figure:
    """The whole network in one figure.

    layer_sizes: neurons per layer, input features first, output last (e.g. [2, 4, 2, 1]).
    node_labels: per layer, one name per neuron. neuron_grids: per layer (input included)
    a (g, g, size) array of each neuron's output over the plane in [-1, 1] (grid[j, i] at
    (xs[i], ys[j])), or None to draw plain boxes. weights[l]: (size_l, size_l+1);
    biases[l]: (size_l+1,); activation_names[l]: the activation of layer l + 1.
    Layers wider than 10 neurons show their first 6 and a '+N more' label.
    """
    return as_figure(
        network_spec(
            layer_sizes, node_labels, neuron_grids, weights, biases, activation_names, uirevision
        )
    )


def _canvas_layout(boxes: list[list[NeuronBox]], images: list[dict], uirevision: str) -> dict:
    """Hidden square-unit axes with room for the labels, and the neuron images."""
    left, right, bottom, top = extent(boxes)
    return live_layout(
        NETWORK_FIGURE_HEIGHT,
        uirevision,
        {"l": 0, "r": 0, "t": 4, "b": 4},
        xaxis={**hidden_axis(), "range": [left - 1.4, right + 1.4]},
        yaxis={**hidden_axis(), "range": [bottom - 0.7, top + 0.7], "scaleanchor": "x"},
        images=images,
        showlegend=False,
        hovermode="closest",
        hoverlabel={"namelength": 0},  # no trace-name box, so no '<extra></extra>' per trace
    )
