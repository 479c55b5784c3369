"""The decoder's map: a grid of points over the code plane, each decoded back into a
sample, walking the code space. Images become a mosaic of images; measurements one
heatmap per measurement over the plane."""

import numpy as np

from playground.plots.arrays import to_f32
from playground.plots.colors import DIVERGING_SCALE, INK_SCALE
from playground.plots.digits import PIXELS_PER_UNIT, _image_spec, _mosaic_heatmap
from playground.plots.layout import UIREVISION, figure_version, live_layout
from playground.plots.mosaic import gap_colorscale, mosaic, tiles_to_u8

MAP_HEIGHT = 300


def decoded_images_spec(images: np.ndarray) -> dict:
    """images (g, g, h, w) in [0, 1]: images[j, i] decoded from the grid point in column i
    (code 1 rising to the right) and row j (code 2 rising upwards: row 0 is drawn at the
    bottom), as one mosaic.

    Returns the figure as a plain dict (decoded_images_figure: the same as a validated Figure).
    """
    images = np.asarray(images)
    g_rows, g_cols, h, w = images.shape
    tiles = images[::-1].reshape(g_rows * g_cols, h, w)  # top row of the mosaic = highest code 2
    z = mosaic(tiles_to_u8(tiles, 0.0, 1.0), g_cols, gap=1)
    heatmap = _mosaic_heatmap(z, gap_colorscale(INK_SCALE))
    return _image_spec([heatmap], z.shape, int(z.shape[0] * PIXELS_PER_UNIT * 0.75) + 8)


decoded_images_figure = figure_version(decoded_images_spec)


def decoded_values_spec(
    xs: np.ndarray, ys: np.ndarray, values: np.ndarray, feature_names: list[str]
) -> dict:
    """values (g, g, f): the decoded measurement k at code (xs[i], ys[j]) is values[j, i, k];
    one heatmap per measurement side by side on one symmetric orange-grey-blue scale.
    feature_names: Plotly text (subplot titles).

    Returns the figure as a plain dict (decoded_values_figure: the same as a validated Figure).
    """
    values = np.asarray(values, dtype=np.float64)
    f = values.shape[2]
    limit = float(np.nanmax(np.abs(values))) if values.size else 1.0
    gap = 0.04
    width = (1 - gap * (f - 1)) / f
    traces, axes, titles = [], {}, []
    for k in range(f):
        suffix = "" if k == 0 else str(k + 1)
        traces.append({
            "type": "heatmap", "x": to_f32(xs), "y": to_f32(ys), "z": to_f32(values[:, :, k]),
            "zmin": -limit, "zmax": limit, "colorscale": DIVERGING_SCALE,
            "showscale": k == f - 1, "colorbar": {"thickness": 10, "outlinewidth": 0},
            "xaxis": f"x{suffix}", "yaxis": f"y{suffix}",
            "hovertemplate": f"{feature_names[k]} %{{z:.3g}}<br>code (%{{x:.2f}}, %{{y:.2f}})"
                             "<extra></extra>",
        })  # fmt: skip
        left = k * (width + gap)
        axes[f"xaxis{suffix}"] = {"domain": [left, left + width], "showticklabels": False}
        axes[f"yaxis{suffix}"] = {"anchor": f"x{suffix}", "showticklabels": k == 0}
        titles.append({
            "text": feature_names[k], "x": left + width / 2, "y": 1.0, "xref": "paper",
            "yref": "paper", "yanchor": "bottom", "showarrow": False, "font": {"size": 11},
        })  # fmt: skip
    layout = live_layout(MAP_HEIGHT * 2 // 3, UIREVISION, {"l": 40, "r": 10, "t": 24, "b": 10},
                         annotations=titles, **axes)  # fmt: skip
    return {"data": traces, "layout": layout}


decoded_values_figure = figure_version(decoded_values_spec)
