"""The sequence lab's figure specs: valid Plotly figures holding the numbers they are given."""

import numpy as np

from playground.plots.layout import as_figure
from playground.plots.sequences import (
    echo_sequence_spec,
    hidden_state_spec,
    metric_curve_spec,
    sampled_text_spec,
    step_gradient_spec,
    wave_forecast_spec,
)
from playground.plots.text import plot_text


def test_every_spec_is_a_valid_figure_of_its_numbers():
    probs = np.full((4, 4), 0.1)
    probs[[2, 3], [1, 3]] = 0.7  # step 3 answers 1 (right), step 4 answers 3 (wrong: 0)
    echo = echo_sequence_spec(np.array([1, 0, 3, 2]), 2, probs, np.array([-1, -1, 1, 0]),
                              ["0", "1", "2", "3"])  # fmt: skip
    due, answers = echo["data"][2], echo["data"][3]
    assert list(due["x"]) == [3, 4] and list(due["y"]) == [1, 0]  # the input 2 steps before
    assert list(answers["y"]) == [1, 3] and answers["marker"]["color"][1] == "#d62728"
    assert echo["layout"]["title"]["text"] == "right at 1 of 2 steps"
    hidden = hidden_state_spec(np.linspace(-1, 1, 12).reshape(4, 3), ["a", "b", "c", "d"])
    assert np.asarray(hidden["data"][0]["z"]).shape == (3, 4)  # units x steps
    grads = step_gradient_spec(np.array([0.0, 1e-3, 1.0]), "LSTM")
    assert grads["layout"]["yaxis"]["type"] == "log" and min(grads["data"][0]["y"]) > 0
    both = step_gradient_spec(np.ones(3), "SimpleRNN", np.array([1e-6, 1e-3, 1.0]), "LSTM")
    assert [t["name"] for t in both["data"]] == ["SimpleRNN", "LSTM"]
    assert both["layout"]["barmode"] == "group" and list(both["data"][1]["y"])[0] > 0
    wave = wave_forecast_spec(np.sin(np.arange(100.0)), 80, np.zeros(20), np.ones(10))
    assert len(wave["data"][2]["x"]) == 10 and wave["data"][2]["x"][0] == 80
    curve = metric_curve_spec(np.arange(3), np.ones(3), np.zeros(3), "accuracy", 1.0)
    text = sampled_text_spec(plot_text("in the"), plot_text(" beginning <b>"), 0.7, 4)
    assert "&lt;b&gt;" in text["layout"]["annotations"][0]["text"]
    for spec in (echo, hidden, grads, both, wave, curve, text):
        as_figure(spec)  # Plotly validates every key
