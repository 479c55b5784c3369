"""plane_x / plane_y are checked against the data's columns, on the server: a column the
data do not have falls back to the default with a note (check_plane_features used to be
called nowhere, so any text up to 64 characters was taken silently)."""

from streamlit.testing.v1 import AppTest

from playground import config
from playground.labs.classify.session import Playground
from tests.ui.page_app import APP


def penguins(**changes) -> Playground:
    return Playground({**config.defaults(), "dataset": "penguins", **changes})


def test_a_column_the_data_do_not_have_falls_back_with_a_note():
    pg = penguins(plane_x="wing_span_cm", plane_y="bill_depth_mm")
    assert (pg.settings["plane_x"], pg.settings["plane_y"]) == ("", "bill_depth_mm")
    notes = pg.take_notes()
    assert len(notes) == 1 and "wing_span_cm" in notes[0] and "default" in notes[0]
    assert pg.take_notes() == []  # shown once
    assert pg.snapshot().plane.y_name == "bill_depth_mm"


def test_a_plane_feature_changed_on_its_own_is_checked_too():
    pg = penguins()
    assert pg.update({**pg.settings, "plane_x": "flipper_length_mm"}) == "view"
    assert pg.settings["plane_x"] == "flipper_length_mm" and pg.take_notes() == []
    pg.update({**pg.settings, "plane_y": "flipper_length_mm"})
    assert pg.settings["plane_y"] == "" and "differ" in pg.take_notes()[0]


def test_a_new_data_set_starts_at_its_default_plane_without_a_note():
    pg = penguins(plane_x="flipper_length_mm")
    pg.update({**pg.settings, "dataset": "circle"})
    assert pg.settings["plane_x"] == "" and pg.take_notes() == []


def test_a_bad_plane_feature_in_the_url_shows_a_note_and_leaves_the_url():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(dataset="penguins", plane_x="<b>nope</b>", plane_y="body_mass_g")
    at.run()
    assert not at.exception
    assert any("nope" in note.value and "default" in note.value for note in at.info)
    assert at.session_state["playground"].settings["plane_x"] == ""
    assert "plane_x" not in at.query_params and at.query_params["plane_y"] == "body_mass_g"
