"""Presentation mode for any figure: the same spec with larger text and thicker lines.

A projector shows the page at 1280x720 CSS pixels (or 1920x1080 at 150 % zoom), where the
template's 12 px text is unreadable from the back of a room. Rather than teach every figure
builder a second set of sizes, this scales the sizes a spec states, wherever they are:
font sizes (the template's, titles', annotations'), margins (they were sized for the text),
axis title standoffs, line widths and scalar marker sizes. Positions in data coordinates
(neuron boxes, images, points) are left alone, so the drawing keeps its shape.
"""

from numbers import Number

PRESENTATION_SCALE = 1.5  # 12 px tick text -> 18 px

_SCALED_KEYS = {  # parent key -> the numeric keys inside it that are sizes in pixels
    "font": ("size",),
    "textfont": ("size",),
    "margin": ("l", "r", "t", "b", "pad"),
    "line": ("width",),
    "marker": ("size",),
    "title": ("standoff",),
    "annotations": ("xshift", "yshift"),  # offsets sized for the text they make room for
}


def _scaled(value, parent: str | None, scale: float):
    """A copy of value (dicts and lists copied, arrays and other leaves shared) with the
    pixel sizes below `parent` multiplied by `scale`."""
    if isinstance(value, dict):
        sizes = _SCALED_KEYS.get(parent, ())
        return {
            key: (
                round(item * scale, 1)
                if key in sizes and isinstance(item, Number) and not isinstance(item, bool)
                else _scaled(item, key, scale)
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_scaled(item, parent, scale) for item in value]
    return value


def presentation_spec(spec: dict, scale: float = PRESENTATION_SCALE) -> dict:
    """The figure spec {"data": [...], "layout": {...}} for presentation mode: every font
    size, margin, annotation offset, axis title standoff, line width and scalar marker
    size times `scale`.

    Returns a new spec; `spec` and the dicts it shares (e.g. the template) are not changed.
    NumPy arrays are shared, not copied (a per-point size array keeps its values).
    """
    return _scaled(spec, None, scale)
