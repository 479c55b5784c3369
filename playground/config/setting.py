"""One user setting described as data: its kind, default, limits, panel and what it resets.

The table in `table.py` is a tuple of these; the page's widgets, the URL query string,
server-side validation and "what resets when this changes" are all read from it.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

KINDS = (
    "choice",  # one string out of `choices`
    "int",  # whole number in [low, high], snapped to `step` if given
    "float",  # finite number in [low, high]; `presets` are the widget's stops
    "bool",
    "str",  # free short text (a column name); checked later against the data
    "int_list",  # tuple of ints, each in [low, high], length in [min_len, max_len]
    "multi_choice",  # tuple of distinct `choices`, in the choices' order
    "choice_list",  # tuple of `choices`, one per hidden layer, repeats allowed
)

GROUPS = ("data", "network", "training", "view")

# Strongest first: a change that needs a stronger reset implies the weaker ones.
RESETS = ("data", "network", "live", "view")

RESET_EXPLANATIONS = {
    "data": "regenerates the data and rebuilds the network",
    "network": "rebuilds the network (new weights), keeps the data",
    "live": "applies at the next step; the weights and optimizer state are kept",
    "view": "changes only what is shown",
}


@dataclass(frozen=True)
class Variant:
    """A setting's default and widget stops while another setting has a given value."""

    default: Any
    presets: tuple[float, ...] | None = None


@dataclass(frozen=True)
class Setting:
    """One user setting.

    name: key in the settings dict and in the URL query string.
    kind: one of `KINDS`; decides the Python type of the value (str, int, float, bool, or a
        tuple for the three list kinds).
    default: the value used when nothing (or nothing valid) is given.
    group: the page panel that draws it, one of `GROUPS`.
    label, help: the widget's label and tooltip.
    resets: what a change implies, one of `RESETS`.
    choices: the allowed strings for choice, multi_choice and choice_list.
    low, high: inclusive limits of the number (of each item for int_list).
    step: int kinds only: values are snapped to low + k * step.
    presets: float kinds: the stops the widget offers (any value in range is accepted).
    min_len, max_len: number of items for list kinds; max_len is the text length for str.
    shown_when: (other setting, its values) for which this one applies and is drawn,
        e.g. ("optimizer", ("adam",)); None = always.
    replaced_by: another setting that takes this one's place while it is not at its
        default (then this one is not drawn), e.g. the per-layer activations.
    decimals: float kinds without presets: digits the number box shows; its +/- step is
        one unit of the last digit (0.999 needs 3, or it shows "1.00").
    variants: (other setting, {its value: Variant}): while the other setting has one of
        these values, this one's default and presets are the Variant's (dropout's rate is
        a probability with its own stops); other values use the setting's own.
    """

    name: str
    kind: str
    default: Any
    group: str
    label: str
    help: str
    resets: str
    choices: tuple[str, ...] | None = None
    low: float | None = None
    high: float | None = None
    step: int | None = None
    presets: tuple[float, ...] | None = None
    min_len: int = 0
    max_len: int | None = None
    shown_when: tuple[str, tuple[str, ...]] | None = None
    replaced_by: str | None = None
    decimals: int | None = None
    variants: tuple[str, Mapping[str, Variant]] | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"setting {self.name!r}: unknown kind {self.kind!r}")
        if self.group not in GROUPS:
            raise ValueError(f"setting {self.name!r}: unknown group {self.group!r}")
        if self.resets not in RESETS:
            raise ValueError(f"setting {self.name!r}: unknown resets {self.resets!r}")
        needs_choices = self.kind in ("choice", "multi_choice", "choice_list")
        if needs_choices and not self.choices:
            raise ValueError(f"setting {self.name!r}: kind {self.kind!r} needs choices")
