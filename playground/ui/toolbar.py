"""Play / Pause, Step batch, Step, Reset and Regenerate (config.BUTTONS names them; a lab
may give them labels and help in its own unit, Lab.buttons), and the presentation mode
toggle.

A click reruns the page; its callback changes the Playground under the Playground's lock,
so the live feed (which trains while playing) sees the change before its next slice.
Every callback sets a state rather than flipping one: a click that reaches the server
twice must not pause and resume. A button the teacher's link hides is not drawn, and its
action does nothing even if a message for it arrives."""

import streamlit as st

from playground.ui import state
from playground.ui.controls import setting_widget


def _why_not_playing(pg) -> str | None:
    if pg.snapshot().status != "ok":
        return None  # the divergence message over the charts already says why and what to do
    if getattr(pg, "stop_message", lambda: "")():
        return None  # patience or a target: the page's stop note says why (lab_page)
    lab = pg.lab  # its unit and its stop setting ("Stop after epochs", "... episodes")
    stop = lab.table.get(lab.stop_setting)
    if stop is None:
        return None
    return (f"Training reached its stop {lab.counter.lower()} ({pg.settings.get(stop.name)}): "
            f"raise \"{stop.label}\" (0 = never stop) or press Reset to play again.")  # fmt: skip


def _set_playing(playing: bool) -> None:
    pg = state.playground()
    started = pg.set_playing(playing)
    if playing and not started:
        state.report_error(_why_not_playing(pg))
    elif started:
        state.report_error(None)  # an old message (e.g. a lost live view) is over


def _step_batch() -> None:
    pg = state.playground()
    pg.set_playing(False)
    pg.step_batch()


def _step() -> None:
    pg = state.playground()
    pg.set_playing(False)
    pg.step()


def _reset() -> None:
    state.playground().reset()
    state.report_error(None)


def _regenerate() -> None:
    pg = state.playground()
    pg.regenerate()
    state.write_url()


# name (one of config.BUTTON_NAMES): (icon, action, column width); Play's icon is Pause's
# while playing.
ACTIONS = {
    "play": (":material/play_arrow:", _set_playing, 1.2),
    "step_batch": (":material/redo:", _step_batch, 1.3),
    "step": (":material/skip_next:", _step, 1),
    "reset": (":material/restart_alt:", _reset, 1),
    "regenerate": (":material/casino:", _regenerate, 1.3),
}
SPACE_WIDTH = 2.5  # the rest of the row: the presentation mode toggle


def press(name: str, *args) -> None:
    """Carry out toolbar button `name`'s action as its click does (Play takes whether to
    play), unless the teacher's link hides the button or an assignment locks it: then
    nothing happens."""
    if not state.hidden(name) and not state.locked(name):
        ACTIONS[name][1](*args)


def _play_button(column, playground, button) -> None:
    playing = playground.playing
    label, icon = ("Pause", ":material/pause:") if playing else (button.label, ACTIONS["play"][0])
    column.button(label, key="play", icon=icon, on_click=press, args=("play", not playing),
                  type="primary", width="stretch", help=button.help,
                  disabled=state.locked("play"))  # fmt: skip


def toolbar(playground) -> None:
    """The row of training buttons that are not hidden, Play and Pause one button (key
    "play"), every other button's key its name; then the presentation mode toggle."""
    settings, table = playground.settings, playground.lab.table
    shown = [b for b in playground.lab.buttons if not state.hidden(b.name)]
    toggle = "present" in table and not state.hidden("present")
    if not shown and not toggle:
        return
    # keyed: the page's CSS keeps this row one row on a phone (ui/style.py)
    *columns, end = st.container(key="toolbar").columns(
        [*(ACTIONS[b.name][2] for b in shown), SPACE_WIDTH]
    )
    for column, button in zip(columns, shown, strict=True):
        if button.name == "play":
            _play_button(column, playground, button)
            continue
        column.button(button.label, key=button.name, icon=ACTIONS[button.name][0],
                      on_click=press, args=(button.name,), width="stretch",
                      help=button.help, disabled=state.locked(button.name))  # fmt: skip
    if toggle:
        with end:  # on the page, not in the sidebar: presentation mode closes the sidebar
            setting_widget("present", settings)
