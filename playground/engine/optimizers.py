"""The one registry of optimizers, with PyTorch's update rules and defaults.

Each optimizer updates the whole flat parameter vector in a handful of in-place ops,
whatever the depth. Hyper-parameters are plain attributes read at every step, so they can
change between steps without losing state.
"""

import numpy as np


class Optimizer:
    """Base: update(params, grad, lr) applies one step in place; params and grad are flat
    vectors of the same shape. preview() returns the change a step would make, without
    making it."""

    def __init__(self, size: int, momentum=0.9, alpha=0.99, beta1=0.9, beta2=0.999, eps=1e-8):
        self.momentum = momentum
        self.alpha = alpha
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.scratch = np.empty(size)
        self.state: dict[str, np.ndarray] = {}
        self.steps = 0

    def update(self, params: np.ndarray, grad: np.ndarray, lr: float) -> None:
        raise NotImplementedError

    def preview(self, params: np.ndarray, grad: np.ndarray, lr: float) -> np.ndarray:
        """The change (params.shape) that update() would apply now; state is left untouched."""
        saved_state = {key: value.copy() for key, value in self.state.items()}
        saved_steps = self.steps
        trial = params.copy()
        self.update(trial, grad, lr)
        self.state, self.steps = saved_state, saved_steps
        return trial - params


class SGD(Optimizer):
    """p -= lr * g."""

    def update(self, params, grad, lr):
        np.multiply(grad, lr, out=self.scratch)
        params -= self.scratch


class Momentum(Optimizer):
    """torch.optim.SGD with momentum mu: b = mu * b + g; p -= lr * b (b starts at 0, so the
    first step is b = g, as in PyTorch)."""

    def __init__(self, size, **settings):
        super().__init__(size, **settings)
        self.state["buffer"] = np.zeros(size)

    def update(self, params, grad, lr):
        buffer = self.state["buffer"]
        buffer *= self.momentum
        buffer += grad
        np.multiply(buffer, lr, out=self.scratch)
        params -= self.scratch


class RMSprop(Optimizer):
    """torch.optim.RMSprop: v = alpha * v + (1 - alpha) * g^2; p -= lr * g / (sqrt(v) + eps)."""

    def __init__(self, size, **settings):
        super().__init__(size, **settings)
        self.state["square_avg"] = np.zeros(size)

    def update(self, params, grad, lr):
        square_avg, s = self.state["square_avg"], self.scratch
        square_avg *= self.alpha
        np.multiply(grad, grad, out=s)
        s *= 1.0 - self.alpha
        square_avg += s
        np.sqrt(square_avg, out=s)
        s += self.eps
        np.divide(grad, s, out=s)
        s *= lr
        params -= s


class Adam(Optimizer):
    """torch.optim.Adam: m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; with bias corrections
    c1 = 1 - b1^t, c2 = 1 - b2^t: p -= (lr / c1) * m / (sqrt(v) / sqrt(c2) + eps)."""

    def __init__(self, size, **settings):
        super().__init__(size, **settings)
        self.state["exp_avg"] = np.zeros(size)
        self.state["exp_avg_sq"] = np.zeros(size)

    def update(self, params, grad, lr):
        m, v, s = self.state["exp_avg"], self.state["exp_avg_sq"], self.scratch
        self.steps += 1
        m *= self.beta1
        np.multiply(grad, 1.0 - self.beta1, out=s)
        m += s
        v *= self.beta2
        np.multiply(grad, grad, out=s)
        s *= 1.0 - self.beta2
        v += s
        np.sqrt(v, out=s)
        s *= 1.0 / np.sqrt(1.0 - self.beta2**self.steps)
        s += self.eps
        np.divide(m, s, out=s)
        s *= lr / (1.0 - self.beta1**self.steps)
        params -= s


_OPTIMIZERS = {"sgd": SGD, "momentum": Momentum, "rmsprop": RMSprop, "adam": Adam}
OPTIMIZERS: tuple[str, ...] = tuple(_OPTIMIZERS)


def make_optimizer(name: str, size: int, **settings) -> Optimizer:
    """A new optimizer `name` for `size` parameters; settings: momentum, alpha, beta1, beta2,
    eps."""
    if name not in _OPTIMIZERS:
        raise ValueError(f"unknown optimizer {name!r}; choose one of {OPTIMIZERS}")
    return _OPTIMIZERS[name](size, **settings)
