"""The lab's snapshot and views for every data set and code size: valid figures that
show what their titles say."""

import numpy as np
import pytest
from test_autoencoder_claims import train

from playground import config
from playground.labs.autoencoder import views
from playground.labs.autoencoder.snapshot import take_snapshot
from playground.labs.autoencoder.table import TABLE
from playground.plots import as_figure

BUILDERS = (views.code_plane, views.pca_plane, views.pairs, views.decoder_map, views.loss,
            views.errors, views.roc)  # fmt: skip


def snapshot(epochs=2, left_out=None, **settings):
    data, arch, net, trainer = train(epochs, left_out, **settings)
    return take_snapshot(net, arch, trainer, data)


@pytest.mark.parametrize(
    ("dataset", "code_size", "left_out"),
    [("digits", 2, "3"), ("digits", 1, None), ("penguins", 3, "Gentoo"), ("s_curve", 2, None)],
)
def test_every_view_is_a_valid_figure(dataset, code_size, left_out):
    snap = snapshot(left_out=left_out, dataset=dataset, code_size=code_size)
    settings = config.defaults(TABLE)
    built = {b.__name__: b(snap, settings) for b in BUILDERS}
    for spec in built.values():
        if spec is not None:
            as_figure(spec)
    assert (built["roc"] is None) == (left_out is None)
    n_rows = len(snap.labels)
    assert snap.code_points.shape == snap.pca_points.shape == (n_rows, 2)
    assert snap.marked.sum() == (0 if left_out is None else snap.left_out.sum())


def test_the_code_plane_says_what_it_shows_for_other_code_sizes():
    assert snapshot(dataset="penguins").code_titles == ("code 1", "code 2")
    assert "PCA of the 3 units" in snapshot(dataset="penguins", code_size=3).code_titles[0]
    one = snapshot(dataset="penguins", code_size=1)
    assert one.code_titles[0] == "code (1 unit)"
    assert one.map_decoded.shape[0] == 1  # the decoder's map is one row along the code


def test_digits_views_draw_images_and_measurements_draw_bars():
    digits = snapshot(dataset="digits")
    assert digits.map_decoded.shape == (10, 10, 64)
    assert views.pairs(digits, {})["data"][0]["type"] == "heatmap"
    penguins = snapshot(dataset="penguins")
    assert views.pairs(penguins, {})["data"][0]["type"] == "bar"
    assert len(views.decoder_map(penguins, {})["data"]) == 4  # one heatmap per measurement


def test_the_threshold_is_a_percentile_of_the_training_errors():
    snap = snapshot(left_out="Gentoo", dataset="penguins")
    settings = {**config.defaults(TABLE), "threshold_pct": 80}
    limit = views.threshold(snap, settings)
    assert np.mean(snap.train_errors >= limit) == pytest.approx(0.2, abs=0.02)
    detected, false_alarms = views.detection(snap, settings)
    assert detected == np.mean(snap.test_errors[snap.left_out] >= limit)
    assert false_alarms == np.mean(snap.test_errors[~snap.left_out] >= limit)
    spec = views.errors(snap, settings)
    assert spec["layout"]["shapes"][0]["x0"] == limit


def test_the_loss_view_shows_pca_with_as_many_components_as_the_code():
    snap = snapshot(dataset="penguins", code_size=3)
    spec = views.loss(snap, {"log_loss": False})
    assert spec["data"][-1]["name"] == "PCA, 3 components"
    assert spec["data"][-1]["y"][0] == pytest.approx(snap.pca_error)
