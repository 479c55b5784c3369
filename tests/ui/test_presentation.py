"""Presentation mode through the page: from the URL and from its toggle, never a reset."""

from tests.ui.test_app_flow import panel_header, playground, start


def _titles(at) -> list[str]:
    return [t.value for t in at.title]


def test_present_in_the_url_opens_presentation_mode():
    at = start(present="true")
    assert not at.exception
    assert [s["key"] for s in panel_header(at)["slots"]] == ["network", "boundary", "loss"]
    assert _titles(at) == []  # the projector's room goes to the views
    assert at.toggle(key="set_present").value is True


def test_the_toggle_is_on_the_page_and_switches_without_resetting_training():
    at = start()
    assert "Neural Network Playground" in _titles(at)
    assert "set_present" not in {w.key for w in at.sidebar.toggle}
    at.button(key="step").click().run()
    weights = playground(at).network.params.copy()
    at.toggle(key="set_present").set_value(True).run()
    assert at.query_params["present"] == "true"
    assert panel_header(at)["epoch"] == 1  # a view setting: the training goes on
    assert (playground(at).network.params == weights).all()
    assert "weights" not in {s["key"] for s in panel_header(at)["slots"]}
    at.toggle(key="set_present").set_value(False).run()
    assert "present" not in at.query_params
    assert "weights" in {s["key"] for s in panel_header(at)["slots"]}
