"""Golden runs: training from a fixed seed gives exactly the weights and history recorded in
golden_training.json (bitwise: every float is compared for equality).

Why: the engine's speed work (fewer NumPy calls, deadline checks every few batches, one
forward pass for both evaluation sets) must not change a single number a student sees.
Each case trains a few epochs of a setup the labs use (optimizers, L1/L2, dropout, a short
last batch, every output/loss pair, conv and recurrent layers, training cut by deadlines,
single steps) and compares the final parameters and every history column.

The numbers are those of this machine's NumPy and BLAS. After a change that is meant to
change the maths, rewrite the file (`python tests/engine/test_engine_golden.py --write`)
and say why in the commit.
"""

import itertools
import json
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[2])]
from engine_datasets import circle, spiral, split, xor  # noqa: E402
from unit_clock import UnitClock  # noqa: E402

from playground.engine import (  # noqa: E402
    LSTM,
    Conv2D,
    Dense,
    Flatten,
    MaxPool2D,
    Network,
    Sequential,
    SimpleRNN,
    Trainer,
)

GOLDEN = Path(__file__).with_name("golden_training.json")


def _mlp(data, sizes, activation, output, epochs, **settings):
    X_train, y_train, X_test, y_test = split(*data)
    net = Network(sizes, activation=activation, output=output, seed=1)
    trainer = Trainer(net, X_train, y_train, X_test, y_test, seed=2, **settings)
    trainer.run_epochs(epochs)
    return trainer


def defaults():
    """The classify lab's defaults: 2-4-2-1 tanh, sigmoid + bce, SGD 0.03, batch 10."""
    return _mlp(circle(), [2, 4, 2, 1], "tanh", "sigmoid", 30)


def deep_adam_l2():
    return _mlp(spiral(), [2, 8, 8, 8, 1], "tanh", "sigmoid", 20, optimizer="adam",
                learning_rate=0.01, l2=0.001)  # fmt: skip


def momentum_l1_dropout():
    # batch 7 leaves a short last batch; dropout draws from the trainer's generator.
    return _mlp(spiral(), [2, 8, 8, 1], "relu", "sigmoid", 15, optimizer="momentum",
                l1=0.001, dropout=0.2, batch_size=7)  # fmt: skip


def rmsprop_softmax():
    X, y = xor()
    y = y + (np.abs(X[:, 0]) > 2.5)  # three classes
    return _mlp((X, y), [2, 6, 3], "leaky_relu", "softmax", 10, loss="cce",
                optimizer="rmsprop", learning_rate=0.01, batch_size=16)  # fmt: skip


def mixed_hidden():
    # relu, sigmoid and linear hidden layers without dropout; batch 5.
    return _mlp(xor(), [2, 5, 4, 3, 1], ["relu", "sigmoid", "linear"], "sigmoid", 10,
                batch_size=5, learning_rate=0.1)  # fmt: skip


def regression_clipped():
    X, _ = circle()
    target = np.sin(X[:, 0]) + 0.1 * X[:, 1]
    X_train, y_train, _, _ = split(X, target)
    net = Network([2, 5, 1], activation="elu", output="linear", seed=1)
    trainer = Trainer(net, X_train, y_train, loss="mse", clip_norm=0.5, seed=2)  # no test set
    trainer.run_epochs(10)
    return trainer


def tanh_output_mse():
    X, y = xor()
    return _mlp((X, 2.0 * y - 1.0), [2, 4, 4, 1], ["swish", "gelu"], "tanh", 10, loss="mse",
                optimizer="adam", learning_rate=0.01, batch_size=32)  # fmt: skip


def conv():
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(60, 1, 6, 6)), rng.integers(0, 3, 60)
    layers = [Conv2D(2, 3, padding="same", activation="relu"), MaxPool2D(2), Flatten(),
              Dense(3, activation="softmax")]  # fmt: skip
    net = Sequential(layers, input_shape=(1, 6, 6), seed=1)
    trainer = Trainer(net, X[:40], y[:40], X[40:], y[40:], loss="cce", optimizer="adam",
                      learning_rate=0.01, batch_size=8)  # fmt: skip
    trainer.run_epochs(3)
    return trainer


def recurrent():
    rng = np.random.default_rng(4)
    X = rng.normal(size=(48, 5, 3))
    y = (X[:, 0, 0] > 0).astype(int)
    # SimpleRNN's output is its last state: LSTM needs a sequence, so the RNN returns one.
    net = Sequential([SimpleRNN(4, return_sequences=True), LSTM(3),
                      Dense(2, activation="softmax")], input_shape=(5, 3), seed=1)  # fmt: skip
    trainer = Trainer(net, X[:32], y[:32], X[32:], y[32:], loss="cce", optimizer="adam",
                      learning_rate=0.01, batch_size=8, clip_norm=1.0)  # fmt: skip
    trainer.run_epochs(3)
    return trainer


def deep_adam_l2_cut_by_deadlines():
    """deep_adam_l2 trained in run_for calls of many lengths and a few single steps: the
    same numbers as uninterrupted training (so it is compared with deep_adam_l2's)."""
    X_train, y_train, X_test, y_test = split(*spiral())
    net = Network([2, 8, 8, 8, 1], activation="tanh", output="sigmoid", seed=1)
    trainer = Trainer(net, X_train, y_train, X_test, y_test, seed=2, optimizer="adam",
                      learning_rate=0.01, l2=0.001)  # fmt: skip
    UnitClock().attach(trainer)
    seconds = itertools.cycle([0.0, 1.0, 2.5, 4.0, 7.0, 0.5, 11.0, 40.0])
    for calls in range(100_000):
        if trainer.epoch == 20:
            break
        if calls % 7 == 3:
            trainer.step()
        else:
            trainer.run_for(next(seconds), max_epochs=20 - trainer.epoch)
    return trainer


LAB_QUERIES = {
    "lab_defaults": "",
    "lab_spiral_8_8_8": "dataset=spiral&hidden=8,8,8",
    "lab_digits": "dataset=digits",
    "lab_spiral_adam_dropout": "dataset=spiral&hidden=8,8,8&optimizer=adam&regularization=dropout"
    "&reg_rate=0.1",
    "lab_momentum_l2": "regularization=l2&reg_rate=0.01&optimizer=momentum&batch_size=7",
}
LAB_EPOCHS = 10


def lab_run(query: str) -> Trainer:
    """The classify lab opened from a page address's query, trained LAB_EPOCHS epochs the
    way the command line does (one epoch at a time)."""
    from playground.labs.headless import open_session

    session = open_session(query)
    for _ in range(LAB_EPOCHS):
        session.step()
    return session.trainer


def lab_run_live(query: str) -> Trainer:
    """The same, trained as the live page does: short frames of wall-clock time that cut
    epochs anywhere (so where they cut changes from run to run; the numbers must not)."""
    from playground.labs.headless import open_session

    session = open_session(f"{query}&max_epochs={LAB_EPOCHS}")
    session.set_playing(True)
    while session.epoch < LAB_EPOCHS:
        session.advance(0.0005)
    return session.trainer


CASES = {
    f.__name__: f
    for f in (defaults, deep_adam_l2, momentum_l1_dropout, rmsprop_softmax, mixed_hidden,
              regression_clipped, tanh_output_mse, conv, recurrent)
}  # fmt: skip
SAME_AS = {"deep_adam_l2_cut_by_deadlines": ("deep_adam_l2", deep_adam_l2_cut_by_deadlines)}


def record(trainer: Trainer) -> dict:
    """What a golden run keeps: the final parameters and every history column."""
    columns = trainer.history.columns
    return {
        "params": trainer.net.params.tolist(),
        "history": {name: trainer.history.column(name).tolist() for name in columns},
    }


@pytest.mark.parametrize("name", ["lab_defaults", "lab_spiral_adam_dropout"])
def test_the_lab_trained_in_live_frames_gives_the_golden_numbers(name):
    _assert_same(record(lab_run_live(LAB_QUERIES[name])), _load()[name])


def _load() -> dict:
    return json.loads(GOLDEN.read_text())


def _assert_same(got: dict, want: dict) -> None:
    # Exact equality, NaN included (a run without a test set has NaN test columns).
    np.testing.assert_array_equal(got["params"], want["params"], strict=True)
    assert got["history"].keys() == want["history"].keys()
    for name, values in want["history"].items():
        np.testing.assert_array_equal(got["history"][name], values, err_msg=name)


@pytest.mark.parametrize("name", CASES)
def test_training_gives_exactly_the_golden_weights_and_history(name):
    _assert_same(record(CASES[name]()), _load()[name])


@pytest.mark.parametrize("name", LAB_QUERIES)
def test_the_lab_trains_exactly_the_golden_numbers(name):
    _assert_same(record(lab_run(LAB_QUERIES[name])), _load()[name])


@pytest.mark.parametrize("name", SAME_AS)
def test_training_cut_by_deadlines_and_steps_gives_the_golden_numbers(name):
    golden, build = SAME_AS[name]
    trainer = build()
    assert trainer.epoch == 20
    _assert_same(record(trainer), _load()[golden])


def test_a_change_of_one_ulp_in_the_learning_rate_breaks_the_golden_numbers():
    """The comparison is sharp enough to see the smallest change of the maths."""
    X_train, y_train, X_test, y_test = split(*circle())
    net = Network([2, 4, 2, 1], activation="tanh", output="sigmoid", seed=1)
    trainer = Trainer(net, X_train, y_train, X_test, y_test, seed=2,
                      learning_rate=np.nextafter(0.03, 1.0))  # fmt: skip
    trainer.run_epochs(30)
    with pytest.raises(AssertionError):
        _assert_same(record(trainer), _load()["defaults"])


def write_golden() -> None:
    """Record every case's numbers as they are now (see the module docstring)."""
    runs = {name: record(f()) for name, f in CASES.items()}
    runs.update({name: record(lab_run(query)) for name, query in LAB_QUERIES.items()})
    GOLDEN.write_text(json.dumps(runs) + "\n")


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        write_golden()
    else:
        print(__doc__)
