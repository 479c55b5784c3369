"""The browser's links (live_js/links.js) against the server's (plots/network_links.py), in
real Chromium: the same groups (colour, width, opacity) of the same segments in the same
order for weights on and around every bucket edge, for a gradient's scale, the same hover
texts and number formats, and frames whose values do not fit the figure are refused.

The modules are served from a made-up origin through Playwright's routing, so no app runs.
"""

from __future__ import annotations

import base64
import json
import math
from dataclasses import replace

import numpy as np
import pytest

from playground import config
from playground.labs.classify.session import Playground
from playground.live import figures
from playground.live.model_payload import link_cells_of, links_header
from playground.live.view_settings import LIVE_FRAMES
from playground.plots.network_links import BUCKET_EDGES
from playground.plots.presentation import presentation_spec
from playground.snapshot import take_snapshot
from tests.e2e.test_model_js import ORIGIN, page  # noqa: F401 (the page fixture)

EDGE_VALUES = [0.0, -0.0, 1e-9, -1e-9, *BUCKET_EDGES, *(-e for e in BUCKET_EDGES),
               *(math.nextafter(e, 0) for e in BUCKET_EDGES), 3.0, -7.5]  # fmt: skip


def run(page, body: str, *args):  # noqa: F811 (page: the fixture)
    """Evaluate `body` (an async function body with `links` and `args` in scope)."""
    return page.evaluate(
        f"""async (args) => {{
            const links = await import("{ORIGIN}/links.js");
            {body}
        }}""",
        list(args),
    )


def _session(**changes) -> Playground:
    pg = Playground({**config.defaults(), **changes})
    pg.trainer.run_epochs(5)
    return pg


def _figures(pg: Playground, weights=None):
    """(the server-drawn network figure, the figure for the browser's links, their frame
    header's links), for pg's snapshot (with `weights` put in, if given)."""
    snap = take_snapshot(pg)
    if weights is not None:
        snap.network.weights[:] = weights
    named = figures.with_plot_text_names(snap)
    settings = dict(pg.settings)
    server = figures.network(named, None, settings)
    browser = figures.network(named, None, {**settings, LIVE_FRAMES: True})
    return server, browser, links_header(snap.network, link_cells_of(snap.network))


def _server_groups(figure: dict) -> list:
    """[(colour, width, opacity, segments)] of the figure's link line traces, in order."""
    out = []
    for trace in figure["data"]:
        if trace.get("mode") != "lines":
            continue
        xs, ys = trace["x"], trace["y"]
        segments = [[xs[i], ys[i], xs[i + 1], ys[i + 1]] for i in range(0, len(xs), 3)]
        out.append([trace["line"]["color"], trace["line"]["width"], trace["opacity"], segments])
    return out


BROWSER_GROUPS = """
const [geometry, header] = args;
const values = links.valuesFor(geometry, header);
const drawnBy = values.g || values.w;
return links.linkGroups(geometry.style, drawnBy, values.g ? values.scale : 1).map((group) => {
  const { line: { width }, opacity } = geometry.style.styles[group.bucket];
  const colour = group.positive ? geometry.style.positive : geometry.style.negative;
  return [colour, width, opacity, group.links.map((i) => geometry.segments[i])];
});
"""


@pytest.mark.parametrize(
    "changes",
    [{}, {"dataset": "spiral", "hidden": (8, 8, 8), "features": ("x1", "x2", "sin(x1)")},
     {"dataset": "digits", "hidden": (32,)}, {"dataset": "penguins", "hidden": (12, 4)}],
    ids=["defaults", "spiral-8-8-8", "digits", "penguins"],
)  # fmt: skip
def test_the_browser_groups_the_links_as_the_server(page, changes):  # noqa: F811
    pg = _session(**changes)
    rng = np.random.default_rng(5)
    weights = []
    for w in pg.network.weights:  # every edge value somewhere, the rest spread over buckets
        values = rng.choice([*EDGE_VALUES, *rng.normal(0, 1.2, 40)], size=w.shape)
        weights.append(values)
    server, browser, header = _figures(pg, weights)
    geometry = browser["layout"]["meta"]["links"]
    assert not [t for t in browser["data"] if t.get("mode") == "lines"]  # no link lines sent
    js = run(page, BROWSER_GROUPS, geometry, header)
    assert js == _server_groups(server)


def test_links_drawn_by_a_gradient_are_the_servers(page):  # noqa: F811
    pg = _session(hidden=(3,))
    snap = take_snapshot(pg)
    rng = np.random.default_rng(2)
    grads = ([rng.normal(0, 1e-3, w.shape) for w in snap.network.weights],
             [rng.normal(0, 1e-3, b.shape) for b in snap.network.biases])  # fmt: skip
    named = figures.with_plot_text_names(snap)
    server = figures.network(named, None, dict(pg.settings), gradients=grads)
    network = replace(snap.network, gradients=grads)
    header = links_header(network, link_cells_of(network))
    browser = figures.network(named, None, {**pg.settings, LIVE_FRAMES: True}, gradients=grads)
    js = run(page, BROWSER_GROUPS, browser["layout"]["meta"]["links"], header)
    assert js == _server_groups(server)


def _plain(text: str) -> str:
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&#36;", "$"), ("&#37;", "%"),
                         ("&amp;", "&")):  # fmt: skip
        text = text.replace(entity, char)
    return text.replace("<br>", "\n")


HOVERS = """
const [geometry, header, points] = args;
const values = links.valuesFor(geometry, header);
return points.map((p) => links.hoverText(geometry, values, p));
"""


def test_the_hover_texts_are_the_servers(page):  # noqa: F811
    pg = _session(dataset="spiral3", hidden=(3,))
    server, browser, header = _figures(pg)
    link_trace = next(t for t in server["data"] if t.get("legendgroup") == "link")
    neurons = next(t for t in server["data"] if t.get("name") == "neurons")
    points = [{"data": {"legendgroup": "link"}, "pointNumber": i}
              for i in range(len(link_trace["text"]))]  # fmt: skip
    hidden = [i for i, c in enumerate(neurons["customdata"]) if c[3] is not None]
    points += [{"data": {"name": "neurons"}, "customdata": neurons["customdata"][i]}
               for i in hidden]  # fmt: skip
    js = run(page, HOVERS, browser["layout"]["meta"]["links"], header, points)
    expected = [_plain(t) for t in link_trace["text"]]
    expected += [_plain(neurons["hovertext"][i]) for i in hidden]
    assert js == expected and len(expected) == 2 * 3 + 3 * 3 + 3 + 3  # 2-3-3: links, neurons


def test_a_csv_names_show_as_typed_in_the_hover(page):  # noqa: F811
    geometry = {"names": [["a&lt;b&gt; &#36;1 &#37;"], ["&amp;lt;"]], "cells": [[0, 0, 0]],
                "neurons": [[1, 0]], "activations": ["tanh"], "id": "x"}  # fmt: skip
    values = {"id": "x", "w": _b64([0.5]), "b": _b64([-0.25])}
    js = run(page, HOVERS, geometry, values, [{"data": {"legendgroup": "link"}, "pointNumber": 0}])
    assert js == ["w(a<b> $1 %, &lt;) = 0.500"]


def _b64(values) -> str:
    return base64.b64encode(np.asarray(values, "<f8").tobytes()).decode()


FIXED = [0.0, -0.0, 1.0, -1.0, 0.1234567, -0.0004, 123.456, 0.00012345, 1e-300]
GENERAL = [*FIXED, 1234.5, 1.2345e-5, -9.995e-7, 6.02e23, 0.999, 99.95, -123.4]


def test_number_formats_are_pythons(page):  # noqa: F811
    js = run(page, "return [args[0].map((v) => links.fixed(v, 3)), "
             "args[1].map((v) => links.general(v, 3))];", FIXED, GENERAL)  # fmt: skip
    assert js == [[f"{v:.3f}" for v in FIXED], [f"{v:.3g}" for v in GENERAL]]


def test_number_formats_of_non_finite_values_are_pythons(page):  # noqa: F811
    js = run(page, "return [NaN, Infinity, -Infinity].map((v) => [links.fixed(v, 3), "
             "links.general(v, 3)]);")  # fmt: skip
    values = [float("nan"), float("inf"), float("-inf")]
    assert js == [[f"{v:.3f}", f"{v:.3g}"] for v in values]


@pytest.mark.parametrize(
    "header",
    [{"id": "other", "w": _b64([1.0, 2.0]), "b": _b64([0.0])},
     {"id": "x", "w": _b64([1.0]), "b": _b64([0.0])},
     {"id": "x", "w": "not base64!", "b": _b64([0.0])},
     {"id": "x", "w": _b64([1.0, 2.0]) + "AAAA", "b": _b64([0.0])},
     {"id": "x", "w": {"length": 2}, "b": _b64([0.0])},
     {"id": "x", "w": _b64([1.0, 2.0]), "b": _b64([0.0]), "g": _b64([1.0]), "gb": _b64([0.0]),
      "scale": 1},
     {"id": "x", "w": _b64([1.0, 2.0]), "b": _b64([0.0]), "g": _b64([1.0, 1.0]),
      "gb": _b64([0.0]), "scale": "alert(1)"},
     {"id": "x", "w": "A" * 10_000_000, "b": _b64([0.0])},
     None],
    ids=["other-figure", "too-few", "not-base64", "too-many", "not-a-string", "short-gradient",
         "bad-scale", "huge", "none"],
)  # fmt: skip
def test_values_that_do_not_fit_the_figure_are_refused(page, header):  # noqa: F811
    geometry = {"id": "x", "cells": [[0, 0, 0], [0, 0, 1]], "neurons": [[1, 0]]}
    assert run(page, "return links.valuesFor(args[0], args[1]);", geometry, header) is None
    good = {"id": "x", "w": _b64([1.0, 2.0]), "b": _b64([0.0])}
    assert run(page, "return !!links.valuesFor(args[0], args[1]);", geometry, good)


def test_the_geometry_is_json(page):  # noqa: F811
    """The figure's meta survives JSON (the feed's wire) unchanged."""
    _, browser, header = _figures(_session())
    meta = browser["layout"]["meta"]
    assert json.loads(json.dumps(meta)) == meta and meta["links"]["id"] == header["id"]


def test_presentation_mode_widens_the_browsers_links_as_the_servers(page):  # noqa: F811
    server, browser, header = _figures(_session(hidden=(5, 3)))
    server, browser = presentation_spec(server), presentation_spec(browser)
    js = run(page, BROWSER_GROUPS, browser["layout"]["meta"]["links"], header)
    assert js == _server_groups(server) and js[0][1] > 1.0  # the thinnest bucket, widened
