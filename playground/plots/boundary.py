"""The decision boundary: the network's output over the data's plane, points on top."""

import hashlib

import numpy as np

from playground.plots import boundary_surface as surface
from playground.plots.boundary_points import point_traces
from playground.plots.colors import DARK, WHITE
from playground.plots.layout import LIVE_FIGURE_HEIGHT, UIREVISION, figure_version, live_layout

TASKS = ("binary", "multiclass", "regression")
# One row of class entries above the plot, left-aligned with it ("normal": a legend group
# would stack its entries in a column).
LEGEND_ABOVE = {"orientation": "h", "traceorder": "normal", "x": 0, "xanchor": "left",
                "y": 1, "yanchor": "bottom", "font": {"size": 11}, "itemclick": False,
                "itemdoubleclick": False}  # fmt: skip


def data_revision(*parts) -> str:
    """A short digest of everything the traces are drawn from (arrays by their bytes)."""
    digest = hashlib.blake2b(digest_size=8)
    for part in parts:
        if isinstance(part, np.ndarray):
            digest.update(f"{part.dtype}{part.shape}".encode())
            digest.update(np.ascontiguousarray(part).tobytes())
        else:
            digest.update(repr(part).encode())
        digest.update(b"|")
    return digest.hexdigest()


def boundary_spec(
    xs: np.ndarray,
    ys: np.ndarray,
    values: np.ndarray,
    task: str,
    train_xy: np.ndarray,
    train_labels: np.ndarray,
    test_xy: np.ndarray | None = None,
    test_labels: np.ndarray | None = None,
    x_name: str = "x1",
    y_name: str = "x2",
    class_names: list[str] | None = None,
    discretize: bool = False,
    value_range: tuple[float, float] | None = None,
    uirevision: str = UIREVISION,
    train_predicted: np.ndarray | None = None,
    test_predicted: np.ndarray | None = None,
    legend: bool = False,
) -> dict:
    """Heatmap of the output over the grid (G,) x (G,) with train (and test) points on top.

    task "binary": values (G, G) = probability of class 1; "multiclass": values (G, G, k)
    class probabilities; "regression": values (G, G) predictions, coloured over value_range
    (default: the targets' range, train and test, in their units). values[j, i] is the output
    at (xs[i], ys[j]). train_xy (n, 2), train_labels (n,) (classes 0..k-1, or -1/+1, or
    targets); test_xy (m, 2) / test_labels (m,) or None. discretize: flat class colours.
    Train points have a white outline, test points a dark one. Hover: on the points (class
    and coordinates, and train_predicted (n, k) / test_predicted (m, k) class probabilities
    or (n,) / (m,) predictions if given); the heatmap's own hover is off (see
    boundary_surface). legend: a legend of the class colours above the plot.

    Returns the figure as a plain dict (boundary_figure: the same as a validated Figure).
    """
    if task not in TASKS:
        raise ValueError(f"task must be one of {TASKS}, got {task!r}")
    values = np.asarray(values)
    if task == "binary":
        drawn = surface.binary_surface(xs, ys, values, discretize)
        class_names = class_names or ["class 0", "class 1"]
    elif task == "multiclass":
        drawn = surface.multiclass_surface(xs, ys, values, discretize)
        class_names = class_names or [f"class {k}" for k in range(values.shape[-1])]
    else:
        value_range = value_range or surface.target_range(train_labels, test_labels)
        drawn = surface.regression_surface(xs, ys, values, value_range)
    traces = drawn["traces"]
    traces += point_traces(task, train_xy, train_labels, class_names, value_range, WHITE,
                           "train", train_predicted)  # fmt: skip
    traces += point_traces(task, test_xy, test_labels, class_names, value_range, DARK, "test",
                           test_predicted)  # fmt: skip
    legend = legend and task != "regression"  # regression has its colour bar
    layout = live_layout(
        LIVE_FIGURE_HEIGHT,
        uirevision,
        {"l": 44, "r": 10, "t": 30 if legend else 10, "b": 40},
        xaxis=_axis(np.asarray(xs), x_name),
        yaxis=_axis(np.asarray(ys), y_name) | square_plane(xs, ys),
        showlegend=legend,
        legend=LEGEND_ABOVE,
        hovermode="closest",
        images=[drawn["image"]],
        # While training only the surface (a layout image) changes; an unchanged datarevision
        # lets Plotly.react skip re-plotting the points (measured in Chromium: most of the cost).
        # The per-point predictions are in whole percent, so they too settle.
        datarevision=data_revision(task, train_xy, train_labels, test_xy, test_labels,
                                   class_names, value_range, train_predicted, test_predicted),
    )  # fmt: skip
    return {"data": traces, "layout": layout}


boundary_figure = figure_version(boundary_spec)


def square_plane(xs: np.ndarray, ys: np.ndarray) -> dict:
    """y-axis settings that keep the plot area square at any chart size, also when the two
    features span different ranges (penguins: bill length 32-60 mm, depth 13-22 mm):
    Plotly shrinks the x or y domain (constrain "domain"), never the ranges, so that
    x span / y span data units take equal pixels; a zoom keeps the square too."""
    (x0, x1), (y0, y1) = _axis(np.asarray(xs), "")["range"], _axis(np.asarray(ys), "")["range"]
    ratio = (x1 - x0) / (y1 - y0) if y1 > y0 else 1.0
    return {"scaleanchor": "x", "scaleratio": float(ratio), "constrain": "domain"}


def _axis(centres: np.ndarray, title: str) -> dict:
    """An axis spanning the heatmap exactly: half a cell beyond the outer grid points."""
    half = (centres[1] - centres[0]) / 2 if len(centres) > 1 else 0.5
    return {
        "title": {"text": title},
        "range": [float(centres[0] - half), float(centres[-1] + half)],
        "showgrid": False,
        "zeroline": False,
        "constrain": "domain",
    }
