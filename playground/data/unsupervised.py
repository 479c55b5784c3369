"""Data sets for learning without labels (an autoencoder copies its inputs).

Only the inputs X train; a set's y (a class, or a value such as the position along the
S-curve) is kept to colour the views, never to learn from.

    data = load_unsupervised("digits", train_fraction=0.5, seed=0)
    data.X_train (n, f), data.y_train (n,) for colour only
"""

from dataclasses import dataclass
from types import MappingProxyType

from playground.data.dataset import Dataset
from playground.data.digits import load_digits
from playground.data.errors import DataError
from playground.data.penguins import PENGUIN_MEASUREMENTS, load_penguins
from playground.data.s_curve import load_s_curve


@dataclass(frozen=True)
class UnsupervisedInfo:
    """What the page shows about one set: picker label, one line for students, and
    whether its inputs are pixels in 0..1 ("images") or scaled measurements."""

    label: str
    description: str
    kind: str  # "images" | "tabular"


UNSUPERVISED_DATASETS = MappingProxyType({
    "digits": UnsupervisedInfo(
        "Digits", "1,797 handwritten digits, 8x8 pixels (64 inputs in 0..1).", "images"),
    "penguins": UnsupervisedInfo(
        "Penguins", "The 4 measurements of 342 penguins, standardized.", "tabular"),
    "s_curve": UnsupervisedInfo(
        "S-curve", "600 points on a curved sheet in 3-D, coloured by their place along it.",
        "tabular"),
})  # fmt: skip
"""Every set the autoencoder can learn: name -> ``UnsupervisedInfo``, in picker order."""


def load_unsupervised(name: str, train_fraction: float = 0.5, seed: int = 0) -> Dataset:
    """Build the set ``name`` (see ``UNSUPERVISED_DATASETS``) split into train and test.

    digits: X (n, 64) pixels in 0..1, y the digit. penguins: X (n, 4) the measurements
    standardized on the training rows (rows with a missing value dropped), y the species.
    s_curve: X (n, 3) standardized, y the position along the S. Raises ``DataError`` for
    an unknown name or a training share out of range.
    """
    if name == "digits":
        return load_digits(train_fraction, seed)
    if name == "penguins":
        return load_penguins(train_fraction, seed, features=PENGUIN_MEASUREMENTS)
    if name == "s_curve":
        return load_s_curve(train_fraction, seed)
    raise DataError(f"Unknown data set '{name}'; choose from {', '.join(UNSUPERVISED_DATASETS)}.")
