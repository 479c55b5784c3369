"""Every user setting in one declarative table, with validation and URL round-trip.

The page's widgets, the URL query string, server-side validation and "what resets when
this changes" are all driven by `SETTINGS`. Pure Python: no streamlit, no engine import.

    settings, notes = from_query(st.query_params)   # never raises
    value, note = validate("batch_size", 9999)      # -> (512, "'batch_size': ... using 512.")
    kind = diff_kind(old, new)                      # "data" | "network" | "live" | "view" | None
    st.query_params.from_dict(to_query(settings))
"""

from playground.config.coerce import MAX_RAW_CHARS, coerce, validate
from playground.config.query import encode, from_query, to_query
from playground.config.rules import (
    DROPOUT_MAX_RATE,
    check_plane_features,
    diff_kind,
    effective_activations,
    effective_loss,
    hidden_settings,
    is_shown,
    reconcile,
)
from playground.config.setting import GROUPS, KINDS, RESET_EXPLANATIONS, RESETS, Setting
from playground.config.table import (
    MAX_LAYERS,
    MAX_NEURONS,
    SETTINGS,
    SETTINGS_BY_NAME,
    build_settings,
    defaults,
)

__all__ = [
    "DROPOUT_MAX_RATE",
    "GROUPS",
    "KINDS",
    "MAX_LAYERS",
    "MAX_NEURONS",
    "MAX_RAW_CHARS",
    "RESETS",
    "RESET_EXPLANATIONS",
    "SETTINGS",
    "SETTINGS_BY_NAME",
    "Setting",
    "build_settings",
    "check_plane_features",
    "coerce",
    "defaults",
    "diff_kind",
    "effective_activations",
    "effective_loss",
    "encode",
    "from_query",
    "hidden_settings",
    "is_shown",
    "reconcile",
    "to_query",
    "validate",
]
