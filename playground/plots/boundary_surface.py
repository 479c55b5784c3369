"""The network's output over the plane as ONE server-drawn image, per kind of task.

values[j, i] is the output at (xs[i], ys[j]) (row-major: rows go up the y axis). Each
surface is a dict {"image": layout image, "traces": extra traces}: the image is a PNG
(see raster.py: far cheaper for the browser to redraw than a heatmap trace) stretched over
the grid's cells; regression adds an invisible trace that carries the colorbar. The surface
has no hover; the points on top carry it.
"""

import numpy as np

from playground.plots.arrays import U8_TOP, quantize_u8
from playground.plots.colors import BLUE, DIVERGING_SCALE, ORANGE, class_confidence_scale
from playground.plots.raster import grid_image, scale_lut

# Over the white page this pales the surface a little, as TF Playground's is, so the points
# (full colour, outlined) stand out from the region they sit in.
SURFACE_OPACITY = 0.8


def _cell_rectangle(xs: np.ndarray, ys: np.ndarray) -> tuple[float, float, float, float]:
    """(left, bottom, width, height) of a grid whose cell centres are the points (G,) x (G,)."""
    dx = float(xs[1] - xs[0]) if len(xs) > 1 else 1.0
    dy = float(ys[1] - ys[0]) if len(ys) > 1 else 1.0
    return float(xs[0]) - dx / 2, float(ys[0]) - dy / 2, dx * len(xs), dy * len(ys)


SURFACE_IMAGE_NAME = "surface"
"""The name of the surface's layout image (the page's script repaints it by name)."""


def surface_colors(task: str, n_classes: int = 2, discretize: bool = False) -> np.ndarray:
    """The colour of each surface level z: (levels, 3) uint8, lut[z]. binary: z 0..U8_TOP
    (two flat colours if discretize); multiclass: z = class * levels + level (see
    multiclass_surface); regression: z 0..U8_TOP over the value range."""
    if task == "multiclass":
        levels = class_levels(n_classes)
        return scale_lut(class_confidence_scale(n_classes, levels), n_classes * levels)
    if task == "binary" and discretize:
        return scale_lut([[0.0, ORANGE], [1.0, BLUE]], U8_TOP + 1)
    return scale_lut(DIVERGING_SCALE, U8_TOP + 1)


def _surface(z: np.ndarray, xs, ys, lut: np.ndarray, traces=()) -> dict:
    rectangle = _cell_rectangle(np.asarray(xs), np.asarray(ys))
    image = grid_image(z, lut, *rectangle, opacity=SURFACE_OPACITY)
    return {"image": {**image, "name": SURFACE_IMAGE_NAME}, "traces": list(traces)}


def binary_surface(xs, ys, probability: np.ndarray, discretize: bool = False) -> dict:
    """Probability of class 1, (G, G) in [0, 1] -> orange (0) .. grey (0.5) .. blue (1).

    discretize: threshold at 0.5 into the two flat class colours.
    """
    lut = surface_colors("binary", discretize=discretize)
    if discretize:
        z = np.where(np.asarray(probability) >= 0.5, U8_TOP, 0).astype(np.uint8)
        return _surface(z, xs, ys, lut)
    return _surface(quantize_u8(probability, 0.0, 1.0), xs, ys, lut)


def class_levels(n_classes: int) -> int:
    """How many confidence steps each class gets so that class * levels + level fits a uint8."""
    return (U8_TOP + 1) // n_classes


def multiclass_surface(xs, ys, probabilities: np.ndarray, discretize: bool = False) -> dict:
    """Class probabilities (G, G, k) -> one heatmap: colour = predicted class, strength = certainty.

    z = predicted_class * levels + level, where level grows from 0 (all classes equally
    likely, p = 1/k) to levels - 1 (p = 1). discretize: every cell at full strength.
    """
    probabilities = np.asarray(probabilities, dtype=np.float64)
    k = probabilities.shape[-1]
    levels = class_levels(k)
    predicted = probabilities.argmax(axis=-1)
    if discretize:
        level = np.full(predicted.shape, levels - 1)
    else:
        certainty = (probabilities.max(axis=-1) - 1.0 / k) / (1.0 - 1.0 / k)
        level = np.rint(np.clip(np.nan_to_num(certainty), 0.0, 1.0) * (levels - 1))
    z = (predicted * levels + level).astype(np.uint8)
    return _surface(z, xs, ys, surface_colors("multiclass", k))


def regression_surface(xs, ys, values: np.ndarray, value_range: tuple[float, float]) -> dict:
    """Predicted values (G, G) -> diverging surface over value_range with a colorbar in units.

    The colorbar hangs on an invisible two-point marker trace spanning value_range.
    """
    low, high = value_range
    colorbar = {"thickness": 12, "len": 0.9, "outlinewidth": 0, "tickformat": ".4~g"}
    legend = {
        "type": "scatter",
        "x": [None, None],
        "y": [None, None],
        "mode": "markers",
        "hoverinfo": "skip",
        "showlegend": False,
        "marker": {"color": [low, high], "cmin": low, "cmax": high,
                   "colorscale": DIVERGING_SCALE, "showscale": True, "colorbar": colorbar},
    }  # fmt: skip
    z = quantize_u8(values, low, high)
    return _surface(z, xs, ys, surface_colors("regression"), traces=[legend])


def target_range(*arrays) -> tuple[float, float]:
    """(low, high) of the finite target values in the arrays: the colour scale's ends, so
    its middle (grey) is the middle of the targets in real units, not 0 (penguin body
    mass runs 2,700-6,300 g). A single value v gives (v - 0.5, v + 0.5); none (-1, 1)."""
    given = [np.asarray(a, dtype=np.float64) for a in arrays if a is not None]
    finite = [a[np.isfinite(a)] for a in given]
    finite = [a for a in finite if a.size]
    if not finite:
        return -1.0, 1.0
    low = min(float(a.min()) for a in finite)
    high = max(float(a.max()) for a in finite)
    return (low, high) if high > low else (low - 0.5, high + 0.5)
