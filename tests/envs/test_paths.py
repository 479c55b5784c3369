"""Greedy policies on a grid world: arrows as rows, walks, and the shortest-path share."""

import numpy as np

from playground.envs import GridWorld
from playground.envs.paths import greedy_walk, policy_rows, shortest_path_share

UP, DOWN, LEFT, RIGHT = range(4)
LAYOUT = ["S.#", "X.G"]  # cells 0 1 2 / 3 4 5


def test_policy_rows_put_arrows_in_free_cells_and_keep_the_rest():
    env = GridWorld(LAYOUT)
    actions = np.array([RIGHT, DOWN, UP, UP, RIGHT, LEFT])
    assert policy_rows(env, actions) == [">v#", "X>G"]


def test_walks_count_moves_to_the_goal_or_say_none():
    env = GridWorld(LAYOUT)
    assert greedy_walk(env, np.array([RIGHT, DOWN, 0, 0, RIGHT, 0]), 0) == 3
    assert greedy_walk(env, np.array([DOWN, DOWN, 0, 0, RIGHT, 0]), 0) is None  # the pit
    assert greedy_walk(env, np.array([RIGHT, LEFT, 0, 0, RIGHT, 0]), 0) is None  # a loop
    assert greedy_walk(env, np.array([UP, DOWN, 0, 0, RIGHT, 0]), 0) is None  # the edge


def test_shortest_path_share_counts_cells_on_a_shortest_path():
    env = GridWorld(["S..", "..G"])
    best = np.array([RIGHT, RIGHT, DOWN, RIGHT, RIGHT, 0])
    assert shortest_path_share(env, best) == 1.0
    detour = best.copy()
    detour[0] = DOWN  # still 3 moves: another shortest path
    assert shortest_path_share(env, detour) == 1.0
    detour[3] = UP  # from 3: up to 0, then down again: a loop; and 0 loops too
    assert shortest_path_share(env, detour) == 3 / 5
