"""Small reinforcement-learning environments, NumPy only (no streamlit, plotly or pandas).

from playground.envs import GridWorld
env = GridWorld("cliff", encoding="onehot", slip=0.1)
state = env.reset(seed=0)
state, reward, done = env.step(3)  # right
"""

from playground.envs.grid_world import ACTIONS, ARROWS, ENCODINGS, STARTS, GridWorld
from playground.envs.layouts import DEFAULT_LAYOUT, LAYOUTS, LayoutError, parse_layout

__all__ = [
    "ACTIONS",
    "ARROWS",
    "DEFAULT_LAYOUT",
    "ENCODINGS",
    "LAYOUTS",
    "STARTS",
    "GridWorld",
    "LayoutError",
    "parse_layout",
]
