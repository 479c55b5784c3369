"""Experience replay: a ring buffer of transitions, sampled uniformly with its own seed."""

import numpy as np


class ReplayBuffer:
    """The last `capacity` transitions (state, action, reward, next state, done).

    ReplayBuffer(capacity, state_size, seed=0). Arrays: states and next_states
    (capacity, state_size), actions (capacity,) int, rewards (capacity,), dones (capacity,)
    float 0/1; the first `size` rows hold data. When full, each new transition replaces the
    oldest.
    """

    def __init__(self, capacity: int, state_size: int, seed: int = 0):
        if capacity < 1:
            raise ValueError(
                f"a replay buffer needs room for at least 1 transition, got {capacity}"
            )
        self.capacity = int(capacity)
        self.states = np.zeros((capacity, state_size))
        self.next_states = np.zeros((capacity, state_size))
        self.actions = np.zeros(capacity, dtype=np.intp)
        self.rewards = np.zeros(capacity)
        self.dones = np.zeros(capacity)
        self.size = 0
        self._next = 0  # the row the next transition goes to
        self._rng = np.random.default_rng(seed)

    def add(self, state, action: int, reward: float, next_state, done: bool) -> None:
        """Store one transition (states (state_size,)), replacing the oldest when full."""
        i = self._next
        self.states[i], self.actions[i], self.rewards[i] = state, action, reward
        self.next_states[i], self.dones[i] = next_state, float(done)
        self._next = (i + 1) % self.capacity
        self.size = min(self.size + 1, self.capacity)

    def sample_rows(self, batch_size: int) -> np.ndarray:
        """`batch_size` row numbers drawn uniformly, with replacement, from the stored ones."""
        if self.size == 0:
            raise ValueError("the replay buffer is empty")
        return self._rng.integers(0, self.size, size=batch_size)

    def sample(self, batch_size: int):
        """A uniform batch: (states (b, state_size), actions (b,), rewards (b,),
        next_states (b, state_size), dones (b,))."""
        rows = self.sample_rows(batch_size)
        return (
            self.states[rows],
            self.actions[rows],
            self.rewards[rows],
            self.next_states[rows],
            self.dones[rows],
        )
