"""The student's explanation of a diverged run, made above the engine from its status."""

import numpy as np

from playground.engine import Network, Trainer
from playground.training_text import divergence_message


def test_a_diverged_run_is_explained_with_its_epoch_and_a_smaller_learning_rate():
    X = np.random.default_rng(0).normal(size=(100, 2))
    net = Network([2, 8, 8, 1], activation="relu", output="linear", seed=0)
    trainer = Trainer(net, X, X[:, 0] * X[:, 1], loss="mse", learning_rate=10)
    trainer.run_epochs(20)
    args = trainer.status, trainer.diverged_epoch, trainer.diverged_learning_rate
    text = divergence_message(*args)
    assert f"after epoch {trainer.diverged_epoch - 1}:" in text
    assert "learning rate (10)" in text and "for example 1)" in text
    trainer.recover()
    assert divergence_message(trainer.status, trainer.diverged_epoch, None) == ""
