"""What goes over the wire: size at the defaults, typed arrays, live settings, specs = figures."""

import json

import numpy as np
import pytest

from benchmarks.figures import LIVE_BUDGET_BYTES, default_inputs, live_figures, live_spec_builders
from playground.plots import UIREVISION, as_figure, figure_json
from playground.plots.arrays import U8_TOP, quantize_u8
from playground.plots.network_geometry import TOP_ROOM_PX


@pytest.fixture(scope="module")
def figures():
    return live_figures(default_inputs())


def test_live_figures_at_defaults_fit_the_budget(figures):
    sizes = {name: len(fig.to_json()) for name, fig in figures.items()}
    assert sum(sizes.values()) <= LIVE_BUDGET_BYTES, sizes


def test_big_arrays_travel_as_png_base64_or_float32(figures):
    boundary = json.loads(figures["boundary"].to_json())
    assert boundary["layout"]["images"][0]["source"].startswith("data:image/png;base64,")
    assert {t["x"]["dtype"] for t in boundary["data"]} == {"f4"}
    network = json.loads(figures["network"].to_json())["layout"]["images"]
    assert all(im["source"].startswith("data:image/png;base64,") for im in network)
    loss = json.loads(figures["loss"].to_json())["data"]
    assert {t["y"]["dtype"] for t in loss} == {"f4"}


def test_every_live_figure_keeps_zoom_never_animates_and_uses_our_small_template(figures):
    for name, fig in figures.items():
        layout = fig.layout
        assert layout.uirevision == UIREVISION
        assert "transition" not in fig.to_plotly_json()["layout"]
        # the network's top margin holds its pixel-sized layer controls
        top = 4 + TOP_ROOM_PX if name == "network" else 30
        assert layout.height > 0 and layout.margin.t <= top
        template = json.dumps(fig.to_plotly_json()["layout"]["template"])
        assert len(template) < 600  # plotly's default template is ~7 KB


def test_spec_json_equals_the_figure_json():
    for name, build in live_spec_builders(default_inputs()).items():
        spec = build()
        from_spec = json.loads(figure_json(spec))
        from_figure = json.loads(as_figure(spec).to_json())
        assert from_spec == from_figure, name


def test_figure_json_is_smaller_and_parses_the_same(figures):
    fig = figures["boundary"]
    assert len(figure_json(fig)) < len(fig.to_json())
    assert json.loads(figure_json(fig)) == json.loads(fig.to_json())
    assert "\\u002f" not in figure_json(fig) and "<" not in figure_json(fig)


def test_quantized_saturation_needs_no_escaped_slash():
    z = quantize_u8(np.ones((50, 50)), 0.0, 1.0)
    assert z.max() == U8_TOP
    spec = {"data": [{"type": "heatmap", "z": z}], "layout": {}}
    assert "\\u002f" not in as_figure(spec).to_json()
