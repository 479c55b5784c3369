"""A minimal PNG reader for what plots.raster.encode_png writes (tests only)."""

import base64
import struct
import zlib

import numpy as np

from playground.plots.raster import PNG_SIGNATURE


def decode_png(data: bytes) -> np.ndarray:
    """Minimal PNG reader for what encode_png writes: 8-bit RGB, filter 0, one IDAT."""
    assert data[:8] == PNG_SIGNATURE
    pos, chunks = 8, {}
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        payload = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert crc == zlib.crc32(kind + payload) & 0xFFFFFFFF
        chunks[kind] = payload
        pos += 12 + length
    width, height, depth, color_type = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, color_type) == (8, 2)
    rows = np.frombuffer(zlib.decompress(chunks[b"IDAT"]), np.uint8).reshape(height, -1)
    assert np.all(rows[:, 0] == 0)
    return rows[:, 1:].reshape(height, width, 3)


def decode_data_uri(uri: str) -> np.ndarray:
    """A "data:image/png;base64,..." URI -> (h, w, 3) uint8."""
    prefix = "data:image/png;base64,"
    assert uri.startswith(prefix)
    return decode_png(base64.b64decode(uri[len(prefix) :]))
