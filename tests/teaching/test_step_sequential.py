"""explain_step, apply_step and the gradient check on a Sequential of Dense layers (the
autoencoder's network): the prediction is the reconstruction, the loss is against the
input itself."""

import numpy as np
import pytest

from playground.engine import OPTIMIZERS, Dense, Sequential, Trainer
from playground.engine.layers.conv import Conv2D
from playground.engine.layers.reshape import Flatten
from playground.teaching import apply_step, explain_step
from playground.teaching.gradient_check import check_gradients, copy_network
from playground.teaching.step import dense_layers


def _autoencoder(seed=0):
    layers = [Dense(4, "tanh"), Dense(2, "linear"), Dense(4, "tanh"), Dense(6, "sigmoid")]
    return Sequential(layers, input_shape=(6,), init="xavier", seed=seed)


def _trainer(optimizer="adam", **settings):
    X = np.random.default_rng(5).uniform(0, 1, size=(9, 6))
    trainer = Trainer(_autoencoder(), X, X, loss="mse", optimizer=optimizer, batch_size=4,
                      learning_rate=0.05, seed=3, **settings)  # fmt: skip
    return trainer, X


def test_the_step_of_an_autoencoder_is_its_reconstruction_and_the_engines_gradient():
    trainer, X = _trainer()
    step = explain_step(trainer, X[:4], X[:4])
    net = trainer.net
    np.testing.assert_allclose(step.y_hat, net.predict(X[:4]), rtol=1e-12)
    np.testing.assert_array_equal(step.targets, X[:4])  # the target is the input
    assert step.rule == "squashed"  # sigmoid output with squared error
    assert step.loss == pytest.approx(net.loss(X[:4], X[:4], "mse"), rel=1e-12)
    np.testing.assert_allclose(step.update.gradient, net.flat_gradient(X[:4], X[:4], "mse"),
                               rtol=1e-10, atol=1e-14)  # fmt: skip
    assert [layer.weights.shape for layer in step.layers] == [(6, 4), (4, 2), (2, 4), (4, 6)]
    code = step.layers[1].a
    assert code.shape == (4, 2)  # the code layer's output, the 2-D code of each sample


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
@pytest.mark.parametrize("l2", [0.0, 0.1])
def test_applying_it_on_the_trainers_next_batch_is_the_trainers_next_step(optimizer, l2):
    trainer, X = _trainer(optimizer, l2=l2)
    twin, _ = _trainer(optimizer, l2=l2)
    for t in (trainer, twin):
        t.step()
    rows = trainer.next_batch_rows()
    apply_step(trainer, explain_step(trainer, X[rows], X[rows]))
    twin.step()
    np.testing.assert_allclose(trainer.net.params, twin.net.params, rtol=1e-12, atol=1e-15)


def test_the_gradient_check_and_the_copy_work_on_a_sequential():
    net = _autoencoder()
    twin = copy_network(net)
    assert type(twin) is Sequential and twin.params is not net.params
    np.testing.assert_array_equal(twin.params, net.params)
    X = np.random.default_rng(1).uniform(0, 1, size=(8, 6))
    result = check_gradients(net, X, X, "mse")
    assert result.complete and len(result.worst) == 4
    assert max(result.worst) < 1e-5, result.verdict


def test_a_network_with_another_kind_of_layer_is_refused_plainly():
    net = Sequential([Conv2D(2, 3), Flatten(), Dense(2, "softmax")], input_shape=(1, 5, 5))
    with pytest.raises(ValueError, match="Dense layers only"):
        dense_layers(net)
