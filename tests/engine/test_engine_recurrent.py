"""Recurrent layers: SimpleRNN and LSTM compute their recurrence, backpropagate through time
exactly (finite differences), save and load, train with every optimizer and learn the echo
task; TimeDistributed applies a head at every step; the trainer clips gradients by norm."""

import io

import numpy as np
import pytest

from playground.data.sequences import echo
from playground.engine import (
    LSTM,
    OPTIMIZERS,
    Dense,
    Sequential,
    SimpleRNN,
    TimeDistributed,
    Trainer,
    gradient_check,
    load_npz,
    save_npz,
    time_step_gradient_norms,
)

CELLS = (SimpleRNN, LSTM)


def sequences(rows=4, steps=6, features=3, seed=0):
    return np.random.default_rng(seed).normal(size=(rows, steps, features))


def numeric_gradient(net, X, y, loss, eps=1e-6):
    """Central differences of the mean loss for every parameter (the network unchanged)."""
    params, numeric = net.params, np.empty_like(net.params)
    for j in range(params.size):
        saved = params[j]
        params[j] = saved + eps
        up = net.loss(X, y, loss)
        params[j] = saved - eps
        down = net.loss(X, y, loss)
        params[j] = saved
        numeric[j] = (up - down) / (2 * eps)
    return numeric


def assert_exact_gradient(net, X, y, loss):
    analytic = net.flat_gradient(X, y, loss)
    numeric = numeric_gradient(net, X, y, loss)
    assert np.abs(analytic).max() > 1e-3  # a gradient that is there to get wrong
    assert np.abs(analytic - numeric).max() < 1e-8 * max(1.0, np.abs(numeric).max())


@pytest.mark.parametrize("cell", CELLS)
def test_bptt_with_a_final_head_matches_finite_differences(cell):
    X = sequences()
    net = Sequential([cell(5), Dense(3, activation="softmax")], input_shape=X.shape[1:], seed=2)
    assert_exact_gradient(net, X, np.array([0, 2, 1, 2]), "cce")


@pytest.mark.parametrize("cell", CELLS)
def test_bptt_with_a_head_at_every_step_matches_finite_differences(cell):
    X = sequences()
    net = Sequential([cell(5, return_sequences=True), TimeDistributed(Dense(2))],
                     input_shape=X.shape[1:], seed=3)  # fmt: skip
    assert net.output_shape == (6, 2)
    assert_exact_gradient(net, X, sequences(4, 6, 2, seed=1), "mse")


@pytest.mark.parametrize("cell", CELLS)
def test_bptt_through_stacked_cells_reaches_the_inputs_of_the_upper_one(cell):
    """The upper cell's dL/dx is the lower cell's delta: the lower gradients prove it."""
    X = sequences()
    layers = [cell(4, return_sequences=True), cell(3), Dense(1, activation="tanh")]
    net = Sequential(layers, input_shape=X.shape[1:], seed=4)
    assert_exact_gradient(net, X, np.array([0.5, -0.2, 0.1, 0.9]), "mse")
    assert max(gradient_check(net, X, np.array([0.5, -0.2, 0.1, 0.9]), "mse")) < 1e-4


def test_simple_rnn_computes_its_recurrence():
    X = sequences(2, 5, 3)
    layer = SimpleRNN(4, return_sequences=True)
    Sequential([layer], input_shape=(5, 3), seed=5)
    W_x, W_h, b = (layer.params[k] for k in ("W_x", "W_h", "b"))
    h = np.zeros((2, 4))
    for t in range(5):
        h = np.tanh(X[:, t] @ W_x + h @ W_h + b)
        assert np.allclose(layer.infer(X)[:, t], h, rtol=0, atol=1e-14)
    last = Sequential([SimpleRNN(4)], input_shape=(5, 3), seed=5)
    assert np.allclose(last.predict(X), h, rtol=0, atol=1e-14)


def test_lstm_computes_its_gates_in_the_documented_order():
    X = sequences(2, 4, 3)
    layer = LSTM(2)
    Sequential([layer], input_shape=(4, 3), seed=6)
    W_x, W_h, b = (layer.params[k] for k in ("W_x", "W_h", "b"))
    assert np.all(b[2:4] == 1.0) and np.all(b[:2] == 0.0)  # the forget gate's bias starts at 1

    def sigmoid(a):
        return 1 / (1 + np.exp(-a))

    h, c = np.zeros((2, 2)), np.zeros((2, 2))
    for t in range(4):
        A = X[:, t] @ W_x + h @ W_h + b
        i, f, g, o = sigmoid(A[:, 0:2]), sigmoid(A[:, 2:4]), np.tanh(A[:, 4:6]), sigmoid(A[:, 6:8])
        c = f * c + i * g
        h = o * np.tanh(c)
    assert np.allclose(layer.infer(X), h, rtol=0, atol=1e-14)
    assert np.allclose(layer.hidden_states(X)[:, -1], h, rtol=0, atol=1e-14)


@pytest.mark.parametrize("cell", CELLS)
def test_save_and_load_round_trip(cell):
    X = sequences()
    net = Sequential([cell(3, return_sequences=True), TimeDistributed(Dense(2, "tanh"))],
                     input_shape=X.shape[1:], seed=7)  # fmt: skip
    back = Sequential.from_dict(net.to_dict())
    assert [type(layer) for layer in back.layers] == [cell, TimeDistributed]
    assert np.array_equal(back.params, net.params)
    assert np.array_equal(back.predict(X), net.predict(X))
    buffer = io.BytesIO()
    save_npz(net, buffer)
    buffer.seek(0)
    assert np.array_equal(load_npz(buffer).predict(X), net.predict(X))


def test_bad_settings_are_refused_with_a_message():
    with pytest.raises(ValueError, match="units"):
        SimpleRNN(0)
    with pytest.raises(ValueError, match="return_sequences"):
        LSTM(3, return_sequences="yes")
    with pytest.raises(ValueError, match="sequences"):
        Sequential([SimpleRNN(3)], input_shape=(5,))
    with pytest.raises(ValueError, match="softmax"):  # a softmax is the output's only
        Sequential([SimpleRNN(3, return_sequences=True), TimeDistributed(Dense(3, "softmax")),
                    TimeDistributed(Dense(2))], input_shape=(4, 2))  # fmt: skip
    inner = {"type": "TimeDistributed", "config": {"layer": {"type": "Nope"}}}
    bad = {"format": "nn-playground-model", "version": 1, "input_shape": [4, 2],
           "init": "zeros", "layers": [inner]}  # fmt: skip
    with pytest.raises(ValueError, match="layer type"):
        Sequential.from_dict(bad)


def test_gradient_reaching_earlier_steps_fades_in_a_simple_rnn():
    X, y = echo(50, delay=2, steps=12, seed=0)
    net = Sequential([SimpleRNN(8), Dense(4, activation="softmax")], input_shape=X.shape[1:])
    net.layers[0].params["W_h"][...] *= 0.5  # a contracting recurrence
    norms = time_step_gradient_norms(net, X, y, "cce")
    assert norms.shape == (12,)
    assert np.all(np.diff(norms) > 0)  # smaller and smaller going back in time
    assert norms[0] < 1e-3 * norms[-1]


def test_clip_norm_bounds_each_step():
    X, y = echo(40, delay=2, seed=0)
    net = Sequential([SimpleRNN(6), Dense(4, activation="softmax")], input_shape=X.shape[1:])
    full = np.linalg.norm(net.flat_gradient(X, y, "cce"))
    before = net.params.copy()
    trainer = Trainer(net, X, y, loss="cce", learning_rate=1.0, batch_size=40, clip_norm=full / 10)
    trainer.step()
    assert np.linalg.norm(net.params - before) == pytest.approx(full / 10, rel=1e-4)
    with pytest.raises(ValueError, match="clip_norm"):
        trainer.clip_norm = 0.0


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_every_optimizer_trains_an_lstm(optimizer):
    X, y = echo(64, delay=1, steps=4, seed=0)
    net = Sequential([LSTM(6), Dense(4, activation="softmax")], input_shape=X.shape[1:], seed=1)
    rate = {"sgd": 2.0, "momentum": 0.3}.get(optimizer, 0.02)
    trainer = Trainer(net, X, y, loss="cce", optimizer=optimizer, learning_rate=rate,
                      batch_size=16)  # fmt: skip
    trainer.run_epochs(8)
    assert trainer.history[-1]["train_loss"] < 0.8 * trainer.history[0]["train_loss"]


def test_sixteen_units_learn_an_echo_with_delay_four():
    """The lab's default: 16 SimpleRNN units, delay 4, 1,000 sequences (measured: 99.6 %
    test accuracy after 4 epochs, 0.3 s); the bound leaves room."""
    X, y = echo(1000, delay=4, seed=0)
    X_test, y_test = echo(500, delay=4, seed=1)
    net = Sequential([SimpleRNN(16), Dense(4, activation="softmax")], input_shape=X.shape[1:])
    trainer = Trainer(net, X, y, X_test, y_test, loss="cce", optimizer="adam",
                      learning_rate=0.01, batch_size=32, clip_norm=5.0)  # fmt: skip
    trainer.run_epochs(8)
    assert trainer.history[-1]["test_accuracy"] >= 0.95


def test_compare_with_pytorch():
    """Forward and gradients equal PyTorch's nn.RNN and nn.LSTM (float64, same weights)."""
    torch = pytest.importorskip("torch", reason="PyTorch is not installed here")
    X = sequences(3, 5, 4)
    for cell, module in ((SimpleRNN, torch.nn.RNN), (LSTM, torch.nn.LSTM)):
        layer = cell(6, return_sequences=True)
        net = Sequential([layer], input_shape=(5, 4), seed=8)
        ref = module(4, 6, batch_first=True).double()
        with torch.no_grad():
            ref.weight_ih_l0.copy_(torch.from_numpy(layer.params["W_x"].T.copy()))
            ref.weight_hh_l0.copy_(torch.from_numpy(layer.params["W_h"].T.copy()))
            ref.bias_ih_l0.copy_(torch.from_numpy(layer.params["b"].copy()))
            ref.bias_hh_l0.zero_()
        target = sequences(3, 5, 6, seed=2)
        out, _ = ref(torch.from_numpy(X))
        loss = 0.5 * ((out - torch.from_numpy(target)) ** 2).sum() / 3  # the engine's mse
        loss.backward()
        assert np.allclose(out.detach().numpy(), net.predict(X), rtol=0, atol=1e-10)
        grads = net.gradients(X, target, "mse")[0]
        assert np.allclose(grads["W_x"], ref.weight_ih_l0.grad.numpy().T, rtol=0, atol=1e-10)
        assert np.allclose(grads["W_h"], ref.weight_hh_l0.grad.numpy().T, rtol=0, atol=1e-10)
        assert np.allclose(grads["b"], ref.bias_ih_l0.grad.numpy(), rtol=0, atol=1e-10)
