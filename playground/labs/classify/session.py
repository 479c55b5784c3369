"""One user's classify lab: settings + data + network + trainer (the playground's first lab).

The data (a 2-D set, a table, digits or an uploaded CSV), the network and the trainer come
from the settings; the generic live training (speed, stop epoch, what a change resets) is
TrainingSession's. No streamlit.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from playground import config
from playground.data import DATASETS, DataError, Dataset, load_csv, load_dataset
from playground.engine import Network, Trainer
from playground.labs.session import TRAINING_CLOCK, TrainingSession, locked
from playground.problem import ModelSpec, model_spec, targets
from playground.snapshot import Snapshot, take_snapshot
from playground.teaching.sample import StepSource, dataset_source


def _dataset(settings: Mapping[str, Any], csv: "CsvChoice | None") -> Dataset:
    """Load the data the settings name; raises DataError with a message for the page."""
    name, fraction, seed = settings["dataset"], settings["train_pct"] / 100, settings["seed"]
    problem = settings["problem"]
    if name == "csv":
        if csv is None:
            raise DataError("Upload a CSV file to use your own data.")
        task = None if problem == "auto" else problem
        return load_csv(
            csv.raw,
            target=csv.target,
            features=csv.features,
            task=task,
            train_fraction=fraction,
            seed=seed,
        )
    options, features = {}, None
    if name == "penguins":
        options["target"] = "body_mass_g" if problem == "regression" else "species"
        features = tuple(f for f in settings["inputs"] if f != options["target"])
    if DATASETS[name].kind == "2d":
        features = settings["features"]
    noise = settings["noise"] / 100
    return load_dataset(
        name, noise=noise, train_fraction=fraction, seed=seed, features=features, **options
    )


@dataclass(frozen=True)
class CsvChoice:
    """An uploaded CSV file and the columns chosen from it (None = the loader's default:
    the last column is the target, every other usable column a feature)."""

    raw: bytes
    name: str = "data.csv"
    target: str | None = None
    features: tuple[str, ...] | None = None


class Playground(TrainingSession):
    """A live classify lab for one browser session.

    settings: validated settings dict (see playground.config). csv: the user's uploaded
    file and chosen columns, if any. playing: whether the page should keep training.
    lock: held by every public method; hold it yourself to read several attributes at once.
    """

    def __init__(self, settings: Mapping[str, Any], csv: CsvChoice | None = None):
        self.csv = csv
        super().__init__(settings)

    @property
    def lab(self):
        """The classify lab (its settings table, views and layout)."""
        from playground.labs.classify.lab import CLASSIFY  # the lab names this class

        return CLASSIFY

    # --- building --------------------------------------------------------------------
    def _load_data(self) -> None:
        self.dataset = _dataset(self.settings, self.csv)
        self._check_plane()

    def _check_plane(self) -> None:
        """plane_x / plane_y must name columns of these data: else the default, noted."""
        names = self.dataset.raw_feature_names
        self.settings, notes = config.check_plane_features(self.settings, names)
        self._notes += notes

    def _build_model(self) -> None:
        self.spec: ModelSpec = model_spec(self.settings, self.dataset)
        self._source: StepSource | None = None  # step_source() of this data and spec
        s, spec = self.settings, self.spec
        weight_seed = self._weight_seed()
        self.network = Network(
            list(spec.sizes),
            activation=list(spec.hidden_activations),
            output=spec.output,
            init=s["init"],
            seed=weight_seed,
        )
        ds = self.dataset
        self.trainer = Trainer(
            self.network,
            ds.X_train,
            targets(spec, ds.y_train),
            ds.X_test if len(ds.X_test) else None,
            targets(spec, ds.y_test) if len(ds.X_test) else None,
            loss=spec.loss,
            optimizer=s["optimizer"],
            seed=weight_seed,
            batch_size=min(s["batch_size"], len(ds.X_train)),
            clock=TRAINING_CLOCK,
        )

    def _apply_live_settings(self) -> None:
        s, t = self.settings, self.trainer
        if t.optimizer != s["optimizer"]:
            t.set_optimizer(s["optimizer"])
        t.learning_rate = s["learning_rate"]
        t.momentum, t.alpha = s["momentum"], s["rmsprop_alpha"]
        t.beta1, t.beta2 = s["beta1"], s["beta2"]
        t.batch_size = min(s["batch_size"], len(self.dataset.X_train))
        reg, rate = s["regularization"], s["reg_rate"]
        t.l1 = rate if reg == "l1" else 0.0
        t.l2 = rate if reg == "l2" else 0.0
        t.dropout = min(rate, config.DROPOUT_MAX_RATE) if reg == "dropout" else 0.0
        if t.status == "diverged":
            t.recover()  # a new learning rate (or other knob) deserves another try

    def _take_snapshot(self) -> Snapshot:
        return take_snapshot(self)

    def step_source(self) -> StepSource:
        """The rows the learning-loop tools work a step out on: the data set's, with the
        labels encoded as the trainer takes them."""
        if self._source is None:  # one per model: the targets of digits are a copy
            ds, spec = self.dataset, self.spec
            self._source = dataset_source(ds, targets(spec, ds.y_train), targets(spec, ds.y_test))
        return self._source

    # --- changes from the page ---------------------------------------------------------
    @locked
    def update(self, new_settings: Mapping[str, Any]) -> str | None:
        """Apply new settings; returns what was reset ("data", "network", "live", "view")
        or None. On a DataError the old settings and data stay and the error propagates."""
        new_settings = dict(new_settings)
        if new_settings["dataset"] != self.settings["dataset"]:
            # A plane feature names a column of its data set: a new set starts at its default.
            new_settings["plane_x"] = new_settings["plane_y"] = ""
        return super().update(new_settings)

    def _apply_change(self, kind: str | None, old: Mapping[str, Any]) -> None:
        # The inputs are computed in the data package: same seed, same points.
        if kind == "network" and self.settings["features"] != old["features"]:
            kind = "data"
        super()._apply_change(kind, old)
        self._check_plane()  # also for a plane feature changed on its own (a view change)

    @locked
    def set_csv(self, csv: CsvChoice) -> None:
        """Learn from an uploaded CSV file with the chosen columns (raises DataError and
        keeps the old data if the file or the choice is bad). Coming from another data
        set, the CSV's suggested setup (config.SUGGESTED_SETUPS) is applied."""
        old_csv, old_settings = self.csv, self.settings
        self.csv = csv
        if old_settings["dataset"] != "csv":
            # A new data set opens with its setup (but what a teacher's link hides stays);
            # the plane features named another set's columns.
            new = {**config.with_setup(old_settings, "csv"), "plane_x": "", "plane_y": ""}
            new, _ = config.keep_hidden(old_settings, new)
            self.settings = config.reconcile(new)[0]
        try:
            self._load()
        except Exception:
            self.csv, self.settings = old_csv, old_settings
            raise
        self.playing = False
