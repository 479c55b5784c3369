"""Stop conditions on the page (AppTest): the settings are drawn, and once patience stops
training the page says so, from which epoch the weights came back, and Play explains."""

from streamlit.testing.v1 import AppTest

from tests.markup_corpus import markdown_text
from tests.ui.page_app import start

OVERFIT = {"dataset": "xor", "noise": "50", "train_pct": "10", "hidden": "16,16",
           "learning_rate": "0.3"}  # fmt: skip


def infos(at: AppTest) -> list[str]:
    return [markdown_text(e.value) for e in at.info]


def test_the_stop_settings_are_drawn_in_the_training_panel():
    at = start()
    assert at.number_input(key="set_patience").value == 0
    assert at.toggle(key="set_restore_best").value is False
    assert at.selectbox(key="set_stop_metric").value == "off"
    at.selectbox(key="set_stop_metric").set_value("test_accuracy").run()
    assert at.select_slider(key="set_stop_value").value == 0.95
    assert at.query_params["stop_metric"] == "test_accuracy"


def test_patience_stops_restores_and_the_page_says_from_which_epoch():
    at = start(**OVERFIT, patience="10", restore_best="true")
    pg = at.session_state["playground"]
    while not pg.stop_reason():
        pg.step()
    at.run()
    best = pg.stop_watch.restored_epoch
    assert best == pg.epoch - 10
    assert any(f"best weights, from epoch {best}, were restored" in text for text in infos(at))
    at.button(key="play").click().run()
    assert not pg.playing and not at.error  # the note above says why, once
    at.number_input(key="set_patience").set_value(500).run()
    assert not any("were restored" in text for text in infos(at))
    at.button(key="play").click().run()
    assert pg.playing
