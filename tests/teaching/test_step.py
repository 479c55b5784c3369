"""explain_step / apply_step: the step's numbers against independent computations and the
trainer's own step, for every optimizer and every output/loss pair."""

import math

import numpy as np
import pytest

from playground.engine import OPTIMIZERS, Network, Trainer
from playground.teaching import apply_step, explain_step
from playground.teaching.output_rules import NATURAL, SOFTMAX_MSE, SQUASHED

PAIRS = [  # (output, loss, rule)
    ("sigmoid", "bce", NATURAL),
    ("softmax", "cce", NATURAL),
    ("linear", "mse", NATURAL),
    ("tanh", "mse", SQUASHED),
    ("sigmoid", "mse", SQUASHED),
    ("softmax", "mse", SOFTMAX_MSE),
]


def _labels(output, loss, rng, n, k):
    if loss == "mse" and output != "softmax":
        return rng.uniform(-0.9, 0.9, size=n) if k == 1 else rng.uniform(-1, 1, (n, k))
    if loss == "mse":
        return np.eye(k)[rng.integers(0, k, n)]
    return rng.integers(0, 2 if loss == "bce" else k, n)


def _setup(output="sigmoid", loss="bce", rows=6, **trainer_settings):
    rng = np.random.default_rng(3)
    k = 3 if output == "softmax" else 1
    net = Network([2, 4, 2, k], activation=["tanh", "relu"], output=output, seed=2)
    X, y = rng.normal(size=(rows, 2)), _labels(output, loss, rng, rows, k)
    settings = dict(loss=loss, batch_size=rows, shuffle=False, learning_rate=0.05)
    return Trainer(net, X, y, **{**settings, **trainer_settings}), X, y


def _numeric_gradient(net, X, y, loss, eps=1e-6):
    grad = np.empty_like(net.params)
    for j in range(net.params.size):
        saved = net.params[j]
        net.params[j] = saved + eps
        up = net.loss(X, y, loss)
        net.params[j] = saved - eps
        down = net.loss(X, y, loss)
        net.params[j] = saved
        grad[j] = (up - down) / (2 * eps)
    return grad


@pytest.mark.parametrize(("output", "loss", "rule"), PAIRS)
def test_every_pair_matches_finite_differences_and_the_engine(output, loss, rule):
    trainer, X, y = _setup(output, loss)
    step = explain_step(trainer, X, y)
    assert step.rule == rule
    assert step.loss == pytest.approx(trainer.net.loss(X, y, loss), rel=1e-12)
    np.testing.assert_allclose(step.y_hat, trainer.net.predict(X), rtol=1e-12)
    numeric = _numeric_gradient(trainer.net, X, y, loss)
    np.testing.assert_allclose(step.update.gradient, numeric, rtol=1e-5, atol=1e-8)
    np.testing.assert_allclose(step.update.gradient, trainer.net.flat_gradient(X, y, loss),
                               rtol=1e-10, atol=1e-14)  # fmt: skip


def test_tanh_squared_error_delta_is_error_times_one_minus_a_squared():
    trainer, X, y = _setup("tanh", "mse")
    out = explain_step(trainer, X, y).layers[-1]
    a = out.a[:, 0]
    np.testing.assert_allclose(out.delta[:, 0], (a - y) * (1 - a**2), rtol=1e-12)
    np.testing.assert_allclose(out.slope[:, 0], 1 - a**2, rtol=1e-12)


def test_hidden_delta_is_upstream_times_the_activations_slope():
    trainer, X, y = _setup()
    step = explain_step(trainer, X, y)
    top, hidden = step.layers[2], step.layers[1]  # hidden: relu, below the output
    np.testing.assert_allclose(hidden.upstream, top.delta @ trainer.net.weights[2].T)
    np.testing.assert_array_equal(hidden.slope, (hidden.z > 0).astype(float))
    np.testing.assert_allclose(hidden.delta, hidden.upstream * hidden.slope)
    first = step.layers[0]  # tanh
    np.testing.assert_allclose(first.slope, 1 - np.tanh(first.z) ** 2, rtol=1e-12)


def test_the_mini_batch_gradient_is_the_mean_of_the_per_sample_ones():
    trainer, X, y = _setup(rows=5)
    batch = explain_step(trainer, X, y)
    singles = [explain_step(trainer, X[i : i + 1], y[i : i + 1]) for i in range(5)]
    mean = np.mean([s.update.gradient for s in singles], axis=0)
    np.testing.assert_allclose(batch.update.gradient, mean, rtol=1e-12, atol=1e-15)
    for layer in batch.layers:
        per_sample = [layer.sample_dW(i) for i in range(5)]
        np.testing.assert_allclose(layer.mean_dW, np.mean(per_sample, axis=0), atol=1e-15)
    np.testing.assert_allclose(batch.losses, [s.loss for s in singles], rtol=1e-12)


REGULARIZATIONS = [dict(), dict(l2=0.1), dict(l1=0.05), dict(clip_norm=0.01, l2=0.1)]


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
@pytest.mark.parametrize("penalty", REGULARIZATIONS, ids=["none", "l2", "l1", "clip"])
def test_applying_the_step_is_the_trainers_next_step(optimizer, penalty):
    trainer, X, y = _setup(optimizer=optimizer, **penalty)
    twin = _setup(optimizer=optimizer, **penalty)[0]  # (a deep copy would break the views)
    for t in (trainer, twin):  # some optimizer state (and Adam's t = 2) first
        t.step()
        t.step()
    step = explain_step(trainer, X, y)
    before, norm = trainer.net.params.copy(), np.linalg.norm(trainer.net.flat_gradient(X, y))
    apply_step(trainer, step)
    twin.step()
    np.testing.assert_allclose(trainer.net.params, twin.net.params, rtol=1e-12, atol=1e-15)
    assert not np.allclose(trainer.net.params, before)
    clip = penalty.get("clip_norm")
    assert step.clip_scale == (1.0 if clip is None else pytest.approx(min(1, clip / (norm + 1e-6))))
    after = np.concatenate([np.vstack([u.weights_after, u.bias_after]).ravel()
                            for u in step.updates])  # fmt: skip
    np.testing.assert_allclose(after, twin.net.params, rtol=1e-12, atol=1e-15)
    for name, value in step.update.state_after.items():  # the state the trainer now has
        np.testing.assert_allclose(value, twin._optimizer.state[name], rtol=1e-12, atol=1e-18)


def test_clipping_scales_the_gradient_before_the_penalty():
    trainer, X, y = _setup(clip_norm=0.001, l2=0.1)
    step = explain_step(trainer, X, y)
    assert step.clip_scale < 0.1
    unclipped = trainer.net.flat_gradient(X, y)
    np.testing.assert_allclose(step.update.gradient, unclipped * step.clip_scale, rtol=1e-10)
    np.testing.assert_allclose(np.linalg.norm(step.update.gradient), 0.001, rtol=1e-3)


def test_penalties_apply_to_weights_only():
    trainer, X, y = _setup(l2=0.1, l1=0.02)
    step = explain_step(trainer, X, y)
    for update, W in zip(step.updates, trainer.net.weights, strict=True):
        np.testing.assert_allclose(update.penalty_W, 0.1 * W + 0.02 * np.sign(W))
        np.testing.assert_allclose(update.g_W, update.gradient_W + update.penalty_W)
    np.testing.assert_array_equal(step.update.penalty * (1 - trainer.net.weight_mask), 0.0)


def test_adam_bias_corrected_first_step_moves_each_weight_by_about_the_learning_rate():
    trainer, X, y = _setup(optimizer="adam", learning_rate=0.01)
    step = explain_step(trainer, X, y)
    assert step.steps_before == 0 and step.update.steps_after == 1
    moved = np.abs(step.update.change[np.abs(step.update.g) > 1e-6])
    np.testing.assert_allclose(moved, 0.01, rtol=1e-3)  # m_hat / sqrt(v_hat) = sign(g)


def test_explaining_changes_nothing_and_a_stale_step_is_refused():
    trainer, X, y = _setup(optimizer="momentum", dropout=0.5)
    state = trainer._optimizer.state["buffer"].copy()
    before = trainer.net.params.copy()
    step = explain_step(trainer, X, y)
    np.testing.assert_array_equal(trainer.net.params, before)
    np.testing.assert_array_equal(trainer._optimizer.state["buffer"], state)
    assert step.dropout == 0.5
    trainer.net.weights[0][0, 0] += 1.0  # a weight edited by hand since
    with pytest.raises(ValueError, match="changed"):
        apply_step(trainer, step)
    with pytest.raises(ValueError, match="rows"):
        explain_step(trainer, X[:0], y[:0])


def test_a_2_2_1_step_worked_out_by_hand():
    """x = (1, 2), y = 1; tanh hidden, sigmoid output, cross-entropy, SGD with eta = 0.5."""
    net = Network([2, 2, 1], activation="tanh", output="sigmoid")
    net.weights[0][:] = [[0.1, -0.2], [0.4, 0.3]]
    net.biases[0][:] = [0.0, 0.1]
    net.weights[1][:] = [[0.5], [-0.6]]
    net.biases[1][:] = [0.2]
    trainer = Trainer(net, [[1.0, 2.0]], [1], loss="bce", learning_rate=0.5, batch_size=1)
    step = explain_step(trainer, [[1.0, 2.0]], [1])
    # forward: z1 = x W1 + b1 = (0.1 + 0.8 + 0, -0.2 + 0.6 + 0.1) = (0.9, 0.5)
    z1 = np.array([0.9, 0.5])
    a1 = np.tanh(z1)  # (0.71630, 0.46212)
    z2 = 0.5 * a1[0] - 0.6 * a1[1] + 0.2  # 0.28088
    y_hat = 1 / (1 + math.exp(-z2))  # 0.56976
    np.testing.assert_allclose(step.layers[0].z[0], z1)
    np.testing.assert_allclose(step.layers[1].z[0, 0], z2)
    assert step.y_hat[0, 0] == pytest.approx(y_hat)
    assert step.loss == pytest.approx(-math.log(y_hat))  # L = -log y_hat for y = 1
    # backward: delta2 = y_hat - y; delta1 = (delta2 W2^T) * (1 - a1^2)
    d2 = y_hat - 1.0  # -0.43024
    d1 = d2 * np.array([0.5, -0.6]) * (1 - a1**2)
    np.testing.assert_allclose(step.layers[1].delta[0, 0], d2)
    np.testing.assert_allclose(step.layers[0].delta[0], d1)
    # dL/dW = a delta^T; SGD: w <- w - eta * g
    np.testing.assert_allclose(step.updates[1].weights_after[:, 0],
                               np.array([0.5, -0.6]) - 0.5 * d2 * a1)  # fmt: skip
    np.testing.assert_allclose(step.updates[0].weights_after,
                               net.weights[0] - 0.5 * np.outer([1.0, 2.0], d1))  # fmt: skip
    np.testing.assert_allclose(step.updates[0].bias_after, [0.0, 0.1] - 0.5 * d1)
    apply_step(trainer, step)
    assert net.loss([[1.0, 2.0]], [1]) < step.loss  # this sample's loss falls
