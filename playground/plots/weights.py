"""Weight matrices: one heatmap per layer, each on its own symmetric diverging scale.

Layers differ a lot in size (a first layer's weights are often ten times smaller than the
last's), so one shared scale washes the small ones out: each layer runs over its own
+-max|value|, written in its title. Panels wrap onto further rows when there are many.

The figure's width is the page's (a 358 px phone column to a projector's), unknown here:
a title is two short lines (the layer's name, its range) so that neighbouring titles do
not run into each other on a phone, and the column labels (turned upright when they
crowd) get the room they need below the panels (automargin), not cut off at the bottom.
"""

import math

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
PANELS_PER_ROW = 4
MIN_PANEL_WIDTH = 4  # in matrix columns: a one-column output layer still has room for a title
ROW_HEIGHT = 200  # pixels per further row of panels
ROW_GAP = 0.16  # share of the height between two rows: the tick labels and the next title
SMALL_MATRIX = 16  # rows or columns up to which cells are drawn apart (a 1 px gap)
TITLE_ROOM = 30  # px above the first row: a panel's title is two lines of 11 px


def _matrix_with_bias(weights: np.ndarray, biases: np.ndarray) -> np.ndarray:
    """(inputs, neurons) weights and (neurons,) biases -> (inputs + 1, neurons), bias last."""
    return np.vstack([np.asarray(weights), np.asarray(biases).reshape(1, -1)])


def _neuron_names(n: int) -> list[str]:
    return [f"n{i + 1}" for i in range(n)]


def _row_names(layer: int, n_inputs: int, input_names, column_names) -> list[str]:
    """Row labels: the first layer's inputs by name, later layers by the previous layer's
    neuron names."""
    if layer == 0:
        names = list(input_names) if input_names else [f"in {i + 1}" for i in range(n_inputs)]
    else:
        names = column_names[layer - 1]
    return [*names, "bias"]


def panel_domains(widths: list[int], slots: int | None = None, total: float | None = None):
    """Horizontal paper domains, one per panel of a row, proportional to widths; a row of
    `slots` panels whose widths add up to `total` (default: these) sets the scale, so a
    last, shorter row keeps the first row's proportions."""
    slots, total = slots or len(widths), total or sum(widths)
    usable = 1 - PANEL_GAP * (slots - 1)
    domains, left = [], 0.0
    for width in widths:
        right = left + usable * width / total
        domains.append((round(left, 4), round(right, 4)))
        left = right + PANEL_GAP
    return domains


def panel_grid(widths: list[int]) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """(x domain, y domain) of each panel: rows of up to PANELS_PER_ROW panels, top first."""
    widths = [max(w, MIN_PANEL_WIDTH) for w in widths]
    n_rows = math.ceil(len(widths) / PANELS_PER_ROW)
    height = (1 - ROW_GAP * (n_rows - 1)) / n_rows
    rows = [widths[r * PANELS_PER_ROW : (r + 1) * PANELS_PER_ROW] for r in range(n_rows)]
    slots, total = len(rows[0]), max(sum(row) for row in rows)
    cells = []
    for r, row in enumerate(rows):
        top = 1 - r * (height + ROW_GAP)
        y = (round(top - height, 4), round(top, 4))
        cells += [(x, y) for x in panel_domains(row, slots, total)]
    return cells


def symmetric_limit(matrix: np.ndarray) -> float:
    """max |value| over the finite values (1 for none or all zero), the scale's half-width."""
    finite = np.abs(matrix[np.isfinite(matrix)])
    return float(finite.max()) if finite.size and finite.max() > 0 else 1.0


def weights_spec(
    weights: list[np.ndarray],
    biases: list[np.ndarray],
    layer_labels: list[str] | None = None,
    input_names: list[str] | None = None,
    uirevision: str = UIREVISION,
    neuron_names: list[list[str]] | None = None,
) -> dict:
    """Heatmaps, one per layer: rows = inputs then 'bias', columns = neurons.

    weights[l]: (inputs_l, neurons_l); biases[l]: (neurons_l,); layer_labels: a title per
    layer, short (a panel can be 20 px wide on a phone; the hover adds the matrix's shape,
    inputs→neurons); input_names: row names of the first layer (default 'in 1', 'in 2', ...);
    neuron_names[l]: column names of layer l (default 'n1', 'n2', ...; pass the class names
    for the output layer), also the row names of layer l + 1.
    Each layer has its own colour axis over +-max|value| of its matrix (zero is grey in
    the middle), the range in its title. Hover shows layer, from (row), to (column), value.

    Returns the figure as a plain dict (weights_figure: the same as a validated Figure).
    """
    layer_labels = layer_labels or [f"layer {k + 1}" for k in range(len(weights))]
    matrices = [_matrix_with_bias(w, b) for w, b in zip(weights, biases, strict=True)]
    columns = neuron_names or [_neuron_names(m.shape[1]) for m in matrices]
    cells = panel_grid([m.shape[1] + 1 for m in matrices])
    traces, extra, titles = [], {}, []
    for k, (matrix, label, cell) in enumerate(zip(matrices, layer_labels, cells, strict=True)):
        suffix = "" if k == 0 else str(k + 1)
        limit = symmetric_limit(matrix)
        shape = f"{matrix.shape[0] - 1}→{matrix.shape[1]}"  # inputs → neurons
        traces.append(
            {
                "type": "heatmap",
                "z": to_f32(matrix),
                "x": list(columns[k]),
                "y": _row_names(k, matrix.shape[0] - 1, input_names, columns),
                "xaxis": f"x{suffix}",
                "yaxis": f"y{suffix}",
                "coloraxis": f"coloraxis{suffix}",
                "xgap": 1 if matrix.shape[1] <= SMALL_MATRIX else 0,
                "ygap": 1 if matrix.shape[0] <= SMALL_MATRIX else 0,
                "hovertemplate": f"{label} ({shape}): %{{y}} to %{{x}}: %{{z:.3f}}<extra></extra>",
            }
        )
        extra[f"coloraxis{suffix}"] = {"colorscale": DIVERGING_SCALE, "cmin": -limit,
                                       "cmax": limit, "showscale": False}  # fmt: skip
        # category axes: class names such as "0".."9" are names, not numbers
        extra[f"xaxis{suffix}"] = {"domain": cell[0], "anchor": f"y{suffix}", "showgrid": False,
                                   "type": "category", "automargin": True}  # fmt: skip
        extra[f"yaxis{suffix}"] = {"domain": cell[1], "anchor": f"x{suffix}", "type": "category",
                                   "autorange": "reversed", "showgrid": False}  # fmt: skip
        titles.append(_panel_title(f"{label}<br>±{limit:.2g}", cell))
    n_rows = math.ceil(len(matrices) / PANELS_PER_ROW)
    left = label_room([*(input_names or ["n99"]), "bias"])
    layout = live_layout(
        WEIGHTS_FIGURE_HEIGHT + ROW_HEIGHT * (n_rows - 1),
        uirevision,
        {"l": left, "r": 10, "t": TITLE_ROOM, "b": 24},
        annotations=titles,
        **extra,
    )
    return {"data": traces, "layout": layout}


def _panel_title(text: str, cell) -> dict:
    (x0, x1), (_, top) = cell
    return {
        "text": text,
        "x": (x0 + x1) / 2,
        "y": top,
        "xref": "paper",
        "yref": "paper",
        "xanchor": "center",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": 11},
    }


weights_figure = figure_version(weights_spec)
