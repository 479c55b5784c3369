"""The autoencoder lab's page driven without a browser: its settings flow through the
shared page frame to its session, its views and its URL."""

import json

from streamlit.testing.v1 import AppTest

SESSION_KEY = "playground:autoencoder"


def _autoencoder_page():
    from playground.labs.autoencoder.lab import AUTOENCODER
    from playground.ui.lab_page import lab_page

    lab_page(AUTOENCODER)


def start(**query) -> AppTest:
    at = AppTest.from_function(_autoencoder_page, default_timeout=60)
    for name, value in query.items():
        at.query_params[name] = value
    return at.run()


def panel_header(at: AppTest) -> dict:
    element = next(e for e in at.main if getattr(e, "type", "") == "bidi_component")
    return json.loads(json.loads(element.proto.json).split("\n")[0])


def slot_keys(at: AppTest) -> list[str]:
    return [slot["key"] for slot in panel_header(at)["slots"]]


def test_the_page_opens_on_digits_with_a_2_unit_code():
    at = start()
    assert not at.exception and at.title[0].value == "Autoencoder"
    session = at.session_state[SESSION_KEY]
    assert session.arch.sizes == (64, 32, 2, 32, 64)
    # no ROC yet, and no gradient norms until the 'How it learns' panel is open
    assert slot_keys(at) == ["code", "pca", "pairs", "map", "loss", "errors", "weights"]
    labels = [label for label, _ in panel_header(at)["stats"]]
    assert labels == ["Training loss", "Test loss", "PCA, 2 components"]


def test_step_trains_and_reset_starts_again():
    at = start()
    at.button(key="step").click().run()
    assert panel_header(at)["epoch"] == 1
    at.button(key="reset").click().run()
    assert panel_header(at)["epoch"] == 0 and not at.exception


def test_leaving_a_digit_out_adds_the_roc_curve_and_its_area():
    at = start()
    at.selectbox(key="set_leave_out_digit").set_value("7").run()
    assert not at.exception
    assert slot_keys(at)[-2:] == ["roc", "weights"]
    assert panel_header(at)["stats"][-1][0] == "ROC area"
    assert at.query_params["leave_out_digit"] == "7"
    assert not (at.session_state[SESSION_KEY].data.y_train == 7).any()


def test_a_new_data_set_gets_its_output_and_learning_rate():
    at = start()
    at.selectbox(key="set_dataset").set_value("s_curve").run()
    session = at.session_state[SESSION_KEY]
    assert not at.exception and session.arch.sizes == (3, 32, 2, 32, 3)
    assert session.network.output == "linear" and session.trainer.learning_rate == 0.01
    shown = {box.key for box in at.selectbox}
    assert "set_leave_out_digit" not in shown and "set_output" in shown  # no classes to leave out


def test_code_size_and_layers_rebuild_the_network():
    at = start(dataset="penguins")
    at.number_input(key="set_code_size").set_value(3).run()
    at.text_input(key="set_encoder").set_value("16,8").run()
    session = at.session_state[SESSION_KEY]
    assert not at.exception and session.arch.sizes == (4, 16, 8, 3, 8, 16, 4)
    assert at.query_params["code_size"] == "3" and at.query_params["encoder"] == "16,8"


def test_a_hostile_url_gets_notes_and_a_working_page():
    at = start(code_size="99", dataset="<b>x</b>", threshold_pct="NaN")
    assert not at.exception
    notes = " ".join(i.value for i in at.info).replace("\\", "")  # notes are escaped Markdown
    assert "'code_size': 99 is above the maximum 16" in notes and "'dataset'" in notes
    assert at.session_state[SESSION_KEY].arch.code_size == 16
    at.button(key="step").click().run()
    assert panel_header(at)["epoch"] == 1
