"""The sequence lab's views: snapshot + settings -> Plotly figure specs (plain dicts).

Symbols and characters from the data go through plot_text, as every view's do.
"""

from collections.abc import Mapping
from typing import Any

import numpy as np

from playground.labs.base import View
from playground.labs.restored_view import marked_loss
from playground.labs.rnn.snapshot import SequenceSnapshot
from playground.labs.rnn.table import CELL_NAMES
from playground.plots.loss import loss_spec
from playground.plots.sequences import (
    echo_sequence_spec,
    hidden_state_spec,
    metric_curve_spec,
    sampled_text_spec,
    step_gradient_spec,
    wave_forecast_spec,
)
from playground.plots.text import plot_text, plot_texts

Settings = Mapping[str, Any]
BITS_PER_NAT = 1.0 / np.log(2.0)
SHOWN_CHARACTERS = {"\n": "↵", " ": "␣"}  # characters that would not show as tick labels


def metric_name(snap: SequenceSnapshot) -> tuple[str, str, float]:
    """(name, test history column, scale) of the task's score: accuracy, R² or bits per
    character (the cross-entropy loss in bits)."""
    if snap.task == "text":
        return "bits per character", "test_loss", BITS_PER_NAT
    if snap.kind == "values":
        return "R²", "test_r2", 1.0
    return "accuracy", "test_accuracy", 1.0


def _shown(symbols) -> list[str]:
    return plot_texts(SHOWN_CHARACTERS.get(s, s) for s in symbols)


def sequence(snap: SequenceSnapshot, settings: Settings) -> dict:
    """The example sequence and the answer (echo), the wave and its forecasts (waves), or
    text sampled from the model (text)."""
    if snap.task == "waves":
        return wave_forecast_spec(snap.series, snap.test_start, snap.predicted, snap.forecast)
    if snap.task == "text":
        return sampled_text_spec(plot_text(snap.prompt), plot_text(snap.sample),
                                 snap.temperature, snap.views_epoch)  # fmt: skip
    inputs = snap.example_inputs.argmax(axis=1)
    return echo_sequence_spec(inputs, snap.delay, snap.example_output, snap.example_target,
                              _shown(snap.symbols))  # fmt: skip


def hidden(snap: SequenceSnapshot, settings: Settings) -> dict:
    """The hidden state of the example sequence, units x steps."""
    labels = None
    if snap.kind == "classes":
        labels = _shown(snap.symbols[i] for i in snap.example_inputs.argmax(axis=1))
    return hidden_state_spec(np.clip(np.nan_to_num(snap.hidden), -1, 1), labels)


def gradients(snap: SequenceSnapshot, settings: Settings) -> dict:
    """The gradient reaching each step from the loss at the last, this network's and, once
    compared, the other cell type's beside it."""
    own = f"{CELL_NAMES[snap.cell]} (this network, epoch {snap.epoch})"
    other = snap.comparison
    if other is None:
        return step_gradient_spec(np.nan_to_num(snap.step_gradients), own)
    cut = "" if other.epochs == other.wanted else f" of {other.wanted} in the time allowed"
    name = f"{CELL_NAMES[other.cell]} (same units and data, epoch {other.epochs}{cut})"
    return step_gradient_spec(np.nan_to_num(snap.step_gradients), own,
                              np.nan_to_num(other.step_gradients), name)  # fmt: skip


def loss(snap: SequenceSnapshot, settings: Settings) -> dict:
    """Training and test loss."""
    h = snap.history
    spec = loss_spec(h["epoch"], h["train_loss"], h["test_loss"])
    return marked_loss(spec, snap)  # restored best weights: their epoch marked


def metric(snap: SequenceSnapshot, settings: Settings) -> dict:
    """Training and test accuracy, R² or bits per character."""
    name, column, scale = metric_name(snap)
    h = snap.history
    train = h[column.replace("test_", "train_")] * scale
    ceiling = 1.0 if name == "accuracy" else None
    return metric_curve_spec(h["epoch"], train, h[column] * scale, name, ceiling)


VIEWS = (
    View("sequence", "The sequence", "echo: one test sequence and the network's answer at "
         "every step (shaded: its probabilities); waves: one step ahead and free-running; "
         "text: what the model writes", 0, False, sequence),
    View("hidden", "Hidden state", "each unit (row) at each step (column) of the example", 0,
         False, hidden),
    View("gradients", "Gradient through time", "how much of the last step's loss gradient "
         "reaches each earlier step (log scale); 'Compare' trains the other cell type on the "
         "same data to draw its bars beside", 0, False, gradients),
    View("loss", "Loss", "training and test", 0, False, loss),
    View("metric", "Score", "accuracy (echo), R² (waves) or bits per character (text)", 0,
         False, metric),
)  # fmt: skip
