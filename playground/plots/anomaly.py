"""Anomaly detection by reconstruction error: the test samples' errors as a histogram
with the threshold, and the ROC curve of flagging by error."""

import numpy as np

from playground.plots.arrays import to_f32
from playground.plots.colors import BLUE, DARK, LINK_NEUTRAL, MISTAKE_RED
from playground.plots.layout import UIREVISION, figure_version, live_layout

HISTOGRAM_BINS = 40
ANOMALY_HEIGHT = 260
NORMAL_COLOR, LEFT_OUT_COLOR = BLUE, MISTAKE_RED
CHANCE_GREY = LINK_NEUTRAL  # the chance diagonal: visible, but below the curve


def _bars(counts, edges, name: str, color: str) -> dict:
    return {
        "type": "bar",
        "x": to_f32((edges[:-1] + edges[1:]) / 2),
        "y": counts.astype(np.int32),
        "width": float(edges[1] - edges[0]),
        "name": name,
        "marker": {"color": color, "opacity": 0.7, "line": {"width": 0}},
        "hovertemplate": "%{y} samples near %{x:.3g}<extra>" + name + "</extra>",
    }


def error_histogram_spec(
    errors: np.ndarray,
    left_out: np.ndarray | None,
    threshold: float,
    left_out_name: str = "",
) -> dict:
    """errors (n,): each test sample's reconstruction error; left_out (n,) bool marks the
    class left out of training (drawn red over the others, blue) or None (one histogram).
    threshold: drawn as a dashed line; samples at or above it are flagged.
    left_out_name: Plotly text for the legend.

    Returns the figure as a plain dict (error_histogram_figure: the same as a validated Figure).
    """
    errors = np.asarray(errors, dtype=np.float64)
    finite = errors[np.isfinite(errors)]
    top = max(float(finite.max()) if finite.size else 1.0, float(threshold)) * 1.02 or 1.0
    edges = np.linspace(0.0, top, HISTOGRAM_BINS + 1)
    if left_out is None or not np.any(left_out):
        traces = [_bars(np.histogram(finite, edges)[0], edges, "test samples", NORMAL_COLOR)]
    else:
        left_out = np.asarray(left_out, dtype=bool)
        traces = [
            _bars(np.histogram(errors[~left_out], edges)[0], edges, "trained classes",
                  NORMAL_COLOR),
            _bars(np.histogram(errors[left_out], edges)[0], edges, left_out_name, LEFT_OUT_COLOR),
        ]  # fmt: skip
    line = {"type": "line", "xref": "x", "yref": "paper", "x0": threshold, "x1": threshold,
            "y0": 0, "y1": 1, "line": {"color": DARK, "width": 2, "dash": "dash"}}  # fmt: skip
    label = {"x": threshold, "y": 1, "xref": "x", "yref": "paper", "text": "threshold",
             "showarrow": False, "xanchor": "left", "yanchor": "top",
             "font": {"size": 11}}  # fmt: skip
    layout = live_layout(
        ANOMALY_HEIGHT,
        UIREVISION,
        {"l": 46, "r": 10, "t": 28, "b": 40},
        barmode="overlay",
        bargap=0,
        shapes=[line],
        annotations=[label],
        xaxis={"title": {"text": "reconstruction error"}, "autorange": True},
        yaxis={"title": {"text": "samples"}, "autorange": True},
        legend={"orientation": "h", "x": 0, "y": 1, "yanchor": "bottom"},
    )
    return {"data": traces, "layout": layout}


error_histogram_figure = figure_version(error_histogram_spec)


def roc_spec(false_alarms: np.ndarray, detections: np.ndarray, area: float,
             at: tuple[float, float] | None = None) -> dict:  # fmt: skip
    """The ROC curve: detections (m,) against false_alarms (m,), both rising from 0 to 1,
    the diagonal of chance dotted, its area in the title; at: (false alarms, detection
    rate) at the threshold, drawn as a dot.

    Returns the figure as a plain dict (roc_figure: the same as a validated Figure).
    """
    traces = [
        {"type": "scatter", "x": [0, 1], "y": [0, 1], "mode": "lines", "name": "chance",
         "line": {"color": CHANCE_GREY, "width": 1.5, "dash": "dot"}, "hoverinfo": "skip"},
        {"type": "scatter", "x": to_f32(false_alarms), "y": to_f32(detections),
         "mode": "lines", "name": "ROC", "line": {"color": BLUE, "width": 2, "shape": "hv"},
         "hovertemplate": "false alarms %{x:.0%}, detected %{y:.0%}<extra></extra>"},
    ]  # fmt: skip
    if at is not None:
        traces.append({
            "type": "scatter", "x": [at[0]], "y": [at[1]], "mode": "markers",
            "name": "threshold", "marker": {"color": DARK, "size": 9},
            "hovertemplate": "at the threshold: false alarms %{x:.0%}, detected %{y:.0%}"
                             "<extra></extra>",
        })  # fmt: skip
    layout = live_layout(
        ANOMALY_HEIGHT,
        UIREVISION,
        {"l": 50, "r": 10, "t": 28, "b": 40},
        showlegend=False,
        title={
            "text": f"area {area:.3f}",
            "x": 0.98,
            "xanchor": "right",
            "y": 0.97,
            "font": {"size": 12},
        },  # fmt: skip
        xaxis={
            "title": {"text": "false alarms (normal samples flagged)"},
            "range": [0, 1],
            "tickformat": ".0%",
        },  # fmt: skip
        yaxis={
            "title": {"text": "detected (left-out samples flagged)"},
            "range": [0, 1.02],
            "tickformat": ".0%",
        },  # fmt: skip
    )
    return {"data": traces, "layout": layout}


roc_figure = figure_version(roc_spec)
