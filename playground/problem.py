"""How a data set and the settings become a network: sizes, output, loss and targets.

The one place that decides, for a task and a loss choice, which output activation and
which engine loss are used, and how class ids become the targets that loss expects.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.config import effective_activations
from playground.data import Dataset

# (task, loss setting) -> (output activation, engine loss). Regression is always squared error.
_OUTPUTS = {
    ("binary", "cross_entropy"): ("sigmoid", "bce"),
    ("binary", "squared_error"): ("tanh", "mse"),  # TF Playground: tanh output, +/-1 targets
    ("multiclass", "cross_entropy"): ("softmax", "cce"),
    ("multiclass", "squared_error"): ("softmax", "mse"),
    ("regression", "cross_entropy"): ("linear", "mse"),
    ("regression", "squared_error"): ("linear", "mse"),
}

LOSS_LABELS = {
    "bce": "binary cross-entropy",
    "cce": "categorical cross-entropy",
    "mse": "squared error",
}


@dataclass(frozen=True)
class ModelSpec:
    """What to build for one data set: sizes [inputs, hidden..., outputs], the activation
    of each hidden layer, the output activation and the engine's loss name."""

    sizes: tuple[int, ...]
    hidden_activations: tuple[str, ...]
    output: str
    loss: str

    @property
    def n_outputs(self) -> int:
        """Neurons in the output layer."""
        return self.sizes[-1]


def model_spec(settings: Mapping[str, Any], dataset: Dataset) -> ModelSpec:
    """The network the settings ask for on this data set."""
    output, loss = _OUTPUTS[(dataset.task, settings["loss"])]
    n_out = dataset.n_classes if dataset.task == "multiclass" else 1
    hidden = tuple(int(n) for n in settings["hidden"])
    sizes = (dataset.X_train.shape[1], *hidden, n_out)
    return ModelSpec(sizes, tuple(effective_activations(settings)), output, loss)


def targets(spec: ModelSpec, y: np.ndarray) -> np.ndarray:
    """Labels as the engine's loss expects them.

    y (n,): class ids or regression values. Returns class ids (n,) for bce/cce, float
    targets for mse: +/-1 (n,) for a tanh output, one-hot (n, k) for softmax, y for linear.
    """
    if spec.loss != "mse" or spec.output == "linear":
        return y
    if spec.output == "tanh":
        return np.where(y == 1, 1.0, -1.0)
    return np.eye(spec.n_outputs)[y]


def class_probabilities(spec: ModelSpec, output: np.ndarray) -> np.ndarray:
    """The network's output (n, k) as class evidence: (n,) P(class 1) for one output
    neuron (a tanh output in [-1, 1] is mapped to [0, 1]); (n, k) for softmax."""
    if spec.n_outputs == 1:
        column = output[:, 0]
        return (column + 1.0) / 2.0 if spec.output == "tanh" else column
    return output


def predicted_classes(spec: ModelSpec, output: np.ndarray) -> np.ndarray:
    """Class ids (n,) from the network's output (n, k)."""
    if spec.n_outputs == 1:
        return (class_probabilities(spec, output) > 0.5).astype(np.int64)
    return np.argmax(output, axis=1)
