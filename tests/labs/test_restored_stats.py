"""Every Trainer lab after a patience stop that restored the best weights: the stats row,
the loss chart, the record and the snapshot all tell the restored epoch's figures (not the
last trained epoch's), and Step trains on from the restored weights."""

import json

import pytest

from playground.labs.base import format_number
from playground.labs.registry import LABS

# Settings whose test loss stalls within a few epochs (patience 2), per lab.
STALLS = {"autoencoder": {}, "convnet": {}, "rnn": {"task": "waves"}}


def restored_session(name: str):
    lab = LABS[name]
    session = lab.open({**lab.defaults(), "patience": 2, "restore_best": True, **STALLS[name]})
    for _ in range(60):
        if session.stop_reason():
            break
        session.step()
    assert session.stop_reason() == "patience" and session.restored() is not None
    return lab, session


def loss_figure(lab, session) -> dict:
    slots = lab.chart_slots(session.snapshot(), session.settings)
    return json.loads(next(slot for slot in slots if slot.key == "loss").figure_json)


@pytest.mark.parametrize("name", STALLS)
def test_the_stats_record_and_loss_chart_show_the_restored_epoch(name):
    lab, session = restored_session(name)
    best = session.restored().epoch
    row, last = session.trainer.history[best], session.trainer.history[-1]
    assert best < session.epoch and row["test_loss"] != last["test_loss"]
    stats = dict(lab.stats(session.snapshot()))
    assert stats["Restored best weights"] == f"epoch {best}"
    assert stats["Test loss"] == format_number(row["test_loss"])
    assert stats["Training loss"] == format_number(row["train_loss"])
    record = session.record()
    assert record["test_loss"] == row["test_loss"] and record["restored_epoch"] == best
    figure = loss_figure(lab, session)
    assert figure["layout"]["shapes"][-1]["x0"] == best
    assert any(trace["name"] == "restored" for trace in figure["data"])


@pytest.mark.parametrize("name", STALLS)
def test_step_after_the_stop_trains_on_and_the_stats_follow(name):
    lab, session = restored_session(name)
    epoch = session.epoch
    session.step()
    assert session.epoch == epoch + 1 and session.restored() is None
    stats = dict(lab.stats(session.snapshot()))
    assert "Restored best weights" not in stats
    assert stats["Test loss"] == format_number(session.trainer.history[-1]["test_loss"])
    assert all(trace["name"] != "restored" for trace in loss_figure(lab, session)["data"])
