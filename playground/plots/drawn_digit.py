"""A drawn digit as the network sees it (its 8×8 pixels, 0..16 in each cell) beside the
class probabilities the network gives it, the most likely class highlighted."""

import numpy as np

from playground.plots.colors import BLUE, DARK, GREY, INK_SCALE
from playground.plots.layout import UIREVISION, figure_version, hidden_axis, live_layout
from playground.plots.text import plot_texts

FIGURE_HEIGHT = 260
IMAGE_SHARE = 0.45  # of the figure's width: the image; the bars get the rest after a gap
INK_PER_PIXEL = 16  # the digits' counts: an 8×8 pixel is the ink of a 4×4 block, 0..16


def drawn_digit_spec(image: np.ndarray, probs: np.ndarray, class_names,
                     uirevision: str = UIREVISION) -> dict:  # fmt: skip
    """image (h, w) in 0..1 as the network sees it, probs (k,) the network's class
    probabilities, class_names (k,). Each pixel is labelled with its count (0..16).

    Returns the figure as a plain dict (drawn_digit_figure: the same as a validated Figure).
    """
    h, w = image.shape
    counts = np.rint(image * INK_PER_PIXEL).astype(int)
    best = int(np.argmax(probs))
    names = plot_texts(class_names)
    pixels = {"type": "heatmap", "z": image, "zmin": 0, "zmax": 1, "colorscale": INK_SCALE,
              "showscale": False, "text": counts.astype(str), "texttemplate": "%{text}",
              "textfont": {"size": 9}, "xaxis": "x2", "yaxis": "y2", "xgap": 1, "ygap": 1,
              "hovertemplate": "row %{y}, column %{x}: %{text} of 16<extra></extra>"}  # fmt: skip
    bars = {"type": "bar", "orientation": "h", "x": np.asarray(probs, dtype=float), "y": names,
            "marker": {"color": [BLUE if i == best else GREY for i in range(len(names))]},
            "text": [f"{p:.0%}" for p in probs], "textposition": "outside",
            "cliponaxis": False, "hovertemplate": "%{y}: %{x:.1%}<extra></extra>"}  # fmt: skip
    layout = live_layout(
        FIGURE_HEIGHT,
        uirevision,
        {"l": 28, "r": 36, "t": 24, "b": 8},
        xaxis={"domain": [IMAGE_SHARE + 0.12, 1], "range": [0, 1], "visible": False,
               "fixedrange": True},
        yaxis={"type": "category", "autorange": "reversed", "fixedrange": True,
               "tickfont": {"size": 12, "color": DARK}, "anchor": "x"},
        xaxis2={**hidden_axis(), "domain": [0, IMAGE_SHARE], "range": [-0.5, w - 0.5],
                "anchor": "y2"},
        yaxis2={**hidden_axis(), "range": [h - 0.5, -0.5], "scaleanchor": "x2", "anchor": "x2"},
        showlegend=False,
        annotations=[{"text": f"reads it as <b>{names[best]}</b> ({probs[best]:.0%})",
                      "xref": "paper", "yref": "paper", "x": 1, "y": 1.08,
                      "xanchor": "right", "showarrow": False}],
    )  # fmt: skip
    return {"data": [pixels, bars], "layout": layout}


drawn_digit_figure = figure_version(drawn_digit_spec)
