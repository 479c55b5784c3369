"""Tabular Q-learning: one number per (state, action), for comparison with the Q-network."""

import numpy as np

from playground.engine.rl.schedule import LinearEpsilon


def onehot_index(state) -> int:
    """The state number of a one-hot state vector (state_size,)."""
    return int(np.argmax(state))


class TabularQAgent:
    """TabularQAgent(n_states, n_actions, learning_rate=0.5, gamma=0.95, epsilon=None,
    index=onehot_index, seed=0)

    Q (n_states, n_actions) starts at zero; each observed transition moves Q[s, a] by
    learning_rate * (r + gamma * (1 - done) * max Q[s'] - Q[s, a]). `index` turns a state
    as the environment gives it into its row of Q. Same interface as DQNAgent: act,
    observe, q_values, epsilon, steps, last_loss.
    """

    def __init__(
        self,
        n_states: int,
        n_actions: int,
        learning_rate=0.5,
        gamma=0.95,
        epsilon=None,
        index=onehot_index,
        seed=0,
    ):
        self.Q = np.zeros((n_states, n_actions))
        self.n_actions, self.learning_rate, self.gamma = n_actions, learning_rate, gamma
        self.schedule = epsilon or LinearEpsilon()
        self.index = index
        self._rng = np.random.default_rng(seed)
        self.steps = 0
        self.last_loss: float | None = None

    @property
    def epsilon(self) -> float:
        """The exploration rate the schedule gives after the steps taken so far."""
        return self.schedule(self.steps)

    def q_values(self, states) -> np.ndarray:
        """Q(s, a) for states (n, state_size) -> (n, n_actions) (a copy)."""
        return self.Q[[self.index(state) for state in states]]

    def act(self, state, epsilon: float | None = None) -> int:
        """Random with probability epsilon (default: the schedule's), else greedy."""
        epsilon = self.epsilon if epsilon is None else epsilon
        if epsilon > 0 and self._rng.random() < epsilon:
            return int(self._rng.integers(self.n_actions))
        return int(np.argmax(self.Q[self.index(state)]))

    def observe(self, state, action, reward, next_state, done) -> float:
        """One Q-learning update; returns the squared TD error / 2 before it."""
        s, s2 = self.index(state), self.index(next_state)
        target = reward + (0.0 if done else self.gamma * self.Q[s2].max())
        error = target - self.Q[s, action]
        self.Q[s, action] += self.learning_rate * error
        self.steps += 1
        self.last_loss = 0.5 * error * error
        return self.last_loss
