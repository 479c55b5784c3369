"""Test images with the network's predictions, mistakes framed and captioned in red, for
any class names (the digits view, digits.py, captions digits only)."""

import numpy as np

from playground.plots.arrays import U8_TOP
from playground.plots.colors import DARK, INK_SCALE, MISTAKE_RED
from playground.plots.layout import UIREVISION, figure_version, hidden_axis, live_layout
from playground.plots.mosaic import gap_colorscale, grid_shape, mosaic, tiles_to_u8
from playground.plots.text import plot_texts

SHORT_NAME_COLUMNS = 10  # images per row when every class name is a character or two
LONG_NAME_COLUMNS = 5  # room for "circle→square" under an image on a phone (~70 px)
FIGURE_WIDTH_PX = 520
CAPTION_PX = 16


def predictions_spec(images: np.ndarray, true: np.ndarray, predicted: np.ndarray,
                     class_names, uirevision: str = UIREVISION) -> dict:  # fmt: skip
    """Images (m, h, w) in 0..1, true (m,) and predicted (m,) class indices, class_names
    (k,): each image captioned with its predicted class; a mistake framed and captioned
    in red as 'true→predicted'.

    Returns the figure as a plain dict (predictions_figure: the same as a validated Figure).
    """
    images = np.asarray(images)
    m, h, w = images.shape
    names = plot_texts(class_names)
    columns = SHORT_NAME_COLUMNS if max(map(len, names)) <= 2 else LONG_NAME_COLUMNS
    below = max(2, round(CAPTION_PX / (FIGURE_WIDTH_PX / (columns * (w + 1)))))
    z = mosaic(tiles_to_u8(images, 0.0, 1.0), columns, gap=1, below=below)
    _, cols = grid_shape(m, columns)
    captions = {True: ([], [], []), False: ([], [], [])}
    frame_x, frame_y = [], []
    for k, (t, p) in enumerate(zip(true, predicted, strict=True)):
        left, top = (k % cols) * (w + 1), (k // cols) * (h + 1 + below)
        right = int(t) == int(p)
        xs, ys, texts = captions[right]
        xs.append(left + (w - 1) / 2)
        ys.append(top + h + below / 2 - 0.5)
        texts.append(names[int(p)] if right else f"{names[int(t)]}→{names[int(p)]}")
        if not right:
            x0, y0, x1, y1 = left - 0.5, top - 0.5, left + w - 0.5, top + h - 0.5
            frame_x += [x0, x1, x1, x0, x0, None]
            frame_y += [y0, y0, y1, y1, y0, None]
    traces = [{"type": "heatmap", "z": z, "zmin": 0, "zmax": U8_TOP, "showscale": False,
               "colorscale": gap_colorscale(INK_SCALE), "hoverinfo": "skip"}]  # fmt: skip
    for right, color, size in ((True, DARK, 11), (False, MISTAKE_RED, 10)):
        xs, ys, texts = captions[right]
        font = {"color": color, "size": size}
        traces.append({"type": "scatter", "mode": "text", "x": xs, "y": ys, "text": texts,
                       "textfont": font, "hoverinfo": "skip"})  # fmt: skip
    traces.append({"type": "scatter", "mode": "lines", "x": frame_x, "y": frame_y,
                   "line": {"color": MISTAKE_RED, "width": 2}, "hoverinfo": "skip"})  # fmt: skip
    rows, width = z.shape
    layout = live_layout(
        int(rows * FIGURE_WIDTH_PX / width) + 8,
        uirevision,
        {"l": 4, "r": 4, "t": 4, "b": 4},
        xaxis={**hidden_axis(), "range": [-0.5, width - 0.5]},
        yaxis={**hidden_axis(), "range": [rows - 0.5, -0.5], "scaleanchor": "x"},
        showlegend=False,
    )
    return {"data": traces, "layout": layout}


predictions_figure = figure_version(predictions_spec)
