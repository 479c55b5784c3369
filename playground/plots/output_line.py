"""The output view of a table with one input column: the input on the x axis, the
network's prediction as a curve over it, the points at their targets.

The 1-D twin of the decision boundary (boundary.py). For classification the curve is a
class probability (one curve per class when there are more than two) and each point sits
at the height its class's curve should reach: 0 or 1 for two classes, 1 for more; behind
them, a strip coloured as the 2-D surface is (predicted class and certainty along x). For
regression the curve is the predicted value and each point sits at its target.
"""

import numpy as np

from playground.plots import boundary_surface as surface
from playground.plots.arrays import to_f32
from playground.plots.boundary_points import class_point_traces
from playground.plots.colors import BLUE, DARK, WHITE, class_colors
from playground.plots.layout import LIVE_FIGURE_HEIGHT, UIREVISION, figure_version, live_layout

TASKS = ("binary", "multiclass", "regression")
CURVE_WIDTH = 3
PROBABILITY_RANGE = (-0.05, 1.05)  # a little room so points at 0 and 1 are not cut
# Paler than the 2-D surface: here the curve carries the output, and the points (in the
# same class colours) must stand out from the strip they sit on.
STRIP_OPACITY = 0.4


def _curve(xs, ys, name: str, color: str) -> dict:
    return {
        "type": "scatter",
        "x": to_f32(xs),
        "y": to_f32(ys),
        "mode": "lines",
        "name": name,
        "line": {"color": color, "width": CURVE_WIDTH},
        "hovertemplate": "%{y:.3f}",
    }


def _value_points(x, targets, fill: str, outline: str, split: str) -> dict:
    return {
        "type": "scatter",
        "x": to_f32(x),
        "y": to_f32(targets),
        "mode": "markers",
        "name": split,
        "marker": {"color": fill, "size": 7, "line": {"color": outline, "width": 1}},
        "hovertemplate": f"%{{y:.3g}} at %{{x:.3g}}<extra>{split}</extra>",
    }


def _class_heights(labels: np.ndarray, n_classes: int) -> np.ndarray:
    """Where a point of each class sits: at its class id (0/1) for two classes, at 1 (its
    own class's probability target) for more."""
    labels = np.asarray(labels)
    return labels.astype(np.float64) if n_classes == 2 else np.ones(len(labels))


def _points(task, x, labels, class_names, outline: str, split: str) -> list[dict]:
    if x is None or labels is None:
        return []
    if task == "regression":
        fill = DARK if split == "train" else WHITE
        return [_value_points(x, labels, fill, DARK if split == "test" else outline, split)]
    xy = np.column_stack([x, _class_heights(labels, len(class_names))])
    return class_point_traces(xy, labels, class_names, outline, split)


def _class_curves(xs, values: np.ndarray, class_names: list[str]) -> tuple[list[dict], str]:
    """(curves, y axis title): P(class 1) for two classes, else one curve per class."""
    if values.ndim == 1:
        title = f"P({class_names[1]})"
        return [_curve(xs, values, title, DARK)], title
    colors = class_colors(len(class_names))
    curves = [_curve(xs, values[:, c], f"P({name})", color)
              for c, (name, color) in enumerate(zip(class_names, colors, strict=True))]  # fmt: skip
    return curves, "probability of each class"


def _strip(xs: np.ndarray, values: np.ndarray, task: str, discretize: bool) -> dict:
    """The predicted class along x as a layout image filling the plot's height."""
    row = np.asarray(values)[None]  # (1, G) or (1, G, k): a one-row surface
    one_row = np.zeros(1)
    if task == "binary":
        image = surface.binary_surface(xs, one_row, row, discretize)["image"]
    else:
        image = surface.multiclass_surface(xs, one_row, row, discretize)["image"]
    return {**image, "yref": "paper", "y": 1.0, "sizey": 1.0, "opacity": STRIP_OPACITY}


def output_line_spec(
    xs: np.ndarray,
    values: np.ndarray,
    task: str,
    train_x: np.ndarray,
    train_labels: np.ndarray,
    test_x: np.ndarray | None = None,
    test_labels: np.ndarray | None = None,
    x_name: str = "x",
    class_names: list[str] | None = None,
    target_name: str = "prediction",
    discretize: bool = False,
    uirevision: str = UIREVISION,
) -> dict:
    """The network's output along one input (G,) with the points.

    task "binary": values (G,) = P(class 1); "multiclass": values (G, k) probabilities;
    "regression": values (G,) predictions in real units. values[i] is the output at
    xs[i]. train_x (n,), train_labels (n,) (class ids, or targets); test_x (m,) /
    test_labels (m,) or None. discretize: the strip behind the curves in flat class
    colours. target_name: the y axis title for regression.

    Returns the figure as a plain dict (output_line_figure: the same as a validated Figure).
    """
    if task not in TASKS:
        raise ValueError(f"task must be one of {TASKS}, got {task!r}")
    xs, values = np.asarray(xs), np.asarray(values, dtype=np.float64)
    images, yaxis = [], {"title": {"text": target_name}, "autorange": True}
    if task == "regression":
        traces = [_curve(xs, values, "prediction", BLUE)]
    else:
        k = 2 if task == "binary" else values.shape[-1]
        class_names = list(class_names or [f"class {c}" for c in range(k)])
        traces, title = _class_curves(xs, values, class_names)
        images = [_strip(xs, values, task, discretize)]
        yaxis = {"title": {"text": title}, "range": list(PROBABILITY_RANGE)}
    traces += _points(task, train_x, train_labels, class_names, WHITE, "train")
    traces += _points(task, test_x, test_labels, class_names, DARK, "test")
    half = (xs[1] - xs[0]) / 2 if len(xs) > 1 else 0.5
    layout = live_layout(
        LIVE_FIGURE_HEIGHT,
        uirevision,
        {"l": 50, "r": 10, "t": 10, "b": 40},
        xaxis={
            "title": {"text": x_name},
            "range": [float(xs[0] - half), float(xs[-1] + half)],
            "showgrid": False,
            "zeroline": False,
        },  # fmt: skip
        yaxis={**yaxis, "zeroline": False},
        showlegend=False,
        hovermode="closest",
        images=images,
    )
    return {"data": traces, "layout": layout}


output_line_figure = figure_version(output_line_spec)
