"""The app's pages: the first lab at the root as before, a home that lists every lab, and
the shared page frame for any lab (a made-up one here), driven without a browser."""

import json

from streamlit.testing.v1 import AppTest

from playground.labs.registry import LABS
from playground.ui import navigation
from tests.ui.page_app import start

HOME = navigation.HOME_SCRIPT
LAB = navigation.LAB_SCRIPT


def panel_header(at: AppTest) -> dict:
    element = next(e for e in at.main if getattr(e, "type", "") == "bidi_component")
    return json.loads(json.loads(element.proto.json).split("\n")[0])


def test_the_root_opens_the_first_lab_with_its_query():
    at = start(dataset="spiral", hidden="8,8")
    assert not at.exception and at.title[0].value == "Neural Network Playground"
    assert at.session_state["lab_shown"] is LABS["classify"]
    assert at.session_state["playground"].settings["hidden"] == (8, 8)
    assert at.query_params["dataset"] == "spiral"


def test_the_home_lists_every_lab_with_what_it_teaches():
    at = start()
    at.switch_page(HOME).run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    for lab in LABS.values():
        assert lab.summary.split(",")[0].replace(" ", "") in text.replace(" ", "").replace("\\", "")
    links = [e for e in at.main if getattr(e, "type", "") == "page_link"]
    assert len(links) == len(LABS)
    assert at.session_state["lab_shown"] is None  # the home is no lab's page
    assert not at.button  # no toolbar: nothing trains here


def test_leaving_a_lab_and_coming_back_finds_it_as_it_was():
    at = start()
    at.button(key="step").click().run()
    at.select_slider(key="set_learning_rate").set_value(0.3).run()
    session = at.session_state["playground"]
    at.switch_page(HOME).run()
    at.switch_page(LAB).run()
    assert not at.exception
    assert at.session_state["playground"] is session and session.epoch == 1
    assert panel_header(at)["epoch"] == 1
    assert at.query_params["learning_rate"] == "0.3"  # its settings back in the address


def test_a_pages_messages_do_not_follow_to_another_page():
    at = start(hidden="abc")
    assert any("hidden" in i.value for i in at.info)
    at.switch_page(HOME).run()
    assert not at.info
    at.switch_page(LAB).run()
    assert not at.exception and not at.info  # said once, on the visit it was about


def _line_page():
    from playground.ui.lab_page import lab_page
    from tests.labs.tiny_lab import LINE

    lab_page(LINE)


def _line(**query) -> AppTest:
    at = AppTest.from_function(_line_page, default_timeout=60)
    for name, value in query.items():
        at.query_params[name] = value
    return at.run()


def test_any_lab_gets_the_toolbar_the_live_views_and_panels_of_its_table():
    at = _line()
    assert not at.exception and at.title[0].value == "A line"
    assert {b.key for b in at.button} >= {"play", "step", "reset"}
    header = panel_header(at)
    assert [slot["key"] for slot in header["slots"]] == ["loss", "weight"]
    assert [label for label, _ in header["stats"]] == ["Training loss", "Test loss"]
    at.button(key="step").click().run()
    assert panel_header(at)["epoch"] == 1
    at.button(key="reset").click().run()
    assert panel_header(at)["epoch"] == 0
    at.button(key="play").click().run()
    assert at.button(key="play").label == "Pause"


def test_any_lab_keeps_its_settings_in_its_url():
    at = _line(points="50", slope="oops")
    session = at.session_state["playground:line"]
    assert session.settings["points"] == 50 and session.settings["slope"] == 2.0
    assert any(
        "slope" in i.value and "oops" in i.value for i in at.info
    )  # the page says what it did not use
    assert {k: at.query_params[k] for k in at.query_params} == {"points": "50", "seed": "0"}
    at.number_input(key="set_points").set_value(80).run()
    assert session.settings["points"] == 80 and at.query_params["points"] == "80"
    assert len(session.dataset[0]) == 80  # a data change reloaded the points
