"""Layouts: the ready ones, the text a URL gives, and clear messages for bad ones."""

import re

import pytest

from playground.envs import LAYOUTS, GridWorld, LayoutError, parse_layout
from playground.envs.layouts import MAX_SIDE, goal_distances, paint_cell


def test_every_ready_layout_is_valid_and_the_default_is_6_by_6():
    for name in LAYOUTS:
        assert parse_layout(name) == list(LAYOUTS[name])
    env = GridWorld()
    assert (env.rows, env.columns) == (6, 6)
    assert env.layout == list(LAYOUTS["room"])


def test_rows_separated_by_slashes_or_new_lines():
    assert parse_layout("S.#/X.G") == ["S.#", "X.G"]
    assert parse_layout(" S.#\nX.G \n") == ["S.#", "X.G"]
    assert parse_layout(("S.", ".G")) == ["S.", ".G"]


@pytest.mark.parametrize(
    "layout, words",
    [
        ("mountains", "unknown layout 'mountains'"),
        ("S.Q/..G", "row 1 has the character 'Q'; use only: # wall, X pit, G goal"),
        ("S../.G", "every row needs 3 cells like row 1; row 2 has 2"),
        ("S.G", "a layout needs 2 to 12 rows, got 1"),
        ("/".join(["S" + "." * 12] + ["." * 12 + "G"]), "a row needs 2 to 12 cells"),
        ("/".join(["S."] + [".."] * 11 + ["G."]), "a layout needs 2 to 12 rows, got 13"),
        ("S../...", "at least one goal"),
        ("S.G/S..", "exactly one start S, this one has 2"),
        ("..G/...", "exactly one start S, this one has 0"),
        ("S#G/##.", "no goal G can be reached from the start S"),
        ("SXG/X..", "no goal G can be reached"),
        ("." * 1000, "at most 12 rows of 12 cells"),
        (42, "a list of rows"),
    ],
)
def test_bad_layouts_get_a_message_a_student_can_act_on(layout, words):
    with pytest.raises(LayoutError, match=re.escape(words)):
        parse_layout(layout)


def test_the_largest_grid_is_allowed():
    rows = ["S" + "." * (MAX_SIDE - 1)] + ["." * MAX_SIDE] * (MAX_SIDE - 2) + ["." * 11 + "G"]
    assert len(parse_layout("/".join(rows))) == MAX_SIDE


def test_goal_distances_go_round_walls_and_pits():
    distances = goal_distances(["S.#G", ".X..", "...."])
    assert distances[(0, 0)] == 7  # round the pit, below it
    assert distances[(1, 3)] == 1
    assert (1, 1) not in distances and (0, 2) not in distances


def test_painting_a_cell_changes_that_cell_only_and_a_new_start_moves_the_start():
    rows = ["S..", "..G"]
    assert paint_cell(rows, 1, 0, "#") == ["S..", "#.G"]
    assert paint_cell(rows, 0, 2, "X") == ["S.X", "..G"]
    assert paint_cell(rows, 1, 1, "S") == ["...", ".SG"]  # one start, moved
    assert paint_cell(rows, 0, 0, ".") == ["...", "..G"]  # unchecked: check_layout says why
    assert rows == ["S..", "..G"]  # the layout given is left as it was


def test_painting_refuses_an_unknown_kind_or_a_cell_off_the_grid():
    with pytest.raises(ValueError, match="unknown cell kind"):
        paint_cell(["S.", ".G"], 0, 1, "Q")
    for row, column in ((2, 0), (0, 2), (-1, 0)):
        with pytest.raises(IndexError, match="outside the grid"):
            paint_cell(["S.", ".G"], row, column, "#")
