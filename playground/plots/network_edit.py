"""What a click on the network view may change: the hidden layers and the input features.

The figure carries, on each control, the complete new value it asks for as a small JSON
object ("edit payload", e.g. {"hidden": [4, 3]}): the page sends it back unchanged and the
server validates it like any other setting change (a target, not a +1, so a click that
arrives twice changes nothing more).
"""

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class NetworkEdit:
    """Which edits the view offers: layers and neurons (limits max_layers, max_neurons;
    a new layer gets new_layer_size neurons when there is none to copy) and, if features,
    a click on an input feature turning it on or off."""

    max_layers: int
    max_neurons: int
    layers: bool = True
    features: bool = True
    new_layer_size: int = 4


def payload(**change) -> str:
    """The edit payload for one setting change, e.g. payload(hidden=[4, 3])."""
    return json.dumps(change, separators=(",", ":"))


def layer_count_targets(hidden: list[int], edit: NetworkEdit) -> tuple[str | None, str | None]:
    """(remove, add) payloads for the number of hidden layers; None where not possible.
    Adding copies the last layer's size, as the sidebar's button does."""
    remove = payload(hidden=hidden[:-1]) if hidden else None
    new = hidden[-1] if hidden else edit.new_layer_size
    add = payload(hidden=[*hidden, new]) if len(hidden) < edit.max_layers else None
    return remove, add


def neuron_targets(
    hidden: list[int], layer: int, edit: NetworkEdit
) -> tuple[str | None, str | None]:
    """(fewer, more) payloads for hidden layer `layer` (0-based); None at the limits."""

    def changed(size: int) -> str:
        return payload(hidden=[size if i == layer else n for i, n in enumerate(hidden)])

    size = hidden[layer]
    return (changed(size - 1) if size > 1 else None,
            changed(size + 1) if size < edit.max_neurons else None)  # fmt: skip


def feature_target(keys: list[str], used: list[str], key: str) -> str | None:
    """The payload that turns feature `key` on or off (in `keys` order); None for the
    last feature in use (a network needs an input)."""
    if key in used:
        rest = [k for k in keys if k in used and k != key]
        return payload(features=rest) if rest else None
    return payload(features=[k for k in keys if k in used or k == key])
