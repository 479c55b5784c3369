"""The network view drawn by ∂L/∂w: the links' colours and widths follow the gradient (its
sign, and |∂L/∂w| against the largest), not the weights, and the hovers show both."""

from collections import Counter

import numpy as np

from playground.plots.colors import BLUE, ORANGE
from playground.plots.network import network_spec
from playground.plots.network_links import BUCKET_STYLE, link_bucket

SIZES = [2, 2, 1]
LABELS = [["x1", "x2"], ["n1", "n2"], ["P(+1)"]]
WEIGHTS = [np.full((2, 2), 2.0), np.full((2, 1), 2.0)]  # all positive and wide
BIASES = [np.zeros(2), np.zeros(1)]
GRAD_W = [np.array([[4e-3, -1e-3], [0.0, -2e-3]]), np.array([[-3e-4], [1e-4]])]
GRAD_B = [np.array([5e-4, -6e-4]), np.array([7e-3])]


def _spec(gradients=None) -> dict:
    return network_spec(SIZES, LABELS, [None, None, None], WEIGHTS, BIASES,
                        ["tanh", "sigmoid"], gradients=gradients)  # fmt: skip


def _drawn(spec) -> Counter:
    """(colour, width) -> how many links are drawn so."""
    lines = [t for t in spec["data"] if t.get("mode") == "lines"]
    return Counter({(t["line"]["color"], t["line"]["width"]): t["x"].count(None) for t in lines})


def test_links_follow_the_gradient_not_the_weights():
    largest = max(float(np.abs(g).max()) for g in GRAD_W)
    expected = Counter()
    for g in np.concatenate([m.ravel() for m in GRAD_W]):
        # the largest |g| gets the widest bucket; the others in proportion
        width = BUCKET_STYLE[link_bucket(g / largest * 1.5)][0]
        expected[(BLUE if g >= 0 else ORANGE, width)] += 1
    assert _drawn(_spec((GRAD_W, GRAD_B))) == expected
    assert expected[(BLUE, BUCKET_STYLE[3][0])] == 1  # only the largest is widest
    assert _drawn(_spec()) == Counter({(BLUE, BUCKET_STYLE[3][0]): 6})  # the weights


def test_hovers_show_the_gradient_beside_the_weight():
    spec = _spec((GRAD_W, GRAD_B))
    links = next(t for t in spec["data"] if t.get("mode") == "markers" and "text" in t)
    assert "∂L/∂w(x1, n1) = 0.004<br>w = 2.000" in links["text"]
    neurons = next(t for t in spec["data"] if t.get("name") == "neurons")
    assert any("∂L/∂b = 0.007" in text for text in neurons["hovertext"])
    plain = _spec()
    assert not any("∂L" in text for t in plain["data"] for text in t.get("text", []))


def test_all_zero_gradients_draw_thin_links():
    zeros = ([np.zeros((2, 2)), np.zeros((2, 1))], [np.zeros(2), np.zeros(1)])
    assert _drawn(_spec(zeros)) == Counter({(BLUE, BUCKET_STYLE[0][0]): 6})
