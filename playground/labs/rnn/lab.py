"""The sequence lab and its session: a recurrent network (SimpleRNN or LSTM) learns to
remember a symbol (echo), forecast a wave (waves) or write like a text (text)."""

from collections.abc import Mapping
from typing import Any

import numpy as np

from playground.data.sequences import load_task
from playground.engine import Trainer
from playground.labs.base import Lab, format_number
from playground.labs.restored_view import restored_stats, shown_row
from playground.labs.rnn.compare import COMPARE_SECONDS, CellComparison, train_other_cell
from playground.labs.rnn.model import build_network, loss_of
from playground.labs.rnn.snapshot import SequenceSnapshot, take_snapshot
from playground.labs.rnn.table import TABLE
from playground.labs.rnn.views import VIEWS, metric_name
from playground.labs.session import TRAINING_CLOCK, TrainingSession, json_number, locked


class SequenceSession(TrainingSession):
    """One user's recurrent network: the task's sequences, the cell from the settings,
    trained by the engine's Trainer (the chosen optimizer, gradient clipping by norm).
    comparison: the other cell type trained on the same data (compare_cells), or None."""

    def _load_data(self) -> None:
        s = self.settings
        self.task = self.dataset = load_task(s["task"], s["delay"], s["seed"], s["answer"])

    def _build_model(self) -> None:
        s, task = self.settings, self.task
        seed = self._weight_seed()
        self.network = build_network(task, s["cell"], s["units"], seed)
        self.trainer = Trainer(self.network, task.X_train, task.y_train, task.X_test,
                               task.y_test, loss=loss_of(task), optimizer=s["optimizer"],
                               seed=seed, batch_size=s["batch_size"],
                               clock=TRAINING_CLOCK)  # fmt: skip
        self._views_cache: dict = {}
        self.comparison: CellComparison | None = None

    def _apply_live_settings(self) -> None:
        s, t = self.settings, self.trainer
        if t.optimizer != s["optimizer"]:
            t.set_optimizer(s["optimizer"])
        t.learning_rate = s["learning_rate"]
        t.batch_size = s["batch_size"]
        t.clip_norm = s["clip_norm"] or None  # 0 = no clipping
        if t.status == "diverged":
            t.recover()  # a new learning rate deserves another try

    def _take_snapshot(self) -> SequenceSnapshot:
        return take_snapshot(self.network, self.trainer, self.task, self.settings,
                             self._views_cache, self.comparison)  # fmt: skip

    def compare_cells(self, seconds: float = COMPARE_SECONDS) -> CellComparison:
        """Train the other cell type (same task, data, units, weight seed and optimizer
        settings) for as many epochs as this network has had, within `seconds` of training
        time, and keep it for the gradient view. Trains OUTSIDE the lock (live training
        goes on); the result is dropped if this model was rebuilt meanwhile."""
        with self.lock:
            task, settings = self.task, dict(self.settings)
            epochs, version, seed = self.trainer.epoch, self.model_version, self._weight_seed()
        result = train_other_cell(task, settings, epochs, seed, version, seconds)
        with self.lock:
            if self.model_version == version:
                self.comparison = result
                self._snapshot_cache = None
        return result

    @locked
    def record(self) -> dict[str, Any]:
        """The trainer's last history row and status; the text task adds bits per
        character ("train_bpc", "test_bpc": the cross-entropy in bits)."""
        row = super().record()
        if self.task.name == "text":
            for part in ("train", "test"):
                loss = row[f"{part}_loss"]
                row[f"{part}_bpc"] = None if loss is None else json_number(loss / np.log(2))
        return row


class SequenceLab(Lab):
    """Recurrent networks on sequences: memory (echo), forecasting (waves), text."""

    name = "rnn"
    path = "rnn"
    title = "Sequences"
    summary = (
        "A recurrent network reads a sequence one step at a time and carries a hidden state "
        "forward: watch it remember a symbol, forecast a wave and learn to write like a "
        "text. Compare a simple RNN with an LSTM and see the gradient fade back through time."
    )
    icon = ":material/timeline:"
    table = TABLE
    views = VIEWS

    def open(self, settings: Mapping[str, Any]) -> SequenceSession:
        """A session with these settings."""
        return SequenceSession(settings)

    def stats(self, snap: SequenceSnapshot) -> list[tuple[str, str]]:
        """The losses and the task's metric on the test set, of the weights the model
        holds (after a patience stop, the restored epoch's, and which: restored_view)."""
        row = shown_row(snap)
        name, column, scale = metric_name(snap)
        value = row[column] * scale
        return [*restored_stats(snap), ("Training loss", format_number(row["train_loss"])),
                ("Test loss", format_number(row["test_loss"])),
                (f"Test {name}", format_number(value))]  # fmt: skip


SEQUENCES = SequenceLab()
SequenceSession.lab = SEQUENCES
