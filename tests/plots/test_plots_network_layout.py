"""Network view layout from 0 to 8 hidden layers of 1 to 64 neurons: texts never overlap at
the nominal plot size, boxes stay big enough to see, output names are the class names."""

import itertools

import numpy as np
import pytest

from playground.network_inputs import InputBox
from playground.plots import network_spec
from playground.plots.network_edit import NetworkEdit
from playground.plots.network_geometry import (
    BOX,
    MAX_SLOTS,
    canvas,
    column_sizes,
    slot_counts,
)
from playground.plots.network_text import text_box
from tests.plots.png_reader import decode_data_uri

EDIT = NetworkEdit(max_layers=8, max_neurons=64)
PENGUIN_INPUTS = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
DIGIT_INPUTS = [f"pixel r{i // 8}c{i % 8}" for i in range(64)]
CLASSES = ("Adelie", "Chinstrap", "Gentoo")


def _spec(hidden, inputs=("x₁", "x₂"), outputs=("P(+1)",), acts=None, g=6, edit=EDIT, notes=False):
    sizes = [len(inputs), *hidden, len(outputs)]
    rng = np.random.default_rng(0)
    grids = [np.tanh(rng.normal(size=(g, g, s))) for s in sizes]
    weights = [rng.normal(size=(a, b)) for a, b in zip(sizes[:-1], sizes[1:], strict=True)]
    labels = [list(inputs), *[[f"n{k}.{i}" for i in range(s)] for k, s in enumerate(hidden)],
              list(outputs)]  # fmt: skip
    acts = acts or ["tanh"] * len(hidden) + ["sigmoid"]
    boxes = [InputBox(name, j, grids[0][:, :, j], note="2,850 – 6,300" if notes else "")
             for j, name in enumerate(inputs)]  # fmt: skip
    spec = network_spec(sizes, labels, grids, weights, [np.zeros(s) for s in sizes[1:]], acts,
                        inputs=boxes, edit=edit)  # fmt: skip
    return spec, sizes


def _px_per_unit(spec, sizes) -> float:
    margin = spec["layout"]["margin"]
    return canvas(slot_counts(column_sizes(sizes)), margin["l"] + margin["r"]).px_per_unit


def _overlaps(boxes):
    """Pairs of (text, text) whose pixel boxes intersect."""
    out = []
    for (ta, a), (tb, b) in itertools.combinations(boxes, 2):
        if a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]:
            out.append((ta, tb))
    return out


LONG_ACTS = ["leaky_relu", "sigmoid", "leaky_relu", "swish", "leaky_relu", "gelu", "elu", "relu"]


@pytest.mark.parametrize("layers", range(9))
@pytest.mark.parametrize("width", [1, 8, 64])
@pytest.mark.parametrize("inputs", [("x₁", "x₂"), tuple(PENGUIN_INPUTS), tuple(DIGIT_INPUTS)])
def test_no_two_texts_overlap_at_the_nominal_size(layers, width, inputs):
    acts = [*LONG_ACTS[:layers], "softmax"]
    spec, sizes = _spec([width] * layers, inputs, CLASSES, acts, notes=True)
    px = _px_per_unit(spec, sizes)
    notes = spec["layout"]["annotations"]
    boxes = [(n["text"], text_box(n, px)) for n in notes]
    assert not _overlaps(boxes)
    # every text inside the figure: its y range and the top and bottom margins, which hold
    # the pixel-sized rows (none cut off at the top or the bottom)
    margin = spec["layout"]["margin"]
    y0, y1 = spec["layout"]["yaxis"]["range"]
    low, high = y0 * px - margin["b"], y1 * px + margin["t"]
    assert all(low <= b[2] and b[3] <= high for _, b in boxes), "a text leaves the figure"


def test_eight_layers_of_64_draw_visible_neuron_images():
    spec, sizes = _spec([64] * 8, g=8)
    px = _px_per_unit(spec, sizes)
    assert BOX * px >= 16  # a box of at least 16 px at a 1500 px wide page
    images = spec["layout"]["images"]
    assert len(images) == 2 + 8 * (MAX_SLOTS - 1) + 1
    assert all(decode_data_uri(im["source"]).shape == (8, 8, 3) for im in images)
    markers = [n["text"] for n in spec["layout"]["annotations"] if n["text"].startswith("+")]
    assert markers.count(f"+{64 - (MAX_SLOTS - 1)}") == 8


def test_few_layers_spread_over_the_width():
    small, sizes = _spec([4, 2])
    wide, wide_sizes = _spec([8] * 8)
    span = small["layout"]["xaxis"]["range"]
    px = _px_per_unit(small, sizes)
    assert (span[1] - span[0]) * px > 0.8 * (520 - 60)  # not a narrow strip in the middle
    assert _px_per_unit(wide, wide_sizes) < px


def test_output_neurons_are_named_by_the_class_names():
    digits = [str(d) for d in range(10)]
    spec, _ = _spec([8], outputs=tuple(digits))
    right = [n["text"] for n in spec["layout"]["annotations"] if n["xanchor"] == "left"]
    assert right == digits
    neurons = next(t for t in spec["data"] if t.get("name") == "neurons")
    assert [c[1] for c in neurons["customdata"][-10:]] == digits


def test_layer_controls_carry_the_whole_new_setting():
    spec, _ = _spec([4, 64])
    buttons = {n.get("name"): n["text"] for n in spec["layout"]["annotations"] if n.get("bgcolor")}
    assert buttons['{"hidden":[5,64]}'] == "+" and buttons['{"hidden":[3,64]}'] == "−"
    assert buttons['{"hidden":[4,63]}'] == "−" and buttons['{"hidden":[4]}'] == "−"
    assert buttons['{"hidden":[4,64,64]}'] == "+"  # a new layer copies the last one's size
    assert '{"hidden":[4,65]}' not in buttons  # 64 is the most: that + is disabled
    clickable = [n for n in spec["layout"]["annotations"] if n.get("captureevents")]
    assert len(clickable) == 5 and all(n.get("name") for n in clickable)


def test_limits_disable_controls_and_no_edit_means_no_controls():
    full, _ = _spec([1] * 8)
    names = [n.get("name") for n in full["layout"]["annotations"] if n.get("captureevents")]
    assert '{"hidden":[1,1,1,1,1,1,1]}' in names  # remove a layer
    assert not any(name.count(",") >= 8 for name in names)  # no ninth layer
    assert not any("[0" in name or ",0" in name for name in names)  # no layer of 0
    empty, _ = _spec([])
    names = [n.get("name") for n in empty["layout"]["annotations"] if n.get("captureevents")]
    assert names == ['{"hidden":[4]}']
    plain, _ = _spec([4, 2], edit=None)
    assert not any(n.get("captureevents") for n in plain["layout"]["annotations"])
