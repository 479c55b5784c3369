"""One SGD step worked out by hand, and one step of each optimizer against its formula."""

import math

import numpy as np
import pytest

from playground.engine import Network, Trainer
from playground.engine.optimizers import make_optimizer


def _hand_network():
    """3-2-1, tanh hidden, sigmoid output, with weights chosen by hand."""
    net = Network([3, 2, 1], activation="tanh", output="sigmoid", init="zeros")
    net.weights[0][...] = [[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]]
    net.biases[0][...] = [0.05, -0.05]
    net.weights[1][...] = [[0.7], [-0.8]]
    net.biases[1][...] = [0.1]
    return net


def test_one_sgd_step_on_a_3_2_1_network_by_hand():
    net = _hand_network()
    trainer = Trainer(net, [[1.0, 2.0, -1.0]], [1], loss="bce", learning_rate=0.5, batch_size=1)
    # Forward: z1 = x W1 + b1
    z1 = [1 * 0.1 + 2 * 0.3 + (-1) * (-0.5) + 0.05, 1 * (-0.2) + 2 * 0.4 + (-1) * 0.6 - 0.05]
    assert z1 == pytest.approx([1.25, -0.05])
    a1 = [math.tanh(1.25), math.tanh(-0.05)]
    assert a1 == pytest.approx([0.8482836399575129, -0.04995837495787999])
    z2 = a1[0] * 0.7 + a1[1] * (-0.8) + 0.1
    a2 = 1 / (1 + math.exp(-z2))
    assert (z2, a2) == pytest.approx((0.7337652479365628, 0.6756309858767954))
    # Backward: sigmoid + bce gives delta2 = a2 - y; delta1_j = delta2 * W2_j * (1 - a1_j^2)
    delta2 = a2 - 1
    delta1 = [delta2 * 0.7 * (1 - a1[0] ** 2), delta2 * (-0.8) * (1 - a1[1] ** 2)]
    assert delta1 == pytest.approx([-0.0636705255819061, 0.2588475529706145])
    x = [1.0, 2.0, -1.0]
    new_W1 = [
        [w - 0.5 * x[i] * delta1[j] for j, w in enumerate(row)]
        for i, row in enumerate([[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]])
    ]
    new_b1 = [0.05 - 0.5 * delta1[0], -0.05 - 0.5 * delta1[1]]
    new_W2 = [[0.7 - 0.5 * a1[0] * delta2], [-0.8 - 0.5 * a1[1] * delta2]]
    new_b2 = [0.1 - 0.5 * delta2]

    assert trainer.step() == 1
    np.testing.assert_allclose(net.weights[0], new_W1, rtol=1e-12)
    np.testing.assert_allclose(net.biases[0], new_b1, rtol=1e-12)
    np.testing.assert_allclose(net.weights[1], new_W2, rtol=1e-12)
    np.testing.assert_allclose(net.biases[1], new_b2, rtol=1e-12)
    assert trainer.epoch == 1  # one row, batch 1: that step was a whole epoch


GRADS = [np.array([0.5, -1.0, 2.0]), np.array([-0.25, 0.5, 1.0])]


def _run(name, **settings):
    params = np.array([1.0, -2.0, 3.0])
    optimizer = make_optimizer(name, 3, **settings)
    for grad in GRADS:
        optimizer.update(params, grad, 0.1)
    return params


def test_momentum_follows_pytorch():
    b = GRADS[0].copy()  # PyTorch: the first buffer is the gradient itself
    p = np.array([1.0, -2.0, 3.0]) - 0.1 * b
    b = 0.9 * b + GRADS[1]
    p -= 0.1 * b
    np.testing.assert_allclose(_run("momentum"), p, rtol=1e-14)


def test_rmsprop_follows_pytorch():
    p, v = np.array([1.0, -2.0, 3.0]), np.zeros(3)
    for g in GRADS:
        v = 0.99 * v + 0.01 * g**2
        p = p - 0.1 * g / (np.sqrt(v) + 1e-8)
    np.testing.assert_allclose(_run("rmsprop"), p, rtol=1e-14)


def test_adam_follows_its_formula_with_bias_correction():
    p, m, v = np.array([1.0, -2.0, 3.0]), np.zeros(3), np.zeros(3)
    for t, g in enumerate(GRADS, start=1):
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g**2
        m_hat, v_hat = m / (1 - 0.9**t), v / (1 - 0.999**t)
        p = p - 0.1 * m_hat / (np.sqrt(v_hat) + 1e-8)
    np.testing.assert_allclose(_run("adam"), p, rtol=1e-12)


def test_sgd_and_changed_hyper_parameters_take_effect_next_step():
    params = np.array([1.0, 1.0, 1.0])
    optimizer = make_optimizer("momentum", 3)
    optimizer.update(params, GRADS[0], 0.1)
    optimizer.momentum = 0.0  # now plain SGD from the same state
    before = params.copy()
    optimizer.update(params, GRADS[1], 1.0)
    np.testing.assert_allclose(params, before - GRADS[1])


@pytest.mark.parametrize("name", ["sgd", "momentum", "rmsprop", "adam"])
def test_trainer_step_applies_the_optimizer_to_the_batch_gradient(name):
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(4, 2)), np.array([0, 1, 1, 0])
    net = Network([2, 3, 1], seed=1)
    reference = Network([2, 3, 1], seed=1)
    trainer = Trainer(net, X, y, optimizer=name, learning_rate=0.05, batch_size=4, shuffle=False)
    preview = trainer.trace(X[0], y[0])  # a preview must not change the optimizer state
    trainer.step()
    expected = reference.params.copy()
    make_optimizer(name, expected.size).update(expected, reference.flat_gradient(X, y), 0.05)
    np.testing.assert_allclose(net.params, expected, rtol=1e-12)
    assert preview.loss > 0
