"""The generic training session: one user's model trained live, for any Trainer-based lab.

Applies a change of settings (what resets, as the lab's settings table says), advances
training by a time budget with the speed setting, stops at the stop epoch or when training
diverges, and caches the snapshot for the views. A lab subclasses it and writes only its
hooks: `_load_data`, `_build_model`, `_apply_live_settings`, `_take_snapshot`. No streamlit.

Two threads share a session: the page's script (settings, buttons) and the live feed
(training while playing, see playground.live). Every public method holds its lock, so
training never meets a half-applied change.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import secrets
import threading
import time
from collections.abc import Mapping
from typing import Any

from playground import config
from playground.engine.history import History
from playground.labs.stopping import Restored, StopRule, StopWatch, stop_message
from playground.teaching.gradient_norms import GradientNormLog, trainer_epoch
from playground.teaching.live import LearningState, LinkRequest

# Seconds of training per update when no budget is given (the live feed gives its own).
AUTO_TRAIN_SECONDS = 0.055
# Training seconds are wall-clock time. The live feed's frames train one at a time on one
# thread per process (playground/live/scheduler.py), so wall time is fair between them and
# bounds what a student waits for. CPU time (time.thread_time) was tried: on a machine busy
# with other processes (load 8-10 on 2 cores) a 60 ms CPU budget took ~4x as long in wall
# time, and one student got 2.7-3.8 frames/s instead of ~7 at the same epochs/s.
TRAINING_CLOCK = time.perf_counter
MAX_SEED = 999_999
# At the slow speeds (one batch or one epoch per update) frames start at least this far
# apart: about three updates a second, slow enough to see each step move the boundary.
SLOW_SPEED_FRAME_SECONDS = 0.3


def locked(method):
    """Run a session method while holding the session's (reentrant) lock."""

    @functools.wraps(method)
    def locked_method(self, *args, **kwargs):
        with self.lock:
            return method(self, *args, **kwargs)

    return locked_method


def json_number(value: float) -> float | int | None:
    """A history value for JSON: ints stay ints, a non-finite float is None."""
    if isinstance(value, int):
        return value
    return float(value) if math.isfinite(value) else None


class TrainingSession:
    """One user's lab, trained by the engine's Trainer (see the module docstring).

    settings: validated against lab.table; the optional settings "speed" (config.SPEEDS),
    "max_epochs" (0 = no limit) and "seed" are used when the table has them. After
    `_build_model`, self.trainer is the engine's Trainer. playing: whether the live feed
    keeps training. lock: held by every public method; hold it yourself to read several
    attributes at once. model_version: +1 each time the model is rebuilt.
    For the learning-loop tools (playground.teaching): gradient_log, each layer's gradient
    norm after each stretch of training (a new log per model); learning, what the page's
    tools ask the live views for (set_learning). A lab whose model is Dense layers offers
    its rows to them with a step_source() method (teaching.sample.StepSource).
    """

    lab = None  # the Lab this session belongs to (a class attribute of the subclass)

    def __init__(self, settings: Mapping[str, Any]):
        self.lock = threading.RLock()
        self.settings = dict(settings)
        self.playing = False
        self.weight_round = 0  # Reset draws new weights from (seed, weight_round)
        self.model_version = 0
        self._notes: list[str] = []  # settings the data could not use, for the page
        self._snapshot_cache = None
        self.learning = LearningState()
        self._load()

    # --- the lab's hooks -----------------------------------------------------------------
    def _load_data(self) -> None:
        """Load the data the settings name into self.dataset (raises DataError)."""
        raise NotImplementedError

    def _build_model(self) -> None:
        """Build self.trainer (the engine's Trainer) and its model from the settings, with
        weights drawn from self._weight_seed()."""
        raise NotImplementedError

    def _apply_live_settings(self) -> None:
        """Apply the settings that change without a reset (learning rate etc.)."""

    def _take_snapshot(self):
        """The lab's snapshot of this moment (plain arrays, copies)."""
        raise NotImplementedError

    # --- building ------------------------------------------------------------------------
    def _load(self) -> None:
        self._load_data()
        self._rebuild()

    def _rebuild(self, params=None) -> None:
        self._build_model()
        if params is not None:  # an imported model's weights (start_from)
            self.trainer.start_from(params)
        self.stop_watch = StopWatch()  # the best epoch and its weights (labs/stopping.py)
        self.stop_watch.observe(self.trainer)
        self.gradient_log = GradientNormLog(len(self.trainer.net.layers))
        self.model_version += 1
        self._owed = (None, 0)  # (speed, epochs) of a fixed speed not yet trained
        self._apply_live_settings()
        self._snapshot_cache = None

    def _weight_seed(self) -> int:
        """The seed of this weight round: the data's seed and how often Reset was pressed."""
        return int(self.settings.get("seed", 0)) * 1000 + self.weight_round

    def _apply_change(self, kind: str | None, old: Mapping[str, Any]) -> None:
        """Rebuild what a change of `kind` (config.RESETS) from `old` needs."""
        if kind == "data":
            self._load()
        elif kind == "network":
            self._rebuild()
        elif kind == "live":
            self._apply_live_settings()
            self._settle_stop()  # e.g. restore_best turned on after patience stopped it

    @locked
    def take_notes(self) -> list[str]:
        """Sentences about settings the data could not use since the last call; the page
        shows them once."""
        notes, self._notes = self._notes, []
        return notes

    # --- changes from the page -----------------------------------------------------------
    @locked
    def update(self, new_settings: Mapping[str, Any]) -> str | None:
        """Apply new settings; returns what was reset ("data", "network", "live", "view")
        or None. On an error (DataError) the old settings and model stay and it propagates."""
        new_settings = dict(new_settings)
        kind = config.diff_kind(self.settings, new_settings, self.lab.table)
        old = self.settings
        self.settings = new_settings
        try:
            self._apply_change(kind, old)
        except Exception:
            self.settings = old
            raise
        if kind in ("data", "network"):
            self.playing = False
        self._snapshot_cache = None
        return kind

    @locked
    def reset(self) -> None:
        """New weights from the same seed's next draw; same data, epoch 0."""
        self.weight_round += 1
        self._rebuild()
        self.playing = False

    @locked
    def regenerate(self) -> int:
        """New data from a new random seed (and new weights); returns the seed."""
        seed = secrets.randbelow(MAX_SEED + 1)
        self.update({**self.settings, "seed": seed})
        return seed

    # --- training ------------------------------------------------------------------------
    @locked
    def set_playing(self, playing: bool) -> bool:
        """Start or stop live training; returns whether it is playing now. A diverged
        model, or one the stop epoch or a target stopped (stop_reason), does not start;
        after a patience stop Play trains on (patience counts afresh, see _train_on)."""
        if playing and self._epochs_left() != 0:  # at the stop epoch nothing trains
            self._train_on()
        self.playing = playing and self.stop_reason() is None
        return self.playing

    @locked
    def step(self) -> int:
        """Train exactly one epoch; returns 1, or 0 if training diverged. After a patience
        stop it trains on from the weights the model holds (the restored ones)."""
        self._train_on()
        done = self.trainer.run_epochs(1)
        self._after_training()
        return done

    @locked
    def step_batch(self) -> int:
        """Train one mini-batch (one gradient step); returns 1, or 0 if training diverged.
        The step that ends an epoch counts it (trainer.batch says where the epoch is)."""
        self._train_on()
        done = self.trainer.step()
        self._after_training()
        return done

    def _train_on(self) -> None:
        """The user trains on after a patience stop (Step, Play, an edited weight): from
        the weights the model holds now, with patience counted afresh from this epoch, so
        that the stop does not hold at once and restore (undo) what they just trained."""
        if self.trainer.status == "ok" and self._rule_reason() == "patience":
            self.stop_watch.resume(self.trainer)
            self._snapshot_cache = None

    @locked
    def advance(self, seconds: float = AUTO_TRAIN_SECONDS) -> int:
        """One live update's worth of training, as the speed setting says, within `seconds`
        of training time; returns the epochs finished (0 if cut inside an epoch).

        A fixed speed's epochs that do not fit are owed: the next updates train them (and
        no new ones) first, so a slow model shows fewer epochs per update, not longer
        updates. The trainer goes on in the middle of an epoch where the last update left.
        """
        limit = self._epochs_left()
        if limit == 0 or self._rule_reason():
            self.playing = False
            return 0
        speed = self._speed()
        steps = 1 if speed == "batch" else None  # one gradient step per update, to watch it
        wanted = self._epochs_wanted(limit)
        if StopRule.from_settings(self.settings).active:
            done = self._run_watched(seconds, wanted, steps)
        else:
            done = self.trainer.run_for(seconds, wanted, max_steps=steps)
        speed, owed = self._owed
        if owed:
            self._owed = (speed, owed - done)
        self._after_training()
        return done

    def _run_watched(self, seconds: float, wanted: int | None, steps: int | None) -> int:
        """run_for one epoch at a time within `seconds`, so that a stop condition stops at
        its epoch and the best epoch's weights are kept (labs/stopping.py)."""
        trainer, done = self.trainer, 0
        start = trainer.clock()
        while wanted is None or done < wanted:
            left = seconds - (trainer.clock() - start)
            if done and left <= 0:
                break
            finished = trainer.run_for(max(left, 0.0), 1, max_steps=steps)
            done += finished
            self.stop_watch.observe(trainer)
            if not finished or steps or self._rule_reason():
                break
        return done

    def _speed(self) -> str:
        return self.settings.get("speed", "auto")

    def _epochs_wanted(self, limit: int | None) -> int | None:
        """Epochs this update may finish: as the speed says (what is owed of it first)."""
        speed = self._speed()
        if speed in ("auto", "batch"):
            return limit
        if self._owed[0] != speed or self._owed[1] <= 0:
            self._owed = (speed, 1 if speed == "epoch" else int(speed))
        owed = self._owed[1]
        return owed if limit is None else min(owed, limit)

    def _epochs_left(self) -> int | None:
        cap = self.settings.get("max_epochs", 0)
        return None if cap == 0 else max(0, cap - self.trainer.epoch)

    def _after_training(self) -> None:
        self.gradient_log.record(trainer_epoch(self.trainer), self.trainer.gradient_norms())
        self._snapshot_cache = None
        self.stop_watch.observe(self.trainer)
        self._settle_stop()
        if self.stop_reason() is not None:
            self.playing = False

    def _rule_reason(self) -> str | None:
        """ "patience" or "target" when that stop condition holds now, else None."""
        return self.stop_watch.reason(self.trainer, StopRule.from_settings(self.settings))

    def _settle_stop(self) -> None:
        """Restore the best weights when patience stopped training and the settings ask."""
        rule = StopRule.from_settings(self.settings)
        stalled = rule.restore_best and self._rule_reason() == "patience"
        if stalled and self.stop_watch.restore(self.trainer):
            self._snapshot_cache = None

    @locked
    def stop_reason(self) -> str | None:
        """Why training will not go on by itself: "diverged", "max_epochs" (the stop epoch),
        "target", "patience" (labs/stopping.py), or None."""
        if self.trainer.status == "diverged":
            return "diverged"
        if self._epochs_left() == 0:
            return "max_epochs"
        return self._rule_reason()

    @locked
    def stop_message(self) -> str:
        """A plain sentence on why patience or a target stopped training and what was
        restored; "" otherwise (the stop epoch and divergence have their own messages)."""
        rule = StopRule.from_settings(self.settings)
        return stop_message(self._rule_reason(), rule, self.stop_watch, self.trainer.epoch)

    @locked
    def set_learning(self, panel_open: bool, links: LinkRequest | None = None) -> None:
        """What the learning-loop tools show in the live views from now, paused or
        playing: panel_open adds the gradient-norm chart; links (None: the weights) draws
        the network view's links by that gradient (see playground.teaching.live)."""
        state = self.learning
        if (state.open, state.links) != (panel_open, links):
            state.open, state.links = panel_open, links
            self._snapshot_cache = None

    @locked
    def network_edited(self) -> None:
        """The parameters were changed from outside training (a step applied or a weight
        typed in by hand, see playground.teaching): the views show them from now (after a
        patience stop they are no longer the restored ones, and stay as edited)."""
        self._train_on()
        self._after_training()

    @locked
    def start_from(self, params) -> None:
        """Begin again at epoch 0 from these weights (an imported model's, shaped as
        trainer.net.params; ValueError otherwise), on the same data and settings; Reset
        draws new weights again."""
        self._rebuild(params)
        self.playing = False

    @locked
    def carry_history(self, rows, restored_epoch: int | None = None) -> None:
        """Go on with an imported model's run: rows, (n, len(trainer.history.columns)) of
        its history (epochs increasing, the last row's the epochs it trained, the weights'
        epoch among them); the trainer's own evaluation of these weights on these data
        replaces the row of the weights' epoch (restored_epoch, else the last). The counter
        and the loss curve go on from there; with restored_epoch the page shows those
        weights as restored after a patience stop, as the exporting page did."""
        trainer = self.trainer
        own = [trainer.history[0][name] for name in trainer.history.columns]
        weights_epoch = int(rows[-1][0]) if restored_epoch is None else restored_epoch
        history = History(trainer.history.columns, capacity=max(1024, 2 * len(rows)))
        for row in rows:
            history.append([weights_epoch, *own[1:]] if int(row[0]) == weights_epoch else row)
        trainer.history, trainer.epoch = history, int(rows[-1][0])
        self.stop_watch = StopWatch()
        self.stop_watch.observe(trainer)
        if restored_epoch is not None:
            self.stop_watch.adopt(trainer, restored_epoch)
        self._snapshot_cache = None

    @locked
    def restored(self) -> Restored | None:
        """The best weights a patience stop put back (their epoch and history row) while
        the model holds them, else None: the stats and the loss curve show them."""
        return self.stop_watch.restored()

    @property
    def epoch(self) -> int:
        """Whole epochs trained so far."""
        return self.trainer.epoch

    def min_frame_seconds(self) -> float:
        """The least time between the starts of live frames that the speed asks for
        (0 = as often as the live route allows)."""
        return SLOW_SPEED_FRAME_SECONDS if self._speed() in config.SLOW_SPEEDS else 0.0

    @locked
    def snapshot(self):
        """Everything the views show at this moment (cached until the next change); its
        `restored` says which best weights a patience stop put back (None: none)."""
        if self._snapshot_cache is None:
            snap, restored = self._take_snapshot(), self.restored()
            if restored is not None and getattr(snap, "restored", None) is None:
                snap = dataclasses.replace(snap, restored=restored)  # each lab's snapshot has it
            self._snapshot_cache = snap
        return self._snapshot_cache

    @locked
    def record(self) -> dict[str, Any]:
        """JSON-safe numbers of this moment for the command line: the trainer's last
        history row ({"epoch", "train_loss", "test_loss", "train_<score>", "test_<score>"},
        a non-finite value as None) and "status" ("ok" or "diverged"). Once a stop condition
        holds, also "stopped" (stop_reason) and, for patience and a target, "message"; when
        the best weights were restored, the metrics are the restored epoch's (those of the
        model now) and "restored_epoch" says which; "epoch" stays the epochs trained."""
        row = {**self.trainer.history[-1]}
        restored = self.stop_watch.best_row()
        if restored is not None:
            row.update({k: v for k, v in restored.items() if k != "epoch"})
        record = {**{k: json_number(v) for k, v in row.items()}, "status": self.trainer.status}
        reason = self.stop_reason()
        if reason is not None:
            record["stopped"] = reason
        if restored is not None:
            record["restored_epoch"] = self.stop_watch.restored_epoch
        if message := self.stop_message():
            record["message"] = message
        return record
