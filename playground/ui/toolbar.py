"""Play / Pause, Step, Reset and Regenerate (outside the live fragment: a click is a full
rerun that preempts the fragment, so Pause takes effect at once).

Streamlit may run a button's callback twice when the click's rerun meets the live
fragment's timer (seen in Chromium: a Pause that paused and resumed within 12 ms), so
every callback here sets a state rather than flipping one."""

import streamlit as st

from playground.ui import state


def _set_playing(playing: bool) -> None:
    pg = state.playground()
    pg.playing = playing and pg.trainer.status == "ok"
    if playing and pg.trainer.status != "ok":
        state.report_error(
            "Training stopped because it diverged: lower the learning rate "
            "or press Reset, then Play again."
        )


def _step() -> None:
    pg = state.playground()
    pg.playing = False
    pg.step()


def _reset() -> None:
    state.playground().reset()
    state.report_error(None)


def _regenerate() -> None:
    pg = state.playground()
    pg.regenerate()
    state.write_url()


def toolbar(playground) -> None:
    """The row of training buttons; Play and Pause are one button (key "play")."""
    play, step, reset, regenerate, _ = st.columns([1.2, 1, 1, 1.3, 3])
    label, icon = (
        ("Pause", ":material/pause:") if playground.playing else ("Play", ":material/play_arrow:")
    )
    play.button(
        label,
        key="play",
        icon=icon,
        on_click=_set_playing,
        args=(not playground.playing,),
        type="primary",
        width="stretch",
        help="Start or pause training",
    )
    step.button(
        "Step",
        key="step",
        icon=":material/skip_next:",
        on_click=_step,
        width="stretch",
        help="Train exactly one epoch",
    )
    reset.button(
        "Reset",
        key="reset",
        icon=":material/restart_alt:",
        on_click=_reset,
        width="stretch",
        help="New starting weights; same data",
    )
    regenerate.button(
        "Regenerate",
        key="regenerate",
        icon=":material/casino:",
        on_click=_regenerate,
        width="stretch",
        help="New data from a new random seed",
    )
