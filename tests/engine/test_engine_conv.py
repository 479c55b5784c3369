"""Conv2D, MaxPool2D, AvgPool2D and Flatten: exact numbers by hand, gradients by finite
differences (each layer alone and in stacks), the max-pool tie rule, save/load, training
with every optimizer, and the digits reaching 95 % with the vision lab's default network."""

import io
import json

import numpy as np
import pytest

from playground.data.digits import load_digits
from playground.engine import (
    OPTIMIZERS,
    AvgPool2D,
    Conv2D,
    Dense,
    Flatten,
    MaxPool2D,
    Sequential,
    Trainer,
    gradient_check,
    load_npz,
    save_npz,
)
from playground.engine.propagation import Workspace, forward


def lab_network(seed=0):
    """The vision lab's default: 8 filters 3x3 "same", ReLU, max-pool 2, softmax over 10."""
    layers = [Conv2D(8, 3, padding="same", activation="relu"), MaxPool2D(2), Flatten(),
              Dense(10, activation="softmax")]  # fmt: skip
    return Sequential(layers, input_shape=(1, 8, 8), seed=seed)


def alone(layer, input_shape, seed=0):
    """`layer` built into a one-layer network (its parameters randomised) on input_shape."""
    net = Sequential([layer], input_shape=input_shape, seed=seed)
    net.params[...] = np.random.default_rng(seed).normal(0.0, 0.5, net.params.shape)
    return net


def layer_gradients(layer, x, weights):
    """Backward of L = sum(weights * layer(x)): (dL/dx, {name: dL/dparam})."""
    ws = Workspace([layer], len(x))
    forward([layer], ws, x)
    delta = weights.copy()
    if layer.activation is not None:
        layer.activation.mul_derivative(ws.a[0], ws.z[0], delta, np.empty_like(delta))
    grads = {name: np.zeros_like(array) for name, array in layer.params.items()}
    dx = np.empty_like(x)
    layer.backward(x, delta, grads, dx, ws.work[0])
    return dx, grads


def numeric(f, array, eps=1e-6):
    """Central differences of the scalar f() with respect to every entry of `array`."""
    out = np.empty_like(array)
    flat, grad = array.reshape(-1), out.reshape(-1)
    for j in range(flat.size):
        saved = flat[j]
        flat[j] = saved + eps
        up = f()
        flat[j] = saved - eps
        down = f()
        flat[j] = saved
        grad[j] = (up - down) / (2 * eps)
    return out


LAYERS = [
    ("conv 3x3 valid", lambda: Conv2D(2, 3), (1, 5, 5)),
    ("conv 3x3 same, 3 channels", lambda: Conv2D(4, 3, padding="same", activation="tanh"),
     (3, 5, 6)),
    ("conv 2x2 same (uneven pad)", lambda: Conv2D(2, 2, padding="same", activation="sigmoid"),
     (2, 5, 4)),
    ("conv 3x3 stride 2 pad 1", lambda: Conv2D(3, 3, stride=2, padding=1, activation="elu"),
     (2, 7, 6)),
    ("conv 2x2 stride 3 (edges unused)", lambda: Conv2D(2, 2, stride=3), (1, 7, 8)),
    ("conv 1x1", lambda: Conv2D(3, 1, activation="swish"), (2, 3, 3)),
    ("max-pool 2 (odd sizes)", lambda: MaxPool2D(2), (2, 5, 7)),
    ("max-pool 3", lambda: MaxPool2D(3), (1, 6, 7)),
    ("avg-pool 2 (odd sizes)", lambda: AvgPool2D(2), (3, 5, 5)),
    ("flatten", lambda: Flatten(), (2, 3, 4)),
]  # fmt: skip


@pytest.mark.parametrize("make, shape", [case[1:] for case in LAYERS], ids=[c[0] for c in LAYERS])
def test_each_layers_backward_matches_finite_differences(make, shape):
    layer = make()
    net = alone(layer, shape)
    rng = np.random.default_rng(1)
    x = rng.normal(size=(3, *shape))
    weights = rng.normal(size=(3, *net.output_shape))

    def loss():
        return float(np.sum(weights * layer.infer(x)))

    dx, grads = layer_gradients(layer, x, weights)
    np.testing.assert_allclose(dx, numeric(loss, x), rtol=1e-6, atol=1e-8)
    for name, array in layer.params.items():
        np.testing.assert_allclose(grads[name], numeric(loss, array), rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("make, shape", [case[1:] for case in LAYERS], ids=[c[0] for c in LAYERS])
def test_the_training_pass_and_infer_give_the_same_outputs(make, shape):
    layer = make()
    alone(layer, shape)
    x = np.random.default_rng(2).normal(size=(4, *shape))
    ws = Workspace([layer], len(x), training=False)
    forward([layer], ws, x)
    np.testing.assert_array_equal(ws.a[0], layer.infer(x))


STACKS = [
    ("lab network", lambda: [Conv2D(8, 3, padding="same", activation="relu"), MaxPool2D(2),
                             Flatten(), Dense(10, activation="softmax")], (1, 8, 8), 10),
    ("two conv blocks, stride 2", lambda: [Conv2D(3, 3, stride=2, padding=1, activation="tanh"),
                                          Conv2D(4, 2, padding="same", activation="sigmoid"),
                                          AvgPool2D(2), Flatten(),
                                          Dense(3, activation="softmax")], (2, 9, 7), 3),
    ("conv after pool, dense hidden", lambda: [MaxPool2D(2), Conv2D(2, 3, activation="tanh"),
                                              Flatten(), Dense(4, activation="tanh"),
                                              Dense(2, activation="softmax")], (3, 11, 10), 2),
]  # fmt: skip


@pytest.mark.parametrize(
    "make, shape, classes", [s[1:] for s in STACKS], ids=[s[0] for s in STACKS]
)
def test_stacks_pass_the_gradient_check(make, shape, classes):
    net = Sequential(make(), input_shape=shape, seed=0)
    rng = np.random.default_rng(3)
    net.params += rng.normal(0.0, 0.05, net.params.shape)  # biases off zero: no ReLU kinks
    X, y = rng.normal(size=(5, *shape)), rng.integers(0, classes, 5)
    errors = gradient_check(net, X, y, loss="cce")
    assert max(errors) < 1e-5, errors


def test_a_tiny_convolution_by_hand():
    net = alone(Conv2D(1, 2, activation="relu"), (1, 3, 3))
    conv = net.layers[0]
    conv.params["W"][...] = [[[[1.0, 2.0], [0.0, -1.0]]]]
    conv.params["b"][...] = [0.5]
    x = np.arange(9.0).reshape(1, 1, 3, 3)  # [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
    # top-left patch [[0, 1], [3, 4]]: 0 + 2 + 0 - 4 + 0.5 = -1.5 -> relu 0
    # top-right [[1, 2], [4, 5]]: 1 + 4 - 5 + 0.5 = 0.5; bottom-left [[3, 4], [6, 7]]:
    # 3 + 8 - 7 + 0.5 = 4.5; bottom-right [[4, 5], [7, 8]]: 4 + 10 - 8 + 0.5 = 6.5
    np.testing.assert_array_equal(net.predict(x), [[[[0.0, 0.5], [4.5, 6.5]]]])


def test_same_padding_keeps_the_size_and_pads_an_even_kernel_after():
    net = alone(Conv2D(1, 2, padding="same"), (1, 2, 2))
    conv = net.layers[0]
    conv.params["W"][...] = [[[[1.0, 10.0], [100.0, 1000.0]]]]
    conv.params["b"][...] = 0.0
    x = np.array([[[[1.0, 2.0], [3.0, 4.0]]]])
    # PyTorch pads a 2x2 kernel with nothing before and one zero after, on both axes
    expected = [[[[1 + 20 + 300 + 4000, 2 + 400], [3 + 40, 4]]]]
    np.testing.assert_array_equal(net.predict(x), expected)
    assert conv.output_shape == (1, 2, 2)


def test_output_shapes_and_the_parameter_count_of_the_lab_network():
    net = lab_network()
    assert [layer.output_shape for layer in net.layers] == [(8, 8, 8), (8, 4, 4), (128,), (10,)]
    assert net.layers[0].params["W"].shape == (8, 1, 3, 3)
    assert net.params.size == 8 * 9 + 8 + 128 * 10 + 10 == 1370
    strided = Sequential([Conv2D(2, 3, stride=2)], input_shape=(1, 8, 7))
    assert strided.output_shape == (2, 3, 3)


def test_flatten_orders_features_channel_row_column():
    net = alone(Flatten(), (2, 2, 3))
    x = np.arange(12.0).reshape(1, 2, 2, 3)
    np.testing.assert_array_equal(net.predict(x), [np.arange(12.0)])


def test_max_pool_sends_the_gradient_to_the_first_maximum_in_row_major_order():
    net = alone(MaxPool2D(2), (1, 2, 4))
    x = np.array([[[[1.0, 5.0, 7.0, 7.0], [5.0, 5.0, 7.0, 7.0]]]])  # ties in both blocks
    dx, _ = layer_gradients(net.layers[0], x, np.array([[[[2.0, 3.0]]]]))
    np.testing.assert_array_equal(net.predict(x), [[[[5.0, 7.0]]]])
    np.testing.assert_array_equal(dx, [[[[0.0, 2.0, 3.0, 0.0], [0.0, 0.0, 0.0, 0.0]]]])


def test_pooling_drops_the_rows_and_columns_left_over():
    net = alone(AvgPool2D(2), (1, 3, 3))
    x = np.arange(9.0).reshape(1, 1, 3, 3)
    np.testing.assert_array_equal(net.predict(x), [[[[(0 + 1 + 3 + 4) / 4]]]])
    dx, _ = layer_gradients(net.layers[0], x, np.ones((1, 1, 1, 1)))
    np.testing.assert_array_equal(dx[0, 0], [[0.25, 0.25, 0], [0.25, 0.25, 0], [0, 0, 0]])


@pytest.mark.parametrize(
    "make, shape, message",
    [
        (lambda: Conv2D(2, 3, stride=2, padding="same"), (1, 8, 8), "needs stride 1"),
        (lambda: Conv2D(2, 5), (1, 4, 4), "larger than its padded input"),
        (lambda: Conv2D(2, 3, padding=-1), (1, 8, 8), "integer >= 0 or 'same'"),
        (lambda: Conv2D(2, 3, activation="softmax"), (1, 8, 8), "feature maps"),
        (lambda: Conv2D(0, 3), (1, 8, 8), "positive integer"),
        (lambda: Conv2D(2, 3), (64,), "images"),
        (lambda: MaxPool2D(3), (1, 2, 8), "larger than its input"),
        (lambda: Dense(3), (1, 8, 8), "Flatten"),
    ],
)
def test_bad_settings_and_shapes_say_what_is_wrong(make, shape, message):
    with pytest.raises(ValueError, match=message):
        Sequential([make()], input_shape=shape)


def test_a_conv_network_saves_and_loads_with_its_settings_and_weights():
    layers = [Conv2D(3, 2, stride=2, padding=1, activation="tanh"), AvgPool2D(2),
              Conv2D(2, 1, padding="same", activation="relu"), MaxPool2D(1), Flatten(),
              Dense(4, activation="softmax")]  # fmt: skip
    net = Sequential(layers, input_shape=(2, 9, 9), init="he", seed=4)
    X = np.random.default_rng(5).normal(size=(6, 2, 9, 9))
    saved = json.loads(json.dumps(net.to_dict()))
    assert saved["layers"][0] == {
        "type": "Conv2D",
        "config": {"filters": 3, "kernel_size": 2, "stride": 2, "padding": 1,
                   "activation": "tanh"},
        "params": {"W": net.layers[0].params["W"].tolist(),
                   "b": net.layers[0].params["b"].tolist()},
    }  # fmt: skip
    np.testing.assert_array_equal(Sequential.from_dict(saved).predict(X), net.predict(X))
    buffer = io.BytesIO()
    save_npz(net, buffer)
    buffer.seek(0)
    loaded = load_npz(buffer)
    assert [layer.config() for layer in loaded.layers] == [layer.config() for layer in layers]
    np.testing.assert_array_equal(loaded.predict(X), net.predict(X))


def test_a_saved_model_with_a_bad_conv_setting_is_refused_clearly():
    saved = lab_network().to_dict()
    saved["layers"][0]["config"]["padding"] = "huge"
    with pytest.raises(ValueError, match=r"layers\[0\] \(Conv2D\).*padding"):
        Sequential.from_dict(saved)


def test_l1_and_l2_reach_the_filters_but_not_their_biases():
    net = lab_network()
    X, y = np.random.default_rng(6).random((8, 1, 8, 8)), np.arange(8)
    trainer = Trainer(net, X, y, loss="cce", l2=0.5)
    grad = np.zeros_like(net.params)
    trainer.add_penalty_gradient(grad)
    conv = net.layers[0]
    np.testing.assert_array_equal(grad[:72], 0.5 * conv.params["W"].ravel())
    assert not grad[72:80].any()


def digits(train_fraction=0.5):
    data = load_digits(train_fraction, seed=0)
    images = (data.X_train.reshape(-1, 1, 8, 8), data.X_test.reshape(-1, 1, 8, 8))
    return images[0], data.y_train, images[1], data.y_test


RATES = {"sgd": 0.3, "momentum": 0.05}  # the others: 0.01


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_every_optimizer_trains_a_conv_net_with_regularization_and_dropout(optimizer):
    X, y, Xt, yt = digits()
    net = lab_network()
    trainer = Trainer(net, X[:300], y[:300], Xt[:100], yt[:100], loss="cce", optimizer=optimizer,
                      learning_rate=RATES.get(optimizer, 0.01), batch_size=20,
                      l1=1e-5, l2=1e-4, dropout=0.1, seed=1)  # fmt: skip
    trainer.run_epochs(3)
    losses = trainer.history.column("train_loss")
    assert trainer.status == "ok" and losses[-1] < 0.8 * losses[0]
    norms = trainer.gradient_norms()
    assert norms[0] > 0 and norms[3] > 0 and norms[1] == norms[2] == 0.0


def test_the_lab_network_reaches_95_percent_on_the_digits():
    # 8 epochs of Adam on 898 training images: ~1 s on one quiet core.
    X, y, Xt, yt = digits()
    trainer = Trainer(lab_network(), X, y, Xt, yt, loss="cce", optimizer="adam",
                      learning_rate=0.01, batch_size=32, seed=0)  # fmt: skip
    trainer.run_epochs(8)
    assert trainer.history.column("test_accuracy")[-1] >= 0.95
