"""Layers: the protocol every layer follows (base.Layer) and the layer types.

Dense (dense.py); images: Conv2D (conv.py), MaxPool2D and AvgPool2D (pooling.py), Flatten
(reshape.py); further kinds (recurrent cells) are modules here on the same protocol.
LAYER_TYPES maps each type's name to its class (for save/load).
"""

from playground.engine.layers.base import LAYER_TYPES, Layer
from playground.engine.layers.conv import Conv2D
from playground.engine.layers.dense import Dense
from playground.engine.layers.lstm import LSTM
from playground.engine.layers.pooling import AvgPool2D, MaxPool2D
from playground.engine.layers.recurrent import SimpleRNN, time_step_gradient_norms
from playground.engine.layers.reshape import Flatten
from playground.engine.layers.time_distributed import TimeDistributed

__all__ = [
    "LAYER_TYPES",
    "LSTM",
    "AvgPool2D",
    "Conv2D",
    "Dense",
    "Flatten",
    "Layer",
    "MaxPool2D",
    "SimpleRNN",
    "TimeDistributed",
    "time_step_gradient_norms",
]
