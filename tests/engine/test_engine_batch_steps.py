"""One mini-batch step at a time: the batch counter, the epoch it ends, and the same weights
as whole epochs."""

import numpy as np
from engine_datasets import circle, split

from playground.engine import Network, Trainer


def _trainer(batch_size=10, seed=0) -> Trainer:
    X_train, y_train, X_test, y_test = split(*circle())
    net = Network([2, 4, 1], activation="tanh", output="sigmoid", seed=seed)
    return Trainer(net, X_train, y_train, X_test, y_test, batch_size=batch_size, seed=seed)


def test_steps_count_batches_and_the_last_one_finishes_the_epoch():
    trainer = _trainer()
    batches = trainer.batches_per_epoch
    assert batches == -(-len(trainer._y) // 10) and trainer.batch == 0
    for done in range(1, batches):
        assert trainer.step() == 1
        assert (trainer.epoch, trainer.batch, len(trainer.history)) == (0, done, 1)
    trainer.step()
    assert (trainer.epoch, trainer.batch, len(trainer.history)) == (1, 0, 2)
    assert trainer.history[-1]["epoch"] == 1


def test_batch_steps_give_the_same_weights_and_history_as_an_epoch():
    stepped, whole = _trainer(), _trainer()
    for _ in range(stepped.batches_per_epoch):
        stepped.step()
    whole.run_epochs(1)
    np.testing.assert_array_equal(stepped.net.params, whole.net.params)
    assert stepped.history[-1] == whole.history[-1]


def test_batches_per_epoch_follows_a_batch_size_changed_mid_epoch():
    trainer = _trainer(batch_size=10)
    rows = len(trainer._y)
    trainer.step()
    trainer.step()
    trainer.batch_size = 50
    assert trainer.batches_per_epoch == 2 + -(-(rows - 20) // 50)
    assert trainer.run_epochs(1) == 1  # finishes the epoch under way
    assert (trainer.epoch, trainer.batch) == (1, 0)
