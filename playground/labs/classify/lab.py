"""The classify lab: classification and regression with a dense network on 2-D sets,
tables (penguins, an uploaded CSV) and digits. Opens at the app's root, as always."""

from collections.abc import Mapping
from typing import Any

from playground import config
from playground.labs.base import Lab
from playground.labs.classify import views
from playground.labs.classify.session import Playground


class ClassifyLab(Lab):
    """The first lab: today's playground, unchanged for its users."""

    name = "classify"
    path = ""  # the app's root: every link that worked before keeps working
    title = "Classify and regress"
    summary = (
        "A network learns from labelled examples to sort points into classes or predict a "
        "number, and you watch its decision boundary bend around the data as the loss "
        "falls. Try the data sets, layers, activations, learning rate and regularization, "
        "and see when a network underfits, overfits or diverges."
    )
    icon = ":material/scatter_plot:"
    table = config.SETTINGS_BY_NAME
    setups = config.SUGGESTED_SETUPS
    views = views.VIEWS

    def open(self, settings: Mapping[str, Any]) -> Playground:
        """A Playground with these settings (raises DataError, e.g. "csv" without a file)."""
        return Playground(settings)

    def chart_slots(self, snap, settings, *, kept=None, slow_snap=None):
        """The charts (views.chart_slots); the network's hover texts show the weights of
        `slow_snap`, the ones the kept weights view shows."""
        hover = None if slow_snap is None else (slow_snap.network.weights, slow_snap.network.biases)
        return views.chart_slots(snap, dict(settings), kept=kept, hover_values=hover)

    def layout(self, keys, settings):
        """The network left, the output and loss right, slow views below (views.grid)."""
        return views.layout(keys, settings)

    def stats(self, snap):
        """Losses and accuracy, or RMSE and R² for regression."""
        return views.stats(snap)


CLASSIFY = ClassifyLab()
