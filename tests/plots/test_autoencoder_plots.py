"""The autoencoder lab's figures: valid Plotly figures that show what they claim."""

import numpy as np

from playground.plots.anomaly import error_histogram_figure, error_histogram_spec, roc_figure
from playground.plots.code_plane import code_plane_figure, code_plane_spec
from playground.plots.decoder_map import decoded_images_figure, decoded_values_figure
from playground.plots.reconstruction_loss import reconstruction_loss_figure
from playground.plots.reconstructions import image_pairs_figure, measurement_pairs_figure

RNG = np.random.default_rng(0)


def test_code_plane_has_one_trace_per_class_and_rings_the_marked():
    points = RNG.normal(size=(30, 2))
    labels = np.arange(30) % 3
    fig = code_plane_figure(points, labels, "multiclass", ["a", "b", "c"], marked=labels == 2,
                            marked_name="left out")  # fmt: skip
    names = [trace.name for trace in fig.data]
    assert names == ["a", "b", "c", "left out"]
    assert len(fig.data[0].x) == 10 and len(fig.data[3].x) == 10
    assert fig.layout.xaxis.title.text == "code 1"


def test_code_plane_colours_values_on_a_scale():
    values = np.linspace(-1, 1, 20)
    spec = code_plane_spec(RNG.normal(size=(20, 2)), values, "regression",
                           value_range=(-1, 1), axis_titles=("PC 1", "PC 2"))  # fmt: skip
    assert len(spec["data"]) == 1
    assert np.allclose(spec["data"][0]["marker"]["color"], values)
    assert spec["layout"]["yaxis"]["title"]["text"] == "PC 2"
    code_plane_figure(RNG.normal(size=(5, 2)), None, "binary")  # no labels: still valid


def test_image_pairs_put_originals_above_copies():
    originals = np.zeros((4, 8, 8))
    copies = np.ones((4, 8, 8))
    fig = image_pairs_figure(originals, copies)
    z = np.asarray(fig.data[0].z)
    top, bottom = z[:8, 14:], z[9:17, 14:]  # 14 title columns; gap row 8
    assert top.max() < bottom[bottom > 0].min()  # blank originals above full-ink copies
    assert list(fig.data[1].text) == ["original", "copy"]


def test_measurement_pairs_group_bars_by_sample_and_feature():
    originals, copies = RNG.normal(size=(3, 4)), RNG.normal(size=(3, 4))
    fig = measurement_pairs_figure(originals, copies, ["a", "b", "c", "d"])
    assert [t.name for t in fig.data] == ["original", "copy"]
    assert np.allclose(fig.data[1].y, copies.ravel(), atol=1e-6)
    assert list(fig.data[0].x[1][:4]) == ["a", "b", "c", "d"]


def test_decoded_images_grid_has_highest_code_2_on_top():
    images = np.zeros((3, 3, 8, 8))
    images[2] = 1.0  # the top row of codes (j = 2) decodes to full ink
    z = np.asarray(decoded_images_figure(images).data[0].z)
    assert z.shape == (27, 27)
    assert z[:8].max() == z.max() and z[-9:-1].max() < z.max()


def test_decoded_values_one_heatmap_per_feature():
    values = RNG.normal(size=(5, 5, 3))
    fig = decoded_values_figure(np.arange(5), np.arange(5), values, ["x", "y", "z"])
    assert len(fig.data) == 3
    assert np.allclose(fig.data[2].z, values[:, :, 2], atol=1e-6)
    assert [a.text for a in fig.layout.annotations] == ["x", "y", "z"]


def test_reconstruction_loss_adds_the_pca_line():
    fig = reconstruction_loss_figure(np.arange(5), np.ones(5), np.ones(5), baseline=0.7)
    assert [t.name for t in fig.data] == ["train", "test", "PCA"]
    assert list(fig.data[2].y) == [0.7, 0.7]
    assert len(reconstruction_loss_figure(np.arange(5), np.ones(5), None).data) == 1


def test_error_histogram_marks_left_out_and_threshold():
    errors = np.r_[np.full(20, 0.1), np.full(5, 0.9)]
    left_out = np.r_[np.zeros(20, bool), np.ones(5, bool)]
    fig = error_histogram_figure(errors, left_out, 0.5, "digit 7")
    assert [t.name for t in fig.data] == ["trained classes", "digit 7"]
    assert sum(fig.data[0].y) == 20 and sum(fig.data[1].y) == 5
    assert fig.layout.shapes[0].x0 == 0.5
    single = error_histogram_spec(errors, None, 0.5)
    assert len(single["data"]) == 1 and single["data"][0]["y"].sum() == 25


def test_roc_figure_shows_its_area_and_the_threshold_point():
    fig = roc_figure(np.array([0, 0.5, 1]), np.array([0, 1, 1]), 0.75, at=(0.5, 1.0))
    assert fig.layout.title.text == "area 0.750"
    assert (fig.data[2].x[0], fig.data[2].y[0]) == (0.5, 1.0)
