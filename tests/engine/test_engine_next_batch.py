"""Trainer.next_batch_rows: the rows the next step() trains on, told without changing
anything, and explaining + applying the step on them is that next step."""

import numpy as np
import pytest

from playground.engine import Network, Trainer
from playground.teaching import apply_step, explain_step


def _trainer(rows=23, batch_size=5, **settings):
    rng = np.random.default_rng(4)
    X, y = rng.normal(size=(rows, 2)), rng.integers(0, 2, rows)
    net = Network([2, 3, 1], activation="tanh", seed=1)
    return Trainer(net, X, y, batch_size=batch_size, seed=7, **settings), X, y


@pytest.mark.parametrize("shuffle", [True, False])
def test_the_rows_told_are_the_rows_the_next_step_takes_across_epochs(shuffle):
    trainer, X, _ = _trainer(shuffle=shuffle, dropout=0.2 if shuffle else 0.0)
    for _ in range(12):  # 23 rows in batches of 5: five steps an epoch, the last of 3 rows
        told = trainer.next_batch_rows()
        again = trainer.next_batch_rows()
        np.testing.assert_array_equal(told, again)  # telling draws nothing
        start = trainer._cursor if trainer._in_epoch and trainer._cursor < 23 else 0
        trainer.step()
        np.testing.assert_array_equal(trainer._order[start : start + len(told)], told)
        np.testing.assert_array_equal(trainer._x_epoch[start : start + len(told), :2], X[told])
    assert trainer.epoch == 2


def test_between_epochs_the_next_shuffle_is_told_and_left_to_draw():
    trainer, _, _ = _trainer(batch_size=23)
    trainer.run_epochs(1)
    told = trainer.next_batch_rows()
    assert sorted(told) == list(range(23))
    assert not np.array_equal(told, np.arange(23))  # shuffled
    trainer.step()
    np.testing.assert_array_equal(trainer._order, told)


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "rmsprop", "adam"])
def test_applying_the_explained_step_on_the_told_rows_is_the_trainers_next_step(optimizer):
    trainer, X, y = _trainer(optimizer=optimizer, l2=0.01)
    twin = _trainer(optimizer=optimizer, l2=0.01)[0]
    for t in (trainer, twin):
        for _ in range(3):
            t.step()
    rows = trainer.next_batch_rows()
    assert len(rows) == 5 and not np.array_equal(rows, np.arange(5))
    apply_step(trainer, explain_step(trainer, X[rows], y[rows]))
    twin.step()
    np.testing.assert_allclose(trainer.net.params, twin.net.params, rtol=1e-12, atol=1e-15)
    # the wrong rows would not do: a check that the comparison can fail
    other = _trainer(optimizer=optimizer, l2=0.01)[0]
    for _ in range(3):
        other.step()
    apply_step(other, explain_step(other, X[rows[::-1][:4]], y[rows[::-1][:4]]))
    assert not np.allclose(other.net.params, twin.net.params)


def test_a_diverged_trainer_tells_no_rows():
    trainer, _, _ = _trainer()
    trainer.status = "diverged"
    assert trainer.next_batch_rows().size == 0
