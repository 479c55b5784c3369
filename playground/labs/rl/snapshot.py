"""What the reinforcement lab's views show at one moment: plain arrays, copies."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.envs.paths import shortest_path_share


@dataclass(frozen=True)
class RLSnapshot:
    """One moment of a session, safe to read without its lock.

    epoch: episodes finished (the page's counter); batch 0 and batches: the step limit of
    an episode (the counter's "batch" would read as a mini-batch; the world's caption says
    the step); status "ok", message "". layout: the world's
    rows; free (n_cells,) bool; q (n_cells, 4) action values; trail (k,) cells of the
    episode shown (under way, or the greedy one being watched); agent: the trail's last cell
    (None for an empty trail); watching: whether the trail is the greedy agent's; in_episode:
    whether a training episode is under way. history:
    {"episode", "return", "length", "epsilon", "loss", "train_loss", "test_loss"} arrays
    (n,) per finished episode (loss NaN when an episode had no update; test_loss all NaN:
    RL has no test set). steps: environment steps taken; syncs: target network syncs
    (None for the tabular agent); picked: the cell whose Q-values are shown;
    shortest_share: share (0..1) of free cells from which the greedy policy walks to a goal
    by a shortest path.
    """

    epoch: int
    batch: int
    batches: int
    layout: list[str]
    free: np.ndarray
    q: np.ndarray
    trail: np.ndarray
    agent: int | None
    watching: bool
    in_episode: bool
    history: dict
    steps: int
    syncs: int | None
    picked: int
    shortest_share: float
    status: str = "ok"
    message: str = ""


def take_snapshot(session) -> RLSnapshot:
    """The snapshot of an RLSession (called with its lock held)."""
    env, runner, s = session.env, session.runner, session.settings
    watch = session.watching
    if watch is not None:
        trail = watch["trace"][: watch["shown"]]
    elif runner.current is not None:
        trail = runner.current.trace
    else:
        trail = session.last_greedy or [env.cell]
    history = {name: np.array(values, dtype=np.float64) for name, values in session.history.items()}
    history["train_loss"] = history["loss"]
    history["test_loss"] = np.full_like(history["loss"], np.nan)
    q = session.q_table()
    row = min(s["cell_row"], env.rows) - 1
    column = min(s["cell_column"], env.columns) - 1
    return RLSnapshot(
        epoch=session.epoch,
        batch=0,
        batches=runner.max_steps,
        layout=list(env.layout),
        free=env.free.copy(),
        q=q,
        trail=np.array(trail, dtype=np.int64),
        agent=int(trail[-1]) if len(trail) else None,
        watching=watch is not None,
        in_episode=runner.current is not None,
        history=history,
        steps=session.agent.steps,
        syncs=getattr(session.agent, "syncs", None),
        picked=row * env.columns + column,
        shortest_share=shortest_path_share(env, q.argmax(axis=1)),
    )
