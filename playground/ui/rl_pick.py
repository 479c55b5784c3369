"""A click on a cell of the reinforcement lab's world or policy: inspect its Q-values, or
paint it (wall, pit, goal, start, empty).

The browser sends the clicked cell (live_js/grid_pick.js) as the live element's "pick"
trigger. It is untrusted like any widget message: only {"row": int, "column": int} naming
a cell of the world shown is taken; anything else is ignored (a stray click is no error
worth a message). What the click does is the page's "Click a cell to" choice: inspect sets
the view settings cell_row and cell_column (so the URL keeps the cell), a kind paints the
cell and changes the layout setting like the text editor, through the same checks; a
layout they refuse (no start, no goal, no goal the start can reach) gets a message and
changes nothing.
"""

import json
from typing import Any

import streamlit as st

from playground.envs import layouts
from playground.ui import state
from playground.ui.learn_pick import PICK_TRIGGER

MODE_KEY = "rl_click"  # the page's "Click a cell to" choice
INSPECT = "inspect"
# mode -> the layout character it paints (None: inspect, paints nothing), in menu order
CLICK_MODES = {INSPECT: None, "wall": layouts.WALL, "pit": layouts.PIT,
               "goal": layouts.GOAL, "start": layouts.START, "empty": layouts.EMPTY}  # fmt: skip
# short: the six fit in one row on a phone
MODE_LABELS = {INSPECT: "Inspect", "wall": "Wall", "pit": "Pit", "goal": "Goal",
               "start": "Start", "empty": "Empty"}  # fmt: skip
MAX_PAYLOAD_CHARS = 100  # a real payload is under 30 characters


def parse_cell(raw: Any, rows: int, columns: int) -> tuple[int, int] | None:
    """The clicked cell as (row, column), counted from 0 at the top left, or None if `raw`
    is anything but a {"row": ..., "column": ...} object (or its JSON text) naming a cell of
    a rows x columns grid."""
    if isinstance(raw, str):
        if len(raw) > MAX_PAYLOAD_CHARS:
            return None
        try:
            raw = json.loads(raw)
        except (ValueError, RecursionError):
            return None
    if not isinstance(raw, dict) or set(raw) != {"row", "column"}:
        return None
    cell = []
    for value, size in ((raw["row"], rows), (raw["column"], columns)):
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # JSON has one number type
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < size:
            return None
        cell.append(value)
    return cell[0], cell[1]


def click_changes(
    layout: list[str], mode: str, cell: tuple[int, int]
) -> tuple[dict[str, Any], str | None]:
    """(settings changes, message) for a click on `cell` of `layout` in `mode` (a key of
    CLICK_MODES): inspect -> the cell's 1-based cell_row and cell_column; a kind -> the
    painted layout (rows joined by "/"), or no changes and a message saying why the
    layout checks refuse it; ({}, None) when the cell already is that kind."""
    row, column = cell
    kind = CLICK_MODES[mode]
    if kind is None:
        return {"cell_row": row + 1, "cell_column": column + 1}, None
    if layout[row][column] == kind:
        return {}, None
    painted = layouts.paint_cell(layout, row, column, kind)
    try:
        layouts.check_layout(painted)
    except layouts.LayoutError as error:
        where = f"row {row + 1}, column {column + 1}"
        return {}, f"The cell at {where} stays as it is: {error}."
    return {"layout": "/".join(painted)}, None


def apply_cell_click(key: str) -> None:
    """The callback of the live element `key`'s pick trigger on the reinforcement lab's
    page: inspect or paint the clicked cell, as the "Click a cell to" choice says. A
    setting the teacher's link hides is not changed."""
    result = st.session_state.get(key) or {}
    raw = result.get(PICK_TRIGGER) if hasattr(result, "get") else None
    session = state.playground()
    env = getattr(session, "env", None)
    if env is None:
        return  # not the grid world's session
    cell = parse_cell(raw, env.rows, env.columns)
    mode = st.session_state.get(MODE_KEY) or INSPECT
    if cell is None or mode not in CLICK_MODES:
        return
    changed = ("cell_row", "cell_column") if mode == INSPECT else ("layout",)
    if any(state.hidden(name) for name in changed):
        return
    changes, message = click_changes(list(env.layout), mode, cell)
    if message:
        state.report_error(message)
    elif changes:
        state.change_settings(**changes)
