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
"""

from __future__ import annotations

import base64
import math

import numpy as np

from playground.plots.arrays import minmax_indices
from playground.plots.boundary_surface import class_levels, surface_colors, target_range
from playground.plots.network import NEURON_LUT
from playground.snapshot import NEURON_GRID_SIZE, Snapshot

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
