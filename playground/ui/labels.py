"""Display words for the values of choice settings (the names themselves live in the
settings table and the registries)."""

CHOICE_LABELS = {
    "relu": "ReLU",
    "leaky_relu": "Leaky ReLU",
    "elu": "ELU",
    "tanh": "Tanh",
    "sigmoid": "Sigmoid",
    "linear": "Linear",
    "swish": "Swish",
    "gelu": "GELU",
    "cross_entropy": "Cross-entropy",
    "squared_error": "Squared error",
    "xavier": "Xavier (Glorot)",
    "he": "He",
    "playground": "TF Playground (U(−0.5, 0.5))",
    "zeros": "Zeros",
    "sgd": "SGD",
    "momentum": "Momentum",
    "rmsprop": "RMSprop",
    "adam": "Adam",
    "none": "None",
    "l1": "L1",
    "l2": "L2",
    "dropout": "Dropout",
    "auto": "Auto",
    "": "Auto",  # plane_x / plane_y left empty: the first two columns
    "classification": "Classification",
    "regression": "Regression",
    "batch": "1 batch, slowly",  # speeds: one mini-batch / one epoch per update, ~3 a second
    "epoch": "1 epoch, slowly",
    "off": "Off",  # stop_metric: the targets (config/stop_settings.py)
    "test_loss": "Test loss ≤",
    "train_loss": "Training loss ≤",
    "test_accuracy": "Test accuracy ≥",
    "train_accuracy": "Training accuracy ≥",
    "test_r2": "Test R² ≥",
    "train_r2": "Training R² ≥",
}


def choice_label(value) -> str:
    """The text a widget shows for a choice value."""
    if isinstance(value, str) and "/" in value:
        # A grid world's own rows (envs.layouts: rows joined by "/"), e.g. painted by
        # clicks: the menu names its size rather than showing the raw rows.
        rows = value.split("/")
        return f"Your own ({len(rows)} × {max(len(row) for row in rows)})"
    return CHOICE_LABELS.get(value, str(value))
