"""Reinforcement learning on the engine's networks: a deep Q-network agent (experience
replay, a target network, epsilon-greedy), tabular Q-learning, value iteration, and the
agent-environment loop. NumPy only; knows no environment in particular.

    from playground.engine.rl import DQNAgent, Runner
    agent = DQNAgent(env.state_size, env.n_actions, hidden=(32,), seed=0)
    episode = Runner(env, agent, max_steps=100).run_episode()
"""

from playground.engine.rl.dqn import DQNAgent
from playground.engine.rl.replay import ReplayBuffer
from playground.engine.rl.runner import Episode, Runner, greedy_episode
from playground.engine.rl.schedule import LinearEpsilon
from playground.engine.rl.tabular import TabularQAgent
from playground.engine.rl.td import TD_LOSSES, td_loss, td_output_delta, td_targets
from playground.engine.rl.value_iteration import value_iteration

__all__ = [
    "TD_LOSSES",
    "DQNAgent",
    "Episode",
    "LinearEpsilon",
    "ReplayBuffer",
    "Runner",
    "TabularQAgent",
    "greedy_episode",
    "td_loss",
    "td_output_delta",
    "td_targets",
    "value_iteration",
]
