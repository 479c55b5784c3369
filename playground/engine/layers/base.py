"""The layer protocol: what every layer of a Sequential provides, and the registry of layer
types by name (save/load rebuilds a layer from its type name and config, never a pickle).

A layer maps a batch x (rows, *input_shape) to a batch a (rows, *output_shape). Sequential
owns everything shared: the flat parameter vector (see params.py), the buffers of a pass
(see propagation.py), dropout, the loss and the optimizer. A layer owns its own maths:

    build(input_shape) -> output_shape     fix the shapes (one sample, no batch axis)
    param_shapes() -> {name: shape}         its parameters, in their order in the flat vector
    penalized                               names of the parameters L1/L2 apply to (weights)
    initialize(init, rng)                   fill self.params from its own fan-in / fan-out
    workspace(rows, training) -> dict       extra buffers it needs for a batch of rows
    forward(x, z, a, work)                  training / evaluation pass into given buffers
    backward(x, delta, grads, delta_prev, work)   gradients from delta = dL/dz
    infer(x) -> a                           prediction, new arrays, no workspace
    config() -> dict                        its constructor arguments, JSON-safe

A new kind of layer is a subclass that fills these in; defining it registers it by its class
name, so Sequential, Trainer, save/load and gradient_check take it without a change.
"""

from types import MappingProxyType
from typing import ClassVar

import numpy as np

from playground.engine.activations import ACTIVATIONS, Activation

LAYER_TYPES: dict[str, type["Layer"]] = {}
"""Every layer type by name (its class name unless it sets type_name): what save/load uses."""


class Layer:
    """Base class of every layer. Subclasses override what they need; the defaults describe a
    layer without parameters and without an activation.

    Attributes set by Sequential: input_shape and output_shape (one sample, no batch axis);
    params: {name: live array view into the network's flat vector} (read-only mapping: write
    into an array, `layer.params["W"][...] = W`, never rebind it).

    Class attributes a layer may set:
    activation: the Activation applied to its output (forward computes a = f(z) and the
      network multiplies delta by f'(z) in backward), or None: then z and a are one array.
      The last layer's activation names the network's output (the loss pairing).
    bias_column: True if forward/backward want x with a trailing column of ones (rows,
      features + 1), as Dense does to fold its bias into one matmul; only for 1-D inputs.
    penalized: parameter names L1/L2 regularization applies to (weights, not biases).
    takes_dropout: whether the trainer's dropout may zero this layer's outputs when it is a
      hidden layer (layers with weights: yes; reshaping and pooling layers: no).
    """

    type_name: ClassVar[str] = "Layer"
    activation: Activation | None = None
    bias_column: ClassVar[bool] = False
    penalized: ClassVar[tuple[str, ...]] = ()
    takes_dropout: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        name = cls.__dict__.get("type_name", cls.__name__)
        cls.type_name = name
        LAYER_TYPES[name] = cls  # a later class of the same name replaces it (e.g. a reload)

    # --- shapes and parameters -----------------------------------------------------------

    def build(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        """Fix the layer to samples of `input_shape` and return the shape of its output;
        ValueError if it cannot take that shape. Called once, by Sequential."""
        raise NotImplementedError

    def param_shapes(self) -> dict[str, tuple[int, ...]]:
        """Each parameter's name and shape (after build), in their order in the flat vector."""
        return {}

    def bind(self, params: dict[str, np.ndarray], flat: np.ndarray) -> None:
        """Take the live views of this layer's parameters: `params` by name, `flat` the same
        numbers as one contiguous 1-D view (for a layer that wants them in one piece)."""
        self.params = MappingProxyType(params)

    def gradient_target(self, grads: dict[str, np.ndarray], flat: np.ndarray):
        """What backward() writes its gradients into, made once per gradient vector: by
        default `grads` ({name: view shaped like params[name]}); `flat` is their 1-D span."""
        return grads

    def initialize(self, init: str, rng: np.random.Generator) -> None:
        """Fill self.params in place with initializer `init` (see INITIALIZERS), from this
        layer's own fan-in and fan-out, drawing from `rng`."""

    def config(self) -> dict:
        """The constructor's keyword arguments, JSON-safe: type(self)(**config()) is a fresh
        layer of the same kind."""
        return {}

    # --- passes -------------------------------------------------------------------------

    def workspace(self, rows: int, training: bool) -> dict:
        """Extra buffers for passes over `rows` rows (e.g. im2col columns, pooling arg-max,
        recurrent states), handed back to forward/backward as `work`; training=False for
        forward-only passes."""
        return {}

    def forward(self, x: np.ndarray, z: np.ndarray, a: np.ndarray, work: dict) -> None:
        """Write the pre-activation z and the output a = activation(z), both (rows,
        *output_shape), for x (rows, *input_shape) (with the ones column if bias_column).
        Without an activation, write a only (z is then the same array or unused)."""
        raise NotImplementedError

    def backward(self, x, delta, grads, delta_prev, work: dict) -> None:
        """From delta = dL/dz (rows, *output_shape) and the x of the forward pass, write
        (overwrite, not add) every parameter's gradient into `grads` (what gradient_target
        gave) and, unless delta_prev is None (the first layer), dL/dx (rows, *input_shape)
        into delta_prev. `work` holds what forward left in it."""
        raise NotImplementedError

    def infer(self, x: np.ndarray) -> np.ndarray:
        """The output for x (rows, *input_shape), as a new array; no dropout, no workspace."""
        raise NotImplementedError

    @property
    def activation_name(self) -> str:
        """The name of the output activation ("linear" for none)."""
        return "linear" if self.activation is None else self.activation.name

    def __repr__(self) -> str:
        args = ", ".join(f"{key}={value!r}" for key, value in self.config().items())
        return f"{self.type_name}({args})"


def activation_named(name) -> Activation:
    """The Activation called `name`; ValueError listing every name if there is none."""
    if not isinstance(name, str) or name not in ACTIVATIONS:
        raise ValueError(f"unknown activation {name!r}; choose one of {tuple(ACTIVATIONS)}")
    return ACTIVATIONS[name]


def positive_int(value, what: str) -> int:
    """`value` as an int if it is a whole number >= 1 (not a bool); else ValueError."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{what} must be a positive integer, got {value!r}")
    return int(value)
