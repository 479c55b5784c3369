"""The DQN agent's target network, its seeding, and what it and tabular Q-learning learn."""

import numpy as np
import pytest

from playground.engine.rl import (
    DQNAgent,
    LinearEpsilon,
    Runner,
    TabularQAgent,
    greedy_episode,
    value_iteration,
)
from playground.envs import GridWorld
from playground.envs.paths import policy_rows, shortest_path_share


def dqn_run(seed=0, episodes=30, **settings):
    env = GridWorld("room", start="random")
    agent = DQNAgent(env.state_size, 4, seed=seed, **settings)
    runner = Runner(env, agent, max_steps=50, seed=seed)
    return agent, [runner.run_episode().record() for _ in range(episodes)]


def test_the_target_network_changes_only_at_its_sync():
    env = GridWorld("room")
    agent = DQNAgent(env.state_size, 4, batch_size=4, learn_start=1, target_sync=5, seed=0)
    runner = Runner(env, agent, max_steps=100)
    synced = agent.target_net.params.copy()
    assert np.array_equal(synced, agent.q_net.params)
    for step in range(1, 16):
        before = agent.q_net.params.copy()
        runner.step()
        assert not np.array_equal(agent.q_net.params, before)  # it trains every step
        if step % 5:
            assert np.array_equal(agent.target_net.params, synced)
        else:
            assert np.array_equal(agent.target_net.params, agent.q_net.params)
            synced = agent.target_net.params.copy()
    assert agent.syncs == 3


def test_one_seed_gives_a_bit_identical_run_and_another_seed_another():
    first, records = dqn_run(seed=5)
    again, records_again = dqn_run(seed=5)
    assert records == records_again
    assert np.array_equal(first.q_net.params, again.q_net.params)
    other, other_records = dqn_run(seed=6)
    assert not np.array_equal(first.q_net.params, other.q_net.params)


def test_exploration_follows_the_schedule():
    agent = DQNAgent(4, 4, epsilon=LinearEpsilon(1.0, 0.0, decay_steps=10), seed=0)
    state = np.eye(4)[0]
    greedy = int(np.argmax(agent.q_values(state[None])[0]))
    assert agent.epsilon == 1.0
    assert len({agent.act(state) for _ in range(200)}) == 4  # random at epsilon 1
    assert {agent.act(state, epsilon=0.0) for _ in range(50)} == {greedy}


def test_the_runner_ends_episodes_at_terminals_or_the_step_limit():
    env = GridWorld(["S..", "..G"])
    agent = DQNAgent(env.state_size, 4, seed=0)
    runner = Runner(env, agent, max_steps=3, where=lambda: env.cell)
    episode = runner.run_episode()
    assert episode.length <= 3 and len(episode.trace) == episode.length + 1
    assert episode.trace[0] == 0
    assert episode.terminated == (episode.trace[-1] == 5)  # the goal
    assert set(episode.record()) == {"episode", "return", "length", "epsilon", "loss"}


def test_tabular_q_learning_reaches_value_iterations_values_on_a_tiny_world():
    env = GridWorld(["S.G", ".X."], start="random", step_cost=0.1)
    agent = TabularQAgent(
        env.n_cells, 4, learning_rate=0.5, gamma=0.9, epsilon=LinearEpsilon(1.0, 1.0, 1), seed=0
    )
    runner = Runner(env, agent, max_steps=20)
    for _ in range(600):
        runner.run_episode()
    _, Q = value_iteration(*env.model(), gamma=0.9)
    assert np.allclose(agent.Q[env.free], Q[env.free], atol=1e-6)
    assert Q[1, 3] == pytest.approx(1.0)  # right of the middle top cell: the goal


def test_value_iteration_values_along_a_corridor():
    env = GridWorld(["S..G", "####"], step_cost=0.1)
    V, Q = value_iteration(*env.model(), gamma=0.9)
    assert V[:4] == pytest.approx([-0.1 + 0.9 * (-0.1 + 0.9), -0.1 + 0.9, 1.0, 0.0])
    assert Q[2, 2] == pytest.approx(-0.1 + 0.9 * V[1])


def test_dqn_finds_shortest_paths_on_the_default_world_in_300_episodes():
    # The lab's defaults (random starts, 32 relu units, Adam 0.005); ~1 s on one core.
    env = GridWorld(start="random")
    agent = DQNAgent(env.state_size, 4, epsilon=LinearEpsilon(1.0, 0.05, 2000), seed=0)
    runner = Runner(env, agent, max_steps=100)
    for _ in range(300):
        runner.run_episode()
    actions = agent.q_values(env.encode(np.arange(env.n_cells))).argmax(axis=1)
    assert shortest_path_share(env, actions) >= 0.9
    assert greedy_episode(GridWorld(), agent).length == 10
    assert policy_rows(env, actions)[5][5] == "G"
