"""The grid world drawn as cells: the world with the agent and its path, and the greedy
policy as arrows over the state values max_a Q(s, a).

Rows run downwards as in the layout text (row 0 at the top); each cell is one unit square,
the y axis tied to the x axis so cells stay square at any width.
"""

import numpy as np

from playground.envs.grid_world import ACTIONS
from playground.plots.arrays import to_f32
from playground.plots.colors import AGENT_COLOR, DARK, DIVERGING_SCALE, GRID_CELL_COLORS
from playground.plots.layout import UIREVISION, hidden_axis, live_layout

GRID_FIGURE_HEIGHT = 340
CELL_KINDS = tuple(GRID_CELL_COLORS)  # the order of the z values of the cells' heatmap
ARROW_GLYPHS = ("↑", "↓", "←", "→")  # up, down, left, right: the environment's actions
ACTION_NAMES = ACTIONS  # up, down, left, right
CELL_LABELS = {"#": "", "X": "X", "G": "G", "S": "S", ".": ""}


def _kinds_trace(layout: list[str], labels: bool) -> dict:
    """A heatmap of the cells' kinds in their colours (z = index in CELL_KINDS). It shows no
    hover label, but a click on any cell reaches the page (hoverinfo "none", not "skip":
    Plotly sends no click for a skipped trace), at x = column, y = row."""
    z = np.array([[CELL_KINDS.index(ch) for ch in row] for row in layout], dtype=np.uint8)
    n = len(CELL_KINDS) - 1
    scale = []
    for i, kind in enumerate(CELL_KINDS):  # a stepped scale: one flat colour per kind
        scale += [
            [i / (n + 1), GRID_CELL_COLORS[kind]],
            [(i + 1) / (n + 1), GRID_CELL_COLORS[kind]],
        ]
    trace = {
        "type": "heatmap",
        "z": z,
        "zmin": -0.5,
        "zmax": n + 0.5,
        "colorscale": scale,
        "showscale": False,
        "hoverinfo": "none",
        "xgap": 1,
        "ygap": 1,
    }
    if labels:
        trace["text"] = [[CELL_LABELS[ch] for ch in row] for row in layout]
        trace["texttemplate"] = "%{text}"
        trace["textfont"] = {"color": "white", "size": 16}
    return trace


def _picked_shapes(picked: int | None, columns: int) -> list[dict]:
    """A frame around the picked cell (the one whose Q-values are shown), or none."""
    if picked is None:
        return []
    row, column = divmod(int(picked), columns)
    return [{
        "type": "rect", "x0": column - 0.45, "x1": column + 0.45, "y0": row - 0.45,
        "y1": row + 0.45, "line": {"color": DARK, "width": 3, "dash": "dot"},
        "fillcolor": "rgba(0,0,0,0)", "layer": "above",
    }]  # fmt: skip


def _grid_layout(
    layout: list[str], uirevision: str, height: int, top: int = 6, picked=None, **extra
) -> dict:
    rows, columns = len(layout), len(layout[0])
    x_axis = {**hidden_axis(), "range": [-0.5, columns - 0.5], "fixedrange": True}
    y_axis = {**hidden_axis(), "range": [rows - 0.5, -0.5], "fixedrange": True}
    return live_layout(
        height,
        uirevision,
        {"l": 6, "r": 6, "t": top, "b": 6},
        xaxis=x_axis,
        yaxis={**y_axis, "scaleanchor": "x", "scaleratio": 1},
        showlegend=False,
        shapes=_picked_shapes(picked, columns),
        **extra,
    )


def world_spec(
    layout: list[str],
    trail: np.ndarray,
    agent: int | None,
    caption: str = "",
    height: int = GRID_FIGURE_HEIGHT,
    uirevision: str = UIREVISION,
    picked: int | None = None,
) -> dict:
    """The world with the agent: layout (rows of # X G S .), trail (k,) cell numbers of the
    episode so far (drawn as a line through the cells' centres), agent: its cell or None.
    caption: a short text at the top left (e.g. "episode 12, step 4"). picked: the cell
    framed (whose Q-values are shown), or None."""
    columns = len(layout[0])
    rows_of, columns_of = np.divmod(np.asarray(trail, dtype=np.int64), columns)
    data = [
        _kinds_trace(layout, labels=True),
        {
            "type": "scatter",
            "x": columns_of.astype(np.int16),
            "y": rows_of.astype(np.int16),
            "mode": "lines",
            "line": {"color": AGENT_COLOR, "width": 3},
            "opacity": 0.55,
            "hoverinfo": "skip",
        },
    ]
    if agent is not None:
        row, column = divmod(int(agent), columns)
        data.append({
            "type": "scatter",
            "x": [column],
            "y": [row],
            "mode": "markers",
            "marker": {"color": AGENT_COLOR, "size": 22, "line": {"color": DARK, "width": 2}},
            "hovertemplate": "the agent<extra></extra>",
        })  # fmt: skip
    annotations = []
    if caption:
        annotations.append({
            "text": caption, "xref": "paper", "yref": "paper", "x": 0, "y": 1,
            "xanchor": "left", "yanchor": "bottom", "showarrow": False,
        })  # fmt: skip
    return {
        "data": data,
        "layout": _grid_layout(
            layout, uirevision, height, top=24, picked=picked, annotations=annotations
        ),
    }


def policy_spec(
    layout: list[str],
    q: np.ndarray,
    free: np.ndarray,
    height: int = GRID_FIGURE_HEIGHT,
    uirevision: str = UIREVISION,
    picked: int | None = None,
) -> dict:
    """The greedy policy over the state values: layout (rows), q (n_cells, 4) action values
    (up, down, left, right), free (n_cells,) bool cells to draw values and arrows in. Each
    free cell is coloured by max_a Q (orange below zero, blue above, symmetric scale) and
    shows the arrow of its best action; hover gives the four values. picked: the cell
    framed (whose Q-values are shown), or None."""
    rows, columns = len(layout), len(layout[0])
    q = np.asarray(q, dtype=np.float64)
    value = np.where(free, q.max(axis=1), np.nan).reshape(rows, columns)
    reach = float(np.nanmax(np.abs(value))) if np.any(free) else 1.0
    reach = reach if np.isfinite(reach) and reach > 0 else 1.0
    cells = np.flatnonzero(free)
    r, c = np.divmod(cells, columns)
    hover = [
        f"row {i // columns + 1}, column {i % columns + 1}<br>max Q {q[i].max():.3f}<br>"
        + "<br>".join(f"{name} {v:.3f}" for name, v in zip(ACTION_NAMES, q[i], strict=True))
        for i in cells
    ]
    data = [
        _kinds_trace(layout, labels=True),
        {
            "type": "heatmap",
            "z": to_f32(value),
            "zmin": -reach,
            "zmax": reach,
            "colorscale": DIVERGING_SCALE,
            "colorbar": {"thickness": 10, "len": 0.8, "title": {"text": "max Q"}},
            "hoverinfo": "skip",
            "xgap": 1,
            "ygap": 1,
        },
        {
            "type": "scatter",
            "x": c.astype(np.int16),
            "y": r.astype(np.int16),
            "mode": "text",
            "text": [ARROW_GLYPHS[a] for a in q[cells].argmax(axis=1)],
            "textfont": {"size": 20, "color": DARK},
            "hovertext": hover,
            "hovertemplate": "%{hovertext}<extra></extra>",
        },
    ]
    spec_layout = _grid_layout(layout, uirevision, height, picked=picked)
    spec_layout["margin"] = {"l": 6, "r": 60, "t": 6, "b": 6}  # room for the colour bar
    return {"data": data, "layout": spec_layout}


def q_bars_spec(
    q_cell: np.ndarray, title: str, height: int = 220, uirevision: str = UIREVISION
) -> dict:
    """The four action values of one cell as bars (up, down, left, right), each with its
    value written on it, the greedy one (the agent's choice, argmax) dark and written
    "greedy": q_cell (4,). title: which cell (plain text)."""
    q_cell = np.asarray(q_cell, dtype=np.float64)
    best = int(np.argmax(q_cell))
    colors = [DARK if a == best else "#9aa0a6" for a in range(4)]
    text = [f"{v:.3f}" + ("<br>greedy" if a == best else "") for a, v in enumerate(q_cell)]
    data = [{
        "type": "bar",
        "x": [f"{glyph} {name}" for glyph, name in zip(ARROW_GLYPHS, ACTION_NAMES, strict=True)],
        "y": to_f32(q_cell),
        "text": text,
        "textposition": "auto",
        "textangle": 0,  # "auto" turns a long text on a narrow bar on its side
        "marker": {"color": colors},
        "hovertemplate": "%{x}: %{y:.4f}<extra></extra>",
    }]  # fmt: skip
    layout = live_layout(
        height,
        uirevision,
        {"l": 50, "r": 10, "t": 28, "b": 30},
        yaxis={"title": {"text": "Q(s, a)"}, "autorange": True, "zeroline": True},
        annotations=[{
            "text": title, "xref": "paper", "yref": "paper", "x": 0, "y": 1.02,
            "xanchor": "left", "yanchor": "bottom", "showarrow": False,
        }],
    )  # fmt: skip
    return {"data": data, "layout": layout}
