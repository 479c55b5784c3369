"""Each layer's gradient norm over the epochs, on a log scale (vanishing / exploding).

One colour per layer from the class palette (distinguishable colours, colour-blind safe).
"""

import numpy as np

from playground.plots.arrays import to_f32
from playground.plots.colors import CLASS_PALETTE
from playground.plots.layout import LOSS_FIGURE_HEIGHT, UIREVISION, figure_version, live_layout


def layer_names(n_layers: int) -> list[str]:
    """'hidden 1', ..., 'output' for n_layers weight layers."""
    return [f"hidden {i + 1}" for i in range(n_layers - 1)] + ["output"]


def gradient_norms_spec(epochs: np.ndarray, norms: np.ndarray, uirevision: str = UIREVISION,
                        names: list[str] | None = None):  # fmt: skip
    """Lines of ||dL/d[W; b]|| per layer over the epochs, log y axis.

    epochs: (n,) when each record was taken; norms: (n, layers) per layer, first hidden
    layer first; names: one per layer (default layer_names). Zero norms (a layer whose
    gradient vanished entirely) leave a gap. Returns the figure as a plain dict.
    """
    norms = np.asarray(norms, dtype=np.float64).reshape(len(epochs), -1)
    shown = np.where(norms > 0, norms, np.nan)
    names = names or layer_names(norms.shape[1])
    traces = [
        {
            "type": "scatter",
            "x": to_f32(np.asarray(epochs, dtype=np.float64)),
            "y": to_f32(shown[:, i]),
            "name": name,
            "mode": "lines+markers" if len(epochs) < 30 else "lines",
            "line": {"color": CLASS_PALETTE[i % len(CLASS_PALETTE)], "width": 2},
            "hovertemplate": f"{name}: %{{y:.3g}}<extra></extra>",
        }
        for i, name in enumerate(names)
    ]
    layout = live_layout(
        LOSS_FIGURE_HEIGHT,
        uirevision,
        {"l": 56, "r": 10, "t": 24, "b": 36},
        xaxis={"title": {"text": "epoch"}, "autorange": True, "rangemode": "nonnegative"},
        yaxis={
            "title": {"text": "gradient norm"},
            "type": "log",
            "autorange": True,
            "exponentformat": "power",
        },  # fmt: skip
        hovermode="x unified",
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom"},
    )
    return {"data": traces, "layout": layout}


gradient_norms_figure = figure_version(gradient_norms_spec)
