"""The train and test accuracy curves: the loss chart's lines on a 0-100 % axis."""

import numpy as np

from playground.plots.layout import UIREVISION, figure_version
from playground.plots.loss import loss_spec


def accuracy_spec(epochs: np.ndarray, train_accuracy: np.ndarray,
                  test_accuracy: np.ndarray | None = None,
                  uirevision: str = UIREVISION) -> dict:  # fmt: skip
    """Line chart of the accuracy (shares in 0..1) per epoch, thinned as the loss chart.

    Returns the figure as a plain dict (accuracy_figure: the same as a validated Figure).
    """
    spec = loss_spec(epochs, train_accuracy, test_accuracy, uirevision=uirevision)
    for trace in spec["data"]:
        trace["hovertemplate"] = "%{y:.1%}"
    spec["layout"]["yaxis"] = {"title": {"text": "accuracy"}, "range": [0, 1.02],
                               "tickformat": ".0%", "autorange": False}  # fmt: skip
    return spec


accuracy_figure = figure_version(accuracy_spec)
