"""Weight matrices: one heatmap per layer on one shared, symmetric diverging scale."""

import numpy as np

from playground.plots.arrays import to_f32
from playground.plots.colors import DIVERGING_SCALE
from playground.plots.layout import (
    UIREVISION,
    WEIGHTS_FIGURE_HEIGHT,
    figure_version,
    label_room,
    live_layout,
)

PANEL_GAP = 0.08  # share of the width between two panels: room for the next row labels
COLORBAR_ROOM = 0.13  # share of the width kept free for the one colorbar and its ticks


def _matrix_with_bias(weights: np.ndarray, biases: np.ndarray) -> np.ndarray:
    """(inputs, neurons) weights and (neurons,) biases -> (inputs + 1, neurons), bias last."""
    return np.vstack([np.asarray(weights), np.asarray(biases).reshape(1, -1)])


def _row_names(layer: int, n_inputs: int, input_names: list[str] | None) -> list[str]:
    """Row labels: the first layer's inputs by name, later layers by previous neuron."""
    if layer == 0 and input_names:
        names = list(input_names)
    elif layer == 0:
        names = [f"in {i + 1}" for i in range(n_inputs)]
    else:
        names = [f"n{i + 1}" for i in range(n_inputs)]
    return names + ["bias"]


def panel_domains(widths: list[int]) -> list[tuple[float, float]]:
    """Horizontal paper domains, one per panel, proportional to widths, left to right."""
    usable = 1 - COLORBAR_ROOM - PANEL_GAP * (len(widths) - 1)
    domains, left = [], 0.0
    for width in widths:
        right = left + usable * width / sum(widths)
        domains.append((round(left, 4), round(right, 4)))
        left = right + PANEL_GAP
    return domains


def weights_spec(
    weights: list[np.ndarray],
    biases: list[np.ndarray],
    layer_labels: list[str] | None = None,
    input_names: list[str] | None = None,
    uirevision: str = UIREVISION,
) -> dict:
    """Side-by-side heatmaps, one per layer: rows = inputs then 'bias', columns = neurons.

    weights[l]: (inputs_l, neurons_l); biases[l]: (neurons_l,); layer_labels: a title per
    layer; input_names: row names of the first layer (default 'in 1', 'in 2', ...).
    One colorbar; 0 is grey and the scale runs over +-max|value| of all layers (symmetric,
    so zero sits in the middle). Hover shows layer, from (row), to (column) and the value.

    Returns the figure as a plain dict (weights_figure: the same as a validated Figure).
    """
    layer_labels = layer_labels or [f"layer {k + 1}" for k in range(len(weights))]
    matrices = [_matrix_with_bias(w, b) for w, b in zip(weights, biases, strict=True)]
    finite = [np.abs(m[np.isfinite(m)]) for m in matrices]
    limit = max((float(a.max()) for a in finite if a.size), default=0.0) or 1.0  # NaN-safe
    domains = panel_domains([m.shape[1] + 1 for m in matrices])
    traces, axes, titles = [], {}, []
    for k, (matrix, label, domain) in enumerate(zip(matrices, layer_labels, domains, strict=True)):
        suffix = "" if k == 0 else str(k + 1)
        traces.append(
            {
                "type": "heatmap",
                "z": to_f32(matrix),
                "x": [f"n{j + 1}" for j in range(matrix.shape[1])],
                "y": _row_names(k, matrix.shape[0] - 1, input_names),
                "xaxis": f"x{suffix}",
                "yaxis": f"y{suffix}",
                "coloraxis": "coloraxis",
                "xgap": 1,
                "ygap": 1,
                "hovertemplate": label + ": %{y} to %{x}: %{z:.3f}<extra></extra>",
            }
        )
        axes[f"xaxis{suffix}"] = {"domain": domain, "anchor": f"y{suffix}", "showgrid": False}
        axes[f"yaxis{suffix}"] = {
            "anchor": f"x{suffix}",
            "autorange": "reversed",
            "showgrid": False,
        }
        titles.append(_panel_title(label, domain))
    colorbar = {"thickness": 12, "len": 0.9, "outlinewidth": 0, "x": 1.0, "xanchor": "right"}
    layout = live_layout(
        WEIGHTS_FIGURE_HEIGHT,
        uirevision,
        {"l": label_room([*(input_names or ["n99"]), "bias"]), "r": 10, "t": 24, "b": 24},
        coloraxis={
            "colorscale": DIVERGING_SCALE,
            "cmin": -limit,
            "cmax": limit,
            "colorbar": colorbar,
        },
        annotations=titles,
        **axes,
    )
    return {"data": traces, "layout": layout}


def _panel_title(text: str, domain: tuple[float, float]) -> dict:
    return {
        "text": text,
        "x": (domain[0] + domain[1]) / 2,
        "y": 1.0,
        "xref": "paper",
        "yref": "paper",
        "xanchor": "center",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": 12},
    }


weights_figure = figure_version(weights_spec)
