"""Assignments on the page (AppTest): a teacher makes a link, a student's page opens it
with its hidden and locked controls held on the server, checks the target, shows the
result card, and the teacher's checker tells genuine codes from forged ones; a tampered
link falls back with a note."""

from urllib.parse import parse_qs, urlparse

import pytest
from streamlit.testing.v1 import AppTest

from playground.teaching.assignment_codes import SECRET_ENV
from tests.ui.page_app import start
from tests.ui.test_app_flow import playground

SECRET = "a-class-secret-of-32-characters!"
TITLE = "XOR **bold** [link](http://evil.example) <b>"


@pytest.fixture
def secret(monkeypatch):
    monkeypatch.setenv(SECRET_ENV, SECRET)
    return SECRET


def make_link(at: AppTest, *, hide=("dataset",), lock=("learning_rate",), value=0.9,
              limit="hidden", most=6.0) -> dict[str, str]:  # fmt: skip
    """Fill the builder, press "Make the link" and return the link's query."""
    at.text_input(key="assignment_title").set_value(TITLE)
    at.multiselect(key="assignment_hide").set_value(list(hide))
    at.multiselect(key="assignment_lock").set_value(list(lock))
    at.number_input(key="assignment_value").set_value(value)
    at.selectbox(key="assignment_limit").set_value(limit)
    at.number_input(key="assignment_most").set_value(most)
    at.button(key="assignment_make").click().run()
    assert not at.exception
    url = next(c.value for c in at.code if "assignment=" in c.value)
    return {k: v[-1] for k, v in parse_qs(urlparse(url).query).items()}


def open_link(query: dict[str, str]) -> AppTest:
    return start(**query)


def step_until_card(at: AppTest, most: int = 60) -> str:
    for _ in range(most):
        at.button(key="step").click().run()
        codes = [c.value for c in at.code if c.value.startswith("nnp1.")]
        if codes:
            return codes[0]
    raise AssertionError("the target was not reached")


def check(at: AppTest, text: str) -> list[dict]:
    at.text_area(key="assignment_codes").set_value(text)
    at.button(key="assignment_check").click().run()
    return at.dataframe[-1].value.to_dict("records")


def teacher() -> AppTest:
    return start(dataset="xor", hidden="4")  # the setup of teacher_query


def test_a_student_reaches_the_target_and_the_teacher_verifies_the_code(secret):
    query = make_link(teacher())
    assert "assignment_sig" in query and query["dataset"] == "xor"
    student = open_link(query)
    assert not student.exception and not student.error
    assert student.markdown[0].value.startswith("**Assignment:** XOR \\*\\*bold")  # literal
    assert student.select_slider(key="set_learning_rate").disabled  # locked: drawn disabled
    assert not any(b.key == "ds_xor" for b in student.button)  # hidden: not drawn
    code = step_until_card(student)
    pg = playground(student)
    assert pg.snapshot().history["test_accuracy"][pg.epoch] >= 0.9
    rows = check(teacher(), f"Ana: {code}\nBo <b>: {code[:-2]}AA")
    assert [r["verdict"] for r in rows] == ["genuine", "not genuine"]
    assert [r["pasted with"] for r in rows] == ["Ana", "Bo <b>"]  # whose code it is
    assert rows[1]["target"].startswith("not held against the target: the code is not genu")
    assert "at epoch" in rows[0]["result"] and "hidden=4" in rows[0]["settings"]


def crafted_messages(query):
    """An app script: the page's session under an assignment link, then the callbacks that
    crafted widget messages and clicks reach; records what each changed."""
    import streamlit as st

    from playground.ui import data_panel, state, toolbar

    for name, value in query.items():
        st.query_params[name] = value
    pg = state.playground()
    if "changed" in st.session_state:
        return
    looks = {"learning_rate": lambda: pg.settings["learning_rate"],
             "dataset": lambda: pg.settings["dataset"], "seed": lambda: pg.settings["seed"],
             "reset": lambda: pg.weight_round, "noise": lambda: pg.settings["noise"]}  # fmt: skip
    acts = {"learning_rate": lambda: state.change_settings(learning_rate=3.0),
            "dataset": lambda: data_panel._pick("circle"),
            "seed": lambda: toolbar.press("regenerate"), "reset": lambda: toolbar.press("reset"),
            "noise": lambda: state.change_settings(noise=20)}  # fmt: skip
    changed = {}
    for name, act in acts.items():
        before = looks[name]()
        act()
        changed[name] = looks[name]() != before
        st.session_state.setdefault("notes_after", {})[name] = state.messages()[1]
    st.session_state["changed"] = changed


def test_locked_and_hidden_controls_hold_against_crafted_messages(secret):
    query = make_link(teacher(), lock=("learning_rate", "reset", "seed"))
    at = AppTest.from_function(crafted_messages, args=(query,))
    at.run(timeout=60)
    assert not at.exception
    assert at.session_state["changed"] == {
        "learning_rate": False, "dataset": False, "seed": False, "reset": False, "noise": True,
    }  # fmt: skip
    notes = at.session_state["notes_after"]["learning_rate"]
    assert "'Learning rate' is locked by this assignment; it stays as it is." in notes
    assert "assignment" in at.query_params and "assignment_sig" in at.query_params
    free = AppTest.from_function(crafted_messages, args=(teacher_query(),))
    free.run(timeout=60)
    assert all(free.session_state["changed"].values())  # without the link they all change


def teacher_query() -> dict[str, str]:
    return {"dataset": "xor", "hidden": "4"}


def test_the_locked_widgets_are_drawn_disabled(secret):
    student = open_link(make_link(teacher(), lock=("learning_rate", "reset", "network")))
    assert student.select_slider(key="set_learning_rate").disabled
    assert student.button(key="reset").disabled and student.button(key="add_layer").disabled
    assert student.number_input(key="set_hidden_0").disabled
    assert not student.button(key="step").disabled and not student.slider(key="set_noise").disabled
    assert student.button(key="regenerate").disabled is False  # the seed is free here


def test_an_edited_url_param_of_a_locked_setting_is_put_back(secret):
    query = {**make_link(teacher()), "learning_rate": "3.0", "dataset": "circle"}
    student = open_link(query)
    settings = playground(student).settings
    assert settings["learning_rate"] == 0.03 and settings["dataset"] == "xor"
    assert any("values are used" in i.value for i in student.info)


@pytest.mark.parametrize("part", ["assignment", "assignment_sig"])
def test_a_tampered_link_falls_back_with_a_note(secret, part):
    query = make_link(teacher())
    value = query[part]
    query[part] = value[:5] + ("A" if value[5] != "A" else "B") + value[6:]
    student = open_link(query)
    assert not student.exception
    assert any("signature does not match" in i.value for i in student.info)
    assert not student.select_slider(key="set_learning_rate").disabled  # no lock
    assert not any(m.value.startswith("**Assignment:**") for m in student.markdown)


def test_a_link_without_its_signature_is_refused_when_the_host_has_a_secret(secret):
    query = make_link(teacher())
    del query["assignment_sig"]
    student = open_link(query)
    assert any("signature does not match" in i.value for i in student.info)


def test_without_a_secret_links_and_codes_are_unsigned(monkeypatch):
    monkeypatch.delenv(SECRET_ENV, raising=False)
    page = teacher()
    query = make_link(page)
    assert "assignment_sig" not in query
    student = open_link(query)
    assert any("Unsigned" in c.value for c in student.caption)
    code = step_until_card(student)
    assert code.endswith(".unsigned")
    rows = check(page, code)
    assert [r["verdict"] for r in rows] == ["unsigned"]
    assert any("cannot verify" in w.value for w in page.warning)


@pytest.mark.parametrize("value", ["bm90IGpzb24", "é" * 50, "A" * 5000])
def test_a_damaged_link_opens_the_plain_page_with_a_note(secret, value):
    student = start(dataset="xor", assignment=value, assignment_sig="x")
    assert not student.exception
    assert any("cannot be used" in i.value or "signature" in i.value for i in student.info)
    assert playground(student).settings["dataset"] == "xor"


def test_a_target_no_student_could_reach_is_not_made_into_a_link(secret):
    at = start(dataset="xor", hidden="8")
    at.multiselect(key="assignment_lock").set_value(["hidden"])
    at.selectbox(key="assignment_limit").set_value("hidden")
    at.button(key="assignment_make").click().run()
    assert any("no student could reach" in e.value for e in at.error)
    assert not any("assignment=" in c.value for c in at.code)


def test_a_student_cannot_import_a_model_trained_elsewhere(secret):
    assert any(u.key == "model_import" for u in teacher().get("file_uploader"))
    student = open_link(make_link(teacher()))
    assert not any(u.key == "model_import" for u in student.get("file_uploader"))


def _line_page():
    from playground.ui.lab_page import lab_page
    from tests.labs.tiny_lab import LINE

    lab_page(LINE)


def test_any_labs_page_hides_locks_and_holds_an_assignments_controls():
    from playground.teaching.assignment import Assignment, Target, encode
    from tests.labs.tiny_lab import LINE

    task = Assignment("line", "Fit the line", {"slope": "3.0"}, ("points", "reset"),
                      ("learning_rate", "step"), Target("train_loss", "<=", 0.01, 100))  # fmt: skip
    at = AppTest.from_function(_line_page, default_timeout=60)
    at.query_params["assignment"] = encode(task)  # unsigned: this test's host has no secret
    at.query_params["slope"] = "3.0"  # the setup, as a made link carries it
    at.query_params["points"] = "50"  # an edited URL: the hidden setting stays as set
    at.run()
    assert not at.exception
    session = at.session_state["playground:line"]
    assert session.settings["slope"] == 3.0 and session.settings["points"] == 20
    keys = {w.key for w in [*at.slider, *at.number_input, *at.select_slider, *at.button]}
    assert "set_points" not in keys and "reset" not in keys  # hidden
    assert "set_slope" in keys and "step" in keys
    rate = next(w for w in [*at.select_slider, *at.number_input] if w.key == "set_learning_rate")
    assert rate.disabled and at.button(key="step").disabled  # locked
    fixed = at.session_state["assignment:line"].fixed
    assert LINE.page_change(session.settings, {"learning_rate": 0.5}, locked=fixed)[0] == (
        session.settings
    )


def test_the_builder_starts_from_what_the_page_already_hides(secret):
    at = start(dataset="xor", hidden="4", hide="reset")
    assert at.multiselect(key="assignment_hide").value == ["reset"]
    query = make_link(at, hide=("reset", "dataset"))
    student = open_link({k: v for k, v in query.items() if k != "hide"})
    assert not any(b.key == "reset" for b in student.button)
    assert playground(student).settings["hide"] == ("dataset", "reset")


def test_the_builder_names_each_labs_own_buttons():
    """The RL lab's toolbar says "Step move" where the others say "Step batch"."""
    from playground.labs.registry import LABS
    from playground.ui.assignment_tools import control_label

    rl, classify = LABS["rl"], LABS["classify"]
    assert control_label("step_batch", rl.table, rl.buttons) == "Step move button"
    assert control_label("step_batch", classify.table, classify.buttons) == "Step batch button"


def test_the_network_view_offers_no_plus_or_minus_for_locked_hidden_layers(secret):
    """Locked means drawn but not usable: the network view's + and - over the layers go
    too (the server would refuse them anyway), its feature clicks stay while free."""
    from playground.live.figures import network_edit
    from playground.live.view_settings import view_settings

    locked = playground(open_link(make_link(teacher(), lock=("hidden",), limit="")))
    edit = network_edit(view_settings(locked))
    assert edit is not None and not edit.layers and edit.features
    free = network_edit(view_settings(playground(open_link(teacher_query()))))
    assert free.layers and free.features


def test_under_an_assignment_weights_are_not_set_by_hand(secret):
    """The result must come from training: no weight editor, and a crafted click on its
    button changes no weight."""
    from playground.ui.learn_tools import HAND_EDIT_OFF

    student = open_link(make_link(teacher()))
    student.toggle(key="learn_open").set_value(True).run()
    assert not student.exception
    assert HAND_EDIT_OFF in [c.value for c in student.caption]
    assert not [b for b in student.button if b.key == "learn_set"]
    free = start(**teacher_query())
    free.toggle(key="learn_open").set_value(True).run()
    assert HAND_EDIT_OFF not in [c.value for c in free.caption]
    assert [b for b in free.button if b.key == "learn_set"]
