"""Looking inside: a one-sample forward/backward trace and a finite-difference gradient check."""

from dataclasses import dataclass

import numpy as np

from playground.engine.losses import loss_value, make_output_delta
from playground.engine.propagation import Workspace, forward, ready_inputs


@dataclass
class Trace:
    """Everything one training sample does, per layer i (units = sizes[i + 1]):

    z[i], a[i], delta[i] (= dL/dz): (units,); dW[i] (sizes[i], units), db[i] (units,): the
    sample's loss gradient without regularization; update_W[i], update_b[i]: the change the
    optimizer would apply now for this sample's gradient plus regularization (not applied).
    loss: the sample's loss without regularization.
    """

    loss: float
    z: list[np.ndarray]
    a: list[np.ndarray]
    delta: list[np.ndarray]
    dW: list[np.ndarray]  # noqa: N815 (the maths name)
    db: list[np.ndarray]
    update_W: list[np.ndarray]  # noqa: N815
    update_b: list[np.ndarray]


def _one_row_labels(net, y, loss):
    y = np.asarray(y, dtype=np.float64)
    if loss == "mse" and net.output_shape != (1,):
        return y.reshape(1, *net.output_shape)
    return y.reshape(1)


def trace_sample(trainer, x, y) -> Trace:
    """Trace of sample x (sizes[0],) with label y (a class id, or a target for mse) under
    the trainer's network (a Network, or any Sequential of Dense layers), loss,
    regularization, optimizer and learning rate."""
    net, loss = trainer.net, trainer.loss
    X = np.asarray(x, dtype=np.float64).reshape(1, *net.input_shape)
    labels = _one_row_labels(net, y, loss)
    ws = Workspace(net.layers, 1)
    grad = net.flat_gradient(X, labels, loss, ws=ws)
    targets = net._targets(labels, loss)
    sample_loss = loss_value(loss, ws.z_out, ws.a_out, targets)
    penalized = grad.copy()
    trainer.add_penalty_gradient(penalized)
    update = trainer._optimizer.preview(net.params, penalized, trainer.learning_rate)
    grads, updates = net.blocks_of(grad), net.blocks_of(update)
    return Trace(
        loss=sample_loss,
        z=[z[0].copy() for z in ws.z],
        a=[a[0].copy() for a in ws.a],
        delta=[d[0].copy() for d in ws.delta],
        dW=[g[:-1] for g in grads],
        db=[g[-1] for g in grads],
        update_W=[u[:-1] for u in updates],
        update_b=[u[-1] for u in updates],
    )


def gradient_check(net, X, y, loss="bce", eps=1e-6) -> list[float]:
    """Worst relative error per layer between backpropagation and central differences of
    the mean loss over X (n, *input_shape) and labels y, for any stack of layers (0.0 for a
    layer without parameters). Relative error of one parameter:
    |analytic - numeric| / max(|analytic|, |numeric|, 1e-8). The network is left unchanged."""
    make_output_delta(net.output, loss)  # validates the pair
    analytic = net.flat_gradient(X, y, loss)
    x = ready_inputs(net.layers, net.check_inputs(X))
    targets = net._targets(y, loss)
    ws = Workspace(net.layers, len(x), training=False)

    def mean_loss() -> float:
        forward(net.layers, ws, x)
        return loss_value(loss, ws.z_out, ws.a_out, targets)

    params = net.params
    numeric = np.empty_like(params)
    for j in range(params.size):
        saved = params[j]
        params[j] = saved + eps
        up = mean_loss()
        params[j] = saved - eps
        down = mean_loss()
        params[j] = saved
        numeric[j] = (up - down) / (2.0 * eps)
    scale = np.maximum(np.maximum(np.abs(analytic), np.abs(numeric)), 1e-8)
    errors = np.abs(analytic - numeric) / scale
    return [float(span.max(initial=0.0)) for span in net.layout.spans(errors)]
