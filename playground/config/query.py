"""Settings to and from the URL query string, so a copied address shares the exact setup."""

from collections.abc import Mapping
from typing import Any

from playground.config.coerce import coerce, preview
from playground.config.rules import default_for, follow_up, reconcile
from playground.config.setting import Setting
from playground.config.setups import SUGGESTED_SETUPS
from playground.config.table import SETTINGS_BY_NAME, defaults

MAX_UNKNOWN_NOTES = 3  # a URL with many unknown keys gets a few notes, then a count
ALWAYS_IN_QUERY = ("seed",)


def encode(setting: Setting, value: Any) -> str:
    """A valid value as URL text that `validate` reads back to the same value.

    Lists are comma-separated ("4,2"), bools "true"/"false", floats their shortest
    round-tripping repr ("0.03", "1e-05").
    """
    if setting.kind in ("int_list", "multi_choice", "choice_list"):
        return ",".join(str(item) for item in value)
    if setting.kind == "bool":
        return "true" if value else "false"
    if setting.kind == "float":
        return repr(float(value))
    return str(value)


Setups = Mapping[str, Mapping[str, Any]]
"""Data set name -> the settings its suggested setup changes (see setups.py)."""


def table_setups(table: Mapping[str, Setting], setups: Setups | None) -> Setups:
    """The suggested setups for a table: those given, else SUGGESTED_SETUPS for the first
    lab's table and none for any other (a lab with setups passes its own)."""
    if setups is not None:
        return setups
    return SUGGESTED_SETUPS if table is SETTINGS_BY_NAME else {}


def to_query(
    settings: Mapping[str, Any],
    table: Mapping[str, Setting] = SETTINGS_BY_NAME,
    setups: Setups | None = None,
) -> dict[str, str]:
    """The query params of valid settings: those that differ from the data set's baseline
    (the defaults with its suggested setup, see table_setups), plus the seed.

    Keys are setting names in table order; missing settings count as their default (for a
    setting with variants, the default for the other settings: regularization=l1 alone
    means L1's usual rate). from_query(to_query(s)) == (s, []) for every valid, reconciled s.
    """
    query = {}
    setup = _setup_of(settings.get("dataset"), table, table_setups(table, setups))
    for name, setting in table.items():
        value = settings.get(name, setting.default)
        base = setup[name] if name in setup else default_for(name, settings, table)
        if name in ALWAYS_IN_QUERY or value != base:
            query[name] = encode(setting, value)
    return query


def _last_text(raw: Any) -> str | None:
    """The text of one query param: the last of repeated values; None if there is none."""
    if isinstance(raw, list | tuple):
        raw = raw[-1] if raw else None
    return raw if isinstance(raw, str) else None


def _setup_of(dataset: Any, table: Mapping[str, Setting], setups: Setups) -> dict[str, Any]:
    """The settings the suggested setup of `dataset` (a valid name, or anything) changes."""
    if "dataset" not in table or not setups:
        return {}  # a table without data sets, or without setups
    name, _ = coerce(table["dataset"], dataset if dataset is not None else "")
    return {key: value for key, value in setups.get(name, {}).items() if key in table}


def from_query(
    params: Mapping[str, str | list[str]],
    table: Mapping[str, Setting] = SETTINGS_BY_NAME,
    setups: Setups | None = None,
) -> tuple[dict[str, Any], list[str]]:
    """Read settings from URL query params (e.g. `st.query_params` or a parsed query string).

    Returns (settings, notes): every setting of `table`, with the data set's baseline (the
    defaults with its suggested setup, see table_setups) wherever a param is missing;
    a malformed, out-of-range or hostile value falls back to the default (or is clamped) and
    adds a note naming the parameter and the value used; unknown params add a note and are
    ignored. A setting with variants that is not given takes the default for the others
    (see `follow_up`). The cross-field rules of `reconcile` are applied. Never raises.
    """
    raw_dataset = params.get("dataset") if isinstance(params, Mapping) else None
    setup = _setup_of(_last_text(raw_dataset), table, table_setups(table, setups))
    base = {**defaults(table), **setup}
    settings, notes, unknown, given = dict(base), [], [], set()
    for key, raw in params.items():
        setting = table.get(key) if isinstance(key, str) else None
        if setting is None:
            unknown.append(preview(key, 20))
            continue
        text = _last_text(raw)
        if text is None:
            notes.append(f"URL parameter {key!r} has no value; using the default.")
            continue
        settings[key], note = coerce(setting, text)
        given.add(key)
        if note:
            notes.append(f"URL parameter {note}")
    settings = follow_up(base, settings, given, table)
    settings, rule_notes = reconcile(settings, table)
    notes.extend(f"URL parameter {note}" for note in rule_notes)
    if unknown:
        listed = ", ".join(unknown[:MAX_UNKNOWN_NOTES])
        more = len(unknown) - MAX_UNKNOWN_NOTES
        notes.append(
            f"Ignored unknown URL parameter(s) {listed}{f' and {more} more' if more > 0 else ''}."
        )
    return settings, notes
