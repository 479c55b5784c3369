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


def test_a_sum_of_four_goes_on_over_two_lines_that_fit_a_phone():
    weights, inputs = [0.27, -0.46, 0.63, -0.92], [-4.372, -1.234, 0.5, 2.25]
    line = tex.neuron_forward(2, 0, inputs, weights, 0.1, 1.2, 0.83, "tanh")
    rows = line.split(r"\\")
    assert rows[1].count(r"\cdot") == 2 and rows[2].count(r"\cdot") == 2  # two a line
    assert rows[2].startswith(r" &\quad + ") and rows[2].strip().endswith("+ 0.1 = 1.2")
    delta = tex.hidden_delta(1, 0, 0.5, 0.2, 0.1, weights, [0.1, -0.2, 0.3, 0.4])
    assert delta.count(r"\cdot") == 2 + 2 + 1 + 1  # products, then upstream times slope
    assert len(delta.split(r"\\")) == 4  # the rule, two lines of two terms, the result


def test_a_bias_before_and_after_are_two_columns_and_adam_says_one_thing_a_line():
    text = tex.before_after("b^{[1]}", [0.0] * 4, [0.00341167, -0.1, 0.2, 0.3])
    assert r"\to" in text and text.count(r"\begin{bmatrix}") == 2
    assert text.count("&") == 0  # no row of four: one number a row
    assert all(r"\quad" not in line or "hat" in line for line in tex.UPDATE_FORMULAS["adam"])
    assert len(tex.UPDATE_FORMULAS["adam"]) == 4


def test_a_list_of_largest_entries_is_two_a_row():
    text = tex.rows_of([f"w_{{{k}}} = -0.0123" for k in range(5)])
    assert text.count(r" \\ ") == 2  # rows of 2, 2 and 1
