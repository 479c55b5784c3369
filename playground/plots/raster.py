"""Images drawn on the server: colour lookup tables, PNG encoding and Plotly layout images.

A heatmap trace makes the browser colour every cell and re-encode a canvas on every update
(~15-25 ms each, measured in Chromium here); a ready PNG in `layout.images` costs it almost
nothing, so the live surfaces (decision boundary, neuron images) travel as PNG data URIs.
"""

import base64
import struct
import zlib

import numpy as np

from playground.plots.colors import hex_to_rgb

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_COMPRESSION = 6  # zlib level: 9 is slower for a few percent fewer bytes


def scale_lut(colorscale: list[list], size: int) -> np.ndarray:
    """A Plotly-style colorscale [[stop, "#rrggbb"], ...] sampled at `size` evenly spaced
    levels: (size, 3) uint8, so that lut[z] colours integer data z in 0..size-1."""
    stops = np.array([float(stop) for stop, _ in colorscale])
    colors = np.array([hex_to_rgb(color) for _, color in colorscale], dtype=np.float64)
    t = np.linspace(0.0, 1.0, size)
    channels = [np.interp(t, stops, colors[:, c]) for c in range(3)]
    return np.rint(np.stack(channels, axis=-1)).astype(np.uint8)


def _chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def encode_png(image: np.ndarray, level: int = PNG_COMPRESSION) -> bytes:
    """(h, w, 3) uint8 RGB, first row at the top -> PNG bytes (8-bit truecolour)."""
    h, w, _ = image.shape
    rows = np.hstack([np.zeros((h, 1), np.uint8), np.ascontiguousarray(image).reshape(h, w * 3)])
    header = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    idat = zlib.compress(rows.tobytes(), level)
    return PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")


def png_data_uri(image: np.ndarray) -> str:
    """(h, w, 3) uint8 RGB -> "data:image/png;base64,..." for a Plotly layout image."""
    return "data:image/png;base64," + base64.b64encode(encode_png(image)).decode("ascii")


def grid_image(
    z: np.ndarray,
    lut: np.ndarray,
    left: float,
    bottom: float,
    width: float,
    height: float,
    opacity: float = 1.0,
) -> dict:
    """A layout image of integer data z (rows, cols), row 0 at the BOTTOM (y up, as the
    figure builders' grids are), coloured by lut (levels, 3) and stretched over the data
    rectangle [left, left + width] x [bottom, bottom + height] behind the traces."""
    rgb = lut[np.asarray(z)[::-1]]
    return {
        "source": png_data_uri(rgb),
        "xref": "x",
        "yref": "y",
        "x": float(left),
        "y": float(bottom + height),
        "sizex": float(width),
        "sizey": float(height),
        "sizing": "stretch",
        "layer": "below",
        "opacity": opacity,
    }
