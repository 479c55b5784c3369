"""The live panel's wire format: one text message with every chart and number the page shows.

A message is a JSON header line, then one line per chart slot with that chart's figure JSON
(an empty line keeps the figure the browser already shows). The header carries the CSS grid
layout, the slots (key, height, title, note) and, for a lab's panel, the epoch, the stats,
whether training is playing, a frame number (the browser never draws an older frame over a
newer one), the live feed's address and whether the element reruns the page when its feed
stops (``rerun_on_stop``, default true). live_chart.js reads it; the page (ui/views.py) and
the live feed (feed.py) both write it through ``message``. Generic: a lab supplies its
charts (Lab.chart_slots), their grid (Lab.layout) and its stats (Lab.stats).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


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


def slow_heights(lab, slots: list[ChartSlot]) -> dict[str, int]:
    """{key: height} of the lab's slowly changing views among ``slots`` (for ``kept``)."""
    slow = lab.slow_keys()
    return {s.key: s.height for s in slots if s.key in slow}


def message(lab, slots: list[ChartSlot], snap, settings: dict, **header: Any) -> str:
    """A lab's panel message: the charts on the lab's grid for these settings, with the
    epoch, the counter's label (the lab's unit: "Epoch", "Episode"), the lab's stats and,
    while an epoch is under way, [batches done, batches in it] in the header; header:
    extra fields (frame, playing, feed, token)."""
    areas, columns = lab.layout([s.key for s in slots], settings)
    batch = [snap.batch, snap.batches] if snap.batch else None
    return panel_text(slots, areas, columns, epoch=snap.epoch, counter=lab.counter,
                      batch=batch, stats=lab.stats(snap), **header)  # fmt: skip


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


def capped_message(
    lab, slots: list[ChartSlot], snap, settings: dict, **header: Any
) -> tuple[str, str | None]:
    """(message, None), or, when the message would exceed MAX_FRAME_BYTES, (the same
    header without charts, the refusal): the page then shows the refusal, not the views."""
    text = message(lab, slots, snap, settings, **header)
    refusal = frame_refusal(text)
    if refusal is None:
        return text, None
    return message(lab, [], snap, settings, **{**header, "playing": False}), refusal
