"""The vision lab's network from its settings: conv blocks (Conv2D, then MaxPool2D if on),
Flatten, hidden Dense layers and the softmax output; and what the page says about it."""

from collections.abc import Mapping
from dataclasses import dataclass
from math import prod
from typing import Any

import numpy as np

from playground.engine import Conv2D, Dense, Flatten, MaxPool2D, Sequential

POOL_SIZE = 2


def build_layers(settings: Mapping[str, Any], input_shape: tuple[int, int, int], classes: int):
    """The layers the settings describe for images (channels, h, w) and `classes` classes.
    Convolutions pad "same"; a block pools only while its maps are at least 2x2."""
    kernel = int(settings["kernel_size"])
    layers, (_, height, width) = [], input_shape
    for filters in settings["conv_filters"]:
        layers.append(Conv2D(filters, kernel, padding="same",
                             activation=settings["conv_activation"]))  # fmt: skip
        if settings["pooling"] and min(height, width) >= POOL_SIZE:
            layers.append(MaxPool2D(POOL_SIZE))
            height, width = height // POOL_SIZE, width // POOL_SIZE
    layers.append(Flatten())
    layers += [Dense(units, activation=settings["dense_activation"]) for units in settings["dense"]]
    layers.append(Dense(classes, activation="softmax"))
    return layers


def build_network(settings: Mapping[str, Any], input_shape, classes: int, seed: int) -> Sequential:
    """The engine's Sequential for these settings, weights from `seed`."""
    layers = build_layers(settings, input_shape, classes)
    return Sequential(layers, input_shape=input_shape, init=settings["init"], seed=seed)


@dataclass(frozen=True)
class LayerRow:
    """One line of the network's summary: what the layer is, its output shape (one image),
    and how many parameters it has."""

    name: str
    output_shape: tuple[int, ...]
    params: int


def describe(layer) -> str:
    """A layer in a few words, e.g. "Conv2D 8 filters 3×3, relu"."""
    kind = layer.type_name
    if kind == "Conv2D":
        k = layer.kernel_size
        return f"Conv2D {layer.filters} filters {k}×{k}, {layer.activation_name}"
    if kind == "MaxPool2D":
        return f"MaxPool2D {layer.size}×{layer.size}"
    if kind == "Dense":
        return f"Dense {layer.units}, {layer.activation_name}"
    return kind


def summary(net: Sequential) -> tuple[LayerRow, ...]:
    """The input, then every layer: name, output shape, parameters."""
    rows = [LayerRow("Input", net.input_shape, 0)]
    for layer in net.layers:
        count = sum(prod(shape) for shape in layer.param_shapes().values())
        rows.append(LayerRow(describe(layer), layer.output_shape, count))
    return tuple(rows)


def image_layers(net: Sequential) -> list[int]:
    """Indices of the layers whose outputs are feature maps (channels, h, w)."""
    return [i for i, layer in enumerate(net.layers) if len(layer.output_shape) == 3]


def feature_maps(net: Sequential, image: np.ndarray) -> list[np.ndarray]:
    """image (channels, h, w) -> per image layer (image_layers order), its maps (C, h', w')."""
    outputs = net.neuron_outputs(image[None])
    return [outputs[i][0].copy() for i in image_layers(net)]
