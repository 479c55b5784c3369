"""Network: the multilayer perceptron shorthand, a Sequential of Dense layers."""

from playground.engine.activations import get_activation
from playground.engine.layers.dense import Dense
from playground.engine.params import LiveViews
from playground.engine.sequential import Sequential


class Network(Sequential):
    """A multilayer perceptron.

    Network(sizes, activation="tanh", output="sigmoid", init="xavier", seed=0)
    sizes: [inputs, hidden..., outputs] (no hidden layer gives logistic / linear / softmax
    regression). activation: one hidden activation name, or a list with one per hidden layer.
    output: "sigmoid", "softmax", "linear" or "tanh". init: see INITIALIZERS.

    It is Sequential([Dense(sizes[1], activation), ..., Dense(sizes[-1], output)],
    input_shape=(sizes[0],)), with the MLP's own names on top. Attributes: sizes,
    activations (one name per layer, output included), output, init, seed, layers (Dense
    objects), params (all parameters, one flat float64 vector), weights[i] (sizes[i],
    sizes[i+1]) and biases[i] (sizes[i+1],): live views into params (write into them, see
    playground.engine.params), weight_mask (params.shape): 1.0 where a parameter is a
    weight, 0.0 for a bias.
    """

    def __init__(self, sizes, activation="tanh", output="sigmoid", init="xavier", seed=0):
        self.sizes = _check_sizes(sizes)
        hidden = _hidden_names(activation, len(self.sizes) - 2)
        for name in hidden:
            get_activation(name)
        get_activation(output, output=True)
        if output == "softmax" and self.sizes[-1] < 2:
            raise ValueError("a softmax output needs at least 2 output units")
        self.activations = [*hidden, output]
        layers = [Dense(n, f) for n, f in zip(self.sizes[1:], self.activations, strict=True)]
        super().__init__(layers, input_shape=(self.sizes[0],), init=init, seed=seed)
        self.weights = LiveViews(layer.weights for layer in self.layers)
        self.biases = LiveViews(layer.bias for layer in self.layers)

    def gradients(self, X, y, loss="bce"):
        """Gradient of the mean loss (no regularization) over X (n, sizes[0]) and labels y:
        (dW, db), lists shaped like weights and biases."""
        blocks = self.blocks_of(self.flat_gradient(X, y, loss))
        return [b[:-1] for b in blocks], [b[-1] for b in blocks]

    def to_dict(self) -> dict:
        """JSON-safe description: format version, architecture, settings, weights as lists."""
        from playground.engine.serialize import network_to_dict

        return network_to_dict(self)

    @classmethod
    def from_dict(cls, data) -> "Network":
        """Rebuild a network from to_dict() output; ValueError with a clear message if invalid."""
        from playground.engine.serialize import network_from_dict

        return network_from_dict(data)

    def _fresh(self) -> "Network":
        return Network(self.sizes, self.activations[:-1], self.output, init="zeros")

    def __repr__(self) -> str:
        return f"Network({self.sizes}, activation={self.activations[:-1]}, output={self.output!r})"


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
