"""The sequence lab's figures: one sequence with its answer, a wave and its forecasts, the
hidden state over time, the gradient reaching each step, and sampled text.

Pure functions: arrays in, Plotly figure specs (plain dicts) out. Names from the data
(symbols, characters) arrive as Plotly text already (playground.plots.text).
"""

import numpy as np

from playground.plots.arrays import to_f32
from playground.plots.colors import (
    BLUE,
    DARK,
    DIVERGING_SCALE,
    LINK_NEUTRAL,
    MISTAKE_RED,
    ORANGE,
)
from playground.plots.layout import live_layout

SEQUENCE_HEIGHT = 260


def echo_sequence_spec(inputs: np.ndarray, delay: int, probs: np.ndarray, targets: np.ndarray,
                       symbols: list[str]) -> dict:  # fmt: skip
    """One echo sequence and the network's answer at every step: the symbols read
    (inputs (steps,) ids) as a line; behind them the network's probability of each symbol
    at each step (probs (steps, k)) as shading; at each step with a target (targets
    (steps,) ids, -1 for none: the steps before the delay) the true answer (the input
    `delay` steps earlier) ringed, and the network's likeliest symbol marked, blue where
    right, red where wrong."""
    steps, k = probs.shape
    x = np.arange(1, steps + 1)
    has = np.asarray(targets) >= 0
    answers = probs.argmax(axis=1)
    right = answers == targets
    traces = [
        {"type": "heatmap", "z": to_f32(probs.T), "x": x, "y": list(range(k)), "zmin": 0,
         "zmax": 1, "colorscale": [[0, "#ffffff"], [1, "#9ecae1"]], "showscale": False,
         "hovertemplate": "step %{x}, symbol %{y}: p = %{z:.2f}<extra></extra>",
         "name": "probability"},
        {"type": "scatter", "x": x, "y": inputs.astype(np.int32), "mode": "markers+lines",
         "name": "input", "line": {"color": DARK, "width": 1}, "marker": {"color": DARK,
         "size": 7}, "hovertemplate": "step %{x}: read %{y}<extra></extra>"},
        {"type": "scatter", "x": x[has], "y": np.asarray(targets)[has].astype(np.int32),
         "mode": "markers", "name": f"answer due (input {delay} steps before)",
         "marker": {"color": "rgba(0,0,0,0)", "size": 18, "line": {"color": ORANGE,
         "width": 3}}, "hovertemplate": "step %{x}: due %{y}<extra></extra>"},
        {"type": "scatter", "x": x[has], "y": answers[has].astype(np.int32), "mode": "markers",
         "name": "network's answer", "marker": {"symbol": "x", "size": 10,
         "color": [BLUE if ok else MISTAKE_RED for ok in right[has]]},
         "hovertemplate": "step %{x}: answers %{y}<extra></extra>"},
    ]  # fmt: skip
    due = int(np.count_nonzero(has))
    title = f"right at {int(np.count_nonzero(right & has))} of {due} step{'' if due == 1 else 's'}"
    layout = live_layout(
        SEQUENCE_HEIGHT, margin={"l": 40, "r": 10, "t": 30, "b": 36},
        xaxis={"title": {"text": "step"}, "dtick": 1, "range": [0.5, steps + 0.5]},
        yaxis={"title": {"text": "symbol"}, "tickvals": list(range(len(symbols))),
               "ticktext": symbols, "range": [-0.6, len(symbols) - 0.4]},
        title={"text": title, "font": {"size": 13}, "x": 0, "xanchor": "left"},
        showlegend=True, legend={"orientation": "h", "y": -0.25, "x": 0},
    )  # fmt: skip
    return {"data": traces, "layout": layout}


def wave_forecast_spec(series: np.ndarray, test_start: int, predicted: np.ndarray,
                       forecast: np.ndarray) -> dict:  # fmt: skip
    """The wave (series (length,)), the one-step predictions of the test part (predicted
    (length - test_start,), each from the true values before it) and a free-running
    forecast from test_start (forecast (h,), each step fed the forecast's own values)."""
    t = np.arange(len(series))
    test_t = np.arange(test_start, test_start + len(predicted))
    free_t = np.arange(test_start, test_start + len(forecast))
    traces = [
        {"type": "scatter", "x": t, "y": to_f32(series), "mode": "lines", "name": "wave",
         "line": {"color": LINK_NEUTRAL, "width": 2}},
        {"type": "scatter", "x": test_t, "y": to_f32(predicted), "mode": "lines",
         "name": "one step ahead", "line": {"color": BLUE, "width": 2}},
        {"type": "scatter", "x": free_t, "y": to_f32(forecast), "mode": "lines",
         "name": "free-running", "line": {"color": ORANGE, "width": 2, "dash": "dot"}},
    ]  # fmt: skip
    low = max(0, test_start - 120)
    layout = live_layout(
        SEQUENCE_HEIGHT, margin={"l": 40, "r": 10, "t": 10, "b": 36},
        xaxis={"title": {"text": "step"}, "range": [low, test_start + 2 * len(forecast)]},
        yaxis={"range": [-1.5, 1.5]},
        shapes=[{"type": "line", "x0": test_start, "x1": test_start, "y0": 0, "y1": 1,
                 "yref": "paper", "line": {"color": DARK, "width": 1, "dash": "dash"}}],
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
    )  # fmt: skip
    return {"data": traces, "layout": layout}


def hidden_state_spec(hidden: np.ndarray, step_labels: list[str] | None = None) -> dict:
    """Heatmap of a hidden state over time: hidden (steps, units) in -1..1, units as rows
    and steps as columns; step_labels: what each step read (shown under it), or None."""
    steps, units = hidden.shape
    x = list(range(1, steps + 1))
    trace = {"type": "heatmap", "z": to_f32(hidden.T), "x": x, "y": list(range(1, units + 1)),
             "zmin": -1, "zmax": 1, "colorscale": DIVERGING_SCALE, "colorbar": {"thickness": 10},
             "hovertemplate": "step %{x}, unit %{y}: %{z:.2f}<extra></extra>"}  # fmt: skip
    xaxis = {"title": {"text": "step"}}
    if step_labels is not None:
        xaxis.update(tickvals=x, ticktext=step_labels)
    layout = live_layout(SEQUENCE_HEIGHT, margin={"l": 40, "r": 10, "t": 10, "b": 40},
                         xaxis=xaxis, yaxis={"title": {"text": "unit"}})  # fmt: skip
    return {"data": [trace], "layout": layout}


def step_gradient_spec(norms: np.ndarray, cell: str, other: np.ndarray | None = None,
                       other_name: str = "") -> dict:  # fmt: skip
    """Bars of the mean gradient norm ||dL/dh_t|| reaching each step t from the loss at the
    last step (norms (steps,)), on a log axis: how much that loss can still change what
    the cell did long ago. `other` (steps,): the same for the other cell type, drawn beside
    it under `other_name`; None draws this network's alone."""
    x = np.arange(1, len(norms) + 1)
    bars = [(norms, cell, BLUE)] + ([] if other is None else [(other, other_name, ORANGE)])
    traces = [
        {"type": "bar", "x": x, "y": to_f32(np.maximum(np.asarray(values, np.float64), 1e-12)),
         "name": name, "marker": {"color": color},
         "hovertemplate": "step %{x}: %{y:.3g}<extra>" + name + "</extra>"}
        for values, name, color in bars
    ]  # fmt: skip
    layout = live_layout(
        SEQUENCE_HEIGHT, margin={"l": 64, "r": 10, "t": 10, "b": 36}, barmode="group",
        xaxis={"title": {"text": "step (the loss is at the last)"}},
        yaxis={"title": {"text": "gradient norm"}, "type": "log", "exponentformat": "power"},
        showlegend=True, legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
    )  # fmt: skip
    return {"data": traces, "layout": layout}


def sampled_text_spec(prompt: str, sample: str, temperature: float, epoch: int,
                      width: int = 46) -> dict:  # fmt: skip
    """Text the model wrote at `epoch`: prompt (Plotly text, what it was given) then sample
    (Plotly text, what it wrote), wrapped at `width` characters, as an annotation."""
    lines, line = [], ""
    for char in sample.replace("\n", " / "):
        line += char
        if len(line) >= width and char == " ":
            lines.append(line)
            line = ""
    lines.append(line)
    body = "<br>".join(lines)
    text = f"<i>{prompt.replace(chr(10), ' / ')}</i> →<br>{body}"
    layout = live_layout(
        SEQUENCE_HEIGHT, margin={"l": 10, "r": 10, "t": 10, "b": 10},
        xaxis={"visible": False, "range": [0, 1]}, yaxis={"visible": False, "range": [0, 1]},
        annotations=[
            {"x": 0, "y": 1, "xanchor": "left", "yanchor": "top", "showarrow": False,
             "align": "left", "text": text, "font": {"family": "monospace", "size": 13}},
            {"x": 1, "y": 0, "xanchor": "right", "yanchor": "bottom", "showarrow": False,
             "text": f"written at epoch {epoch}, temperature {temperature:g}",
             "font": {"size": 11, "color": DARK}},
        ],
    )  # fmt: skip
    return {"data": [], "layout": layout}


def metric_curve_spec(epochs: np.ndarray, train: np.ndarray, test: np.ndarray, name: str,
                      ceiling: float | None = None) -> dict:  # fmt: skip
    """Training and test curves of a metric per epoch (accuracy, R², bits per character)."""
    traces = [
        {"type": "scatter", "x": epochs.astype(np.int32), "y": to_f32(values), "mode": "lines",
         "name": label, "line": {"color": color, "width": 2}, "hovertemplate": "%{y:.3g}"}
        for values, label, color in ((train, "train", DARK), (test, "test", BLUE))
    ]  # fmt: skip
    yaxis = {"title": {"text": name}, "autorange": True}
    if ceiling is not None:
        yaxis = {"title": {"text": name}, "range": [0, ceiling]}
    layout = live_layout(
        220, margin={"l": 50, "r": 10, "t": 24, "b": 36},
        xaxis={"title": {"text": "epoch"}, "autorange": True, "rangemode": "nonnegative"},
        yaxis=yaxis, hovermode="x unified",
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom"},
    )  # fmt: skip
    return {"data": traces, "layout": layout}
