"""The vision lab's own tools above its live views: draw a digit for the network to read,
and train a dense network of as many parameters on the same images to compare."""

import streamlit as st

from playground.ui.dense_vs_conv import dense_vs_conv
from playground.ui.draw_digit import draw_digit


def convnet_tools(session) -> None:
    """Two columns (one under the other on a phone): the canvas, the comparison."""
    draw, compare = st.columns([2, 3], gap="large")
    with draw:
        draw_digit(session)
    with compare:
        dense_vs_conv(session)
