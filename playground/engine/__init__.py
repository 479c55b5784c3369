"""The NumPy training engine: layers, networks, activations, losses, optimizers, training,
inspection and save/load. Pure NumPy (never imports streamlit, plotly or pandas), usable on
its own from a notebook.

    from playground.engine import Dense, Sequential, Trainer
    net = Sequential([Dense(32, activation="relu"), Dense(2, activation="linear"),
                      Dense(32, activation="relu"), Dense(64, activation="sigmoid")],
                     input_shape=(64,), init="xavier", seed=0)
    trainer = Trainer(net, X, X, loss="mse", optimizer="adam", learning_rate=0.01)
    trainer.run_epochs(5)            # an autoencoder: the targets are the inputs

    net = Network([2, 8, 8, 1], activation="tanh", output="sigmoid", init="xavier", seed=0)
    trainer = Trainer(net, X_train, y_train, X_test, y_test, loss="bce")

Network(sizes, ...) is the multilayer-perceptron shorthand for a Sequential of Dense layers.
A new kind of layer subclasses Layer (see playground.engine.layers.base); its parameters
live in the network's flat vector (see playground.engine.params).
"""

from playground.engine.activations import ACTIVATIONS, HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS
from playground.engine.history import History
from playground.engine.initializers import INITIALIZERS
from playground.engine.inspection import Trace, gradient_check
from playground.engine.layers import (
    LAYER_TYPES,
    LSTM,
    AvgPool2D,
    Conv2D,
    Dense,
    Flatten,
    Layer,
    MaxPool2D,
    SimpleRNN,
    TimeDistributed,
    time_step_gradient_norms,
)
from playground.engine.losses import LOSSES, check_pair
from playground.engine.network import Network
from playground.engine.optimizers import OPTIMIZERS
from playground.engine.sequential import Sequential
from playground.engine.serialize import load_npz, save_npz
from playground.engine.trainer import Trainer

__all__ = [
    "ACTIVATIONS",
    "HIDDEN_ACTIVATIONS",
    "INITIALIZERS",
    "LAYER_TYPES",
    "LOSSES",
    "LSTM",
    "OPTIMIZERS",
    "OUTPUT_ACTIVATIONS",
    "AvgPool2D",
    "Conv2D",
    "Dense",
    "Flatten",
    "History",
    "Layer",
    "MaxPool2D",
    "Network",
    "Sequential",
    "SimpleRNN",
    "TimeDistributed",
    "Trace",
    "Trainer",
    "check_pair",
    "gradient_check",
    "load_npz",
    "save_npz",
    "time_step_gradient_norms",
]
