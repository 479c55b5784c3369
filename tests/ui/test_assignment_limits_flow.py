"""Assignments with several limits on the page (AppTest): the builder adds limit rows up
to the format's limit, the student's task and result card list every limit, the checker
holds each result against them; and the model box is hidden by `hide=bundle` or an
assignment, never locked."""

import re
from urllib.parse import parse_qs, urlparse

from streamlit.testing.v1 import AppTest

from playground.teaching.assignment import MAX_LIMITS
from playground.ui.model_bundle import IMPORT_KEY
from tests.ui.page_app import start
from tests.ui.test_assignment_flow import check, step_until_card

LIMITS = [("hidden", 6.0), ("batch_size", 20.0), ("learning_rate", 0.1)]
KEYS = ["", "_1", "_2", "_3"]


def add_rows(at: AppTest, rows: int) -> None:
    for _ in range(rows - 1):
        at.button(key="assignment_add_limit").click().run()


def link_with_limits(at: AppTest, limits=LIMITS) -> str:
    add_rows(at, len(limits))
    for key, (name, most) in zip(KEYS, limits, strict=False):
        at.selectbox(key=f"assignment_limit{key}").set_value(name)
        at.number_input(key=f"assignment_most{key}").set_value(most)
    at.number_input(key="assignment_value").set_value(0.9)
    at.button(key="assignment_make").click().run()
    assert not at.exception
    return next((c.value for c in at.code if "assignment=" in c.value), "")


def texts(elements) -> list[str]:
    """The shown text of plain elements (their Markdown escapes taken out)."""
    return [re.sub(r"\\(.)", r"\1", e.value) for e in elements]


def query_of(url: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlparse(url).query).items()}


def test_the_builder_adds_limits_up_to_the_formats_limit():
    at = start(dataset="xor", hidden="4")
    assert [s.key for s in at.selectbox if s.key.startswith("assignment_limit")] == [
        "assignment_limit"]  # fmt: skip
    add_rows(at, MAX_LIMITS)
    keys = [s.key for s in at.selectbox if s.key.startswith("assignment_limit")]
    assert keys == [f"assignment_limit{k}" for k in KEYS]
    assert at.button(key="assignment_add_limit").disabled  # four: the format's most


def test_a_student_sees_every_limit_and_the_checker_holds_the_result_to_them():
    teacher = start(dataset="xor", hidden="4")
    url = link_with_limits(teacher)
    task = "with at most 6 in 'Hidden layers' (all together), 'Batch size' at most 20 and "
    assert any(task in text for text in texts(teacher.caption))
    student = start(**query_of(url))
    assert any(task + "'Learning rate' at most 0.1" in text for text in texts(student.info))
    code = step_until_card(student)
    card = ("Within the limits: 'Hidden layers' 4 in all (at most 6), 'Batch size' 10 (at "
            "most 20) and 'Learning rate' 0.03 (at most 0.1).")  # fmt: skip
    assert card in texts(student.caption)
    rows = check(teacher, code)  # the link made on this page is known
    assert rows[0]["target"].startswith("meets the target; limits: 'Hidden layers' 4 in all")
    later = start(dataset="xor")  # another session: the pasted link tells the target
    assert check(later, code)[0]["target"].startswith("paste the assignment's link")
    assert check(later, f"{code}\n{url}")[0]["target"].startswith("meets the target")


def test_a_setting_limited_twice_is_refused():
    at = start(dataset="xor", hidden="4")
    url = link_with_limits(at, [("hidden", 6.0), ("hidden", 3.0)])
    assert url == "" and any("limited twice" in e.value for e in at.error)


def _expanders(at: AppTest) -> list[str]:
    return [e.label for e in at.sidebar.expander]


def test_hide_bundle_hides_the_model_box():
    assert "Take the model home" in _expanders(start(dataset="xor"))
    hidden = start(dataset="xor", hide="bundle")
    assert not hidden.exception and "Take the model home" not in _expanders(hidden)
    assert not [u for u in hidden.get("file_uploader") if u.key == IMPORT_KEY]
    assert not hidden.get("download_button")


def test_an_assignment_hides_the_model_box_and_never_locks_it():
    at = start(dataset="xor", hidden="4")
    assert "Take the model home box" in at.multiselect(key="assignment_hide").options
    assert "Take the model home box" not in at.multiselect(key="assignment_lock").options
    at.multiselect(key="assignment_hide").set_value(["bundle"])
    student = start(**query_of(link_with_limits(at, [])))
    assert not student.exception and "Take the model home" not in _expanders(student)


def test_the_targets_direction_follows_the_metric_unless_the_teacher_picks_one():
    at = start(dataset="xor", hidden="4")
    at.selectbox(key="assignment_metric").set_value("test_loss")  # in the form: no rerun
    at.number_input(key="assignment_value").set_value(0.2)
    at.button(key="assignment_make").click().run()
    assert any("Reach test loss ≤ 0.2" in text for text in texts(at.caption))
    at.selectbox(key="assignment_op").set_value(">=")  # a teacher's own choice holds
    at.button(key="assignment_make").click().run()
    assert any("Reach test loss ≥ 0.2" in text for text in texts(at.caption))
