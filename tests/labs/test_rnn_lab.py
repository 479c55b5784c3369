"""The sequence lab: its tasks train headless to the figures the README states, every view
draws for every task and cell, the sampled text follows the temperature, and a hostile URL
falls back to the defaults with notes."""

import json

import numpy as np
import pytest

from playground.data.sequences import load_task
from playground.labs.headless import open_session, train
from playground.labs.registry import LABS, lab_for_query
from playground.labs.rnn.lab import SEQUENCES
from playground.plots import figure_json


def test_the_lab_is_registered_under_its_name():
    assert LABS["rnn"] is SEQUENCES
    assert lab_for_query({"lab": "rnn"}) is SEQUENCES


def test_echo_with_delay_four_reaches_95_percent_headless():
    """The issue's check: 'lab=rnn&task=echo&delay=4' >= 95 % test accuracy within 8
    epochs (measured: 100 % at epoch 5)."""
    session = open_session("lab=rnn&task=echo&delay=4")
    records = list(train(session, 8))
    assert max(r["test_accuracy"] for r in records) >= 0.95
    assert records[0]["test_accuracy"] < 0.9  # it had something to learn


@pytest.mark.parametrize("task", ["echo", "waves", "text"])
@pytest.mark.parametrize("cell", ["rnn", "lstm"])
def test_every_view_draws_for_every_task_and_cell(task, cell):
    settings = {**SEQUENCES.defaults(), "task": task, "cell": cell, "units": 6}
    session = SEQUENCES.open(settings)
    session.step_batch()
    snap = session.snapshot()
    slots = SEQUENCES.chart_slots(snap, settings)
    assert [slot.key for slot in slots] == [view.key for view in SEQUENCES.views]
    for slot in slots:
        assert slot.height > 0 and "layout" in json.loads(slot.figure_json)
    assert snap.hidden.shape == (load_task(task).steps, 6)
    assert snap.step_gradients.shape == (snap.hidden.shape[0],)
    assert np.all(np.isfinite(snap.step_gradients)) and np.all(snap.step_gradients > 0)
    assert len(SEQUENCES.stats(snap)) == 3


def test_waves_forecast_runs_free_from_the_test_start():
    session = SEQUENCES.open({**SEQUENCES.defaults(), "task": "waves"})
    session.step()
    snap = session.snapshot()
    assert len(snap.predicted) == len(load_task("waves").y_test)
    assert len(snap.forecast) == 60 and np.all(np.isfinite(snap.forecast))
    # one step ahead follows the wave after one epoch: R^2 well above 0
    assert session.record()["test_r2"] > 0.5


def test_sampled_text_uses_the_alphabet_and_follows_the_temperature():
    settings = {**SEQUENCES.defaults(), "task": "text", "units": 8}
    session = SEQUENCES.open(settings)
    session.step_batch()
    cold = session.snapshot().sample
    session.update({**settings, "temperature": 2.0})
    hot = session.snapshot().sample
    alphabet = set(load_task("text").symbols)
    assert len(cold) == 120 and set(cold) <= alphabet and set(hot) <= alphabet
    assert cold != hot
    record = session.record()
    assert record["test_bpc"] == pytest.approx(record["test_loss"] / np.log(2))


def test_a_hostile_url_falls_back_with_notes_and_still_trains():
    session, notes = SEQUENCES.start({"task": ["<script>"], "delay": ["1e9"], "units": ["-3"]})
    assert session.settings["task"] == "echo"
    assert 1 <= session.settings["delay"] <= 30 and 1 <= session.settings["units"] <= 64
    assert len(notes) >= 2
    assert session.step() == 1


def test_a_text_figure_cannot_carry_markup():
    """The sample is model output from the alphabet; the view still sends it as Plotly text."""
    from playground.plots.sequences import sampled_text_spec
    from playground.plots.text import plot_text

    spec = sampled_text_spec(plot_text("<b>x"), plot_text("<a href=x>"), 1.0, 3)
    text = figure_json(spec)
    assert "<b>x" not in text and "<a href" not in text


def test_the_text_model_learns_below_3_2_bits_per_character():
    """Defaults (SimpleRNN(32), 3,000 windows of 12 characters): measured 2.98 bits per
    character on the test text at epoch 3 (about 5 s on one busy core); chance is
    log2(36) = 5.2."""
    records = list(train(open_session("lab=rnn&task=text"), 4))
    assert min(r["test_bpc"] for r in records) < 3.2
