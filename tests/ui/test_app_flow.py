"""The page's flow of settings, driven without a browser (AppTest never fires run_every)."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.markup_corpus import markdown_text
from tests.ui.page_app import start


def panel_header(at: AppTest) -> dict:
    """The header of the live panel's message (epoch, stats, slots, playing, feed)."""
    element = next(e for e in at.main if getattr(e, "type", "") == "bidi_component")
    return json.loads(json.loads(element.proto.json).split("\n")[0])


def epoch_shown(at: AppTest) -> int:
    """The epoch the live panel shows."""
    return panel_header(at)["epoch"]


def playground(at: AppTest):
    return at.session_state["playground"]


def test_page_opens_with_tf_playground_defaults_and_no_exception():
    at = start()
    assert not at.exception and not at.error
    pg = playground(at)
    assert pg.settings["dataset"] == "circle" and pg.spec.sizes == (2, 4, 2, 1)
    assert pg.trainer.learning_rate == 0.03 and pg.epoch == 0
    assert at.button(key="play").label == "Play"


def test_step_advances_one_epoch_and_reset_returns_to_zero():
    at = start()
    at.button(key="step").click().run()
    at.button(key="step").click().run()
    assert playground(at).epoch == 2
    assert epoch_shown(at) == 2
    at.button(key="reset").click().run()
    assert playground(at).epoch == 0


def test_play_toggles_to_pause():
    at = start()
    at.button(key="play").click().run()
    assert playground(at).playing and at.button(key="play").label == "Pause"
    at.button(key="play").click().run()
    assert not playground(at).playing and at.button(key="play").label == "Play"


def test_learning_rate_is_live_and_noise_rebuilds():
    at = start()
    at.button(key="step").click().run()
    at.select_slider(key="set_learning_rate").set_value(0.3).run()
    assert playground(at).epoch == 1 and playground(at).trainer.learning_rate == 0.3
    assert at.query_params["learning_rate"] == "0.3"
    at.slider(key="set_noise").set_value(20).run()
    assert playground(at).epoch == 0 and playground(at).settings["noise"] == 20
    assert at.query_params["noise"] == "20"


def test_adding_a_layer_rebuilds_the_network_and_updates_the_url():
    at = start()
    at.button(key="add_layer").click().run()
    assert playground(at).spec.sizes == (2, 4, 2, 2, 1)
    assert at.query_params["hidden"] == "4,2,2"
    at.number_input(key="set_hidden_0").set_value(7).run()
    assert playground(at).spec.sizes == (2, 7, 2, 2, 1)


def test_url_settings_are_applied():
    at = start(dataset="spiral", hidden="8,8,5", activation="relu", learning_rate="0.01",
               seed="42", noise="10")  # fmt: skip
    pg = playground(at)
    # The URL's values win; spiral's suggested setup gives the rest (four input features).
    assert pg.dataset.name == "spiral" and pg.spec.sizes == (4, 8, 8, 5, 1)
    assert pg.network.activations[:3] == ["relu"] * 3
    assert pg.settings["seed"] == 42 and pg.trainer.learning_rate == 0.01
    [note] = [
        markdown_text(i.value) for i in at.info
    ]  # only the setup's note: nothing else needed one
    assert note.startswith("Suggested setup") and "hidden, activation, learning_rate" in note


@pytest.mark.parametrize(
    "query",
    [
        {"hidden": "4," * 5000},
        {"learning_rate": "NaN", "noise": "-5"},
        {"dataset": "<script>alert(1)</script>"},
        {"batch_size": "1e999", "hidden": "100000"},
        {"seed": "abc", "features": ""},
    ],
)
def test_bad_url_values_fall_back_with_a_visible_note(query):
    at = start(**query)
    assert not at.exception
    assert at.info, "a note should say which URL value was not used"
    pg = playground(at)
    assert len(pg.spec.sizes) <= 10 and max(pg.spec.sizes) <= 64


def test_csv_in_url_without_a_file_starts_with_default_data_and_says_why():
    at = start(dataset="csv")
    assert not at.exception
    assert playground(at).dataset.name == "circle"
    assert any("CSV" in i.value for i in at.info)


def test_divergence_pauses_with_a_plain_message():
    at = start(dataset="plane", learning_rate="10", activation="relu")
    for _ in range(30):
        at.button(key="step").click().run()
        if playground(at).trainer.status == "diverged":
            break
    assert playground(at).trainer.status == "diverged"
    assert not at.exception
    assert any("learning rate" in e.value for e in at.error)


def test_play_after_divergence_shows_one_message_not_two():
    at = start(dataset="plane", learning_rate="10", activation="linear", hidden="8,8,8,8")
    at.button(key="step").click().run()
    assert playground(at).trainer.status == "diverged"
    at.button(key="play").click().run()
    assert not playground(at).playing
    assert len(at.error) == 1 and "learning rate" in at.error[0].value


def test_teacher_can_hide_a_panel_through_the_url():
    at = start(hide="training")
    keys = {w.key for w in at.select_slider}
    assert "set_learning_rate" not in keys
    at = start()
    assert "set_learning_rate" in {w.key for w in at.select_slider}


def test_play_at_the_stop_epoch_explains_instead_of_doing_nothing():
    at = start(max_epochs="2")
    at.button(key="step").click().run()
    at.button(key="step").click().run()
    at.button(key="play").click().run()
    assert not playground(at).playing and at.button(key="play").label == "Play"
    assert any("stop epoch (2)" in markdown_text(e.value) for e in at.error)
