"""Read a model.json back (a model bundle's) and open a first-lab session that predicts with it.

The file may be anyone's, so it is read as plain JSON only (no pickle, nothing evaluated),
within a size cap, and checked field by field: the format and version, the lab, the
settings (validated as the page's URL is), the encoder, the output and the network (the
engine's checks: layer sizes, shapes, finite numbers). Then the session the settings
describe is built, and the model must fit its data exactly (the same columns, categories,
scaling, classes and network shape): a model of other data would predict nonsense. Every
problem is a ModelFileError with one plain sentence for the page; the caller's session is
never touched (the new one replaces it only when everything passed). No streamlit.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from urllib.parse import parse_qs

import numpy as np

from playground import config
from playground.data import CSV_INFO, DataError
from playground.data.encoder_json import encoder_from_dict, same_encoding
from playground.engine import Network
from playground.engine.serialize import FORMAT as NETWORK_FORMAT
from playground.labs.classify.session import CsvChoice, Playground
from playground.teaching.predict_template import BUNDLE_FORMAT, BUNDLE_VERSION

MAX_MODEL_BYTES = 4 * 2**20
"""Largest model.json taken (MiB): the largest network the host's limits allow, 100 inputs
and 8 hidden layers of 64, is ~36,000 numbers, ~0.8 MB as JSON."""
MAX_QUERY_CHARS = 10_000

_BINARY = (
    (b"PK\x03\x04", "a zip archive (a bundle's .zip, or model.npz): import the model.json in it"),
    (b"\x93NUMPY", "a NumPy array file: import model.json, not model.npz"),
    (b"\x80", "a Python pickle, which the playground never loads"),
    (b"\x1f\x8b", "a gzip-compressed file"),
)


class ModelFileError(ValueError):
    """A model file the page will not use; str() is one plain sentence for the page."""


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def parse_model_file(raw: bytes) -> dict:
    """The bytes of a model.json as a dict of plain JSON data, within MAX_MODEL_BYTES.
    Raises ModelFileError for anything else (binary, not UTF-8, not JSON, NaN, too deep)."""
    if not isinstance(raw, bytes | bytearray | memoryview):
        raise ModelFileError("The upload must be the bytes of a model.json file.")
    if len(raw) > MAX_MODEL_BYTES:
        raise ModelFileError(
            f"The file is {len(raw) / 2**20:.1f} MB; a model.json is at most "
            f"{MAX_MODEL_BYTES // 2**20} MB."
        )
    data = bytes(raw)
    for magic, what in _BINARY:
        if data.startswith(magic):
            raise ModelFileError(f"This is {what}.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ModelFileError("The file is not UTF-8 text, so it is not a model.json.") from None
    try:
        model = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise ModelFileError("The file nests its data too deeply to be a model.json.") from None
    except ValueError as error:  # JSONDecodeError, NaN/Infinity, a 5,000-digit integer
        raise ModelFileError(f"The file is not valid JSON ({str(error)[:120]}).") from None
    if not isinstance(model, dict):
        raise ModelFileError("The file holds JSON, but not an object with a model's fields.")
    return model


def _check_header(model: dict, lab_name: str) -> None:
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
    if model.get("lab") != lab_name:
        raise ModelFileError(
            f"This model was made in another lab than '{lab_name}'; only "
            "models of this page's lab can be imported here."
        )


def model_settings(model: dict, lab, current: Mapping) -> dict:
    """The settings the file's query names, validated as a URL's; what the current page's
    link fixes (hides) must be as the file says. Raises ModelFileError."""
    query = model.get("query")
    if not isinstance(query, str) or len(query) > MAX_QUERY_CHARS:
        raise ModelFileError(
            f"The model's 'query' must be a text of at most {MAX_QUERY_CHARS:,} characters."
        )
    try:
        params = parse_qs(query, keep_blank_values=True)
    except ValueError:
        raise ModelFileError("The model's 'query' cannot be read.") from None
    settings, notes = lab.settings_from_query(params)
    if notes:
        raise ModelFileError("The model's settings are not valid here: " + " ".join(notes))
    for name in ("hide", "present"):  # the page's, not the file's: how the page looks
        if name in settings:
            settings[name] = current.get(name, settings[name])
    _, fixed = config.keep_hidden(current, settings, lab.table)
    if fixed:
        names = ", ".join(sorted(fixed))
        raise ModelFileError(f"This page's link fixes {names}; the model needs other values.")
    return settings


def _network(model: dict) -> Network:
    data = model.get("network")
    if not isinstance(data, dict) or data.get("format") != NETWORK_FORMAT:
        raise ModelFileError("The model's 'network' is missing or not a dense network.")
    try:
        return Network.from_dict(data)
    except ValueError as error:
        raise ModelFileError(f"The model's network is not valid: {error}.") from None


def _output(model: dict) -> dict:
    output = model.get("output")
    if not isinstance(output, dict) or output.get("task") not in CSV_INFO.tasks:  # every task
        raise ModelFileError("The model's 'output' must name its task.")
    classes = output.get("classes")
    if output["task"] != "regression" and not (
        isinstance(classes, list) and all(isinstance(c, str) for c in classes)
    ):
        raise ModelFileError("The model's 'output' must list its class names.")
    for key in ("target_mean", "target_scale"):
        value = output.get(key)
        if type(value) not in (int, float) or not math.isfinite(value):
            raise ModelFileError(f"The model's output.{key} must be a finite number.")
    return output


def _session(settings: dict, current, encoder, output: dict) -> Playground:
    """The session the settings describe; a CSV model needs the file the page has."""
    csv = None
    if settings["dataset"] == "csv":
        if current.csv is None:
            raise ModelFileError(
                "This model learned from an uploaded CSV file: upload that "
                "file first, then import the model again."
            )
        columns = tuple(column.name for column in encoder.columns)
        csv = CsvChoice(current.csv.raw, current.csv.name, output.get("target"), columns)
    try:
        return Playground(settings, csv)
    except DataError as error:
        raise ModelFileError(f"The model's data cannot be opened: {error}") from None


def _mismatch(session: Playground, net: Network, encoder, output: dict) -> str | None:
    """What about the model does not fit the session's data, or None."""
    ds, spec = session.dataset, session.spec
    if not same_encoding(encoder, ds.encoder):
        return "its inputs (columns, categories or scaling) differ from these data's"
    if output["task"] != ds.task or output.get("classes") != (
        None if ds.class_names is None else list(ds.class_names)
    ):
        return "its task or class names differ from these data's"
    if not np.isclose(output["target_mean"], ds.target_mean, rtol=1e-12, atol=0) or not (
        np.isclose(output["target_scale"], ds.target_scale, rtol=1e-12, atol=0)
    ):
        return "its target's units differ from these data's"
    if tuple(net.sizes) != spec.sizes or net.activations != [*spec.hidden_activations, spec.output]:
        return f"its network {net.sizes} differs from the one its settings build {list(spec.sizes)}"
    return None


def imported_session(raw: bytes, current: Playground) -> Playground:
    """A new first-lab session that starts from the model in `raw` (a model.json's bytes)
    at epoch 0, on the data its settings name; `current` (the page's session) is only
    read. Raises ModelFileError with a sentence for the page."""
    model = parse_model_file(raw)
    lab = current.lab
    _check_header(model, lab.name)
    settings = model_settings(model, lab, current.settings)
    try:
        encoder, _ = encoder_from_dict(model.get("encoder"))
    except ValueError as error:
        raise ModelFileError(f"The model's encoder is not valid: {error}.") from None
    output, net = _output(model), _network(model)
    session = _session(settings, current, encoder, output)
    problem = _mismatch(session, net, encoder, output)
    if problem:
        raise ModelFileError(f"This model does not fit its data: {problem}.")
    session.start_from(net.params.copy())
    return session
