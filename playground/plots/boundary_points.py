"""The data points drawn over the decision boundary, as scatter trace dicts.

Every point's customdata is its row number in its split (the trace's legendgroup, "train"
or "test"), so a click on it can name the row (live_js/boundary_pick.js).
"""

import numpy as np

from playground.plots.arrays import to_f32
from playground.plots.colors import DIVERGING_SCALE, class_colors

POINT_SIZE = 7


def class_indices(labels: np.ndarray) -> np.ndarray:
    """Labels (n,) -> class numbers (n,) ints; binary -1/+1 become 0/1 (<= 0 counts as 0)."""
    labels = np.asarray(labels)
    if labels.size and labels.min() < 0:
        return (labels > 0).astype(int)
    return labels.astype(int)


def probability_texts(names: list[str], probabilities: np.ndarray) -> list[str]:
    """One hover line per row of probabilities (n, k): "Adelie 97 % · Gentoo 3 % · ..."."""
    return [
        " · ".join(f"{name} {100 * p:.0f} %" for name, p in zip(names, row, strict=True))
        for row in np.asarray(probabilities, dtype=np.float64)
    ]


def class_point_traces(
    xy, labels, names: list[str], outline: str, split: str, predicted=None
) -> list[dict]:
    """One marker trace per class (the legend and hover name the class), float32 xy (n, 2).

    predicted: (n, k) the network's class probabilities for each point, shown in its hover
    text (a point off the plane's held values can disagree with the surface under it).
    """
    xy = np.asarray(xy)
    classes = class_indices(labels)
    traces = []
    for k, (name, color) in enumerate(zip(names, class_colors(len(names)), strict=True)):
        chosen = classes == k
        rows = np.flatnonzero(chosen).astype(np.int32)
        hover = f"{name}<br>(%{{x:.2f}}, %{{y:.2f}})<extra>{split}</extra>"
        extra = {}
        if predicted is not None:
            extra["text"] = probability_texts(names, np.asarray(predicted)[chosen])
            hover = f"{name}<br>(%{{x:.2f}}, %{{y:.2f}})<br>%{{text}}<extra>{split}</extra>"
        traces.append(
            {
                "type": "scatter",
                "x": to_f32(xy[chosen, 0]),
                "y": to_f32(xy[chosen, 1]),
                "mode": "markers",
                "name": f"{name} ({split})",
                "legendgroup": split,
                "marker": {
                    "color": color,
                    "size": POINT_SIZE,
                    "line": {"color": outline, "width": 1},
                },
                "hovertemplate": hover,
                "customdata": rows,
                **extra,
            }
        )
    return traces


def value_point_trace(xy, targets, value_range, outline: str, split: str, predicted=None) -> dict:
    """Regression points xy (n, 2) coloured by their targets (n,) on the surface's scale;
    predicted: (n,) the network's prediction for each point, shown in its hover text."""
    xy = np.asarray(xy)
    hover = f"%{{marker.color:.4g}}<br>(%{{x:.2f}}, %{{y:.2f}})<extra>{split}</extra>"
    extra = {}
    if predicted is not None:
        extra["text"] = [f"{value:.4g}" for value in np.asarray(predicted, dtype=np.float64)]
        hover = (f"%{{marker.color:.4g}}, predicted %{{text}}"
                 f"<br>(%{{x:.2f}}, %{{y:.2f}})<extra>{split}</extra>")  # fmt: skip
    return {
        "type": "scatter",
        "x": to_f32(xy[:, 0]),
        "y": to_f32(xy[:, 1]),
        "mode": "markers",
        "name": split,
        "legendgroup": split,
        "marker": {
            "color": to_f32(targets),
            "colorscale": DIVERGING_SCALE,
            "cmin": value_range[0],
            "cmax": value_range[1],
            "size": POINT_SIZE,
            "line": {"color": outline, "width": 1},
        },
        "hovertemplate": hover,
        "customdata": np.arange(len(xy), dtype=np.int32),
        **extra,
    }


def point_traces(
    task, xy, labels, class_names, value_range, outline, split, predicted=None
) -> list[dict]:
    """The traces for one split (train or test); none when xy or labels is None.
    predicted: the network's answer per point for the hover text, or None."""
    if xy is None or labels is None:
        return []
    if task == "regression":
        return [value_point_trace(xy, labels, value_range, outline, split, predicted)]
    return class_point_traces(xy, labels, class_names, outline, split, predicted)
