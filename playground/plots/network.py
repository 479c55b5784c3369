"""The network view, TF Playground style: every neuron a small image of its own output,
links coloured by sign and sized by |w|, all in ONE figure on one pair of hidden axes.

The neuron images are server-drawn PNGs in layout.images (see raster.py: a heatmap trace per
neuron cost the browser ~2x more per live update). The view can also be edited: - and +
over the layers and a click on an input feature send the new setting back (network_edit).
The page's script shows a hovered neuron's image large on the output chart; the neuron
hover trace tells it which image belongs to which neuron (customdata).
"""

import numpy as np

from playground.network_inputs import InputBox
from playground.plots import network_text as text
from playground.plots.arrays import U8_TOP, quantize_u8
from playground.plots.colors import DIVERGING_SCALE, INK_SCALE, LINK_NEUTRAL
from playground.plots.layout import (
    NETWORK_FIGURE_HEIGHT,
    UIREVISION,
    figure_version,
    hidden_axis,
    label_room,
    live_layout,
)
from playground.plots.network_edit import NetworkEdit, feature_target
from playground.plots.network_geometry import (
    BOTTOM_ROOM_PX,
    BOX,
    SIDE_PAD,
    TOP_ROOM_PX,
    NeuronBox,
    canvas,
    column_indices,
    column_sizes,
    extent,
    layer_boxes,
    slot_counts,
)
from playground.plots.network_links import (
    gradient_scale,
    link_geometry,
    link_hover_trace,
    link_traces,
)
from playground.plots.raster import grid_image, scale_lut
from playground.plots.text import cut_plot_text

NEUTRAL_Z = U8_TOP // 2  # a neuron without an image is drawn in the scale's middle grey
UNUSED_OPACITY = 0.3  # an input feature the network does not use
MAX_LABEL_CHARS = 18  # longer input / output names are cut in the view (whole in hovers)

NEURON_LUT = scale_lut(DIVERGING_SCALE, U8_TOP + 1)
INK_LUT = scale_lut(INK_SCALE, U8_TOP + 1)


def neuron_image_name(layer: int, index: int) -> str:
    """The name of a hidden or output neuron's layout image (the page's script repaints it
    by name): layer 1 is the first hidden layer, index counts from 0."""
    return f"neuron {layer} {index}"


def _box_image(box: NeuronBox, grid, kind: str = "signed", opacity: float = 1.0) -> dict:
    """One box's image: grid (h, w), row 0 at the bottom, in [-1, 1] ("signed") or [0, 1]
    ("ink"); no grid is a plain mid-grey box."""
    if grid is None:
        z, lut = np.full((1, 1), NEUTRAL_Z, np.uint8), NEURON_LUT
    elif kind == "ink":
        z, lut = quantize_u8(grid, 0.0, 1.0), INK_LUT
    else:
        z, lut = quantize_u8(grid, -1.0, 1.0), NEURON_LUT
    return grid_image(z, lut, box.left, box.bottom, BOX, BOX, opacity)


def _short(name: str) -> str:
    return cut_plot_text(name, MAX_LABEL_CHARS)


def _neuron_hover_trace(boxes, hovers: list[str], custom: list[list], size_px: float) -> dict:
    """Invisible square markers over the boxes: each neuron's hover text, and customdata
    [image index to show large on hover (-1: none), name, edit payload of a click (""),
    the neuron's bias [layer, neuron] 0-based as biases[layer][neuron] (None for inputs),
    which a click sends to the 'How it learns' panel (ui/live_js/boundary_pick.js)]."""
    centers = [box.center for column in boxes for box in column]
    return {
        "type": "scatter",
        "x": [round(x, 3) for x, _ in centers],
        "y": [round(y, 3) for _, y in centers],
        "mode": "markers",
        "marker": {"size": max(10, round(size_px)), "symbol": "square", "opacity": 0},
        "hovertext": hovers,
        "customdata": custom,
        "hoverinfo": "text",
        "name": "neurons",
    }


def _neuron_hover(layer: int, index: int, labels, biases, activation_names, bias_gradients) -> str:
    name = labels[layer][index]
    bias = float(np.asarray(biases[layer - 1])[index])
    text = f"{name}: {activation_names[layer - 1]}, bias {bias:.3f}"
    if bias_gradients is None:
        return text
    return f"{text}<br>∂L/∂b = {float(np.asarray(bias_gradients[layer - 1])[index]):.3g}"


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


def default_inputs(names: list[str], grids: np.ndarray | None) -> list[InputBox]:
    """One input box per network input: its name and its image over the plane, if any."""
    return [
        InputBox(name, j, None if grids is None else np.asarray(grids)[:, :, j],
                 hover=f"{name} (input)")
        for j, name in enumerate(names)
    ]  # fmt: skip


def _input_parts(column, inputs: list[InputBox], edit: NetworkEdit | None):
    """(images, hovers, customdata) of the input boxes."""
    keys = [box.key for box in inputs if box.key]
    used = [box.key for box in inputs if box.key and box.row >= 0]
    images, hovers, custom = [], [], []
    for box in column:
        item = inputs[box.slot]
        opacity = 1.0 if item.row >= 0 else UNUSED_OPACITY
        images.append(_box_image(box, item.image, item.kind, opacity))
        target = (
            feature_target(keys, used, item.key) if edit and edit.features and item.key else None
        )
        shows = len(images) - 1 if item.kind == "signed" and item.image is not None else -1
        hovers.append(item.hover or item.name)
        custom.append([shows, item.name, target or "", None])
    return images, hovers, custom


def network_spec(
    layer_sizes: list[int],
    node_labels: list[list[str]],
    neuron_grids: list[np.ndarray | None],
    weights: list[np.ndarray],
    biases: list[np.ndarray],
    activation_names: list[str],
    uirevision: str = UIREVISION,
    hover_values: tuple[list[np.ndarray], list[np.ndarray]] | None = None,
    *,
    inputs: list[InputBox] | None = None,
    edit: NetworkEdit | None = None,
    gradients: tuple[list[np.ndarray], list[np.ndarray]] | None = None,
    browser_links: bool = False,
) -> dict:
    """The whole network in one figure.

    layer_sizes: neurons per layer, input features first, output last (e.g. [2, 4, 2, 1]).
    node_labels: per layer, one name per neuron. neuron_grids: per layer (input included)
    a (g, g, size) array of each neuron's output over the plane in [-1, 1] (grid[j, i] at
    (xs[i], ys[j])), or None to draw plain boxes. weights[l]: (size_l, size_l+1);
    biases[l]: (size_l+1,); activation_names[l]: the activation of layer l + 1.
    A layer wider than 10 neurons shows its first 9 and a '+N' marker.
    hover_values: (weights, biases) whose values the hover texts show, if not the drawn
    ones: the page refreshes them less often while training, so that between refreshes the
    traces stay the same and only the neuron images change (a far cheaper redraw).
    inputs: the input column's boxes (default: one per network input, from node_labels[0]
    and neuron_grids[0]); edit: the controls to offer (None: a view without controls).
    gradients: (∂L/∂W per layer, the weights' shapes; ∂L/∂b per layer) to draw the links
    by (colour: sign, width: |∂L/∂w| against the largest) and to show in the hovers beside
    the weights and biases; None draws the weights.
    browser_links: the browser draws the links and shows the hovers of the links and of
    the hidden and output neurons from the live frames' values (ui/live_js/links.js): the
    figure has no link lines, those markers no hover of their own, and layout.meta["links"]
    the geometry (network_links.link_geometry).

    Returns the figure as a plain dict (network_figure: the same as a validated Figure).
    """
    if inputs is None:
        inputs = default_inputs(node_labels[0], neuron_grids[0] if neuron_grids else None)
    rows = [box.row for box in inputs]
    sizes = column_sizes(layer_sizes, rows)
    slots = slot_counts(sizes)
    input_names = [_short(box.name) for box in inputs]
    output_names = [_short(name) for name in node_labels[-1]]
    # The controls above the columns and the activation names below them are sized in
    # pixels, so their room is margin (pixels), not axis range: a chart drawn smaller than
    # designed (a tablet, presentation mode) would otherwise cut the top row off.
    margin = {"l": label_room(input_names), "r": label_room(output_names),
              "t": 4 + TOP_ROOM_PX, "b": 4 + BOTTOM_ROOM_PX}  # fmt: skip
    scale = canvas(slots, margin["l"] + margin["r"])
    boxes = layer_boxes(column_indices(layer_sizes, rows), slots, scale.layer_step)
    hover_weights, hover_biases = hover_values or (weights, biases)
    images, hovers, custom = _input_parts(boxes[0], inputs, edit)
    grad_W, grad_b = gradients or (None, None)  # noqa: N806
    described = (node_labels, hover_biases, activation_names, grad_b)
    _neuron_parts(boxes, neuron_grids, described, images, hovers, custom)
    if browser_links:
        traces = []
    elif grad_W is None:
        traces = link_traces(boxes, weights)
    else:
        traces = link_traces(boxes, grad_W, gradient_scale(grad_W))
    traces.append(link_hover_trace(boxes, hover_weights, node_labels, grad_W))
    traces.append(_neuron_hover_trace(boxes, hovers, custom, BOX * scale.px_per_unit))
    extra = _browser_links(traces, boxes, node_labels, activation_names) if browser_links else {}
    left, right, bottom, top = extent(boxes, slots)
    px = scale.px_per_unit
    annotations = [
        *text.io_labels([boxes[0], boxes[-1]], [input_names, output_names],
                        [box.note for box in inputs], px),
        *text.markers(boxes, sizes),
        *text.activation_row(boxes, activation_names, bottom, px),
        *text.layer_controls(boxes, list(layer_sizes[1:-1]), top, edit, px),
    ]  # fmt: skip
    layout = live_layout(
        NETWORK_FIGURE_HEIGHT,
        uirevision,
        margin,
        xaxis={**hidden_axis(), "range": [left - SIDE_PAD, right + SIDE_PAD]},
        yaxis={**hidden_axis(), "scaleanchor": "x",
               "range": [bottom, top]},
        images=images,
        shapes=[_outline_shape(boxes)],
        annotations=annotations,
        showlegend=False,
        hovermode="closest",
        hoverlabel={"namelength": 0},  # no trace-name box, so no '<extra></extra>' per trace
        **extra,
    )  # fmt: skip
    return {"data": traces, "layout": layout}


def _browser_links(traces: list[dict], boxes, node_labels, activation_names) -> dict:
    """For a figure whose links the browser draws (links.js): the link and hidden-neuron
    markers left without hover of their own (links.js shows theirs, with the values of the
    frame shown; the inputs' stay), and the layout's meta with the links' geometry."""
    link_markers, neuron_markers = traces
    link_markers["hoverinfo"] = "none"
    neuron_markers["hoverinfo"] = ["text" if box.layer == 0 else "none"
                                   for column in boxes for box in column]  # fmt: skip
    geometry = link_geometry(boxes, node_labels)
    return {"meta": {"links": {**geometry, "activations": list(activation_names)}}}


def _neuron_parts(boxes, neuron_grids, described, images: list, hovers: list, custom: list):
    """Append the images, hover texts and customdata of the hidden and output neurons;
    described: (node_labels, biases for the hovers, activation_names, ∂L/∂b or None)."""
    labels, biases, activation_names, bias_gradients = described
    for layer, column in enumerate(boxes[1:], start=1):
        grids = neuron_grids[layer] if layer < len(neuron_grids) else None
        for box in column:
            grid = None if grids is None else np.asarray(grids)[:, :, box.index]
            images.append({**_box_image(box, grid), "name": neuron_image_name(layer, box.index)})
            hovers.append(
                _neuron_hover(layer, box.index, labels, biases, activation_names, bias_gradients)
            )
            shows = len(images) - 1 if grid is not None else -1
            custom.append([shows, labels[layer][box.index], "", [layer - 1, box.index]])


network_figure = figure_version(network_spec)
