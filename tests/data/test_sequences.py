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
