"""Figure or spec -> compact JSON text for the live view.

Like fig.to_json(), NumPy arrays become plotly.js typed arrays ({"dtype", "bdata"[,
"shape"]}, base64) and NaN/inf floats become null. Unlike it:
- a spec (plain dict) is serialized as is, skipping plotly's validation, which costs
  several milliseconds per figure, more than the serialization;
- '/' is not escaped: to_json writes it as '\\u002f' (6 bytes for 1) and base64 is full of
  '/'. That escape only matters for '</script>' inside HTML; '<', '>' and '&' stay
  escaped, so the text is still safe to inline in a page.
"""

import base64
import json
import math
import re

import numpy as np
import plotly.graph_objects as go

# NumPy dtype -> plotly.js typed array name (what plotly.js can decode).
TYPED_ARRAY_NAMES = {
    "int8": "i1",
    "uint8": "u1",
    "int16": "i2",
    "uint16": "u2",
    "int32": "i4",
    "uint32": "u4",
    "float32": "f4",
    "float64": "f8",
}
# '\u002f' after an even number of backslashes is to_json's escape, not literal text.
_ESCAPED_SLASH = re.compile(r"(?<!\\)((?:\\\\)*)\\u002f")
_HTML_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def typed_array(values: np.ndarray) -> dict | list:
    """A NumPy array as a plotly.js typed array spec; int64 narrowed to int32 when it fits."""
    if values.dtype == np.int64 and values.size and np.abs(values).max() < 2**31:
        values = values.astype(np.int32)
    name = TYPED_ARRAY_NAMES.get(str(values.dtype))
    if name is None or values.size == 0:
        return plain(values.tolist())
    spec = {"dtype": name, "bdata": base64.b64encode(np.ascontiguousarray(values)).decode("ascii")}
    if values.ndim > 1:
        spec["shape"] = ", ".join(str(n) for n in values.shape)
    return spec


def plain(obj):
    """A copy of obj that json can write: arrays as typed arrays, NaN/inf as None."""
    if isinstance(obj, dict):
        return {key: plain(value) for key, value in obj.items()}
    if isinstance(obj, list | tuple):
        return [plain(value) for value in obj]
    if isinstance(obj, np.ndarray):
        return typed_array(obj)
    if isinstance(obj, np.generic):
        obj = obj.item()
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def figure_json(figure: go.Figure | dict) -> str:
    """JSON text of a Figure or a spec ({"data": [trace dicts], "layout": dict})."""
    if isinstance(figure, go.Figure):
        return _ESCAPED_SLASH.sub(r"\1/", figure.to_json())
    text = json.dumps(plain(figure), separators=(",", ":"), ensure_ascii=False)
    return text.translate(_HTML_ESCAPES)
