"""What the network view draws for each input: an image that says what the input is.

An input on the plane shows its value over the plane (as every neuron does); an input held
off the plane (a penguin's third measurement) shows a histogram of its values and their
range; an image pixel shows where it sits in the image. For the 2-D sets every feature the
network could use is drawn, the unused ones faded, so a click can turn one on or off.
No streamlit, no plotly: plain arrays, built from a Playground by snapshot.py.
"""

from dataclasses import dataclass

import numpy as np

from playground.data import FEATURE_LABELS, FEATURES_2D
from playground.data.features import expand_features

HISTOGRAM_BINS = 12
HISTOGRAM_ROWS = 10
PIXEL_BACKGROUND = 0.2  # ink of the other pixels in a pixel's position map (0 = paper)


@dataclass(frozen=True, eq=False)  # holds an array: == is identity
class InputBox:
    """One box of the network view's input column.

    name: its label. row: the network input it feeds, or -1 for a feature drawn but not
    used (faded, without links). image: (h, w), row 0 at the bottom; kind "signed": values
    in [-1, 1] on the orange-grey-blue scale (the input over the plane), "ink": in [0, 1]
    from paper to black (a histogram, a pixel's position). note: a short second line under
    the name (a value range). hover: a sentence on what the box shows. key: the feature's
    setting name when a click may turn it on or off, else None.
    """

    name: str
    row: int
    image: np.ndarray | None = None
    kind: str = "signed"
    note: str = ""
    hover: str = ""
    key: str | None = None


def unit_scale(a: np.ndarray) -> np.ndarray:
    """(n, k) values -> per column divided by max(1, max |a|), so each fits [-1, 1]."""
    peak = np.max(np.abs(a), axis=0) if len(a) else np.ones(a.shape[1])
    return a / np.maximum(peak, 1.0)


def histogram_image(values: np.ndarray) -> np.ndarray:
    """(n,) values -> (HISTOGRAM_ROWS, HISTOGRAM_BINS) ink, row 0 at the bottom: one bar
    per bin of the value range, as tall as its share of the tallest bin."""
    finite = np.asarray(values, dtype=np.float64)
    finite = finite[np.isfinite(finite)]
    counts, _ = np.histogram(finite, bins=HISTOGRAM_BINS) if finite.size else (None, None)
    if counts is None or counts.max() == 0:
        return np.zeros((HISTOGRAM_ROWS, HISTOGRAM_BINS))
    heights = np.ceil(counts / counts.max() * HISTOGRAM_ROWS)
    rows = np.arange(HISTOGRAM_ROWS)[:, None]
    return (rows < heights[None, :]).astype(np.float64) * 0.6


def pixel_image(index: int, shape: tuple[int, int]) -> np.ndarray:
    """(rows, cols) ink, row 0 at the bottom: pixel `index` (row-major from the image's top
    left) black on a faint background."""
    image = np.full(shape, PIXEL_BACKGROUND)
    row, col = divmod(int(index), shape[1])
    image[shape[0] - 1 - row, col] = 1.0
    return image


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"


def value_range(values: np.ndarray) -> str:
    """'low – high' of the finite values, 3 significant digits or whole numbers from 1,000
    (empty if there are none)."""
    finite = np.asarray(values, dtype=np.float64)
    finite = finite[np.isfinite(finite)]
    if not finite.size:
        return ""
    return f"{_number(finite.min())} – {_number(finite.max())}"


def planar_inputs(features: tuple[str, ...], xs: np.ndarray, ys: np.ndarray) -> list[InputBox]:
    """Every 2-D feature over the plane (xs (g,), ys (g,)): the used ones feed the network
    in `features` order, the others are drawn faded; a click turns one on or off."""
    gx, gy = np.meshgrid(xs, ys)  # [j, i] = (xs[i], ys[j]), row 0 at the bottom
    values = expand_features(np.column_stack([gx.ravel(), gy.ravel()]), FEATURES_2D)
    grids = unit_scale(values).reshape(len(ys), len(xs), len(FEATURES_2D))
    boxes = []
    for k, name in enumerate(FEATURES_2D):
        used = name in features
        label = FEATURE_LABELS.get(name, name)
        what = "click to leave it out" if used else "not used: click to use it"
        boxes.append(
            InputBox(label, features.index(name) if used else -1, grids[:, :, k],
                     hover=f"{label} over the plane ({what})", key=name)
        )  # fmt: skip
    return boxes


def table_inputs(names: list[str], grids: np.ndarray | None, values: np.ndarray) -> list[InputBox]:
    """Inputs of a table: those that vary over the plane show it (grids (g, g, f) in [-1, 1],
    or None without a plane), the others a histogram of their values (n, f) and the range."""
    boxes = []
    for j, name in enumerate(names):
        grid = None if grids is None else grids[:, :, j]
        if grid is not None and np.ptp(grid) > 1e-9:
            where = "over the plane" if grid.shape[0] > 1 else "along the output view's axis"
            boxes.append(InputBox(name, j, grid, hover=f"{name} {where}"))
            continue
        column = values[:, j]
        span = value_range(column)
        hover = f"{name}: values {span}" + (
            ", held at the mean on the plane" if grid is not None else ""
        )
        boxes.append(InputBox(name, j, histogram_image(column), "ink", span, hover))
    return boxes


def image_inputs(names: list[str], shape: tuple[int, int]) -> list[InputBox]:
    """Inputs of images: each pixel's box shows where that pixel is (black) in the image."""
    return [
        InputBox(name, j, pixel_image(j, shape), "ink", hover=f"{name}: the black square's place")
        for j, name in enumerate(names)
    ]
