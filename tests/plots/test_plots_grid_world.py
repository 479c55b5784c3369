"""The grid world's figures and the per-episode curves."""

import numpy as np

from playground.plots.episodes import episodes_spec, moving_average
from playground.plots.grid_world import CELL_KINDS, policy_spec, q_bars_spec, world_spec
from playground.plots.layout import as_figure

LAYOUT = ["S.#", "X.G"]
FREE = np.array([True, True, False, False, True, False])


def test_the_world_shows_each_cell_kind_the_agent_and_its_path():
    spec = world_spec(LAYOUT, np.array([0, 1, 4]), 4, caption="episode 1, step 2")
    cells, trail, agent = spec["data"]
    assert cells["z"].tolist() == [[CELL_KINDS.index(ch) for ch in row] for row in LAYOUT]
    assert trail["x"].tolist() == [0, 1, 1] and trail["y"].tolist() == [0, 0, 1]
    assert (agent["x"], agent["y"]) == ([1], [1])
    assert spec["layout"]["yaxis"]["range"] == [1.5, -0.5]  # row 0 at the top
    assert spec["layout"]["yaxis"]["scaleanchor"] == "x"
    assert spec["layout"]["annotations"][0]["text"] == "episode 1, step 2"
    as_figure(spec)  # a valid Plotly figure


def test_every_cell_takes_a_click_and_the_picked_cell_is_framed_on_both_grids():
    q = np.zeros((6, 4))
    for spec in (world_spec(LAYOUT, np.array([0]), 0, picked=5),
                 policy_spec(LAYOUT, q, FREE, picked=5)):  # fmt: skip
        cells = spec["data"][0]
        assert cells["hoverinfo"] == "none"  # "skip" would send no click for the cell
        (frame,) = spec["layout"]["shapes"]  # around row 1, column 2 (cell 5)
        assert (frame["x0"] + frame["x1"]) / 2 == 2 and (frame["y0"] + frame["y1"]) / 2 == 1
        as_figure(spec)
    assert world_spec(LAYOUT, np.array([0]), 0)["layout"]["shapes"] == []


def test_no_agent_marker_between_episodes():
    assert len(world_spec(LAYOUT, np.array([0]), None)["data"]) == 2


def test_the_policy_shows_the_best_action_and_the_value_of_free_cells_only():
    q = np.zeros((6, 4))
    q[0] = [0.1, 0.5, 0.0, 0.2]  # down
    q[1] = [0.0, 0.0, 0.0, 0.9]  # right
    q[4] = [-0.3, -0.2, -0.4, -0.1]  # right, a negative value
    spec = policy_spec(LAYOUT, q, FREE)
    values, arrows = spec["data"][1], spec["data"][2]
    assert arrows["text"] == ["↓", "→", "→"]
    assert arrows["x"].tolist() == [0, 1, 1] and arrows["y"].tolist() == [0, 0, 1]
    z = values["z"]
    assert z[0, 1] == np.float32(0.9) and z[1, 1] == np.float32(-0.1)
    assert np.isnan(z[0, 2]) and np.isnan(z[1, 0]) and np.isnan(z[1, 2])  # wall, pit, goal
    assert values["zmin"] == -values["zmax"] == -0.9
    assert "right 0.900" in arrows["hovertext"][1]
    as_figure(spec)


def test_a_cells_four_values_with_the_greedy_one_marked():
    spec = q_bars_spec(np.array([0.1, -0.2, 0.7, 0.3]), "row 1, column 2")
    bars = spec["data"][0]
    assert bars["x"] == ["↑ up", "↓ down", "← left", "→ right"]
    assert bars["text"] == ["0.100", "-0.200", "0.700<br>greedy", "0.300"]
    assert [c == bars["marker"]["color"][2] for c in bars["marker"]["color"]] == [
        False, False, True, False,
    ]  # fmt: skip
    as_figure(spec)


def test_moving_average_skips_missing_values():
    values = np.array([1.0, 3.0, np.nan, 5.0, 7.0])
    assert moving_average(values, 2).tolist() == [1.0, 2.0, 3.0, 5.0, 6.0]
    assert np.isnan(moving_average(np.array([np.nan]), 3)[0])


def test_episode_curves_are_thinned_and_keep_the_extremes():
    n = 5000
    values = np.zeros(n)
    values[1234] = 9.0
    spec = episodes_spec(np.arange(1, n + 1), values, "return", window=10)
    points, average = spec["data"]
    assert len(points["x"]) <= 400 and points["x"][0] == 1 and points["x"][-1] == n
    assert points["y"].max() == 9.0
    assert average["y"].max() == np.float32(0.9)
    as_figure(spec)
