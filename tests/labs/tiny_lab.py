"""A made-up lab for the seam's tests: a straight line learnt by a one-weight network.

Its table is small and unlike the classify lab's: no data set, no problem type, no hidden
layers, so a test that passes with it shows the machinery does not assume the first lab.
"""

from dataclasses import dataclass

import numpy as np

from playground.config import Setting
from playground.engine import Network, Trainer
from playground.labs.base import Lab, View
from playground.labs.session import TrainingSession
from playground.training_text import divergence_message

TABLE = {
    s.name: s
    for s in (
        Setting("points", "int", 20, "data", "Points", "How many points.", "data", low=2,
                high=200),
        Setting("seed", "int", 0, "data", "Seed", "Random seed.", "data", low=0, high=99),
        Setting("slope", "float", 2.0, "data", "Slope", "The line's slope.", "data", low=-5.0,
                high=5.0),
        Setting("learning_rate", "float", 0.1, "training", "Learning rate", "Step size.",
                "live", low=1e-4, high=1.0),
        Setting("max_epochs", "int", 0, "training", "Stop after epochs", "0 = never.", "live",
                low=0, high=1000),
        Setting("speed", "choice", "auto", "training", "Speed", "Epochs per update.", "view",
                choices=("auto", "batch", "epoch", "1", "5")),
        Setting("init", "choice", "xavier", "network", "Initialization", "First weights.",
                "network", choices=("xavier", "he")),
        Setting("log_loss", "bool", False, "view", "Log scale", "Loss on a log scale.", "view"),
    )
}  # fmt: skip


@dataclass(frozen=True)
class LineSnapshot:
    """The line lab's moment: epoch, batch, batches, status, message, history, weight."""

    epoch: int
    batch: int
    batches: int
    status: str
    message: str
    history: dict
    weight: float


class LineSession(TrainingSession):
    """y = slope * x learnt by Network([1, 1]) with a linear output."""

    def _load_data(self) -> None:
        rng = np.random.default_rng(self.settings["seed"])
        x = rng.uniform(-1, 1, (self.settings["points"], 1))
        self.dataset = (x, self.settings["slope"] * x[:, 0])

    def _build_model(self) -> None:
        x, y = self.dataset
        self.network = Network([1, 1], output="linear", init=self.settings["init"],
                               seed=self._weight_seed())  # fmt: skip
        self.trainer = Trainer(self.network, x, y, x, y, loss="mse", batch_size=5)

    def _apply_live_settings(self) -> None:
        self.trainer.learning_rate = self.settings["learning_rate"]

    def _take_snapshot(self) -> LineSnapshot:
        t = self.trainer
        history = {name: t.history.column(name) for name in t.history.columns}
        message = divergence_message(t.status, t.diverged_epoch, t.diverged_learning_rate)
        return LineSnapshot(t.epoch, t.batch, t.batches_per_epoch, t.status, message,
                            history, float(self.network.weights[0][0, 0]))  # fmt: skip


def _loss_figure(snap, settings) -> dict:
    return {"data": [{"y": snap.history["train_loss"].tolist()}], "layout": {"height": 150}}


class LineLab(Lab):
    """The made-up lab."""

    name = "line"
    path = "line"
    title = "A line"
    summary = "A network of one weight learns a slope. Nothing more."
    table = TABLE
    views = (
        View("loss", "Loss", "training", 200, False, _loss_figure, zoomable=True),
        View("weight", "Weight", "the slope learnt", 0, True,
             lambda snap, settings: {"data": [{"y": [snap.weight]}], "layout": {"height": 120}}),
    )  # fmt: skip

    def open(self, settings) -> LineSession:
        session = LineSession(settings)
        return session


LineSession.lab = LINE = LineLab()
