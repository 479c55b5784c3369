"""Sequence tasks: echo's answer at step t is the symbol of step t - delay (every step from
the delay on, or the last only); text's target at every step is the next character."""

import numpy as np
import pytest

from playground.data.sequences import echo


def test_echo_answer_is_the_symbol_delay_steps_before_the_last():
    X, y = echo(50, delay=3, symbols=5, seed=4)
    assert X.shape == (50, 7, 5) and y.shape == (50,)
    assert np.all(X.sum(axis=2) == 1.0)  # one-hot
    assert np.array_equal(X[:, 7 - 1 - 3].argmax(axis=1), y)
    assert np.array_equal(echo(50, delay=3, symbols=5, seed=4)[0], X)  # the seed fixes it


def test_echo_every_step_answers_the_symbol_delay_steps_before_from_the_delay_on():
    X, y = echo(30, delay=3, symbols=4, seed=2, every_step=True)
    assert X.shape == (30, 7, 4) and y.shape == (30, 7)
    read = X.argmax(axis=2)
    assert np.all(y[:, :3] == -1)  # no target before the delay
    assert np.array_equal(y[:, 3:], read[:, :4])
    assert np.array_equal(echo(30, delay=3, symbols=4, seed=2)[1], y[:, -1])


def test_echo_task_asks_at_every_step_or_at_the_last_only():
    from playground.data.sequences import echo_task

    every, last = echo_task(5, train=20, test=10), echo_task(5, train=20, test=10, answer="last")
    assert np.array_equal(every.X_train, last.X_train)
    assert np.all(every.y_train[:, 5:] >= 0) and np.all(every.y_train[:, :5] == -1)
    assert np.all(last.y_test[:, :-1] == -1) and np.array_equal(last.y_test[:, -1],
                                                                 every.y_test[:, -1])  # fmt: skip
    with pytest.raises(ValueError, match="answer"):
        echo_task(5, answer="middle")


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
    assert task.y_train.shape == (50, 8) and task.every_step
    source = corpus()
    for X, y in ((task.X_train, task.y_train), (task.X_test, task.y_test)):
        read = "".join(task.symbols[i] for i in X[0].argmax(axis=1))
        following = "".join(task.symbols[i] for i in y[0])
        assert read[1:] == following[:-1]  # step t's target is step t + 1's input
        assert read + following[-1] in source
    last = text(steps=8, train_windows=50, test_windows=10, seed=1, every_step=False)
    assert np.array_equal(last.y_train, task.y_train[:, -1])
    test_window = "".join(task.symbols[i] for i in task.X_test[0].argmax(axis=1))
    assert source.find(test_window, int(len(source) * 0.9)) != -1  # from the last 10 %
