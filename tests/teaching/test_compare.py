"""Compare runs (teaching/compare.py): the pin limit, the memory bound (small arrays, no
session kept), the table of the settings that differ with the final metrics, the main
view of every lab, and the comparison panel's message."""

import json

import numpy as np
import pytest

from playground import config
from playground.labs.registry import LABS
from playground.teaching import compare
from playground.teaching.compare import (
    MAX_CURVE_POINTS,
    MAX_PICTURE_BYTES,
    MAX_PINS,
    RUN_OVERHEAD_BYTES,
    PinError,
    Pins,
    compare_message,
    comparison_rows,
    differing_settings,
    thin_curves,
)

CLASSIFY = LABS["classify"]


def classify(epochs: int = 2, **changes):
    session = CLASSIFY.open({**config.defaults(), "dataset": "xor", **changes})
    for _ in range(epochs):
        session.step()
    return session


def test_at_most_three_runs_are_pinned_and_unpin_makes_room():
    pins, session = Pins("classify"), classify()
    for _ in range(MAX_PINS):
        pins.pin(session)
    with pytest.raises(PinError, match="At most 3"):
        pins.pin(session)
    assert [run.number for run in pins.runs] == [1, 2, 3]
    pins.unpin(2)
    assert pins.pin(session).number == 4 and [r.label for r in pins.runs] == [
        "Run 1", "Run 3", "Run 4"]  # fmt: skip
    pins.clear()
    assert pins.runs == [] and pins.nbytes == 0


def test_a_run_of_another_lab_is_not_pinned():
    with pytest.raises(PinError, match="its own lab"):
        Pins("autoencoder").pin(classify())


def test_a_pinned_run_keeps_copies_of_small_arrays_not_the_session():
    session = classify(epochs=3)
    run = Pins("classify").pin(session)
    history = session.snapshot().history
    assert not any(np.shares_memory(run.curves.train, a) for a in history.values())
    assert run.curves.train.dtype == np.float32 and len(run.curves.epochs) == 4
    session.settings["learning_rate"] = 9.0  # the session moves on; the pin does not
    session.step()
    assert run.settings["learning_rate"] == 0.03 and run.epoch == 3
    kept = [value for value in vars(run).values()]
    assert not any(value is session or value is session.trainer for value in kept)


def test_long_runs_are_thinned_and_the_memory_stays_bounded():
    epochs = np.arange(100_000)
    history = {"epoch": epochs, "train_loss": 1 / (1 + epochs), "test_loss": np.sin(epochs)}
    curves = thin_curves(history)
    assert len(curves.epochs) <= MAX_CURVE_POINTS and curves.epochs[-1] == 99_999
    assert curves.nbytes <= MAX_CURVE_POINTS * 12
    pins, session = Pins("classify"), classify()
    for _ in range(MAX_PINS):
        pins.pin(session)
    bound = MAX_PINS * (MAX_PICTURE_BYTES + MAX_CURVE_POINTS * 12 + RUN_OVERHEAD_BYTES)
    assert 0 < pins.nbytes <= bound


def test_a_picture_over_the_limit_is_left_out_with_a_note(monkeypatch):
    monkeypatch.setattr(compare, "MAX_PICTURE_BYTES", 100)
    run = Pins("classify").pin(classify())
    assert run.picture is None and "too large to keep" in run.picture_note
    assert run.nbytes < 20_000


def test_the_table_shows_only_the_settings_that_differ_and_the_final_metrics():
    pins = Pins("classify")
    pins.pin(classify(learning_rate=0.3))
    pins.pin(classify(learning_rate=0.3, seed=5, speed="5"))
    current = compare.capture(classify(epochs=4, learning_rate=0.1), 0)
    columns, rows = comparison_rows(pins.runs, current, CLASSIFY.table)
    assert columns == ["run", "epoch", "seed", "learning_rate", "train_loss", "test_loss",
                       "train_accuracy", "test_accuracy"]  # fmt: skip
    assert [row[:4] for row in rows] == [["Run 1", "2", "0", "0.3"], ["Run 2", "2", "5", "0.3"],
                                         ["Current", "4", "0", "0.1"]]  # fmt: skip
    assert rows[2][4] == f"{current.record['train_loss']:.4g}"


def test_a_run_whose_best_weights_were_restored_says_whose_numbers_it_shows():
    session = classify(0, noise=30, train_pct=20, hidden=(8, 8), activation="relu",
                       patience=10, restore_best=True)  # fmt: skip
    while session.stop_reason() is None:
        session.step()
    pins = Pins("classify")
    run = pins.pin(session)
    restored = run.record["restored_epoch"]
    assert restored < run.epoch
    _, rows = comparison_rows(pins.runs, compare.capture(classify(), 0), CLASSIFY.table)
    assert rows[0][1] == f"{run.epoch} (weights of {restored})" and rows[1][1] == "2"
    slots = compare.compare_slots(pins.runs, compare.capture(classify(), 0))
    notes = [slot.note for slot in slots if slot.key == "run1"]
    assert notes == [f"Output, epoch {run.epoch} (weights of {restored})"]


def test_lists_and_unchanged_settings():
    table = CLASSIFY.table
    one, two = config.defaults(), {**config.defaults(), "hidden": (8, 8), "present": True}
    assert differing_settings([one, two], table) == ["hidden"]  # view-only ones left out
    assert differing_settings([one, dict(one)], table) == []
    looks = {**one, "plane_x": "x2", "speed": "epoch", "show_test": True}
    assert differing_settings([one, looks], table) == []  # how the page looks, not the run
    rl, vision = LABS["rl"].table, LABS["convnet"].table
    cell = {**LABS["rl"].defaults(), "cell_row": 3, "gamma": 0.5}
    assert differing_settings([LABS["rl"].defaults(), cell], rl) == ["gamma"]
    image = {**LABS["convnet"].defaults(), "image": 7}
    assert differing_settings([LABS["convnet"].defaults(), image], vision) == []


@pytest.mark.parametrize("name, key", [("classify", "boundary"), ("autoencoder", "code"),
                                       ("convnet", "predictions"), ("rnn", "sequence"),
                                       ("rl", "policy")])  # fmt: skip
def test_every_lab_pins_its_main_view(name, key):
    lab = LABS[name]
    session = lab.open(lab.defaults())
    session.step()
    run = Pins(name).pin(session)
    assert run.picture is not None and run.picture.key == key
    assert json.loads(run.picture.figure_json)["data"]
    assert len(run.curves.train) == (1 if name == "rl" else 2)  # RL: no row before training


def test_the_panel_message_has_one_loss_chart_and_every_runs_picture():
    pins = Pins("classify")
    pins.pin(classify())
    pins.pin(classify(seed=3))
    current = compare.capture(classify(epochs=1), 0)
    header, *figures = compare_message(pins.runs, current).split("\n")
    head = json.loads(header)
    assert [s["key"] for s in head["slots"]] == ["compare_loss", "run1", "run2", "current"]
    assert [s["title"] for s in head["slots"][1:]] == ["Run 1", "Run 2", "Current"]
    assert head["areas"].startswith('"compare_loss compare_loss compare_loss"')
    names = [trace["name"] for trace in json.loads(figures[0])["data"]]
    assert names == ["Run 1 · test", "Run 1 · training", "Run 2 · test", "Run 2 · training",
                     "Current · test", "Current · training"]  # fmt: skip


def test_a_restored_run_is_marked_as_the_page_marks_it_pinned_and_current():
    from playground.plots.compare import CURRENT_COLOR, RUN_COLORS
    from tests.labs.test_restored_stats import restored_session

    _, session = restored_session("autoencoder")
    best = session.restored().epoch
    row = session.trainer.history[best]
    pins = Pins("autoencoder")
    run = pins.pin(session)
    assert run.restored == (best, row["train_loss"], row["test_loss"])
    # Paused after the stop: the pinned run and the current one (the same weights) marked.
    text = compare_message(pins.runs, compare.capture(session, 0))
    figure = json.loads(text.split("\n")[1])
    lines = [(s["x0"], s["line"]["color"], s["line"]["dash"]) for s in figure["layout"]["shapes"]]
    assert lines == [(best, RUN_COLORS[0], "dot"), (best, CURRENT_COLOR, "dot")]
    rings = {t["legendgroup"]: t for t in figure["data"] if t.get("mode") == "markers"}
    assert set(rings) == {"Run 1", "Current"}
    assert rings["Current"]["y"] == pytest.approx([row["test_loss"], row["train_loss"]])
    assert rings["Current"]["marker"]["symbol"] == "circle-open"
    # Trained on, the current run holds no restored weights: only the pinned run is marked.
    session.step()
    text = compare_message(pins.runs, compare.capture(session, 0))
    shapes = json.loads(text.split("\n")[1])["layout"]["shapes"]
    assert [s["line"]["color"] for s in shapes] == [RUN_COLORS[0]]


def test_a_run_without_a_restored_epoch_has_no_mark():
    pins, session = Pins("classify"), classify()
    assert pins.pin(session).restored is None
    figure = json.loads(compare_message(pins.runs, compare.capture(session, 0)).split("\n")[1])
    assert "shapes" not in figure["layout"]
    assert all(t.get("mode") == "lines" for t in figure["data"])
