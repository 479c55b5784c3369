"""Trainer.start_from: a trainer that starts from given weights trains exactly as one whose
network was built with them, and it refuses once training began or for a wrong shape."""

import numpy as np
import pytest
from engine_datasets import split, xor

from playground.engine import Network, Trainer


def _trainer(seed: int) -> Trainer:
    X_train, y_train, X_test, y_test = split(*xor())
    net = Network([2, 6, 1], activation="tanh", output="sigmoid", seed=seed)
    return Trainer(net, X_train, y_train, X_test, y_test, optimizer="adam", seed=7)


def test_starting_from_weights_is_building_with_them():
    built, started = _trainer(seed=1), _trainer(seed=2)
    assert not np.array_equal(built.net.params, started.net.params)
    started.start_from(built.net.params.copy())
    assert started.history[0] == built.history[0]  # epoch 0 is the new weights' row
    assert len(started.history) == 1
    built.run_epochs(3)
    started.run_epochs(3)
    assert started.net.params.tobytes() == built.net.params.tobytes()
    assert [started.history[i] for i in range(4)] == [built.history[i] for i in range(4)]


def test_start_from_refuses_after_training_or_a_wrong_shape():
    trainer = _trainer(seed=1)
    with pytest.raises(ValueError, match="shape"):
        trainer.start_from(np.zeros(3))
    trainer.step()
    with pytest.raises(ValueError, match="not trained yet"):
        trainer.start_from(trainer.net.params.copy())
