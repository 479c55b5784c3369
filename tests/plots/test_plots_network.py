"""Network view: one figure, neuron heatmaps, grouped links, hover, collapse of wide layers."""

import numpy as np

from playground.plots import network_figure
from playground.plots.arrays import U8_TOP
from playground.plots.colors import BLUE, ORANGE
from playground.plots.network_geometry import COLLAPSED_SHOWN
from playground.plots.network_links import link_bucket

SIZES = [2, 4, 2, 1]


def _network(sizes=SIZES, g=12, with_grids=True, seed=0):
    rng = np.random.default_rng(seed)
    grids = [np.tanh(rng.normal(size=(g, g, s))) if with_grids else None for s in sizes]
    weights = [rng.uniform(-2, 2, (a, b)) for a, b in zip(sizes[:-1], sizes[1:], strict=True)]
    biases = [np.full(s, 0.1) for s in sizes[1:]]
    labels = [[f"L{k}n{i}" for i in range(s)] for k, s in enumerate(sizes)]
    acts = ["tanh"] * (len(sizes) - 2) + ["sigmoid"]
    return network_figure(sizes, labels, grids, weights, biases, acts), weights


def _heatmaps(fig):
    return [t for t in fig.data if t.type == "heatmap"]


def _scatters(fig):
    return [t for t in fig.data if t.type == "scatter"]


def test_one_uint8_heatmap_per_neuron_on_one_hidden_axis_pair():
    fig, _ = _network()
    heatmaps = _heatmaps(fig)
    assert len(heatmaps) == sum(SIZES)
    assert all(h.z.dtype == np.uint8 and h.z.shape == (12, 12) for h in heatmaps)
    assert all(h.coloraxis == "coloraxis" for h in heatmaps)
    assert {t.xaxis for t in fig.data} == {None} and "xaxis2" not in fig.to_plotly_json()["layout"]
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.scaleanchor == "x"
    scale = fig.layout.coloraxis
    assert (scale.cmin, scale.cmax) == (0, U8_TOP)
    assert scale.colorscale[0][1] == ORANGE and scale.colorscale[-1][1] == BLUE
    # layers left to right: every input box is left of every output box
    assert max(h.x0 for h in heatmaps[:2]) < min(h.x0 for h in heatmaps[-1:])


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
    neuron = _heatmaps(fig)[2]  # first hidden neuron
    assert "tanh" in neuron.hovertemplate and "bias 0.100" in neuron.hovertemplate


def test_wide_layer_is_collapsed_with_a_more_label():
    sizes = [64, 16, 10]
    fig, _ = _network(sizes, with_grids=False)
    heatmaps = _heatmaps(fig)
    assert len(heatmaps) == COLLAPSED_SHOWN + COLLAPSED_SHOWN + 10
    labels = next(t for t in _scatters(fig) if t.mode == "text")
    assert "+58 more" in labels.text and "+10 more" in labels.text
    hover = next(t for t in _scatters(fig) if t.mode == "markers")
    assert len(hover.text) == COLLAPSED_SHOWN * COLLAPSED_SHOWN + COLLAPSED_SHOWN * 10


def test_missing_grids_draw_plain_mid_grey_boxes():
    fig, _ = _network(with_grids=False)
    assert all(h.z.shape == (1, 1) and h.z[0, 0] == U8_TOP // 2 for h in _heatmaps(fig))
