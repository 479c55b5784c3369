"""Rules across settings, and what the page asks of a whole settings dict.

Each function takes a settings dict whose values are already valid one by one (from
`validate`, `from_query` or `defaults`) and returns plain values; nothing here mutates it.
"""

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from playground.config.setting import RESETS, Setting
from playground.config.table import DROPOUT_MAX_RATE, SETTINGS_BY_NAME


def is_shown(name: str, settings: Mapping[str, Any], table=SETTINGS_BY_NAME) -> bool:
    """Whether setting `name` applies to these settings and is drawn: its `shown_when`
    holds and the setting it is `replaced_by` (if any) is at its default."""
    setting = table[name]
    replaced_by = setting.replaced_by
    if replaced_by and settings.get(replaced_by, table[replaced_by].default) != (
        table[replaced_by].default
    ):
        return False
    if setting.shown_when is None:
        return True
    other, values = setting.shown_when
    return settings.get(other, table[other].default) in values


def _variant(name: str, settings: Mapping[str, Any], table: Mapping[str, Setting]):
    setting = table[name]
    if setting.variants is None:
        return None
    other, variants = setting.variants
    return variants.get(settings.get(other, table[other].default))


def default_for(name: str, settings: Mapping[str, Any], table=SETTINGS_BY_NAME) -> Any:
    """Setting `name`'s default given the other settings (its `variants`, e.g. reg_rate's
    for the chosen regularization), else its own default."""
    variant = _variant(name, settings, table)
    return table[name].default if variant is None else variant.default


def presets_for(name: str, settings: Mapping[str, Any], table=SETTINGS_BY_NAME):
    """The stops setting `name`'s widget offers given the other settings (a tuple or None)."""
    variant = _variant(name, settings, table)
    return table[name].presets if variant is None else variant.presets


def follow_up(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    given: Collection[str],
    table: Mapping[str, Setting] = SETTINGS_BY_NAME,
) -> dict[str, Any]:
    """The settings after a change of the `given` names from old to new: a setting whose
    `variants` follow a setting that changed, and which was not given itself, takes its
    default for the new value (choosing L1 sets a rate of 0.001 rather than leaving 0)."""
    fixed = dict(new)
    for name, setting in table.items():
        if setting.variants is None or name in given:
            continue
        other = setting.variants[0]
        if old.get(other, table[other].default) != new.get(other, table[other].default):
            fixed[name] = default_for(name, new, table)
    return fixed


def fit_layer_activations(settings: Mapping[str, Any]) -> tuple[str, ...]:
    """layer_activations with one entry per hidden layer: cut, or padded with `activation`
    (an empty one, all layers alike, stays empty)."""
    per_layer, layers = tuple(settings["layer_activations"]), len(settings["hidden"])
    if not per_layer or not layers:
        return ()
    return (*per_layer[:layers], *(settings["activation"],) * max(0, layers - len(per_layer)))


def reconcile(
    settings: Mapping[str, Any], table: Mapping[str, Setting] = SETTINGS_BY_NAME
) -> tuple[dict[str, Any], list[str]]:
    """Apply the cross-field rules; returns (new settings dict, notes for the page).

    - problem is "auto" unless the data set offers the choice (penguins, csv);
    - a non-empty layer_activations has one entry per hidden layer: cut, or padded with
      `activation`, when the layers change;
    - for dropout, reg_rate is a probability and at most DROPOUT_MAX_RATE.
    Each rule applies to a table that has its settings (any lab's table may); the others
    pass through. Idempotent: reconcile(reconcile(s)[0])[0] == reconcile(s)[0].
    The plane features are checked against the data by `check_plane_features`.
    """
    fixed = dict(settings)
    notes = [note for rule in _RULES if (note := rule(fixed, table))]
    return fixed, notes


def _has(table: Mapping[str, Setting], *names: str) -> bool:
    """Whether the table has every one of these settings (a rule about them applies)."""
    return all(name in table for name in names)


def _auto_problem(fixed: dict[str, Any], table: Mapping[str, Setting]) -> str | None:
    if not _has(table, "problem", "dataset") or fixed["problem"] == "auto":
        return None
    if is_shown("problem", fixed, table):
        return None
    fixed["problem"] = "auto"
    return f"'problem' applies only to tabular data; using auto for {fixed['dataset']}."


def _one_activation_per_layer(fixed: dict[str, Any], table: Mapping[str, Setting]) -> str | None:
    if not _has(table, "hidden", "layer_activations", "activation"):
        return None
    fitted = fit_layer_activations(fixed)
    if tuple(fixed["layer_activations"]) == fitted:
        return None
    fixed["layer_activations"] = fitted
    return (
        f"'layer_activations' needs one entry per hidden layer ({len(fixed['hidden'])}); "
        f"using {','.join(fitted) or '(none)'}."
    )


def _dropout_probability(fixed: dict[str, Any], table: Mapping[str, Setting]) -> str | None:
    if not _has(table, "regularization", "reg_rate") or fixed["regularization"] != "dropout":
        return None
    if fixed["reg_rate"] <= DROPOUT_MAX_RATE:
        return None
    fixed["reg_rate"] = DROPOUT_MAX_RATE
    return f"'reg_rate' is a drop probability for dropout; using {DROPOUT_MAX_RATE}."


# reconcile's rules, in order: each may change `fixed` in place and returns its note.
_RULES = (_auto_problem, _one_activation_per_layer, _dropout_probability)


def check_plane_features(
    settings: Mapping[str, Any], feature_names: Sequence[str]
) -> tuple[dict[str, Any], list[str]]:
    """Hook for the page once the data are known: plane_x/plane_y must name two different
    columns of feature_names, else they fall back to "" (= first/second column) with a note.
    """
    fixed = dict(settings)
    notes = []
    for name in ("plane_x", "plane_y"):
        value = fixed[name]
        if value and value not in feature_names:
            notes.append(f"'{name}': the data have no column {value!r}; using the default.")
            fixed[name] = ""
    if fixed["plane_x"] and fixed["plane_x"] == fixed["plane_y"]:
        notes.append("'plane_y' must differ from 'plane_x'; using the default.")
        fixed["plane_y"] = ""
    return fixed, notes


def diff_kind(
    old: Mapping[str, Any], new: Mapping[str, Any], table: Mapping[str, Setting] = SETTINGS_BY_NAME
) -> str | None:
    """The strongest reset implied by going from old to new settings.

    Returns "data" > "network" > "live" > "view", or None when no setting changed.
    Keys missing from a dict count as their default; unknown keys are ignored.
    """
    changed = [
        setting.resets
        for name, setting in table.items()
        if old.get(name, setting.default) != new.get(name, setting.default)
    ]
    return min(changed, key=RESETS.index, default=None)


def effective_activations(settings: Mapping[str, Any]) -> list[str]:
    """The activation of each hidden layer, length len(settings["hidden"]).

    layer_activations when it has exactly one entry per layer, else `activation` repeated.
    """
    layers = len(settings["hidden"])
    per_layer = settings["layer_activations"]
    if len(per_layer) == layers:
        return list(per_layer)
    return [settings["activation"]] * layers


def effective_loss(settings: Mapping[str, Any], is_regression: bool) -> str:
    """The loss the network trains with: regression always uses squared error."""
    return "squared_error" if is_regression else settings["loss"]
