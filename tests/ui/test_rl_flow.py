"""The reinforcement lab's page driven without a browser: its toolbar and counter speak of
moves and episodes, and a clicked cell (the live element's pick trigger, which AppTest
cannot fire, delivered here as the element would) is inspected or painted, validated on the
server, with the URL following."""

import json

from streamlit.testing.v1 import AppTest

SESSION_KEY = "playground:rl"
CLICK_KEY = "test_click"  # what the test hands to the page as the next click


def _rl_page():
    import streamlit as st

    from playground.labs.rl.lab import RL
    from playground.ui import state
    from playground.ui.lab_page import lab_page
    from playground.ui.rl_pick import apply_cell_click

    click = st.session_state.pop("test_click", None)
    if click is not None:  # as the live element's "pick" trigger delivers it
        state.set_lab(RL)
        st.session_state["test_live"] = {"pick": click}
        apply_cell_click("test_live")
    lab_page(RL)


def start(**query) -> AppTest:
    at = AppTest.from_function(_rl_page, default_timeout=60)
    for name, value in query.items():
        at.query_params[name] = value
    return at.run()


def click(at: AppTest, payload) -> AppTest:
    at.session_state[CLICK_KEY] = payload
    return at.run()


def panel_header(at: AppTest) -> dict:
    element = next(e for e in at.main if getattr(e, "type", "") == "bidi_component")
    return json.loads(json.loads(element.proto.json).split("\n")[0])


def errors(at: AppTest) -> list[str]:
    """The page's error messages as the user reads them (plain text is sent escaped)."""
    return [e.value.replace("\\", "") for e in at.error]


def layout(at: AppTest) -> list[str]:
    return list(at.session_state[SESSION_KEY].env.layout)


def test_the_counter_counts_episodes_and_step_move_makes_one_move():
    at = start(start="fixed")
    assert not at.exception and at.title[0].value == "Reinforcement learning"
    assert at.button(key="step_batch").label == "Step move"
    captions = [c.value.replace("\\", "") for c in at.sidebar.caption]
    assert "Changing the world starts the agent again (new weights, episode 0)." in captions
    at.button(key="step_batch").click().run()
    session = at.session_state[SESSION_KEY]
    assert session.agent.steps == 1 and panel_header(at)["epoch"] == 0
    at.button(key="step").click().run()
    header = panel_header(at)
    assert header["counter"] == "Episode" and header["epoch"] == 1


def test_play_at_the_stop_episode_says_which_setting_to_raise():
    at = start(max_episodes="1")
    at.button(key="step").click().run()
    at.button(key="play").click().run()
    assert not at.exception
    assert errors(at) == [
        'Training reached its stop episode (1): raise "Stop after episodes" (0 = never '
        "stop) or press Reset to play again."
    ]


def test_inspecting_a_clicked_cell_shows_its_q_values_and_keeps_it_in_the_url():
    at = start()
    click(at, {"row": 4, "column": 2})
    assert not at.exception
    assert at.query_params["cell_row"] == "5" and at.query_params["cell_column"] == "3"
    assert at.session_state[SESSION_KEY].snapshot().picked == 4 * 6 + 2
    assert layout(at)[4] == "......"  # inspecting paints nothing


def test_a_clicked_cell_is_painted_and_the_layout_goes_to_the_url():
    at = start()
    at.pills(key="rl_click").set_value("wall").run()
    click(at, {"row": 1, "column": 2})
    assert not at.exception and not at.error
    assert layout(at)[1] == "..#..."
    assert at.query_params["layout"] == "S...../..#.../....../....../....../.....G"
    menu = at.selectbox(key="set_layout")
    assert menu.value == "S...../..#.../....../....../....../.....G"
    assert "Your own (6 × 6)" in menu.options  # named by its size, not its raw rows
    at.pills(key="rl_click").set_value("start").run()
    click(at, {"row": 5, "column": 0})
    assert layout(at)[0] == "......" and layout(at)[5] == "S....G"  # the start moved


def test_a_layout_the_checks_refuse_gets_a_message_and_changes_nothing():
    at = start()
    at.button(key="step").click().run()
    at.pills(key="rl_click").set_value("empty").run()
    click(at, {"row": 5, "column": 5})  # the only goal
    assert errors(at) == [
        "The cell at row 6, column 6 stays as it is: a layout needs at least one goal G."
    ]
    session = at.session_state[SESSION_KEY]
    assert layout(at)[5] == ".....G" and session.epoch == 1  # the agent goes on
    assert "layout" not in at.query_params


def test_a_hostile_click_payload_is_ignored():
    at = start()
    at.pills(key="rl_click").set_value("wall").run()
    for payload in ({"row": 99, "column": 0}, {"row": 0, "column": 0, "kind": "G"},
                    "[" * 5000, {"row": "1", "column": "1"}, None, 42):  # fmt: skip
        click(at, payload)
        assert not at.exception and not at.error
    assert layout(at) == ["S.....", *["......"] * 4, ".....G"]
    assert "layout" not in at.query_params
