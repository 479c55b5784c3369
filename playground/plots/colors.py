"""Every colour the charts use, in one place.

TF Playground's three colours carry the sign everywhere: orange for class 0 / negative,
light grey for zero, blue for class 1 / positive (boundary, neurons, links, weights).
"""

import numpy as np

from playground.data.limits import MAX_CLASSES

ORANGE = "#f59322"
GREY = "#e8eaeb"
BLUE = "#0877bd"
WHITE = "#ffffff"
DARK = "#333333"
MISTAKE_RED = "#d62728"
LINK_NEUTRAL = "#c8cbcc"

# Okabe-Ito (black swapped for a dark grey) then Paul Tol's muted and light colours: the
# first eight are distinguishable with the common colour-vision deficiencies; ten is what
# digits need; a CSV may have up to MAX_CLASSES (the data layer's limit, the only place it
# is set), so the palette has exactly that many.
CLASS_PALETTE = (
    "#e69f00",
    "#0072b2",
    "#009e73",
    "#cc79a7",
    "#56b4e9",
    "#d55e00",
    "#f0e442",
    "#4d4d4d",
    "#882255",
    "#999933",
    "#332288",
    "#44aa99",
    "#cc6677",
    "#117733",
    "#88ccee",
    "#aa4499",
    "#ddcc77",
    "#bbcc33",
    "#ffaabb",
    "#6e3b00",
)

# Orange -> grey -> blue over [0, 1]: binary probability, neuron outputs, regression, weights.
DIVERGING_SCALE = [[0.0, ORANGE], [0.5, GREY], [1.0, BLUE]]
# Counts in a confusion matrix: white for none, blue for many.
SEQUENTIAL_BLUE_SCALE = [[0.0, WHITE], [1.0, BLUE]]
# A place along a sequence (the S-curve's position): dark purple -> green -> yellow, every
# stop distinct from its neighbours (the diverging scale's grey middle vanished on white).
SEQUENCE_SCALE = "Viridis"
# Digit pixels: ink 0 is paper grey, ink 1 is near black.
INK_SCALE = [[0.0, "#f7f7f7"], [1.0, "#111111"]]


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    """'#rrggbb' -> (r, g, b) integers in [0, 255]."""
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def rgb_to_hex(rgb) -> str:
    """(r, g, b) numbers in [0, 255] -> '#rrggbb' (rounded, clipped)."""
    r, g, b = (int(np.clip(round(float(c)), 0, 255)) for c in rgb)
    return f"#{r:02x}{g:02x}{b:02x}"


def mix(color: str, other: str, share_of_other: float) -> str:
    """Blend two '#rrggbb' colours; share_of_other = 0 gives color, 1 gives other."""
    a = np.array(hex_to_rgb(color), dtype=float)
    b = np.array(hex_to_rgb(other), dtype=float)
    return rgb_to_hex(a + (b - a) * share_of_other)


def class_colors(n_classes: int) -> list[str]:
    """Fill colour per class: TF Playground's orange/blue for 2, the palette for 3..MAX_CLASSES."""
    if n_classes <= 2:
        return [ORANGE, BLUE][: max(n_classes, 1)]
    if n_classes > MAX_CLASSES:
        raise ValueError(f"at most {MAX_CLASSES} classes can be coloured, got {n_classes}")
    return list(CLASS_PALETTE[:n_classes])


def light_tint(color: str) -> str:
    """The faint version of a class colour used where the network is unsure."""
    return mix(color, GREY, 0.82)


def class_confidence_scale(n_classes: int, levels: int) -> list[list]:
    """Colorscale for z = class * levels + level, z in [0, n_classes * levels - 1].

    Each class owns one segment running from its light tint (level 0) to its full colour
    (level levels - 1). Integer z never falls between segments, so there is no blending.
    """
    top = n_classes * levels - 1
    scale = []
    for k, color in enumerate(class_colors(n_classes)):
        scale.append([k * levels / top, light_tint(color)])
        scale.append([(k * levels + levels - 1) / top, color])
    return scale


def diverging_rgb(values: np.ndarray, limit: float) -> np.ndarray:
    """Values (n,) -> (n, 3) uint8 colours on the orange-grey-blue scale over [-limit, limit]."""
    t = np.clip(np.asarray(values, dtype=float) / max(limit, 1e-12), -1.0, 1.0)
    grey = np.array(hex_to_rgb(GREY), dtype=float)
    ends = np.where(t[:, None] < 0, hex_to_rgb(ORANGE), hex_to_rgb(BLUE))
    return np.rint(grey + (ends - grey) * np.abs(t)[:, None]).astype(np.uint8)


# The grid world's cells (empty, wall, pit, goal, start) and the agent on it.
GRID_CELL_COLORS = {
    ".": "#eef0f1",
    "#": "#5f6368",
    "X": MISTAKE_RED,
    "G": "#2ca02c",
    "S": "#cfe3f1",
}
AGENT_COLOR = ORANGE
