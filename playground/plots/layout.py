"""Shared look of every figure: sizes, a minimal template, and the live-update settings.

The page redraws the live figures with Plotly.react about 10 times a second, so each figure
keeps the user's zoom (a constant uirevision), carries a tiny template of our own (plotly's
default template adds kilobytes to every update) and never animates. It sets no
`transition` at all: even a zero-length one sends Plotly.react down its animation path,
which ends in a relayout of the axis ranges that uirevision then keeps as if the user had
zoomed, freezing autoranged axes (seen in Chromium: the loss chart stopped following).

Builders first make a *spec*: the figure as a plain dict (traces as dicts, NumPy arrays
inside), which costs well under a millisecond and serializes directly (serialize.py).
as_figure wraps a spec into a validated go.Figure; validation costs 1-8 ms per figure,
too much to pay 10 times a second, so the live view sends specs.
"""

import functools

import plotly.graph_objects as go

from playground.plots.colors import DARK

UIREVISION = "playground"
LIVE_FIGURE_HEIGHT = 360
LOSS_FIGURE_HEIGHT = 220
NETWORK_FIGURE_HEIGHT = 360
WEIGHTS_FIGURE_HEIGHT = 260
SMALL_MARGIN = {"l": 40, "r": 10, "t": 10, "b": 36}

_AXIS_STYLE = {
    "gridcolor": "#eeeeee",
    "zerolinecolor": "#dddddd",
    "linecolor": "#bbbbbb",
    "ticks": "",
    "title": {"standoff": 6},
}

MINIMAL_TEMPLATE = {
    "layout": {
        "font": {"family": "Helvetica, Arial, sans-serif", "size": 12, "color": DARK},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "xaxis": _AXIS_STYLE,
        "yaxis": _AXIS_STYLE,
        # Neutral hover boxes: Plotly's default fills each with its trace's colour, which
        # for the invisible hover markers of the network view is the colorway's magenta.
        "hoverlabel": {
            "bgcolor": "white",
            "bordercolor": "#bbbbbb",
            "font": {"size": 12, "color": DARK},
        },
    }
}


def label_room(labels, extra: int = 0) -> int:
    """Left margin in pixels that fits the longest tick label (12 px font), plus `extra`
    for an axis title; at most 170, so a long CSV column name cannot eat the chart."""
    longest = max((len(str(label)) for label in labels), default=0)
    return min(170, 14 + round(6.6 * longest) + extra)


def live_layout(
    height: int, uirevision: str = UIREVISION, margin: dict | None = None, **extra
) -> dict:
    """Layout dict with the settings every figure shares, plus the figure's own extra keys."""
    return {
        "template": MINIMAL_TEMPLATE,
        "height": height,
        "margin": margin or SMALL_MARGIN,
        "uirevision": uirevision,
        **extra,
    }


def figure_version(spec_builder):
    """The go.Figure twin of a spec builder: same arguments, a validated Figure (for
    notebooks and tests; the live page sends the cheaper spec)."""

    @functools.wraps(spec_builder)
    def build(*args, **kwargs) -> go.Figure:
        return as_figure(spec_builder(*args, **kwargs))

    build.__name__ = build.__qualname__ = spec_builder.__name__.replace("_spec", "_figure")
    return build


def as_figure(spec: dict) -> go.Figure:
    """A spec {"data": [trace dicts], "layout": dict} as a validated plotly Figure."""
    return go.Figure(spec)


def hidden_axis() -> dict:
    """Axis settings for a drawing canvas: no ticks, grid, zero line or zoom drift."""
    return {"visible": False, "showgrid": False, "zeroline": False, "fixedrange": False}
