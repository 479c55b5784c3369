"""The grid world: an agent moves up, down, left or right between the cells of a layout.

Cells are numbered row by row (cell = row * columns + column). A move into a wall or off
the grid leaves the agent where it is. Entering a pit or a goal ends the episode with its
reward; any other move costs ``step_cost``. With ``slip`` > 0 a move goes to one of the two
sideways directions instead, each with probability slip / 2 (a slippery floor).
"""

import numpy as np

from playground.envs.layouts import GOAL, PIT, START, WALL, parse_layout

ACTIONS = ("up", "down", "left", "right")
ARROWS = ("^", "v", "<", ">")
MOVES = ((-1, 0), (1, 0), (0, -1), (0, 1))  # (row, column) change per action
SIDEWAYS = ((2, 3), (2, 3), (0, 1), (0, 1))  # the two actions at right angles to each
ENCODINGS = ("onehot", "coords")
STARTS = ("fixed", "random")


class GridWorld:
    """A grid world over a layout (a ready layout's name, rows separated by "/", or a list of
    rows; see playground.envs.layouts).

    GridWorld(layout="room", encoding="onehot", start="fixed", slip=0.0, goal_reward=1.0,
    pit_reward=-1.0, step_cost=0.01)
    encoding: "onehot" (state_size = rows * columns, a 1 at the agent's cell) or "coords"
    (state_size = 2: row and column scaled to -1..1). start: "fixed" (the S cell) or
    "random" (any empty cell or S, drawn at each reset).

    Attributes: layout (list of row strings), rows, columns, n_cells, n_actions (4),
    state_size, cell (the agent's cell number), next_cell (n_cells, 4): where each move
    ends without a slip, terminal (bool array (n_cells,): pits and
    goals), free (bool array (n_cells,): cells the agent can stand on and act from).
    """

    def __init__(
        self,
        layout="room",
        encoding="onehot",
        start="fixed",
        slip=0.0,
        goal_reward=1.0,
        pit_reward=-1.0,
        step_cost=0.01,
    ):
        if encoding not in ENCODINGS:
            raise ValueError(f"unknown state encoding {encoding!r}; choose one of {ENCODINGS}")
        if start not in STARTS:
            raise ValueError(f"unknown start {start!r}; choose one of {STARTS}")
        if not 0.0 <= slip <= 1.0:
            raise ValueError(f"slip must be a probability in 0..1, got {slip}")
        self.layout = parse_layout(layout)
        self.rows, self.columns = len(self.layout), len(self.layout[0])
        self.n_cells = self.rows * self.columns
        self.n_actions = len(ACTIONS)
        self.encoding, self.start_mode, self.slip = encoding, start, float(slip)
        self.goal_reward, self.pit_reward = float(goal_reward), float(pit_reward)
        self.step_cost = float(step_cost)
        kinds = np.array([list(row) for row in self.layout]).ravel()
        self.terminal = (kinds == GOAL) | (kinds == PIT)
        self.free = ~self.terminal & (kinds != WALL)
        self.start_cell = int(np.flatnonzero(kinds == START)[0])
        self._kinds = kinds
        self.next_cell = self._move_table()
        self.state_size = self.n_cells if encoding == "onehot" else 2
        self._rng = np.random.default_rng(0)
        self.cell = self.start_cell

    def reset(self, seed=None) -> np.ndarray:
        """Put the agent on its start cell (or, with start="random", a random free cell) and
        return its state (state_size,). `seed` (int) reseeds the slips and starts."""
        if seed is not None:
            self._rng = np.random.default_rng(seed)
        if self.start_mode == "random":
            self.cell = int(self._rng.choice(np.flatnonzero(self.free)))
        else:
            self.cell = self.start_cell
        return self.encode(self.cell)

    def step(self, action: int) -> tuple[np.ndarray, float, bool]:
        """Take `action` (0 up, 1 down, 2 left, 3 right): (state (state_size,), reward, done);
        done is True when the agent entered a pit or a goal."""
        if not 0 <= action < self.n_actions:
            raise ValueError(f"action must be 0..{self.n_actions - 1}, got {action}")
        if self.slip and self._rng.random() < self.slip:
            action = SIDEWAYS[action][int(self._rng.random() < 0.5)]
        self.cell = int(self.next_cell[self.cell, action])
        return self.encode(self.cell), self.reward_at(self.cell), bool(self.terminal[self.cell])

    def reward_at(self, cell: int) -> float:
        """The reward for a move that ends on `cell`."""
        kind = self._kinds[cell]
        if kind == GOAL:
            return self.goal_reward
        if kind == PIT:
            return self.pit_reward
        return -self.step_cost

    def encode(self, cells) -> np.ndarray:
        """States as the network sees them: a cell number -> (state_size,); an array of n
        cell numbers -> (n, state_size)."""
        cells = np.asarray(cells)
        flat = np.atleast_1d(cells)
        if self.encoding == "onehot":
            states = np.zeros((len(flat), self.n_cells))
            states[np.arange(len(flat)), flat] = 1.0
        else:
            rows, columns = np.divmod(flat, self.columns)
            states = np.stack([_scaled(rows, self.rows), _scaled(columns, self.columns)], 1)
        return states[0] if cells.ndim == 0 else states

    def cell_of(self, state) -> int:
        """The cell number of one state (state_size,) as encode() made it."""
        state = np.asarray(state, dtype=np.float64)
        if self.encoding == "onehot":
            return int(np.argmax(state))
        row = round((state[0] + 1.0) / 2.0 * (self.rows - 1))
        return row * self.columns + round((state[1] + 1.0) / 2.0 * (self.columns - 1))

    def model(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The world as a Markov decision process: P (n_cells, 4, n_cells) transition
        probabilities, R (n_cells, 4) expected reward of each move, done (n_cells,) terminal
        cells (their rows of P and R are zero). Slips included."""
        n = self.n_cells
        P, R = np.zeros((n, 4, n)), np.zeros((n, 4))
        rewards = np.array([self.reward_at(cell) for cell in range(n)])
        for cell in np.flatnonzero(~self.terminal & (self._kinds != WALL)):
            for action in range(4):
                for taken, p in self._outcomes(action):
                    P[cell, action, self.next_cell[cell, taken]] += p
            R[cell] = P[cell] @ rewards
        return P, R, self.terminal.copy()

    def position(self, cell: int) -> tuple[int, int]:
        """(row, column) of a cell number."""
        return divmod(int(cell), self.columns)

    def _outcomes(self, action: int) -> list[tuple[int, float]]:
        side = self.slip / 2
        outcomes = [(action, 1.0 - self.slip)]
        return outcomes + [(other, side) for other in SIDEWAYS[action]] if side else outcomes

    def _move_table(self) -> np.ndarray:
        """next[cell, action]: where a move ends (the same cell into a wall or off the grid)."""
        table = np.zeros((self.n_cells, 4), dtype=np.intp)
        for cell in range(self.n_cells):
            r, c = divmod(cell, self.columns)
            for action, (dr, dc) in enumerate(MOVES):
                rr, cc = r + dr, c + dc
                inside = 0 <= rr < self.rows and 0 <= cc < self.columns
                blocked = not inside or self.layout[rr][cc] == WALL
                table[cell, action] = cell if blocked else rr * self.columns + cc
        return table


def _scaled(index: np.ndarray, count: int) -> np.ndarray:
    return index / (count - 1) * 2.0 - 1.0
