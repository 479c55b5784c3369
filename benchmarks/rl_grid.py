"""DQN on the grid worlds: `python -m benchmarks.rl_grid [--episodes 300] [--seeds 5]`.

For each ready layout and seed: trains the lab's default agent (random starts, one hidden
layer of 32 relu units, Adam 0.005, epsilon 1 -> 0.05 over 2,000 steps, at most 100 steps
an episode) for the given episodes, and prints a Markdown table of the seconds it took
(wall time, one BLAS thread), the environment steps, and the share of free cells from which
the greedy policy walks to the goal by a shortest path.
"""

import argparse
import os
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

from playground.engine.rl import DQNAgent, LinearEpsilon, Runner  # noqa: E402
from playground.envs import LAYOUTS, GridWorld  # noqa: E402
from playground.envs.paths import shortest_path_share  # noqa: E402


def train(layout: str, seed: int, episodes: int) -> tuple[float, int, float]:
    """(seconds, steps, shortest-path share) of one training run."""
    env = GridWorld(layout, start="random")
    agent = DQNAgent(env.state_size, 4, epsilon=LinearEpsilon(1.0, 0.05, 2000), seed=seed)
    runner = Runner(env, agent, max_steps=100, seed=seed)
    began = time.perf_counter()
    for _ in range(episodes):
        runner.run_episode()
    seconds = time.perf_counter() - began
    actions = agent.q_values(env.encode(np.arange(env.n_cells))).argmax(axis=1)
    return seconds, agent.steps, shortest_path_share(env, actions)


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=300)
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args()
    print(
        "| layout | seeds | episodes | seconds (mean / max) | steps (mean) | "
        "shortest-path share (min / mean) |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for layout in LAYOUTS:
        runs = [train(layout, seed, args.episodes) for seed in range(args.seeds)]
        seconds, steps, shares = (np.array(column) for column in zip(*runs, strict=True))
        print(
            f"| {layout} | {args.seeds} | {args.episodes} | {seconds.mean():.2f} / "
            f"{seconds.max():.2f} | {steps.mean():.0f} | {shares.min():.2f} / {shares.mean():.2f} |"
        )


if __name__ == "__main__":
    main()
