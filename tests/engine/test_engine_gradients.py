"""Backpropagation against finite differences, for every activation and output/loss pair."""

import numpy as np
import pytest

from playground.engine import HIDDEN_ACTIVATIONS, Network, gradient_check

PAIRS = [
    ("sigmoid", "bce", 1),
    ("softmax", "cce", 3),
    ("linear", "mse", 2),
    ("tanh", "mse", 1),
    ("sigmoid", "mse", 2),
    ("softmax", "mse", 3),
]


def _labels(loss, outputs, rng, rows):
    if loss == "bce":
        return rng.integers(0, 2, rows)
    if loss == "cce":
        return rng.integers(0, outputs, rows)
    return rng.normal(size=(rows, outputs)) if outputs > 1 else rng.normal(size=rows)


@pytest.mark.parametrize("activation", HIDDEN_ACTIVATIONS)
@pytest.mark.parametrize(("output", "loss", "outputs"), PAIRS)
def test_backprop_matches_finite_differences(activation, output, loss, outputs):
    rng = np.random.default_rng(1)
    net = Network([3, 4, 3, outputs], activation=activation, output=output, init="he", seed=2)
    net.params += rng.normal(0, 0.1, net.params.shape)  # non-zero biases too
    X = rng.normal(size=(6, 3))
    errors = gradient_check(net, X, _labels(loss, outputs, rng, 6), loss=loss)
    assert len(errors) == 3
    assert max(errors) < 1e-5, errors


def test_no_hidden_layer_is_logistic_regression():
    rng = np.random.default_rng(0)
    net = Network([2, 1], output="sigmoid", seed=0)
    X, y = rng.normal(size=(8, 2)), rng.integers(0, 2, 8)
    dW, db = net.gradients(X, y, loss="bce")
    p = 1 / (1 + np.exp(-(X @ net.weights[0] + net.biases[0])))
    np.testing.assert_allclose(dW[0], X.T @ (p - y[:, None]) / 8)
    np.testing.assert_allclose(db[0], (p - y[:, None]).mean(axis=0))


@pytest.mark.parametrize(
    ("output", "loss", "outputs", "expected"),
    [("sigmoid", "bce", 1, 1000.0), ("softmax", "cce", 3, 500.0)],
)
def test_cross_entropy_is_finite_for_huge_pre_activations(output, loss, outputs, expected):
    net = Network([1, outputs], output=output, init="zeros")
    net.weights[0][...] = 1000.0 * np.arange(1, outputs + 1) * (1 if outputs == 1 else -1)
    X = np.array([[1.0], [-1.0]])
    y = np.array([0, 1])
    value = net.loss(X, y, loss=loss)
    dW, db = net.gradients(X, y, loss=loss)
    # bce: both rows wrong by z = 1000; cce: row 1 right, row 2 off by 3000 - 2000.
    assert value == pytest.approx(expected)
    assert np.all(np.isfinite(dW[0])) and np.all(np.isfinite(db[0]))


def test_gradients_have_the_shapes_of_the_weights():
    net = Network([2, 5, 3, 4], activation=["relu", "tanh"], output="softmax")
    dW, db = net.gradients(np.ones((7, 2)), np.arange(7) % 4, loss="cce")
    assert [w.shape for w in dW] == [(2, 5), (5, 3), (3, 4)]
    assert [b.shape for b in db] == [(5,), (3,), (4,)]
