"""The sequence lab: its tasks train headless to the figures the README states, echo and
text predict at every step (accuracy over the steps with a target), every view draws for
every task and cell, the sampled text follows the temperature, the other cell type is
trained on demand for the gradient view, and a hostile URL falls back with notes."""

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
    """The issue's check: 'lab=rnn&task=echo&delay=4' >= 95 % test accuracy on the delayed
    symbol (every step from the delay on) within 6 epochs (measured: 99 % at epoch 3)."""
    session = open_session("lab=rnn&task=echo&delay=4")
    records = list(train(session, 6))
    assert max(r["test_accuracy"] for r in records) >= 0.95
    assert records[0]["test_accuracy"] < 0.9  # it had something to learn


def test_four_units_at_delay_ten_a_simple_rnn_stays_near_chance_an_lstm_learns_it():
    """The issue's claim, with the answer at the last step only (one symbol held for 10
    steps) and learning rate 0.03: measured SimpleRNN at most 34 % in 24 epochs (chance
    25 %), LSTM 99 % at epoch 16. (With the answer at every step, 4 symbols to hold, 4 units
    are too few for either cell: about 50 %; see benchmarks/echo_memory.py.)"""
    query = "lab=rnn&delay=10&units=4&answer=last&learning_rate=0.03"
    simple = list(train(open_session(query), 20))
    lstm = list(train(open_session(f"{query}&cell=lstm"), 20))
    assert max(r["test_accuracy"] for r in simple) < 0.4
    assert max(r["test_accuracy"] for r in lstm) >= 0.95


def test_echo_and_text_predict_at_every_step_scored_over_the_steps_with_a_target():
    settings = {**SEQUENCES.defaults(), "delay": 3, "units": 6}
    session = SEQUENCES.open(settings)
    net, task = session.network, session.task
    assert net.output_shape == (task.steps, 4)  # a softmax at every step
    assert np.all(task.y_test[:, :3] == -1) and np.all(task.y_test[:, 3:] >= 0)
    guessed = net.predict(task.X_test).argmax(axis=2)[:, 3:]
    want = np.mean(guessed == task.y_test[:, 3:])
    assert session.record()["test_accuracy"] == pytest.approx(want)
    snap = session.snapshot()
    assert snap.example_output.shape == (task.steps, 4)
    assert np.array_equal(snap.example_target, task.y_test[0])
    text = SEQUENCES.open({**SEQUENCES.defaults(), "task": "text", "units": 6})
    assert text.network.output_shape == (12, 36) and text.task.y_train.shape == (3000, 12)


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
    session, notes = SEQUENCES.start({"task": ["<script>"], "delay": ["1e9"], "units": ["-3"],
                                      "answer": ["<b>"], "optimizer": ["eval"]})  # fmt: skip
    assert session.settings["task"] == "echo" and session.settings["answer"] == "every"
    assert session.settings["optimizer"] == "adam"
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


def test_the_text_model_learns_below_2_9_bits_per_character():
    """Defaults (SimpleRNN(32), 3,000 windows of 12 characters, the next character at every
    step): measured 2.69 bits per character on the test text at epoch 3 (about 2 s on one
    busy core); chance is log2(36) = 5.2."""
    session = open_session("lab=rnn&task=text")
    assert session.record()["test_bpc"] > 4.5  # epoch 0: near chance
    records = list(train(session, 3))
    assert min(r["test_bpc"] for r in records) < 2.9


@pytest.mark.parametrize("cell", ["rnn", "lstm"])
def test_compare_trains_the_other_cell_on_the_same_data_for_the_same_epochs(cell):
    settings = {**SEQUENCES.defaults(), "cell": cell, "units": 4, "delay": 3}
    session = SEQUENCES.open(settings)
    session.step()
    session.step()
    result = session.compare_cells()
    assert result.cell != cell and result.epochs == result.wanted == 2
    assert 0.0 < result.test_score <= 1.0
    snap = session.snapshot()
    assert snap.comparison is result
    assert result.step_gradients.shape == snap.step_gradients.shape == (7,)
    spec = json.loads(SEQUENCES.chart_slots(snap, settings)[2].figure_json)
    names = [trace["name"] for trace in spec["data"]]
    assert len(names) == 2 and "epoch 2" in names[1] and "same units" in names[1]
    session.reset()  # a new model: the comparison no longer applies
    assert session.snapshot().comparison is None


def test_a_comparison_is_bounded_in_time_and_says_so():
    session = SEQUENCES.open({**SEQUENCES.defaults(), "units": 4})
    session.step()
    result = session.compare_cells(seconds=0.0)  # the first unit of work always runs
    assert result.epochs < result.wanted == 1
    from playground.labs.rnn.compare import describe

    assert "time ran out" in describe(result, "echo", 4)


def test_the_gradient_view_measures_the_last_steps_loss_only():
    """With a head at every step, the gradient reaching step t from the last step's loss is
    what fades back through time: at step T it is the largest."""
    settings = {**SEQUENCES.defaults(), "units": 8}
    snap = SEQUENCES.open(settings).snapshot()
    assert snap.step_gradients.argmax() == len(snap.step_gradients) - 1


def test_every_optimizer_is_a_live_setting():
    from playground.engine import OPTIMIZERS

    session = SEQUENCES.open({**SEQUENCES.defaults(), "units": 4})
    for name in OPTIMIZERS:
        assert session.update({**session.settings, "optimizer": name}) == "live"
        assert session.trainer.optimizer == name and session.step_batch() == 1


def test_the_trained_model_goes_home_and_comes_back_the_same():
    """The page's model bundle for this lab: model.npz and model.json's network rebuild the
    per-step network with the same predictions."""
    import io
    import zipfile

    from playground.engine import Sequential, load_npz
    from playground.teaching.bundle import bundle_zip

    session = SEQUENCES.open({**SEQUENCES.defaults(), "units": 6})
    session.step()
    files = zipfile.ZipFile(io.BytesIO(bundle_zip(session)))
    model = json.loads(files.read("model/model.json"))
    X = session.task.X_test[:5]
    want = session.network.predict(X)
    assert model["lab"] == "rnn" and want.shape == (5, 8, 4)
    assert np.array_equal(load_npz(io.BytesIO(files.read("model/model.npz"))).predict(X), want)
    assert np.array_equal(Sequential.from_dict(model["network"]).predict(X), want)
