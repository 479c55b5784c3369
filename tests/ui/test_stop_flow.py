"""Stop conditions on the page (AppTest): the settings are drawn, and once patience stops
training the page says so, from which epoch the weights came back, the stats row shows
that epoch's figures, and Step or Play trains on from the restored weights."""

from streamlit.testing.v1 import AppTest

from tests.markup_corpus import markdown_text
from tests.ui.page_app import start
from tests.ui.test_app_flow import panel_header

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
    at.number_input(key="set_patience").set_value(500).run()
    assert not any("were restored" in text for text in infos(at))
    at.button(key="play").click().run()
    assert pg.playing


def stopped_page() -> tuple[AppTest, object]:
    """The page after patience 10 stopped the overfitting run and restored its best epoch."""
    at = start(**OVERFIT, patience="10", restore_best="true")
    pg = at.session_state["playground"]
    while not pg.stop_reason():
        pg.step()
    return at.run(), pg


def test_after_a_restored_stop_the_stats_row_shows_the_restored_epochs_figures():
    at, pg = stopped_page()
    best = pg.stop_watch.restored_epoch
    header = panel_header(at)
    stats = dict(header["stats"])
    assert header["epoch"] == pg.epoch  # the counter: epochs trained, beside...
    assert stats["Restored best weights"] == f"epoch {best}"  # ...whose weights these are
    assert stats["Test loss"] == f"{pg.trainer.history[best]['test_loss']:.3f}"
    assert stats["Test loss"] != f"{pg.trainer.history[-1]['test_loss']:.3f}"


def test_step_and_play_after_a_restored_stop_train_on_from_the_restored_weights():
    at, pg = stopped_page()
    stopped_at = pg.epoch
    at.button(key="step").click().run()
    assert pg.epoch == stopped_at + 1 and pg.stop_reason() is None  # not restored again
    assert not any("were restored" in text for text in infos(at))
    assert "Restored best weights" not in dict(panel_header(at)["stats"])
    at.button(key="play").click().run()
    assert pg.playing and not at.error


def test_an_assignments_live_line_gives_the_restored_weights_figure():
    from playground.teaching.assignment import Target
    from playground.teaching.assignment_target import progress
    from playground.ui.assignment_task import _status

    _, pg = stopped_page()
    best = pg.stop_watch.restored_epoch
    target = Target("test_accuracy", ">=", 0.99)
    snap = pg.lab.light_snapshot(pg)
    line = _status(target, progress(target, snap.history, pg.settings, pg.lab.table), snap)
    restored = f"{100 * pg.trainer.history[best]['test_accuracy']:.1f}"
    assert f"Epoch {pg.epoch}:" in line and restored in line.split("(")[0]
    assert f"the restored best weights of epoch {best}" in line
