"""Grid-world layouts as plain data: ready ones by name, and the checks a user's layout passes.

A layout is a list of strings, one per row, all of one length, made of these characters:
``#`` wall, ``X`` pit (negative reward, the episode ends), ``G`` goal (positive reward, the
episode ends), ``S`` start, ``.`` empty. A layout from a URL or a text box is user input:
``parse_layout`` accepts a ready layout's name or rows separated by ``/`` (or new lines) and
raises ``LayoutError`` with a sentence a student can act on for anything else.
"""

from collections import deque

WALL, PIT, GOAL, START, EMPTY = "#", "X", "G", "S", "."
CELL_KINDS = {WALL: "wall", PIT: "pit", GOAL: "goal", START: "start", EMPTY: "empty"}
MIN_SIDE, MAX_SIDE = 2, 12
# A text longer than the largest grid with its separators is refused before it is split.
MAX_TEXT = MAX_SIDE * (MAX_SIDE + 1) + 2

LAYOUTS: dict[str, tuple[str, ...]] = {
    "room": (
        "S.....",
        "......",
        "......",
        "......",
        "......",
        ".....G",
    ),
    "cliff": (
        "......",
        "......",
        "......",
        "......",
        "......",
        "SXXXXG",
    ),
    "maze": (
        "S.#...",
        ".##.#.",
        "....#.",
        ".##.#.",
        "..#.#.",
        "#...#G",
    ),
    "pits": (
        "S.....",
        ".#..X.",
        ".#....",
        ".#.X#.",
        "...X#.",
        ".X...G",
    ),
}
DEFAULT_LAYOUT = "room"


class LayoutError(ValueError):
    """A layout cannot be used; the message says why (the row, the character or the limit)."""


def parse_layout(value) -> list[str]:
    """A checked layout (list of row strings) from a ready layout's name, a text with rows
    separated by "/" or new lines, or a sequence of row strings; LayoutError otherwise."""
    if isinstance(value, str):
        text = value.strip()
        if text in LAYOUTS:
            return list(LAYOUTS[text])
        if len(text) > MAX_TEXT:
            raise LayoutError(f"a layout has at most {MAX_SIDE} rows of {MAX_SIDE} cells")
        rows = [row.strip() for row in text.replace("\n", "/").split("/")]
        rows = [row for row in rows if row]
        if len(rows) == 1 and set(rows[0]) - set(CELL_KINDS):
            names = ", ".join(LAYOUTS)
            raise LayoutError(
                f"unknown layout {text[:20]!r}: give one of {names}, or rows separated by /"
            )
    else:
        try:
            rows = [str(row) for row in value]
        except TypeError:
            raise LayoutError("a layout is a list of rows (strings)") from None
    check_layout(rows)
    return rows


def check_layout(rows: list[str]) -> None:
    """Raise LayoutError unless `rows` is a grid of known characters within the size limits,
    with exactly one start, at least one goal, and a goal the start can reach."""
    if not MIN_SIDE <= len(rows) <= MAX_SIDE:
        raise LayoutError(f"a layout needs {MIN_SIDE} to {MAX_SIDE} rows, got {len(rows)}")
    width = len(rows[0])
    if not MIN_SIDE <= width <= MAX_SIDE:
        raise LayoutError(f"a row needs {MIN_SIDE} to {MAX_SIDE} cells, row 1 has {width}")
    for number, row in enumerate(rows, start=1):
        if len(row) != width:
            raise LayoutError(
                f"every row needs {width} cells like row 1; row {number} has {len(row)}"
            )
        unknown = sorted(set(row) - set(CELL_KINDS))
        if unknown:
            known = ", ".join(f"{c} {kind}" for c, kind in CELL_KINDS.items())
            raise LayoutError(f"row {number} has the character {unknown[0]!r}; use only: {known}")
    starts = sum(row.count(START) for row in rows)
    if starts != 1:
        raise LayoutError(f"a layout needs exactly one start S, this one has {starts}")
    if not any(GOAL in row for row in rows):
        raise LayoutError("a layout needs at least one goal G")
    if not _goal_reachable(rows):
        raise LayoutError(
            "no goal G can be reached from the start S (walls # or pits X in the way)"
        )


def neighbours(rows: list[str], r: int, c: int):
    """The cells (row, column) one move up, down, left and right of (r, c) inside the grid."""
    for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
        if 0 <= r + dr < len(rows) and 0 <= c + dc < len(rows[0]):
            yield r + dr, c + dc


def goal_distances(rows: list[str]) -> dict[tuple[int, int], int]:
    """Fewest moves from each cell that can reach a goal to the nearest goal, passing no
    wall and no pit: {(row, column): moves}, goals at 0; cells that cannot are left out."""
    found = {(r, c): 0 for r, row in enumerate(rows) for c, ch in enumerate(row) if ch == GOAL}
    queue = deque(found)
    while queue:
        r, c = queue.popleft()
        for cell in neighbours(rows, r, c):
            if cell not in found and rows[cell[0]][cell[1]] in (START, EMPTY):
                found[cell] = found[(r, c)] + 1
                queue.append(cell)
    return found


def _goal_reachable(rows: list[str]) -> bool:
    start = next((r, row.index(START)) for r, row in enumerate(rows) if START in row)
    return start in goal_distances(rows)


def paint_cell(rows: list[str], row: int, column: int, kind: str) -> list[str]:
    """The layout `rows` with cell (row, column) made `kind` (one of CELL_KINDS' keys); a
    new start S moves the start there (the old one becomes empty). Unchecked: pass the
    result to check_layout (it may have lost its start or its last goal). IndexError for
    a cell outside the grid, ValueError for an unknown kind."""
    if kind not in CELL_KINDS:
        raise ValueError(f"unknown cell kind {kind!r}; use one of {''.join(CELL_KINDS)}")
    if not (0 <= row < len(rows) and 0 <= column < len(rows[row])):
        raise IndexError(f"cell ({row}, {column}) is outside the grid")
    painted = [r.replace(START, EMPTY) if kind == START else r for r in rows]
    line = painted[row]
    painted[row] = line[:column] + kind + line[column + 1 :]
    return painted
