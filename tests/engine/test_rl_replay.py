"""The replay buffer: a ring of the newest transitions, sampled uniformly and seeded."""

import numpy as np
import pytest

from playground.engine.rl import LinearEpsilon, ReplayBuffer


def filled(capacity=10, count=10, seed=0):
    buffer = ReplayBuffer(capacity, state_size=2, seed=seed)
    for i in range(count):
        buffer.add([i, -i], i % 4, float(i), [i + 1, 0], i == count - 1)
    return buffer


def test_sampling_is_uniform_over_the_stored_rows():
    rows = filled().sample_rows(100_000)
    share = np.bincount(rows, minlength=10) / len(rows)
    assert np.allclose(share, 0.1, atol=0.005)


def test_the_same_seed_draws_the_same_batches_another_seed_others():
    assert filled(seed=3).sample_rows(50).tolist() == filled(seed=3).sample_rows(50).tolist()
    assert filled(seed=3).sample_rows(50).tolist() != filled(seed=4).sample_rows(50).tolist()


def test_a_batch_holds_whole_transitions():
    states, actions, rewards, next_states, dones = filled().sample(64)
    assert states.shape == next_states.shape == (64, 2)
    assert np.all(states[:, 0] == rewards) and np.all(states[:, 1] == -rewards)
    assert np.all(actions == rewards.astype(int) % 4)
    assert np.all(next_states[:, 0] == rewards + 1)
    assert np.all(dones == (rewards == 9))


def test_a_full_buffer_replaces_its_oldest_transitions():
    buffer = filled(capacity=4, count=6)
    assert buffer.size == 4
    assert sorted(buffer.rewards.tolist()) == [2.0, 3.0, 4.0, 5.0]
    assert set(buffer.sample(200)[2].tolist()) == {2.0, 3.0, 4.0, 5.0}


def test_only_stored_rows_are_sampled_and_an_empty_buffer_says_so():
    assert filled(capacity=100, count=3).sample_rows(500).max() == 2
    with pytest.raises(ValueError, match="empty"):
        ReplayBuffer(5, 2).sample(1)


def test_epsilon_falls_linearly_then_stays():
    schedule = LinearEpsilon(1.0, 0.1, decay_steps=100)
    assert [schedule(s) for s in (0, 50, 100, 500)] == pytest.approx([1.0, 0.55, 0.1, 0.1])
