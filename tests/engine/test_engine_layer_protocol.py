"""A new layer type, defined here and nowhere in the engine, trains, saves, loads and passes
the gradient check through Sequential and Trainer: the layer protocol is the whole contract."""

import io
import json

import numpy as np
import pytest

from playground.engine import (
    LAYER_TYPES,
    OPTIMIZERS,
    Dense,
    Layer,
    Sequential,
    Trainer,
    gradient_check,
    load_npz,
    save_npz,
)
from playground.engine.activations import ACTIVATIONS


class ToyFlatten(Layer):
    """Parameter-free: (rows, *shape) -> (rows, prod(shape)), as a Flatten would. (Toy names:
    the registry is global, so these must not shadow a real layer type.)"""

    def build(self, input_shape):
        return (int(np.prod(input_shape)),)

    def forward(self, x, z, a, work):
        a[...] = x.reshape(len(x), -1)

    def backward(self, x, delta, grads, delta_prev, work):
        if delta_prev is not None:
            delta_prev[...] = delta.reshape(delta_prev.shape)

    def infer(self, x):
        return x.reshape(len(x), -1).copy()


class ToyScale(Layer):
    """Parameter-free with a setting: a = factor * x."""

    def __init__(self, factor: float):
        self.factor = float(factor)

    def build(self, input_shape):
        return input_shape

    def config(self):
        return {"factor": self.factor}

    def forward(self, x, z, a, work):
        np.multiply(x, self.factor, out=a)

    def backward(self, x, delta, grads, delta_prev, work):
        np.multiply(delta, self.factor, out=delta_prev)

    def infer(self, x):
        return x * self.factor


class ToyAffine(Layer):
    """Element-wise a = f(x * s + t), with its own named parameters s (penalized) and t."""

    penalized = ("s",)
    takes_dropout = True

    def __init__(self, activation="linear"):
        self.activation = ACTIVATIONS[activation]

    def build(self, input_shape):
        assert len(input_shape) == 1
        self.features = input_shape[0]
        return input_shape

    def param_shapes(self):
        return {"s": (self.features,), "t": (self.features,)}

    def initialize(self, init, rng):
        self.params["s"][...] = 1.0 + rng.normal(0.0, 0.1, self.features)
        self.params["t"][...] = 0.0

    def config(self):
        return {"activation": self.activation.name}

    def workspace(self, rows, training):
        return {"x": np.empty((rows, self.features))} if training else {}

    def forward(self, x, z, a, work):
        if "x" in work:
            work["x"][...] = x  # kept for backward, to show what a workspace is for
        np.multiply(x, self.params["s"], out=z)
        z += self.params["t"]
        self.activation.forward(z, a)

    def backward(self, x, delta, grads, delta_prev, work):
        np.sum(delta * work["x"], axis=0, out=grads["s"])
        np.sum(delta, axis=0, out=grads["t"])
        if delta_prev is not None:
            np.multiply(delta, self.params["s"], out=delta_prev)

    def infer(self, x):
        z = x * self.params["s"] + self.params["t"]
        a = np.empty_like(z)
        self.activation.forward(z, a)
        return a


def stack(seed=0):
    layers = [ToyFlatten(), ToyAffine(activation="tanh"), Dense(5, activation="relu"),
              ToyScale(0.5), Dense(3, activation="softmax")]  # fmt: skip
    return Sequential(layers, input_shape=(2, 3), init="he", seed=seed)


def data(rows=120, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(rows, 2, 3))
    return X, (X[:, 0, 0] > 0).astype(int) + (X[:, 1, 2] > 0.5)


def test_defining_a_layer_registers_it_and_the_network_lays_out_its_params():
    net = stack()
    assert {"ToyFlatten", "ToyScale", "ToyAffine"} <= set(LAYER_TYPES)
    affine = net.layers[1]
    assert affine.params["s"].shape == (6,) and np.shares_memory(affine.params["s"], net.params)
    assert [layer.output_shape for layer in net.layers] == [(6,), (6,), (5,), (5,), (3,)]
    assert net.params.size == 12 + 35 + 18 and net.weight_mask[:12].tolist() == [1] * 6 + [0] * 6
    assert net.predict(data(4)[0]).shape == (4, 3)


def test_a_new_layer_passes_the_gradient_check():
    net = stack()
    net.params += np.random.default_rng(1).normal(0, 0.1, net.params.shape)
    X, y = data(7)
    errors = gradient_check(net, X, y, loss="cce")
    assert len(errors) == 5 and errors[0] == errors[3] == 0.0  # no parameters there
    assert max(errors) < 1e-6, errors


def test_a_new_layer_as_the_output_names_the_loss_pairing():
    net = Sequential([Dense(4, "tanh"), ToyAffine(activation="sigmoid")], input_shape=(3,))
    assert net.output == "sigmoid"
    rng = np.random.default_rng(2)
    X, Y = rng.normal(size=(6, 3)), rng.random((6, 4))
    assert max(gradient_check(net, X, Y, loss="mse")) < 1e-6
    with pytest.raises(ValueError, match="needs a 'softmax' output"):
        Trainer(net, X, np.zeros(6), loss="cce")


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_the_trainer_trains_it_with_every_optimizer_regularizer_and_dropout(optimizer):
    X, y = data(160)
    net = stack()
    trainer = Trainer(net, X[:120], y[:120], X[120:], y[120:], loss="cce", optimizer=optimizer,
                      learning_rate=0.1 if optimizer == "sgd" else 0.01, batch_size=16,
                      l1=1e-4, l2=1e-3, dropout=0.1, seed=1)  # fmt: skip
    trainer.run_epochs(15)
    losses = trainer.history.column("train_loss")
    assert trainer.status == "ok" and losses[-1] < losses[0]
    norms = trainer.gradient_norms()
    assert norms[0] == norms[3] == 0.0 and min(norms[1], norms[2], norms[4]) > 0


def test_regularization_reaches_the_new_layers_weights_but_not_its_offsets():
    X, y = data(40)
    net = stack()
    trainer = Trainer(net, X, y, loss="cce", l2=0.5, batch_size=40, shuffle=False)
    grad = np.zeros_like(net.params)
    trainer.add_penalty_gradient(grad)
    affine = net.layers[1]
    assert np.array_equal(grad[:6], 0.5 * affine.params["s"]) and not grad[6:12].any()


def test_a_new_layer_saves_and_loads_by_its_type_name():
    net = stack(seed=3)
    X, _ = data(10)
    saved = json.loads(json.dumps(net.to_dict()))
    assert [entry["type"] for entry in saved["layers"]] == [
        "ToyFlatten", "ToyAffine", "Dense", "ToyScale", "Dense",
    ]  # fmt: skip
    assert saved["layers"][3]["config"] == {"factor": 0.5}
    np.testing.assert_array_equal(Sequential.from_dict(saved).predict(X), net.predict(X))
    buffer = io.BytesIO()
    save_npz(net, buffer)
    buffer.seek(0)
    np.testing.assert_array_equal(load_npz(buffer).predict(X), net.predict(X))
