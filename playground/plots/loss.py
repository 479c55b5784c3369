"""The train and test loss curves, and the mark of an epoch whose weights were restored."""

import math

import numpy as np

from playground.plots.arrays import minmax_indices, to_f32_if_it_fits
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
    """Line chart of the loss per epoch, thinned to at most 400 points, sent as float32
    (float64 if a value is beyond its range: a diverging loss).

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
            "y": to_f32_if_it_fits(values[keep]),
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

RESTORED_TRACE = "restored"  # not "train" or "test": the browser appends no points to it


def restored_line(epoch: float, color: str = DARK) -> dict:
    """The dotted vertical line (a layout shape, across the plot's height) that marks a
    restored epoch; the page's loss chart and the comparison's draw it alike."""
    return {"type": "line", "xref": "x", "yref": "paper", "x0": epoch, "x1": epoch, "y0": 0,
            "y1": 1, "line": {"color": color, "width": 1, "dash": "dot"}}  # fmt: skip


def restored_rings(epoch: float, losses: list[float], colors: list[str], hover: str) -> dict:
    """The open rings (a markers trace, no legend entry) on the curves at a restored epoch:
    one per loss in `losses`, in `colors`; `hover` is its hovertemplate."""
    return {
        "type": "scatter", "x": [epoch] * len(losses), "y": list(losses),
        "name": RESTORED_TRACE, "mode": "markers", "showlegend": False,
        "marker": {"size": 10, "symbol": "circle-open", "line": {"width": 2}, "color": colors},
        "hovertemplate": hover,
    }  # fmt: skip


def mark_restored(spec: dict, epoch: int, losses: dict[str, float]) -> dict:
    """A loss chart with the epoch whose weights were restored marked, the curves whole.

    spec: a figure of loss_spec (or one built on it); epoch: the restored epoch; losses:
    its loss per trace name ({"train": 0.31, "test": 0.42}, a non-finite one not drawn).
    Adds a dotted vertical line at that epoch, an open dot on each curve there and the
    words "best weights restored" on two short lines inside the plot, beside the line on
    the side with more room (they fit a phone's chart). Returns a new dict; `spec` is not changed.
    """
    colours = dict(SERIES_STYLE)
    names = [name for name, loss in losses.items() if math.isfinite(loss)]
    dots = restored_rings(epoch, [losses[n] for n in names], [colours.get(n, DARK) for n in names],
                          f"restored (epoch {epoch}): %{{y:.4g}}<extra></extra>")  # fmt: skip
    last = max((float(np.max(t["x"])) for t in spec["data"] if len(t.get("x", ()))), default=0)
    left_side = epoch > last / 2  # the words go where the plot has more room
    layout = dict(spec["layout"])
    layout["shapes"] = [*layout.get("shapes", ()), restored_line(epoch)]
    side = "right" if left_side else "left"  # the words' edge that touches the line
    layout["annotations"] = [*layout.get("annotations", ()), {
        "x": epoch, "y": 0.98, "xref": "x", "yref": "paper", "showarrow": False,
        "text": "best weights<br>restored", "align": side, "xanchor": side, "yanchor": "top",
        "xshift": -4 if left_side else 4, "font": {"size": 11, "color": DARK},
    }]  # fmt: skip
    return {"data": [*spec["data"], dots], "layout": layout}
