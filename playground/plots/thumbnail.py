"""A tiny PNG of a data set's points for the data-set picker: NumPy raster + zlib, no Pillow."""

import numpy as np

from playground.plots.colors import class_colors, diverging_rgb, hex_to_rgb
from playground.plots.raster import encode_png

BACKGROUND = "#f7f8f8"


def _point_colors(labels: np.ndarray) -> np.ndarray:
    """Labels (n,) -> (n, 3) uint8: class colours for integer labels (-1/+1 and 0/1 are
    orange/blue), the diverging scale for real-valued targets."""
    labels = np.asarray(labels, dtype=np.float64)
    is_classes = np.all(np.isfinite(labels)) and np.all(labels == np.round(labels))
    classes = np.unique(labels)
    if is_classes and len(classes) <= 2 and set(classes) <= {-1.0, 0.0, 1.0}:
        table = np.array([hex_to_rgb(c) for c in class_colors(2)], dtype=np.uint8)
        return table[(labels > 0).astype(int)]
    if is_classes and labels.min() >= 0 and labels.max() < 10:
        table = np.array([hex_to_rgb(c) for c in class_colors(10)], dtype=np.uint8)
        return table[labels.astype(int)]
    finite = np.abs(labels[np.isfinite(labels)])
    return diverging_rgb(np.nan_to_num(labels), float(finite.max()) if finite.size else 1.0)


def rasterize_points(xy: np.ndarray, labels: np.ndarray, size: int = 56) -> np.ndarray:
    """Points xy (n, 2) with labels (n,) -> (size, size, 3) uint8 image, y up, 2x2 dots.

    The points' bounding box (made square) fills the image with a one-pixel margin.
    """
    xy = np.asarray(xy, dtype=np.float64)
    image = np.empty((size, size, 3), dtype=np.uint8)
    image[:] = hex_to_rgb(BACKGROUND)
    if len(xy) == 0:
        return image
    center = (xy.max(axis=0) + xy.min(axis=0)) / 2
    half = max(float((xy.max(axis=0) - xy.min(axis=0)).max()) / 2, 1e-9)
    scaled = (xy - center) / half  # now in [-1, 1]
    cols = np.rint((scaled[:, 0] + 1) / 2 * (size - 3)).astype(int) + 1
    rows = np.rint((1 - scaled[:, 1]) / 2 * (size - 3)).astype(int) + 1
    colors = _point_colors(labels)
    for d_row in (0, 1):  # the 2x2 dot's four pixels
        for d_col in (-1, 0):
            image[rows + d_row, cols + d_col] = colors
    return image


def dataset_thumbnail_png(xy: np.ndarray, labels: np.ndarray, size: int = 56) -> bytes:
    """A size x size PNG of the points xy (n, 2) coloured by labels (n,)."""
    return encode_png(rasterize_points(xy, labels, size))
