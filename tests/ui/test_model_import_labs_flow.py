"""Importing a model.json through the page's uploader on the autoencoder, vision and
sequence labs (AppTest): the panel has the importer; a bundle's model.json puts its model
on the page at its epoch, with a note, and Step trains on; a model of another lab gets a
sentence naming that lab and the page's session stays."""

import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from playground.labs.headless import open_session
from playground.labs.registry import LABS
from playground.teaching import bundle
from playground.ui.model_bundle import IMPORT_KEY
from tests.teaching.bundle_helpers import LAB_QUERIES as QUERIES


def _lab_page(name: str) -> None:
    from playground.labs.registry import LABS
    from playground.ui.lab_page import lab_page

    lab_page(LABS[name])


def _start(name: str) -> AppTest:
    return AppTest.from_function(_lab_page, args=(name,), default_timeout=60).run()


def _session(at: AppTest, name: str):
    return at.session_state[f"playground:{name}"]


def _header(at: AppTest) -> dict:
    panels = [e for e in at.main if getattr(e, "type", "") == "bidi_component"]
    panel = next(e for e in panels if "nn_playground_live_chart" in e.proto.component_name)
    return json.loads(json.loads(panel.proto.json).split("\n")[0])


def _upload(at: AppTest, raw: bytes) -> AppTest:
    return at.file_uploader(key=IMPORT_KEY).set_value(("model.json", raw, "application/json")).run()


def _trained(name: str, epochs: int):
    source = open_session(f"lab={name}&{QUERIES[name]}")
    for _ in range(epochs):
        source.step()
    return source


@pytest.mark.parametrize("name", list(QUERIES))
def test_a_downloaded_model_comes_back_through_the_uploader(name):
    source = _trained(name, 2)
    at = _start(name)
    assert not at.exception
    uploader = at.file_uploader(key=IMPORT_KEY)
    assert uploader.label == "Import a model.json" and LABS[name].title in uploader.help
    assert not any("predict.py" in caption.value for caption in at.sidebar.caption)  # 1st lab's
    before = _session(at, name)
    _upload(at, bundle.bundle_files(source)["model.json"])
    assert not at.exception and not at.error
    session = _session(at, name)
    assert session is not before and session.settings == source.settings
    assert session.epoch == 2 and _header(at)["epoch"] == 2  # the counter goes on
    assert session.network.params.tobytes() == source.network.params.tobytes()
    notes = [info.value.replace("\\", "") for info in at.info]
    assert any("Imported the model in model.json" in n and "go on from epoch 2" in n for n in notes)
    # the page's URL is the model's settings
    assert dict(at.query_params) == LABS[name].to_query(source.settings)
    at.button(key="step").click().run()
    assert not at.exception and _session(at, name).epoch == 3 and _header(at)["epoch"] == 3


def test_a_model_of_another_lab_is_named_and_the_page_stays():
    at = _start("convnet")
    at.button(key="step").click().run()
    session = _session(at, "convnet")
    params = session.network.params.copy()
    _upload(at, bundle.bundle_files(_trained("autoencoder", 1))["model.json"])
    assert not at.exception and len(at.error) == 1
    message = at.error[0].value.replace("\\", "")
    assert "another lab, Autoencoder ('autoencoder'): open that lab's page (/autoencoder)" in (
        message
    )
    assert "Nothing was changed" in message
    assert _session(at, "convnet") is session and session.epoch == 1
    assert np.array_equal(session.network.params, params)
