"""A digit drawn in the browser, turned into an 8×8 image the way the digits set was made.

The UCI digits were written on forms, scanned, and each digit's bitmap normalized to 32×32
pixels (NIST's programs: the digit fills the box's height, its width in proportion); the
32×32 bitmap was then cut into 4×4 blocks and the ink pixels of each block counted, which
gives 8×8 values 0..16. The playground divides them by 16 (playground/data/digits.py).

A drawing comes as strokes, each a list of (x, y) points in 0..1 across and down the canvas
(untrusted: `parse_strokes` checks everything before any arithmetic). `drawn_digit` then
follows the same recipe: fit the strokes' bounding box into the 32×32 box, rasterize them
with a pen about as wide as the scanned strokes, count the ink in 4×4 blocks, divide by 16.
"""

from typing import Any

import numpy as np

from playground.data.digits import DIGIT_IMAGE_SHAPE, PIXEL_MAX

BITMAP_SIZE = 32  # the normalized bitmap's side
BLOCK = 4  # 32 / 8: each 8×8 pixel counts the ink of a 4×4 block, 0..16
# Half the pen's width in bitmap pixels. The scanned strokes are thick: a "1" inks two to
# three of the eight columns, and ~30 % of an average digit's 32×32 pixels are ink.
PEN_RADIUS = 2.6
MAX_STROKES = 40
MAX_POINTS = 1500  # over all strokes; the canvas samples a digit in ~100-300 points
SEGMENTS_AT_ONCE = 256  # rasterized together: a few (256, 1024) arrays at a time


def _point(value: Any) -> tuple[float, float] | None:
    if not isinstance(value, list | tuple) or len(value) != 2:
        return None
    x, y = value
    if not all(isinstance(c, int | float) and not isinstance(c, bool) for c in (x, y)):
        return None
    # The range first: it also refuses NaN, and an int too big for a float (JSON has them).
    if not all(0.0 <= c <= 1.0 for c in (x, y)):
        return None
    return float(x), float(y)


def parse_strokes(value: Any) -> list[np.ndarray] | None:
    """Strokes from an untrusted value: a list of at most MAX_STROKES lists of [x, y] points
    in 0..1, at most MAX_POINTS points in all -> a list of (p, 2) float arrays (an empty
    list: nothing drawn); None for anything else (wrong types, sizes or ranges)."""
    if not isinstance(value, list | tuple) or len(value) > MAX_STROKES:
        return None
    if not all(isinstance(stroke, list | tuple) for stroke in value):
        return None
    if sum(len(stroke) for stroke in value) > MAX_POINTS:
        return None
    strokes = []
    for stroke in value:
        points = [_point(p) for p in stroke]
        if any(p is None for p in points):
            return None
        if points:
            strokes.append(np.array(points, dtype=np.float64).reshape(-1, 2))
    return strokes


def fit_to_bitmap(strokes: list[np.ndarray], size: int = BITMAP_SIZE) -> list[np.ndarray]:
    """The strokes scaled (keeping their aspect) and moved so that their bounding box
    fills the size×size box's height, or its width if wider, centred, with the pen's
    radius to spare at the edges (its ink then touches them, as the digits' does).
    Points in bitmap pixels, (x, y) with 0 the top-left corner."""
    points = np.vstack(strokes)
    low, high = points.min(axis=0), points.max(axis=0)
    extent = float((high - low).max())
    room = size - 2 * PEN_RADIUS
    scale = room / extent if extent > 0 else 0.0  # one dot: drawn at the centre
    centre = (low + high) / 2
    return [(s - centre) * scale + size / 2 for s in strokes]


def _segments(strokes: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(starts (s, 2), ends (s, 2)) of every stroke's segments; a one-point stroke is a
    segment from the point to itself (a dot)."""
    pairs = [(st[:-1], st[1:]) if len(st) > 1 else (st, st) for st in strokes]
    return np.vstack([a for a, _ in pairs]), np.vstack([b for _, b in pairs])


def rasterize(strokes: list[np.ndarray], size: int = BITMAP_SIZE) -> np.ndarray:
    """(size, size) bool bitmap, row-major: a pixel is ink if its centre lies within
    PEN_RADIUS of a stroke's segment (points in bitmap pixels, (x, y) = (across, down))."""
    c = np.arange(size) + 0.5
    x, y = (v.ravel()[None] for v in np.meshgrid(c, c))  # (1, size²): pixel centres
    starts, ends = _segments(strokes)
    ink = np.zeros(size * size, dtype=bool)
    for i in range(0, len(starts), SEGMENTS_AT_ONCE):  # bounded memory: (chunk, size²)
        a, b = starts[i : i + SEGMENTS_AT_ONCE], ends[i : i + SEGMENTS_AT_ONCE]
        (ax, ay), (ux, uy) = a.T[..., None], (b - a).T[..., None]  # (chunk, 1) each
        length2 = np.maximum(ux**2 + uy**2, 1e-12)
        dx, dy = x - ax, y - ay  # (chunk, size²): from the segment's start
        t = np.clip((dx * ux + dy * uy) / length2, 0.0, 1.0)  # the nearest point's place
        ink |= ((dx - t * ux) ** 2 + (dy - t * uy) ** 2 <= PEN_RADIUS**2).any(axis=0)
    return ink.reshape(size, size)


def block_counts(bitmap: np.ndarray, block: int = BLOCK) -> np.ndarray:
    """(h, w) bool bitmap -> (h / block, w / block) int: the ink pixels of each
    non-overlapping block×block block (0..block²), the digits set's 0..16 for 4×4."""
    h, w = bitmap.shape
    blocks = bitmap.reshape(h // block, block, w // block, block)
    return blocks.sum(axis=(1, 3), dtype=np.int64)


def drawn_digit(strokes: list[np.ndarray]) -> np.ndarray | None:
    """Strokes (as parse_strokes gives them) -> the (8, 8) image in 0..1 the network sees,
    made as the digits were (fit to 32×32, rasterize, count 4×4 blocks, divide by 16);
    None if nothing was drawn."""
    if not strokes:
        return None
    counts = block_counts(rasterize(fit_to_bitmap(strokes)))
    assert counts.shape == DIGIT_IMAGE_SHAPE
    return counts / PIXEL_MAX
