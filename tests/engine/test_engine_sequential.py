"""Sequential: any stack of layers, gradients by name, save/load, training, reproducibility."""

import copy
import io
import json
from pathlib import Path

import numpy as np
import pytest
from unit_clock import UnitClock

from playground.data.assets import digit_arrays
from playground.engine import (
    OPTIMIZERS,
    Dense,
    Network,
    Sequential,
    Trainer,
    gradient_check,
    load_npz,
    save_npz,
)

SAVED = Path(__file__).parent / "saved"  # written by the engine before Sequential existed


def autoencoder(seed=0):
    """The issue's 64-32-2-32-64 autoencoder."""
    layers = [Dense(32, activation="relu"), Dense(2, activation="linear"),
              Dense(32, activation="relu"), Dense(64, activation="sigmoid")]  # fmt: skip
    return Sequential(layers, input_shape=(64,), init="xavier", seed=seed)


def digits(rows=300):
    X, _ = digit_arrays()
    return X[:rows] / 16.0


@pytest.mark.parametrize(
    ("hidden", "last", "loss", "labels"),
    [
        ("tanh", "sigmoid", "bce", lambda rng: rng.integers(0, 2, 6)),
        ("relu", "softmax", "cce", lambda rng: rng.integers(0, 3, 6)),
        ("elu", "linear", "mse", lambda rng: rng.normal(size=(6, 3))),
        ("gelu", "softmax", "mse", lambda rng: rng.random((6, 3))),
        ("swish", "tanh", "mse", lambda rng: rng.normal(size=(6, 3))),
    ],
)
def test_backprop_through_sequential_matches_finite_differences(hidden, last, loss, labels):
    rng = np.random.default_rng(0)
    units = 1 if last == "sigmoid" else 3
    layers = [Dense(4, activation=hidden), Dense(5, activation="leaky_relu"),
              Dense(units, activation=last)]  # fmt: skip
    net = Sequential(layers, input_shape=(3,), init="he", seed=1)
    net.params += rng.normal(0, 0.1, net.params.shape)  # non-zero biases too
    errors = gradient_check(net, rng.normal(size=(6, 3)), labels(rng), loss=loss)
    assert len(errors) == 3 and max(errors) < 1e-5, errors


def test_backprop_through_an_autoencoder_matches_finite_differences():
    # The digits autoencoder's shape, small: its 64-pixel version has gradients so small
    # (dead pixels) that central differences are too coarse to compare with.
    layers = [Dense(6, activation="relu"), Dense(2, activation="linear"),
              Dense(6, activation="relu"), Dense(8, activation="sigmoid")]  # fmt: skip
    net = Sequential(layers, input_shape=(8,), init="he", seed=0)
    rng = np.random.default_rng(1)
    net.params += rng.normal(0, 0.1, net.params.shape)
    X = rng.random((5, 8))
    errors = gradient_check(net, X, X, loss="mse")
    assert len(errors) == 4 and max(errors) < 1e-5, errors


def test_gradients_are_one_dict_per_layer_and_equal_the_networks():
    layers = [Dense(5, activation="tanh"), Dense(2, activation="softmax")]
    net = Sequential(layers, input_shape=(3,), init="xavier", seed=4)
    mlp = Network([3, 5, 2], activation="tanh", output="softmax", init="xavier", seed=4)
    np.testing.assert_array_equal(net.params, mlp.params)  # same layout, same draws
    X, y = np.random.default_rng(0).normal(size=(8, 3)), np.arange(8) % 2
    grads = net.gradients(X, y, loss="cce")
    dW, db = mlp.gradients(X, y, loss="cce")
    assert [sorted(g) for g in grads] == [["W", "b"], ["W", "b"]]
    for i, g in enumerate(grads):
        assert g["W"].shape == net.layers[i].params["W"].shape
        np.testing.assert_array_equal(g["W"], dW[i])
        np.testing.assert_array_equal(g["b"], db[i])


def test_params_are_live_views_that_refuse_rebinding():
    net = autoencoder()
    X = digits(3)
    before = net.predict(X)
    net.layers[3].params["b"][...] += 1.0
    assert not np.array_equal(before, net.predict(X))
    with pytest.raises(TypeError):
        net.layers[0].params["W"] = np.zeros((64, 32))
    mlp = Network([2, 3, 1])
    with pytest.raises(TypeError, match=r"net.weights\[i\]\[...\] = W"):
        mlp.weights[0] = np.zeros((2, 3))
    mlp.weights[0][...] = 0.0
    assert not mlp.params[:6].any()


def test_shapes_and_bad_stacks_raise_clear_errors():
    net = autoencoder()
    assert [layer.output_shape for layer in net.layers] == [(32,), (2,), (32,), (64,)]
    assert net.output == "sigmoid" and net.params.size == 64 * 32 + 32 + 66 + 96 + 32 * 64 + 64
    assert net.weight_mask.sum() == 64 * 32 + 64 + 64 + 32 * 64  # the weights, not the biases
    with pytest.raises(ValueError, match="inputs must have shape"):
        net.predict(np.zeros((2, 63)))
    with pytest.raises(ValueError, match="Flatten"):
        Sequential([Dense(3)], input_shape=(2, 2))
    with pytest.raises(ValueError, match="last layer"):
        Sequential([Dense(3, activation="softmax"), Dense(1)], input_shape=(2,))
    with pytest.raises(ValueError, match="unknown activation"):
        Dense(3, activation="softplus")
    with pytest.raises(ValueError, match="positive integer"):
        Dense(0)
    layer = Dense(2)
    Sequential([layer], input_shape=(2,))
    with pytest.raises(ValueError, match="already belongs"):
        Sequential([layer], input_shape=(2,))
    with pytest.raises(ValueError, match="unknown initializer"):
        Sequential([Dense(2)], input_shape=(2,), init="orthogonal")


def test_save_and_load_predict_the_same():
    net = autoencoder(seed=3)
    X = digits(20)
    copy = Sequential.from_dict(json.loads(json.dumps(net.to_dict())))
    np.testing.assert_array_equal(copy.predict(X), net.predict(X))
    assert type(copy) is Sequential and repr(copy) == repr(net)
    buffer = io.BytesIO()
    save_npz(net, buffer)
    buffer.seek(0)
    np.testing.assert_array_equal(load_npz(buffer).predict(X), net.predict(X))


def test_networks_saved_before_sequential_still_load():
    want = Network([3, 5, 2], activation="relu", output="softmax", seed=4)
    data = json.loads((SAVED / "network_v1.json").read_text())
    for loaded in (Network.from_dict(data), Sequential.from_dict(data),
                   load_npz(SAVED / "network_v1.npz")):  # fmt: skip
        assert isinstance(loaded, Network) and loaded.activations == ["relu", "softmax"]
        np.testing.assert_array_equal(loaded.params, want.params)
    assert want.to_dict() == data  # and today's Network writes the same file


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["layers"][0].update(type="Pickle"), "must name a layer type"),
        (lambda d: d["layers"][0]["config"].update(units=10**9), "more than"),
        (lambda d: d["layers"][0]["config"].update(colour="red"), r"layers\[0\] \(Dense\)"),
        (lambda d: d["layers"][1]["config"].update(activation="eval"), "unknown activation"),
        (lambda d: d["layers"][1]["params"]["W"].pop(), r"layers\[1\].params\['W'\]"),
        (lambda d: d["layers"][1]["params"].pop("b"), "must hold exactly"),
        (lambda d: d.update(input_shape=[10**7]), "at most"),
        (lambda d: d.update(layers=[]), "1 to"),
    ],
)
def test_from_dict_rejects_bad_models_clearly(change, message):
    data = Sequential([Dense(3, "tanh"), Dense(2)], input_shape=(2,)).to_dict()
    change(data)
    with pytest.raises(ValueError, match=message):
        Sequential.from_dict(data)


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_trainer_trains_a_sequential_with_every_optimizer_and_regularizer(optimizer):
    X = digits(200)
    net = autoencoder()
    trainer = Trainer(net, X[:150], X[:150], X[150:], X[150:], loss="mse",
                      optimizer=optimizer, learning_rate=0.01 if optimizer != "sgd" else 0.5,
                      batch_size=16, l1=1e-5, l2=1e-4, dropout=0.1, seed=2)  # fmt: skip
    trainer.run_epochs(8)
    assert trainer.status == "ok" and trainer.epoch == 8
    losses = trainer.history.column("train_loss")
    assert losses[-1] < losses[0]
    assert len(trainer.gradient_norms()) == 4 and min(trainer.gradient_norms()) > 0


def test_the_autoencoder_lowers_its_reconstruction_loss_on_digits():
    X = digits(600)
    net = autoencoder()
    trainer = Trainer(net, X[:500], X[:500], X[500:], X[500:], loss="mse",
                      optimizer="adam", learning_rate=0.01, batch_size=32)  # fmt: skip
    start = net.loss(X[500:], X[500:], loss="mse")
    trainer.run_epochs(30)
    end = net.loss(X[500:], X[500:], loss="mse")
    assert end < 0.6 * start, (start, end)
    assert trainer.history[-1]["test_loss"] == pytest.approx(end)
    assert net.neuron_outputs(X[:4])[1].shape == (4, 2)  # the 2-D code


def test_one_seed_gives_bitwise_identical_runs():
    def run():
        X = digits(120)
        net = autoencoder(seed=7)
        trainer = Trainer(net, X, X, loss="mse", optimizer="adam", learning_rate=0.01,
                          dropout=0.2, seed=5)  # fmt: skip
        trainer.run_epochs(2)
        trainer.step()
        return net.params.copy(), trainer.history.column("train_loss")

    (params_a, loss_a), (params_b, loss_b) = run(), run()
    np.testing.assert_array_equal(params_a, params_b)
    np.testing.assert_array_equal(loss_a, loss_b)


def test_clip_norm_scales_a_steps_loss_gradient_down_to_it():
    X = digits(32)
    net = autoencoder()
    trainer = Trainer(net, X, X, loss="mse", batch_size=32, shuffle=False, learning_rate=1.0,
                      clip_norm=1e-3)  # fmt: skip
    grad, before = net.flat_gradient(X, X, loss="mse"), net.params.copy()
    assert np.linalg.norm(grad) > 1e-2  # so the clip bites
    trainer.step()
    np.testing.assert_allclose(before - net.params, grad * 1e-3 / (np.linalg.norm(grad) + 1e-6))
    trainer.clip_norm = None
    grad, before = net.flat_gradient(X, X, loss="mse"), net.params.copy()
    trainer.step()
    np.testing.assert_allclose(before - net.params, grad)
    with pytest.raises(ValueError, match="clip_norm"):
        trainer.clip_norm = 0


def test_a_sequential_of_dense_layers_has_the_mlp_tools():
    X = digits(10)
    net = autoencoder()
    trainer = Trainer(net, X, X, loss="mse", l2=0.1)
    trace = trainer.trace(X[0], X[0])
    dW = net.gradients(X[:1], X[:1], loss="mse")
    np.testing.assert_allclose(trace.dW[1], dW[1]["W"])
    assert [d.shape for d in trace.delta] == [(32,), (2,), (32,), (64,)]
    assert [block.shape for block in net.blocks_of(net.params)][1] == (33, 2)
    with pytest.raises(AttributeError, match="divergence_message"):
        trainer.message  # noqa: B018 (the page text moved above the engine)


def test_an_autoencoder_cut_by_deadlines_trains_bitwise_as_uninterrupted():
    X = digits(90)

    def trainer(**options):
        return Trainer(autoencoder(seed=2), X[:70], X[:70], X[70:], X[70:], loss="mse",
                       optimizer="adam", learning_rate=0.01, batch_size=16, dropout=0.1,
                       seed=4, **options)  # fmt: skip

    whole, cut = trainer(), UnitClock().attach(trainer())
    whole.run_epochs(3)
    calls = 0
    while cut.epoch < 3 and calls < 1000:
        cut.run_for(2.5, max_epochs=3 - cut.epoch)
        calls += 1
    assert calls > 3  # the deadlines did cut epochs
    np.testing.assert_array_equal(cut.net.params, whole.net.params)
    np.testing.assert_array_equal(
        cut.history.column("test_loss"), whole.history.column("test_loss")
    )


@pytest.mark.parametrize("make", [autoencoder, lambda: Network([3, 4, 2], output="softmax")])
def test_a_deep_copy_is_independent_and_its_views_are_live(make):
    net = make()
    clone = copy.deepcopy(net)
    assert type(clone) is type(net) and repr(clone) == repr(net)
    np.testing.assert_array_equal(clone.params, net.params)
    clone.layers[0].params["W"][...] = 0.0
    assert not clone.params[: clone.layers[0].params["W"].size].any()
    assert net.layers[0].params["W"].any()
