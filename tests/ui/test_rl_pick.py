"""A cell clicked on the grid world: only a {"row", "column"} message naming a cell of the
world gets through, and what it does (inspect or paint) passes the layout checks."""

import pytest

from playground.ui.rl_pick import CLICK_MODES, MAX_PAYLOAD_CHARS, click_changes, parse_cell

ROOM = ["S..", "...", "..G"]


def test_a_clicked_cell_is_parsed():
    assert parse_cell({"row": 2, "column": 0}, 3, 4) == (2, 0)
    assert parse_cell({"row": 1.0, "column": 3}, 3, 4) == (1, 3)
    assert parse_cell('{"row": 0, "column": 0}', 3, 4) == (0, 0)


@pytest.mark.parametrize(
    "raw",
    [
        None,
        7,
        "not json",
        [1, 2],
        {"row": 1},
        {"row": 1, "column": 1, "kind": "#"},  # a click says where, never what
        {"row": "1", "column": 1},
        {"row": True, "column": 1},
        {"row": 1.5, "column": 1},
        {"row": float("nan"), "column": 1},
        {"row": -1, "column": 1},
        {"row": 3, "column": 1},  # one past the last row
        {"row": 1, "column": 4},  # one past the last column
        {"row": 10**40, "column": 0},
        {"row": None, "column": 0},
        '{"row": 1, "column": ' + "1" * MAX_PAYLOAD_CHARS + "}",
        "[" * 900 + "]" * 900,
    ],
)
def test_anything_else_is_ignored(raw):
    assert parse_cell(raw, 3, 4) is None


def test_inspect_picks_the_cell_whose_q_values_are_shown():
    assert click_changes(ROOM, "inspect", (2, 1)) == ({"cell_row": 3, "cell_column": 2}, None)


def test_painting_a_cell_changes_the_layout_setting():
    assert click_changes(ROOM, "wall", (1, 1)) == ({"layout": "S../.#./..G"}, None)
    assert click_changes(ROOM, "pit", (0, 2)) == ({"layout": "S.X/.../..G"}, None)
    assert click_changes(ROOM, "start", (1, 0)) == ({"layout": ".../S../..G"}, None)
    assert click_changes(ROOM, "goal", (0, 1)) == ({"layout": "SG./.../..G"}, None)
    assert click_changes(["S#.", "#..", "..G"], "empty", (0, 1)) == (
        {"layout": "S../#../..G"},
        None,
    )
    assert click_changes(ROOM, "empty", (1, 1)) == ({}, None)  # already empty: no change


@pytest.mark.parametrize(
    "layout, mode, cell, words",
    [
        (ROOM, "wall", (0, 0), "a layout needs exactly one start S, this one has 0"),
        (ROOM, "empty", (2, 2), "a layout needs at least one goal G"),
        (
            ["S.#", ".#.", "..G"],
            "pit",
            (2, 1),
            "no goal G can be reached from the start S (walls # or pits X in the way)",
        ),
    ],
)
def test_a_layout_the_checks_refuse_gets_a_message_and_no_change(layout, mode, cell, words):
    changes, message = click_changes(layout, mode, cell)
    assert changes == {}
    row, column = cell
    assert message == f"The cell at row {row + 1}, column {column + 1} stays as it is: {words}."


def test_every_paint_mode_paints_a_layout_character():
    assert CLICK_MODES["inspect"] is None
    assert {kind for kind in CLICK_MODES.values() if kind} == set("#XGS.")
