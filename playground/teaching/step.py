"""One learning step on chosen rows, explained with the network's real numbers.

explain_step(trainer, X, y) computes, without changing anything, what the trainer's next
step on the rows X would do, in the seven steps of the learning loop: the inputs, every
layer's z = W a + b and a = f(z), the prediction y_hat, each sample's loss, backpropagation
(the output's delta and each hidden delta = (delta_next W^T) * f'(z), dL/dW = a delta^T,
dL/db = delta), and the optimizer's update of every parameter (before -> after, with its
state). For several rows the step is the one the trainer takes on that mini-batch: the mean
of the per-sample gradients. apply_step(trainer, step) takes exactly that step.

It works on any network of Dense layers: a Network (the first lab's MLP) or a Sequential
of Dense layers (the autoencoder's 64-32-2-32-64); dense_layers says which it can explain.

Everything is computed here from the formulas (the activations' registry gives f and f');
tests check it against the engine's backpropagation and the trainer's own step.
"""

from dataclasses import dataclass

import numpy as np

from playground.engine import Dense
from playground.engine.activations import ACTIVATIONS
from playground.engine.losses import encode_targets
from playground.teaching.output_rules import delta_rule, derivative, output_delta, sample_losses
from playground.teaching.update_rules import FlatUpdate, Hyper, flat_update

MAX_ROWS = 512  # the largest batch the settings allow: one step's rows at most


@dataclass(frozen=True, eq=False)  # holds arrays: == is identity
class LayerPass:
    """Layer `index` (0 = the first hidden layer) for the n rows, forward and backward.

    inputs (n, fan_in): the layer below's outputs (the scaled inputs x for layer 0);
    weights (fan_in, fan_out), bias (fan_out,): W and b now; z (n, fan_out) = inputs W + b;
    a (n, fan_out) = f(z) with f = activation. upstream (n, fan_out): dL_i/da, the delta of
    the layer above times its weights (None for the output layer); slope (n, fan_out):
    f'(z) where the rule multiplies by it (None for a softmax or natural-pair output);
    delta (n, fan_out): dL_i/dz, each sample for its own loss L_i.
    """

    index: int
    activation: str
    inputs: np.ndarray
    weights: np.ndarray
    bias: np.ndarray
    z: np.ndarray
    a: np.ndarray
    upstream: np.ndarray | None
    slope: np.ndarray | None
    delta: np.ndarray

    def sample_dW(self, row: int) -> np.ndarray:  # noqa: N802 (the maths name)
        """dL_row/dW = a_prev delta^T for one sample: (fan_in, fan_out)."""
        return np.outer(self.inputs[row], self.delta[row])

    @property
    def mean_dW(self) -> np.ndarray:  # noqa: N802
        """The batch's gradient: the mean over rows of sample_dW, (fan_in, fan_out)."""
        return self.inputs.T @ self.delta / len(self.delta)

    @property
    def mean_db(self) -> np.ndarray:
        """The batch's bias gradient: the mean over rows of delta, (fan_out,)."""
        return self.delta.mean(axis=0)


@dataclass(frozen=True, eq=False)
class LayerUpdate:
    """The optimizer's step for layer `index`, weights (fan_in, fan_out) and biases
    (fan_out,) apart: before, after = before + change; g = gradient + penalty (l1 / l2 on
    weights only); state_before / state_after: name -> (weights part, bias part)."""

    index: int
    weights_before: np.ndarray
    weights_after: np.ndarray
    bias_before: np.ndarray
    bias_after: np.ndarray
    gradient_W: np.ndarray  # noqa: N815
    penalty_W: np.ndarray  # noqa: N815
    g_W: np.ndarray  # noqa: N815
    g_b: np.ndarray
    state_before: dict[str, tuple[np.ndarray, np.ndarray]]
    state_after: dict[str, tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True, eq=False)
class Step:
    """What the trainer's next step on n rows does (nothing is changed by computing it).

    X (n, d): the scaled inputs the network sees; targets (n, k): the encoded labels y;
    layers: one LayerPass per layer, the output last (its `a` is y_hat); losses (n,): each
    sample's loss; loss: their mean (the batch's loss, without regularization); loss_name
    ("bce", "cce", "mse"), output (the output activation) and rule (output_rules: NATURAL,
    SQUASHED, SOFTMAX_MSE) say which formulas apply. optimizer: its name; hyper: its
    hyper-parameters; steps_before: its step count; update: the whole step on the flat
    parameter vector; updates: the same per layer. dropout: the trainer's rate, which the
    step shown leaves out (its random mask is not this step's to choose). clip_scale: the
    factor (<= 1) the trainer's clip_norm scaled the mean gradient by before the optimizer
    (and before the L1 / L2 terms), 1.0 without clipping; update.gradient is the scaled
    gradient, layers' mean_dW / mean_db the unscaled one. params_before:
    the parameters the step starts from (apply_step refuses if they changed).
    """

    X: np.ndarray
    targets: np.ndarray
    layers: list[LayerPass]
    losses: np.ndarray
    loss_name: str
    output: str
    rule: str
    optimizer: str
    hyper: Hyper
    steps_before: int
    update: FlatUpdate
    updates: list[LayerUpdate]
    dropout: float
    clip_scale: float
    params_before: np.ndarray

    @property
    def rows(self) -> int:
        """How many samples the step is over."""
        return len(self.X)

    @property
    def loss(self) -> float:
        """The mean of the samples' losses."""
        return float(self.losses.mean())

    @property
    def y_hat(self) -> np.ndarray:
        """The predictions (n, k): the output layer's a."""
        return self.layers[-1].a


def _optimizer(trainer):
    # The trainer's optimizer object (its state and step count are public attributes of
    # it); the trainer keeps it private, so it is reached in this one place only.
    return trainer._optimizer


def hyper_of(trainer) -> Hyper:
    """The trainer's learning rate, optimizer settings and L1 / L2 rates now."""
    t = trainer
    return Hyper(t.learning_rate, t.momentum, t.alpha, t.beta1, t.beta2, t.eps, t.l1, t.l2)


def dense_layers(net) -> list[Dense]:
    """The network's layers, every one Dense (layer.weights (fan_in, fan_out), layer.bias
    (fan_out,), layer.activation.name); ValueError for a network with another kind of
    layer (a convolution's or a recurrent layer's step is not worked out here)."""
    layers = list(net.layers)
    if not all(isinstance(layer, Dense) for layer in layers):
        raise ValueError("the step is worked out for networks of Dense layers only")
    return layers


def _rows(net, X, y, loss) -> tuple[np.ndarray, np.ndarray]:
    X = net.check_inputs(X)
    if X.ndim != 2:
        raise ValueError("a step is worked out for inputs of shape (n, features)")
    if not 1 <= len(X) <= MAX_ROWS:
        raise ValueError(f"a step is over 1 to {MAX_ROWS} rows, got {len(X)}")
    targets = encode_targets(y, loss, dense_layers(net)[-1].units)
    if len(targets) != len(X):
        raise ValueError(f"{len(X)} input rows but {len(targets)} labels")
    return X, targets


def _forward(net, X) -> list[tuple]:
    """(inputs, z, a) per layer, computed with the registry's activations."""
    passes, a = [], X
    for layer in dense_layers(net):
        z = a @ layer.weights + layer.bias
        out = np.empty_like(z)
        ACTIVATIONS[layer.activation.name].forward(z, out)
        passes.append((a, z, out))
        a = out
    return passes


def _backward(net, passes, rule, targets) -> list[LayerPass]:
    """Each layer's LayerPass, from the output's delta down by the chain rule."""
    _, z, a = passes[-1]
    delta, slope = output_delta(rule, net.output, z, a, targets)
    upstream, layers, dense = None, [], dense_layers(net)
    names = [layer.activation.name for layer in dense]
    for i in range(len(passes) - 1, -1, -1):
        inputs, z, a = passes[i]
        W, b = dense[i].weights.copy(), dense[i].bias.copy()
        layers.append(LayerPass(i, names[i], inputs, W, b, z, a, upstream, slope, delta))
        if i:
            upstream = delta @ W.T  # dL/da of the layer below
            below_z, below_a = passes[i - 1][1:]
            slope = derivative(names[i - 1], below_z, below_a)
            delta = upstream * slope
    return layers[::-1]


def _flat(net, layers: list[LayerPass]) -> np.ndarray:
    """The mean gradient as one vector shaped like net.params ([W; b] per layer)."""
    blocks = [np.vstack([layer.mean_dW, layer.mean_db]) for layer in layers]
    return np.concatenate([block.ravel() for block in blocks])


def _split(net, flat: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    return [(block[:-1], block[-1]) for block in net.blocks_of(flat)]


def _layer_updates(net, update: FlatUpdate) -> list[LayerUpdate]:
    before, after = _split(net, net.params.copy()), _split(net, net.params + update.change)
    gradient, penalty, g = (_split(net, v) for v in (update.gradient, update.penalty, update.g))
    states_before = {k: _split(net, v) for k, v in update.state_before.items()}
    states_after = {k: _split(net, v) for k, v in update.state_after.items()}
    return [
        LayerUpdate(
            i,
            before[i][0],
            after[i][0],
            before[i][1],
            after[i][1],
            gradient[i][0],
            penalty[i][0],
            g[i][0],
            g[i][1],
            {k: v[i] for k, v in states_before.items()},
            {k: v[i] for k, v in states_after.items()},
        )  # fmt: skip
        for i in range(len(net.layers))
    ]


def clip_scale(gradient: np.ndarray, clip_norm: float | None) -> float:
    """What gradient clipping multiplies the gradient (P,) by: max_norm / (norm + 1e-6)
    when that is below 1 (as torch.nn.utils.clip_grad_norm_ and the trainer do), else 1."""
    if clip_norm is None:
        return 1.0
    return min(1.0, clip_norm / (float(np.linalg.norm(gradient)) + 1e-6))


def explain_step(trainer, X, y) -> Step:
    """The trainer's next step on rows X (n, sizes[0]) (the scaled inputs) with labels y
    (as the trainer's loss takes them: class ids, or targets for mse), without taking it."""
    net, loss = trainer.net, trainer.loss
    X, targets = _rows(net, X, y, loss)
    rule = delta_rule(net.output, loss)
    passes = _forward(net, X)
    layers = _backward(net, passes, rule, targets)
    out = layers[-1]
    optimizer, hyper = _optimizer(trainer), hyper_of(trainer)
    gradient = _flat(net, layers)
    scale = clip_scale(gradient, getattr(trainer, "clip_norm", None))
    update = flat_update(trainer.optimizer, net.params, net.weight_mask, gradient * scale,
                         hyper, optimizer.state, optimizer.steps)  # fmt: skip
    return Step(
        X=X, targets=targets, layers=layers, losses=sample_losses(loss, out.z, out.a, targets),
        loss_name=loss, output=net.output, rule=rule, optimizer=trainer.optimizer,
        hyper=hyper, steps_before=optimizer.steps, update=update,
        updates=_layer_updates(net, update), dropout=trainer.dropout, clip_scale=scale,
        params_before=net.params.copy(),
    )  # fmt: skip


def apply_step(trainer, step: Step) -> None:
    """Take `step`: the trainer's optimizer updates the parameters (and its own state) with
    the step's gradient g, as trainer.step() would on those rows (without dropout). The
    epoch's bookkeeping (trainer.batch, epoch, history) is left alone: a step by hand.
    ValueError if the network or the optimizer changed since the step was explained."""
    net = trainer.net
    if trainer.optimizer != step.optimizer or not np.array_equal(net.params, step.params_before):
        raise ValueError("the network changed since this step was worked out; explain it again")
    _optimizer(trainer).update(net.params, step.update.g, trainer.learning_rate)
