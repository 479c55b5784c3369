"""The grid world's transitions, rewards, slips, starts and state encodings."""

import numpy as np
import pytest

from playground.envs import GridWorld

UP, DOWN, LEFT, RIGHT = range(4)


def at(env, row, column):
    """Put the agent on (row, column)."""
    env.reset(seed=0)
    env.cell = row * env.columns + column
    return env


def test_a_move_into_a_wall_or_off_the_grid_leaves_the_agent_where_it_is():
    env = GridWorld(["S#G", "..."])
    at(env, 0, 0)
    assert env.step(RIGHT)[1:] == (-0.01, False) and env.cell == 0  # the wall
    assert env.step(UP)[1:] == (-0.01, False) and env.cell == 0  # the top edge
    assert env.step(LEFT)[1:] == (-0.01, False) and env.cell == 0  # the left edge
    env.step(DOWN)
    assert env.position(env.cell) == (1, 0)
    env.step(RIGHT)
    assert env.position(env.cell) == (1, 1)


def test_pits_and_the_goal_end_the_episode_with_their_rewards():
    env = GridWorld(["S.G", ".X."], goal_reward=2.0, pit_reward=-3.0, step_cost=0.5)
    at(env, 0, 1)
    state, reward, done = env.step(DOWN)
    assert (reward, done, env.position(env.cell)) == (-3.0, True, (1, 1))
    assert state.argmax() == 4
    at(env, 0, 1)
    assert env.step(RIGHT)[1:] == (2.0, True)
    at(env, 0, 1)
    assert env.step(LEFT)[1:] == (-0.5, False)


def test_slippery_moves_go_sideways_with_their_probability_and_never_back():
    env = GridWorld(["...", ".S.", "..G"], slip=0.3)
    env.reset(seed=1)
    ends = []
    for _ in range(20_000):
        env.cell = 4  # the middle
        env.step(UP)
        ends.append(env.position(env.cell))
    share = {cell: ends.count(cell) / len(ends) for cell in set(ends)}
    assert set(share) == {(0, 1), (1, 0), (1, 2)}  # up, left, right: never down
    assert share[(0, 1)] == pytest.approx(0.7, abs=0.015)
    assert share[(1, 0)] == pytest.approx(0.15, abs=0.01)
    assert share[(1, 2)] == pytest.approx(0.15, abs=0.01)


def test_the_model_holds_the_same_probabilities_and_expected_rewards():
    env = GridWorld(["...", ".SG", "..."], slip=0.2, step_cost=0.1)
    P, R, done = env.model()
    middle = 4
    assert P[middle, RIGHT, 5] == pytest.approx(0.8)
    assert P[middle, RIGHT, 1] == pytest.approx(0.1) and P[middle, RIGHT, 7] == pytest.approx(0.1)
    assert R[middle, RIGHT] == pytest.approx(0.8 * 1.0 + 0.2 * -0.1)
    free = ~done
    assert np.allclose(P[free].sum(axis=2), 1.0)
    assert done.tolist() == [False] * 5 + [True] + [False] * 3
    assert not P[5].any()  # no moves out of the goal


def test_a_fixed_start_is_the_s_cell_and_a_random_start_any_free_cell():
    layout = ["S.#", "X.G"]
    assert GridWorld(layout).reset(seed=3).argmax() == 0
    env = GridWorld(layout, start="random")
    starts = {int(env.reset(seed=seed).argmax()) for seed in range(40)}
    assert starts == {0, 1, 4}  # S, and the two empty cells; never a wall, pit or goal


def test_a_seed_repeats_the_same_slips():
    def walk(seed):
        env = GridWorld("room", slip=0.5)
        env.reset(seed=seed)
        return [env.step(RIGHT) and env.cell for _ in range(30)]

    assert walk(7) == walk(7)
    assert walk(7) != walk(8)


def test_state_encodings_one_hot_and_scaled_coordinates():
    onehot = GridWorld(["S..", "..G"])
    assert onehot.state_size == 6
    assert onehot.encode(4).tolist() == [0, 0, 0, 0, 1, 0]
    assert onehot.encode(np.array([0, 5])).shape == (2, 6)
    coords = GridWorld(["S..", "..G"], encoding="coords")
    assert coords.state_size == 2
    assert coords.encode(0).tolist() == [-1.0, -1.0]
    assert coords.encode(5).tolist() == [1.0, 1.0]
    assert coords.encode(1).tolist() == [-1.0, 0.0]


@pytest.mark.parametrize(
    "settings, words",
    [
        ({"encoding": "pixels"}, "unknown state encoding"),
        ({"start": "anywhere"}, "unknown start"),
        ({"slip": 1.5}, "probability"),
    ],
)
def test_bad_settings_are_refused_with_a_message(settings, words):
    with pytest.raises(ValueError, match=words):
        GridWorld("room", **settings)


def test_bad_actions_are_refused():
    env = GridWorld("room")
    env.reset()
    with pytest.raises(ValueError, match="action must be 0..3"):
        env.step(4)


@pytest.mark.parametrize("encoding", ["onehot", "coords"])
def test_cell_of_undoes_encode(encoding):
    env = GridWorld("maze", encoding=encoding)
    assert [env.cell_of(env.encode(cell)) for cell in range(36)] == list(range(36))
