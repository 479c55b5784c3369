"""The "Take the model home" panel through the page (AppTest): the download button is
there with the bundle built when pressed; importing a model.json replaces the network and
the boundary's predictions; a bad file leaves an error and the session as it was."""

import io
import json
import zipfile

import numpy as np
from streamlit.testing.v1 import AppTest

from playground.teaching import bundle
from playground.ui.model_bundle import DOWNLOAD_KEY, IMPORT_KEY
from tests.teaching.bundle_helpers import PENGUINS_ALL, trained
from tests.ui.page_app import start
from tests.ui.test_app_flow import panel_header


def playground(at: AppTest):
    return at.session_state["playground"]


def _import(at: AppTest, name: str, raw: bytes) -> AppTest:
    return at.file_uploader(key=IMPORT_KEY).set_value((name, raw, "application/json")).run()


def test_the_panel_offers_the_download_and_the_importer():
    at = start()
    assert not at.exception
    assert at.file_uploader(key=IMPORT_KEY).label == "Import a model.json"
    assert [e.label for e in at.sidebar.expander][-1] == "Take the model home"
    (button,) = [e for e in at.sidebar if getattr(e, "type", "") == "download_button"]
    assert button.proto.id.endswith(DOWNLOAD_KEY) and button.proto.label == "Download model bundle"
    # Built when pressed (deferred), not at this run: the live feed trains between runs.
    assert button.proto.deferred_file_id and not button.proto.url and button.proto.ignore_rerun


def test_the_bundle_the_button_gives_holds_the_sessions_weights_of_that_moment():
    at = start(dataset="penguins")
    at.button(key="step").click().run()
    pg = playground(at)
    archive = zipfile.ZipFile(io.BytesIO(bundle.bundle_zip(pg)))
    assert sorted(archive.namelist()) == sorted(f"model/{n}" for n in bundle.BUNDLE_FILES)
    model = json.loads(archive.read("model/model.json"))
    assert model["epoch"] == 1 and model["network"]["weights"][0] == pg.network.weights[0].tolist()
    pg.step()  # trained on without a rerun (as the live feed does): the next bundle has it
    assert (
        json.loads(zipfile.ZipFile(io.BytesIO(bundle.bundle_zip(pg))).read("model/model.json"))[
            "epoch"
        ]
        == 2
    )


def test_importing_a_model_json_puts_its_network_on_the_page():
    source = trained(f"dataset=penguins&inputs={PENGUINS_ALL}", epochs=3)
    raw = bundle.bundle_files(source)["model.json"]
    at = start()
    _import(at, "model.json", raw)
    assert not at.exception and not at.error
    pg = playground(at)
    assert pg.settings["dataset"] == "penguins" and pg.epoch == 3
    X = source.dataset.X_test
    assert np.array_equal(pg.network.predict(X), source.network.predict(X))
    notes = [i.value.replace("\\", "") for i in at.info]
    assert any("Imported the model in model.json" in note for note in notes)
    assert any("go on from epoch 3" in note for note in notes)
    assert at.query_params["dataset"] == "penguins"
    boundary = pg.snapshot()  # the views draw the imported network's predictions
    assert boundary.epoch == 3 and boundary.history["epoch"].tolist() == [0, 1, 2, 3]
    assert panel_header(at)["epoch"] == 3  # the counter goes on, and the loss curve
    at.button(key="step").click().run()
    assert playground(at).epoch == 4


def test_a_model_exported_after_a_restored_stop_comes_back_restored():
    source = trained("dataset=xor&noise=50&train_pct=10&hidden=16,16&learning_rate=0.3"
                     "&patience=10&restore_best=true", epochs=0)  # fmt: skip
    while not source.stop_reason():
        source.step()
    best = source.restored().epoch
    at = _import(start(), "model.json", bundle.bundle_files(source)["model.json"])
    assert not at.exception and not at.error
    header = panel_header(at)
    assert header["epoch"] == source.epoch
    stats = dict(header["stats"])
    assert stats["Restored best weights"] == f"epoch {best}"
    assert stats["Test loss"] == f"{source.trainer.history[best]['test_loss']:.3f}"
    assert any(f"of epoch {best}, restored" in i.value.replace("\\", "") for i in at.info)


def test_a_bad_file_gets_a_message_and_changes_nothing():
    at = start()
    at.button(key="step").click().run()
    pg = playground(at)
    params = pg.network.params.copy()
    _import(at, "evil <b>model</b>.json", b'{"format": "nn-playground-bundle", "version": 9}')
    assert not at.exception
    assert playground(at) is pg and pg.epoch == 1 and np.array_equal(pg.network.params, params)
    assert len(at.error) == 1 and "another version" in at.error[0].value
    assert "Nothing was changed" in at.error[0].value
    assert "<b>" not in at.error[0].value.replace("\\<b\\>", "")  # the name shown literally


def test_an_assignments_page_has_no_importer_and_refuses_an_import(monkeypatch):
    from playground.teaching.assignment_codes import SECRET_ENV
    from tests.ui.test_assignment_flow import SECRET, make_link, open_link, teacher

    monkeypatch.setenv(SECRET_ENV, SECRET)
    student = open_link(make_link(teacher()))
    assert not student.exception
    assert IMPORT_KEY not in [u.key for u in student.sidebar.get("file_uploader")]
    assert any("Importing a model is off" in c.value for c in student.sidebar.caption)
    pg = playground(student)
    # a crafted widget message cannot import either (the server's side)
    source = trained(f"dataset=penguins&inputs={PENGUINS_ALL}", epochs=1)
    from playground.ui import model_bundle

    class Upload:
        name = "model.json"

        def getvalue(self):
            return bundle.bundle_files(source)["model.json"]

    monkeypatch.setattr(model_bundle.st, "session_state", {IMPORT_KEY: Upload()})
    monkeypatch.setattr(model_bundle.state, "under_assignment", lambda: True)
    errors = []
    monkeypatch.setattr(model_bundle.state, "report_error", errors.append)
    model_bundle._import_changed()
    assert errors == [model_bundle.ASSIGNMENT_NOTE] and playground(student) is pg


def test_an_imported_model_gives_the_sidebar_widgets_new_keys():
    # As after an edit on the network view: a stale rerun's old widget values must not
    # reach the new session's widgets (state.new_widget_round).
    raw = bundle.bundle_files(trained("dataset=spiral", epochs=2))["model.json"]
    at = start()
    old = {w.key for w in at.sidebar.get("selectbox") if w.key.startswith("set_")}
    _import(at, "model.json", raw)
    new = {w.key for w in at.sidebar.get("selectbox") if w.key.startswith("set_")}
    assert old and new and not old & new
    assert playground(at).settings["dataset"] == "spiral"
