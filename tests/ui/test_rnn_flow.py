"""The sequence lab's page without a browser: the Compare button trains the other cell type
and says what it found; a new cell type drops the comparison and offers the other one."""

from streamlit.testing.v1 import AppTest


def _rnn_page():
    from playground.labs.rnn.lab import SEQUENCES
    from playground.ui.lab_page import lab_page

    lab_page(SEQUENCES)


def _open(**query) -> AppTest:
    at = AppTest.from_function(_rnn_page, default_timeout=60)
    for name, value in query.items():
        at.query_params[name] = value
    return at.run()


def test_compare_trains_the_other_cell_and_a_new_cell_drops_it():
    at = _open(units="4", delay="3")
    assert not at.exception
    assert at.button(key="compare").label == "Compare with LSTM"
    at.button(key="step").click().run()
    at.button(key="compare").click().run()
    session = at.session_state["playground:rnn"]
    assert session.comparison is not None and session.comparison.cell == "lstm"
    said = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "LSTM with the same 4 units and data: 1 epoch in" in said
    at.selectbox(key="set_cell").set_value("lstm").run()
    assert not at.exception and session.comparison is None
    assert at.button(key="compare").label == "Compare with SimpleRNN"


def test_the_optimizer_is_a_setting_of_the_page():
    at = _open(optimizer="sgd")
    session = at.session_state["playground:rnn"]
    assert session.trainer.optimizer == "sgd"
    at.selectbox(key="set_optimizer").set_value("rmsprop").run()
    assert session.trainer.optimizer == "rmsprop" and at.query_params["optimizer"] == "rmsprop"


def test_the_answer_setting_asks_at_the_last_step_only_and_goes_in_the_url():
    at = _open(units="4")
    session = at.session_state["playground:rnn"]
    assert (session.task.y_test[:, 4:] >= 0).all()  # every step from the delay on
    at.selectbox(key="set_answer").set_value("last").run()
    assert not at.exception and at.query_params["answer"] == "last"
    assert (session.task.y_test[:, :-1] == -1).all() and (session.task.y_test[:, -1] >= 0).all()
    at.selectbox(key="set_task").set_value("text").run()
    assert "set_answer" not in {box.key for box in at.selectbox}  # echo's setting only
