"""The vision lab's page driven without a browser: the canvas and the dense-vs-conv tools
are there, a drawing reaches the network's views, a hostile drawing message changes
nothing, and one click trains the dense network and shows both side by side."""

import json

import numpy as np
from streamlit.testing.v1 import AppTest

from playground.data.drawn_digit import MAX_POINTS, MAX_STROKES
from playground.ui.draw_digit import SHOWN_KEY, apply_drawing, parse_payload

SESSION_KEY = "playground:convnet"
SEVEN = [[[0.2, 0.15], [0.8, 0.15], [0.45, 0.9]]]


def _convnet_page():
    from playground.labs.convnet.lab import CONVNET
    from playground.ui.lab_page import lab_page

    lab_page(CONVNET)


def start(**query) -> AppTest:
    at = AppTest.from_function(_convnet_page, default_timeout=60)
    for name, value in query.items():
        at.query_params[name] = value
    return at.run()


def components(at: AppTest) -> list:
    return [e for e in at.main if getattr(e, "type", "") == "bidi_component"]


def panel_keys(at: AppTest) -> list[str]:
    panel = next(c for c in components(at) if "nn_playground_live_chart" in c.proto.component_name)
    header = json.loads(json.loads(panel.proto.json).split("\n")[0])
    return [slot["key"] for slot in header["slots"]]


def canvas_data(at: AppTest) -> dict:
    canvas = next(c for c in components(at) if "nn_playground_draw_digit" in c.proto.component_name)
    return json.loads(canvas.proto.json)


class FakeSession:
    drawing = "untouched"

    def set_drawing(self, image):
        self.drawing = image


def test_the_page_has_the_canvas_and_the_comparison_and_a_drawing_gets_views():
    at = start()
    assert not at.exception
    assert canvas_data(at) == {"seq": 0, "strokes": [], "max_strokes": MAX_STROKES,
                               "max_points": MAX_POINTS}  # fmt: skip
    assert [s.value for s in at.subheader][:2] == ["Draw a digit", "Dense vs convolution"]
    assert "drawn" not in panel_keys(at)
    session = FakeSession()
    assert apply_drawing(session, {"seq": 3, "strokes": SEVEN})
    real = at.session_state[SESSION_KEY]
    real.set_drawing(session.drawing)
    at.session_state[SHOWN_KEY] = (3, SEVEN)
    at.run()
    assert panel_keys(at)[:2] == ["drawn", "drawn_maps"] and not at.exception
    assert canvas_data(at)["strokes"] == SEVEN and canvas_data(at)["seq"] == 3


def test_on_the_shapes_there_is_no_canvas_but_a_reason():
    at = start(dataset="shapes")
    assert not any("draw_digit" in c.proto.component_name for c in components(at))
    assert any("Drawing is for the digits" in c.value for c in at.caption)


def test_hostile_drawing_messages_change_nothing():
    hostile = [None, 5, "x", [], {"seq": 1}, {"strokes": SEVEN}, {"seq": -1, "strokes": SEVEN},
               {"seq": True, "strokes": SEVEN}, {"seq": "1", "strokes": SEVEN},
               {"seq": 10**12, "strokes": SEVEN}, {"seq": 1, "strokes": SEVEN, "x": 1},
               {"seq": 1, "strokes": [[[2, 2]]]}, {"seq": 1, "strokes": [[[0.1, 0.1]]] * 999},
               {"seq": 1, "strokes": [[[0.1, 0.1]] * (MAX_POINTS + 1)]},
               {"seq": 1, "strokes": [[[0.1, 0.1]]] * (MAX_STROKES + 1)},
               {"seq": 1, "strokes": [[[float("nan"), 0.1]]]},
               {"seq": 1.5, "strokes": SEVEN}]  # fmt: skip
    session = FakeSession()
    for raw in hostile:
        assert parse_payload(raw) is None and not apply_drawing(session, raw), raw
    assert session.drawing == "untouched"
    assert apply_drawing(session, {"seq": 2.0, "strokes": []}) and session.drawing is None


def test_one_click_trains_the_dense_network_and_shows_both():
    at = start()
    at.button(key="compare_dense").click().run()
    assert any("Train the conv net for an epoch first" in i.value for i in at.info)
    for _ in range(3):
        at.button(key="step").click().run()
    at.button(key="compare_dense").click().run()
    session = at.session_state[SESSION_KEY]
    assert session.comparison.wait(60)
    at.run()
    assert not at.exception
    table = at.table[0].value
    assert list(table.columns) == ["", "Conv net (this page's)", "Dense 64-18-10"]
    rows = dict(zip(table[""], table["Dense 64-18-10"], strict=True))
    assert rows["Parameters"] == "1,360" and rows["Epochs"] == "3"
    conv = dict(zip(table[""], table["Conv net (this page's)"], strict=True))
    assert conv["Parameters"] == "1,370" and conv["Epochs"] == "3"
    assert np.isclose(float(conv["Test accuracy"].rstrip("%")) / 100,
                      session.record()["test_accuracy"], atol=0.0005)  # fmt: skip
