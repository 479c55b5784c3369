"""Plain sentences on how training goes: stuck, oscillating, or with dead ReLU neurons.

Pure NumPy (no streamlit): fed from the trainer's history and the network, so the page and
the live view say in words what the loss curve and the network show.

    diagnose(history.column("train_loss"), train_accuracy, network, X_train)
    -> ["Training is oscillating: ...", "3 of 16 ReLU neurons are dead: ..."]
"""

import numpy as np

STUCK_EPOCHS = 100  # "many epochs" of a flat loss
STUCK_CHANGE = 0.02  # flat: the loss moved by less than 2 % of its level over them
GOOD_SCORE = 0.9  # a training accuracy (or R²) below this is "still high" a loss
SWING_EPOCHS = 20  # the window an oscillation is looked for in
SWING_TURNS = 1 / 3  # oscillating: the loss turns up or down in a third of the epochs ...
SWING_SIZE = 0.25  # ... and swings by more than a quarter of the starting loss
# Dead neurons are looked for on at most this many training rows (evenly spread): all of
# every built-in set; a 10,000-row CSV through 8 x 64 ReLU layers would cost ~40 ms a frame.
DEAD_CHECK_ROWS = 1000


def is_stuck(train_loss: np.ndarray, train_score: float) -> bool:
    """Flat and high: over the last STUCK_EPOCHS epochs the loss (epochs + 1,) moved by
    less than STUCK_CHANGE of its level, while the training score is below GOOD_SCORE."""
    if len(train_loss) <= STUCK_EPOCHS or not train_score < GOOD_SCORE:
        return False
    window = train_loss[-STUCK_EPOCHS - 1 :]
    level = max(float(np.abs(window).max()), 1e-12)
    return float(window.max() - window.min()) < STUCK_CHANGE * level


def is_oscillating(train_loss: np.ndarray) -> bool:
    """Swinging: in the last SWING_EPOCHS epochs the loss (epochs + 1,) changes direction
    often and by a lot compared with the loss before training (epoch 0)."""
    if len(train_loss) <= SWING_EPOCHS:
        return False
    window = train_loss[-SWING_EPOCHS - 1 :]
    steps = np.sign(np.diff(window))
    turns = int(np.count_nonzero(steps[1:] * steps[:-1] < 0))
    swing = float(window.max() - window.min())
    return turns >= SWING_TURNS * SWING_EPOCHS and swing > SWING_SIZE * float(train_loss[0])


def dead_relu_units(network, X: np.ndarray) -> tuple[int, int]:
    """(dead, total) ReLU neurons of the hidden layers: dead ones output 0 for every row
    of X (n, sizes[0]) (at most DEAD_CHECK_ROWS of them, evenly spread), so no gradient
    reaches their weights any more."""
    if "relu" not in network.activations[:-1]:  # no forward pass (~10 ms a frame on digits)
        return 0, 0
    if len(X) > DEAD_CHECK_ROWS:
        X = X[np.linspace(0, len(X) - 1, DEAD_CHECK_ROWS).astype(int)]
    outputs = network.neuron_outputs(X)[:-1]  # the hidden layers
    dead = total = 0
    for activation, a in zip(network.activations, outputs, strict=False):
        if activation == "relu" and len(a):
            total += a.shape[1]
            dead += int(np.count_nonzero(np.all(a <= 0.0, axis=0)))
    return dead, total


def _score_text(score: float, score_name: str) -> str:
    if score_name == "r2":
        return f"training R² {score:.2f}"
    return f"training accuracy {100 * score:.0f} %"


def diagnose(
    train_loss: np.ndarray,
    train_score: float,
    network,
    X_train: np.ndarray,
    score_name: str = "accuracy",
) -> list[str]:
    """Sentences for the page (none when training looks healthy).

    train_loss: (epochs + 1,) the training loss per epoch, epoch 0 first; train_score:
    the current training score, score_name "accuracy" (classification) or "r2"
    (regression); network: an engine Network; X_train: (n, sizes[0]) the training inputs.
    """
    train_loss = np.asarray(train_loss, dtype=np.float64)
    sentences = []
    if is_oscillating(train_loss):
        sentences.append(
            "Training is oscillating: the loss swings up and down instead of settling. "
            "Try a smaller learning rate."
        )
    elif is_stuck(train_loss, train_score):
        sentences.append(
            f"Training looks stuck: the loss has barely moved for {STUCK_EPOCHS} epochs and "
            f"is still high ({_score_text(train_score, score_name)}). Unless the data are that "
            "noisy, try more neurons, other features or another learning rate."
        )
    dead, total = dead_relu_units(network, X_train)
    if dead:
        sentences.append(
            f"{dead} of {total} ReLU neurons are dead: they output 0 for every training "
            "point, so they no longer learn. Try a smaller learning rate, leaky ReLU, or Reset."
        )
    return sentences
