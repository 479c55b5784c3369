"""The weights payload: what a live frame sends so that the browser draws the plane's
pictures itself (model.js, paint.js), instead of the server drawing and sending them.

For a plane (a 2-D set, or a table seen on two of its features) the fast views' pictures
are functions of the weights: the decision boundary over a 100x100 grid and each neuron's
20x20 image. Sending the weights (25 numbers for a 2-4-2-1 network) and the new loss points
costs the server a fraction of a millisecond, where building, encoding and sending the
pictures cost ~4 ms a frame and the browser's Plotly work on them ~40-55 ms per chart.

The header field ``model`` (see ``model_header``):
    params: base64 of the float64 (little-endian) parameters, layer by layer: the weights
        (fan_in, fan_out) row-major, then the biases (fan_out,);
    sizes, activations: the network's layer sizes and each layer's activation (engine names);
    plane: the boundary grid's recipe (PlaneRecipe.to_json); neuron_size: the neurons' grid;
    paint: how outputs become colours: task, output (activation), discretize, levels
        (multiclass), range and target [mean, scale] (regression: output * scale + mean),
        lut and neuron_lut (base64 of (levels, 3) uint8 colour tables: the server's own).
The header field ``loss``: the loss points since the last frame, {epoch, train, test}.

The header field ``links`` (see ``links_header``), for any network view whose links the
browser draws (links.js; over a plane and for images, where the view has no other picture
that changes): the values of the drawn links and neurons, in the order of the network
figure's layout.meta["links"] (plots/network_links.link_geometry), which names its id:
    id: that geometry's cells_id (the browser draws only when the two match);
    w, b: base64 float64 of each drawn link's weight and each drawn hidden or output
        neuron's bias;
    g, gb, scale: the same of ∂L/∂W and ∂L/∂b while the 'How it learns' panel draws the
        links by the gradient (scale: network_links.gradient_scale), else absent.
"""

from __future__ import annotations

import base64
import math

import numpy as np

from playground.plots.arrays import minmax_indices
from playground.plots.boundary_surface import class_levels, surface_colors, target_range
from playground.plots.network import NEURON_LUT
from playground.plots.network_geometry import column_indices
from playground.plots.network_links import cells_id, gradient_scale
from playground.snapshot import NEURON_GRID_SIZE, NetworkView, Snapshot

LOSS_POINTS_PER_FRAME = 8
"""At most this many new loss points per frame (thinned as the loss chart is: the first,
the last and each bucket's min and max), so a fast network's frame stays small."""


def _b64(array: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(array).tobytes()).decode("ascii")


def paints_plane(snap: Snapshot) -> bool:
    """Whether the browser can draw this snapshot's plane pictures from the weights: a
    plane (not a line, not images) whose inputs have a recipe."""
    return snap.plane is not None and snap.plane.recipe is not None


def paint_spec(snap: Snapshot, settings: dict, target: tuple[float, float] = (0.0, 1.0)) -> dict:
    """The static part of ``model``: the recipe and the colours (changes with the data, the
    axes and the view settings only). Needs a snapshot with ``paints_plane``. target: the
    data's (target_mean, target_scale), for a regression output in real units."""
    plane, task = snap.plane, snap.task
    n_classes = len(snap.class_names) if snap.class_names else 2
    discretize = bool(settings["discretize"])
    paint = {"task": task, "output": snap.network.activations[-1], "discretize": discretize,
             "lut": _b64(surface_colors(task, n_classes, discretize)),
             "neuron_lut": _b64(NEURON_LUT)}  # fmt: skip
    if task == "multiclass":
        paint["levels"] = class_levels(n_classes)
    if task == "regression":
        paint["range"] = list(target_range(plane.train_labels, plane.test_labels))
        paint["target"] = [float(target[0]), float(target[1])]
    return {"plane": plane.recipe.to_json(), "neuron_size": NEURON_GRID_SIZE, "paint": paint}


def model_header(snap: Snapshot, static: dict) -> dict:
    """The ``model`` header field for a snapshot (its network's parameters) and ``static``
    (paint_spec of a snapshot of the same data and network)."""
    n = snap.network
    blocks = [part.ravel() for w, b in zip(n.weights, n.biases, strict=True) for part in (w, b)]
    params = np.concatenate(blocks).astype("<f8")
    return {"params": _b64(params), "sizes": list(n.sizes),
            "activations": list(n.activations), **static}  # fmt: skip


def _finite(values: np.ndarray) -> list[float | None]:
    return [float(v) if math.isfinite(v) else None for v in values]


def loss_points(history: dict[str, np.ndarray], start: int) -> dict:
    """The loss points of epochs from row ``start`` of the history on, thinned to at most
    LOSS_POINTS_PER_FRAME: {"epoch": [...], "train": [...], "test": [...]} (a non-finite
    loss is null: a gap)."""
    train = np.asarray(history["train_loss"][start:], dtype=np.float64)
    test = np.asarray(history["test_loss"][start:], dtype=np.float64)
    keep = minmax_indices([train, test], LOSS_POINTS_PER_FRAME)
    epochs = np.asarray(history["epoch"][start:])[keep]
    return {"epoch": [int(e) for e in epochs], "train": _finite(train[keep]),
            "test": _finite(test[keep])}  # fmt: skip


def link_cells_of(network: NetworkView) -> dict:
    """Which links and neurons the network view draws (as plots/network.network_spec does:
    a wide layer's first neurons, the input features in use): {"id": cells_id, "links":
    [(layer, from rows, to columns)] of index arrays, "neurons": [(layer, indices)]}, for
    ``links_header``. Changes only with the network's shape and inputs."""
    rows = [box.row for box in network.inputs] if network.inputs else None
    columns = column_indices(network.sizes, rows)
    links, cells = [], []
    for layer in range(len(columns) - 1):
        starts = [i for i in columns[layer] if i >= 0]
        ends = columns[layer + 1]
        cells += [(layer, i, j) for i in starts for j in ends]
        links.append((layer, np.repeat(starts, len(ends)), np.tile(ends, len(starts))))
    neurons = [(layer - 1, np.asarray(columns[layer])) for layer in range(1, len(columns))]
    return {"id": cells_id(cells), "links": links, "neurons": neurons}


def _picked(arrays: list[np.ndarray], cells: dict) -> tuple[np.ndarray, np.ndarray]:
    """(each drawn link's value, each drawn neuron's value) of per-layer (W, b) arrays."""
    weights, biases = arrays
    w = [np.asarray(weights[layer])[rows, ends] for layer, rows, ends in cells["links"]]
    b = [np.asarray(biases[layer])[indices] for layer, indices in cells["neurons"]]
    return np.concatenate(w or [np.empty(0)]), np.concatenate(b or [np.empty(0)])


def links_header(network: NetworkView, cells: dict) -> dict:
    """The ``links`` header field for a snapshot's network and its link_cells_of."""
    w, b = _picked([network.weights, network.biases], cells)
    header = {"id": cells["id"], "w": _b64(w.astype("<f8")), "b": _b64(b.astype("<f8"))}
    if network.gradients is not None:
        g, gb = _picked(list(network.gradients), cells)
        header.update(g=_b64(g.astype("<f8")), gb=_b64(gb.astype("<f8")),
                      scale=gradient_scale(network.gradients[0]))  # fmt: skip
    return header
