"""The loss curves of several runs on one chart (compare runs): one colour per run, the
test loss solid and the training loss dotted."""

from collections.abc import Sequence

import numpy as np

from playground.plots.arrays import to_f32
from playground.plots.colors import DARK
from playground.plots.layout import live_layout

# Pinned runs in the colour-blind-safe class colours (orange, blue, green); the current
# run in the dark ink of the live loss chart.
RUN_COLORS = ("#e69f00", "#0072b2", "#009e73")
CURRENT_COLOR = DARK
COMPARE_HEIGHT = 300


def compare_loss_spec(
    runs: Sequence[tuple[str, np.ndarray, np.ndarray, np.ndarray]],
    log_y: bool = False,
) -> dict:
    """A line chart of every run's losses: runs = (label, epochs (n,), train (n,), test
    (n,)) in order, the last the current run. A run's test loss is drawn solid (left out
    when all NaN), its training loss dotted, both in the run's colour. log_y: log axis."""
    traces, last_epoch = [], 0
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
    )
    return {"data": traces, "layout": layout}
