"""A softmax head at every step (TimeDistributed(Dense(k, "softmax")) on a recurrent layer
with return_sequences): class ids per step, -1 where a step has no target; the loss is the
mean cross-entropy over the steps with a target, its gradient exact through time (finite
differences and PyTorch), and accuracy counts only those steps."""

import numpy as np
import pytest

from playground.engine import (
    LSTM,
    Dense,
    Sequential,
    SimpleRNN,
    TimeDistributed,
    Trainer,
    gradient_check,
)
from playground.engine.evaluation import EVAL_CHUNK_ROWS, Evaluator

CELLS = (SimpleRNN, LSTM)


def step_net(cell, steps=6, features=3, units=5, classes=4, seed=2):
    layers = [cell(units, return_sequences=True), TimeDistributed(Dense(classes, "softmax"))]
    return Sequential(layers, input_shape=(steps, features), seed=seed)


def data(rows=4, steps=6, features=3, classes=4, seed=0):
    """Random inputs and per-step labels; the first two steps have no target (as echo's
    steps before the delay)."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, classes, size=(rows, steps))
    y[:, :2] = -1
    return rng.normal(size=(rows, steps, features)), y


def by_hand_loss(net, X, y):
    """Mean cross-entropy over the (row, step) positions with a target, from predict."""
    probs = net.predict(X)
    rows, steps = np.nonzero(y >= 0)
    return float(-np.log(probs[rows, steps, y[rows, steps]]).mean())


def numeric_gradient(net, X, y, eps=1e-6):
    params, numeric = net.params, np.empty_like(net.params)
    for j in range(params.size):
        saved = params[j]
        params[j] = saved + eps
        up = net.loss(X, y, "cce")
        params[j] = saved - eps
        down = net.loss(X, y, "cce")
        params[j] = saved
        numeric[j] = (up - down) / (2 * eps)
    return numeric


@pytest.mark.parametrize("cell", CELLS)
def test_the_loss_is_the_mean_over_the_steps_with_a_target(cell):
    net = step_net(cell)
    X, y = data()
    assert net.output_shape == (6, 4)
    assert net.loss(X, y, "cce") == pytest.approx(by_hand_loss(net, X, y), rel=1e-12)


@pytest.mark.parametrize("cell", CELLS)
def test_bptt_with_a_softmax_at_every_step_matches_finite_differences(cell):
    net = step_net(cell)
    X, y = data()
    analytic = net.flat_gradient(X, y, "cce")
    numeric = numeric_gradient(net, X, y)
    assert np.abs(analytic).max() > 1e-3
    assert np.abs(analytic - numeric).max() < 1e-8 * max(1.0, np.abs(numeric).max())
    assert max(gradient_check(net, X, y, "cce")) < 1e-4  # relative, per parameter


def test_a_step_without_a_target_gets_no_gradient():
    """Only the last step has a target: the head's gradient equals the gradient of the
    last step's cross-entropy alone, whatever the other steps predict."""
    net = step_net(SimpleRNN)
    X, y = data()
    last_only = np.full_like(y, -1)
    last_only[:, -1] = y[:, -1]
    grads = net.gradients(X, last_only, "cce")[1]
    probs = net.predict(X)
    hidden = net.layers[0].infer(X)[:, -1]
    delta = probs[:, -1] - np.eye(4)[y[:, -1]]
    assert np.allclose(grads["W"], hidden.T @ delta / len(X), rtol=0, atol=1e-14)


def test_accuracy_counts_the_steps_with_a_target():
    net = step_net(LSTM)
    X, y = data(rows=30, seed=3)
    trainer = Trainer(net, X, y, X, y, loss="cce")
    guessed = net.predict(X).argmax(axis=2)
    has = y >= 0
    want = np.count_nonzero((guessed == y) & has) / np.count_nonzero(has)
    assert trainer.history[0]["test_accuracy"] == pytest.approx(want, rel=1e-12)
    assert trainer.history[0]["test_loss"] == pytest.approx(by_hand_loss(net, X, y), rel=1e-12)


def test_evaluation_in_chunks_weights_each_chunk_by_its_targets():
    """Rows with different numbers of targets across chunk boundaries: the loss is still
    the mean over every target position, as one pass over all rows gives."""
    net = step_net(SimpleRNN, steps=4, features=2, units=3, classes=3)
    rows = EVAL_CHUNK_ROWS + 40
    rng = np.random.default_rng(5)
    X = rng.normal(size=(rows, 4, 2))
    y = rng.integers(0, 3, size=(rows, 4))
    y[:EVAL_CHUNK_ROWS, :3] = -1  # the first chunk has one target per row, the next four
    Y = net._targets(y, "cce")
    train_loss, _, train_accuracy, _ = Evaluator(net, "cce", X, Y, X[:0], Y[:0]).evaluate()
    assert train_loss == pytest.approx(by_hand_loss(net, X, y), rel=1e-12)
    assert 0.0 < train_accuracy < 1.0


def test_a_step_head_learns_to_echo_at_every_step():
    """The target at step t is the input at t - 1: 16 LSTM units learn it in a few epochs."""
    rng = np.random.default_rng(0)
    ids = rng.integers(0, 4, size=(400, 8))
    X, y = np.eye(4)[ids], np.full((400, 8), -1)
    y[:, 1:] = ids[:, :-1]
    net = step_net(LSTM, steps=8, features=4, units=16, classes=4, seed=1)
    trainer = Trainer(net, X, y, loss="cce", optimizer="adam", learning_rate=0.02,
                      batch_size=20)  # fmt: skip
    trainer.run_epochs(6)
    assert trainer.history[0]["train_accuracy"] < 0.4
    assert trainer.history[-1]["train_accuracy"] > 0.95


def test_bad_per_step_labels_are_refused_with_a_message():
    net = step_net(SimpleRNN)
    X, y = data()
    with pytest.raises(ValueError, match="shape"):
        net.loss(X, y[:, :3], "cce")
    with pytest.raises(ValueError, match="class ids"):
        net.loss(X, np.where(y < 0, -2, y), "cce")
    with pytest.raises(ValueError, match="class ids"):
        net.loss(X, y + 0.5, "cce")
    with pytest.raises(ValueError, match="mse"):
        Sequential([SimpleRNN(3, return_sequences=True), TimeDistributed(Dense(1, "sigmoid"))],
                   input_shape=(6, 3)).loss(X, np.zeros((4, 6)), "bce")  # fmt: skip


@pytest.mark.parametrize("cell", ("rnn", "lstm"))
def test_per_step_head_equals_pytorch(cell):
    """nn.RNN / nn.LSTM + nn.Linear at every step + cross_entropy(ignore_index=-1) (float64,
    same weights): the loss and every parameter's gradient within 1e-10."""
    torch = pytest.importorskip("torch", reason="PyTorch is not installed here")
    layer_type, module = {"rnn": (SimpleRNN, torch.nn.RNN), "lstm": (LSTM, torch.nn.LSTM)}[cell]
    net = step_net(layer_type, seed=9)
    X, y = data(rows=5, seed=4)
    rnn, head = net.layers[0].params, net.layers[1].params
    ref = module(3, 5, batch_first=True).double()
    linear = torch.nn.Linear(5, 4).double()
    with torch.no_grad():
        ref.weight_ih_l0.copy_(torch.from_numpy(rnn["W_x"].T.copy()))
        ref.weight_hh_l0.copy_(torch.from_numpy(rnn["W_h"].T.copy()))
        ref.bias_ih_l0.copy_(torch.from_numpy(rnn["b"].copy()))
        ref.bias_hh_l0.zero_()
        linear.weight.copy_(torch.from_numpy(head["W"].T.copy()))
        linear.bias.copy_(torch.from_numpy(head["b"].copy()))
    out, _ = ref(torch.from_numpy(X))
    logits = linear(out)
    loss = torch.nn.functional.cross_entropy(
        logits.reshape(-1, 4), torch.from_numpy(y.reshape(-1)), ignore_index=-1
    )
    loss.backward()
    assert abs(loss.item() - net.loss(X, y, "cce")) < 1e-10
    probs = torch.softmax(logits, dim=-1).detach().numpy()
    assert np.allclose(probs, net.predict(X), rtol=0, atol=1e-10)
    grads = net.gradients(X, y, "cce")
    pairs = [(grads[0]["W_x"], ref.weight_ih_l0.grad.T), (grads[0]["W_h"], ref.weight_hh_l0.grad.T),
             (grads[0]["b"], ref.bias_ih_l0.grad), (grads[1]["W"], linear.weight.grad.T),
             (grads[1]["b"], linear.bias.grad)]  # fmt: skip
    for ours, theirs in pairs:
        assert np.abs(ours).max() > 1e-4
        assert np.allclose(ours, theirs.numpy(), rtol=0, atol=1e-10)


@pytest.mark.parametrize("cell", CELLS)
def test_a_step_head_network_saves_and_loads(cell):
    import io

    from playground.engine import load_npz, save_npz

    net = step_net(cell, seed=11)
    X, y = data()
    back = Sequential.from_dict(net.to_dict())
    assert np.array_equal(back.predict(X), net.predict(X))
    assert back.loss(X, y, "cce") == net.loss(X, y, "cce")
    buffer = io.BytesIO()
    save_npz(net, buffer)
    buffer.seek(0)
    assert np.array_equal(load_npz(buffer).predict(X), net.predict(X))
