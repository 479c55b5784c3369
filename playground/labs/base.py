"""What a lab is: its settings table, its views, and the session a user trains in.

A `Lab` is static (one per kind of model, no per-user state); `Lab.open(settings)` makes a
`LabSession`, one user's running model. The live feed, the page frame (toolbar, epoch
counter, live element, messages, URL) and the command line use only what is written here.
No streamlit.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol

from playground import config
from playground.config.locks import Locked
from playground.config.setting import Setting
from playground.data import DataError
from playground.labs.restored_view import restored_stats, shown_row
from playground.live.panel import ChartSlot, drawn_to_scale
from playground.plots import figure_json

LAB_PARAM = "lab"
"""The query parameter that names a lab (the command line's; a page knows its lab by its
path). It is never a setting, so the settings machinery does not see it."""


@dataclass(frozen=True)
class View:
    """One row of a lab's view table.

    key: the chart's key, also its CSS grid area. title: bold title; note: plain text after
    it. height: plot height in px. slow: rebuilt on every SLOW_VIEW_EVERY-th live frame
    only, LIGHT_SLOW_EVERY-th in light frames (live/feed.py; it changes slowly and costs the
    browser time to redraw: weights, confusion).
    build(snap, settings): the figure spec (a plain dict), or None = not shown for this
    snapshot. zoomable: Plotly's modebar on hover.
    """

    key: str
    title: str
    note: str
    height: int
    slow: bool
    build: Callable[[Any, Mapping[str, Any]], dict | None]
    zoomable: bool = False


class LabSession(Protocol):
    """One user's running lab; every public method holds `lock`.

    snapshot() returns plain arrays for the views (copies, safe to read without the lock)
    with .epoch, .batch, .batches, .status, .message and .history (column name -> array,
    at least "train_loss" and "test_loss"). model_version grows by one whenever the model
    is rebuilt (the live feed then redraws every view).
    """

    lab: Lab
    lock: threading.RLock
    settings: dict
    playing: bool
    model_version: int

    @property
    def epoch(self) -> int: ...

    def update(self, new_settings: Mapping[str, Any]) -> str | None: ...
    def reset(self) -> None: ...
    def step(self) -> int: ...
    def set_playing(self, playing: bool) -> bool: ...
    def advance(self, seconds: float) -> int: ...
    def snapshot(self) -> Any: ...
    def min_frame_seconds(self) -> float: ...
    def take_notes(self) -> list[str]: ...
    def record(self) -> dict: ...


class Lab:
    """A kind of model with its own settings table, views and session (subclass it).

    name: the `lab=` query value and the command line's name. path: its page's URL path
    ("" = the app's root). title: the page title and menu entry. summary: two plain
    sentences for the home page. icon: a Material icon for the menu. table: its settings,
    name -> Setting (the only list of them). setups: data set name -> the settings its
    suggested setup changes (the URL is written against it; see config.query). views: its
    view table, in page order. counter: what the page's counter counts (its label: "Epoch",
    "Episode"). stop_setting: the table's setting that stops training after that many
    (0 = never). buttons: the toolbar's buttons (config.BUTTONS, or the same names with
    labels and help that fit the lab's unit). group_notes: group -> the sentence under its
    panel's title where the generic one (ui/sidebar.GROUP_NOTES) does not fit the lab.
    import_note: a sentence the model importer's help adds for this lab's models ("" none).
    """

    name: str = ""
    path: str = ""
    title: str = ""
    summary: str = ""
    icon: str = ":material/science:"
    table: Mapping[str, Setting] = {}
    setups: Mapping[str, Mapping[str, Any]] = {}
    views: tuple[View, ...] = ()
    counter: str = "Epoch"
    stop_setting: str = "max_epochs"
    buttons: tuple[config.Button, ...] = config.BUTTONS
    group_notes: Mapping[str, str] = {}
    import_note: str = ""

    # --- settings ----------------------------------------------------------------------
    def settings_from_query(
        self, query: Mapping[str, str | list[str]]
    ) -> tuple[dict[str, Any], list[str]]:
        """(settings, notes) from a URL query; never raises. `lab=` is not a setting."""
        params = {k: v for k, v in query.items() if k != LAB_PARAM}
        return config.from_query(params, self.table, self.setups)

    def to_query(self, settings: Mapping[str, Any]) -> dict[str, str]:
        """The query params of valid settings: only non-default values; round-trips."""
        return config.to_query(settings, self.table, self.setups)

    def defaults(self) -> dict[str, Any]:
        """Every setting at its default."""
        return config.defaults(self.table)

    def page_change(
        self, old: Mapping[str, Any], changes: Mapping[str, Any], locked: Locked | None = None
    ) -> tuple[dict[str, Any], list[str], list[str]]:
        """The settings after the page changes `changes` (widget values, validated here)
        from `old`: (new settings, notes, notes to show after the session's own). Settings
        that follow a changed one take their new default; hidden settings, and `hide`,
        keep their values whatever a widget message says; the table's rules apply.
        locked: settings an assignment locks (name -> value): a change of one is refused
        with a note and no rule moves one (an override must keep this; tested per lab)."""
        changes, lock_notes = config.refuse_locked(changes, locked or {}, self.table)
        new, notes = dict(old), lock_notes
        for name, raw in changes.items():
            new[name], note = config.validate(name, raw, self.table)
            notes += [note] if note else []
        new = config.follow_up(old, new, changes, self.table)
        new, kept = config.keep_hidden(old, new, self.table)
        notes += [f"'{name}' is fixed by this page's link; it stays as it is."
                  for name in kept if name in changes]  # fmt: skip
        new, rule_notes = config.reconcile(new, self.table)
        return config.hold_locked(new, locked or {}, self.table), notes + rule_notes, []

    # --- the model ---------------------------------------------------------------------
    def start(self, query: Mapping[str, str | list[str]]) -> tuple[LabSession, list[str]]:
        """A session for a page opened with this URL query, and notes for the page (values
        not used as given). If the lab cannot open those settings (DataError), it opens
        its defaults and says why. Never raises for a bad query."""
        settings, notes = self.settings_from_query(query)
        try:
            session = self.open(settings)
        except DataError as error:
            notes.append(f"{error} Starting with this lab's defaults instead.")
            session = self.open(self.defaults())
        return session, notes + session.take_notes()

    def open(self, settings: Mapping[str, Any]) -> LabSession:
        """A new session with these (valid) settings; may raise DataError (a message for
        the page)."""
        raise NotImplementedError

    # --- a model from a file (teaching/model_import.py) --------------------------------
    def open_model(self, settings: dict[str, Any], model: dict, current: LabSession) -> LabSession:
        """The session an imported model.json opens before its weights go in: `settings`
        are the file's (validated as a URL's), `model` the file's JSON (its format, lab and
        network checked), `current` the page's session (only read, e.g. for an uploaded
        file). A lab whose file carries more about its data checks it here and raises
        teaching.model_file.ModelFileError; DataError for data it cannot open. The
        importer then checks the network against this session's and puts the weights
        in. Default: open(settings)."""
        return self.open(settings)

    # --- the views ---------------------------------------------------------------------
    def view(self, key: str) -> View:
        """The view with this key (KeyError if none)."""
        return next(v for v in self.views if v.key == key)

    def slow_keys(self) -> frozenset[str]:
        """Keys of the views rebuilt on slow frames only."""
        return frozenset(v.key for v in self.views if v.slow)

    def chart_slots(self, snap, settings: Mapping[str, Any], *, kept=None, slow_snap=None):
        """The charts for one snapshot (see playground.live.panel.ChartSlot), in page order.

        kept: {key: height} of slow views to leave as the browser shows them (sent as empty
        figures), None = rebuild every view; slow_snap: the snapshot the kept views were
        drawn from (a lab whose fast views refer to them may use it). This default builds
        the view table; a lab with views that depend on more may override it.
        """
        slots = []
        for view in self.views:
            if kept is not None and view.slow:
                if view.key in kept:
                    slots.append(view_slot(view, None, kept[view.key]))
                continue
            spec = view.build(snap, settings)
            if spec is not None:
                slots.append(view_slot(view, spec))
        return slots

    # --- light frames: the browser draws from the weights (optional) ------------------
    def paint_key(self, session, settings: Mapping[str, Any]):
        """What the browser-drawn pictures depend on besides the weights (compared with
        the last whole frame's), or None: this lab's frames are all server-drawn (the
        default)."""
        return None

    def light_snapshot(self, session):
        """A snapshot without the pictures the browser draws (called only if paint_key
        is not None)."""
        return session.snapshot()

    def paint_static(self, session, snap, settings: Mapping[str, Any]) -> dict | None:
        """What the light frames after this whole one need besides the snapshot (for
        paint_header) if the browser can draw this snapshot's changing pictures, else None
        (the default: server-drawn frames)."""
        return None

    def paint_header(self, snap, static: dict) -> dict:
        """The header fields of a light frame (and of the whole frame before it), e.g.
        ``model`` (the weights and the plane's recipe) and ``links``: from the snapshot and
        paint_static's ``static``."""
        raise NotImplementedError

    def light_slots(self, snap, settings: Mapping[str, Any], slots: list, slow: bool) -> list:
        """The slots of a light frame, from the last whole frame's `slots`: every figure
        kept (""), titles as they were; slow: the slowly changing views' turn to be rebuilt
        (a lab that can, from this light snapshot, sends them). Default: all kept."""
        return [replace(slot, figure_json="") for slot in slots]

    def layout(self, keys: list[str], settings: Mapping[str, Any]) -> tuple[list[str], str]:
        """(CSS grid-template-areas rows, grid-template-columns) for these chart keys.
        Default: two columns, the views in order, row by row."""
        rows = [
            keys[i : i + 2] + ["."] * (2 - len(keys[i : i + 2])) for i in range(0, len(keys), 2)
        ]
        return [" ".join(row) for row in rows], "1fr 1fr"

    def stats(self, snap) -> list[tuple[str, str]]:
        """(label, formatted value) pairs for the stats row: the losses of the weights the
        model holds (restored_view: the restored epoch's, and which, after a patience stop)."""
        row = shown_row(snap)
        return [*restored_stats(snap), ("Training loss", format_number(row["train_loss"])),
                ("Test loss", format_number(row["test_loss"]))]  # fmt: skip


def view_slot(view: View, spec: dict | None, height: int | None = None) -> ChartSlot:
    """The chart slot of a view with figure `spec` (None = keep the figure shown, at
    `height`): its title, note, height (the figure's own if the view's is 0), modebar and,
    for a figure drawn to scale, its aspect."""
    if height is None:
        height = view.height or int((spec or {}).get("layout", {}).get("height") or 300)
    figure = "" if spec is None else figure_json(spec)
    aspect, frame = drawn_to_scale(spec) or (None, (0, 0))
    return ChartSlot(view.key, figure, height, view.title, view.note, view.zoomable, aspect, frame)


def format_number(value: float | None) -> str:
    """A loss or metric for the stats row: 3 decimals, 3 digits when huge, "—" if none."""
    if value is None or not math.isfinite(value):
        return "—"
    return f"{value:.3f}" if abs(value) < 1000 else f"{value:.3g}"  # a diverged loss is huge
