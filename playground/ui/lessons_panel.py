"""The ready-made lessons on a lab's page: a picker at the top of the sidebar; the open
lesson's goal, runs, text and what to try there, beside the views; and a line above the
views with the run and what it should show after its epochs.

A lesson opens from the address: `?lesson=NAME` opens its first run, `&run=N` another (a
lesson of another lab switches to that lab's page). Opening a run starts the lab's session
anew from the run's query, exactly as a first visit to that address would (the weights the
headless check trained), with the stop epoch at the run's budget. While a lesson is open
the address keeps `lesson=` and `run=` beside the settings, so it can be shared. Lesson
text is ours, but it is drawn through plain.literal like any other text.
"""

import re
from functools import cache

import streamlit as st

from playground import config
from playground.config.coerce import preview
from playground.labs import headless
from playground.labs.base import Lab
from playground.labs.registry import LABS
from playground.teaching.assignment import ASSIGNMENT_PARAM
from playground.teaching.assignment_target import metric_label
from playground.teaching.lessons import (
    Lesson,
    LessonError,
    expectation_words,
    figure_text,
    load_lessons,
    page_query,
    unit_word,
)
from playground.ui import assignment_state, plain, state

LESSON_PARAM, RUN_PARAM = "lesson", "run"
OPEN = "lessons_open"  # session state: lab name -> (lesson name, run index) open on its page
GOTO = "lessons_goto"  # a lesson of another lab chosen in the picker: go to its page
NO_LESSON = ""
HIDE = "hide"  # a teacher's link hides settings: then the picker is not drawn either
NOT_YET = "Press Play: training stops there, and the figures are checked here."
UNDER_ASSIGNMENT = "This page runs an assignment, so the lesson in its address is not opened."
WHERE_TEXT = "The lesson's text, what to try and its runs are at the top of the sidebar."


@cache
def catalogue() -> tuple[dict[str, Lesson], str | None]:
    """(the lessons by name, None), or ({}, a message) if a lesson file is broken (the
    page goes on without lessons; `python -m playground lessons --check` names the file)."""
    try:
        return load_lessons(), None
    except LessonError as error:
        return {}, f"The lessons cannot be shown: {error}"


def _pick_key(lab: Lab) -> str:
    return f"lesson_pick_{lab.name}"


def _run_key(lab: Lab) -> str:
    return f"lesson_run_{lab.name}"


def opened(lab: Lab) -> tuple[Lesson, int] | None:
    """The lesson open on this lab's page and the index of its run, or None."""
    name, index = st.session_state.get(OPEN, {}).get(lab.name, (None, 0))
    lesson = catalogue()[0].get(name)
    return None if lesson is None else (lesson, index)


def _kept_hidden(lab: Lab) -> dict[str, str]:
    """What the current session's address hides (a teacher's `hide=`): kept by a new run."""
    session = state.existing()
    query = {} if session is None else lab.to_query(session.settings)
    return {HIDE: query[HIDE]} if HIDE in query else {}


def open_run(lab: Lab, lesson: Lesson, index: int, given=None) -> None:
    """Open run `index` of `lesson` on the page of `lab` (the lab shown): a new session
    from the run's query, what the page hides now, and the params a shared address `given`
    sets on top (its settings win)."""
    query = {**page_query(lesson, lesson.runs[index]), **_kept_hidden(lab), **(given or {})}
    state.start_anew(query)
    if not given:  # a lesson's own setup: no note on how its URL was read
        state.report_notes([])
    st.session_state.setdefault(OPEN, {})[lab.name] = (lesson.name, index)
    st.session_state[_pick_key(lab)], st.session_state[_run_key(lab)] = lesson.name, index
    state.set_url_extra({LESSON_PARAM: lesson.name, RUN_PARAM: str(index + 1)})
    state.write_url()


def close(lab: Lab) -> None:
    """Close the lesson open on this lab's page (the session stays as it is)."""
    st.session_state.get(OPEN, {}).pop(lab.name, None)
    st.session_state[_pick_key(lab)] = NO_LESSON
    state.set_url_extra({})
    state.write_url()


def _add_note(note: str) -> None:
    state.playground()  # a first visit's session (and its notes) first
    state.report_notes([*state.messages()[1], note])


def _run_index(lesson: Lesson, raw: str | None) -> tuple[int, str | None]:
    """The run the address names (1-based; none = the first) and a note if it is not one."""
    if raw is None:
        return 0, None
    count = len(lesson.runs)
    if raw.strip().isdigit() and 1 <= int(raw) <= count:
        return int(raw) - 1, None
    return 0, (f"URL parameter 'run' must be a run of this lesson, 1 to {count}; not "
               f"{preview(raw)}. Showing run 1.")  # fmt: skip


def take_from_url(lab: Lab) -> None:
    """Before the page's session is made: open the lesson the address names (if it is not
    the one open already), go to another lab's page for its lesson, or note a bad name.
    Also carries out the picker's choice of another lab's lesson."""
    lessons, _ = catalogue()
    if (goto := st.session_state.pop(GOTO, None)) in lessons:
        _switch_to(lessons[goto])
    params = st.query_params.to_dict()
    name, raw_run = params.pop(LESSON_PARAM, None), params.pop(RUN_PARAM, None)
    if name is None and raw_run is None:
        return
    now = opened(lab)
    if now and (name, raw_run) == (now[0].name, str(now[1] + 1)):
        return  # the address this page wrote itself
    for key in (LESSON_PARAM, RUN_PARAM):
        st.query_params.pop(key, None)
    if ASSIGNMENT_PARAM in params or assignment_state.active(lab):
        _add_note(UNDER_ASSIGNMENT)  # the teacher's task and its locks come first
        return
    if name is None:
        _add_note("URL parameter 'run' names a run of a lesson; without lesson= it is ignored.")
        return
    lesson = lessons.get(name)
    if lesson is None:
        _add_note(f"There is no lesson called {preview(name)}; pick one under "
                  "Lessons in the sidebar." if lessons else catalogue()[1] or "")  # fmt: skip
        return
    if lesson.lab != lab.name:
        _switch_to(lesson, raw_run)
    index, note = _run_index(lesson, raw_run)
    open_run(lab, lesson, index, given=params)  # a shared address's settings win
    if note:
        _add_note(note)


def _switch_to(lesson: Lesson, raw_run: str | None = None) -> None:
    from playground.ui.navigation import lab_pages  # navigation draws the pages: no cycle

    query = {LESSON_PARAM: lesson.name, **({RUN_PARAM: raw_run} if raw_run else {})}
    st.switch_page(lab_pages()[lesson.lab], query_params=query)


# --- the sidebar ----------------------------------------------------------------------
def _picked(lab: Lab) -> None:
    name = st.session_state.get(_pick_key(lab), NO_LESSON)
    lesson = catalogue()[0].get(name)
    if lesson is None:
        close(lab)
    elif lesson.lab != lab.name:
        st.session_state[GOTO] = name  # switch_page does nothing in a callback
        now = opened(lab)
        st.session_state[_pick_key(lab)] = now[0].name if now else NO_LESSON
    else:
        open_run(lab, lesson, 0)


def _run_picked(lab: Lab) -> None:
    now = opened(lab)
    if now is not None:
        open_run(lab, now[0], st.session_state.get(_run_key(lab), 0))


def _title(name: str, lab: Lab) -> str:
    if name == NO_LESSON:
        return "(none)"
    lesson = catalogue()[0][name]
    other = "" if lesson.lab == lab.name else f" ({LABS[lesson.lab].title})"
    return lesson.title + other


def _picker(lab: Lab) -> None:
    lessons, broken = catalogue()
    if broken:
        plain.caption(broken)
        return
    # This lab's lessons first, then the others' (choosing one goes to its lab's page).
    names = sorted(lessons, key=lambda n: lessons[n].lab != lab.name)
    key = _pick_key(lab)
    now = opened(lab)
    st.session_state[key] = now[0].name if now else NO_LESSON  # the page's truth wins
    st.selectbox("Lesson", [NO_LESSON, *names], key=key, format_func=lambda n: _title(n, lab),
                 on_change=_picked, args=(lab,),
                 help="A ready-made lesson: it sets up the lab, says what to look at and "
                 "what to try. Lessons of another lab open its page.")  # fmt: skip


def _runs(lab: Lab, lesson: Lesson, index: int) -> None:
    if len(lesson.runs) == 1:
        return
    key = _run_key(lab)
    st.session_state[key] = index
    st.radio("Run", range(len(lesson.runs)), key=key, on_change=_run_picked, args=(lab,),
             format_func=lambda i: plain.literal(f"{i + 1}. {lesson.runs[i].label}"))  # fmt: skip


def lesson_sidebar(session) -> None:
    """The top of the sidebar: the lesson picker and, while a lesson is open, its goal,
    its runs to switch between, its text and what to try."""
    lab = session.lab
    now = opened(lab)
    # A teacher's page (it hides controls, or runs an assignment): the student stays on it.
    prepared = bool(session.settings.get(HIDE)) or assignment_state.active(lab) is not None
    if now is None and prepared:
        return
    with st.sidebar:
        st.subheader("Lessons")
        if not prepared:
            _picker(lab)
        if now is None:
            return
        lesson, index = now
        with st.container(key="lesson_text"):
            st.markdown(f"**{plain.literal(lesson.goal)}**")
            _runs(lab, lesson, index)
            for paragraph in lesson.text:
                st.markdown(plain.literal(paragraph))
            st.markdown("**What to try**")
            for item in lesson.try_:
                st.markdown(f"- {plain.literal(item)}")
        left, right = st.columns(2)
        left.button("Start the run again", key="lesson_restart", on_click=open_run,
                    args=(lab, lesson, index), width="stretch",
                    help="The run's setup and its first weights, at epoch 0")  # fmt: skip
        right.button("Close the lesson", key="lesson_close", on_click=close, args=(lab,),
                     width="stretch")  # fmt: skip


# --- above the views -------------------------------------------------------------------
CHANGED = "You changed the setup: the figures expected are for the run's own setup."


def _own_figures(session, lesson: Lesson, index: int) -> str:
    """The figures the run checks, as the student's own setup got them ("what to try"
    asks for changes: "how few neurons are enough?")."""
    record = headless.final_record(session)
    figures = "; ".join(f"{metric_label(e.metric)} {figure_text(record.get(e.metric))}"
                        for e in lesson.runs[index].expect)  # fmt: skip
    return f" Yours at {unit_word(lesson.lab)} {session.epoch:,}: {figures}."


def _checked(session, lesson: Lesson, index: int) -> str:
    """What the run's expectations say now: not yet, changed, or each figure met or not."""
    run, lab = lesson.runs[index], LABS[lesson.lab]
    wanted = lab.settings_from_query(page_query(lesson, run))[0]
    # What only changes the view (Show test data, the speed, a teacher's hide) keeps the
    # run's claim: the same training gets the same figures.
    changed = config.diff_kind(wanted, session.settings, lab.table) not in (None, "view")
    stopped = getattr(session, "stop_reason", lambda: None)()  # the RL lab has none
    there = session.epoch == run.epochs or stopped is not None  # diverged, patience, a target
    if changed:
        return CHANGED + (_own_figures(session, lesson, index) if there else "")
    if not there:
        return NOT_YET
    record = headless.final_record(session)
    parts = [f"{expectation_words(e)}: {figure_text(record.get(e.metric))} "
             f"({'met' if e.met(record) else 'NOT met'})" for e in run.expect]  # fmt: skip
    return f"At {unit_word(lesson.lab)} {session.epoch:,}: " + "; ".join(parts) + "."


def run_line(lesson: Lesson, index: int) -> str:
    """The banner's words on run `index`: its number and label, its budget (unless the
    label says it already: "20 episodes · 20 episodes") and what it should show."""
    run = lesson.runs[index]
    expected = "; ".join(expectation_words(e) for e in run.expect)
    unit = unit_word(lesson.lab)
    budget = f"{run.epochs:,} {unit}s"
    said = re.search(rf"(?<![\d,]){run.epochs:,} {unit}s|(?<!\d){run.epochs} {unit}s", run.label)
    label = run.label if said else f"{run.label} · {budget}"
    return f"run {index + 1} of {len(lesson.runs)}: {label} · expected: {expected}"


def lesson_banner(session) -> None:
    """One line above the views while a lesson is open: its title, the run, what the run
    should show after its epochs and, once there, the figures."""
    now = opened(session.lab)
    if now is None:
        return
    lesson, index = now
    with st.container(key="lesson_banner", border=True):
        where = run_line(lesson, index)
        st.markdown(f"**Lesson: {plain.literal(lesson.title)}** · {plain.literal(where)}")
        plain.caption(_checked(session, lesson, index))
        st.caption(WHERE_TEXT)
