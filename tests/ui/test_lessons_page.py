"""Lessons on the page, driven without a browser: ?lesson= opens a run's setup (the session
the headless check trains), the sidebar shows its text and what to try and switches runs,
the banner checks the figures at the run's budget, and bad addresses get a note."""

import pytest

from playground.labs import headless
from playground.labs.registry import LABS
from playground.teaching.lessons import load_lessons, page_query
from playground.ui import lessons_panel, plain
from tests.ui.page_app import start

LESSONS = load_lessons()
XOR = LESSONS["xor-hidden-layer"]


def session(at):
    return at.session_state["playground"]


def markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def notes(at) -> list[str]:
    return [n.value for n in at.info]


def run_settings(lesson, index):
    return LABS[lesson.lab].settings_from_query(page_query(lesson, lesson.runs[index]))[0]


def test_a_lesson_s_address_opens_its_first_run_with_its_text_and_what_to_try():
    at = start(lesson="xor-hidden-layer")
    assert not at.exception and not at.error and notes(at) == []
    assert session(at).settings == run_settings(XOR, 0)
    assert session(at).settings["max_epochs"] == XOR.runs[0].epochs  # Play stops there
    assert at.query_params["lesson"] == "xor-hidden-layer" and at.query_params["run"] == "1"
    text = markdown(at)
    for part in (XOR.goal, *XOR.text, *XOR.try_):
        assert plain.literal(part) in text
    assert (
        "run 1 of 2" in text
        and plain.literal("200 epochs · expected: test accuracy < 0.75") in text
    )
    assert at.selectbox(key="lesson_pick_classify").value == "xor-hidden-layer"


def test_switching_runs_starts_the_other_run_s_setup_at_epoch_0():
    at = start(lesson="xor-hidden-layer")
    at.button(key="step").click().run()
    first = session(at)
    at.radio(key="lesson_run_classify").set_value(1).run()
    assert not at.exception and session(at) is not first
    assert session(at).settings == run_settings(XOR, 1) and session(at).epoch == 0
    assert at.query_params["run"] == "2" and at.query_params["hidden"] == "4"
    assert "run 2 of 2" in markdown(at)


def test_at_the_run_s_budget_the_banner_checks_the_figures_the_headless_check_gets():
    at = start(lesson="xor-hidden-layer", run="2")
    page_session = session(at)
    for _ in range(XOR.runs[1].epochs):
        page_session.step()
    at.run()
    trained = headless.open_session(XOR.runs[1].query)  # what `lessons --check` trains
    list(headless.train(trained, XOR.runs[1].epochs))
    figure = headless.final_record(trained)["test_accuracy"]
    captions = " ".join(c.value for c in at.caption)
    assert plain.literal(f"At epoch 200: test accuracy ≥ 0.95: {figure:.4g} (met).") in captions


def test_a_changed_setup_says_the_figures_are_for_the_run_s_own():
    at = start(lesson="xor-hidden-layer")
    session(at).update({**session(at).settings, "max_epochs": 500})
    at.run()
    assert "You changed the setup" in " ".join(c.value for c in at.caption)


@pytest.mark.parametrize("view", [{"show_test": True}, {"log_loss": True}, {"speed": "epoch"}])
def test_a_view_setting_or_a_teachers_hide_is_no_change_of_the_runs_setup(view):
    # The overfitting lesson says "Train the first run with 'Show test data' on".
    at = start(lesson="overfitting")
    session(at).update({**session(at).settings, **view})
    at.run()
    captions = " ".join(c.value for c in at.caption)
    assert (
        "You changed the setup" not in captions and plain.literal(lessons_panel.NOT_YET) in captions
    )
    hidden = start(lesson="penguins", hide="data")  # the README's teacher's address
    assert plain.literal(lessons_panel.NOT_YET) in " ".join(c.value for c in hidden.caption)


def test_a_changed_setup_gets_its_own_figures_at_the_runs_budget():
    at = start(lesson="xor-hidden-layer", run="2")  # "Try 2 hidden neurons, then 1"
    page_session = session(at)
    page_session.update({**page_session.settings, "hidden": (1,)})
    for _ in range(XOR.runs[1].epochs):
        page_session.step()
    at.run()
    figure = headless.final_record(page_session)["test_accuracy"]
    captions = " ".join(c.value for c in at.caption)
    assert plain.literal(lessons_panel.CHANGED) in captions
    assert plain.literal(f"Yours at epoch 200: test accuracy {figure:.4g}.") in captions


def test_the_picker_opens_a_lesson_of_this_lab_and_goes_to_another_lab_s_page():
    at = start()
    assert "lesson" not in at.query_params
    at.selectbox(key="lesson_pick_classify").set_value("penguins").run()
    assert session(at).settings["dataset"] == "penguins"
    assert at.query_params["lesson"] == "penguins"
    at.selectbox(key="lesson_pick_classify").set_value("autoencoder-code").run()
    assert not at.exception
    assert at.session_state["lab_shown"] is LABS["autoencoder"]
    assert at.session_state["playground:autoencoder"].settings == run_settings(
        LESSONS["autoencoder-code"], 0
    )
    assert at.query_params["lesson"] == "autoencoder-code"


def test_closing_the_lesson_keeps_the_setup_and_drops_it_from_the_address():
    at = start(lesson="penguins")
    kept = session(at)
    at.button(key="lesson_close").click().run()
    assert session(at) is kept and "lesson" not in at.query_params
    assert "Lesson: " not in markdown(at) and at.query_params["dataset"] == "penguins"


def test_start_again_restarts_the_run_from_its_first_weights():
    at = start(lesson="penguins")
    at.button(key="step").click().run()
    at.button(key="reset").click().run()  # other weights
    at.button(key="lesson_restart").click().run()
    fresh = LABS["classify"].open(run_settings(LESSONS["penguins"], 0))
    assert session(at).epoch == 0
    assert (session(at).network.params == fresh.network.params).all()


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ({"lesson": "no-such-lesson"}, "There is no lesson called 'no-such-lesson'"),
        ({"lesson": "<b>x</b>" * 30}, "There is no lesson called '<b>x</b><b>x</b><b>x"),
        ({"lesson": "xor-hidden-layer", "run": "9"}, "must be a run of this lesson, 1 to 2"),
        ({"lesson": "xor-hidden-layer", "run": "-1"}, "not '-1'. Showing run 1."),
        ({"run": "2"}, "URL parameter 'run' names a run of a lesson; without lesson= it"),
    ],
)
def test_a_bad_lesson_address_gets_a_note_and_the_page_works(query, note):
    at = start(**query)
    assert not at.exception and not at.error
    assert any(plain.literal(note) in n for n in notes(at)), notes(at)
    at.button(key="step").click().run()
    assert session(at).epoch == 1


def test_a_shared_address_s_own_settings_and_a_teacher_s_hide_apply_on_top():
    at = start(lesson="xor-hidden-layer", run="2", hidden="8", hide="network")
    assert session(at).settings["hidden"] == (8,)
    assert session(at).settings["dataset"] == "xor"  # from the run
    assert "You changed the setup" in " ".join(c.value for c in at.caption)
    assert not [s for s in at.selectbox if s.key == "lesson_pick_classify"]  # no picker
    at.radio(key="lesson_run_classify").set_value(0).run()
    assert session(at).settings["hide"] == ("network",)  # the teacher's hide holds
    assert session(at).settings == {**run_settings(XOR, 0), "hide": ("network",)}


def test_a_broken_lesson_file_leaves_the_page_working_with_a_message(monkeypatch):
    def broken(*_):
        raise lessons_panel.LessonError("lesson file x.toml cannot be read: bad")

    lessons_panel.catalogue.cache_clear()
    monkeypatch.setattr(lessons_panel, "load_lessons", broken)
    try:
        at = start(lesson="xor-hidden-layer")
        assert not at.exception
        captions = " ".join(c.value for c in at.caption)
        assert plain.literal("The lessons cannot be shown: lesson file x.toml") in captions
        assert any("cannot be shown" in n for n in notes(at))
    finally:
        lessons_panel.catalogue.cache_clear()


def test_an_assignment_s_page_opens_no_lesson_and_shows_no_picker():
    at = start(lesson="xor-hidden-layer", assignment="not-a-real-link")
    assert not at.exception
    assert any("runs an assignment, so the lesson" in n.replace("\\", "") for n in notes(at))
    assert "lesson" not in at.query_params


def test_a_run_that_stops_early_by_its_patience_is_checked_where_it_stopped():
    fixes = LESSONS["overfitting-fixes"]
    index = next(i for i, r in enumerate(fixes.runs) if "patience" in r.query)
    at = start(lesson="overfitting-fixes", run=str(index + 1))
    page_session = session(at)
    while page_session.stop_reason() is None:
        page_session.step()
    at.run()
    captions = " ".join(c.value for c in at.caption)
    assert (
        plain.literal(f"At epoch {page_session.epoch}: stopped = patience: patience (met)")
        in captions
    )
    assert "(NOT met)" not in captions


def test_a_lesson_opened_gives_the_sidebar_widgets_new_keys():
    # A rerun the browser sent before it had the new page (the old run's live element
    # stopping) carries the old widgets' values under their old keys; under new keys they
    # reach no widget, so they cannot undo the lesson's setup.
    at = start()
    old = {w.key for w in at.sidebar.get("number_input")} | {
        w.key for w in at.sidebar.get("selectbox")
    }
    at.selectbox(key="lesson_pick_classify").set_value("penguins").run()
    new = {w.key for w in at.sidebar.get("number_input")} | {
        w.key for w in at.sidebar.get("selectbox")
    }
    settings_keys = {k for k in old if k.startswith("set_")}
    assert settings_keys and not settings_keys & new
    assert session(at).settings["dataset"] == "penguins"


def test_the_banner_names_a_runs_budget_once():
    rl = LESSONS["rl-values"]  # run labels "20 episodes", "200 episodes, gamma 0"
    assert lessons_panel.run_line(rl, 0).startswith("run 1 of 3: 20 episodes · expected:")
    assert lessons_panel.run_line(rl, 2).startswith("run 3 of 3: 200 episodes, gamma 0 · exp")
    assert lessons_panel.run_line(XOR, 1) == (
        "run 2 of 2: One hidden layer of 4 · 200 epochs · expected: test accuracy ≥ 0.95"
    )
