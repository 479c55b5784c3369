"""The assignment a browser session's page runs under, one per lab, read from its link.

A page opened with an `assignment=` parameter keeps it for the session: the address bar
keeps carrying it (write_url), the page's changes go through Lab.page_change with its
fixed settings, and its hidden and locked controls are neither drawn nor drawn enabled.
A link whose signature does not match the host's secret, or with a part that cannot be
used, is not used: the page opens its settings as any shared link, with a note.
"""

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

from playground.teaching import assignment_locks as locks
from playground.teaching.assignment import (
    ASSIGNMENT_PARAM,
    LINK_PARAMS,
    SIGNATURE_PARAM,
    Assignment,
    assignment_id,
    decode,
)
from playground.teaching.assignment_codes import SECRET_KEY, find_secret, link_is_signed
from playground.teaching.assignment_target import limit_problems

SETUP_NOTE_START = "Suggested setup for this data set"  # config.setup_note's first words
TAMPERED = (
    "This assignment link was changed after it was made, or made on another server (its "
    "signature does not match), so it is not used: the page opens as a plain shared link. "
    "Ask your teacher for the link again."
)


@dataclass(frozen=True)
class Active:
    """An assignment in use: the assignment, its URL parameter values (encoded, signature
    or None), whether the host's secret vouched for it, its id, and the settings it fixes
    (name -> value)."""

    assignment: Assignment
    encoded: str
    signature: str | None
    signed: bool
    id: str
    fixed: Mapping[str, Any]


def _key(lab) -> str:
    return f"assignment:{lab.name}"


def _counts_key(lab) -> str:
    return f"assignment_counts_from:{lab.name}"


def _streamlit_secrets() -> dict[str, Any]:
    """The secret's entry of Streamlit's secrets, {} if there is no secrets file or key."""
    try:
        return {SECRET_KEY: st.secrets[SECRET_KEY]} if SECRET_KEY in st.secrets else {}
    except Exception:  # no .streamlit/secrets.toml, or one Streamlit cannot read
        return {}


def secret() -> tuple[str | None, str | None]:
    """The host's secret (environment variable or Streamlit secrets), or (None, why not
    if one is set but unusable)."""
    return find_secret(os.environ, _streamlit_secrets())


def _last(raw: Any) -> Any:
    return raw[-1] if isinstance(raw, list | tuple) and raw else raw


def read_link(lab, query: Mapping[str, Any]) -> tuple[Active | None, dict, list[str]]:
    """(the assignment in the link or None, the query to open the lab with, notes)."""
    rest = {k: v for k, v in query.items() if k not in LINK_PARAMS}
    if ASSIGNMENT_PARAM not in query:
        return None, rest, []
    encoded, signature = _last(query[ASSIGNMENT_PARAM]), _last(query.get(SIGNATURE_PARAM))
    key, _ = secret()
    if key is not None and not link_is_signed(key, encoded, signature):
        return None, rest, [TAMPERED]
    assignment, problem = decode(encoded, lab)
    if assignment is None:
        return None, rest, [f"{problem} The page opens as a plain shared link."]
    held, notes = locks.held_query(assignment, lab, rest)
    fixed = locks.fixed_settings(assignment, lab)
    sig = signature if isinstance(signature, str) and key is not None else None
    return (
        Active(assignment, encoded, sig, key is not None, assignment_id(encoded), fixed),
        held,
        notes,
    )


def start(lab, query: Mapping[str, Any]):
    """The lab's session for a page opened with `query` (Lab.start under the link's
    assignment, remembered for this browser session) and the notes for the page."""
    active_now, held, notes = read_link(lab, query)
    st.session_state[_key(lab)] = active_now
    session, more = lab.start(held)
    # The views read it (labs.base.view_settings): no control in a view for a held setting.
    session.held = frozenset(active_now.fixed) if active_now is not None else frozenset()
    if active_now is not None:  # the setup is the teacher's: "change any of them freely"
        more = [note for note in more if not note.startswith(SETUP_NOTE_START)]  # is not true
    return session, notes + more


def active(lab) -> Active | None:
    """The assignment the lab's page runs under in this browser session, if any."""
    return st.session_state.get(_key(lab))


def link_params(lab) -> dict[str, str]:
    """The assignment's URL parameters, for the address bar (none without one)."""
    now = active(lab)
    if now is None:
        return {}
    params = {ASSIGNMENT_PARAM: now.encoded}
    if now.signature:
        params[SIGNATURE_PARAM] = now.signature
    return params


def fixed(lab) -> dict[str, Any]:
    """The settings the assignment holds (name -> value), for Lab.page_change."""
    now = active(lab)
    return dict(now.fixed) if now else {}


def hidden(name: str, lab) -> bool:
    """Whether the assignment hides this panel, setting or toolbar button."""
    now = active(lab)
    return locks.is_hidden(name, now and now.assignment, lab.table)


def locked(name: str, lab) -> bool:
    """Whether the assignment locks this panel, setting or toolbar button (drawn, but
    disabled; its change refused on the server)."""
    now = active(lab)
    return locks.is_locked(name, now and now.assignment, lab.table)


def note_change(lab, session, old: Mapping[str, Any]) -> None:
    """After the page changed the settings of `session` (from `old`): if `old` broke a
    limit of the assignment's target, the epochs trained with it, and one under way, do
    not count for the target (a live setting such as the batch size put back within its
    limit after training must not certify what it trained)."""
    now = active(lab)
    if now is None or not limit_problems(now.assignment.target, old, lab.table):
        return
    trainer = getattr(session, "trainer", None)
    under_way = session.playing or bool(getattr(trainer, "batch", 0))  # a part-trained epoch
    st.session_state[_counts_key(lab)] = (session.model_version, session.epoch + 1 + under_way)


def counts_from(lab, session) -> int:
    """The first epoch of the session's model that counts for the target (1 unless a
    limit was broken while it trained: see note_change)."""
    kept = st.session_state.get(_counts_key(lab))
    return kept[1] if kept is not None and kept[0] == session.model_version else 1
