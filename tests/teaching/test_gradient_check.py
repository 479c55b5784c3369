"""The bounded gradient check: agrees with the engine's full check, bounded work."""

import numpy as np
import pytest

from playground.data import load_dataset
from playground.engine import Network, gradient_check
from playground.teaching import gradient_check as check_module
from playground.teaching.gradient_check import MAX_PER_LAYER, MAX_ROWS, check_gradients


@pytest.mark.parametrize(("output", "loss", "k"), [("sigmoid", "bce", 1), ("softmax", "cce", 3),
                                                   ("tanh", "mse", 1)])  # fmt: skip
def test_agrees_with_the_engines_own_check_on_small_networks(output, loss, k):
    rng = np.random.default_rng(0)
    net = Network([3, 4, 3, k], activation=["tanh", "sigmoid"], output=output, seed=1)
    X = rng.normal(size=(10, 3))
    y = rng.uniform(-1, 1, 10) if loss == "mse" else rng.integers(0, max(k, 2), 10)
    result = check_gradients(net, X, y, loss)
    assert result.checked == result.total == (16, 15, 4 * k)  # every parameter checked
    np.testing.assert_allclose(result.worst, gradient_check(net, X, y, loss), rtol=1e-6)
    assert result.complete and max(result.worst) < 1e-5
    assert result.verdict.startswith("Backpropagation agrees")


def test_a_wrong_gradient_is_found(monkeypatch):
    net = Network([2, 3, 1], seed=0)
    X, y = np.random.default_rng(1).normal(size=(5, 2)), np.array([0, 1, 1, 0, 1])
    right = net.flat_gradient
    monkeypatch.setattr(net, "flat_gradient", lambda *a, **k: right(*a, **k) * 1.1)
    monkeypatch.setattr(check_module, "copy_network", lambda n: n)
    result = check_gradients(net, X, y, "bce")
    assert min(result.worst) > 0.05 and "disagree" in result.verdict


def test_on_digits_the_work_is_bounded(monkeypatch):
    ds = load_dataset("digits")
    net = Network([64, 32, 16, 10], activation="relu", output="softmax", seed=0)
    calls, real_loss = [], Network.loss

    def counted(self, X, y, loss="bce"):
        calls.append(len(X))
        return real_loss(self, X, y, loss)

    monkeypatch.setattr(Network, "loss", counted)
    before = net.params.copy()
    result = check_gradients(net, ds.X_train, ds.y_train, "cce")
    assert result.rows == MAX_ROWS and set(calls) == {MAX_ROWS}
    assert len(calls) == 2 * 3 * MAX_PER_LAYER == result.evaluations - 1
    assert result.checked == (MAX_PER_LAYER,) * 3 and result.total == (2080, 528, 170)
    np.testing.assert_array_equal(net.params, before)  # worked on a copy


def test_a_deadline_stops_it_and_says_so():
    ticks = iter(range(1000))
    net = Network([2, 8, 1], seed=0)
    X, y = np.zeros((4, 2)), np.array([0, 1, 0, 1])
    result = check_gradients(net, X, y, "bce", seconds=10, clock=lambda: next(ticks))
    assert not result.complete and sum(result.checked) < sum(result.total)
