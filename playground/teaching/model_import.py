"""Read a model.json back (a model bundle's) and open a session of the page's lab with it.

Any lab whose bundle can be downloaded (bundle.can_export: trained by the engine's
Trainer) takes its own models back. The file is read and its fields checked in
model_file.py (plain JSON within a size cap, the settings as a URL's, the network by the
engine, the epochs and the history); here the format, version and lab are checked (a
model of another lab names that lab), the lab opens the session its settings describe
(Lab.open_model: the first lab also checks its encoder and output against the data), and
the file's network must be the one those settings build: the same layers, activations
and parameter shapes. Then the weights go in (TrainingSession.start_from) and the epochs
and the history go on where the file left them (carry_history; restored best weights
shown as restored). Every problem is a ModelFileError with one plain sentence for the
page; the caller's session is never touched (the new one replaces it only when
everything passed). No streamlit.
"""

from __future__ import annotations

from playground.data import DataError
from playground.labs.registry import LABS
from playground.teaching.bundle import can_export
from playground.teaching.model_file import (
    MAX_MODEL_BYTES,
    ModelFileError,
    model_settings,
    parse_model_file,
    past,
    saved_network,
)
from playground.teaching.predict_template import BUNDLE_FORMAT, BUNDLE_VERSION

__all__ = ["MAX_MODEL_BYTES", "ModelFileError", "imported_session"]


def _check_header(model: dict, lab) -> None:
    if model.get("format") != BUNDLE_FORMAT:
        raise ModelFileError(
            "This JSON is not a playground model (its format is not "
            f"'{BUNDLE_FORMAT}'); import the model.json of a model bundle."
        )
    if model.get("version") != BUNDLE_VERSION:
        raise ModelFileError(
            f"This model file is of another version than {BUNDLE_VERSION}, "
            "the one this playground reads."
        )
    if model.get("lab") != lab.name:
        raise ModelFileError(_another_lab(model.get("lab"), lab))


def _another_lab(name, lab) -> str:
    """The sentence for a model of another lab than `lab`: which one, and where it goes."""
    other = LABS.get(name) if isinstance(name, str) else None
    if other is None:
        return (
            f"This model was made in another lab than '{lab.name}'; only "
            "models of this page's lab can be imported here."
        )
    return (
        f"This model was made in another lab, {other.title} ('{other.name}'): open that "
        f"lab's page (/{other.path}) and import it there."
    )


SHOWN_LAYERS = 20  # a message lists at most this many of a network's layers


def _layers(net) -> str:
    """A network's input and layers in words with their output shapes, e.g.
    "input 9, Dense 4, Dense 3" (the first SHOWN_LAYERS layers, then how many more)."""
    shape = "×".join(map(str, net.input_shape))
    names = [f"{layer.type_name} {'×'.join(map(str, layer.output_shape))}"
             for layer in net.layers[:SHOWN_LAYERS]]  # fmt: skip
    more = len(net.layers) - SHOWN_LAYERS
    return ", ".join([f"input {shape}", *names, *([f"{more} more"] if more > 0 else [])])


def _network_mismatch(net, built) -> str | None:
    """How the file's network differs from the one the settings build, or None."""
    shapes = [layer.param_shapes() for layer in net.layers]
    if net.input_shape != built.input_shape or [type(layer) for layer in net.layers] != [
        type(layer) for layer in built.layers
    ] or shapes != [layer.param_shapes() for layer in built.layers]:  # fmt: skip
        return (
            f"its network ({_layers(net)}) differs from the one its settings build "
            f"({_layers(built)})"
        )
    for i, (layer, want) in enumerate(zip(net.layers, built.layers, strict=True)):
        have, need = _flat(layer.config()), _flat(want.config())
        if have != need:
            key = next(key for key in (*need, *have) if have.get(key) != need.get(key))
            return (
                f"its layer {i + 1} ({layer.type_name}) has {key[-1]} {have.get(key)!r}, "
                f"where its settings build {need.get(key)!r}"
            )
    return None


def _flat(config: dict, path: tuple = ()) -> dict[tuple, object]:
    """A layer's config with nested ones (a wrapped layer's) flattened: path -> value."""
    flat = {}
    for key, value in config.items():
        if isinstance(value, dict):
            flat.update(_flat(value, (*path, key)))
        else:
            flat[(*path, key)] = value
    return flat


def imported_session(raw: bytes, current):
    """A new session of `current`'s lab that starts from the model in `raw` (a model.json's
    bytes) at its epoch with its history (restored best weights shown as restored), on the
    data its settings name; `current` (the page's session) is only read. Raises
    ModelFileError with a sentence for the page."""
    model = parse_model_file(raw)
    lab = current.lab
    _check_header(model, lab)
    if not can_export(current):
        raise ModelFileError(f"Models cannot be imported on the {lab.title} lab's page.")
    settings = model_settings(model, lab, current.settings)
    net = saved_network(model)
    try:
        session = lab.open_model(settings, model, current)
    except DataError as error:
        raise ModelFileError(f"The model's data cannot be opened: {error}") from None
    problem = _network_mismatch(net, session.trainer.net)
    if problem:
        raise ModelFileError(f"This model does not fit its data: {problem}.")
    session.start_from(net.params.copy())
    session.carry_history(*past(model, session.trainer.history.columns))
    return session
