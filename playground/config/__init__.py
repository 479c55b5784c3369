"""Every user setting in one declarative table, with validation and URL round-trip.

The page's widgets, the URL query string, server-side validation and "what resets when
this changes" are all driven by `SETTINGS`. Pure Python: no streamlit, no engine import.

    settings, notes = from_query(st.query_params)   # never raises
    value, note = validate("batch_size", 9999)      # -> (512, "'batch_size': ... using 512.")
    kind = diff_kind(old, new)                      # "data" | "network" | "live" | "view" | None
    st.query_params.from_dict(to_query(settings))
"""

from playground.config.coerce import MAX_RAW_CHARS, coerce, validate
from playground.config.locks import hold_locked, refuse_locked
from playground.config.query import encode, from_query, to_query
from playground.config.rules import (
    check_plane_features,
    default_for,
    diff_kind,
    effective_activations,
    effective_loss,
    fit_layer_activations,
    follow_up,
    is_shown,
    presets_for,
    reconcile,
)
from playground.config.setting import GROUPS, KINDS, RESET_EXPLANATIONS, RESETS, Setting, Variant
from playground.config.setups import (
    SETUP_KEYS,
    SUGGESTED_SETUPS,
    setup_note,
    suggested_setup,
    with_setup,
)
from playground.config.table import (
    DROPOUT_MAX_RATE,
    MAX_LAYERS,
    MAX_NEURONS,
    SETTINGS,
    SETTINGS_BY_NAME,
    SLOW_SPEEDS,
    build_settings,
    defaults,
)
from playground.config.toolbar import BUTTON_NAMES, BUTTONS, Button
from playground.config.visibility import (
    HELD,
    ON_THE_TOOLBAR,
    PAGE_FIXED,
    held_settings,
    hidden_settings,
    is_hidden,
    keep_hidden,
    panel_settings,
)

__all__ = [
    "BUTTONS",
    "BUTTON_NAMES",
    "Button",
    "DROPOUT_MAX_RATE",
    "GROUPS",
    "KINDS",
    "MAX_LAYERS",
    "MAX_NEURONS",
    "MAX_RAW_CHARS",
    "ON_THE_TOOLBAR",
    "PAGE_FIXED",
    "RESETS",
    "RESET_EXPLANATIONS",
    "SETTINGS",
    "SETTINGS_BY_NAME",
    "SETUP_KEYS",
    "SLOW_SPEEDS",
    "SUGGESTED_SETUPS",
    "Setting",
    "Variant",
    "build_settings",
    "check_plane_features",
    "coerce",
    "default_for",
    "defaults",
    "diff_kind",
    "effective_activations",
    "effective_loss",
    "fit_layer_activations",
    "encode",
    "follow_up",
    "hold_locked",
    "from_query",
    "HELD",
    "held_settings",
    "hidden_settings",
    "is_hidden",
    "is_shown",
    "keep_hidden",
    "panel_settings",
    "presets_for",
    "reconcile",
    "refuse_locked",
    "setup_note",
    "suggested_setup",
    "to_query",
    "validate",
    "with_setup",
]
