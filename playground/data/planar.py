"""Build a ``Dataset`` from a 2-D generator: generate, shuffle, split, expand features."""

import numpy as np

from playground.data.dataset import Dataset, InputEncoder
from playground.data.encoding import SourceColumn
from playground.data.features import normalize_features_2d
from playground.data.split import check_noise, check_train_fraction, split_indices


def build_2d_dataset(
    name: str,
    generator,
    n_samples: int,
    task: str,
    noise: float,
    train_fraction: float,
    seed: int,
    features=None,
) -> Dataset:
    """Generate ``n_samples`` points with ``generator(n, noise, rng)`` and split them.

    One rng seeded with ``seed`` draws the points and then the shuffle, so a seed
    repeats the data exactly. X columns are ``features`` (default x1, x2) computed from
    the raw points; raw_train / raw_test keep the raw (x1, x2).
    """
    noise = check_noise(noise)
    train_fraction = check_train_fraction(train_fraction)
    chosen = normalize_features_2d(features)
    rng = np.random.default_rng(seed)
    points, targets = generator(n_samples, noise, rng)
    train, test = split_indices(n_samples, train_fraction, rng)
    encoder = InputEncoder(expansion=chosen, columns=(SourceColumn("x1"), SourceColumn("x2")))
    class_names = None
    if task != "regression":
        n_classes = int(targets.max()) + 1
        class_names = ("−1", "+1") if n_classes == 2 else tuple(map(str, range(n_classes)))
    return Dataset(
        name=name,
        kind="2d",
        task=task,
        X_train=encoder.encode(points[train]),
        y_train=targets[train],
        X_test=encoder.encode(points[test]),
        y_test=targets[test],
        feature_names=chosen,
        class_names=class_names,
        raw_feature_names=("x1", "x2"),
        raw_train=points[train],
        raw_test=points[test],
        encoder=encoder,
    )
