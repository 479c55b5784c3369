"""The conv layers against PyTorch (float64): forward outputs and every gradient equal
torch's Conv2d / MaxPool2d / AvgPool2d / Flatten / Linear within 1e-10. PyTorch is no
dependency of the playground: where it is not installed these tests are skipped."""

import numpy as np
import pytest

from playground.engine import AvgPool2D, Conv2D, Dense, Flatten, MaxPool2D, Sequential
from playground.engine.propagation import Workspace, forward

torch = pytest.importorskip("torch", reason="PyTorch is not installed (not a dependency)")
nn = torch.nn

TOLERANCE = 1e-10


def twin(layers, torch_modules, input_shape):
    """Our network and the same torch stack holding the same weights (float64)."""
    net = Sequential(layers, input_shape=input_shape, seed=0)
    net.params += np.random.default_rng(1).normal(0.0, 0.1, net.params.shape)
    model = nn.Sequential(*torch_modules).double()
    weighted = [m for m in model if isinstance(m, (nn.Conv2d, nn.Linear))]
    ours = [layer for layer in net.layers if layer.params]
    with torch.no_grad():
        for module, layer in zip(weighted, ours, strict=True):
            W = layer.params["W"]
            module.weight.copy_(torch.from_numpy(W.T.copy() if W.ndim == 2 else W.copy()))
            module.bias.copy_(torch.from_numpy(layer.params["b"].copy()))
    return net, model, weighted, ours


CASES = {
    "lab network": (
        lambda: [Conv2D(8, 3, padding="same", activation="relu"), MaxPool2D(2), Flatten(),
                 Dense(10, activation="softmax")],
        lambda: [nn.Conv2d(1, 8, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                 nn.Linear(128, 10)],
        (1, 8, 8), 10,
    ),
    "stride, padding, avg-pool, even kernel": (
        lambda: [Conv2D(4, 3, stride=2, padding=1, activation="tanh"),
                 Conv2D(3, 2, padding="same", activation="sigmoid"), AvgPool2D(2), Flatten(),
                 Dense(3, activation="softmax")],
        lambda: [nn.Conv2d(2, 4, 3, stride=2, padding=1), nn.Tanh(),
                 nn.Conv2d(4, 3, 2, padding="same"), nn.Sigmoid(), nn.AvgPool2d(2), nn.Flatten(),
                 nn.Linear(12, 3)],
        (2, 9, 8), 3,
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_forward_and_gradients_equal_pytorch(case):
    make_ours, make_torch, shape, classes = CASES[case]
    net, model, weighted, ours = twin(make_ours(), make_torch(), shape)
    rng = np.random.default_rng(2)
    X, y = rng.random((6, *shape)), rng.integers(0, classes, 6)
    inputs = torch.from_numpy(X)
    logits = model(inputs)
    np.testing.assert_allclose(net.predict(X), torch.softmax(logits, 1).detach().numpy(),
                               rtol=0, atol=TOLERANCE)  # fmt: skip
    nn.functional.cross_entropy(logits, torch.from_numpy(y)).backward()
    grads = [g for g in net.gradients(X, y, loss="cce") if g]
    for module, grad in zip(weighted, grads, strict=True):
        W = module.weight.grad.numpy()
        np.testing.assert_allclose(grad["W"], W.T if W.ndim == 2 else W, atol=TOLERANCE, rtol=0)
        np.testing.assert_allclose(grad["b"], module.bias.grad.numpy(), atol=TOLERANCE, rtol=0)


def test_max_pool_ties_route_the_gradient_as_pytorch_does():
    X = np.array([[[[1.0, 5.0, 7.0, 7.0], [5.0, 5.0, 7.0, 7.0]]]])
    net = Sequential([MaxPool2D(2), Flatten(), Dense(1)], input_shape=(1, 2, 4), seed=0)
    inputs = torch.from_numpy(X).requires_grad_()
    nn.MaxPool2d(2)(inputs).sum().backward()
    pool = net.layers[0]
    ws = Workspace([pool], 1)
    forward([pool], ws, X)
    dx = np.empty_like(X)
    pool.backward(X, np.ones((1, 1, 1, 2)), {}, dx, ws.work[0])
    np.testing.assert_array_equal(dx, inputs.grad.numpy())
