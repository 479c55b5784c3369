"""Lay many small images out as ONE uint8 array, so a gallery is one heatmap trace.

Pixel value 0 is reserved for the gaps between tiles; tile pixels use 1..U8_TOP. The matching
colorscale (gap_colorscale) paints 0 in the gap colour and spreads a scale over 1..U8_TOP.
"""

import math

import numpy as np

from playground.plots.arrays import U8_TOP


def tiles_to_u8(tiles: np.ndarray, low: float, high: float) -> np.ndarray:
    """Tiles (m, h, w) with values in [low, high] -> uint8 in 1..U8_TOP (0 stays free for gaps)."""
    tiles = np.asarray(tiles, dtype=np.float64)
    span = high - low if high > low else 1.0
    t = np.clip(np.nan_to_num((tiles - low) / span, nan=0.5), 0.0, 1.0)
    return (1 + np.rint(t * (U8_TOP - 1))).astype(np.uint8)


def grid_shape(count: int, max_cols: int) -> tuple[int, int]:
    """(rows, cols) that hold count tiles with at most max_cols per row."""
    cols = max(1, min(count, max_cols))
    return max(1, math.ceil(count / cols)), cols


def mosaic(tiles_u8: np.ndarray, max_cols: int, gap: int = 1, below: int = 0) -> np.ndarray:
    """Tiles (m, h, w) uint8 -> (rows * (h + gap + below), cols * (w + gap)) uint8.

    Tile k sits at row k // cols, column k % cols (reading order, row 0 on top); each cell
    leaves gap pixels right and below it plus below pixels of room for a caption.
    """
    m, h, w = tiles_u8.shape
    rows, cols = grid_shape(m, max_cols)
    cell_h, cell_w = h + gap + below, w + gap
    out = np.zeros((rows * cell_h, cols * cell_w), dtype=np.uint8)
    for k in range(m):
        top, left = (k // cols) * cell_h, (k % cols) * cell_w
        out[top : top + h, left : left + w] = tiles_u8[k]
    return out


def gap_colorscale(scale: list[list], gap_color: str = "#ffffff") -> list[list]:
    """Colorscale for zmin=0, zmax=U8_TOP: 0 is gap_color, 1..U8_TOP follow scale.

    scale: [[position in [0, 1], colour], ...] as plotly takes it.
    """
    first = 1 / U8_TOP
    stops = [[0.0, gap_color], [first * 0.999, gap_color]]
    stops += [[first + (1 - first) * pos, color] for pos, color in scale]
    return stops
