"""The classify lab's views: its view table, their titles for this snapshot, the page's
grid, and the stats row (the wire format they travel in is playground/live/panel.py).
"""

from __future__ import annotations

import math
from dataclasses import replace

from playground.labs.base import View, format_number
from playground.labs.restored_view import marked_loss, restored_stats, shown_row
from playground.live import figures
from playground.live.figures import live_specs
from playground.live.panel import ChartSlot, drawn_to_scale
from playground.plots import figure_json
from playground.snapshot import Snapshot


def _digit_images(snap, settings):
    pair = figures.digits(snap)
    return None if pair is None else pair[0]


def _first_layer_images(snap, settings):
    pair = figures.digits(snap)
    return None if pair is None else pair[1]


# The view table, in page order. A build takes a snapshot whose data names are already
# plot text (figures.with_plot_text_names); chart_slots builds them all at once through
# figures.live_specs, which also applies presentation mode. height 0 = the figure's own
# (a confusion matrix grows with its classes); the boundary's is its largest (it is square,
# as wide as its column); the network stretches to the height of the views beside it.
VIEWS = (
    View("network", "Network", "each square is a neuron's output; point at one to see it large",
         380, False, lambda snap, settings: figures.network(snap, None, settings)),
    View("boundary", "Output", "the network's prediction over the plane", 480, False,
         figures.boundary, zoomable=True),
    View("digits", "Test images", "predicted digit, mistakes in red", 380, False,
         _digit_images),
    View("loss", "", "", 220, False, figures.loss, zoomable=True),
    View("first_layer", "First-layer weights", "as 8×8 images", 0, True, _first_layer_images),
    View("weights", "Weights", "one matrix per layer, last row = biases; each on its own scale",
         0, True, lambda snap, settings: figures.weights(snap)),
    View("grad_norms", "Gradient norms per layer", "how large each layer's ∂L/∂[W; b] is, "
         "log scale: a layer far below the others barely learns (vanishing gradients)", 0,
         True, lambda snap, settings: figures.gradient_norms(snap)),
    View("confusion", "Confusion matrix", "test data", 0, True,
         lambda snap, settings: figures.confusion(snap)),
)  # fmt: skip
VIEWS_BY_KEY = {view.key: view for view in VIEWS}
SLOW_VIEWS = tuple(view.key for view in VIEWS if view.slow)
LINE_HEIGHT = 380  # the output along a line (one input) is not square: a fixed height
# Presentation mode (settings["present"]): the fast views side by side, titles without
# notes, all fitting 1280x720 CSS pixels with the toolbar and the stats.
PRESENT_HEIGHT = 420
PRESENT_COLUMNS = "5fr 4fr 3fr"
SMALL_HEIGHT = 300
NETWORK_WITHOUT_PLANE = ("Network", "lines are weights: blue positive, orange negative")
ALONG_A_LINE = {  # a table with one input column: its views run along that input
    "network": ("Network", "each strip shows what that neuron computes along the input"),
    "boundary": ("Output", "the network's prediction along the input, the points at their targets"),
}
COLUMNS = "5fr 4fr"


def grid(keys: list[str], present: bool = False) -> list[str]:
    """CSS grid rows of chart keys: the network left, the output and the loss right, the
    slowly changing views below ("." is an empty cell); present: all in one row."""
    if present:
        return [" ".join(keys)]
    right = "boundary" if "boundary" in keys else "digits"
    lower = [key for key in SLOW_VIEWS if key in keys]
    rows = [f"network {right}", "network loss"]
    for start in range(0, len(lower), 2):
        pair = lower[start : start + 2]
        rows.append(" ".join(pair + ["."] * (2 - len(pair))))
    return rows


def layout(keys: list[str], settings: dict) -> tuple[list[str], str]:
    """(grid rows, columns) of the page: presentation mode's one row, or grid()'s."""
    present = settings.get("present", False)
    return grid(keys, present), PRESENT_COLUMNS if present else COLUMNS


def _percent(value: float | None) -> str:
    return "—" if value is None or not math.isfinite(value) else f"{100 * value:.1f} %"


def stats(snap: Snapshot) -> list[tuple[str, str]]:
    """(label, formatted value) pairs: the losses of the weights the model holds (after a
    patience stop, the restored epoch's, and which: restored_view) and, for
    classification, accuracy; for regression RMSE and R² (the metrics are computed from
    those weights)."""
    row = shown_row(snap)
    pairs = [
        *restored_stats(snap),
        ("Training loss", format_number(row["train_loss"])),
        ("Test loss", format_number(row["test_loss"])),
    ]
    if snap.task == "regression":
        return pairs + [("Test RMSE", format_number(snap.metrics["rmse"])),
                        ("Test R²", format_number(snap.metrics["r2"]))]  # fmt: skip
    return pairs + [("Test accuracy", _percent(snap.metrics["accuracy"])),
                    ("Training accuracy", _percent(row["train_accuracy"]))]  # fmt: skip


def _height(key: str, spec: dict, present: bool, on_line: bool) -> int:
    """Plot height: fixed for the main views, the figure's own (a confusion matrix grows
    with the classes) for the others."""
    if key == "boundary" and on_line and not present:
        return LINE_HEIGHT
    fixed = VIEWS_BY_KEY[key].height
    if fixed and present:
        return PRESENT_HEIGHT
    return fixed or int(spec["layout"].get("height") or SMALL_HEIGHT)


def _listed(names: tuple[str, ...], shown: int = 4) -> str:
    """ "a, b and c", or the first `shown` names and how many more."""
    if len(names) > shown:
        return f"{', '.join(names[:shown])} and {len(names) - shown} more"
    return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]


def _loss_title(snap: Snapshot, title: str, note: str) -> tuple[str, str]:
    """The loss chart's (title, note): a diagnosis (stuck, oscillating, dead neurons) in
    words, if any."""
    return ("Loss", " ".join(snap.diagnosis)) if snap.diagnosis else (title, note)


def _slot(
    key: str, figure: str, height: int, snap: Snapshot, *, has_plane: bool, on_line: bool,
    present: bool, spec: dict | None = None,
) -> ChartSlot:  # fmt: skip
    view = VIEWS_BY_KEY[key]
    title, note = view.title, view.note
    if key == "network" and not has_plane:
        title, note = NETWORK_WITHOUT_PLANE
    if on_line and key in ALONG_A_LINE:
        title, note = ALONG_A_LINE[key]
    if key == "boundary" and snap.plane is not None and snap.plane.held:
        held = snap.plane.held
        note = (
            f"{note}; {_listed(held)} held at {'its' if len(held) == 1 else 'their'} training mean"
        )
    if key == "loss":
        title, note = _loss_title(snap, title, note)
    if present and key != "loss":
        note = ""  # the teacher explains; one line of title leaves the views more room
    aspect, frame = drawn_to_scale(spec) or (None, (0, 0))
    return ChartSlot(key, figure, height, title, note, view.zoomable, aspect, frame)


def chart_slots(
    snap: Snapshot,
    settings: dict,
    *,
    kept: dict[str, int] | None = None,
    hover_values=None,
) -> list[ChartSlot]:
    """The classify lab's charts for one snapshot.

    kept: {key: height} of slowly changing views (weights, confusion matrix) to leave as
    the browser shows them (sent as empty figures); None rebuilds every view.
    hover_values: (weights, biases) for the network's hover texts, if not the current ones.
    """
    specs = live_specs(snap, settings, kept is None, hover_values)
    if "loss" in specs:  # restored best weights: their epoch marked on the curves
        specs["loss"] = marked_loss(specs["loss"], snap)
    present = settings.get("present", False)
    where = {"has_plane": "boundary" in specs, "on_line": snap.line is not None,
             "present": present}  # fmt: skip
    slots = [_slot(k, figure_json(spec), _height(k, spec, present, where["on_line"]), snap,
                   spec=spec, **where)
             for k, spec in specs.items()]  # fmt: skip
    slots += [_slot(k, "", height, snap, **where) for k, height in (kept or {}).items()
              if k not in specs]  # fmt: skip
    return slots


LIGHT_REBUILT = ("digits",)
"""Fast views the server still draws in light frames, on the slow views' turn: the test
images' predictions change seldom once trained, and are then sent only when changed."""


def light_slots(
    snap: Snapshot, settings: dict, slots: list[ChartSlot], slow: bool
) -> list[ChartSlot]:
    """The slots of a light frame (see Lab.light_slots) from the last whole frame's: the
    figures kept, but with `slow` the slow views and LIGHT_REBUILT built from this
    (light) snapshot; the loss chart's title follows its diagnosis."""
    named = figures.with_plot_text_names(snap) if slow else snap
    out = []
    for slot in slots:
        view, figure = VIEWS_BY_KEY[slot.key], ""
        if slow and (view.slow or slot.key in LIGHT_REBUILT):
            spec = view.build(named, settings)
            figure = "" if spec is None else figure_json(spec)
        title, note = slot.title, slot.note
        if slot.key == "loss":
            title, note = _loss_title(snap, VIEWS_BY_KEY["loss"].title, VIEWS_BY_KEY["loss"].note)
        out.append(replace(slot, figure_json=figure, title=title, note=note))
    return out
