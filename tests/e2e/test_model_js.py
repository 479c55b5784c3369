"""The browser's forward pass (live_js/model.js, paint.js) against the engine and the data
layer, in real Chromium: every activation of the engine's registry, every 2-D input
feature, the standardization of a table's plane, and the colour levels of each kind of
surface, on the same inputs, to 1e-9 (levels exactly, but for an odd rounding tie).

The modules are served from a made-up origin through Playwright's routing, so no app runs.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from playground import config
from playground.data import FEATURES_2D
from playground.data.features import expand_features
from playground.engine.activations import ACTIVATIONS
from playground.labs.classify.session import Playground
from playground.live.model_payload import model_header, paint_spec
from playground.plots import boundary_surface as surface
from playground.plots.arrays import quantize_u8
from playground.snapshot import plane_axes, take_snapshot
from tests.e2e.js_page import live_js_page

ORIGIN = "http://model-js.test"
TOLERANCE = 1e-9
# Around zero densely (where the activations bend), far out where they saturate or overflow.
Z = np.concatenate([np.linspace(-6, 6, 241), [-800.0, -40.0, -1e-12, 0.0, 1e-12, 40.0, 800.0]])


@pytest.fixture(scope="module")
def page(chromium_context):
    """A page of ORIGIN whose /name.js is live_js/name.js."""
    yield from live_js_page(chromium_context, ORIGIN, "model.js")


def run(page, body: str, *args):
    """Evaluate `body` (an async function body with `model`, `paint` and `args` in scope)."""
    return page.evaluate(
        f"""async (args) => {{
            const model = await import("{ORIGIN}/model.js");
            const paint = await import("{ORIGIN}/paint.js");
            {body}
        }}""",
        list(args),
    )


def engine(name: str, z: np.ndarray) -> np.ndarray:
    out = np.empty_like(z)
    ACTIVATIONS[name].forward(z.copy(), out)
    return out


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_every_activation_agrees_with_the_engine(page, name):
    rows = Z.reshape(-1, 4)[: len(Z) // 4] if name == "softmax" else Z.reshape(-1, 1)
    js = run(page, "const v = Float64Array.from(args[1]);"
             "model.applyActivation(args[0], v, args[2], args[3]); return Array.from(v);",
             name, rows.ravel().tolist(), *rows.shape)  # fmt: skip
    np.testing.assert_allclose(np.array(js).reshape(rows.shape), engine(name, rows),
                               rtol=0, atol=TOLERANCE)  # fmt: skip


def test_the_scripts_know_every_activation_of_the_registry(page):
    names = run(page, "return [...Object.keys(model.ACTIVATIONS), 'softmax'];")
    assert sorted(names) == sorted(ACTIVATIONS)


@pytest.mark.parametrize("feature", FEATURES_2D)
def test_every_input_feature_agrees_with_the_data_layer(page, feature):
    points = np.random.default_rng(3).uniform(-6, 6, size=(200, 2))
    recipe = {"formulas": [feature], "constants": [0.0], "mean": None, "scale": None}
    js = run(page, "return args[1].map(([u, v]) => model.pointInputs(args[0], u, v, [0])[0]);",
             recipe, points.tolist())  # fmt: skip
    np.testing.assert_allclose(js, expand_features(points, (feature,))[:, 0], rtol=0,
                               atol=TOLERANCE)  # fmt: skip


def _session(**changes) -> Playground:
    pg = Playground({**config.defaults(), **changes})
    pg.trainer.run_epochs(30)
    return pg


def _forward_and_grid(page, pg: Playground):
    """(the browser's grid inputs, its output layer) for pg's model payload, and pg's own."""
    snap = take_snapshot(pg)
    target = (pg.dataset.target_mean, pg.dataset.target_scale)
    payload = model_header(snap, paint_spec(snap, pg.settings, target))
    js = run(
        page,
        """
        const m = args[0]; const size = m.plane.size;
        const X = model.gridInputs(m.plane, size);
        const outputs = model.forward(model.layersOf(m), X, size * size);
        return [Array.from(X), Array.from(outputs[outputs.length - 1])];""",
        payload,
    )
    return payload, snap, np.array(js[0]), np.array(js[1])


@pytest.mark.parametrize(
    "changes",
    [{}, {"dataset": "spiral", "features": tuple(FEATURES_2D), "hidden": (8, 8),
          "activation": "relu"},
     {"dataset": "penguins", "hidden": (5,)},
     {"dataset": "penguins", "problem": "regression", "hidden": (4,)}],
    ids=["defaults", "spiral-all-features", "penguins", "penguins-regression"],
)  # fmt: skip
def test_the_browser_computes_the_planes_inputs_and_outputs_as_the_server(page, changes):
    pg = _session(**changes)
    _, snap, X, output = _forward_and_grid(page, pg)
    plane = pg.dataset.plane(axes=plane_axes(pg), resolution=snap.plane.recipe.size)
    np.testing.assert_allclose(X.reshape(plane.X.shape), plane.X, rtol=0, atol=TOLERANCE)
    expected = pg.network.predict(plane.X)
    np.testing.assert_allclose(output.reshape(expected.shape), expected, rtol=0, atol=TOLERANCE)


def _server_levels(snap, settings) -> np.ndarray:
    """The server's surface levels z (G, G), row 0 at the bottom (before its PNG)."""
    plane, task = snap.plane, snap.task
    if task == "binary":
        if settings["discretize"]:
            return np.where(plane.values >= 0.5, 250, 0)
        return quantize_u8(plane.values, 0.0, 1.0)
    if task == "regression":
        low, high = surface.target_range(plane.train_labels, plane.test_labels)
        return quantize_u8(plane.values, low, high)
    k = plane.values.shape[-1]
    levels = surface.class_levels(k)
    predicted = plane.values.argmax(axis=-1)
    if settings["discretize"]:
        return predicted * levels + levels - 1
    certainty = (plane.values.max(axis=-1) - 1 / k) / (1 - 1 / k)
    return predicted * levels + np.rint(np.clip(certainty, 0, 1) * (levels - 1))


@pytest.mark.parametrize(
    "changes",
    [{}, {"discretize": True}, {"dataset": "spiral3"}, {"dataset": "spiral3", "discretize": True},
     {"dataset": "penguins", "problem": "regression", "hidden": (4,)},
     {"loss": "squared_error"}],
    ids=["binary", "binary-discretized", "multiclass", "multiclass-discretized", "regression",
         "tanh-output"],
)  # fmt: skip
def test_the_browsers_colour_levels_are_the_servers(page, changes):
    pg = _session(**changes)
    payload, snap, _, output = _forward_and_grid(page, pg)
    units = snap.network.sizes[-1]
    js = run(page, "return Array.from(paint.surfaceLevels(args[0], Float64Array.from(args[1]),"
             " args[2], args[3]));", payload["paint"], output.tolist(), len(output) // units,
             units)  # fmt: skip
    server = _server_levels(snap, pg.settings).reshape(-1)
    differ = np.flatnonzero(np.array(js) != server)
    # Only a value on a rounding tie may land on the other level (last-bit differences).
    assert len(differ) <= 2 and np.all(np.abs(np.array(js)[differ] - server[differ]) <= 1)


def test_quantize_rounds_halves_to_even_as_numpy(page):
    values = [0.002, 0.006, 0.5, 1.0, -1.0, 2.0, float("nan")]
    js = run(page, "return args[0].map((v) => paint.quantize(v === null ? NaN : v, 0, 1));",
             [None if np.isnan(v) else v for v in values])  # fmt: skip
    assert js == quantize_u8(np.array(values), 0.0, 1.0).tolist()


def test_a_payload_is_json(page):
    """The model header survives JSON (the feed's wire) unchanged."""
    pg = _session()
    snap = take_snapshot(pg)
    payload = model_header(snap, paint_spec(snap, pg.settings))
    assert json.loads(json.dumps(payload)) == payload
