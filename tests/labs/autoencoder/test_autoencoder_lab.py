"""The autoencoder lab on the lab protocol: its session trains, resets what a change
needs, records numbers for the command line, and reads its settings from a URL."""

import json

import pytest

from playground import config
from playground.labs.autoencoder.lab import AUTOENCODER
from playground.labs.autoencoder.table import TABLE


def settings(**changes):
    s = {**config.defaults(TABLE), **changes}
    for name in ("output", "learning_rate"):
        if name not in changes:
            s[name] = config.default_for(name, s, TABLE)
    return s


def test_session_trains_and_records_json_numbers():
    session = AUTOENCODER.open(settings(dataset="penguins", leave_out_species="Gentoo"))
    assert session.epoch == 0
    first = session.record()
    session.step()
    row = session.record()
    json.dumps(row)
    assert row["epoch"] == 1 and row["status"] == "ok"
    assert row["train_loss"] < first["train_loss"]
    assert {"test_loss", "pca_test_loss", "roc_area"} <= set(row)
    assert not any(key.endswith("accuracy") for key in row)  # pixels are not classes


def test_a_change_resets_what_it_needs():
    s = settings(dataset="s_curve")
    session = AUTOENCODER.open(s)
    session.step()
    version = session.model_version
    s["learning_rate"] = 0.03
    assert session.update(s) == "live"
    assert session.epoch == 1 and session.trainer.learning_rate == 0.03
    assert session.update({**s, "threshold_pct": 80}) == "view"
    s["code_size"] = 3
    assert session.update(s) == "network"
    assert session.epoch == 0 and session.model_version == version + 1
    assert session.snapshot().code_size == 3
    assert session.update({**s, "dataset": "penguins"}) == "data"
    assert session.snapshot().dataset_name == "penguins"


def test_play_advances_and_the_stop_epoch_stops():
    session = AUTOENCODER.open(settings(dataset="penguins", max_epochs=3, speed="1"))
    assert session.set_playing(True)
    for _ in range(5):
        session.advance(1.0)
    assert session.epoch == 3 and not session.playing


def test_stats_name_pca_and_the_roc_area():
    session = AUTOENCODER.open(settings(dataset="digits", leave_out_digit="7"))
    labels = [label for label, _ in AUTOENCODER.stats(session.snapshot())]
    assert labels == ["Training loss", "Test loss", "PCA, 2 components", "ROC area"]
    assert session.snapshot().left_out_name == "digit 7"


def test_the_mirror_decoder_and_the_output_follow_the_settings():
    session = AUTOENCODER.open(settings(dataset="digits", encoder=(32, 16), code_size=3))
    assert session.arch.sizes == (64, 32, 16, 3, 16, 32, 64)
    assert session.network.output == "sigmoid"
    tabular = AUTOENCODER.open(settings(dataset="penguins", decoder=(8,)))
    assert tabular.arch.sizes == (4, 32, 2, 8, 4)
    assert tabular.network.output == "linear"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"dataset": "penguins"}, {"output": "linear", "learning_rate": 0.01}),
        ({"dataset": "digits", "leave_out_digit": "7"}, {"leave_out_digit": "7"}),
        ({"code_size": "99"}, {"code_size": 16}),
    ],
)
def test_settings_from_a_url(query, expected):
    s, notes = AUTOENCODER.settings_from_query({"lab": "autoencoder", **query})
    assert {k: s[k] for k in expected} == expected
    assert bool(notes) == (query.get("code_size") == "99")
    back, _ = AUTOENCODER.settings_from_query(AUTOENCODER.to_query(s))
    assert back == s
