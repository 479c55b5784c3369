"""A convolutional network's insides as small images: the filters of every conv layer, and
the feature maps one image produces layer by layer. Each figure is ONE mosaic heatmap (a
block of tiles per layer, stacked), orange negative, grey zero, blue positive, every layer
on its own symmetric scale (its largest |value|), which its caption states."""

import numpy as np

from playground.plots.arrays import U8_TOP
from playground.plots.colors import DARK, DIVERGING_SCALE
from playground.plots.layout import UIREVISION, figure_version, hidden_axis, live_layout
from playground.plots.mosaic import gap_colorscale, mosaic, tiles_to_u8
from playground.plots.text import plot_text

CAPTION_ROWS = 3  # mosaic pixels above each block for its caption
MAX_TILE_COLUMNS = 8
FIGURE_WIDTH_PX = 520  # what the pixel size is planned for (the view's column)
MAX_PIXEL_PX = 18  # screen pixels per image pixel at most (a 3x3 filter stays small)


def _limit(values: np.ndarray) -> float:
    finite = np.abs(values[np.isfinite(values)])
    return float(finite.max()) if finite.size and finite.max() > 0 else 1.0


def _block(tiles: np.ndarray, columns: int) -> tuple[np.ndarray, float]:
    """Tiles (m, h, w) of one layer -> (its mosaic uint8, the scale's limit)."""
    limit = _limit(tiles)
    return mosaic(tiles_to_u8(tiles, -limit, limit), columns, gap=1), limit


def _stack(blocks: list[tuple[str, np.ndarray]]) -> tuple[np.ndarray, list[tuple[float, str]]]:
    """Blocks (caption, mosaic) one under another, each below CAPTION_ROWS of room:
    (the whole uint8 image, [(caption's row, caption)])."""
    width = max(z.shape[1] for _, z in blocks)
    parts, captions, top = [], [], 0
    for caption, z in blocks:
        room = np.zeros((CAPTION_ROWS, width), np.uint8)
        padded = np.zeros((z.shape[0], width), np.uint8)
        padded[:, : z.shape[1]] = z
        captions.append((top + CAPTION_ROWS / 2 - 0.5, caption))
        parts += [room, padded]
        top += CAPTION_ROWS + z.shape[0]
    return np.vstack(parts), captions


def _spec(z: np.ndarray, captions: list[tuple[float, str]], uirevision: str) -> dict:
    rows, cols = z.shape
    pixel = min(MAX_PIXEL_PX, FIGURE_WIDTH_PX / cols)
    heatmap = {"type": "heatmap", "z": z, "zmin": 0, "zmax": U8_TOP, "showscale": False,
               "colorscale": gap_colorscale(DIVERGING_SCALE), "hoverinfo": "skip"}  # fmt: skip
    text = {"type": "scatter", "mode": "text", "x": [-0.5] * len(captions),
            "y": [row for row, _ in captions], "text": [c for _, c in captions],
            "textposition": "middle right", "textfont": {"color": DARK, "size": 11},
            "hoverinfo": "skip", "cliponaxis": False}  # fmt: skip
    layout = live_layout(
        int(rows * pixel) + 12,
        uirevision,
        {"l": 4, "r": 4, "t": 4, "b": 4},
        xaxis={**hidden_axis(), "range": [-0.5, cols - 0.5]},
        yaxis={**hidden_axis(), "range": [rows - 0.5, -0.5], "scaleanchor": "x"},
        showlegend=False,
    )
    return {"data": [heatmap, text], "layout": layout}


def filters_spec(layers: list[tuple[str, np.ndarray]], uirevision: str = UIREVISION) -> dict:
    """layers: per conv layer (name, W (out, in, k, k)). Each filter is a row of k x k tiles,
    one per input channel (a first layer's single-channel filters wrap, 8 to a row).

    Returns the figure as a plain dict (filters_figure: the same as a validated Figure).
    """
    blocks = []
    for i, (name, W) in enumerate(layers):
        out, inputs, k, _ = W.shape
        columns = MAX_TILE_COLUMNS if inputs == 1 else inputs
        z, limit = _block(W.reshape(out * inputs, k, k), columns)
        blocks.append((f"{i + 1}. {plot_text(name)}: scale ±{limit:.2g}", z))
    if not blocks:
        return _spec(np.zeros((1, 1), np.uint8), [(0.0, "no convolution layers")], uirevision)
    return _spec(*_stack(blocks), uirevision)


filters_figure = figure_version(filters_spec)


def feature_maps_spec(
    image: np.ndarray, layers: list[tuple[str, np.ndarray]], uirevision: str = UIREVISION
) -> dict:
    """image (h, w) in 0..1, then per layer with feature maps (name, maps (C, h', w')): the
    input on top, then each layer's maps, 8 to a row, each layer on its own scale.

    Returns the figure as a plain dict (feature_maps_figure: the same as a validated Figure).
    """
    blocks = [("input", mosaic(tiles_to_u8(image[None], -1.0, 1.0), 1, gap=1))]
    for name, maps in layers:
        z, limit = _block(maps, MAX_TILE_COLUMNS)
        blocks.append((f"{plot_text(name)}: scale ±{limit:.2g}", z))
    return _spec(*_stack(blocks), uirevision)


feature_maps_figure = figure_version(feature_maps_spec)
