"""A table with one usable input column, through the page: upload, every toolbar button,
"Columns to learn from" cut to one column. It used to crash the page (StopIteration)."""

import json

import numpy as np
from streamlit.testing.v1 import AppTest

from playground import config
from tests.one_input_tables import one_input_csv
from tests.ui.page_app import APP
from tests.ui.test_app_flow import panel_header, playground


def figures(at: AppTest) -> dict[str, dict]:
    """Slot key -> figure of the live panel as the page draws it."""
    element = next(e for e in at.main if getattr(e, "type", "") == "bidi_component")
    head, *lines = json.loads(element.proto.json).split("\n")
    keys = [slot["key"] for slot in json.loads(head)["slots"]]
    return {key: json.loads(line) for key, line in zip(keys, lines, strict=True) if line}


def upload(at: AppTest, data: bytes, name: str = "grades.csv") -> AppTest:
    at.file_uploader(key="csv_upload").set_value((name, data, "text/csv")).run()
    return at


def assert_page_works(at: AppTest) -> None:
    assert not at.exception, at.exception
    assert at.sidebar.selectbox(key="csv_target").value == "passed"  # the sidebar is there
    assert panel_header(at)["slots"]


def test_a_two_column_csv_trains_and_every_button_works():
    at = AppTest.from_file(APP, default_timeout=60).run()
    upload(at, one_input_csv())
    assert_page_works(at)
    assert playground(at).dataset.raw_feature_names == ("hours_studied",)
    boundary = figures(at)["boundary"]
    assert boundary["layout"]["xaxis"]["title"]["text"] == "hours_studied"
    assert boundary["data"][0]["mode"] == "lines"  # the prediction as a curve
    for button in config.BUTTONS:  # every toolbar button; Play twice: Play, then Pause
        for _ in range(2 if button.name == "play" else 1):
            at.button(key=button.name).click().run()
            assert_page_works(at)
    assert not playground(at).playing
    before = playground(at).epoch
    at.button(key="step").click().run()
    assert playground(at).epoch == before + 1


def test_leaving_one_column_to_learn_from_draws_the_line_view():
    rows = 40
    x = np.linspace(0, 1, rows)
    table = "a,b,label\n" + "".join(f"{v:.3f},{1 - v:.3f},{int(v > 0.5)}\n" for v in x)
    at = AppTest.from_file(APP, default_timeout=60).run()
    upload(at, table.encode())
    assert playground(at).dataset.raw_feature_names == ("a", "b")
    at.sidebar.multiselect(key="csv_features").set_value(["b"]).run()
    assert not at.exception
    assert playground(at).dataset.raw_feature_names == ("b",)
    assert figures(at)["boundary"]["layout"]["xaxis"]["title"]["text"] == "b"
    at.button(key="step").click().run()
    assert not at.exception and playground(at).epoch == 1
