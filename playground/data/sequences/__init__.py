"""Sequence tasks for recurrent networks, as NumPy arrays (never imports streamlit or plotly).

Inputs are (n, steps, features) float64; targets are one per sequence (the last step's
answer): a class id (n,) for echo and text, a value (n,) for waves.
"""

from playground.data.sequences.echo import echo, echo_task
from playground.data.sequences.task import SequenceTask
from playground.data.sequences.tasks import TASKS, load_task
from playground.data.sequences.text import text
from playground.data.sequences.waves import waves

__all__ = ["TASKS", "SequenceTask", "echo", "echo_task", "load_task", "text", "waves"]
