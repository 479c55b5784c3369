"""Sequence tasks for recurrent networks, as NumPy arrays (never imports streamlit or plotly).

Inputs are (n, steps, features) float64; targets are a class id at every step (n, steps)
for echo and text (NO_TARGET = -1 at a step without one), one value per sequence (n,) for
waves.
"""

from playground.data.sequences.echo import echo, echo_task
from playground.data.sequences.task import NO_TARGET, SequenceTask
from playground.data.sequences.tasks import TASKS, load_task
from playground.data.sequences.text import text
from playground.data.sequences.waves import waves

__all__ = ["NO_TARGET", "TASKS", "SequenceTask", "echo", "echo_task", "load_task", "text", "waves"]
