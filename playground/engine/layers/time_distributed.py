"""TimeDistributed: one layer applied to every step of a sequence, with the same weights.

TimeDistributed(Dense(k)) on inputs (rows, steps, features) gives (rows, steps, k): the
sequence is viewed as rows * steps vectors (a reshape, no copy), the inner layer runs on
them once, and the result is viewed back as (rows, steps, k). Its gradients are the inner
layer's over all rows * steps vectors, i.e. summed over the steps, as shared weights must
be. The usual use is a head on a recurrent layer with return_sequences=True: a prediction
at every step (the next value of a wave, or with a softmax the next character, at each
step: the cce loss then averages over the steps that have a target, see losses).
"""

import numpy as np

from playground.engine.layers.base import LAYER_TYPES, Layer


class TimeDistributed(Layer):
    """TimeDistributed(layer): `layer` (one that takes vectors, e.g. Dense) at every step.

    Inputs (rows, steps, features), outputs (rows, steps, *layer's output). Parameters,
    initialization and activation are the inner layer's (params are its names). The config
    holds the inner layer as {"type", "config"}, so save/load rebuilds it from the registry.
    A softmax inside is a softmax over each step's k values; like any softmax it must be
    the network's output, trained with cce (per step) or mse.
    """

    def __init__(self, layer):
        if isinstance(layer, dict):  # from config(): {"type": ..., "config": {...}}
            layer = _layer_from_config(layer)
        if not isinstance(layer, Layer) or isinstance(layer, TimeDistributed):
            raise ValueError("TimeDistributed wraps one layer, e.g. TimeDistributed(Dense(1))")
        self.layer = layer
        self.activation = layer.activation
        self.penalized = layer.penalized
        self.takes_dropout = layer.takes_dropout

    def build(self, input_shape):
        """Inputs (steps, *step_shape); the inner layer is built on step_shape."""
        if len(input_shape) < 2:
            raise ValueError(f"TimeDistributed takes sequences (steps, ...), not {input_shape}")
        self.steps = int(input_shape[0])
        inner = self.layer
        inner.input_shape = tuple(input_shape[1:])
        inner.output_shape = tuple(inner.build(inner.input_shape))
        return (self.steps, *inner.output_shape)

    def param_shapes(self):
        """The inner layer's parameters."""
        return self.layer.param_shapes()

    def bind(self, params, flat):
        """Hand the views to the inner layer as well."""
        super().bind(params, flat)
        self.layer.bind(params, flat)

    def gradient_target(self, grads, flat):
        """The inner layer's gradient target."""
        return self.layer.gradient_target(grads, flat)

    def initialize(self, init, rng):
        """The inner layer's initialization."""
        self.layer.initialize(init, rng)

    def config(self):
        """{"layer": {"type", "config"}} of the inner layer."""
        return {"layer": {"type": self.layer.type_name, "config": self.layer.config()}}

    def workspace(self, rows, training):
        """The inner layer's buffers for rows * steps rows, and its input (rows * steps,
        features + 1) with the ones column if it wants one."""
        n = rows * self.steps
        work = {"inner": self.layer.workspace(n, training)}
        if self.layer.bias_column:
            work["x"] = np.ones((n, self.layer.input_shape[0] + 1))  # bias_column: 1-D only
        return work

    def _steps_as_rows(self, x, work):
        """x (rows, steps, ...) as the inner layer reads it: (rows * steps, ...)."""
        flat = x.reshape(-1, *self.layer.input_shape)
        if not self.layer.bias_column:
            return flat
        work["x"][:, :-1] = flat
        return work["x"]

    def forward(self, x, z, a, work):
        """The inner layer's forward on every step at once."""
        shape = (-1, *self.layer.output_shape)
        inner_x = self._steps_as_rows(x, work)
        self.layer.forward(inner_x, z.reshape(shape), a.reshape(shape), work["inner"])

    def backward(self, x, delta, grads, delta_prev, work):
        """The inner layer's backward on every step at once (its forward input is in work)."""
        inner_x = work["x"] if self.layer.bias_column else x.reshape(-1, *self.layer.input_shape)
        below = None if delta_prev is None else delta_prev.reshape(-1, *self.layer.input_shape)
        inner_delta = delta.reshape(-1, *self.layer.output_shape)
        self.layer.backward(inner_x, inner_delta, grads, below, work["inner"])

    def infer(self, x):
        """The inner layer's infer on every step, viewed back as (rows, steps, ...)."""
        out = self.layer.infer(x.reshape(-1, *self.layer.input_shape))
        return out.reshape(len(x), self.steps, *self.layer.output_shape)


def _layer_from_config(entry) -> Layer:
    """A layer from {"type": name, "config": {...}}; ValueError if it names no layer type."""
    if not isinstance(entry, dict) or entry.get("type") not in LAYER_TYPES:
        raise ValueError("TimeDistributed's layer must name a layer type")
    config = entry.get("config", {})
    if not isinstance(config, dict) or not all(isinstance(key, str) for key in config):
        raise ValueError("TimeDistributed's layer config must be an object of settings")
    return LAYER_TYPES[entry["type"]](**config)
