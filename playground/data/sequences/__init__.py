"""Sequence tasks for recurrent networks, as NumPy arrays (never imports streamlit or plotly).

Inputs are (n, steps, features) float64; targets are one per sequence (the last step's
answer): a class id (n,) for echo and text, a value (n,) for waves.
"""

from playground.data.sequences.echo import echo

__all__ = ["echo"]
