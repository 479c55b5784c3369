"""Play / Pause, Step, Reset and Regenerate.

A click reruns the page; its callback changes the Playground under the Playground's lock,
so the live feed (which trains while playing) sees the change before its next slice.
Every callback sets a state rather than flipping one: a click that reaches the server
twice must not pause and resume."""

import streamlit as st

from playground.ui import state


def _why_not_playing(pg) -> str:
    if pg.trainer.status != "ok":
        return ("Training stopped because it diverged: choose a smaller learning rate, "
                "press Reset, then Play again.")  # fmt: skip
    return (f"Training reached its stop epoch ({pg.settings['max_epochs']}): raise "
            "\"Stop after epochs\" (0 = never stop) or press Reset to play again.")  # fmt: skip


def _set_playing(playing: bool) -> None:
    pg = state.playground()
    started = pg.set_playing(playing)
    if playing and not started:
        state.report_error(_why_not_playing(pg))
    elif started:
        state.report_error(None)  # an old message (e.g. a lost live view) is over


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


# key: (label, icon, action, help) of the buttons after Play / Pause
BUTTONS = {
    "step": ("Step", ":material/skip_next:", _step, "Train exactly one epoch"),
    "reset": ("Reset", ":material/restart_alt:", _reset, "New starting weights; same data"),
    "regenerate": ("Regenerate", ":material/casino:", _regenerate,
                   "New data from a new random seed"),
}  # fmt: skip


def toolbar(playground) -> None:
    """The row of training buttons; Play and Pause are one button (key "play")."""
    play, *others, _ = st.columns([1.2, 1, 1, 1.3, 3])
    playing = playground.playing
    label, icon = ("Pause", ":material/pause:") if playing else ("Play", ":material/play_arrow:")
    play.button(label, key="play", icon=icon, on_click=_set_playing, args=(not playing,),
                type="primary", width="stretch", help="Start or pause training")  # fmt: skip
    for column, (key, (text, icon, action, tip)) in zip(others, BUTTONS.items(), strict=True):
        column.button(text, key=key, icon=icon, on_click=action, width="stretch", help=tip)
