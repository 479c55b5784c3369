"""The data points drawn over the decision boundary, as scatter trace dicts."""

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


def class_point_traces(xy, labels, names: list[str], outline: str, split: str) -> list[dict]:
    """One marker trace per class (the legend and hover name the class), float32 xy (n, 2)."""
    xy = np.asarray(xy)
    classes = class_indices(labels)
    traces = []
    for k, (name, color) in enumerate(zip(names, class_colors(len(names)), strict=True)):
        chosen = classes == k
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
                "hovertemplate": f"{name}<br>(%{{x:.2f}}, %{{y:.2f}})<extra>{split}</extra>",
            }
        )
    return traces


def value_point_trace(xy, targets, value_range, outline: str, split: str) -> dict:
    """Regression points xy (n, 2) coloured by their targets (n,) on the surface's scale."""
    xy = np.asarray(xy)
    return {
        "type": "scatter",
        "x": to_f32(xy[:, 0]),
        "y": to_f32(xy[:, 1]),
        "mode": "markers",
        "name": split,
        "marker": {
            "color": to_f32(targets),
            "colorscale": DIVERGING_SCALE,
            "cmin": value_range[0],
            "cmax": value_range[1],
            "size": POINT_SIZE,
            "line": {"color": outline, "width": 1},
        },
        "hovertemplate": f"%{{marker.color:.3g}}<br>(%{{x:.2f}}, %{{y:.2f}})<extra>{split}</extra>",
    }


def point_traces(task, xy, labels, class_names, value_range, outline, split) -> list[dict]:
    """The traces for one split (train or test); none when xy or labels is None."""
    if xy is None or labels is None:
        return []
    if task == "regression":
        return [value_point_trace(xy, labels, value_range, outline, split)]
    return class_point_traces(xy, labels, class_names, outline, split)
