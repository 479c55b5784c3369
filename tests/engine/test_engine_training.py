"""Training behaviour: learning toy sets, regularization, dropout, seeds, divergence, history."""

import numpy as np
import pytest
from engine_datasets import circle, spiral, split, xor

from playground.engine import Network, Trainer

# (data set, sizes, hidden activation, init, Adam learning rate, epoch budget)
LEARNABLE = [
    (xor, [2, 8, 1], "tanh", "xavier", 0.01, 100),
    (circle, [2, 8, 1], "tanh", "xavier", 0.01, 100),
    (spiral, [2, 16, 16, 16, 1], "elu", "he", 0.005, 150),
]


@pytest.mark.parametrize(("make", "sizes", "activation", "init", "lr", "epochs"), LEARNABLE)
def test_toy_sets_are_learned_to_97_percent_within_the_budget(
    make, sizes, activation, init, lr, epochs
):
    X_train, y_train, X_test, y_test = split(*make())
    net = Network(sizes, activation=activation, output="sigmoid", init=init, seed=0)
    trainer = Trainer(net, X_train, y_train, X_test, y_test, optimizer="adam", learning_rate=lr)
    assert trainer.run_epochs(epochs) == epochs
    assert trainer.history[-1]["test_accuracy"] >= 0.97
    predicted = (net.predict(X_test)[:, 0] > 0.5).astype(int)
    assert np.mean(predicted == y_test) == trainer.history[-1]["test_accuracy"]


def _spiral_trainer(**settings):
    X_train, y_train, X_test, y_test = split(*spiral())
    net = Network([2, 8, 8, 1], activation="relu", output="sigmoid", seed=3)
    return Trainer(net, X_train, y_train, X_test, y_test, **settings)


def test_l2_shrinks_the_weights_but_not_the_biases_more():
    plain, decayed = _spiral_trainer(), _spiral_trainer(l2=0.1)
    plain.run_epochs(5)
    decayed.run_epochs(5)
    norm = [sum(float(np.sum(w**2)) for w in t.net.weights) for t in (plain, decayed)]
    assert norm[1] < 0.5 * norm[0]


def test_l1_drives_useless_weights_to_zero_neighbourhood():
    plain, sparse = _spiral_trainer(), _spiral_trainer(l1=0.01)
    plain.run_epochs(5)
    sparse.run_epochs(5)
    small = [np.mean(np.abs(t.net.weights[1]) < 0.01) for t in (plain, sparse)]
    assert small[1] > small[0]


def test_dropout_is_off_in_predict_and_on_in_training():
    trainer = _spiral_trainer(dropout=0.5, seed=4)
    X = trainer._x_aug[:, :-1]
    first, second = trainer.net.predict(X), trainer.net.predict(X)
    np.testing.assert_array_equal(first, second)  # no randomness at prediction time
    no_dropout = _spiral_trainer(seed=4)
    trainer.step()
    no_dropout.step()
    assert not np.array_equal(trainer.net.params, no_dropout.net.params)


def test_one_seed_repeats_bit_for_bit():
    runs = [_spiral_trainer(optimizer="adam", dropout=0.2, seed=7) for _ in range(2)]
    for trainer in runs:
        trainer.run_epochs(3)
    np.testing.assert_array_equal(runs[0].net.params, runs[1].net.params)
    np.testing.assert_array_equal(
        runs[0].history.column("train_loss"), runs[1].history.column("train_loss")
    )


def test_learning_rate_10_diverges_with_finite_weights_and_says_at_what_rate():
    X_train, y_train, _, _ = split(*spiral())
    net = Network([2, 8, 8, 1], activation="relu", output="linear", seed=0)
    trainer = Trainer(net, X_train, 2.0 * y_train - 1, loss="mse", learning_rate=10)
    done = trainer.run_epochs(20)
    assert trainer.status == "diverged" and done < 20
    assert trainer.diverged_epoch == done + 1
    assert np.all(np.isfinite(net.params))
    assert trainer.diverged_learning_rate == 10
    assert trainer.run_epochs(5) == 0 and trainer.step() == 0
    assert len(trainer.history) == done + 1


def test_history_starts_at_epoch_0_and_grows_per_epoch():
    trainer = _spiral_trainer(batch_size=30)  # 250 rows: 8 full batches and one of 10
    assert trainer.history[0]["epoch"] == 0
    for _ in range(9):
        trainer.step()
    assert trainer.epoch == 1 and len(trainer.history) == 2
    assert trainer.run_epochs(3) == 3
    assert trainer.history.column("epoch").tolist() == [0, 1, 2, 3, 4]
    assert set(trainer.history[-1]) == {
        "epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy"
    }  # fmt: skip


def test_regression_history_reports_r2_and_nan_without_test_data():
    rng = np.random.default_rng(0)
    X = rng.uniform(-6, 6, (200, 2))
    net = Network([2, 4, 1], activation="tanh", output="linear", seed=0)
    target = X.sum(axis=1) / 10
    trainer = Trainer(net, X, target, loss="mse", learning_rate=0.03)
    trainer.run_epochs(30)
    record = trainer.history[-1]
    residual = net.predict(X)[:, 0] - target
    r2 = 1 - np.sum(residual**2) / np.sum((target - target.mean()) ** 2)
    assert record["train_r2"] == pytest.approx(r2) and r2 > 0.9
    assert np.isnan(record["test_r2"]) and np.isnan(record["test_loss"])


def test_shuffle_false_keeps_row_order():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(6, 2)), np.array([0, 1, 0, 1, 1, 0])
    trainer = Trainer(Network([2, 1], seed=0), X, y, batch_size=2, shuffle=False)
    reference = Network([2, 1], seed=0)
    trainer.step()
    reference.params -= 0.03 * reference.flat_gradient(X[:2], y[:2])
    np.testing.assert_allclose(trainer.net.params, reference.params)


def test_run_for_respects_max_epochs():
    trainer = _spiral_trainer()
    assert trainer.run_for(60.0, max_epochs=2) == 2
    assert trainer.epoch == 2


def test_gradient_norms_are_the_last_steps_gradient():
    trainer = _spiral_trainer(batch_size=250, shuffle=False)
    assert trainer.gradient_norms() == [0.0, 0.0, 0.0]
    X, y = trainer._x_aug[:, :-1], trainer._y[:, 0].astype(int)
    full = trainer.net.flat_gradient(X, y)
    trainer.step()
    blocks = trainer.net.blocks_of(full)
    np.testing.assert_allclose(trainer.gradient_norms(), [np.linalg.norm(b) for b in blocks])


def test_switching_optimizer_keeps_weights_and_history_and_steps_with_the_new_rule():
    X, y = xor(n=40)
    net = Network([2, 3, 1], seed=0)
    trainer = Trainer(net, X, y, batch_size=40, shuffle=False, learning_rate=0.1)
    trainer.run_epochs(2)
    before, epochs = net.params.copy(), len(trainer.history)
    trainer.set_optimizer("adam")
    assert trainer.optimizer == "adam" and np.array_equal(net.params, before)
    grad = net.flat_gradient(X, y, loss="bce")
    trainer.step()
    # Adam's first step moves every parameter by lr * g / (|g| + eps): about lr each
    moved = np.abs(net.params - before)[np.abs(grad) > 1e-6]
    np.testing.assert_allclose(moved, 0.1, rtol=1e-3)
    assert len(trainer.history) == epochs + 1 and trainer.epoch == 3
