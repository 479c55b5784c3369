"""The multilayer perceptron: layers whose parameters all live in one flat vector."""

import numpy as np

from playground.engine.activations import get_activation
from playground.engine.initializers import initialize
from playground.engine.layers import Dense
from playground.engine.losses import encode_targets, loss_value, make_output_delta
from playground.engine.propagation import Workspace, augment, backward, forward


class Network:
    """A multilayer perceptron.

    Network(sizes, activation="tanh", output="sigmoid", init="xavier", seed=0)
    sizes: [inputs, hidden..., outputs] (no hidden layer gives logistic / linear / softmax
    regression). activation: one hidden activation name, or a list with one per hidden layer.
    output: "sigmoid", "softmax", "linear" or "tanh". init: see INITIALIZERS.

    Attributes: sizes, activations (one name per layer, output included), output, init, seed,
    layers (Dense objects), params (all parameters, one flat float64 vector),
    weights[i] (sizes[i], sizes[i+1]) and biases[i] (sizes[i+1],): live views into params,
    weight_mask (params.shape): 1.0 where a parameter is a weight, 0.0 for a bias.
    """

    def __init__(self, sizes, activation="tanh", output="sigmoid", init="xavier", seed=0):
        self.sizes = _check_sizes(sizes)
        hidden = _hidden_names(activation, len(self.sizes) - 2)
        output_fn = get_activation(output, output=True)
        if output == "softmax" and self.sizes[-1] < 2:
            raise ValueError("a softmax output needs at least 2 output units")
        self.activations = [*hidden, output]
        self.output = output
        self.init = init
        self.seed = seed
        fns = [get_activation(name) for name in hidden] + [output_fn]
        self.layers = [
            Dense(m, n, f) for m, n, f in zip(self.sizes, self.sizes[1:], fns, strict=False)
        ]
        total = sum(layer.param_count for layer in self.layers)
        self.params = np.zeros(total)
        self.weight_mask = np.ones(total)
        offset = 0
        for layer in self.layers:
            layer.bind(self.params, offset)
            self.weight_mask[offset : offset + layer.param_count][-layer.fan_out :] = 0.0
            offset += layer.param_count
        self.weights = [layer.weights for layer in self.layers]
        self.biases = [layer.bias for layer in self.layers]
        rng = np.random.default_rng(seed)
        for layer in self.layers:
            initialize(init, layer.weights, layer.bias, rng)

    def blocks_of(self, flat: np.ndarray) -> list[np.ndarray]:
        """Per-layer (fan_in + 1, fan_out) views of a vector shaped like params."""
        blocks, offset = [], 0
        for layer in self.layers:
            size = layer.param_count
            blocks.append(flat[offset : offset + size].reshape(layer.fan_in + 1, layer.fan_out))
            offset += size
        return blocks

    def check_inputs(self, X) -> np.ndarray:
        """X as a float64 (n, sizes[0]) array; ValueError for a wrong shape or non-finite."""
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != self.sizes[0]:
            raise ValueError(f"inputs must have shape (n, {self.sizes[0]}), got {X.shape}")
        # The sum is finite for finite inputs (short of overflow, which the full check then
        # clears): one reduction instead of a boolean array per call.
        if not np.isfinite(X.sum()) and not np.all(np.isfinite(X)):
            raise ValueError("inputs must be finite numbers")
        return X

    def neuron_outputs(self, X) -> list[np.ndarray]:
        """Every layer's output for X (n, sizes[0]) in one forward pass, without dropout:
        a list of len(sizes) - 1 arrays, [i].shape == (n, sizes[i + 1])."""
        outputs, a = [], self.check_inputs(X)
        for layer in self.layers:
            a = layer.infer(a)
            outputs.append(a)
        return outputs

    def predict(self, X) -> np.ndarray:
        """Network output (n, sizes[-1]) after the output activation, without dropout."""
        return self.neuron_outputs(X)[-1]

    def loss(self, X, y, loss="bce") -> float:
        """Mean loss over the rows of X (n, sizes[0]), without regularization."""
        x_aug, targets = augment(self.check_inputs(X)), self._targets(y, loss)
        ws = Workspace(self.layers, len(x_aug), training=False)
        forward(self.layers, ws, x_aug)
        return loss_value(loss, ws.z[-1], ws.a[-1], targets)

    def gradients(self, X, y, loss="bce"):
        """Gradient of the mean loss (no regularization) over X (n, sizes[0]) and labels y:
        (dW, db), lists shaped like weights and biases."""
        grad = self.flat_gradient(X, y, loss)
        blocks = self.blocks_of(grad)
        return [b[:-1] for b in blocks], [b[-1] for b in blocks]

    def flat_gradient(self, X, y, loss="bce", ws=None) -> np.ndarray:
        """Gradient of the mean loss as one vector shaped like params; fills `ws` if given."""
        delta_fn = make_output_delta(self.output, loss)
        x_aug, targets = augment(self.check_inputs(X)), self._targets(y, loss)
        ws = ws or Workspace(self.layers, len(x_aug))
        forward(self.layers, ws, x_aug)
        delta_fn(ws.a[-1], ws.z[-1], targets, ws.delta[-1], ws.tmp[-1], ws.inv_rows)
        grad = np.zeros_like(self.params)
        backward(self.layers, ws, x_aug, self.blocks_of(grad))
        return grad

    def _targets(self, y, loss) -> np.ndarray:
        make_output_delta(self.output, loss)  # validates the output/loss pair
        targets = encode_targets(y, loss, self.sizes[-1])
        return targets

    def to_dict(self) -> dict:
        """JSON-safe description: format version, architecture, settings, weights as lists."""
        from playground.engine.serialize import network_to_dict

        return network_to_dict(self)

    @classmethod
    def from_dict(cls, data) -> "Network":
        """Rebuild a network from to_dict() output; ValueError with a clear message if invalid."""
        from playground.engine.serialize import network_from_dict

        return network_from_dict(data)


def _check_sizes(sizes) -> list[int]:
    try:
        values = [int(s) for s in sizes]
        whole = all(v == s and not isinstance(s, bool) for v, s in zip(values, sizes, strict=True))
    except (TypeError, ValueError):
        whole = False
    if not whole or len(values) < 2 or min(values) < 1:
        raise ValueError("sizes must be a list of at least 2 positive integers")
    return values


def _hidden_names(activation, n_hidden: int) -> list[str]:
    if isinstance(activation, str):
        return [activation] * n_hidden
    names = list(activation)
    if len(names) != n_hidden:
        raise ValueError(f"got {len(names)} activations for {n_hidden} hidden layers")
    return names
