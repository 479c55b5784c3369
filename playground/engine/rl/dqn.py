"""A deep Q-network agent: a Sequential of Dense layers with one linear output per action,
experience replay, a target network synced every N steps and epsilon-greedy exploration."""

import numpy as np

from playground.engine.layers import Dense
from playground.engine.optimizers import make_optimizer
from playground.engine.rl.replay import ReplayBuffer
from playground.engine.rl.schedule import LinearEpsilon
from playground.engine.rl.td import td_loss, td_output_delta, td_targets
from playground.engine.sequential import Sequential


class DQNAgent:
    """DQNAgent(state_size, n_actions, hidden=(32,), activation="relu", init="he",
    optimizer="adam", learning_rate=0.005, gamma=0.95, buffer_size=2000, batch_size=32,
    target_sync=50, loss="huber", epsilon=LinearEpsilon(), learn_start=None, seed=0)

    Each observed transition goes into the replay buffer; once it holds `learn_start`
    transitions (default: batch_size), every step trains the Q-network on one uniform
    batch, and every `target_sync` steps the target network becomes a copy of it. One
    seed sets the weights, the exploration and the replay sampling: the same seed and the
    same environment give a bit-identical run.

    Attributes: q_net, target_net (Sequential), buffer (ReplayBuffer), optimizer, steps
    (transitions observed), updates (batches trained), syncs, last_loss (None before the
    first update), epsilon (now, from the schedule), and every setting above.
    """

    def __init__(
        self,
        state_size: int,
        n_actions: int,
        hidden=(32,),
        activation="relu",
        init="he",
        optimizer="adam",
        learning_rate=0.005,
        gamma=0.95,
        buffer_size=2000,
        batch_size=32,
        target_sync=50,
        loss="huber",
        epsilon=None,
        learn_start=None,
        seed=0,
    ):
        td_output_delta(np.zeros((1, 1)), np.zeros(1, dtype=int), np.zeros(1), loss)  # checks
        weights_seed, explore_seed, replay_seed = np.random.SeedSequence(seed).generate_state(3)
        self.q_net = q_network(state_size, n_actions, hidden, activation, init, int(weights_seed))
        self.target_net = q_network(state_size, n_actions, hidden, activation, init, 0)
        self.target_net.params[:] = self.q_net.params
        self.optimizer = make_optimizer(optimizer, len(self.q_net.params))
        self.buffer = ReplayBuffer(buffer_size, state_size, seed=int(replay_seed))
        self.schedule = epsilon or LinearEpsilon()
        self.n_actions, self.learning_rate, self.gamma = n_actions, learning_rate, gamma
        self.batch_size, self.target_sync, self.loss = batch_size, max(int(target_sync), 1), loss
        self.learn_start = batch_size if learn_start is None else learn_start
        self._rng = np.random.default_rng(int(explore_seed))
        self.steps = self.updates = self.syncs = 0
        self.last_loss: float | None = None

    @property
    def epsilon(self) -> float:
        """The exploration rate the schedule gives after the steps taken so far."""
        return self.schedule(self.steps)

    def q_values(self, states) -> np.ndarray:
        """Q(s, a) for states (n, state_size) -> (n, n_actions)."""
        return self.q_net.predict(states)

    def act(self, state, epsilon: float | None = None) -> int:
        """An action for one state (state_size,): random with probability epsilon (default:
        the schedule's), else the greedy one (the first of equal values)."""
        epsilon = self.epsilon if epsilon is None else epsilon
        if epsilon > 0 and self._rng.random() < epsilon:
            return int(self._rng.integers(self.n_actions))
        return int(np.argmax(self.q_values(state[None, :])[0]))

    def observe(self, state, action, reward, next_state, done) -> float | None:
        """Store a transition, train on a batch if the buffer is ready, sync the target
        network every `target_sync` steps; the batch's TD loss, or None if none trained."""
        self.buffer.add(state, action, reward, next_state, done)
        self.steps += 1
        loss = self.learn() if self.buffer.size >= self.learn_start else None
        if self.steps % self.target_sync == 0:
            self.sync_target()
        return loss

    def learn(self) -> float:
        """One optimizer step on a uniform replay batch; returns its TD loss (before it)."""
        states, actions, rewards, next_states, dones = self.buffer.sample(self.batch_size)
        targets = td_targets(rewards, self.target_net.predict(next_states), dones, self.gamma)
        q = self.q_net.predict(states)
        delta = td_output_delta(q, actions, targets, self.loss)
        grad = gradient_for_delta(self.q_net, states, q, delta)
        self.optimizer.update(self.q_net.params, grad, self.learning_rate)
        self.updates += 1
        self.last_loss = td_loss(q, actions, targets, self.loss)
        return self.last_loss

    def sync_target(self) -> None:
        """Copy the Q-network's parameters into the target network."""
        self.target_net.params[:] = self.q_net.params
        self.syncs += 1


def q_network(state_size, n_actions, hidden, activation, init, seed) -> Sequential:
    """Dense hidden layers of `hidden` units with `activation`, then one linear output per
    action: states (n, state_size) -> Q-values (n, n_actions)."""
    layers = [Dense(units, activation=activation) for units in hidden]
    layers.append(Dense(n_actions, activation="linear"))
    return Sequential(layers, input_shape=(state_size,), init=init, seed=seed)


def gradient_for_delta(net: Sequential, X, outputs, delta) -> np.ndarray:
    """The parameter gradient (net.params.shape) that output delta dL/dz (n, k) gives, for a
    linear-output network whose outputs on X (n, d) are `outputs` (n, k).

    With a linear output and the mean squared error, the engine's output delta is
    (a - y) / n; targets y = a - n * delta make it the given delta. Where delta is 0 the
    target is the output itself, so those outputs pass back (up to rounding between two
    forward passes, ~1e-16) nothing.
    """
    return net.flat_gradient(X, outputs - delta * len(outputs), loss="mse")
