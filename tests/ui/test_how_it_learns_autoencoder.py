"""'How it learns' on the autoencoder's page under AppTest: the same panel, through what
the lab offers (its rows, its Dense network): the prediction is the reconstruction, the
loss is against the input, 64-32-2-32-64 is summarised; apply, edit, check."""

import numpy as np
import pytest

from tests.ui.test_autoencoder_flow import SESSION_KEY, slot_keys, start


def _open(**query):
    at = start(**query)
    at.toggle(key="learn_open").set_value(True).run()
    assert not at.exception and not at.error
    return at


def _latex(at) -> str:
    return "\n".join(e.value for e in at.latex)


def test_the_seven_steps_show_the_reconstruction_and_its_loss_against_the_input():
    at = _open()
    session = at.session_state[SESSION_KEY]
    assert len(at.tabs) == 8
    text = _latex(at)
    assert r"\hat y = a^{[L]} \in \mathbb{R}^{64}" in text  # 64 numbers: not written out
    assert r"L &= \tfrac12 \big[" in text and "more terms" in text  # the sum summarised
    assert r"\delta^{[L]} = (\hat y - y) \odot f'(z^{[L]})" in text  # sigmoid + squared error
    assert "z^{[3]}_{" in text and r"\text{largest" in text  # one neuron in full per layer
    x = session.data.X_train[0]
    copy = session.network.predict(x[None])[0]
    table = next(d.value for d in at.dataframe if "ŷ − x" in d.value.columns)
    np.testing.assert_allclose(table["x"].to_numpy(), x)
    np.testing.assert_allclose(table["ŷ"].to_numpy(), copy)
    assert any("the input x itself" in c.value for c in at.caption)
    assert any(c.value.startswith(r"4\,354 parameters") for c in at.caption)  # 64-32-2-32-64


def test_a_digit_picked_by_its_image_is_the_sample_and_its_step_lowers_its_loss():
    at = _open()
    session = at.session_state[SESSION_KEY]
    at.button(key="learn_digit_5").click().run()
    assert at.number_input(key="learn_row").value == 5
    X = session.data.X_train[5:6]
    before = session.network.loss(X, X, "mse")
    at.button(key="learn_apply").click().run()
    rows, shown_before, after = at.session_state["learn_applied"]
    assert rows == 1 and shown_before == pytest.approx(before, rel=1e-12) and after < before
    assert session.network.loss(X, X, "mse") == after


def test_the_trainers_next_mini_batch_is_shown_and_its_step_taken():
    at = _open()
    session = at.session_state[SESSION_KEY]
    rows = session.trainer.next_batch_rows()
    table = next(d.value for d in at.dataframe if "∂L/∂(chosen)" in d.value.columns)
    np.testing.assert_array_equal(table["row"].to_numpy(), rows)
    at.button(key="learn_apply_batch").click().run()
    assert session.trainer.batch == 1  # the trainer's own step
    assert at.session_state["learn_applied"][0] == len(rows)


def test_a_weight_edited_by_hand_changes_the_copy_at_once_and_the_check_agrees():
    at = _open()
    session = at.session_state[SESSION_KEY]
    X = session.data.X_train[:5]
    before = session.network.predict(X)
    at.number_input(key="learn_layer").set_value(4)
    at.number_input(key="learn_from").set_value(3)
    at.number_input(key="learn_to").set_value(10)
    at.number_input(key="learn_value").set_value(7.5)
    at.button(key="learn_set").click().run()
    assert session.network.layers[3].weights[2, 9] == 7.5
    assert not np.allclose(session.network.predict(X), before)
    at.button(key="learn_check").click().run()
    assert any("Backpropagation" in e.value for e in at.info)
    result = at.session_state["learn_checked"]
    assert result.rows == 64 and len(result.worst) == 4


def test_the_gradient_norms_join_the_live_views_while_the_panel_is_open():
    at = _open()
    assert "grad_norms" not in slot_keys(at)  # no step yet: nothing to draw
    at.button(key="step").click().run()
    assert "grad_norms" in slot_keys(at)
    at.toggle(key="learn_open").set_value(False).run()
    assert "grad_norms" not in slot_keys(at)


def test_the_copy_is_drawn_on_its_inputs_scale():
    from playground.ui.learn_sample import digit_image

    faint = np.full(4, 0.5)
    assert digit_image(faint, (2, 2), scale=1).max() == 0  # on its own scale: all ink
    assert digit_image(faint, (2, 2), scale=1, top=1.0).max() == 127  # as faint as it is
