"""The agent-environment loop, one environment step at a time, so training can stop between
any two steps (a live frame's time is up) and go on there, bitwise as if uninterrupted.

The environment is anything with reset(seed) -> state and step(action) -> (state, reward,
done); the agent anything with act(state), observe(state, action, reward, next_state, done)
-> loss or None, and epsilon (DQNAgent, TabularQAgent).
"""

from dataclasses import dataclass, field

import numpy as np


@dataclass
class Episode:
    """One episode: its number (1, 2, ...), return (sum of rewards), length (steps),
    epsilon at its start, mean TD loss of its updates (None if none), whether it ended in a
    terminal state (False: cut at max_steps), and trace: what `where()` said after the reset
    and after each step (e.g. the agent's cell)."""

    number: int
    epsilon: float
    trace: list = field(default_factory=list)
    total: float = 0.0
    length: int = 0
    losses: list = field(default_factory=list)
    terminated: bool = False

    @property
    def loss(self) -> float | None:
        """Mean TD loss over this episode's updates, None if it had none."""
        return float(np.mean(self.losses)) if self.losses else None

    def record(self) -> dict:
        """JSON-safe numbers: episode, return, length, epsilon, loss."""
        return {
            "episode": self.number,
            "return": round(self.total, 6),
            "length": self.length,
            "epsilon": round(self.epsilon, 6),
            "loss": None if self.loss is None else round(self.loss, 8),
        }


class Runner:
    """Runner(env, agent, max_steps=100, seed=0, where=None)

    step() takes one environment step (resetting the environment first when an episode
    begins; episode k resets with seed + k) and returns the finished Episode when that step
    ended one, else None. run_episode() steps until an episode ends. An episode ends in a
    terminal state or after max_steps steps; a cut episode still bootstraps from its last
    state (the time limit is not part of the world). Attributes: current (the Episode under
    way, or None), finished (count), env, agent.
    """

    def __init__(self, env, agent, max_steps: int = 100, seed: int = 0, where=None):
        self.env, self.agent, self.max_steps, self.seed = env, agent, int(max_steps), seed
        self.where = where or (lambda: None)
        self.current: Episode | None = None
        self.finished = 0
        self._state = None

    def step(self) -> Episode | None:
        """One environment step of training; the Episode if it ended with this step."""
        if self.current is None:
            self._begin()
        episode, state = self.current, self._state
        action = self.agent.act(state)
        next_state, reward, done = self.env.step(action)
        loss = self.agent.observe(state, action, reward, next_state, done)
        if loss is not None:
            episode.losses.append(loss)
        episode.total += reward
        episode.length += 1
        episode.trace.append(self.where())
        self._state = next_state
        if done or episode.length >= self.max_steps:
            episode.terminated = bool(done)
            self.current, self.finished = None, self.finished + 1
            return episode
        return None

    def run_episode(self) -> Episode:
        """Steps until the episode under way (or a new one) ends; returns it."""
        while True:
            episode = self.step()
            if episode is not None:
                return episode

    def _begin(self) -> None:
        number = self.finished + 1
        self._state = self.env.reset(seed=self.seed + number)
        self.current = Episode(number=number, epsilon=self.agent.epsilon, trace=[self.where()])


def greedy_episode(env, agent, max_steps: int = 100, seed: int = 0, where=None) -> Episode:
    """One episode with epsilon = 0 and no learning (watch what the agent has learned)."""
    where = where or (lambda: None)
    state = env.reset(seed=seed)
    episode = Episode(number=0, epsilon=0.0, trace=[where()])
    while episode.length < max_steps:
        state, reward, done = env.step(agent.act(state, epsilon=0.0))
        episode.total += reward
        episode.length += 1
        episode.trace.append(where())
        if done:
            episode.terminated = True
            break
    return episode
