"""What a greedy policy does on a grid world: its arrows as layout rows, and from which cells
it walks to a goal by a shortest path."""

import numpy as np

from playground.envs.grid_world import ARROWS, GridWorld
from playground.envs.layouts import goal_distances


def policy_rows(env: GridWorld, actions: np.ndarray) -> list[str]:
    """The layout's rows with ``^ v < >`` for `actions` (n_cells,) in every free cell; walls,
    pits and goals as in the layout (the start cell shows its arrow too)."""
    rows = []
    for r, row in enumerate(env.layout):
        cells = [
            ARROWS[int(actions[r * env.columns + c])] if env.free[r * env.columns + c] else ch
            for c, ch in enumerate(row)
        ]
        rows.append("".join(cells))
    return rows


def greedy_walk(env: GridWorld, actions: np.ndarray, cell: int) -> int | None:
    """Moves a slip-free walk following `actions` (n_cells,) takes from `cell` to a goal, or
    None if it loops, stops against a wall or falls into a pit."""
    kinds = "".join(env.layout)
    for moves in range(env.n_cells + 1):
        if kinds[cell] == "G":
            return moves
        if env.terminal[cell]:
            return None
        cell = int(env.next_cell[cell, int(actions[cell])])
    return None  # more moves than cells: it went round in a loop


def shortest_path_share(env: GridWorld, actions: np.ndarray) -> float:
    """Share (0..1) of the free cells that can reach a goal from which following `actions`
    (n_cells,) reaches one in the fewest possible moves."""
    distances = goal_distances(env.layout)
    cells = [cell for cell in np.flatnonzero(env.free) if env.position(cell) in distances]
    good = sum(greedy_walk(env, actions, cell) == distances[env.position(cell)] for cell in cells)
    return good / len(cells)
