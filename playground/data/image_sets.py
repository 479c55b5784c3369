"""Image data sets for a convolutional network: one channel of pixels in 0..1, shaped
(n, 1, height, width) as the engine's Conv2D takes them."""

from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from playground.data.digits import load_digits
from playground.data.errors import DataError
from playground.data.shapes import SHAPE_CLASSES, SHAPE_SIZE, make_shapes
from playground.data.split import check_train_fraction, split_indices

SHAPES_COUNT = 800  # 200 images of each shape
IMAGE_SETS = MappingProxyType({
    "digits": "Handwritten digits: 1,797 images of 8×8 pixels, 10 classes.",
    "shapes": f"Shapes anywhere in {SHAPE_SIZE}×{SHAPE_SIZE} noisy pixels: "
              f"{', '.join(SHAPE_CLASSES)} ({SHAPES_COUNT} images).",
})  # fmt: skip
"""Name -> one plain sentence about the set, in menu order."""


@dataclass(frozen=True, eq=False)  # holds arrays: == is identity, not elementwise
class ImageSet:
    """name; X_train (n, 1, h, w), X_test (m, 1, h, w) float64 in 0..1; y_train (n,),
    y_test (m,) class indices; class_names (k,); image_shape (h, w)."""

    name: str
    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    class_names: tuple[str, ...]
    image_shape: tuple[int, int]

    @property
    def input_shape(self) -> tuple[int, int, int]:
        """One sample's shape: (1 channel, h, w)."""
        return (1, *self.image_shape)


def load_image_set(name: str, train_fraction: float = 0.5, seed: int = 0) -> ImageSet:
    """The image set `name` (a key of IMAGE_SETS) split by train_fraction with `seed`;
    DataError for an unknown name or share."""
    train_fraction = check_train_fraction(train_fraction)
    if name == "digits":
        digits = load_digits(train_fraction, seed)
        shape = digits.image_shape
        return ImageSet("digits", digits.X_train.reshape(-1, 1, *shape), digits.y_train,
                        digits.X_test.reshape(-1, 1, *shape), digits.y_test,
                        digits.class_names, shape)  # fmt: skip
    if name == "shapes":
        images, labels = make_shapes(SHAPES_COUNT, seed)
        train, test = split_indices(len(labels), train_fraction, np.random.default_rng(seed))
        X = images[:, None]
        return ImageSet("shapes", X[train], labels[train], X[test], labels[test],
                        SHAPE_CLASSES, (SHAPE_SIZE, SHAPE_SIZE))  # fmt: skip
    raise DataError(
        f"There is no image set called {name!r}; choose one of {', '.join(IMAGE_SETS)}."
    )
