"""Network view: one figure, neuron images, grouped links, hover, collapse of wide layers."""

import numpy as np

from playground.plots import network_figure
from playground.plots.colors import BLUE, GREY, ORANGE, hex_to_rgb
from playground.plots.network_geometry import MAX_SLOTS
from playground.plots.network_links import link_bucket
from tests.plots.png_reader import decode_data_uri

SIZES = [2, 4, 2, 1]


def _network(sizes=SIZES, g=12, with_grids=True, seed=0):
    rng = np.random.default_rng(seed)
    grids = [np.tanh(rng.normal(size=(g, g, s))) if with_grids else None for s in sizes]
    weights = [rng.uniform(-2, 2, (a, b)) for a, b in zip(sizes[:-1], sizes[1:], strict=True)]
    biases = [np.full(s, 0.1) for s in sizes[1:]]
    labels = [[f"L{k}n{i}" for i in range(s)] for k, s in enumerate(sizes)]
    acts = ["tanh"] * (len(sizes) - 2) + ["sigmoid"]
    return network_figure(sizes, labels, grids, weights, biases, acts), weights


def _images(fig):
    return list(fig.layout.images)


def _neuron_hover(fig):
    return next(t for t in fig.data if t.name == "neurons")


def _scatters(fig):
    return [t for t in fig.data if t.type == "scatter"]


def test_one_png_per_neuron_on_one_hidden_axis_pair():
    rng = np.random.default_rng(0)
    grids = [np.tanh(rng.normal(size=(12, 12, s))) for s in SIZES]
    grids[0][:, :, 0] = -1.0  # the first input neuron entirely negative: orange
    weights = [rng.uniform(-2, 2, (a, b)) for a, b in zip(SIZES[:-1], SIZES[1:], strict=True)]
    labels = [[f"L{k}n{i}" for i in range(s)] for k, s in enumerate(SIZES)]
    fig = network_figure(SIZES, labels, grids, weights, [np.zeros(s) for s in SIZES[1:]],
                         ["tanh", "tanh", "sigmoid"])  # fmt: skip
    images = _images(fig)
    assert len(images) == sum(SIZES)
    assert all(decode_data_uri(im.source).shape == (12, 12, 3) for im in images)
    assert np.all(decode_data_uri(images[0].source) == hex_to_rgb(ORANGE))
    assert all((im.xref, im.yref, im.sizing) == ("x", "y", "stretch") for im in images)
    assert [t.type for t in fig.data].count("heatmap") == 0
    assert {t.xaxis for t in fig.data} == {None} and "xaxis2" not in fig.to_plotly_json()["layout"]
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.scaleanchor == "x"
    # layers left to right: every input box is left of every output box
    assert max(im.x for im in images[:2]) < min(im.x for im in images[-1:])
    # names, headers and frames live in the layout (unchanged while training), not in traces
    texts = [note.text for note in fig.layout.annotations]
    assert {"L0n0", "L0n1", "L3n0", "input", "output", "tanh", "sigmoid"} <= set(texts)
    (outline,) = fig.layout.shapes
    assert outline.type == "path" and outline.path.count("Z") == sum(SIZES)
    assert not any(t.mode == "text" for t in _scatters(fig))


def test_links_are_few_traces_grouped_by_sign_and_bucket():
    fig, weights = _network()
    lines = [t for t in fig.data if t.type == "scatter" and t.mode == "lines"]
    links = [t for t in lines if t.line.color in (ORANGE, BLUE)]
    n_links = sum(w.size for w in weights)
    assert len(links) <= 8
    assert sum(list(t.x).count(None) for t in links) == n_links
    groups = {(w >= 0, link_bucket(w)) for m in weights for w in m.ravel()}
    assert len(links) == len(groups)
    widths = sorted({t.line.width for t in links})
    assert len(widths) > 1  # |w| sets the width


def test_hover_carries_weights_and_neuron_details():
    fig, weights = _network()
    hover = next(t for t in _scatters(fig) if t.mode == "markers")
    assert len(hover.text) == sum(w.size for w in weights)
    assert f"{weights[0][0, 0]:.3f}" in hover.text[0] and "L0n0" in hover.text[0]
    neuron = _neuron_hover(fig).hovertext[2]  # first hidden neuron
    assert "tanh" in neuron and "bias 0.100" in neuron


def test_wide_layer_is_collapsed_with_a_more_marker():
    sizes = [64, 16, 10]
    fig, _ = _network(sizes, with_grids=False)
    shown = MAX_SLOTS - 1
    assert len(_images(fig)) == shown + shown + 10  # ten outputs fit: digits show 0-9
    labels = [note.text for note in fig.layout.annotations]
    assert "+55" in labels and "+7" in labels and not any("more" in t for t in labels)
    hover = next(t for t in _scatters(fig) if t.mode == "markers")
    assert len(hover.text) == shown * shown + shown * 10


def test_missing_grids_draw_plain_mid_grey_boxes():
    fig, _ = _network(with_grids=False)
    for image in _images(fig):
        pixels = decode_data_uri(image.source)
        assert pixels.shape == (1, 1, 3)
        assert np.abs(pixels[0, 0].astype(int) - hex_to_rgb(GREY)).max() <= 3
