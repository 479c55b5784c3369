"""Presentation mode's figures, the plane's square plot area and the neutral hover boxes."""

import numpy as np
import pytest

from playground.plots import boundary_spec, loss_spec, network_spec
from playground.plots.boundary import square_plane
from playground.plots.layout import MINIMAL_TEMPLATE
from playground.plots.presentation import PRESENTATION_SCALE, presentation_spec


def _loss() -> dict:
    return loss_spec(np.arange(5), np.linspace(1, 0.5, 5), np.linspace(1.1, 0.6, 5))


def test_presentation_scales_fonts_margins_and_lines():
    spec = _loss()
    big = presentation_spec(spec)
    s = PRESENTATION_SCALE
    assert big["layout"]["template"]["layout"]["font"]["size"] == 12 * s
    assert big["layout"]["margin"] == {k: v * s for k, v in spec["layout"]["margin"].items()}
    assert big["data"][0]["line"]["width"] == spec["data"][0]["line"]["width"] * s
    assert big["data"][0]["line"]["color"] == spec["data"][0]["line"]["color"]
    assert big["layout"]["xaxis"]["title"]["text"] == "epoch"  # text untouched
    assert big["layout"]["legend"] == spec["layout"]["legend"]  # positions untouched


def test_presentation_leaves_the_original_and_the_shared_template_alone():
    spec = _loss()
    presentation_spec(spec)
    assert spec["layout"]["template"] is MINIMAL_TEMPLATE
    assert MINIMAL_TEMPLATE["layout"]["font"]["size"] == 12
    assert spec["data"][0]["line"]["width"] == 2


def test_presentation_scales_annotations_but_not_data_coordinates():
    spec = network_spec([2, 3, 1], [["x1", "x2"], ["a", "b", "c"], ["out"]], [None] * 3,
                        [np.ones((2, 3)), np.ones((3, 1))], [np.zeros(3), np.zeros(1)],
                        ["tanh", "sigmoid"])  # fmt: skip
    big = presentation_spec(spec)
    note, big_note = spec["layout"]["annotations"][0], big["layout"]["annotations"][0]
    assert big_note["font"]["size"] == note["font"]["size"] * PRESENTATION_SCALE
    assert (big_note["x"], big_note["y"]) == (note["x"], note["y"])
    assert big["layout"]["images"] == spec["layout"]["images"]
    assert big["layout"]["xaxis"]["range"] == spec["layout"]["xaxis"]["range"]


@pytest.mark.parametrize(("xs", "ys"), [((-6, 6), (-6, 6)), ((32, 60), (13, 22))])
def test_square_plane_makes_equal_spans_take_equal_pixels(xs, ys):
    grid_x, grid_y = np.linspace(*xs, 50), np.linspace(*ys, 50)
    axis = square_plane(grid_x, grid_y)
    assert axis["scaleanchor"] == "x" and axis["constrain"] == "domain"
    half_x, half_y = (grid_x[1] - grid_x[0]) / 2, (grid_y[1] - grid_y[0]) / 2
    span_x, span_y = np.ptp(grid_x) + 2 * half_x, np.ptp(grid_y) + 2 * half_y
    # one y unit takes scaleratio x units of pixels: y span in x-pixels == x span
    assert axis["scaleratio"] * span_y == pytest.approx(span_x)


def test_boundary_plane_is_square_and_constrained_on_both_axes():
    xs = ys = np.linspace(-1, 1, 10)
    spec = boundary_spec(xs, ys, np.full((10, 10), 0.5), "binary", np.zeros((2, 2)),
                         np.array([0, 1]))  # fmt: skip
    layout = spec["layout"]
    assert layout["yaxis"]["scaleanchor"] == "x" and layout["yaxis"]["scaleratio"] == 1.0
    assert layout["xaxis"]["constrain"] == layout["yaxis"]["constrain"] == "domain"


def test_hover_boxes_are_white_with_dark_text_not_the_trace_colour():
    hover = MINIMAL_TEMPLATE["layout"]["hoverlabel"]
    assert hover["bgcolor"] == "white"
    assert hover["font"]["color"] == MINIMAL_TEMPLATE["layout"]["font"]["color"]


def test_presentation_scales_annotation_offsets_with_their_text():
    # The network's - / + buttons sit beside their labels by pixel offsets: text 1.5x as
    # large with the same offsets ran into them.
    spec = {"layout": {"annotations": [{"text": "+", "xshift": 40, "yshift": 12,
                                        "font": {"size": 11}}]}}  # fmt: skip
    note = presentation_spec(spec, 1.5)["layout"]["annotations"][0]
    assert (note["xshift"], note["yshift"], note["font"]["size"]) == (60, 18, 16.5)
