"""The 'How it learns' panel under AppTest: pick a sample, the steps, apply, edit, check."""

import json

import numpy as np
from streamlit.testing.v1 import AppTest

from playground.problem import targets
from playground.teaching import explain_step
from tests.ui.page_app import start


def _open(**query) -> AppTest:
    at = start(**query)
    at.toggle(key="learn_open").set_value(True).run()
    assert not at.exception
    return at


def _live_message(at: AppTest) -> str:
    """What the live panel (the views) was sent on the last run."""
    return next(e for e in at.main if getattr(e, "type", "") == "bidi_component").proto.json


def _latex(at: AppTest) -> str:
    return "\n".join(e.value for e in at.latex)


def test_the_panel_is_off_until_asked_for_then_shows_every_step():
    at = start()
    assert not at.latex and not at.tabs
    at.toggle(key="learn_open").set_value(True).run()
    assert not at.exception and not at.error
    assert [t.label for t in at.tabs] == [
        "1 Inputs",
        "2 Layers",
        "3 Prediction",
        "4 Loss",
        "5 Backprop",
        "6 Update",
        "7 Apply",
        "Mini-batch",
    ]
    text = _latex(at)
    for part in [
        "z^{[1]}_{4}",
        "a^{[3]}_{1}",
        r"\hat y = a^{[L]}",
        r"\delta^{[L]} = \hat y - y",
        r"\delta^{[1]}_{4}",
        r"\partial L}{\partial W^{[2]}}",
        r"w \leftarrow w - \eta",
        "W^{[3]} &= ",
        r"\text{epoch}",
    ]:
        assert part in text, part
    for tab in at.tabs:  # every step has something in it
        assert len(tab.children) > 0


def test_the_numbers_are_the_networks():
    at = _open()
    pg = at.session_state["playground"]
    y_hat = pg.network.predict(pg.dataset.X_train[:1])[0, 0]
    assert rf"\hat y = a^{{[L]}} = \begin{{bmatrix}}{y_hat:.4g}\end{{bmatrix}}" in _latex(at)


def test_picking_a_sample_by_row_and_by_nearest_point():
    at = _open()
    pg = at.session_state["playground"]
    at.number_input(key="learn_row").set_value(7).run()
    inputs = next(d.value for d in at.dataframe if "the network sees" in d.value.columns)
    scaled = inputs["the network sees"].to_numpy()
    np.testing.assert_allclose(scaled, pg.dataset.X_train[7])
    x1, x2 = pg.dataset.raw_train[42]
    at.number_input(key="learn_x1").set_value(float(x1))
    at.number_input(key="learn_x2").set_value(float(x2))
    at.button(key="learn_nearest").click().run()
    assert at.number_input(key="learn_row").value == 42


def test_applying_the_step_lowers_the_samples_loss():
    at = _open()
    pg = at.session_state["playground"]
    X, y = pg.dataset.X_train[:1], pg.dataset.y_train[:1]
    before = pg.network.loss(X, y, "bce")
    at.button(key="learn_apply").click().run()
    rows, shown_before, after = at.session_state["learn_applied"]
    assert rows == 1 and shown_before == before and after < before
    assert pg.network.loss(X, y, "bce") == after and pg.epoch == 0
    at.button(key="learn_apply_batch").click().run()
    assert at.session_state["learn_applied"][0] == pg.trainer.batch_size


def test_a_weight_edited_by_hand_changes_predict_at_once():
    at = _open()
    pg = at.session_state["playground"]
    X = pg.dataset.X_train[:5]
    before, views = pg.network.predict(X), _live_message(at)
    at.number_input(key="learn_layer").set_value(1)
    at.number_input(key="learn_from").set_value(2)
    at.number_input(key="learn_to").set_value(3)
    at.number_input(key="learn_value").set_value(2.5)
    at.button(key="learn_set").click().run()
    assert pg.network.weights[0][1, 2] == 2.5
    assert not np.allclose(pg.network.predict(X), before)
    assert _live_message(at) != views  # the views were drawn again with the new weight
    at.number_input(key="learn_from").set_value(0).run()  # 0 = the bias
    at.number_input(key="learn_value").set_value(-1.0)
    at.button(key="learn_set").click().run()
    assert pg.network.biases[0][2] == -1.0


def test_the_gradient_check_gives_a_verdict():
    at = _open()
    at.button(key="learn_check").click().run()
    assert any("Backpropagation agrees" in e.value for e in at.info)
    assert at.session_state["learn_checked"].rows == 64


def test_digits_are_summarised_and_picked_by_image():
    at = _open(dataset="digits")
    text = _latex(at)
    assert "more terms" in text and r"\text{largest" in text
    assert r"\delta^{[L]} = \hat y - y = \begin{bmatrix}" in text  # 10 outputs: one line
    assert any("each layer is summarised" in c.value for c in at.caption)
    at.button(key="learn_digit_3").click().run()
    assert at.number_input(key="learn_row").value == 3


def test_penguins_show_their_raw_values_in_a_table():
    at = _open(dataset="penguins")
    pg = at.session_state["playground"]
    table = at.dataframe[0].value
    assert list(table.columns) == list(pg.dataset.raw_feature_names)


def _network_figure(at: AppTest) -> dict:
    """The network view's figure as the live panel was sent it on the last run."""
    lines = json.loads(_live_message(at)).split("\n")
    keys = [slot["key"] for slot in json.loads(lines[0])["slots"]]
    return json.loads(lines[1 + keys.index("network")])


def _link_hovers(figure: dict) -> list[str]:
    return next(t["text"] for t in figure["data"] if t.get("mode") == "markers" and "text" in t)


def test_the_links_toggle_draws_the_network_by_the_samples_gradient():
    at = _open()
    assert not any("∂L/∂w" in text for text in _link_hovers(_network_figure(at)))
    at.number_input(key="learn_row").set_value(7).run()
    at.toggle(key="learn_links").set_value(True).run()
    assert not at.exception
    pg = at.session_state["playground"]
    X, y = pg.dataset.X_train[7:8], targets(pg.spec, pg.dataset.y_train[7:8])
    gradient = explain_step(pg.trainer, X, y).layers[0].mean_dW
    hovers = _link_hovers(_network_figure(at))
    names = pg.snapshot().network.node_labels
    first = f"∂L/∂w({names[0][0]}, {names[1][0]}) = {gradient[0, 0]:.3g}"
    assert any(text.startswith(first) for text in hovers), (first, hovers[:2])
    at.toggle(key="learn_links").set_value(False).run()
    assert not any("∂L/∂w" in text for text in _link_hovers(_network_figure(at)))


def test_the_links_can_show_the_trainers_next_mini_batch():
    at = _open()
    at.button(key="step_batch").click().run()  # part-way into an epoch
    at.toggle(key="learn_links").set_value(True).run()
    at.radio(key="learn_links_of").set_value("batch").run()
    assert not at.exception
    pg = at.session_state["playground"]
    rows = pg.trainer.next_batch_rows()
    gradient = explain_step(pg.trainer, *pg.step_source().rows("train", rows)).layers[0].mean_dW
    names = pg.snapshot().network.node_labels
    first = f"∂L/∂w({names[0][0]}, {names[1][0]}) = {gradient[0, 0]:.3g}"
    assert any(text.startswith(first) for text in _link_hovers(_network_figure(at)))
    table = next(d.value for d in at.dataframe if "∂L/∂(chosen)" in d.value.columns)
    np.testing.assert_array_equal(table["row"].to_numpy(), rows)  # the panel's batch, too


def test_with_the_links_on_each_step_is_worked_out_once():
    at = _open()
    at.toggle(key="learn_links").set_value(True).run()
    memo = at.session_state["playground"].learning.memo
    explained = memo.explained
    at.run()  # nothing changed: the links, the panel and the mini-batch reuse their steps
    assert memo.explained == explained
    at.number_input(key="learn_row").set_value(5).run()
    assert memo.explained == explained + 1  # the new sample's step, once for links and panel
