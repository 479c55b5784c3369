"""Digits views: a gallery of test images with predictions, and the first layer's
weights drawn as images. Each is ONE mosaic heatmap, not a grid of subplots."""

import numpy as np

from playground.plots.arrays import U8_TOP
from playground.plots.colors import DARK, DIVERGING_SCALE, INK_SCALE, MISTAKE_RED
from playground.plots.layout import UIREVISION, figure_version, hidden_axis, live_layout
from playground.plots.mosaic import gap_colorscale, grid_shape, mosaic, tiles_to_u8

DIGIT_COLUMNS = 10
NEURON_COLUMNS = 8
CAPTION_ROWS = 4  # image pixels of room under each digit for its label
PIXELS_PER_UNIT = 7  # screen pixels per image pixel, sets the figure height


def _tile_origins(count: int, max_cols: int, h: int, w: int, gap: int, below: int):
    """(left, top) of each tile in mosaic pixel coordinates, reading order."""
    _, cols = grid_shape(count, max_cols)
    return [((k % cols) * (w + gap), (k // cols) * (h + gap + below)) for k in range(count)]


def _mosaic_heatmap(z: np.ndarray, colorscale, **extra) -> dict:
    return {
        "type": "heatmap",
        "z": z,
        "zmin": 0,
        "zmax": U8_TOP,
        "colorscale": colorscale,
        "showscale": False,
        "hoverinfo": "skip",
        **extra,
    }


def _text_trace(xs, ys, texts, color: str, size: int) -> dict:
    return {
        "type": "scatter",
        "x": xs,
        "y": ys,
        "text": texts,
        "mode": "text",
        "textfont": {"color": color, "size": size},
        "hoverinfo": "skip",
    }


def _image_spec(traces: list[dict], shape: tuple[int, int], height: int) -> dict:
    """Pixel axes: y down like an image, square pixels, nothing drawn but the mosaic."""
    rows, cols = shape
    layout = live_layout(
        height,
        UIREVISION,
        {"l": 4, "r": 4, "t": 4, "b": 4},
        xaxis={**hidden_axis(), "range": [-0.5, cols - 0.5]},
        yaxis={**hidden_axis(), "range": [rows - 0.5, -0.5], "scaleanchor": "x"},
        showlegend=False,
    )
    return {"data": traces, "layout": layout}


def digit_grid_spec(images: np.ndarray, true: np.ndarray, predicted: np.ndarray) -> dict:
    """Images (m, h, w) in [0, 1] with true (m,) and predicted (m,) labels, 10 per row.

    Each digit is captioned with its prediction; a mistake is framed and captioned in red
    as 'true→predicted' (e.g. '7→1').

    Returns the figure as a plain dict (digit_grid_figure: the same as a validated Figure).
    """
    images = np.asarray(images)
    m, h, w = images.shape
    z = mosaic(tiles_to_u8(images, 0.0, 1.0), DIGIT_COLUMNS, gap=1, below=CAPTION_ROWS)
    right_captions, wrong_captions = ([], [], []), ([], [], [])
    frame_x, frame_y = [], []
    origins = _tile_origins(m, DIGIT_COLUMNS, h, w, 1, CAPTION_ROWS)
    for (left, top), t, p in zip(origins, true, predicted, strict=True):
        is_right = int(t) == int(p)
        xs, ys, texts = right_captions if is_right else wrong_captions
        xs.append(left + (w - 1) / 2)
        ys.append(top + h + CAPTION_ROWS / 2 - 0.5)
        # No spaces: under a 30 px digit (a tablet's column) "7 → 1" ran into its neighbour.
        texts.append(f"{int(p)}" if is_right else f"{int(t)}→{int(p)}")
        if not is_right:
            x0, y0, x1, y1 = left - 0.5, top - 0.5, left + w - 0.5, top + h - 0.5
            frame_x += [x0, x1, x1, x0, x0, None]
            frame_y += [y0, y0, y1, y1, y0, None]
    frames = {
        "type": "scatter",
        "x": frame_x,
        "y": frame_y,
        "mode": "lines",
        "line": {"color": MISTAKE_RED, "width": 2},
        "hoverinfo": "skip",
    }
    traces = [
        _mosaic_heatmap(z, gap_colorscale(INK_SCALE)),
        _text_trace(*right_captions, DARK, 11),
        _text_trace(*wrong_captions, MISTAKE_RED, 11),
        frames,
    ]
    return _image_spec(traces, z.shape, int(z.shape[0] * PIXELS_PER_UNIT) + 8)


digit_grid_figure = figure_version(digit_grid_spec)


def first_layer_images_spec(W0: np.ndarray, image_shape: tuple[int, int] = (8, 8)) -> dict:
    """W0 (pixels, h): each hidden neuron's incoming weights as an image_shape image (pixel
    (r, c) is input r * width + c), orange negative, blue positive, one symmetric scale
    with a colorbar in weight units. Neurons in reading order, 8 per row, captioned n1..

    Returns the figure as a plain dict (first_layer_images_figure: the same as a validated Figure).
    """
    W0 = np.asarray(W0)
    tiles = W0.T.reshape(W0.shape[1], *image_shape)
    limit = (float(np.nanmax(np.abs(W0))) if W0.size else 0.0) or 1.0
    z = mosaic(tiles_to_u8(tiles, -limit, limit), NEURON_COLUMNS, gap=1, below=2)
    ticks = np.linspace(-limit, limit, 5)
    colorbar = {
        "thickness": 10,
        "outlinewidth": 0,
        "tickvals": tiles_to_u8(ticks.reshape(1, 1, -1), -limit, limit).ravel().tolist(),
        "ticktext": [f"{v:.2g}" for v in ticks],
    }
    heatmap = _mosaic_heatmap(z, gap_colorscale(DIVERGING_SCALE), showscale=True, colorbar=colorbar)
    origins = _tile_origins(len(tiles), NEURON_COLUMNS, *image_shape, 1, 2)
    captions = _text_trace(
        [left + (image_shape[1] - 1) / 2 for left, _ in origins],
        [top + image_shape[0] + 0.5 for _, top in origins],
        [f"n{k + 1}" for k in range(len(tiles))],
        DARK,
        10,
    )
    return _image_spec([heatmap, captions], z.shape, int(z.shape[0] * PIXELS_PER_UNIT * 1.2) + 8)


first_layer_images_figure = figure_version(first_layer_images_spec)
