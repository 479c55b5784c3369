"""A 2-D description of every sample as a point: an autoencoder's code, or PCA's
projection of the same data (the same builder draws both, so they compare side by side)."""

import numpy as np

from playground.plots.boundary import LEGEND_ABOVE
from playground.plots.boundary_points import point_traces
from playground.plots.colors import DARK, SEQUENCE_SCALE, WHITE
from playground.plots.layout import LIVE_FIGURE_HEIGHT, UIREVISION, figure_version, live_layout

CODE_PLANE_MARGIN = {"l": 46, "r": 10, "t": 10, "b": 40}
LEGEND_ROOM = 28  # px above the plot for one row of legend entries


def code_plane_spec(
    points: np.ndarray,
    labels: np.ndarray | None,
    task: str,
    class_names: list[str] | None = None,
    value_range: tuple[float, float] = (-1.0, 1.0),
    value_name: str = "",
    axis_titles: tuple[str, str] = ("code 1", "code 2"),
    marked: np.ndarray | None = None,
    marked_name: str = "",
    height: int = LIVE_FIGURE_HEIGHT,
) -> dict:
    """Points (n, 2) coloured by their label (n,): a class id per class_names
    ("binary"/"multiclass" task) or a value on the diverging scale over value_range
    ("regression", with a colour bar titled value_name); labels None draws them all in one
    colour. marked (n,) bool: samples
    drawn again with a dark ring and named marked_name in the legend (e.g. the class left
    out of training). Names and titles are Plotly text (pass user text through plot_text).

    Returns the figure as a plain dict (code_plane_figure: the same as a validated Figure).
    """
    points = np.asarray(points, dtype=np.float64)
    if labels is None:
        traces = point_traces("binary", points, np.zeros(len(points)), ["sample"],
                              value_range, WHITE, "data")  # fmt: skip
    else:
        traces = point_traces(task, points, labels, class_names, value_range, WHITE, "data")
        if task == "regression":
            colorbar = {"thickness": 10, "outlinewidth": 0, "title": {"text": value_name,
                        "side": "right"}}  # fmt: skip
            traces[0]["marker"].update(colorscale=SEQUENCE_SCALE, showscale=True,
                                       colorbar=colorbar)  # fmt: skip
    ringed = marked is not None and bool(np.any(marked))
    if ringed:
        traces.append(_ring_trace(points[np.asarray(marked, dtype=bool)], marked_name))
    for trace in traces:
        trace["name"] = trace["name"].removesuffix(" (data)")
    show_legend = task != "regression" or ringed
    margin = {**CODE_PLANE_MARGIN, "t": LEGEND_ROOM} if show_legend else CODE_PLANE_MARGIN
    layout = live_layout(
        height,
        UIREVISION,
        margin,
        xaxis={"title": {"text": axis_titles[0]}, "autorange": True, "zeroline": False},
        yaxis={"title": {"text": axis_titles[1]}, "autorange": True, "zeroline": False},
        showlegend=show_legend,
        legend=LEGEND_ABOVE,
    )
    return {"data": traces, "layout": layout}


def _ring_trace(points: np.ndarray, name: str) -> dict:
    return {
        "type": "scatter",
        "x": points[:, 0].astype(np.float32),
        "y": points[:, 1].astype(np.float32),
        "mode": "markers",
        "name": name,
        "marker": {"color": "rgba(0,0,0,0)", "size": 10, "line": {"color": DARK, "width": 1.5}},
        "hoverinfo": "skip",
    }


code_plane_figure = figure_version(code_plane_spec)
