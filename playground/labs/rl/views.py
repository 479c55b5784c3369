"""The reinforcement lab's view table: the world, the policy, the episode curves and one
cell's Q-values. Each builder turns a snapshot into a figure spec (playground/plots)."""

import numpy as np

from playground.envs.grid_world import ACTIONS
from playground.labs.base import View, format_number
from playground.plots.episodes import episodes_spec
from playground.plots.grid_world import policy_spec, q_bars_spec, world_spec

KIND_NAMES = {"#": "a wall", "X": "a pit", "G": "the goal"}


def _world(snap, settings) -> dict:
    step = len(snap.trail) - 1
    if snap.watching:
        caption = f"greedy agent (ε = 0), step {step}"
    elif snap.in_episode:
        caption = f"episode {snap.epoch + 1}, step {step}"
    else:
        caption = f"{snap.epoch} episodes"
    return world_spec(snap.layout, snap.trail, snap.agent, caption, picked=snap.picked)


def _policy(snap, settings) -> dict:
    return policy_spec(snap.layout, snap.q, snap.free, picked=snap.picked)


def _curve(name: str, title: str, log_y: bool = False, window: int | None = None):
    def build(snap, settings) -> dict | None:
        h = snap.history
        if not len(h["episode"]):
            return None
        size = settings["window"] if window is None else window
        return episodes_spec(h["episode"], h[name], title, window=size, log_y=log_y)

    return build


def _cell_values(snap, settings) -> dict:
    columns = len(snap.layout[0])
    row, column = divmod(snap.picked, columns)
    where = f"row {row + 1}, column {column + 1}"
    kind = snap.layout[row][column]
    if kind in KIND_NAMES:
        where += f": {KIND_NAMES[kind]} (the agent never acts there)"
    else:
        where += f"; greedy: {ACTIONS[int(np.argmax(snap.q[snap.picked]))]}"
    return q_bars_spec(snap.q[snap.picked], where)


VIEWS = (
    View("world", "The world", "the agent (orange) and its path in this episode; click a "
         "cell to inspect or paint it", 0, False, _world),
    View("policy", "Greedy policy", f"arrows: the best of {', '.join(ACTIONS)}; colour: the "
         "state value max Q(s, a); hover a cell for its four values, click it to inspect or "
         "paint it", 0, False, _policy),
    View("cell", "Q-values of one cell", "the framed cell: click one on the world or the "
         "policy (Click a cell to: Inspect)", 0, False, _cell_values),
    View("returns", "Return per episode", "sum of rewards; line: moving average", 0, False,
         _curve("return", "return")),
    View("lengths", "Episode length", "steps to a goal, a pit or the step limit", 0, False,
         _curve("length", "steps")),
    View("loss", "TD loss", "mean per episode of the error on the chosen action", 0, False,
         _curve("loss", "TD loss", log_y=True)),
    View("epsilon", "Exploration ε", "share of random moves at each episode's start", 0,
         False, _curve("epsilon", "ε", window=1)),
)  # fmt: skip


def stats(snap) -> list[tuple[str, str]]:
    """Steps, the mean return of the last 20 episodes, ε and the shortest-path
    share, for the stats row."""
    returns = snap.history["return"][-20:]
    epsilon = snap.history["epsilon"]
    return [
        ("Steps", f"{snap.steps:,}"),
        ("Mean return (last 20)", format_number(float(np.mean(returns)) if len(returns) else None)),
        ("ε", format_number(float(epsilon[-1]) if len(epsilon) else None)),
        ("Shortest paths", f"{100 * snap.shortest_share:.0f} %"),
    ]
