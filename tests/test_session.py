"""The playground session: what each kind of settings change resets, training by steps and
by time budget, divergence, and snapshots."""

import numpy as np
import pytest

from playground import config
from playground.data import DataError
from playground.labs.classify.session import CsvChoice, Playground


def make(**changes) -> Playground:
    return Playground({**config.defaults(), **changes})


def test_defaults_are_tf_playground_circle_with_cross_entropy():
    pg = make()
    assert pg.dataset.name == "circle"
    assert pg.spec.sizes == (2, 4, 2, 1)
    assert (pg.spec.output, pg.spec.loss) == ("sigmoid", "bce")
    assert pg.trainer.learning_rate == 0.03 and pg.trainer.batch_size == 10
    assert len(pg.dataset.X_train) == 250 and pg.epoch == 0


def test_step_trains_exactly_one_epoch():
    pg = make()
    before = pg.network.params.copy()
    assert pg.step() == 1
    assert pg.epoch == 1
    assert not np.array_equal(before, pg.network.params)


def test_live_change_keeps_weights_epoch_and_applies_at_next_step():
    pg = make()
    pg.step()
    weights = pg.network.params.copy()
    kind = pg.update({**pg.settings, "learning_rate": 0.3, "optimizer": "adam"})
    assert kind == "live"
    assert pg.epoch == 1 and np.array_equal(weights, pg.network.params)
    assert pg.trainer.learning_rate == 0.3 and pg.trainer.optimizer == "adam"


def test_network_change_rebuilds_network_and_keeps_data():
    pg = make()
    pg.step()
    data = pg.dataset
    kind = pg.update({**pg.settings, "hidden": (3,), "activation": "relu"})
    assert kind == "network"
    assert pg.epoch == 0 and pg.spec.sizes == (2, 3, 1)
    assert pg.dataset is data


def test_feature_change_changes_the_inputs_but_not_the_points():
    pg = make()
    raw = pg.dataset.raw_train.copy()
    pg.update({**pg.settings, "features": ("x1", "x2", "x1^2")})
    assert pg.dataset.X_train.shape[1] == 3 and pg.spec.sizes[0] == 3
    np.testing.assert_array_equal(pg.dataset.raw_train, raw)


def test_data_change_regenerates_points():
    pg = make()
    raw = pg.dataset.raw_train.copy()
    assert pg.update({**pg.settings, "seed": 7}) == "data"
    assert not np.array_equal(raw, pg.dataset.raw_train)


def test_reset_draws_new_weights_on_the_same_data():
    pg = make()
    pg.step()
    weights, raw = pg.network.params.copy(), pg.dataset.raw_train
    pg.reset()
    assert pg.epoch == 0
    assert not np.array_equal(weights, pg.network.params)
    assert pg.dataset.raw_train is raw


def test_regenerate_picks_a_new_seed_and_new_points():
    pg = make()
    raw = pg.dataset.raw_train.copy()
    seed = pg.regenerate()
    assert pg.settings["seed"] == seed
    if seed != 0:
        assert not np.array_equal(raw, pg.dataset.raw_train)


def test_squared_error_on_two_classes_uses_tanh_and_plus_minus_one_targets():
    pg = make(loss="squared_error")
    assert (pg.spec.output, pg.spec.loss) == ("tanh", "mse")
    pg.step()
    assert pg.snapshot().plane.values.min() >= 0.0  # mapped back to P(class 1)


def test_advance_respects_stop_epoch_and_pauses(still_clock):
    pg = make(max_epochs=3, speed="5")
    pg.playing = True
    assert pg.advance() == 3
    assert pg.epoch == 3 and not pg.playing


def test_advance_with_auto_speed_trains_several_epochs():
    pg = make()
    pg.playing = True
    assert sum(pg.advance(seconds=0.05) for _ in range(3)) >= 3  # the defaults: ~25 a frame
    assert pg.playing


def test_divergence_pauses_with_a_message_and_a_new_rate_recovers():
    pg = make(dataset="plane", learning_rate=10.0, activation="relu")
    pg.playing = True
    for _ in range(50):
        pg.advance(seconds=0.01)
        if not pg.playing:
            break
    assert pg.trainer.status == "diverged" and not pg.playing
    assert "learning rate" in pg.snapshot().message
    assert np.all(np.isfinite(pg.network.params))
    pg.update({**pg.settings, "learning_rate": 0.001})
    assert pg.trainer.status == "ok"


def test_bad_change_keeps_the_old_settings():
    pg = make()
    with pytest.raises(DataError):
        pg.update({**pg.settings, "dataset": "csv"})  # no file uploaded
    assert pg.settings["dataset"] == "circle" and pg.dataset.name == "circle"


def test_snapshot_for_two_classes():
    snap = make().snapshot()
    assert snap.plane.values.shape == (100, 100)
    assert 0.0 <= snap.plane.values.min() <= snap.plane.values.max() <= 1.0
    assert [g.shape[-1] for g in snap.network.neuron_grids] == [2, 4, 2, 1]
    assert all(np.abs(g).max() <= 1.0 for g in snap.network.neuron_grids)
    assert snap.confusion.sum() == 250 and snap.history["train_loss"].shape == (1,)


def test_snapshot_for_penguin_species_uses_real_units_on_the_plane():
    pg = make(dataset="penguins", train_pct=70)
    snap = pg.snapshot()
    assert pg.spec.output == "softmax" and snap.plane.values.shape[-1] == 3
    assert snap.plane.xs.min() > 25  # bill length in mm, not standardized
    assert snap.confusion.shape == (3, 3)


def test_penguin_body_mass_is_a_regression_in_grams():
    pg = make(dataset="penguins", problem="regression")
    pg.step()
    snap = pg.snapshot()
    assert pg.dataset.task == "regression" and snap.confusion is None
    assert snap.metrics["rmse"] > 10  # grams, not standardized units


def test_digits_snapshot_has_images_and_first_layer_weights():
    pg = make(dataset="digits", hidden=(16,), train_pct=80)
    snap = pg.snapshot()
    assert snap.plane is None
    assert snap.digits["images"].shape[1:] == (8, 8)
    assert snap.first_layer.shape == (64, 16) and snap.confusion.shape == (10, 10)


def test_plane_features_choose_the_axes():
    pg = make(dataset="penguins", plane_x="flipper_length_mm", plane_y="body_mass_g")
    plane = pg.snapshot().plane
    assert "flipper" in plane.x_name and "mass" in plane.y_name


def test_uploaded_csv_becomes_the_data_and_a_bad_one_changes_nothing():
    rows = "\n".join(f"{i % 7},{(i * 3) % 11},{'a' if i % 2 else 'b'}" for i in range(60))
    pg = make()
    pg.set_csv(CsvChoice(("x,y,label\n" + rows).encode()))
    assert pg.settings["dataset"] == "csv" and pg.dataset.class_names == ("a", "b")
    with pytest.raises(DataError):
        pg.set_csv(CsvChoice(b"\x89PNG\r\n\x1a\n not a table"))
    assert pg.dataset.class_names == ("a", "b")


def test_play_does_not_start_at_the_stop_epoch_or_after_divergence():
    pg = make(max_epochs=2)
    pg.step()
    assert pg.set_playing(True)
    pg.step()
    assert not pg.set_playing(True) and not pg.playing
    pg.update({**pg.settings, "max_epochs": 0})
    assert pg.set_playing(True)


def test_step_batch_trains_one_batch_and_the_epoch_counts_when_it_ends():
    pg = make(batch_size=100)  # 250 training rows: batches of 100, 100, 50
    before = pg.network.params.copy()
    assert pg.step_batch() == 1
    assert (pg.epoch, pg.trainer.batch, pg.trainer.batches_per_epoch) == (0, 1, 3)
    assert not np.array_equal(before, pg.network.params)
    snap = pg.snapshot()
    assert (snap.epoch, snap.batch, snap.batches) == (0, 1, 3)
    pg.step_batch()
    pg.step_batch()
    assert (pg.epoch, pg.trainer.batch, len(pg.trainer.history)) == (1, 0, 2)


def test_slow_speeds_train_one_batch_or_one_epoch_per_update(still_clock):
    pg = make(speed="batch", batch_size=100)
    pg.playing = True
    assert pg.advance() == 0 and pg.trainer.batch == 1
    pg.advance()
    assert pg.advance() == 1 and pg.epoch == 1 and pg.playing
    pg = make(speed="epoch")
    pg.playing = True
    assert pg.advance() == 1 and pg.advance() == 1 and pg.epoch == 2
