"""The autoencoder lab and its session: a network learns to copy its inputs through a
narrow code, without labels (labels only colour the views)."""

from collections.abc import Mapping
from typing import Any

from playground.data.unsupervised import load_unsupervised
from playground.engine import Trainer
from playground.labs.autoencoder.model import architecture, build_network
from playground.labs.autoencoder.prepared import prepare
from playground.labs.autoencoder.snapshot import AutoencoderSnapshot, take_snapshot
from playground.labs.autoencoder.table import CLASS_WORD, TABLE, leave_out_class
from playground.labs.autoencoder.views import VIEWS
from playground.labs.base import Lab, format_number
from playground.labs.restored_view import restored_stats, shown_row
from playground.labs.session import TRAINING_CLOCK, TrainingSession, json_number, locked
from playground.teaching.live import norms_of
from playground.teaching.sample import StepSource


class AutoencoderSession(TrainingSession):
    """One user's autoencoder: the data without the left-out class, the network from
    the settings, trained by the engine's Trainer on (X, X) with the squared error."""

    def _load_data(self) -> None:
        s = self.settings
        dataset = load_unsupervised(s["dataset"], s["train_pct"] / 100, s["seed"])
        word = CLASS_WORD.get(s["dataset"], "class")
        self.data = prepare(dataset, leave_out_class(s), word)
        self.dataset = dataset

    def _build_model(self) -> None:
        s, data = self.settings, self.data
        self.arch = architecture(s, data.X_train.shape[1])
        seed = self._weight_seed()
        self.network = build_network(self.arch, s["init"], seed)
        X_test = self.dataset.X_test
        self.trainer = Trainer(self.network, data.X_train, data.X_train, X_test, X_test,
                               loss="mse", optimizer=s["optimizer"], seed=seed,
                               batch_size=min(s["batch_size"], len(data.X_train)),
                               clock=TRAINING_CLOCK)  # fmt: skip

    def _apply_live_settings(self) -> None:
        s, t = self.settings, self.trainer
        if t.optimizer != s["optimizer"]:
            t.set_optimizer(s["optimizer"])
        t.learning_rate = s["learning_rate"]
        t.batch_size = min(s["batch_size"], len(self.data.X_train))
        if t.status == "diverged":
            t.recover()  # a new learning rate deserves another try

    def step_source(self) -> StepSource:
        """The rows the learning-loop tools work a step out on: the inputs are the
        targets (the label only names the sample)."""
        ds, data, keep = self.dataset, self.data, self.data.train_rows
        return StepSource(
            ds,
            {"train": data.X_train, "test": ds.X_test},
            {"train": data.X_train, "test": ds.X_test},
            {"train": ds.raw_train[keep], "test": ds.raw_test},
            {"train": data.y_train, "test": ds.y_test},
            copies_input=True,
        )

    def _take_snapshot(self) -> AutoencoderSnapshot:
        return take_snapshot(self.network, self.arch, self.trainer, self.data,
                             norms_of(self))  # fmt: skip

    @locked
    def record(self) -> dict[str, Any]:
        """The trainer's last history row and status, plus PCA's test error with as many
        components as the code ("pca_test_loss") and, with a class left out, the ROC
        area of flagging by reconstruction error ("roc_area")."""
        row = super().record()
        row = {k: v for k, v in row.items() if not k.endswith("_accuracy")}
        row["pca_test_loss"] = json_number(self.data.pca_error(self.arch.code_size))
        snap = self.snapshot()
        if snap.roc is not None:
            row["roc_area"] = json_number(snap.roc.area)
        return row


class AutoencoderLab(Lab):
    """Unsupervised learning: an autoencoder's 2-D code, PCA beside it, anomaly detection."""

    name = "autoencoder"
    path = "autoencoder"
    title = "Autoencoder"
    summary = (
        "A network learns, without labels, to copy its input through a narrow middle layer, "
        "and that middle layer becomes a 2-D map of the data, drawn beside PCA's. Leave a "
        "class out of training and its reconstruction errors give it away as unusual."
    )
    icon = ":material/compress:"
    table = TABLE
    views = VIEWS

    def open(self, settings: Mapping[str, Any]) -> AutoencoderSession:
        """A session with these settings (raises DataError for data it cannot build)."""
        return AutoencoderSession(settings)

    def layout(self, keys, settings):
        """Two columns, the views in order; the weights (four matrices side by side, the
        widest 65 x 64) on a row of their own, across both columns, last."""
        wide = [key for key in keys if key == "weights"]
        rows, columns = super().layout([key for key in keys if key != "weights"], settings)
        return rows + [f"{key} {key}" for key in wide], columns

    def stats(self, snap: AutoencoderSnapshot) -> list[tuple[str, str]]:
        """The losses (of the weights the model holds: after a patience stop, the restored
        epoch's, and which, restored_view), PCA's error to beat and, with a class left
        out, the ROC area."""
        row = shown_row(snap)
        units = "component" if snap.code_size == 1 else "components"
        rows = [
            *restored_stats(snap),
            ("Training loss", format_number(row["train_loss"])),
            ("Test loss", format_number(row["test_loss"])),
            (f"PCA, {snap.code_size} {units}", format_number(snap.pca_error)),
        ]
        if snap.roc is not None:
            rows.append(("ROC area", format_number(snap.roc.area)))
        return rows


AUTOENCODER = AutoencoderLab()
AutoencoderSession.lab = AUTOENCODER
