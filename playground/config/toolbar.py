"""The toolbar's buttons as data: their names (which `hide` accepts), labels and help.

The page's toolbar (playground/ui/toolbar.py) draws them in this order and gives each its
icon and action; a teacher hides one with e.g. `?hide=reset`. Pure Python.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Button:
    """One toolbar button: name (its widget key and its `hide` name), label, help."""

    name: str
    label: str
    help: str


BUTTONS = (
    Button("play", "Play", "Start or pause training"),
    Button("step_batch", "Step batch", "Train one mini-batch: one gradient step"),
    Button("step", "Step", "Train one epoch (or the rest of the one under way)"),
    Button("reset", "Reset", "New starting weights; same data"),
    Button("regenerate", "Regenerate", "New data from a new random seed"),
)
BUTTON_NAMES = tuple(button.name for button in BUTTONS)
