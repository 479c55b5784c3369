"""The NumPy training engine: networks, activations, losses, optimizers, training,
inspection and save/load. Pure NumPy (never imports streamlit, plotly or pandas).

    from playground.engine import Network, Trainer
    net = Network([2, 8, 8, 1], activation="tanh", output="sigmoid", init="xavier", seed=0)
    trainer = Trainer(net, X_train, y_train, X_test, y_test, loss="bce")
    trainer.run_epochs(5)
"""

from playground.engine.activations import ACTIVATIONS, HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS
from playground.engine.history import History
from playground.engine.initializers import INITIALIZERS
from playground.engine.inspection import Trace, gradient_check
from playground.engine.losses import LOSSES, check_pair
from playground.engine.network import Network
from playground.engine.optimizers import OPTIMIZERS
from playground.engine.serialize import load_npz, save_npz
from playground.engine.trainer import Trainer

__all__ = [
    "ACTIVATIONS",
    "HIDDEN_ACTIVATIONS",
    "INITIALIZERS",
    "LOSSES",
    "OPTIMIZERS",
    "OUTPUT_ACTIVATIONS",
    "History",
    "Network",
    "Trace",
    "Trainer",
    "check_pair",
    "gradient_check",
    "load_npz",
    "save_npz",
]
