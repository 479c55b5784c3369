"""Per-episode curves of a reinforcement-learning run: a value per episode (return, length,
epsilon, TD loss) as faint points, with its moving average as a line."""

import numpy as np

from playground.plots.arrays import minmax_indices, to_f32
from playground.plots.colors import BLUE, DARK
from playground.plots.layout import LOSS_FIGURE_HEIGHT, UIREVISION, live_layout

MAX_EPISODE_POINTS = 400


def moving_average(values: np.ndarray, window: int) -> np.ndarray:
    """Mean of each value and the up to window - 1 before it (n,) -> (n,); NaN values (an
    episode without a loss) are left out of the means (NaN where a window has none)."""
    values = np.asarray(values, dtype=np.float64)
    known = np.isfinite(values)
    sums = np.concatenate([[0.0], np.cumsum(np.where(known, values, 0.0))])
    counts = np.concatenate([[0], np.cumsum(known)])
    ends = np.arange(1, len(values) + 1)
    starts = np.maximum(ends - window, 0)
    count = counts[ends] - counts[starts]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, (sums[ends] - sums[starts]) / count, np.nan)


def episodes_spec(
    episodes: np.ndarray,
    values: np.ndarray,
    y_title: str,
    window: int = 20,
    log_y: bool = False,
    height: int = LOSS_FIGURE_HEIGHT,
    uirevision: str = UIREVISION,
) -> dict:
    """One value per episode: episodes (n,) numbers, values (n,) (NaN = none that episode).
    Points for each episode, a line for the moving average over `window` episodes; both
    thinned to at most 400 points (keeping each bucket's extremes), sent as float32."""
    episodes = np.asarray(episodes)
    values = np.asarray(values, dtype=np.float64)
    average = moving_average(values, window)
    keep = minmax_indices([np.nan_to_num(values), np.nan_to_num(average)], MAX_EPISODE_POINTS)
    x = episodes[keep].astype(np.int32)
    data = [
        {
            "type": "scatter", "x": x, "y": to_f32(values[keep]), "name": "each episode",
            "mode": "markers", "marker": {"color": BLUE, "size": 4, "opacity": 0.35},
            "hovertemplate": "episode %{x}: %{y:.4g}<extra></extra>",
        },
        {
            "type": "scatter", "x": x, "y": to_f32(average[keep]),
            "name": f"mean of {window}", "mode": "lines", "line": {"color": DARK, "width": 2},
            "hovertemplate": f"mean of {window}: %{{y:.4g}}<extra></extra>",
        },
    ]  # fmt: skip
    layout = live_layout(
        height,
        uirevision,
        {"l": 50, "r": 10, "t": 24, "b": 36},
        xaxis={"title": {"text": "episode"}, "autorange": True, "rangemode": "nonnegative"},
        yaxis={"title": {"text": y_title}, "type": "log" if log_y else "linear", "autorange": True},
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom"},
    )
    return {"data": data, "layout": layout}
