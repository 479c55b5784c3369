"""Make arrays small before they go into a figure: uint8 quantization and downsampling.

Plotly 7 serializes NumPy arrays as base64 typed arrays, so one uint8 costs 1.33 bytes of
JSON and one float32 5.33; a Python list of floats costs ~18 and float64 twice float32.
"""

import numpy as np

# Quantized data use 0..250, not 0..255: to_json escapes '/' to 6 bytes, and a saturated
# region at 255 (0xFF) encodes as base64 '////', at 250 (0xFA) as '+vr6' (no '/'). 251
# levels are still finer than the colour scales can show.
U8_TOP = 250


def quantize_u8(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """Map values (any shape) from [low, high] linearly onto uint8 0..U8_TOP (clipped; NaN -> mid).

    Plot the result with zmin=0, zmax=U8_TOP (or a coloraxis with cmin/cmax so) so the colours
    keep their meaning.
    """
    values = np.asarray(values, dtype=np.float64)
    span = high - low if high > low else 1.0
    scaled = np.clip((values - low) / span, 0.0, 1.0) * U8_TOP
    scaled = np.where(np.isfinite(scaled), scaled, U8_TOP / 2)
    return np.rint(scaled).astype(np.uint8)


def to_f32(values) -> np.ndarray:
    """A float32 copy of values, for cheap base64 serialization; magnitudes beyond float32
    (a loss just before divergence) are clipped to its largest finite value, NaN kept."""
    limit = np.finfo(np.float32).max
    return np.clip(np.asarray(values, dtype=np.float64), -limit, limit).astype(np.float32)


def to_f32_if_it_fits(values) -> np.ndarray:
    """values as float32 if every finite one fits float32's range (the usual case, half the
    bytes), else as float64: a diverging loss's 1e245 then reads 1e245 in the chart's hover,
    where to_f32 would show float32's largest value, 3.4e38."""
    values = np.asarray(values, dtype=np.float64)
    finite = values[np.isfinite(values)]
    if finite.size and np.abs(finite).max() > np.finfo(np.float32).max:
        return values.copy()
    return values.astype(np.float32)


def minmax_indices(series: list[np.ndarray], max_points: int) -> np.ndarray:
    """Indices (sorted, unique) that keep each series' shape in at most max_points points.

    series: arrays of equal length n. The first and last index are always kept; between
    them the range is cut into buckets and each bucket keeps the position of every series'
    minimum and maximum, so spikes (a diverging loss) survive the thinning.
    """
    n = len(series[0]) if series else 0
    if n <= max_points:
        return np.arange(n)
    n_buckets = max(1, (max_points - 2) // (2 * len(series)))
    edges = np.linspace(1, n - 1, n_buckets + 1).astype(int)
    keep = [np.array([0, n - 1])]
    for values in series:
        finite = np.isfinite(values)
        low = np.where(finite, values, np.inf)
        high = np.where(finite, values, -np.inf)
        for start, stop in zip(edges[:-1], edges[1:], strict=True):
            if stop > start:
                keep.append(start + np.array([low[start:stop].argmin(), high[start:stop].argmax()]))
    return np.unique(np.concatenate(keep))
