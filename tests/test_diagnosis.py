"""The diagnosis in words: stuck, oscillating and dead ReLU neurons, from constructed
histories and networks, and on the page's live panel."""

import numpy as np

from playground import config
from playground.diagnosis import (
    DEAD_CHECK_ROWS,
    STUCK_EPOCHS,
    dead_relu_units,
    diagnose,
    is_oscillating,
    is_stuck,
)
from playground.engine import Network
from playground.labs.classify.session import Playground
from playground.labs.classify.views import chart_slots

X = np.random.default_rng(0).normal(size=(50, 2))


def _tanh_net() -> Network:
    return Network([2, 4, 1], activation="tanh", seed=0)


def test_a_loss_swinging_between_one_and_eight_is_oscillating():
    loss = np.array([0.7] + [1.0, 8.0] * 30)
    assert is_oscillating(loss)
    [sentence] = diagnose(loss, 0.5, _tanh_net(), X)
    assert sentence.startswith("Training is oscillating") and "smaller learning rate" in sentence


def test_a_falling_loss_or_small_jitter_near_zero_is_not_oscillating():
    falling = 0.7 * np.exp(-np.arange(200) / 30)
    assert not is_oscillating(falling)
    jitter = np.concatenate([[0.7], 0.01 + 0.005 * (-1.0) ** np.arange(100)])
    assert not is_oscillating(jitter)  # turns often, but by little against the start
    assert not is_oscillating(np.array([0.7, 8.0, 1.0]))  # too few epochs to tell


def test_a_flat_high_loss_for_many_epochs_is_stuck_unless_the_score_is_good():
    flat = np.concatenate([[1.1], np.full(STUCK_EPOCHS + 10, 1.05)])
    assert is_stuck(flat, 0.45)
    assert not is_stuck(flat, 0.97)  # flat because it is done, not stuck
    assert not is_stuck(flat[: STUCK_EPOCHS - 5], 0.45)  # not yet many epochs
    assert not is_stuck(np.linspace(1.1, 0.5, 300), 0.45)  # still learning
    [sentence] = diagnose(flat, 0.45, _tanh_net(), X)
    assert sentence.startswith("Training looks stuck") and "accuracy 45 %" in sentence
    [regression] = diagnose(flat, 0.3, _tanh_net(), X, score_name="r2")
    assert "R² 0.30" in regression


def test_relu_neurons_that_never_activate_are_counted_as_dead():
    net = Network([2, 3, 2, 1], activation="relu", seed=0)
    net.weights[0][:, 1] = 0.0
    net.biases[0][1] = -1.0  # neuron 1.2 outputs 0 for every input
    net.weights[1][:, 0] = 0.0
    net.biases[1][0] = -0.5  # and neuron 2.1
    assert dead_relu_units(net, X) == (2, 5)
    [sentence] = diagnose(np.full(5, 0.7), 0.5, net, X)
    assert sentence.startswith("2 of 5 ReLU neurons are dead")
    assert dead_relu_units(_tanh_net(), X) == (0, 0)  # only ReLU can die
    assert diagnose(np.full(5, 0.7), 0.5, _tanh_net(), X) == []


def test_a_big_table_is_checked_on_a_bounded_sample_of_rows():
    net = Network([2, 2, 1], activation="relu", seed=0)
    net.weights[0][:, 0], net.biases[0][0] = 0.0, -1.0
    rows = np.random.default_rng(1).normal(size=(DEAD_CHECK_ROWS * 5, 2))
    assert dead_relu_units(net, rows) == (1, 2)


def test_learning_rate_ten_on_the_circle_says_so_on_the_live_panel():
    settings, _ = config.from_query({"learning_rate": "10"})
    pg = Playground(settings)
    pg.trainer.run_epochs(60)
    snap = pg.snapshot()
    assert snap.status == "ok" and snap.diagnosis
    assert snap.diagnosis[0].startswith("Training is oscillating")
    loss_slot = next(s for s in chart_slots(snap, pg.settings) if s.key == "loss")
    assert loss_slot.title == "Loss" and loss_slot.note.startswith("Training is oscillating")


def test_the_suggested_setup_trains_without_a_diagnosis():
    pg = Playground(config.from_query({})[0])
    pg.trainer.run_epochs(60)
    assert pg.snapshot().diagnosis == []
    loss_slot = next(s for s in chart_slots(pg.snapshot(), pg.settings) if s.key == "loss")
    assert loss_slot.note == ""


def test_a_network_without_relu_is_not_run_to_look_for_dead_neurons():
    class Counting(Network):
        runs = 0

        def neuron_outputs(self, X):
            Counting.runs += 1
            return super().neuron_outputs(X)

    tanh = Counting([2, 3, 1], activation="tanh", seed=0)
    assert dead_relu_units(tanh, X) == (0, 0) and Counting.runs == 0  # a live frame's cost
    relu = Counting([2, 3, 1], activation="relu", seed=0)
    dead_relu_units(relu, X)
    assert Counting.runs == 1
