"""Sequence tasks: the echo task's answer is the symbol `delay` steps before the end."""

import numpy as np
import pytest

from playground.data.sequences import echo


def test_echo_answer_is_the_symbol_delay_steps_before_the_last():
    X, y = echo(50, delay=3, symbols=5, seed=4)
    assert X.shape == (50, 7, 5) and y.shape == (50,)
    assert np.all(X.sum(axis=2) == 1.0)  # one-hot
    assert np.array_equal(X[:, 7 - 1 - 3].argmax(axis=1), y)
    assert np.array_equal(echo(50, delay=3, symbols=5, seed=4)[0], X)  # the seed fixes it


def test_echo_refuses_a_delay_the_sequence_cannot_hold():
    with pytest.raises(ValueError, match="steps > delay"):
        echo(10, delay=5, steps=5)


def test_waves_targets_are_the_next_value_and_the_test_part_comes_after():
    from playground.data.sequences import waves

    task = waves(steps=10, length=400, seed=2)
    assert task.X_train.shape[1:] == (10, 1) and task.kind == "values"
    series = task.series
    assert np.allclose(task.X_train[5, :, 0], series[5:15]) and task.y_train[5] == series[15]
    assert len(task.y_train) + len(task.y_test) == 390
    assert np.all(np.isin(task.y_test, series[task.test_start :]))


def test_text_windows_spell_the_shipped_text_and_the_next_character():
    from playground.data.sequences import text
    from playground.data.sequences.text import corpus

    task = text(steps=8, train_windows=50, test_windows=10, seed=1)
    assert len(task.symbols) == 36 and task.X_train.shape == (50, 8, 36)
    source = corpus()
    for X, y in ((task.X_train, task.y_train), (task.X_test, task.y_test)):
        window = "".join(task.symbols[i] for i in X[0].argmax(axis=1)) + task.symbols[y[0]]
        assert window in source
    test_window = "".join(task.symbols[i] for i in task.X_test[0].argmax(axis=1))
    assert source.find(test_window, int(len(source) * 0.9)) != -1  # from the last 10 %
