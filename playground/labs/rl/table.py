"""The reinforcement lab's settings: the only list of them (widgets, URL and validation).

Groups as in every lab: "data" is the world (a new world restarts the agent), "network"
the agent (new weights), "training" what applies at the next step, "view" what is shown.
"""

from types import MappingProxyType

from playground.config.setting import Setting
from playground.engine import HIDDEN_ACTIVATIONS, OPTIMIZERS
from playground.engine.rl import TD_LOSSES
from playground.envs import DEFAULT_LAYOUT, ENCODINGS, LAYOUTS, STARTS
from playground.envs.layouts import MAX_TEXT
from playground.labs.common_settings import seed_setting

AGENTS = ("dqn", "tabular")
# One environment step or one episode per live frame, at a pace a person can follow, or as
# many steps as the frame's time allows.
SLOW_SPEEDS = ("step", "episode")
SPEEDS = ("auto", *SLOW_SPEEDS)
MAX_HIDDEN_UNITS = 64
MAX_EPISODES = 20_000  # the most a session trains (its history stays small)

_SETTINGS = (
    Setting("layout", "str", DEFAULT_LAYOUT, "data", "Layout",  # choices: the menu's
            f"A ready world ({', '.join(LAYOUTS)}) or your own rows separated by /, made of "
            "# wall, X pit, G goal, S start and . empty; e.g. S..#/.X../...G.",
            "data", choices=tuple(LAYOUTS), max_len=MAX_TEXT),
    Setting("start", "choice", "random", "data", "Start",
            "Where each episode starts: the S cell, or any empty cell at random (the agent "
            "then learns the way from everywhere).", "data", choices=STARTS),
    Setting("slip", "float", 0.0, "data", "Slippery floor",
            "Probability that a move goes sideways instead (half each way).", "data",
            low=0.0, high=0.5, presets=(0.0, 0.1, 0.2, 0.3, 0.5)),
    Setting("step_cost", "float", 0.01, "data", "Cost per step",
            "Reward -cost for every move that does not end the episode (the goal gives +1, "
            "a pit -1).", "data", low=0.0, high=0.5, presets=(0.0, 0.01, 0.05, 0.1, 0.2)),
    seed_setting("Seeds the weights, the exploration, the replay and the slips: one seed, "
                 "one run."),
    Setting("agent", "choice", "dqn", "network", "Agent",
            "dqn: a Q-network learns Q(s, a) from replayed experience; tabular: one number "
            "per cell and action (Q-learning), for comparison.", "network", choices=AGENTS),
    Setting("encoding", "choice", "onehot", "network", "State input",
            "What the network sees: onehot (one input per cell) or coords (the row and "
            "column scaled to -1..1).", "network", choices=ENCODINGS),
    Setting("hidden", "int_list", (32,), "network", "Hidden layers",
            "Units per hidden layer of the Q-network (one output per action).", "network",
            low=1, high=MAX_HIDDEN_UNITS, min_len=0, max_len=3),
    Setting("activation", "choice", "relu", "network", "Activation",
            "The hidden layers' activation.", "network", choices=HIDDEN_ACTIVATIONS),
    Setting("optimizer", "choice", "adam", "network", "Optimizer",
            "How the TD error's gradient moves the weights.", "network", choices=OPTIMIZERS),
    Setting("buffer_size", "int", 2000, "network", "Replay buffer",
            "Transitions kept for replay (the oldest go first).", "network",
            low=32, high=20_000),
    Setting("learning_rate", "float", 0.005, "training", "Learning rate",
            "Step size of the Q-network's optimizer (tabular: of each update, 0..1).",
            "live", low=0.00001, high=1.0,
            presets=(0.0001, 0.001, 0.003, 0.005, 0.01, 0.03, 0.1, 0.3, 0.5, 1.0)),
    Setting("gamma", "float", 0.95, "training", "Discount γ",
            "How much a reward one step later counts (0: only now, near 1: far ahead).",
            "live", low=0.0, high=0.999, presets=(0.5, 0.8, 0.9, 0.95, 0.99, 0.999)),
    Setting("epsilon_start", "float", 1.0, "training", "ε at the start",
            "Share of random moves at the first step (exploration).", "live",
            low=0.0, high=1.0, presets=(0.0, 0.1, 0.5, 1.0)),
    Setting("epsilon_end", "float", 0.05, "training", "ε at the end",
            "Share of random moves once the schedule is over.", "live",
            low=0.0, high=1.0, presets=(0.0, 0.01, 0.05, 0.1, 0.2)),
    Setting("epsilon_steps", "int", 2000, "training", "ε schedule (steps)",
            "Environment steps over which ε falls linearly from start to end.", "live",
            low=0, high=100_000),
    Setting("batch_size", "int", 32, "training", "Batch size",
            "Transitions replayed per update of the Q-network.", "live", low=1, high=256),
    Setting("target_sync", "int", 50, "training", "Target sync (steps)",
            "The target network, which the TD targets come from, copies the Q-network "
            "every this many steps.", "live", low=1, high=5000),
    Setting("td_loss", "choice", "huber", "training", "TD loss",
            "Error on the chosen action: huber (squared up to 1, then linear) or squared.",
            "live", choices=TD_LOSSES),
    Setting("max_steps", "int", 100, "training", "Steps per episode",
            "An episode that reaches no goal or pit ends after this many steps.", "live",
            low=5, high=1000),
    Setting("max_episodes", "int", 0, "training", "Stop after episodes",
            f"Training pauses after this many episodes (0: at {MAX_EPISODES:,}).", "live",
            low=0, high=MAX_EPISODES),
    Setting("speed", "choice", "auto", "training", "Speed",
            "auto: as many steps as a frame allows; step: one move per frame; episode: one "
            "episode per frame.", "live", choices=SPEEDS),
    Setting("window", "int", 20, "view", "Moving average",
            "Episodes in the moving average of the curves.", "view", low=1, high=500),
    Setting("cell_row", "int", 1, "view", "Cell row",
            "Row (from the top, 1 first) of the cell whose Q-values are shown; a click on a "
            "cell (Click a cell to: Inspect) sets it.", "view",
            low=1, high=12),
    Setting("cell_column", "int", 1, "view", "Cell column",
            "Column (from the left, 1 first) of the cell whose Q-values are shown; a click "
            "on a cell (Inspect) sets it.", "view",
            low=1, high=12),
)  # fmt: skip

TABLE = MappingProxyType({setting.name: setting for setting in _SETTINGS})
"""Setting name -> Setting, in panel order."""
