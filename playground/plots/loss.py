"""The train and test loss curves."""

import numpy as np

from playground.plots.arrays import minmax_indices, to_f32
from playground.plots.colors import BLUE, DARK
from playground.plots.layout import LOSS_FIGURE_HEIGHT, UIREVISION, figure_version, live_layout

MAX_LOSS_POINTS = 400
SERIES_STYLE = (("train", DARK), ("test", BLUE))


def loss_spec(
    epochs: np.ndarray,
    train_loss: np.ndarray,
    test_loss: np.ndarray | None = None,
    log_y: bool = False,
    uirevision: str = UIREVISION,
) -> dict:
    """Line chart of the loss per epoch, thinned to at most 400 points, sent as float32.

    epochs: (n,) epoch numbers; train_loss: (n,); test_loss: (n,) or None.
    log_y: logarithmic loss axis. The first and last epoch and every bucket's min/max are kept.

    Returns the figure as a plain dict (loss_figure: the same as a validated Figure).
    """
    epochs = np.asarray(epochs)
    series = [np.asarray(train_loss, dtype=np.float64)]
    if test_loss is not None:
        series.append(np.asarray(test_loss, dtype=np.float64))
    keep = minmax_indices(series, MAX_LOSS_POINTS)
    x = epochs[keep].astype(np.int32 if np.issubdtype(epochs.dtype, np.integer) else np.float32)
    traces = [
        {
            "type": "scatter",
            "x": x,
            "y": to_f32(values[keep]),
            "name": name,
            "mode": "lines",
            "line": {"color": color, "width": 2},
            "hovertemplate": "%{y:.4g}",
        }
        for values, (name, color) in zip(series, SERIES_STYLE, strict=False)
    ]
    layout = live_layout(
        LOSS_FIGURE_HEIGHT,
        uirevision,
        {"l": 50, "r": 10, "t": 24, "b": 36},
        # autorange stated in every update: Plotly's uirevision then keeps a user's zoom (a GUI
        # edit) but follows the data otherwise; left unstated, a resize froze the range.
        # Epochs start at 0 and losses at 0 (log scale: no floor), also with a single point.
        xaxis={"title": {"text": "epoch"}, "autorange": True, "rangemode": "nonnegative"},
        yaxis={
            "title": {"text": "loss"},
            "type": "log" if log_y else "linear",
            "autorange": True,
            **({} if log_y else {"rangemode": "tozero"}),
        },  # fmt: skip
        hovermode="x unified",
        # Top left: the top right is where the zoom buttons (modebar) show on hover.
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom"},
    )
    return {"data": traces, "layout": layout}


loss_figure = figure_version(loss_spec)
