"""A network's layers as a table: what each is, its output shape, its parameters."""

from playground.plots.colors import DARK, GREY, WHITE
from playground.plots.layout import UIREVISION, figure_version, live_layout
from playground.plots.text import plot_texts

ROW_PX = 24


def layer_table_spec(names, shapes, params, uirevision: str = UIREVISION) -> dict:
    """names (m,), shapes (m,) tuples (one sample's output), params (m,) counts: one row per
    layer and a last row with the total.

    Returns the figure as a plain dict (layer_table_figure: the same as a validated Figure).
    """
    shown = ["×".join(map(str, shape)) for shape in shapes]
    total = sum(params)
    cells = [[*plot_texts(names), "Total"], [*shown, ""],
             [*(f"{p:,}" for p in params), f"{total:,}"]]  # fmt: skip
    table = {
        "type": "table",
        "columnwidth": [3, 1.4, 1.2],
        "header": {"values": ["layer", "output shape", "parameters"], "align": "left",
                   "height": ROW_PX,
                   "fill": {"color": GREY}, "font": {"color": DARK, "size": 12}},
        "cells": {"values": cells, "align": ["left", "left", "right"], "height": ROW_PX,
                  "fill": {"color": WHITE}, "font": {"color": DARK, "size": 12}},
    }  # fmt: skip
    # Room for the header and a long name to wrap onto a second line on a phone.
    height = ROW_PX * (len(names) + 4) + 16
    return {
        "data": [table],
        "layout": live_layout(height, uirevision, {"l": 4, "r": 4, "t": 4, "b": 4}),
    }


layer_table_figure = figure_version(layer_table_spec)
