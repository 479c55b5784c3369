"""The loss curves of several runs on one chart (compare runs): one colour per run, the
test loss solid and the training loss dotted; a run whose best weights were restored has
that epoch marked as the page's loss chart marks it (a dotted line, rings on its curves)."""

import math
from collections.abc import Sequence

import numpy as np

from playground.plots.arrays import to_f32
from playground.plots.colors import DARK
from playground.plots.layout import live_layout
from playground.plots.loss import restored_line, restored_rings

# Pinned runs in the colour-blind-safe class colours (orange, blue, green); the current
# run in the dark ink of the live loss chart.
RUN_COLORS = ("#e69f00", "#0072b2", "#009e73")
CURRENT_COLOR = DARK
COMPARE_HEIGHT = 300


def compare_loss_spec(
    runs: Sequence[tuple[str, np.ndarray, np.ndarray, np.ndarray]],
    log_y: bool = False,
    marks: Sequence[tuple[int, float, float] | None] = (),
) -> dict:
    """A line chart of every run's losses: runs = (label, epochs (n,), train (n,), test
    (n,)) in order, the last the current run. A run's test loss is drawn solid (left out
    when all NaN), its training loss dotted, both in the run's colour. log_y: log axis.
    marks: per run (in the same order; missing = none), its restored epoch with that
    epoch's (train, test) loss, or None: drawn as a dotted line and rings in its colour."""
    traces, shapes, last_epoch = [], [], 0
    for index, (label, epochs, train, test) in enumerate(runs):
        last = index == len(runs) - 1
        color = CURRENT_COLOR if last else RUN_COLORS[index % len(RUN_COLORS)]
        x = np.asarray(epochs, dtype=np.int32)
        last_epoch = max(last_epoch, int(x.max(initial=0)))
        lines = [("test", test, "solid"), ("training", train, "dot")]
        for name, values, dash in lines:
            values = np.asarray(values, dtype=np.float64)
            if not np.isfinite(values).any():
                continue
            traces.append({
                "type": "scatter", "x": x, "y": to_f32(values), "mode": "lines",
                "name": f"{label} · {name}", "legendgroup": label,
                "line": {"color": color, "width": 2.5 if last else 2, "dash": dash},
                "hovertemplate": f"{label} {name}: " + "%{y:.4g}<extra></extra>",
            })  # fmt: skip
        mark = marks[index] if index < len(marks) else None
        if mark is not None:
            shape, rings = _restored_mark(label, color, *mark)
            shapes.append(shape)
            traces.append(rings)
    layout = live_layout(
        COMPARE_HEIGHT,
        "compare",
        {"l": 50, "r": 10, "t": 10, "b": 36},
        # whole epochs: a short run would get ticks at 0.5
        xaxis={
            "title": {"text": "epoch"},
            "rangemode": "nonnegative",
            **({"dtick": 1} if last_epoch <= 10 else {}),
        },  # fmt: skip
        yaxis={
            "title": {"text": "loss"},
            "type": "log" if log_y else "linear",
            **({} if log_y else {"rangemode": "tozero"}),
        },  # fmt: skip
        hovermode="x unified",
        showlegend=True,
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": -0.2, "yanchor": "top"},
        **({"shapes": shapes} if shapes else {}),
    )
    return {"data": traces, "layout": layout}


def _restored_mark(label: str, color: str, epoch: int, train: float, test: float):
    """(line shape, rings trace) of a run's restored epoch, in the run's legend group (its
    legend entry hides them with its curves); a non-finite loss gets no ring."""
    losses = [loss for loss in (test, train) if math.isfinite(loss)]
    hover = f"{label} restored (epoch {epoch}): " + "%{y:.4g}<extra></extra>"
    rings = restored_rings(epoch, losses, [color] * len(losses), hover)
    line = {**restored_line(epoch, color), "legendgroup": label}
    return line, {**rings, "legendgroup": label}
