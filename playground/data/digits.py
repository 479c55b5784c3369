"""Handwritten digits: 8x8 images, 10 classes, pixels scaled to 0..1."""

import numpy as np

from playground.data.assets import digit_arrays
from playground.data.dataset import Dataset, InputEncoder
from playground.data.encoding import SourceColumn
from playground.data.split import check_train_fraction, split_indices

DIGIT_IMAGE_SHAPE = (8, 8)
PIXEL_MAX = 16.0
PIXEL_NAMES = tuple(f"pixel r{r}c{c}" for r in range(8) for c in range(8))
"""Input names, row-major: "pixel r0c0" is the top-left pixel."""


def load_digits(train_fraction: float = 0.5, seed: int = 0) -> Dataset:
    """The 1,797 UCI digits as an "images" ``Dataset``.

    X (n, 64): pixels divided by 16 (0 = blank, 1 = full ink), row-major 8x8 images
    (``image_shape``). y: the digit 0..9. Not standardized, so an image drawn from a row
    of X looks like the digit.
    """
    pixels, labels = digit_arrays()
    train_fraction = check_train_fraction(train_fraction)
    train, test = split_indices(len(labels), train_fraction, np.random.default_rng(seed))
    scaled = pixels / PIXEL_MAX
    encoder = InputEncoder(columns=tuple(SourceColumn(name) for name in PIXEL_NAMES))
    return Dataset(
        name="digits",
        kind="images",
        task="multiclass",
        X_train=scaled[train],
        y_train=labels[train],
        X_test=scaled[test],
        y_test=labels[test],
        feature_names=PIXEL_NAMES,
        class_names=tuple(str(d) for d in range(10)),
        raw_feature_names=PIXEL_NAMES,
        raw_train=scaled[train],
        raw_test=scaled[test],
        encoder=encoder,
        target_name="digit",
        image_shape=DIGIT_IMAGE_SHAPE,
        notes=("Pixels are scaled from 0..16 to 0..1.",),
    )
