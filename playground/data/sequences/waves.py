"""The waves task: forecast the next value of a noisy sum of sine waves.

One long series is cut into windows of `steps` values; each window's target is the value
that follows it. Training windows come from the first part of the series, test windows
from the rest (their targets never seen in training), so the test is a real forecast.
"""

import numpy as np

from playground.data.sequences.task import SequenceTask

PERIODS = (17.0, 41.0)  # steps per cycle of the two waves: not multiples of each other


def wave_series(length: int, noise: float, seed: int) -> np.ndarray:
    """(length,) float64: two sines of random phase and amplitude 0.5..1 plus Gaussian
    noise of standard deviation `noise`, scaled to stay about within -1..1."""
    rng = np.random.default_rng(seed)
    t = np.arange(length)
    series = np.zeros(length)
    for period in PERIODS:
        amplitude, phase = rng.uniform(0.5, 1.0), rng.uniform(0, 2 * np.pi)
        series += amplitude * np.sin(2 * np.pi * t / period + phase)
    return series / 2.0 + noise * rng.normal(size=length)


def waves(steps: int = 24, length: int = 1200, noise: float = 0.05, test_fraction: float = 0.25,
          seed: int = 0) -> SequenceTask:  # fmt: skip
    """Windows X (n, steps, 1) of the series and targets y (n,) = the next value; the last
    test_fraction of the targets are the test set."""
    if not (2 <= steps < length // 4 and 0.0 <= noise <= 1.0):
        raise ValueError("waves needs 2 <= steps < length / 4 and noise in 0..1")
    series = wave_series(length, noise, seed)
    starts = np.arange(length - steps)
    X = series[starts[:, None] + np.arange(steps)][:, :, None]
    y = series[starts + steps]
    test_start = int(length * (1.0 - test_fraction))  # first target index of the test set
    train = starts + steps < test_start
    return SequenceTask("waves", "values", X[train], y[train], X[~train], y[~train],
                        series=series, test_start=test_start)  # fmt: skip
