"""The S-curve: points on a curved sheet in 3-D, a toy set that a 2-D code can unfold.

The sheet is the letter S bent through space and stretched along a straight width; a
point's place on it is two numbers (how far along the S, how far across), so a 2-D code
can describe it. The best flat view of it (PCA's plane) folds the S's arms onto each
other; a small autoencoder lays the sheet out flat.
"""

import numpy as np

from playground.data.dataset import Dataset, InputEncoder
from playground.data.split import check_train_fraction, fit_standardizer, split_indices

S_CURVE_SAMPLES = 600
S_CURVE_NOISE = 0.05  # spread of each point off the sheet, in the sheet's own units
S_CURVE_COLUMNS = ("x", "y", "z")
S_CURVE_POSITION = "position along the S"


def s_curve_points(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """n points of the S-curve: (points (n, 3), position along the S (n,) in -1.5pi..1.5pi).

    x = sin(t), y = the width (0..2), z = sign(t) (cos(t) - 1), plus Gaussian noise
    of ``S_CURVE_NOISE``: the curve scikit-learn calls make_s_curve.
    """
    t = rng.uniform(-1.5 * np.pi, 1.5 * np.pi, n)
    width = rng.uniform(0.0, 2.0, n)
    points = np.column_stack([np.sin(t), width, np.sign(t) * (np.cos(t) - 1.0)])
    return points + rng.normal(0.0, S_CURVE_NOISE, points.shape), t


def load_s_curve(train_fraction: float = 0.5, seed: int = 0) -> Dataset:
    """The S-curve as a tabular ``Dataset`` with 3 inputs, standardized on training rows.

    y is each point's position along the S (a "regression" value, only for colour);
    raw_train / raw_test keep the unscaled (x, y, z). One rng seeded with ``seed`` draws
    the points and then the split, so a seed repeats the data exactly.
    """
    train_fraction = check_train_fraction(train_fraction)
    rng = np.random.default_rng(seed)
    points, position = s_curve_points(S_CURVE_SAMPLES, rng)
    train, test = split_indices(S_CURVE_SAMPLES, train_fraction, rng)
    mean, scale = fit_standardizer(points[train], np.ones(3, dtype=bool))
    encoder = InputEncoder(mean=mean, scale=scale)
    return Dataset(
        name="s_curve",
        kind="tabular",
        task="regression",
        X_train=encoder.encode(points[train]),
        y_train=position[train],
        X_test=encoder.encode(points[test]),
        y_test=position[test],
        feature_names=S_CURVE_COLUMNS,
        class_names=None,
        raw_feature_names=S_CURVE_COLUMNS,
        raw_train=points[train],
        raw_test=points[test],
        encoder=encoder,
        target_name=S_CURVE_POSITION,
        notes=("x, y and z are standardized with the training points' mean and spread.",),
    )
