"""The reinforcement lab: a deep Q-network agent learns its way through a grid world."""

from collections.abc import Mapping
from typing import Any

from playground.config import Button
from playground.labs.base import Lab
from playground.labs.rl import views
from playground.labs.rl.session import RLSession
from playground.labs.rl.table import TABLE

# The toolbar in the lab's units: a move and an episode, not a mini-batch and an epoch.
BUTTONS = (
    Button("play", "Play", "Start or pause training: episode after episode"),
    Button("step_batch", "Step move", "One environment step: the agent makes one move and "
           "learns from it"),
    Button("step", "Step", "Train one episode (or the rest of the one under way)"),
    Button("reset", "Reset", "New starting weights (the seed's next draw); same world"),
    Button("regenerate", "Regenerate", "A new random seed: new weights, exploration, replay "
           "and slips"),
)  # fmt: skip


class RLLab(Lab):
    """Reinforcement learning: an agent acts, gets rewards, and learns a policy."""

    name = "rl"
    path = "rl"
    title = "Reinforcement learning"
    summary = (
        "An agent moves through a grid world, gets a reward at the goal and a penalty in a "
        "pit, and learns from trial and error which move is best in each cell. Watch a deep "
        "Q-network's values spread back from the goal, its greedy path appear, and "
        "exploration fade."
    )
    icon = ":material/smart_toy:"
    table = TABLE
    views = views.VIEWS
    counter = "Episode"
    stop_setting = "max_episodes"
    buttons = BUTTONS
    group_notes = {
        "data": "Changing the world starts the agent again (new weights, episode 0).",
        "network": "Changing the agent rebuilds it with new weights (episode 0).",
        "training": "These apply at the next step: the agent keeps learning where it is.",
    }

    def open(self, settings: Mapping[str, Any]) -> RLSession:
        """A session with these settings (raises DataError for a layout it cannot use)."""
        return RLSession(settings)

    def stats(self, snap):
        """Episodes, steps, mean return, ε and the shortest-path share."""
        return views.stats(snap)


RL = RLLab()
RLSession.lab = RL
