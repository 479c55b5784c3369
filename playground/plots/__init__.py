"""Figure builders: plain NumPy arrays in, plotly Figures out. No streamlit, no engine.

Every live figure keeps the user's zoom (constant uirevision), never animates, and sends
uint8 or float32 arrays (base64 in the JSON) under a minimal template of our own.
Each `*_figure` has a `*_spec` twin with the same arguments returning the figure as a plain
dict: the live view should send `figure_json(spec)` (well under a millisecond per figure)
instead of building a validated Figure 10 times a second (several milliseconds each).
Names handed to a builder are Plotly text, which renders tags such as <b> and <a href>:
pass user text through `plot_text` first (live/figures.py does, for every live view).
"""

from playground.plots.boundary import boundary_figure, boundary_spec
from playground.plots.confusion import confusion_figure, confusion_spec
from playground.plots.digits import (
    digit_grid_figure,
    digit_grid_spec,
    first_layer_images_figure,
    first_layer_images_spec,
)
from playground.plots.layout import (
    LIVE_FIGURE_HEIGHT,
    UIREVISION,
    as_figure,
)
from playground.plots.loss import loss_figure, loss_spec
from playground.plots.network import network_figure, network_spec
from playground.plots.output_line import output_line_figure, output_line_spec
from playground.plots.serialize import figure_json
from playground.plots.text import plot_text, plot_texts
from playground.plots.thumbnail import dataset_thumbnail_png
from playground.plots.weights import weights_figure, weights_spec

__all__ = [
    "LIVE_FIGURE_HEIGHT",
    "UIREVISION",
    "as_figure",
    "boundary_figure",
    "boundary_spec",
    "confusion_figure",
    "confusion_spec",
    "dataset_thumbnail_png",
    "digit_grid_figure",
    "digit_grid_spec",
    "figure_json",
    "first_layer_images_figure",
    "first_layer_images_spec",
    "loss_figure",
    "loss_spec",
    "network_figure",
    "network_spec",
    "output_line_figure",
    "output_line_spec",
    "plot_text",
    "plot_texts",
    "weights_figure",
    "weights_spec",
]
