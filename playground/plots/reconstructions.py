"""Originals above their reconstructions: digits as 8x8 images, measurements as bars."""

import numpy as np

from playground.plots.colors import BLUE, DARK, GREY, INK_SCALE
from playground.plots.digits import PIXELS_PER_UNIT, _image_spec, _mosaic_heatmap, _text_trace
from playground.plots.layout import UIREVISION, figure_version, live_layout
from playground.plots.mosaic import gap_colorscale, mosaic, tiles_to_u8

ROW_TITLES = ("original", "copy")
# Image pixels left of the tiles for the row titles: at a phone's width (390 px) ten cut
# "original" short at the left edge.
TITLE_COLUMNS = 14
BAR_HEIGHT = 260


def image_pairs_spec(originals: np.ndarray, copies: np.ndarray) -> dict:
    """originals, copies: (m, h, w) in [0, 1]; one row of originals above one row of their
    reconstructions (same column = same sample), row titles on the left.

    Returns the figure as a plain dict (image_pairs_figure: the same as a validated Figure).
    """
    originals, copies = np.asarray(originals), np.asarray(copies)
    m, h, w = originals.shape
    tiles = tiles_to_u8(np.concatenate([originals, copies]), 0.0, 1.0)
    z = mosaic(tiles, m, gap=1)
    blank = np.zeros((z.shape[0], TITLE_COLUMNS), dtype=np.uint8)
    z = np.hstack([blank, z])
    titles = _text_trace([TITLE_COLUMNS - 1.5] * 2, [(h - 1) / 2, h + 1 + (h - 1) / 2],
                         list(ROW_TITLES), DARK, 10)  # fmt: skip
    titles["textposition"] = "middle left"  # ends beside the first tile
    traces = [_mosaic_heatmap(z, gap_colorscale(INK_SCALE)), titles]
    return _image_spec(traces, z.shape, int(z.shape[0] * PIXELS_PER_UNIT * 1.6) + 8)


image_pairs_figure = figure_version(image_pairs_spec)


def measurement_pairs_spec(
    originals: np.ndarray, copies: np.ndarray, feature_names: list[str], unit: str = ""
) -> dict:
    """originals, copies: (m, f) values (e.g. standardized measurements); bars grouped by
    sample (the axis' first level, "#1".."#m") and feature (its second level), the
    original grey beside its copy blue. feature_names: Plotly text.

    Returns the figure as a plain dict (measurement_pairs_figure: the same as a validated Figure).
    """
    originals, copies = np.asarray(originals), np.asarray(copies)
    m, f = originals.shape
    x = [[f"#{i + 1}" for i in range(m) for _ in range(f)], list(feature_names) * m]
    traces = [
        {
            "type": "bar",
            "x": x,
            "y": values.ravel().astype(np.float32),
            "name": name,
            "marker": {"color": color},
            "hovertemplate": f"%{{x}}: %{{y:.3g}}<extra>{name}</extra>",
        }
        for name, values, color in ((ROW_TITLES[0], originals, GREY), (ROW_TITLES[1], copies, BLUE))
    ]
    traces[0]["marker"]["line"] = {"color": "#999999", "width": 1}
    layout = live_layout(
        BAR_HEIGHT,
        UIREVISION,
        {"l": 46, "r": 10, "t": 28, "b": 70},
        barmode="group",
        xaxis={"tickangle": -45, "tickfont": {"size": 10}},
        yaxis={"title": {"text": unit}, "autorange": True},
        legend={"orientation": "h", "x": 0, "y": 1, "yanchor": "bottom"},
    )
    return {"data": traces, "layout": layout}


measurement_pairs_figure = figure_version(measurement_pairs_spec)
