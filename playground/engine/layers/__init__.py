"""Layers: the protocol every layer follows (base.Layer) and the layer types.

Dense is the first; convolution, pooling, Flatten and recurrent cells are further modules
here on the same protocol. LAYER_TYPES maps each type's name to its class (for save/load).
"""

from playground.engine.layers.base import LAYER_TYPES, Layer
from playground.engine.layers.dense import Dense

__all__ = ["LAYER_TYPES", "Dense", "Layer"]
