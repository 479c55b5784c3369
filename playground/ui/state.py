"""The browser session's state: its Playground, the URL, and messages for the page.

Settings reach the Playground only through `change_settings`, which validates them with the
settings table, applies them and writes the URL, so the URL always matches the page.
"""

from collections.abc import Callable

import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from playground import config
from playground.data import DataError
from playground.hosting import HOST
from playground.labs.classify.session import Playground
from playground.live.feed import LiveFeed

PLAYGROUND = "playground"
FEED = "live_feed"  # the LiveFeed the page's charts pull frames from while playing
NOTES = "notes"  # plain sentences about URL values that were not used as given
ERROR = "error"  # the last rejected change (bad CSV, impossible setting), for st.error
# The browser sessions this process serves: session id -> whether it still lives. Only
# with a runtime (a real server); AppTest's sessions are not counted.
_SESSIONS: dict[str, Callable[[], bool]] = {}


def _start() -> Playground:
    params = st.query_params.to_dict()
    settings, notes = config.from_query(params)
    kept = tuple(key for key in config.SETUP_KEYS if key in params)  # explicit URL values
    try:
        playground = Playground(settings)
    except DataError as error:
        notes.append(f"{error} Starting with the default data set instead.")
        default = config.defaults()["dataset"]
        playground = Playground(config.with_setup(settings, default, keep=kept))
    if "dataset" in params:  # the URL chose a data set: it opened with its setup
        dataset = playground.settings["dataset"]
        notes.append(config.setup_note(dataset, playground.settings, kept))
    st.session_state[NOTES] = notes + playground.take_notes()
    return playground


def playground() -> Playground:
    """This session's Playground, created from the URL on the first run."""
    if PLAYGROUND not in st.session_state:
        st.session_state[PLAYGROUND] = _start()
        write_url()
    return st.session_state[PLAYGROUND]


def _session_alive() -> Callable[[], bool]:
    """A test of whether this browser session still exists (always true without a
    runtime, as in AppTest)."""
    ctx = get_script_run_ctx()
    if ctx is None or not Runtime.exists():
        return lambda: True
    runtime, session_id = Runtime.instance(), ctx.session_id
    return lambda: runtime.is_active_session(session_id)


def refused() -> str | None:
    """A message for the page if this new session is one too many for the process (the
    host's max_sessions), else None (and the session is counted from now on)."""
    ctx = get_script_run_ctx()
    if ctx is None or not Runtime.exists() or ctx.session_id in _SESSIONS:
        return None
    if PLAYGROUND in st.session_state:  # back after a lost connection: it was admitted
        _SESSIONS[ctx.session_id] = _session_alive()
        return None
    for session_id, alive in list(_SESSIONS.items()):
        if not alive():
            del _SESSIONS[session_id]
    if len(_SESSIONS) >= HOST.max_sessions:
        return (
            f"This playground's server is full (at most {HOST.max_sessions:,} open pages "
            "at a time). Try again in a few minutes (reload the page), or ask your teacher "
            "for another address."
        )
    _SESSIONS[ctx.session_id] = _session_alive()
    return None


def feed() -> LiveFeed:
    """This session's live feed (of its Playground); it stops answering once the session
    has ended."""
    pg = playground()
    if FEED not in st.session_state or st.session_state[FEED].session is not pg:
        st.session_state[FEED] = LiveFeed(pg, alive=_session_alive())
    return st.session_state[FEED]


def write_url() -> None:
    """Put the current settings in the address bar (only what differs from defaults)."""
    wanted = config.to_query(st.session_state[PLAYGROUND].settings)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def hidden(name: str) -> bool:
    """Whether the teacher's link hides this panel, setting or toolbar button (then the
    page neither draws it nor carries out its action)."""
    return config.is_hidden(name, st.session_state[PLAYGROUND].settings)


def change_settings(**changes) -> None:
    """Validate and apply changed settings; a rejected change leaves an error message.

    Settings that follow a changed one take their new default (choosing L1 sets a rate);
    hidden settings, and `hide` itself, keep their values whatever a widget message says.
    """
    pg = st.session_state[PLAYGROUND]
    new = dict(pg.settings)
    notes = []
    for name, raw in changes.items():
        value, note = config.validate(name, raw)
        new[name] = value
        notes += [note] if note else []
    setup_notes = []
    if new["dataset"] != pg.settings["dataset"]:  # a new data set opens with its setup
        new = config.with_setup(new, new["dataset"], keep=tuple(changes))
        setup_notes.append(config.setup_note(new["dataset"], new))
    new = config.follow_up(pg.settings, new, changes)
    new, kept = config.keep_hidden(pg.settings, new)
    notes += [f"'{name}' is fixed by this page's link; it stays as it is."
              for name in kept if name in changes]  # fmt: skip
    if "hidden" in changes and "layer_activations" not in changes:  # a student's edit:
        new["layer_activations"] = config.fit_layer_activations(new)  # follow it, no note
    new, rule_notes = config.reconcile(new)
    try:
        pg.update(new)
    except DataError as error:
        st.session_state[ERROR] = str(error)
    else:
        st.session_state[ERROR] = None
    st.session_state[NOTES] = notes + rule_notes + pg.take_notes() + setup_notes
    write_url()


def report_error(message: str | None) -> None:
    """Remember a message for the page (None clears it)."""
    st.session_state[ERROR] = message


def report_notes(notes: list[str]) -> None:
    """Replace the notes shown at the top of the page (plain sentences)."""
    st.session_state[NOTES] = list(notes)


def messages() -> tuple[str | None, list[str]]:
    """(error, notes) to show at the top of the page."""
    return st.session_state.get(ERROR), st.session_state.get(NOTES, [])
