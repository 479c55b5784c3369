"""The sequence lab's figures: one sequence with its answer, a wave and its forecasts, the
hidden state over time, the gradient reaching each step, and sampled text.

Pure functions: arrays in, Plotly figure specs (plain dicts) out. Names from the data
(symbols, characters) arrive as Plotly text already (playground.plots.text).
"""

import numpy as np

from playground.plots.arrays import to_f32
from playground.plots.colors import BLUE, DARK, DIVERGING_SCALE, GREY, ORANGE
from playground.plots.layout import live_layout

SEQUENCE_HEIGHT = 260


def echo_sequence_spec(inputs: np.ndarray, delay: int, probs: np.ndarray, target: int,
                       symbols: list[str]) -> dict:  # fmt: skip
    """One echo sequence: its symbols per step (inputs (steps,) ids), the step to recall
    (delay steps before the last) ringed, and the network's probabilities (probs (k,)) for
    the answer at the last step beside the true one (target)."""
    steps = len(inputs)
    x = np.arange(1, steps + 1)
    recall = steps - delay
    answer = int(np.argmax(probs))
    traces = [
        {"type": "scatter", "x": x, "y": inputs.astype(np.int32), "mode": "markers+lines",
         "name": "input", "line": {"color": GREY}, "marker": {"color": DARK, "size": 10},
         "xaxis": "x", "yaxis": "y", "hovertemplate": "step %{x}: %{y}<extra></extra>"},
        {"type": "scatter", "x": [recall], "y": [int(inputs[recall - 1])], "mode": "markers",
         "name": f"to recall (step T - {delay})", "xaxis": "x", "yaxis": "y",
         "marker": {"color": "rgba(0,0,0,0)", "size": 20, "line": {"color": ORANGE, "width": 3}}},
        {"type": "bar", "x": to_f32(probs), "y": list(range(len(probs))), "orientation": "h",
         "name": "network's answer", "xaxis": "x2", "yaxis": "y",
         "marker": {"color": [BLUE if k == target else GREY for k in range(len(probs))]},
         "hovertemplate": "symbol %{y}: %{x:.2f}<extra></extra>"},
    ]  # fmt: skip
    title = f"answer {symbols[answer]} (p = {probs[answer]:.2f}), true {symbols[target]}"
    layout = live_layout(
        SEQUENCE_HEIGHT, margin={"l": 40, "r": 10, "t": 30, "b": 36},
        xaxis={"domain": [0, 0.68], "title": {"text": "step"}, "dtick": 1},
        xaxis2={"domain": [0.76, 1], "range": [0, 1], "title": {"text": "probability"}},
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
         "line": {"color": GREY, "width": 2}},
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


def step_gradient_spec(norms: np.ndarray, cell: str) -> dict:
    """Bars of the mean gradient norm ||dL/dh_t|| reaching each step t (norms (steps,)), on a
    log axis: how much the loss at the end can still change what the cell did long ago."""
    x = np.arange(1, len(norms) + 1)
    floor = np.maximum(np.asarray(norms, dtype=np.float64), 1e-12)
    trace = {"type": "bar", "x": x, "y": to_f32(floor), "name": cell,
             "marker": {"color": BLUE},
             "hovertemplate": "step %{x}: %{y:.3g}<extra></extra>"}  # fmt: skip
    layout = live_layout(
        SEQUENCE_HEIGHT, margin={"l": 64, "r": 10, "t": 10, "b": 36},
        xaxis={"title": {"text": "step (the loss is at the last)"}},
        yaxis={"title": {"text": "gradient norm"}, "type": "log", "exponentformat": "power"},
    )  # fmt: skip
    return {"data": [trace], "layout": layout}


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
