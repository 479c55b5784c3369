"""The confusion matrix: counts per (true, predicted) class, annotated."""

import numpy as np

from playground.plots.colors import SEQUENTIAL_BLUE_SCALE
from playground.plots.layout import UIREVISION, figure_version, label_room, live_layout

CONFUSION_CELL_PX = 34


def confusion_spec(
    matrix: np.ndarray, class_names: list[str], uirevision: str = UIREVISION
) -> dict:
    """Heatmap of matrix (k, k) integer counts, matrix[t, p] = samples of true class t
    predicted as p: true classes down the y axis (first on top), predictions along x.
    Every cell shows its count; hover adds the share of the true class.

    Returns the figure as a plain dict (confusion_figure: the same as a validated Figure).
    """
    matrix = np.asarray(matrix).astype(np.int32)
    row_totals = np.maximum(matrix.sum(axis=1, keepdims=True), 1)
    names = [str(n) for n in class_names]
    heatmap = {
        "type": "heatmap",
        "z": matrix,
        "x": names,
        "y": names,
        "customdata": (matrix / row_totals).astype(np.float32),
        "colorscale": SEQUENTIAL_BLUE_SCALE,
        "zmin": 0,
        "showscale": False,
        "texttemplate": "%{z}",
        "xgap": 1,
        "ygap": 1,
        "hovertemplate": "true %{y}, predicted %{x}: %{z} (%{customdata:.0%} of %{y})"
        "<extra></extra>",
    }
    layout = live_layout(
        90 + CONFUSION_CELL_PX * len(names),
        uirevision,
        {"l": label_room(names, extra=24), "r": 10, "t": 10, "b": 44},
        xaxis={"title": {"text": "predicted"}, "showgrid": False, "type": "category"},
        yaxis={
            "title": {"text": "true"},
            "autorange": "reversed",
            "showgrid": False,
            "type": "category",
        },
    )
    return {"data": [heatmap], "layout": layout}


confusion_figure = figure_version(confusion_spec)
