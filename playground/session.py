"""One user's playground: settings + data + network + trainer.

Applies a change of settings (what resets and what does not, as the settings table says),
advances training by a time budget, and hands out snapshots for the views. No streamlit.

Two threads share a Playground: the page's script (settings, buttons) and the live feed
(training while playing, see playground.live). Every method that trains, changes or
snapshots it holds its lock, so training never meets a half-applied change.
"""

import functools
import secrets
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from playground import config
from playground.data import DATASETS, DataError, Dataset, load_csv, load_dataset
from playground.engine import Network, Trainer
from playground.problem import ModelSpec, model_spec, targets
from playground.snapshot import Snapshot, take_snapshot
from playground.teaching.gradient_norms import GradientNormLog, trainer_epoch

# Seconds of training per update when no budget is given (the live feed gives its own).
AUTO_TRAIN_SECONDS = 0.055
# Training seconds are wall-clock time. The live feed's frames train one at a time on one
# thread per process (playground/live/scheduler.py), so wall time is fair between them and
# bounds what a student waits for. CPU time (time.thread_time) was tried: on a machine busy
# with other processes (load 8-10 on 2 cores) a 60 ms CPU budget took ~4x as long in wall
# time, and one student got 2.7-3.8 frames/s instead of ~7 at the same epochs/s.
TRAINING_CLOCK = time.perf_counter
MAX_SEED = 999_999


def _locked(method):
    """Run a Playground method while holding the Playground's (reentrant) lock."""

    @functools.wraps(method)
    def locked_method(self, *args, **kwargs):
        with self.lock:
            return method(self, *args, **kwargs)

    return locked_method


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


class Playground:
    """A live playground for one browser session.

    settings: validated settings dict (see playground.config). csv: the user's uploaded
    file and chosen columns, if any. playing: whether the page should keep training.
    lock: held by every public method; hold it yourself to read several attributes at once.
    """

    def __init__(self, settings: Mapping[str, Any], csv: CsvChoice | None = None):
        self.lock = threading.RLock()
        self.settings = dict(settings)
        self.csv = csv
        self.playing = False
        self.weight_round = 0  # Reset draws new weights from (seed, weight_round)
        self._notes: list[str] = []  # settings the data could not use, for the page
        self._load_data()

    # --- building --------------------------------------------------------------------
    def _load_data(self) -> None:
        self.dataset = _dataset(self.settings, self.csv)
        self._check_plane()
        self._build_network()

    def _check_plane(self) -> None:
        """plane_x / plane_y must name columns of these data: else the default, noted."""
        names = self.dataset.raw_feature_names
        self.settings, notes = config.check_plane_features(self.settings, names)
        self._notes += notes

    @_locked
    def take_notes(self) -> list[str]:
        """Sentences about settings the data could not use since the last call (a plane
        feature the data do not have); the page shows them once."""
        notes, self._notes = self._notes, []
        return notes

    def _build_network(self) -> None:
        self.spec: ModelSpec = model_spec(self.settings, self.dataset)
        s, spec = self.settings, self.spec
        weight_seed = s["seed"] * 1000 + self.weight_round
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
        self._owed = (None, 0)  # (speed, epochs) of a fixed speed not yet trained
        self.gradient_log = GradientNormLog(len(spec.sizes) - 1)  # "How it learns" panel
        self._apply_live_settings()
        self._snapshot_cache = None

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

    # --- changes from the page ---------------------------------------------------------
    @_locked
    def update(self, new_settings: Mapping[str, Any]) -> str | None:
        """Apply new settings; returns what was reset ("data", "network", "live", "view")
        or None. On a DataError the old settings and data stay and the error propagates."""
        new_settings = dict(new_settings)
        if new_settings["dataset"] != self.settings["dataset"]:
            # A plane feature names a column of its data set: a new set starts at its default.
            new_settings["plane_x"] = new_settings["plane_y"] = ""
        kind = config.diff_kind(self.settings, new_settings)
        old = self.settings
        self.settings = new_settings
        try:
            # The inputs are computed in the data package: same seed, same points.
            if kind == "data" or new_settings["features"] != old["features"]:
                self._load_data()
            elif kind == "network":
                self._build_network()
            elif kind == "live":
                self._apply_live_settings()
            self._check_plane()  # also for a plane feature changed on its own (a view change)
        except Exception:
            self.settings = old
            raise
        if kind in ("data", "network"):
            self.playing = False
        self._snapshot_cache = None
        return kind

    @_locked
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
            self._load_data()
        except Exception:
            self.csv, self.settings = old_csv, old_settings
            raise
        self.playing = False

    @_locked
    def reset(self) -> None:
        """New weights from the same seed's next draw; same data, epoch 0."""
        self.weight_round += 1
        self._build_network()
        self.playing = False

    @_locked
    def regenerate(self) -> int:
        """New data from a new random seed (and new weights); returns the seed."""
        seed = secrets.randbelow(MAX_SEED + 1)
        self.update({**self.settings, "seed": seed})
        return seed

    # --- training ----------------------------------------------------------------------
    @_locked
    def set_playing(self, playing: bool) -> bool:
        """Start or stop live training; returns whether it is playing now. A diverged
        network, or one at its stop epoch, does not start."""
        self.playing = playing and self.trainer.status == "ok" and self._epochs_left() != 0
        return self.playing

    @_locked
    def step(self) -> int:
        """Train exactly one epoch; returns 1, or 0 if training diverged."""
        done = self.trainer.run_epochs(1)
        self._after_training()
        return done

    @_locked
    def step_batch(self) -> int:
        """Train one mini-batch (one gradient step); returns 1, or 0 if training diverged.
        The step that ends an epoch counts it (trainer.batch says where the epoch is)."""
        done = self.trainer.step()
        self._after_training()
        return done

    @_locked
    def advance(self, seconds: float = AUTO_TRAIN_SECONDS) -> int:
        """One live update's worth of training, as the speed setting says, within `seconds`
        of training time; returns the epochs finished (0 if cut inside an epoch).

        A fixed speed's epochs that do not fit are owed: the next updates train them (and
        no new ones) first, so a slow network shows fewer epochs per update, not longer
        updates. The trainer goes on in the middle of an epoch where the last update left.
        """
        limit = self._epochs_left()
        if limit == 0:
            self.playing = False
            return 0
        speed = self.settings["speed"]
        steps = 1 if speed == "batch" else None  # one gradient step per update, to watch it
        done = self.trainer.run_for(seconds, self._epochs_wanted(limit), max_steps=steps)
        speed, owed = self._owed
        if owed:
            self._owed = (speed, owed - done)
        self._after_training()
        return done

    def _epochs_wanted(self, limit: int | None) -> int | None:
        """Epochs this update may finish: as the speed says (what is owed of it first)."""
        speed = self.settings["speed"]
        if speed in ("auto", "batch"):
            return limit
        if self._owed[0] != speed or self._owed[1] <= 0:
            self._owed = (speed, 1 if speed == "epoch" else int(speed))
        owed = self._owed[1]
        return owed if limit is None else min(owed, limit)

    def _epochs_left(self) -> int | None:
        cap = self.settings["max_epochs"]
        return None if cap == 0 else max(0, cap - self.trainer.epoch)

    def _after_training(self) -> None:
        self._snapshot_cache = None
        self.gradient_log.record(trainer_epoch(self.trainer), self.trainer.gradient_norms())
        if self.trainer.status == "diverged" or self._epochs_left() == 0:
            self.playing = False

    @_locked
    def network_edited(self) -> None:
        """The parameters were changed from outside training (a step applied or a weight
        typed in by hand, see playground.teaching): the views show them from now."""
        self._after_training()

    @property
    def epoch(self) -> int:
        """Whole epochs trained so far."""
        return self.trainer.epoch

    @_locked
    def snapshot(self) -> Snapshot:
        """Everything the views show at this moment (cached until the next change)."""
        if self._snapshot_cache is None:
            self._snapshot_cache = take_snapshot(self)
        return self._snapshot_cache
