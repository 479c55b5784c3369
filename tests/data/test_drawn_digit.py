"""A drawn digit becomes 8×8 the way the digits set was made: 32×32 ink counted in 4×4 blocks
(0..16), divided by 16 as load_digits does; drawings are fitted into the box like NIST's
normalized bitmaps; anything but a list of strokes of [x, y] points in 0..1 is refused; a
trained conv net reads drawn digits right."""

import numpy as np
import pytest

from playground.data.assets import digit_arrays
from playground.data.digits import PIXEL_MAX, load_digits
from playground.data.drawn_digit import (
    BITMAP_SIZE,
    MAX_POINTS,
    MAX_STROKES,
    block_counts,
    drawn_digit,
    fit_to_bitmap,
    parse_strokes,
    rasterize,
)


def line(x0, y0, x1, y1, n=20):
    return np.linspace([x0, y0], [x1, y1], n)


def ring(cx=0.5, cy=0.5, rx=0.25, ry=0.4, n=60):
    t = np.linspace(0, 2 * np.pi, n)
    return np.c_[cx + rx * np.cos(t), cy + ry * np.sin(t)]


DRAWN = {
    1: [line(0.5, 0.1, 0.5, 0.9)],
    0: [ring()],
    7: [np.vstack([line(0.2, 0.1, 0.8, 0.1), line(0.8, 0.1, 0.4, 0.9)])],
    4: [np.vstack([line(0.6, 0.1, 0.2, 0.6), line(0.2, 0.6, 0.8, 0.6)]), line(0.6, 0.3, 0.6, 0.9)],
}


def test_block_counts_are_the_ink_of_each_4x4_block_as_the_digits_recipe():
    bitmap = np.random.default_rng(0).random((32, 32)) < 0.4
    counts = block_counts(bitmap)
    by_hand = [[bitmap[4 * r : 4 * r + 4, 4 * c : 4 * c + 4].sum() for c in range(8)]
               for r in range(8)]  # fmt: skip
    assert counts.shape == (8, 8) and counts.tolist() == by_hand
    assert block_counts(np.ones((32, 32), bool)).tolist() == [[16] * 8] * 8
    pixels, _ = digit_arrays()  # the data set's own range: 0..16, so the same scale applies
    assert pixels.min() == 0 and pixels.max() == PIXEL_MAX == 16


def test_a_drawing_is_scaled_as_the_lab_scales_the_digits():
    strokes = DRAWN[7]
    counts = block_counts(rasterize(fit_to_bitmap(strokes)))
    image = drawn_digit(strokes)
    assert image.shape == (8, 8) and np.array_equal(image, counts / 16)
    digits = load_digits(0.5, seed=0)  # the lab's digits: raw pixels / 16 as well
    raw, _ = digit_arrays()
    assert np.isin(digits.X_train * 16, np.arange(17)).all() and raw.max() / 16 == 1.0
    assert image.min() >= 0 and image.max() <= 1 and np.isin(image * 16, np.arange(17)).all()


def test_a_drawing_fills_the_box_wherever_and_however_big_it_was_drawn():
    big = drawn_digit([ring()])
    small = drawn_digit([ring(cx=0.2, cy=0.75, rx=0.05, ry=0.08)])  # in a corner, small
    assert np.array_equal(big, small)
    bitmap = rasterize(fit_to_bitmap([ring()]))
    rows = np.flatnonzero(bitmap.any(axis=1))
    assert rows[0] == 0 and rows[-1] == BITMAP_SIZE - 1  # as every digit's ink, top to bottom
    assert 0.15 < bitmap.mean() < 0.45  # about the scanned digits' ink (~30 % of the box)
    dot = drawn_digit([np.array([[0.9, 0.1]])])  # a single tap: a dot in the middle
    assert dot[3:5, 3:5].min() > 0 and dot.sum() == dot[3:5, 3:5].sum()
    assert drawn_digit([]) is None


def test_strokes_from_the_browser_are_checked_before_use():
    good = [[[0.1, 0.2], [0.3, 0.4]], [[1, 0]]]
    parsed = parse_strokes(good)
    assert [s.tolist() for s in parsed] == [[[0.1, 0.2], [0.3, 0.4]], [[1.0, 0.0]]]
    assert parse_strokes([]) == [] and parse_strokes([[]]) == []
    too_many_points = [[[0.5, 0.5]] * (MAX_POINTS // 2 + 1)] * 2
    hostile = [None, "[[0, 0]]", {"a": 1}, [[[0.1]]], [[[0.1, 0.2, 0.3]]], [[["0", "1"]]],
               [[[True, 0.5]]], [[[float("nan"), 0.5]]], [[[1.5, 0.5]]], [[[-0.1, 0.5]]],
               [[[0.1, float("inf")]]], [[[10**400, 0]]], [[[0, -(10**400)]]],
               [[{"x": 0, "y": 0}]], [[[0.5, 0.5]]] * (MAX_STROKES + 1),
               too_many_points, [[[[0.5, 0.5]]]], [5]]  # fmt: skip
    for value in hostile:
        assert parse_strokes(value) is None, value


@pytest.fixture(scope="module")
def trained_net():
    from playground.labs.convnet.lab import CONVNET

    session = CONVNET.open(CONVNET.defaults())
    for _ in range(20):
        session.step()
    return session.network


def test_a_trained_conv_net_reads_drawn_digits_right(trained_net):
    for digit, strokes in DRAWN.items():
        probs = trained_net.predict(drawn_digit(strokes)[None, None])[0]
        assert probs.argmax() == digit, (digit, probs.round(2))
