"""Sequential: a stack of layers over inputs of any shape, its parameters in one flat vector."""

import numpy as np

from playground.engine.initializers import check_initializer
from playground.engine.layers.base import Layer
from playground.engine.losses import (
    encode_step_targets,
    encode_targets,
    loss_value,
    loss_view,
    make_output_delta,
)
from playground.engine.params import ParamLayout
from playground.engine.propagation import Workspace, backward, forward, ready_inputs


class Sequential:
    """A stack of layers, each feeding the next.

    Sequential(layers, input_shape=(64,), init="xavier", seed=0)
    layers: Layer objects (e.g. Dense(32, activation="relu")), each used in one network only;
    input_shape: one sample's shape (inputs are (n, *input_shape)); init: see INITIALIZERS,
    applied to every layer from its own fan-in and fan-out; seed fixes the initial weights.

    Attributes: layers; input_shape, output_shape (one sample); output: the last layer's
    activation name (which losses it pairs with); init, seed; params: every parameter in one
    flat float64 vector (layer.params[name] are live views into it, see
    playground.engine.params); layout: where each layer's parameters are; weight_mask
    (params.shape): 1.0 on the weights L1/L2 apply to, 0.0 elsewhere.
    """

    def __init__(self, layers, input_shape, init="xavier", seed=0):
        self.layers = list(layers)
        if not self.layers or not all(isinstance(layer, Layer) for layer in self.layers):
            raise ValueError("layers must be a non-empty list of Layer objects")
        if any(hasattr(layer, "params") for layer in self.layers):
            raise ValueError("a layer already belongs to a network: make a new one")
        self.input_shape = _check_shape(input_shape)
        check_initializer(init)
        self.init, self.seed = init, seed
        self.output_shape = build_layers(self.layers, self.input_shape)
        self.layout = ParamLayout(self.layers)
        self.params = np.zeros(self.layout.size)
        self.weight_mask = self.layout.mask(self.layers)
        views, spans = self.layout.views(self.params), self.layout.spans(self.params)
        for layer, named, span in zip(self.layers, views, spans, strict=True):
            layer.bind(named, span)
        rng = np.random.default_rng(seed)
        for layer in self.layers:
            layer.initialize(init, rng)

    @property
    def output(self) -> str:
        """The output activation's name: the last layer's ("linear" if it has none)."""
        return self.layers[-1].activation_name

    def check_inputs(self, X) -> np.ndarray:
        """X as a float64 (n, *input_shape) array; ValueError for a wrong shape or non-finite."""
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 1 + len(self.input_shape) or X.shape[1:] != self.input_shape:
            want = ", ".join(["n", *map(str, self.input_shape)])
            raise ValueError(f"inputs must have shape ({want}), got {X.shape}")
        # The sum is finite for finite inputs (short of overflow, which the full check then
        # clears): one reduction instead of a boolean array per call.
        if not np.isfinite(X.sum()) and not np.all(np.isfinite(X)):
            raise ValueError("inputs must be finite numbers")
        return X

    def neuron_outputs(self, X) -> list[np.ndarray]:
        """Every layer's output for X (n, *input_shape) in one forward pass, without dropout:
        one array per layer, [i].shape == (n, *layers[i].output_shape)."""
        outputs, a = [], self.check_inputs(X)
        for layer in self.layers:
            a = layer.infer(a)
            outputs.append(a)
        return outputs

    def predict(self, X) -> np.ndarray:
        """The output (n, *output_shape) after the output activation, without dropout."""
        return self.neuron_outputs(X)[-1]

    def loss(self, X, y, loss="bce") -> float:
        """Mean loss over the rows of X (n, *input_shape), without regularization."""
        x, targets = ready_inputs(self.layers, self.check_inputs(X)), self._targets(y, loss)
        ws = Workspace(self.layers, len(x), training=False)
        forward(self.layers, ws, x)
        return loss_value(loss, ws.z_out, ws.a_out, targets)

    def gradients(self, X, y, loss="bce") -> list[dict[str, np.ndarray]]:
        """Gradient of the mean loss (no regularization) over X and labels y: one dict per
        layer, {parameter name: gradient shaped like that parameter}."""
        return self.layout.views(self.flat_gradient(X, y, loss))

    def flat_gradient(self, X, y, loss="bce", ws=None) -> np.ndarray:
        """Gradient of the mean loss as one vector shaped like params; fills `ws` if given."""
        delta_fn = make_output_delta(self.output, loss)
        x, targets = ready_inputs(self.layers, self.check_inputs(X)), self._targets(y, loss)
        ws = ws or Workspace(self.layers, len(x))
        forward(self.layers, ws, x)
        delta_fn(ws.a_out, ws.z_out, targets, ws.delta_out, ws.tmp_out, ws.inv_rows)
        grad = np.zeros_like(self.params)
        backward(self.layers, ws, x, self.gradient_targets(grad))
        return grad

    def gradient_targets(self, grad: np.ndarray) -> list:
        """Per layer, what its backward() writes into, as views of `grad` (params' shape)."""
        views, spans = self.layout.views(grad), self.layout.spans(grad)
        return [
            layer.gradient_target(named, span)
            for layer, named, span in zip(self.layers, views, spans, strict=True)
        ]

    def blocks_of(self, flat: np.ndarray) -> list:
        """Per layer, its view of `flat` (a vector shaped like params) as its backward writes
        it: for Dense the (fan_in + 1, fan_out) block [W; b] (so block[:-1] is W's part and
        block[-1] b's); for other layers see their gradient_target."""
        return self.gradient_targets(flat)

    def _targets(self, y, loss) -> np.ndarray:
        """Labels y encoded for `loss` as the loss reads them (losses.loss_view): (n, k)
        float64 for an output of k values; for a sequence output (steps, k) with cce, class
        ids (n, steps) (-1: no target at that step) as one-hot (n, steps, k); with mse,
        targets of the output's shape (n, *output_shape)."""
        make_output_delta(self.output, loss)  # validates the output/loss pair
        shape = self.output_shape
        if len(shape) == 1:
            return encode_targets(y, loss, shape[0])
        if loss == "cce" and len(shape) == 2:
            return encode_step_targets(y, shape[1], shape[0])
        if loss != "mse":
            raise ValueError(f"outputs of shape {shape} need the 'mse' loss (or 'cce' for a "
                             "softmax at every step)")  # fmt: skip
        y = np.asarray(y)
        if y.shape[1:] != shape:
            raise ValueError(f"targets must have shape (n, *{shape}), got {y.shape}")
        flat = encode_targets(y.reshape(len(y), -1), loss, int(np.prod(shape)))
        return loss_view(flat.reshape(len(y), *shape))

    def to_dict(self) -> dict:
        """JSON-safe description: format, version, input_shape, init, seed, and per layer its
        type, config and parameters as nested lists."""
        from playground.engine.serialize import model_to_dict

        return model_to_dict(self)

    @classmethod
    def from_dict(cls, data) -> "Sequential":
        """Rebuild a model from to_dict() output (a saved Network comes back as a Network);
        ValueError with a clear message if the data is invalid."""
        from playground.engine.serialize import model_from_dict

        return model_from_dict(data)

    def __deepcopy__(self, memo) -> "Sequential":
        """copy.deepcopy(net): the same layers (rebuilt from their configs) with a copy of the
        parameters, every view live into the copy's own vector."""
        clone = self._fresh()
        clone.params[...] = self.params
        clone.init, clone.seed = self.init, self.seed
        return clone

    def _fresh(self) -> "Sequential":
        """A network of the same layers, untrained (zeros)."""
        layers = [type(layer)(**layer.config()) for layer in self.layers]
        return Sequential(layers, input_shape=self.input_shape, init="zeros")

    def __repr__(self) -> str:
        layers = ", ".join(map(repr, self.layers))
        return f"Sequential([{layers}], input_shape={self.input_shape})"


def build_layers(layers, input_shape) -> tuple[int, ...]:
    """Build every layer in turn from input_shape; the last output shape. ValueError if a
    shape does not fit or an activation without derivative (softmax) is not last."""
    shape = input_shape
    for i, layer in enumerate(layers):
        layer.input_shape = shape
        shape = layer.output_shape = _check_shape(layer.build(shape))
        if i < len(layers) - 1 and layer.activation and not layer.activation.mul_derivative:
            raise ValueError(f"{layer.activation.name} can only be the last layer's activation")
    return shape


def _check_shape(shape) -> tuple[int, ...]:
    try:
        values = tuple(int(s) for s in shape)
        whole = all(v == s and not isinstance(s, bool) for v, s in zip(values, shape, strict=True))
    except (TypeError, ValueError):
        whole = False
    if not whole or not values or min(values) < 1:
        raise ValueError(f"a shape must be a tuple of positive integers, got {shape!r}")
    return values
