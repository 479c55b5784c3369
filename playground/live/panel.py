"""The live panel's wire format: one text message with every chart and number the page shows.

A message is a JSON header line, then one line per chart slot with that chart's figure JSON
(an empty line keeps the figure the browser already shows). The header carries the CSS grid
layout, the slots (key, height, title, note) and, for the playground's panel, the epoch, the
stats, whether training is playing, a frame number (the browser never draws an older frame
over a newer one) and the live feed's address. live_chart.js reads it; the page
(ui/views.py) and the live feed (feed.py) both write it through ``compose``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from playground.live.figures import live_specs
from playground.plots import figure_json
from playground.snapshot import Snapshot


@dataclass(frozen=True)
class ChartSlot:
    """One chart of a panel: its key (also its CSS grid area), the figure JSON ("" = keep
    the figure shown), the plot height in pixels, and an optional bold title with a note
    after it (plain text). modebar: show Plotly's zoom buttons on hover. aspect: for a
    view drawn to scale, its plot area's width / height, and frame its margins (across,
    down) in px: its height then follows its column's width, up to `height`, so a narrow
    column shows no blank bands above and below it."""

    key: str
    figure_json: str
    height: int
    title: str = ""
    note: str = ""
    modebar: bool = True
    aspect: float | None = None
    frame: tuple[int, int] = (0, 0)


def panel_text(slots: list[ChartSlot], areas: list[str], columns: str, **header: Any) -> str:
    """The message for live_chart.js: header line + one figure line per slot.

    areas: CSS grid-template-areas rows naming the slot keys, e.g. ["network boundary"];
    columns: CSS grid-template-columns, e.g. "5fr 4fr"; header: extra JSON-safe fields
    (epoch, stats, playing, frame, feed). Figures are sent as they are (no second JSON
    encoding); a stray line break in one is whitespace between tokens, so it becomes a space.
    """
    head = {
        "areas": " ".join(json.dumps(row) for row in areas),
        "columns": columns,
        "slots": [{"key": s.key, "height": s.height, "title": s.title, "note": s.note,
                   "modebar": s.modebar, "aspect": s.aspect, "frame": list(s.frame)}
                  for s in slots],
        **header,
    }  # fmt: skip
    figures = [s.figure_json.replace("\n", " ") for s in slots]
    return "\n".join([json.dumps(head), *figures])


# --- the playground's panel ------------------------------------------------------------
# Plot heights in pixels; the boundary's is its largest (it is square, as wide as its
# column). The network stretches to the height of the views beside it.
HEIGHTS = {"network": 380, "boundary": 480, "digits": 380, "loss": 220}
LINE_HEIGHT = 380  # the output along a line (one input) is not square: a fixed height
# Presentation mode (settings["present"]): the fast views side by side, titles without
# notes, all fitting 1280x720 CSS pixels with the toolbar and the stats.
PRESENT_HEIGHTS = {"network": 420, "boundary": 420, "digits": 420, "loss": 420}
PRESENT_COLUMNS = "5fr 4fr 3fr"
SMALL_HEIGHT = 300
ZOOMABLE = ("boundary", "loss")  # the views with Plotly's zoom buttons (modebar)
TITLES = {  # chart key -> (bold title, note after it)
    "network": ("Network", "each square is a neuron's output; point at one to see it large"),
    "boundary": ("Output", "the network's prediction over the plane"),
    "digits": ("Test images", "predicted digit, mistakes in red"),
    "weights": ("Weights", "one matrix per layer, last row = biases; each on its own scale"),
    "first_layer": ("First-layer weights", "as 8×8 images"),
    "confusion": ("Confusion matrix", "test data"),
    "loss": ("", ""),
}
NETWORK_WITHOUT_PLANE = ("Network", "lines are weights: blue positive, orange negative")
ALONG_A_LINE = {  # a table with one input column: its views run along that input
    "network": ("Network", "each strip shows what that neuron computes along the input"),
    "boundary": ("Output", "the network's prediction along the input, the points at their targets"),
}
COLUMNS = "5fr 4fr"
SLOW_VIEWS = ("weights", "first_layer", "confusion")


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


def _number(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return "—"
    return f"{value:.3f}" if abs(value) < 1000 else f"{value:.3g}"  # a diverged loss is huge


def _percent(value: float | None) -> str:
    return "—" if value is None or not math.isfinite(value) else f"{100 * value:.1f} %"


def stats(snap: Snapshot) -> list[tuple[str, str]]:
    """(label, formatted value) pairs: the current losses and, for classification,
    accuracy; for regression RMSE and R²."""
    h = snap.history
    pairs = [
        ("Training loss", _number(float(h["train_loss"][-1]))),
        ("Test loss", _number(float(h["test_loss"][-1]))),
    ]
    if snap.task == "regression":
        return pairs + [("Test RMSE", _number(snap.metrics["rmse"])),
                        ("Test R²", _number(snap.metrics["r2"]))]  # fmt: skip
    return pairs + [("Test accuracy", _percent(snap.metrics["accuracy"])),
                    ("Training accuracy", _percent(float(h["train_accuracy"][-1])))]  # fmt: skip


def _height(key: str, spec: dict, present: bool, on_line: bool) -> int:
    """Plot height: fixed for the main views, the figure's own (a confusion matrix grows
    with the classes) for the others."""
    if key == "boundary" and on_line and not present:
        return LINE_HEIGHT
    fixed = PRESENT_HEIGHTS if present else HEIGHTS
    return fixed.get(key) or int(spec["layout"].get("height") or SMALL_HEIGHT)


def _listed(names: tuple[str, ...], shown: int = 4) -> str:
    """ "a, b and c", or the first `shown` names and how many more."""
    if len(names) > shown:
        return f"{', '.join(names[:shown])} and {len(names) - shown} more"
    return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]


def drawn_to_scale(spec: dict | None) -> tuple[float, tuple[int, int]] | None:
    """(plot area width / height, (margins across, margins down) in px) of a figure whose
    y axis is tied to its x axis (scaleanchor: the plane, the network, image mosaics), or
    None. A y unit takes scaleratio times an x unit's pixels."""
    layout = (spec or {}).get("layout", {})
    x_axis, y_axis = layout.get("xaxis", {}), layout.get("yaxis", {})
    if y_axis.get("scaleanchor") != "x" or "range" not in x_axis or "range" not in y_axis:
        return None
    (x0, x1), (y0, y1) = x_axis["range"], y_axis["range"]
    aspect = abs(x1 - x0) / (abs(y1 - y0) * y_axis.get("scaleratio", 1))
    margin = layout.get("margin", {})
    frame = (round(margin.get("l", 0) + margin.get("r", 0)),
             round(margin.get("t", 0) + margin.get("b", 0)))  # fmt: skip
    return round(aspect, 4), frame


def _slot(
    key: str, figure: str, height: int, snap: Snapshot, *, has_plane: bool, on_line: bool,
    present: bool, spec: dict | None = None,
) -> ChartSlot:  # fmt: skip
    title, note = TITLES[key]
    if key == "network" and not has_plane:
        title, note = NETWORK_WITHOUT_PLANE
    if on_line and key in ALONG_A_LINE:
        title, note = ALONG_A_LINE[key]
    if key == "boundary" and snap.plane is not None and snap.plane.held:
        held = snap.plane.held
        note = (
            f"{note}; {_listed(held)} held at {'its' if len(held) == 1 else 'their'} training mean"
        )
    if key == "loss" and snap.diagnosis:  # stuck, oscillating, dead neurons: in words
        title, note = "Loss", " ".join(snap.diagnosis)
    if present and key != "loss":
        note = ""  # the teacher explains; one line of title leaves the views more room
    aspect, frame = drawn_to_scale(spec) or (None, (0, 0))
    return ChartSlot(key, figure, height, title, note, key in ZOOMABLE, aspect, frame)


def chart_slots(
    snap: Snapshot,
    settings: dict,
    *,
    kept: dict[str, int] | None = None,
    hover_values=None,
) -> list[ChartSlot]:
    """The playground's charts for one snapshot.

    kept: {key: height} of slowly changing views (weights, confusion matrix) to leave as
    the browser shows them (sent as empty figures); None rebuilds every view.
    hover_values: (weights, biases) for the network's hover texts, if not the current ones.
    """
    specs = live_specs(snap, settings, kept is None, hover_values)
    present = settings.get("present", False)
    where = {"has_plane": "boundary" in specs, "on_line": snap.line is not None,
             "present": present}  # fmt: skip
    slots = [_slot(k, figure_json(spec), _height(k, spec, present, where["on_line"]), snap,
                   spec=spec, **where)
             for k, spec in specs.items()]  # fmt: skip
    slots += [_slot(k, "", height, snap, **where) for k, height in (kept or {}).items()
              if k not in specs]  # fmt: skip
    return slots


def slow_heights(slots: list[ChartSlot]) -> dict[str, int]:
    """{key: height} of the slowly changing views among ``slots`` (for ``kept``)."""
    return {s.key: s.height for s in slots if s.key in SLOW_VIEWS}


def message(slots: list[ChartSlot], snap: Snapshot, present: bool = False, **header: Any) -> str:
    """The playground's panel message: the charts on the page's grid (present:
    presentation mode's one row), with the epoch, the stats and, while an epoch is under
    way, [batches done, batches in it] in the header; header: extra fields (frame, playing,
    feed)."""
    areas = grid([s.key for s in slots], present)
    columns = PRESENT_COLUMNS if present else COLUMNS
    batch = [snap.batch, snap.batches] if snap.batch else None
    return panel_text(slots, areas, columns, epoch=snap.epoch, batch=batch, stats=stats(snap),
                      **header)  # fmt: skip


MAX_FRAME_BYTES = 1_000_000
"""Largest panel message the server sends. The largest the data caps allow measured 430 KB
(10,000 rows, 100 inputs, 8 x 64 neurons, 20 classes, names at their length cap); the
defaults send ~30 KB. A bigger one would stall the browser and the shared server."""


def frame_refusal(text: str) -> str | None:
    """Why a panel message is too large to send (plain text for the page), or None."""
    size = len(text.encode())
    if size <= MAX_FRAME_BYTES:
        return None
    return (
        f"The views at this moment would take {size / 1e6:.1f} MB to send, over the limit of "
        f"{MAX_FRAME_BYTES / 1e6:g} MB, so they are not drawn and training is paused. Choose "
        "fewer inputs, neurons or rows."
    )


def capped_message(slots: list[ChartSlot], snap: Snapshot, **header: Any) -> tuple[str, str | None]:
    """(message, None), or, when the message would exceed MAX_FRAME_BYTES, (the same
    header without charts, the refusal): the page then shows the refusal, not the views."""
    text = message(slots, snap, **header)
    refusal = frame_refusal(text)
    if refusal is None:
        return text, None
    return message([], snap, **{**header, "playing": False}), refusal
