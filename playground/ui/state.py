"""The browser session's state: the lab of the page shown, one session per lab opened, the
URL, and messages for the page.

Settings reach a session only through `change_settings`, which validates them with its
lab's settings table, applies them and writes the URL, so the URL always matches the page.
Going to another lab's page and back finds the session as it was left.
"""

from collections.abc import Callable

import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from playground import config
from playground.data import DataError
from playground.hosting import HOST
from playground.labs.base import Lab, LabSession
from playground.labs.registry import DEFAULT_LAB
from playground.live.feed import LiveFeed
from playground.ui import assignment_state

PLAYGROUND = "playground"  # the first lab's session; another lab's is "playground:<name>"
LAB = "lab_shown"  # the Lab whose page is shown
FEED = "live_feed"  # the LiveFeed the page's charts pull frames from while playing
NOTES = "notes"  # plain sentences about URL values that were not used as given
ERROR = "error"  # the last rejected change (bad CSV, impossible setting), for st.error
EXTRA = "url_extra"  # lab name -> query params its address carries beside the settings
ROUND = "widget_round"  # how many settings changes were made off the sidebar's widgets
# The browser sessions this process serves: session id -> whether it still lives. Only
# with a runtime (a real server); AppTest's sessions are not counted.
_SESSIONS: dict[str, Callable[[], bool]] = {}


def set_lab(shown: Lab | None) -> None:
    """Remember the lab whose page this run shows (None: a page of no lab, the home). On
    another page than the last, the last one's messages are over."""
    if st.session_state.get(LAB, shown) is not shown:
        st.session_state[NOTES], st.session_state[ERROR] = [], None
    st.session_state[LAB] = shown


def lab() -> Lab:
    """The lab whose page this run shows (the first lab if none was set)."""
    return st.session_state.get(LAB) or DEFAULT_LAB


def _key(shown: Lab) -> str:
    return PLAYGROUND if shown is DEFAULT_LAB else f"{PLAYGROUND}:{shown.name}"


def _has_session() -> bool:
    return any(key == PLAYGROUND or key.startswith(f"{PLAYGROUND}:") for key in st.session_state)


def playground() -> LabSession:
    """The session of the lab shown, created from the URL on the first visit to its page."""
    key = _key(lab())
    if key not in st.session_state:
        session, notes = assignment_state.start(lab(), st.query_params.to_dict())
        st.session_state[key] = session
        st.session_state[NOTES] = notes
        write_url()
    return st.session_state[key]


def replace_playground(session: LabSession) -> None:
    """Put `session` in place of the shown lab's session (an imported model's); the live
    feed follows it (see feed). The sidebar's widgets get new keys (new_widget_round)."""
    st.session_state[_key(lab())] = session
    new_widget_round()


def existing() -> LabSession | None:
    """The session of the lab shown if this browser session has opened it, else None."""
    return st.session_state.get(_key(lab()))


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
    if _has_session():  # back after a lost connection: it was admitted
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
    """The live feed of the lab shown (of its session); it stops answering once the
    browser session has ended."""
    pg = playground()
    if FEED not in st.session_state or st.session_state[FEED].session is not pg:
        st.session_state[FEED] = LiveFeed(pg, alive=_session_alive())
    return st.session_state[FEED]


def start_anew(query) -> None:
    """Replace the lab shown's session by a new one started from a URL query, exactly as a
    first visit to that address starts it (a lesson's run); its notes are the page's."""
    key = _key(lab())
    if key in st.session_state:
        st.session_state[key].set_playing(False)
    st.session_state[key], st.session_state[NOTES] = lab().start(query)
    st.session_state[ERROR] = None
    new_widget_round()  # a stale rerun's old widget values must not undo the new setup


def set_url_extra(params: dict[str, str]) -> None:
    """Query params the lab shown's address carries beside its settings from now on (an
    open lesson's; {} for none). write_url writes them."""
    st.session_state.setdefault(EXTRA, {})[lab().name] = dict(params)


def write_url() -> None:
    """Put the current settings in the address bar (only what differs from defaults),
    the assignment the page runs under, if any, and the params set with set_url_extra."""
    settings = st.session_state[_key(lab())].settings
    extra = st.session_state.get(EXTRA, {}).get(lab().name, {})
    wanted = {**lab().to_query(settings), **assignment_state.link_params(lab()), **extra}
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def hidden(name: str) -> bool:
    """Whether the teacher's link hides this panel, setting or toolbar button (then the
    page neither draws it nor carries out its action); so does an assignment's."""
    hidden_here = config.is_hidden(name, playground().settings, lab().table)
    return hidden_here or assignment_state.hidden(name, lab())


def under_assignment() -> bool:
    """Whether the page runs under an assignment's link (its model must be trained here)."""
    return assignment_state.active(lab()) is not None


def locked(name: str) -> bool:
    """Whether the page's assignment locks this panel, setting or toolbar button (drawn
    disabled; the server refuses its change)."""
    return assignment_state.locked(name, lab())


def change_settings(**changes) -> None:
    """Validate and apply changed settings (see Lab.page_change); a rejected change leaves
    an error message."""
    session = playground()
    locks = assignment_state.fixed(lab())
    old = session.settings
    new, notes, later = lab().page_change(old, changes, locked=locks)
    try:
        session.update(new)
    except DataError as error:
        st.session_state[ERROR] = str(error)
    else:
        st.session_state[ERROR] = None
        assignment_state.note_change(lab(), session, old)
    st.session_state[NOTES] = notes + session.take_notes() + later
    write_url()


def widget_key(name: str) -> str:
    """Session-state key of the sidebar widget `name` (e.g. "hidden_0"): "set_<name>", with
    the widget round after a change made off the sidebar (see new_widget_round)."""
    n = st.session_state.get(ROUND, 0)
    return f"set_{name}" if not n else f"set_{name}_r{n}"


def show_in_widget(key: str, value):
    """Make the widget `key` show `value` (the setting's current value) and return `key`;
    call it before the widget is drawn.

    It writes the value on every run, not only when it differs: only a value written in
    this run reaches the browser with the widget (Streamlit's set_value). A run cut short
    by a newer rerun (the live element's "stopped" trigger after an edit) can write a new
    round's key and stop before sending its widget; had the next run skipped the equal
    value, the browser would draw that new widget at its default (a neuron count of 1)."""
    st.session_state[key] = value
    return key


def new_widget_round() -> None:
    """Give the sidebar's widgets new keys after a setting changed off the sidebar (an edit
    on the network view, a lesson's run opened, a model imported). A rerun the browser sent
    before it got the new values (the live element's "stopped" trigger: the edit stopped
    the play) carries the widgets' old values
    under the old keys, which no widget of the page has any more; under the same keys
    Streamlit would take them for a user's change and undo the edit."""
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1


def report_error(message: str | None) -> None:
    """Remember a message for the page (None clears it)."""
    st.session_state[ERROR] = message


def report_notes(notes: list[str]) -> None:
    """Replace the notes shown at the top of the page (plain sentences)."""
    st.session_state[NOTES] = list(notes)


def messages() -> tuple[str | None, list[str]]:
    """(error, notes) to show at the top of the page."""
    return st.session_state.get(ERROR), st.session_state.get(NOTES, [])
