"""The vision lab and its session: a convolutional network learns to classify small images,
its filters and feature maps drawn live."""

from collections.abc import Mapping
from typing import Any

import numpy as np

from playground.data.image_sets import load_image_set
from playground.engine import Trainer
from playground.labs.base import Lab, format_number
from playground.labs.convnet.compare import DenseComparison
from playground.labs.convnet.model import build_network
from playground.labs.convnet.snapshot import ConvSnapshot, take_snapshot
from playground.labs.convnet.table import TABLE
from playground.labs.convnet.views import VIEWS
from playground.labs.restored_view import restored_stats, shown_row
from playground.labs.session import TRAINING_CLOCK, TrainingSession, locked


class ConvSession(TrainingSession):
    """One user's vision lab: the image set, the network from the settings, trained by the
    engine's Trainer with the categorical cross-entropy. drawing: the digit the student
    drew, (8, 8) in 0..1 (playground/data/drawn_digit.py), or None; it stays through
    changes of settings and is read by the network whenever it fits the images."""

    drawing: np.ndarray | None = None

    def __init__(self, settings: Mapping[str, Any]):
        self.comparison = DenseComparison()  # dense vs convolution, trained on request
        super().__init__(settings)

    def _load_data(self) -> None:
        s = self.settings
        self.images = load_image_set(s["dataset"], s["train_pct"] / 100, s["seed"])

    def _build_model(self) -> None:
        s, images = self.settings, self.images
        seed = self._weight_seed()
        self.network = build_network(s, images.input_shape, len(images.class_names), seed)
        self.trainer = Trainer(self.network, images.X_train, images.y_train, images.X_test,
                               images.y_test, loss="cce", optimizer=s["optimizer"], seed=seed,
                               batch_size=min(s["batch_size"], len(images.y_train)),
                               clock=TRAINING_CLOCK)  # fmt: skip

    def _apply_live_settings(self) -> None:
        s, t = self.settings, self.trainer
        if t.optimizer != s["optimizer"]:
            t.set_optimizer(s["optimizer"])
        t.learning_rate = s["learning_rate"]
        t.batch_size = min(s["batch_size"], len(self.images.y_train))
        if t.status == "diverged":
            t.recover()  # a new learning rate deserves another try

    def _apply_change(self, kind: str | None, old: Mapping[str, Any]) -> None:
        super()._apply_change(kind, old)
        if kind == "view":
            self._snapshot_cache = None  # the image for the feature maps may have changed

    def record(self) -> dict[str, Any]:
        """The trainer's last history row and status (see TrainingSession.record), and the
        network's parameter count ("params")."""
        with self.lock:
            return {**super().record(), "params": int(self.network.params.size)}

    def compare_dense(self) -> str | None:
        """Start training the dense network of about as many parameters on the same images
        (compare.py; in the background, not under the lock): None, or why it cannot."""
        return self.comparison.start(self)

    @locked
    def set_drawing(self, image: np.ndarray | None) -> None:
        """Show the network this drawn image ((h, w) in 0..1, None = clear)."""
        self.drawing = None if image is None else np.array(image, dtype=np.float64)
        self._snapshot_cache = None

    def _take_snapshot(self) -> ConvSnapshot:
        return take_snapshot(self.network, self.trainer, self.images, self.settings["image"],
                             self.drawing)  # fmt: skip


class ConvLab(Lab):
    """Vision: a convolutional network on images, filters and feature maps live."""

    name = "convnet"
    path = "convnet"
    title = "Vision"
    summary = (
        "A convolutional network slides small filters over an image: its feature maps "
        "light up at strokes, edges and corners wherever they are, and a dense layer turns "
        "them into a class. Watch the filters and maps form on handwritten digits or on "
        "shapes drawn anywhere."
    )
    icon = ":material/image_search:"
    table = TABLE
    views = VIEWS

    def open(self, settings: Mapping[str, Any]) -> ConvSession:
        """A session with these settings (raises DataError for data it cannot build)."""
        return ConvSession(settings)

    def stats(self, snap: ConvSnapshot) -> list[tuple[str, str]]:
        """The losses and the test accuracy of the weights the model holds (after a
        patience stop, the restored epoch's, and which: restored_view), the parameters."""
        row = shown_row(snap)
        accuracy = row["test_accuracy"]
        return [
            *restored_stats(snap),
            ("Training loss", format_number(row["train_loss"])),
            ("Test loss", format_number(row["test_loss"])),
            ("Test accuracy", f"{accuracy:.1%}" if accuracy == accuracy else "—"),
            ("Parameters", f"{snap.params:,}"),
        ]


CONVNET = ConvLab()
ConvSession.lab = CONVNET
