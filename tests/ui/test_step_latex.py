"""The step's LaTeX: numbers only, long sums cut to their largest terms."""

import pytest

from playground.ui import step_latex as tex


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.123456, "0.1235"),
        (-2.0, "-2"),
        (1.5e-7, r"1.5 \times 10^{-7}"),
        (float("inf"), r"\infty"),
    ],
)
def test_numbers(value, text):
    assert tex.num(value) == text


def test_a_long_sum_shows_its_largest_terms_and_adds_up_the_rest():
    weights, inputs = [0.1] * 10 + [5.0], [1.0] * 11
    line = tex.neuron_forward(1, 0, inputs, weights, 0.5, 6.5, 0.99, "tanh")
    assert r"5 \cdot 1" in line and r"\text{8 more terms}" in line
    assert r"\underbrace{0.8}" in line and "= 6.5" in line


def test_a_short_sum_shows_every_term_with_negative_numbers_in_parentheses():
    line = tex.neuron_forward(2, 1, [0.5, -1.0], [-0.2, 0.3], 0.1, -0.3, -0.29, "tanh")
    assert r"(-0.2) \cdot 0.5 + 0.3 \cdot (-1) + 0.1 = -0.3" in line
    assert r"a^{[2]}_{2} &= \mathrm{tanh}(-0.3) = -0.29" in line


def test_a_parameter_before_and_after_sit_one_above_the_other():
    text = tex.before_after("W^{[1]}", [[1.0, 2.0]], [[1.5, 2.5]])
    head, tail = text.split(r"\\")
    assert "1 & 2" in head and r"\to" in tail and "1.5 & 2.5" in tail
