"""The autoencoder's network from the settings, and its two halves: the encoder (input ->
code) and the decoder (code -> reconstruction)."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.engine import Dense, Sequential


@dataclass(frozen=True)
class Architecture:
    """Layer sizes and activations of an autoencoder.

    sizes: [inputs, encoder..., code, decoder..., inputs]. activations: one per layer after
    the input (the code layer's and the output's included). code_layer: index into the
    network's layers of the layer whose output is the code.
    """

    sizes: tuple[int, ...]
    activations: tuple[str, ...]
    code_layer: int

    @property
    def code_size(self) -> int:
        """Units in the code."""
        return self.sizes[self.code_layer + 1]


def architecture(settings: Mapping[str, Any], n_inputs: int) -> Architecture:
    """The autoencoder the settings describe for data with n_inputs columns; an empty
    decoder mirrors the encoder."""
    encoder = tuple(settings["encoder"])
    decoder = tuple(settings["decoder"]) or encoder[::-1]
    act = settings["activation"]
    return Architecture(
        sizes=(n_inputs, *encoder, settings["code_size"], *decoder, n_inputs),
        activations=(
            *[act] * len(encoder),
            settings["code_activation"],
            *[act] * len(decoder),
            settings["output"],
        ),  # fmt: skip
        code_layer=len(encoder),
    )


def build_network(arch: Architecture, init: str, seed: int) -> Sequential:
    """The engine's Sequential of Dense layers for arch, weights drawn with init from seed."""
    layers = [Dense(units, activation=name)
              for units, name in zip(arch.sizes[1:], arch.activations, strict=True)]  # fmt: skip
    return Sequential(layers, input_shape=(arch.sizes[0],), init=init, seed=seed)


def encode(net, arch: Architecture, X: np.ndarray) -> np.ndarray:
    """Inputs X (n, f) -> their codes (n, code_size)."""
    a = np.asarray(X, dtype=np.float64)
    for layer in net.layers[: arch.code_layer + 1]:
        a = layer.infer(a)
    return a


def decode(net, arch: Architecture, codes: np.ndarray) -> np.ndarray:
    """Codes (n, code_size) -> reconstructions (n, f)."""
    a = np.asarray(codes, dtype=np.float64)
    for layer in net.layers[arch.code_layer + 1 :]:
        a = layer.infer(a)
    return a
