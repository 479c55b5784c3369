"""No frame trains longer than 1.5x its budget, whatever the settings: measured in work
(a WorkClock, see work_clock.py), not in wall time, at the smallest budget a frame gets."""

import numpy as np
import pytest
from work_clock import WorkClock

from playground import config
from playground.data import limits
from playground.engine import Network, Trainer
from playground.hosting import HOST
from playground.labs.classify.session import Playground

BUDGET = HOST.min_frame_budget_ms / 1000  # the share of a frame when a whole class plays
HEAVIEST = {"hidden": (config.MAX_NEURONS,) * config.MAX_LAYERS, "train_pct": 90,
            "optimizer": "adam", "regularization": "dropout", "reg_rate": 0.5}  # fmt: skip


def frame_lengths(advance, clock: WorkClock, frames: int) -> list[float]:
    lengths = []
    for _ in range(frames):
        start = clock()
        advance()
        lengths.append(clock() - start)
    return lengths


@pytest.mark.parametrize("batch_size", [1, 512])
@pytest.mark.parametrize("speed", ["auto", "100", "1", "epoch", "batch"])
def test_digits_frames_stay_within_their_budget(speed, batch_size):
    pg = Playground({**config.defaults(), **HEAVIEST, "dataset": "digits",
                     "batch_size": batch_size, "speed": speed})  # fmt: skip
    clock = WorkClock().attach(pg.trainer)
    pg.playing = True
    lengths = frame_lengths(lambda: pg.advance(BUDGET), clock, frames=40)
    assert max(lengths) <= 1.5 * BUDGET, f"a frame trained {max(lengths) * 1e3:.1f} ms"
    assert min(lengths) > 0  # every frame trained something
    if speed == "batch":  # one step per frame at most (a frame may only end an evaluation)
        steps = pg.trainer.batch + pg.epoch * pg.trainer.batches_per_epoch
        assert 30 <= steps <= 40
        return
    # The epochs a fixed speed asks for are carried to the next frames, not dropped:
    epochs_per_frame = pg.epoch / 40
    assert pg.epoch >= 1 and epochs_per_frame < (int(speed) if speed.isdigit() else 1)


@pytest.mark.parametrize("batch_size", [1, 512])
def test_the_largest_upload_trains_within_the_frame_budget(batch_size):
    """A CSV at the caps: the most rows (90 % for training), 100 encoded inputs, 20
    classes, the deepest and widest network the settings allow."""
    rng = np.random.default_rng(0)
    rows, inputs, classes = limits.MAX_CSV_ROWS, limits.MAX_ENCODED_FEATURES, limits.MAX_CLASSES
    X, y = rng.normal(size=(rows, inputs)), rng.integers(0, classes, rows)
    cut = rows * 9 // 10
    sizes = [inputs, *HEAVIEST["hidden"], classes]
    net = Network(sizes, activation="relu", output="softmax", seed=0)
    trainer = Trainer(net, X[:cut], y[:cut], X[cut:], y[cut:], loss="cce",
                      optimizer="adam", batch_size=batch_size, dropout=0.5)  # fmt: skip
    clock = WorkClock().attach(trainer)
    lengths = frame_lengths(lambda: trainer.run_for(BUDGET), clock, frames=40)
    assert max(lengths) <= 1.5 * BUDGET, f"a frame trained {max(lengths) * 1e3:.1f} ms"
    assert min(lengths) > 0
