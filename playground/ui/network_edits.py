"""Edits made on the network view itself: its - / + controls and clicks on input features.

The browser sends back the edit payload the figure carried (plots/network_edit.py: a small
JSON object such as {"hidden": [4, 3]}). It is untrusted like any widget message: parsed as
JSON only, only a setting the view may edit right now (not hidden by a teacher), then
validated and applied through the same state.change_settings as the sidebar, so the URL
and the limits hold.
"""

import json
from collections.abc import Set
from typing import Any

import streamlit as st

from playground.live.figures import editable
from playground.ui import state

EDIT_TRIGGER = "edit"  # the live element's trigger that carries a payload
MAX_PAYLOAD_CHARS = 1_000  # a real payload is under 200 characters
REFUSED = "That change cannot be made on the network view."


def parse_edit(raw: Any, allowed: Set[str]) -> dict[str, Any] | None:
    """The payload as {setting: raw value} for one of the `allowed` settings, or None if
    it is anything else (not text, too long, not JSON, another setting, several)."""
    if not isinstance(raw, str) or len(raw) > MAX_PAYLOAD_CHARS:
        return None
    try:
        change = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(change, dict) or len(change) != 1:
        return None
    (name,) = change
    return change if name in allowed else None


def apply_edit(key: str) -> None:
    """The callback of the live element `key`'s edit trigger: apply the payload or say
    that it was refused."""
    result = st.session_state.get(key) or {}
    raw = result.get(EDIT_TRIGGER) if hasattr(result, "get") else None
    change = parse_edit(raw, editable(state.playground().settings))
    if change is None:
        state.report_error(REFUSED)
        return
    state.new_widget_round()
    state.change_settings(**change)
