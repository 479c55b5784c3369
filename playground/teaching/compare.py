"""Compare runs: pin the current run (its loss curves, its main view, its settings and final
numbers), change a setting, train again, and compare the pinned runs with the current one.

A pinned run keeps small plain values only, never a session: the loss curves thinned to
MAX_CURVE_POINTS float32 points, the main view as its figure JSON (at most
MAX_PICTURE_BYTES, else left out with a note), the settings dict and the final record.
A Pins holds at most MAX_PINS runs of one lab, so a browser session keeps at most
MAX_PINS * (MAX_PICTURE_BYTES + ~10 KB) per lab page. Works through the lab protocol
(Lab.chart_slots, snapshot.history, session.record) for every lab. No streamlit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from playground.config import encode
from playground.engine.history import History
from playground.live.panel import ChartSlot, panel_text
from playground.plots import figure_json
from playground.plots.arrays import minmax_indices, to_f32
from playground.plots.compare import COMPARE_HEIGHT, compare_loss_spec

MAX_PINS = 3
MAX_CURVE_POINTS = 400  # per curve, as the live loss chart thins its own
MAX_PICTURE_BYTES = 250_000  # the main view's figure JSON; the defaults' are 5-35 KB
# Fixed per-run cost beyond the picture and the curves: settings, record, label (a bound
# for nbytes; a setting's text is at most config.MAX_RAW_CHARS).
RUN_OVERHEAD_BYTES = 16_000
# The view a lab's runs are compared by, first that the snapshot draws; other labs: their
# first view that is not a loss curve.
MAIN_VIEWS = {"classify": ("boundary", "digits"), "autoencoder": ("code",),
              "convnet": ("predictions",), "rnn": ("sequence",), "rl": ("policy",)}  # fmt: skip
CURVE_VIEWS = ("loss", "accuracy", "metric", "returns", "lengths", "epsilon")
# The record's numbers shown as the final metrics (those a run has), in this order.
METRICS = ("train_loss", "test_loss", "train_accuracy", "test_accuracy", "train_r2",
           "test_r2")  # fmt: skip


class PinError(ValueError):
    """A run that cannot be pinned (the text is one plain sentence for the page)."""


@dataclass(frozen=True)
class Curves:
    """A run's loss curves, thinned: epochs (n,) int32, train and test (n,) float32 (the
    test loss NaN where a lab has no test set)."""

    epochs: np.ndarray
    train: np.ndarray
    test: np.ndarray

    @property
    def nbytes(self) -> int:
        """Bytes of the arrays."""
        return self.epochs.nbytes + self.train.nbytes + self.test.nbytes


@dataclass(frozen=True)
class PinnedRun:
    """One run kept for comparing: its number ("Run 2"), lab name, the epoch it was pinned
    at, its settings (a copy), final record (JSON numbers), curves, and the main view's
    chart slot (its figure JSON, title, height, aspect) or None with a note saying why
    (too large, or not drawn); restored: after a patience stop that put the best weights
    back, (their epoch, its training loss, its test loss), else None."""

    number: int
    lab: str
    epoch: int
    settings: Mapping[str, Any]
    record: Mapping[str, Any]
    curves: Curves
    picture: ChartSlot | None
    picture_note: str = ""
    restored: tuple[int, float, float] | None = None

    @property
    def label(self) -> str:
        """The run's name in the chart and the table."""
        return f"Run {self.number}"

    @property
    def nbytes(self) -> int:
        """An upper bound of the memory the run keeps (arrays, picture, overhead)."""
        picture = 0 if self.picture is None else len(self.picture.figure_json)
        return self.curves.nbytes + picture + RUN_OVERHEAD_BYTES


def thin_curves(history: Mapping[str, np.ndarray], max_points: int = MAX_CURVE_POINTS) -> Curves:
    """The train and test loss of a snapshot's history (column -> (n,) array) thinned to
    at most `max_points` epochs, keeping the first, the last and every spike."""
    train = np.asarray(history["train_loss"], dtype=np.float64)
    test = np.asarray(history.get("test_loss", np.full_like(train, np.nan)), dtype=np.float64)
    epochs = np.asarray(history.get("epoch", np.arange(len(train))))
    finite_test = np.where(np.isfinite(test), test, 0.0)
    keep = minmax_indices([train, finite_test], max_points)
    return Curves(epochs[keep].astype(np.int32), to_f32(train[keep]), to_f32(test[keep]))


def main_slot(lab, slots: Sequence) -> Any | None:
    """The chart slot a lab's runs are compared by (MAIN_VIEWS, else the first slot that
    is not a curve), among `slots` with a figure; None if there is none."""
    drawn = [slot for slot in slots if slot.figure_json]
    for key in MAIN_VIEWS.get(lab.name, ()):
        for slot in drawn:
            if slot.key == key:
                return slot
    return next((slot for slot in drawn if slot.key not in CURVE_VIEWS), None)


def main_picture(lab, snap, settings: Mapping[str, Any]) -> tuple[ChartSlot | None, str]:
    """(chart slot, "") of the lab's main view for this snapshot; (None, note) when it is
    not drawn or its figure is larger than MAX_PICTURE_BYTES."""
    slot = main_slot(lab, lab.chart_slots(snap, dict(settings)))
    if slot is None:
        return None, "No picture: this run's main view is not drawn."
    size = len(slot.figure_json)
    if size > MAX_PICTURE_BYTES:
        return None, f"No picture: the {slot.title.lower()} is too large to keep ({size:,} bytes)."
    return slot, ""


def capture(session, number: int) -> PinnedRun:
    """A PinnedRun of the session as it is now (holds its lock while copying)."""
    return _capture(session, number, picture=True, with_record=True)


def watch(session, picture: bool) -> PinnedRun:
    """The current run for a live comparison frame: its curves, and its main view only if
    `picture` (the view costs most: the frames redraw it less often than the curves); no
    record (a lab's record may compute more, e.g. the autoencoder's PCA error)."""
    return _capture(session, 0, picture=picture, with_record=False)


def _capture(session, number: int, *, picture: bool, with_record: bool) -> PinnedRun:
    lab = session.lab
    with session.lock:
        snap = session.snapshot() if picture else None
        history = snap.history if picture else history_now(session)
        settings = dict(session.settings)
        record = dict(session.record()) if with_record else {}
        epoch = int(session.epoch)
        restored = restored_mark(session)
    if "train_loss" not in history:
        raise PinError("This lab's runs have no loss curve to compare.")
    slot, note = main_picture(lab, snap, settings) if picture else (None, "")
    return PinnedRun(number, lab.name, epoch, settings, record, thin_curves(history),
                     slot, note, restored)  # fmt: skip


def restored_mark(session) -> tuple[int, float, float] | None:
    """(epoch, training loss, test loss) of the best weights a patience stop restored in
    `session` (the page's loss chart marks that epoch; labs/restored_view.py), or None (none
    restored, or a lab without stop conditions). A missing loss is NaN."""
    restored = getattr(session, "restored", lambda: None)()
    if restored is None:
        return None
    row = restored.row
    losses = (float(row.get(name, math.nan)) for name in ("train_loss", "test_loss"))
    return (int(restored.epoch), *losses)


def history_now(session) -> Mapping[str, np.ndarray]:
    """The session's per-epoch history (column -> (n,) array) without the pictures of a
    snapshot (call under its lock): a Trainer lab's trainer history, as its snapshot copies
    it (the vision lab's snapshot costs ~40 ms, this ~0.1), else the lab's light snapshot's."""
    history = getattr(getattr(session, "trainer", None), "history", None)
    if isinstance(history, History):
        return {name: history.column(name) for name in history.columns}
    return session.lab.light_snapshot(session).history


class Pins:
    """The pinned runs of one lab in one browser session, oldest first, at most MAX_PINS.

    pin(session) adds the current run (PinError when full); unpin(number), clear().
    """

    def __init__(self, lab_name: str, limit: int = MAX_PINS):
        self.lab_name, self.limit = lab_name, limit
        self.runs: list[PinnedRun] = []
        self._next = 1

    def pin(self, session) -> PinnedRun:
        """Pin the session's current run; raises PinError when `limit` runs are pinned."""
        if len(self.runs) >= self.limit:
            raise PinError(f"At most {self.limit} runs can be pinned: unpin one first.")
        if session.lab.name != self.lab_name:
            raise PinError("A run is compared only with runs of its own lab.")
        run = capture(session, self._next)
        self._next += 1
        self.runs.append(run)
        return run

    def unpin(self, number: int) -> None:
        """Drop the run with this number (nothing if there is none)."""
        self.runs = [run for run in self.runs if run.number != number]

    def clear(self) -> None:
        """Drop every pinned run."""
        self.runs = []

    @property
    def nbytes(self) -> int:
        """An upper bound of the memory the pinned runs keep."""
        return sum(run.nbytes for run in self.runs)


def differing_settings(
    settings: Sequence[Mapping[str, Any]], table: Mapping[str, Any]
) -> list[str]:
    """Names of the table's settings (in table order) whose value is not the same in every
    one of `settings`; those that change only the view (resets "view": how the page looks,
    such as the speed, the plane's axes or the vision lab's shown image) left out."""
    names = []
    for name in table:
        if table[name].resets == "view":
            continue
        values = [s.get(name, table[name].default) for s in settings]
        if any(value != values[0] for value in values[1:]):
            names.append(name)
    return names


def _setting_text(setting, value) -> str:
    return encode(setting, value) if value != () else "(none)"


def _metric_text(value) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    return f"{value:.4g}"


def epoch_text(run: PinnedRun) -> str:
    """The run's epoch, and the epoch of the best weights it holds after a patience stop
    that restored them (its metrics and picture are theirs): "35 (weights of 25)"."""
    restored = run.record.get("restored_epoch")
    return f"{run.epoch}" if restored is None else f"{run.epoch} (weights of {restored})"


def comparison_rows(
    runs: Sequence[PinnedRun], current: PinnedRun, table: Mapping[str, Any]
) -> tuple[list[str], list[list[str]]]:
    """(column names, one row of plain text per run) for the comparison table: the run,
    its epoch, the settings that differ between the runs, and the final metrics the runs
    have (a restored run's are its restored epoch's, as its record says)."""
    everyone = [*runs, current]
    names = differing_settings([run.settings for run in everyone], table)
    metrics = [m for m in METRICS if any(run.record.get(m) is not None for run in everyone)]
    columns = ["run", "epoch", *names, *metrics]
    rows = []
    for run in everyone:
        label = "Current" if run is current else run.label
        cells = [label, epoch_text(run)]
        cells += [_setting_text(table[n], run.settings.get(n, table[n].default)) for n in names]
        cells += [_metric_text(run.record.get(m)) for m in metrics]
        rows.append(cells)
    return columns, rows


CURRENT_KEY = "current"  # the current run's picture slot; a pinned run's is "run<number>"
LOSS_KEY = "compare_loss"
PICTURE_HEIGHT = 320  # the most a picture takes side by side (to scale: less if narrow)


def _picture_slot(run: PinnedRun, label: str) -> ChartSlot | None:
    slot = run.picture
    if slot is None:
        return None
    epoch = f"epoch {epoch_text(run)}"
    note = f"{slot.title}, {epoch}" if slot.title else epoch
    key = CURRENT_KEY if label == "Current" else f"run{run.number}"
    return replace(slot, key=key, title=label, note=note, height=min(slot.height, PICTURE_HEIGHT),
                   modebar=False)  # fmt: skip


def compare_slots(
    runs: Sequence[PinnedRun], current: PinnedRun, log_y: bool = False
) -> list[ChartSlot]:
    """The comparison's charts: every run's loss curves on one chart, then the runs' main
    views (pinned runs first, then the current one; a run without a picture has none)."""
    curves = [(run.label, run.curves.epochs, run.curves.train, run.curves.test) for run in runs]
    curves.append(("Current", current.curves.epochs, current.curves.train, current.curves.test))
    marks = [run.restored for run in [*runs, current]]  # restored epochs, as the page marks
    loss = ChartSlot(LOSS_KEY, figure_json(compare_loss_spec(curves, log_y, marks)),
                     COMPARE_HEIGHT, "Loss of every run", "test solid, training dotted",
                     modebar=True)  # fmt: skip
    labelled = [(run, run.label) for run in runs] + [(current, "Current")]
    return [loss, *(slot for run, label in labelled if (slot := _picture_slot(run, label)))]


def compare_text(slots: Sequence[ChartSlot], **header: Any) -> str:
    """The panel message of comparison slots (playground/live/panel.py): the loss chart
    across the top, the pictures side by side below; header: extra fields (frame,
    playing, feed, token)."""
    keys = [slot.key for slot in slots if slot.key != LOSS_KEY]
    areas = [" ".join([LOSS_KEY] * max(1, len(keys)))]
    if keys:
        areas.append(" ".join(keys))
    columns = f"repeat({max(1, len(keys))}, minmax(0, 1fr))"
    return panel_text(list(slots), areas, columns, **header)


def compare_message(
    runs: Sequence[PinnedRun], current: PinnedRun, log_y: bool = False, **header: Any
) -> str:
    """The comparison as one panel message: compare_text of compare_slots."""
    return compare_text(compare_slots(runs, current, log_y), **header)
