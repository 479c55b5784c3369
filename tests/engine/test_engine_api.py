"""Public surface: registries, live weights, neuron outputs, trace, validation, save/load."""

import io
import json

import numpy as np
import pytest

from playground.engine import (
    ACTIVATIONS,
    HIDDEN_ACTIVATIONS,
    INITIALIZERS,
    LOSSES,
    OPTIMIZERS,
    OUTPUT_ACTIVATIONS,
    Network,
    Trainer,
    load_npz,
    save_npz,
)


def test_registries_list_every_name():
    assert {"relu", "leaky_relu", "elu", "tanh", "sigmoid", "linear"} <= set(HIDDEN_ACTIVATIONS)
    assert set(OUTPUT_ACTIVATIONS) == {"sigmoid", "softmax", "linear", "tanh"}
    assert set(LOSSES) == {"mse", "bce", "cce"}
    assert set(OPTIMIZERS) == {"sgd", "momentum", "rmsprop", "adam"}
    assert set(INITIALIZERS) == {"xavier", "he", "playground", "zeros"}


def test_weights_and_biases_are_live_views():
    net = Network([2, 3, 1], activation="tanh", output="sigmoid", seed=0)
    X = np.array([[0.5, -1.0]])
    before = net.predict(X)
    net.weights[1][0, 0] += 1.0
    net.biases[1][0] -= 2.0
    assert not np.array_equal(before, net.predict(X))
    assert net.activations == ["tanh", "sigmoid"] and net.output == "sigmoid"


def test_neuron_outputs_gives_every_layer_for_a_grid():
    net = Network([2, 4, 2, 1], activation=["relu", "tanh"], output="sigmoid", seed=0)
    grid = np.random.default_rng(0).uniform(-6, 6, (10_000, 2))
    outputs = net.neuron_outputs(grid)
    assert [o.shape for o in outputs] == [(10_000, 4), (10_000, 2), (10_000, 1)]
    hidden = np.maximum(grid @ net.weights[0] + net.biases[0], 0)
    np.testing.assert_allclose(outputs[0], hidden)
    np.testing.assert_allclose(outputs[-1], net.predict(grid))


def test_playground_init_matches_tf_playground():
    net = Network([2, 4, 1], init="playground", seed=0)
    assert all(np.all(b == 0.1) for b in net.biases)
    assert all(np.all(np.abs(w) <= 0.5) for w in net.weights)


@pytest.mark.parametrize(
    ("output", "loss", "labels", "message"),
    [
        ("sigmoid", "cce", [0, 1], "needs a 'softmax' output"),
        ("tanh", "bce", [0, 1], "needs a 'sigmoid' output"),
        ("sigmoid", "bce", [0, 2], "class ids 0..1"),
        ("sigmoid", "bce", [0, 0.5], "class ids 0..1"),
        ("sigmoid", "hinge", [0, 1], "unknown loss"),
    ],
)
def test_bad_pairs_and_labels_raise_clear_errors(output, loss, labels, message):
    net = Network([2, 1], output=output)
    with pytest.raises(ValueError, match=message):
        Trainer(net, np.zeros((2, 2)), labels, loss=loss)


def test_bad_settings_raise_clear_errors():
    with pytest.raises(ValueError, match="hidden activation"):
        Network([2, 3, 1], activation="softmax")
    with pytest.raises(ValueError, match="2 activations for 1 hidden"):
        Network([2, 3, 1], activation=["relu", "tanh"])
    with pytest.raises(ValueError, match="positive integers"):
        Network([2, 0, 1])
    with pytest.raises(ValueError, match="shape"):
        Network([2, 1]).predict(np.zeros((3, 5)))
    with pytest.raises(ValueError, match="unknown optimizer"):
        Trainer(Network([2, 1]), np.zeros((2, 2)), [0, 1], optimizer="lbfgs")


def test_trace_shows_every_layer_and_does_not_train():
    net = Network([2, 3, 1], seed=0)
    trainer = Trainer(net, np.zeros((4, 2)), [0, 1, 0, 1], optimizer="momentum", l2=0.1)
    before = net.params.copy()
    trace = trainer.trace([0.5, -1.0], 1)
    np.testing.assert_array_equal(net.params, before)
    assert [z.shape for z in trace.z] == [(3,), (1,)]
    dW, db = net.gradients(np.array([[0.5, -1.0]]), [1])
    np.testing.assert_allclose(trace.dW[0], dW[0])
    np.testing.assert_allclose(trace.db[1], db[1])
    # momentum's first step is -lr * (g + l2 W) for weights, -lr * g for biases
    np.testing.assert_allclose(trace.update_W[1], -0.03 * (dW[1] + 0.1 * net.weights[1]))
    np.testing.assert_allclose(trace.update_b[1], -0.03 * db[1])


def test_dict_round_trip_through_json_predicts_the_same():
    net = Network([3, 5, 4, 2], activation=["elu", "swish"], output="softmax", seed=3)
    copy = Network.from_dict(json.loads(json.dumps(net.to_dict())))
    X = np.random.default_rng(0).normal(size=(20, 3))
    np.testing.assert_array_equal(copy.predict(X), net.predict(X))
    assert copy.activations == net.activations


def test_npz_round_trip_predicts_the_same():
    net = Network([2, 6, 1], activation="relu", output="linear", seed=5)
    buffer = io.BytesIO()
    save_npz(net, buffer)
    buffer.seek(0)
    copy = load_npz(buffer)
    X = np.random.default_rng(0).normal(size=(20, 2))
    np.testing.assert_array_equal(copy.predict(X), net.predict(X))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(sizes=[2, "x", 1]), "sizes"),
        (lambda d: d.update(sizes=[2, 10**9, 1]), "between 1 and"),
        (lambda d: d["weights"][0].pop(), r"weights\[0\] must have shape"),
        (lambda d: d["biases"][1].__setitem__(0, "nan"), "numbers"),
        (lambda d: d.update(output="softplus"), "output activation"),
        (lambda d: d.update(version=99), "not a saved network"),
    ],
)
def test_from_dict_rejects_bad_uploads_clearly(change, message):
    data = Network([2, 3, 1], seed=0).to_dict()
    change(data)
    with pytest.raises(ValueError, match=message):
        Network.from_dict(data)


def test_load_npz_rejects_files_that_are_not_networks():
    buffer = io.BytesIO()
    np.savez(buffer, something=np.zeros(3))
    buffer.seek(0)
    with pytest.raises(ValueError, match="does not hold a saved network"):
        load_npz(buffer)
    with pytest.raises(ValueError, match="not a readable"):
        load_npz(io.BytesIO(b"not a zip"))


@pytest.mark.parametrize("name", HIDDEN_ACTIVATIONS)
def test_neuron_outputs_match_a_plain_forward_pass_for_every_activation(name):
    # infer may compute an activation in place; this pins that it stays exact
    net = Network([3, 5, 4, 2], activation=name, output="softmax", seed=1)
    X = np.random.default_rng(0).normal(size=(7, 3)) * 3
    a, expected = X, []
    for W, b, act in zip(net.weights, net.biases, net.activations, strict=True):
        z = a @ W + b
        out = np.empty_like(z)
        ACTIVATIONS[act].forward(z.copy(), out)
        a = out
        expected.append(a)
    for got, want in zip(net.neuron_outputs(X), expected, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)
