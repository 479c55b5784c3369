"""Stop conditions (labs/stopping.py through TrainingSession): patience stops at the right
epoch, restore-best puts back the best epoch's weights, a target stops at the first epoch
that meets it, live training stops exactly there too, and the settings are validated."""

import json
import math
from types import SimpleNamespace

import numpy as np
import pytest

from playground import config
from playground.__main__ import main
from playground.engine.history import History
from playground.labs.registry import LABS
from playground.labs.stopping import StopRule, StopWatch, reached

CLASSIFY = LABS["classify"]
# A small noisy training set and a big network: the test loss turns up after ~25 epochs.
OVERFIT = {"dataset": "xor", "noise": 50, "train_pct": 10, "hidden": "16,16",
           "learning_rate": 0.3}  # fmt: skip


class FakeTrainer:
    """A trainer as the watch sees it: history rows, epoch, net.params (the epoch's number)."""

    def __init__(self):
        self.history = History(("epoch", "train_loss", "test_loss"))
        self.epoch = -1
        self.net = SimpleNamespace(params=np.zeros(3))

    def finish_epoch(self, test_loss: float) -> None:
        self.epoch += 1
        self.net.params[:] = self.epoch
        self.history.append((self.epoch, 1.0, test_loss))


def watch_losses(losses, rule):
    """The reason after each epoch of a crafted test-loss history, and the watch."""
    trainer, watch, reasons = FakeTrainer(), StopWatch(), []
    for loss in losses:
        trainer.finish_epoch(loss)
        watch.observe(trainer)
        reasons.append(watch.reason(trainer, rule))
    return reasons, watch, trainer


def test_patience_stops_once_the_loss_has_not_improved_for_that_many_epochs():
    losses = [1.0, 0.8, 0.6, 0.7, 0.6, 0.65, 0.9]  # best at epoch 2; a tie is no improvement
    reasons, watch, _ = watch_losses(losses, StopRule(patience=3))
    assert reasons == [None, None, None, None, None, "patience", "patience"]
    assert watch.best_epoch == 2 and watch.best_loss == 0.6


def test_an_improvement_restarts_the_count():
    reasons, watch, _ = watch_losses([1.0, 0.9, 0.95, 0.5, 0.6, 0.7], StopRule(patience=2))
    assert reasons == [None, None, None, None, None, "patience"] and watch.best_epoch == 3


def test_without_a_test_set_patience_watches_the_training_loss():
    trainer, watch = FakeTrainer(), StopWatch()
    trainer.history = History(("epoch", "train_loss", "test_loss"))
    for epoch, train in enumerate([1.0, 0.5, 0.7, 0.8]):
        trainer.epoch = epoch
        trainer.history.append((epoch, train, math.nan))
        watch.observe(trainer)
    assert watch.best_epoch == 1 and watch.reason(trainer, StopRule(patience=2)) == "patience"


def test_restore_gives_back_the_best_epochs_weights():
    _, watch, trainer = watch_losses([1.0, 0.8, 0.3, 0.7, 0.9], StopRule(patience=2))
    assert trainer.net.params.tolist() == [4, 4, 4]
    assert watch.restore(trainer) and watch.restored_epoch == 2
    assert trainer.net.params.tolist() == [2, 2, 2]
    assert watch.best_row(trainer)["test_loss"] == 0.3


def test_target_directions_a_loss_falls_to_it_a_score_rises_to_it():
    assert reached("test_loss", 0.1, 0.1) and not reached("test_loss", 0.11, 0.1)
    assert reached("test_accuracy", 0.95, 0.95) and not reached("test_accuracy", 0.9, 0.95)
    assert not reached("test_r2", math.nan, 0.5)
    reasons, _, _ = watch_losses([1.0, 0.5, 0.2, 0.1], StopRule(metric="test_loss", value=0.2))
    assert reasons == [None, None, "target", "target"]


def session(**changes):
    query = {name: [str(value)] for name, value in {**OVERFIT, **changes}.items()}
    settings, notes = CLASSIFY.settings_from_query(query)
    assert notes == []
    return CLASSIFY.open(settings)


def plain_run(epochs: int):
    """The same model without stop conditions: its test losses and weights per epoch."""
    plain, weights = session(), []
    for _ in range(epochs):
        plain.step()
        weights.append(plain.network.params.copy())
    return plain.trainer.history.column("test_loss"), weights


def test_patience_on_a_real_run_stops_and_restores_the_best_epoch():
    stopped = session(patience=10, restore_best="true")
    for _ in range(500):
        stopped.step()
        if stopped.stop_reason():
            break
    losses, weights = plain_run(stopped.epoch)
    best = int(np.argmin(losses))
    assert best > 0 and stopped.epoch == best + 10  # stopped right at the patience
    assert stopped.stop_reason() == "patience" and stopped.stop_watch.restored_epoch == best
    np.testing.assert_array_equal(stopped.network.params, weights[best - 1])
    record = stopped.record()
    assert record["restored_epoch"] == best and record["test_loss"] == losses[best]
    assert f"from epoch {best}, were restored" in record["message"]


def test_live_training_stops_at_the_same_epoch_with_the_same_weights():
    stepped = session(patience=10, restore_best="true")
    while not stepped.stop_reason():
        stepped.step()
    live = session(patience=10, restore_best="true")
    assert live.set_playing(True)
    for _ in range(5):  # a frame trains on until the stop, one epoch at a time
        if not live.playing:
            break
        live.advance(2.0)
    assert not live.playing and live.epoch == stepped.epoch
    np.testing.assert_array_equal(live.network.params, stepped.network.params)
    live.update({**live.settings, "patience": 1000})
    assert live.stop_reason() is None and live.set_playing(True)


def test_play_after_a_patience_stop_trains_on_with_patience_counted_afresh():
    live = session(patience=10, restore_best="true")
    while not live.stop_reason():
        live.step()
    stopped_at, best = live.epoch, live.stop_watch.restored_epoch
    assert live.set_playing(True) and live.stop_reason() is None  # Play trains on
    for _ in range(20):
        if not live.playing:
            break
        live.advance(2.0)
    # Ten more epochs without a better test loss stop it again, and the page says so.
    assert not live.playing and live.stop_reason() == "patience"
    assert live.epoch == stopped_at + 10 and live.stop_watch.restored_epoch == best
    message = live.record()["message"]
    assert f"stopped again at epoch {stopped_at + 10}" in message
    assert f"since training went on at epoch {stopped_at}" in message


def test_a_target_stops_at_the_first_epoch_that_meets_it():
    losses, _ = plain_run(40)
    target = float(np.sort(losses)[5])  # met somewhere after the start, not at epoch 0
    first = int(np.argmax(losses <= target))
    live = session(stop_metric="test_loss", stop_value=str(target))
    live.set_playing(True)
    for _ in range(5):
        if not live.playing:
            break
        live.advance(2.0)
    assert live.epoch == first and live.stop_reason() == "target"
    assert "test loss fell to the target" in live.record()["message"]


def test_patience_without_restore_keeps_the_last_weights():
    stopped = session(patience=10)
    while not stopped.stop_reason():
        stopped.step()
    _, weights = plain_run(stopped.epoch)
    np.testing.assert_array_equal(stopped.network.params, weights[-1])
    assert "restored_epoch" not in stopped.record()


@pytest.mark.parametrize(
    "params, name",
    [({"patience": "-3"}, "patience"), ({"stop_metric": "<b>x</b>"}, "stop_metric"),
     ({"stop_value": "nan"}, "stop_value"), ({"restore_best": "maybe"}, "restore_best")],
)  # fmt: skip
def test_bad_stop_settings_get_a_note_and_the_default(params, name):
    settings, notes = CLASSIFY.settings_from_query({k: [v] for k, v in params.items()})
    assert settings[name] == config.defaults(CLASSIFY.table)[name] and notes


def test_a_target_metric_brings_its_own_default_value():
    settings, _ = CLASSIFY.settings_from_query({"stop_metric": ["test_loss"]})
    assert settings["stop_value"] == 0.1
    query = CLASSIFY.to_query(settings)
    assert query["stop_metric"] == "test_loss" and "stop_value" not in query


@pytest.mark.parametrize("lab", ["autoencoder", "convnet", "rnn"])
def test_every_trainer_lab_has_the_stop_settings(lab):
    table = LABS[lab].table
    assert {"patience", "restore_best", "stop_metric", "stop_value"} <= set(table)
    assert "test_loss" in table["stop_metric"].choices


def test_the_command_line_stops_early_and_says_why(capsys):
    query = "&".join(f"{k}={v}" for k, v in OVERFIT.items()) + "&patience=10&restore_best=1"
    assert main(["train", query, "--epochs", "500"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr()[0].splitlines()]
    final = lines[-1]["final"]
    assert len(lines) - 1 == final["epoch"] < 500  # stopped early, one line per epoch
    assert final["stopped"] == "patience" and final["restored_epoch"] == final["epoch"] - 10
    assert "were restored" in final["message"]
    best = lines[final["restored_epoch"] - 1]  # the line after the restored epoch
    for name in ("test_loss", "train_loss", "test_accuracy", "train_accuracy"):
        assert final[name] == lines[-2][name] == best[name]  # the restored weights' figures
    assert final["test_loss"] != lines[-3]["test_loss"]  # not those of the epochs after it
    assert final["best_test_loss"] == final["test_loss"]


def test_the_command_line_honours_the_stop_epoch(capsys):
    assert main(["train", "dataset=xor&max_epochs=3", "--epochs", "10"]) == 0
    final = json.loads(capsys.readouterr()[0].splitlines()[-1])["final"]
    assert final["epoch"] == 3 and final["stopped"] == "max_epochs"


def test_resume_counts_patience_afresh_and_keeps_the_best():
    losses = [1.0, 0.5, 0.7, 0.8]  # best at epoch 1; patience 2 stops at epoch 3
    reasons, watch, trainer = watch_losses(losses, StopRule(patience=2))
    assert reasons[-1] == "patience" and watch.restore(trainer)
    watch.resume(trainer)
    assert watch.restored_epoch is None and watch.reason(trainer, StopRule(patience=2)) is None
    for loss in (0.9, 0.95):  # two more epochs, still no better than 0.5
        trainer.finish_epoch(loss)
        watch.observe(trainer)
    assert trainer.epoch == 5 and watch.reason(trainer, StopRule(patience=2)) == "patience"
    assert watch.restore(trainer) and trainer.net.params.tolist() == [1, 1, 1]


def test_the_restored_row_is_kept_even_when_the_history_is_not_one_row_per_epoch():
    trainer, watch = FakeTrainer(), StopWatch()
    trainer.history = History(("epoch", "train_loss", "test_loss"))
    for epoch, test in ((0, 1.0), (10, 0.3), (40, 0.6)):  # an imported, thinned history
        trainer.history.append((epoch, 1.0, test))
    trainer.epoch = 40
    watch.observe(trainer)
    assert watch.best_epoch == 10 and watch.restored() is None
    assert watch.restore(trainer) is False  # epoch 10's weights were never seen
    trainer.net.params[:] = 10  # the imported weights are epoch 10's, restored before
    watch.adopt(trainer, 10)
    assert watch.restored().epoch == 10 and watch.restored().row["test_loss"] == 0.3
    assert watch.reason(trainer, StopRule(patience=30, restore_best=True)) == "patience"


def stopped_session(**changes):
    """The overfitting run stopped by patience 10 with the best weights restored."""
    stopped = session(patience=10, restore_best="true", **changes)
    while not stopped.stop_reason():
        stopped.step()
    assert stopped.stop_watch.restored_epoch is not None
    return stopped


def test_step_after_a_restored_stop_trains_on_from_the_restored_weights():
    stopped = stopped_session()
    epoch, best = stopped.epoch, stopped.stop_watch.restored_epoch
    restored = stopped.network.params.copy()
    assert stopped.step() == 1
    assert stopped.epoch == epoch + 1 and stopped.stop_reason() is None  # not undone
    assert not np.array_equal(stopped.network.params, restored)
    assert stopped.restored() is None and stopped.record()["epoch"] == epoch + 1
    assert "restored_epoch" not in stopped.record()
    # the epoch trained is the restored weights' next epoch: its loss follows from them
    assert stopped.trainer.history[-1]["epoch"] == epoch + 1 and best < epoch


def test_a_batch_step_or_an_edited_weight_after_a_restored_stop_is_kept():
    stopped = stopped_session()
    restored = stopped.network.params.copy()
    stopped.step_batch()
    assert not np.array_equal(stopped.network.params, restored)
    assert stopped.restored() is None
    while stopped.trainer.batch:  # the epoch's last batch: no restore at its end either
        stopped.step_batch()
    assert stopped.stop_reason() is None
    edited = stopped_session()
    edited.network.params[0] += 1.0
    changed = edited.network.params.copy()
    edited.network_edited()
    np.testing.assert_array_equal(edited.network.params, changed)


def test_after_a_restored_stop_every_figure_is_the_restored_epochs():
    stopped = stopped_session()
    best = stopped.stop_watch.restored_epoch
    row = stopped.trainer.history[best]
    snap = stopped.snapshot()
    assert snap.restored.epoch == best and snap.restored.row["test_loss"] == row["test_loss"]
    stats = dict(CLASSIFY.stats(snap))
    assert stats["Restored best weights"] == f"epoch {best}"
    assert stats["Test loss"] == f"{row['test_loss']:.3f}"
    assert stats["Training accuracy"] == f"{100 * row['train_accuracy']:.1f} %"
    last = stopped.trainer.history[-1]
    assert f"{last['test_loss']:.3f}" != stats["Test loss"]  # the last epoch's would differ
    record = stopped.record()
    assert record["test_loss"] == row["test_loss"] and record["restored_epoch"] == best
    assert record["epoch"] == stopped.epoch  # the counter: epochs trained


def test_the_loss_chart_marks_the_restored_epoch_and_keeps_the_curves():
    stopped = stopped_session()
    best = stopped.stop_watch.restored_epoch
    slots = CLASSIFY.chart_slots(stopped.snapshot(), stopped.settings)
    loss = json.loads(next(s for s in slots if s.key == "loss").figure_json)
    line = loss["layout"]["shapes"][-1]
    assert line["x0"] == line["x1"] == best
    words = loss["layout"]["annotations"][-1]
    assert words["text"] == "best weights<br>restored" and words["x"] == best
    curves = {trace["name"]: trace for trace in loss["data"]}
    assert set(curves) == {"train", "test", "restored"}
    assert curves["restored"]["x"] == [best, best]
    assert curves["restored"]["y"][1] == pytest.approx(stopped.trainer.history[best]["test_loss"])
    stopped.step()  # trained on: no mark
    slots = CLASSIFY.chart_slots(stopped.snapshot(), stopped.settings)
    loss = json.loads(next(s for s in slots if s.key == "loss").figure_json)
    assert "restored" not in {trace["name"] for trace in loss["data"]}


def test_play_at_the_stop_epoch_leaves_the_restored_weights_shown_as_restored():
    stopped = stopped_session()
    stopped.update({**stopped.settings, "max_epochs": stopped.epoch})  # both stops hold
    assert not stopped.set_playing(True) and stopped.stop_reason() == "max_epochs"
    assert stopped.restored() is not None  # nothing trained: still the restored weights
