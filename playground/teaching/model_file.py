"""A model.json's fields, read and checked one by one (the importer's, model_import.py).

The file may be anyone's, so it is read as plain JSON only (no pickle, nothing evaluated),
within a size cap: parse_model_file. Then each field the importer uses is checked here:
the settings (as the page's URL is), the network (the engine's checks: layer types, sizes,
shapes, finite numbers), the epochs and the history. Every problem is a ModelFileError
with one plain sentence for the page. A lab's own fields (the first lab's encoder and
output) are its own to check (Lab.open_model). No streamlit; nothing from playground.labs.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from urllib.parse import parse_qs

import numpy as np

from playground import config
from playground.engine import Sequential
from playground.teaching.bundle import MAX_HISTORY_ROWS

MAX_MODEL_BYTES = 4 * 2**20
"""Largest model.json taken (MiB): the first lab's largest network the host's limits allow,
100 inputs and 8 hidden layers of 64, is ~36,000 numbers, ~0.8 MB as JSON; the largest
autoencoder ~1.4 MB, a vision network with pooling at most ~1.9 MB (one without pooling,
many filters and wide dense layers can pass the cap: it downloads, but is not imported)."""
MAX_QUERY_CHARS = 10_000
MAX_EPOCH = 10**9  # more epochs than any session trains
MAX_QUOTED = 200  # characters of an engine's message (it may quote the file) in a sentence

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


def model_settings(model: dict, lab, current: Mapping) -> dict:
    """The settings the file's query names, validated as a URL's; what the current page's
    link fixes (hides) must be as the file says. Raises ModelFileError."""
    query = model.get("query")
    if query is None:  # every model.json the page or --export writes has its query
        raise ModelFileError(
            "The file has no 'query' (the settings a model is trained with): it is not a "
            "whole model.json, perhaps a part of one, or cut short."
        )
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


def saved_network(model: dict) -> Sequential:
    """The file's "network" rebuilt by the engine (a Network, or a Sequential of any
    layers), its parameters checked for shape and finite numbers."""
    data = model.get("network")
    if not isinstance(data, dict):
        raise ModelFileError("The model's 'network' is missing.")
    try:
        return Sequential.from_dict(data)
    except ValueError as error:  # may quote the file's values: at most MAX_QUOTED of it
        raise ModelFileError(f"The model's network is not valid: {_quoted(error)}.") from None


def _quoted(error: Exception) -> str:
    text = str(error)
    return text if len(text) <= MAX_QUOTED else text[: MAX_QUOTED - 1] + "…"


def _whole(value, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ModelFileError(f"The model's {name} must be a whole number from {low} to {high:,}.")
    return value


def _epochs(model: dict) -> tuple[int, int | None]:
    """(epochs trained, the restored best weights' epoch or None) of the file: "epoch"
    (0 when missing) and metrics.restored_epoch (the headless record's)."""
    epoch = _whole(model.get("epoch", 0), "'epoch'", 0, MAX_EPOCH)
    metrics = model.get("metrics")
    restored = metrics.get("restored_epoch") if isinstance(metrics, dict) else None
    if restored is not None:  # the epoch of weights restored after training went past it
        if epoch == 0:
            raise ModelFileError("The model's metrics.restored_epoch must be before its epoch.")
        restored = _whole(restored, "metrics.restored_epoch", 0, epoch - 1)
    return epoch, restored


def _number(value, name: str) -> float:
    """A history value: a finite number, or None (JSON's null) for a missing one (nan)."""
    if value is None:
        return math.nan
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ModelFileError(f"The model's history.{name} must hold numbers.")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise ModelFileError(f"The model's history.{name} must hold finite numbers.")
    return number


def _history_rows(history, columns: tuple[str, ...], epoch: int) -> np.ndarray:
    """The file's history as rows (n, len(columns)), checked: the trainer's columns, 1 to
    MAX_HISTORY_ROWS rows, epochs increasing from 0 or more up to `epoch`, numbers."""
    if not isinstance(history, dict) or set(history) != set(columns):
        raise ModelFileError(
            f"The model's 'history' must have the columns {', '.join(columns)}, one list each."
        )
    lists = [history[name] for name in columns]
    n = len(lists[0]) if isinstance(lists[0], list) else -1
    if not 1 <= n <= MAX_HISTORY_ROWS or any(
        not isinstance(values, list) or len(values) != n for values in lists
    ):
        raise ModelFileError(
            f"The model's history columns must be lists of the same length, 1 to "
            f"{MAX_HISTORY_ROWS:,} rows."
        )
    epochs = [_whole(e, "history epochs", 0, epoch) for e in lists[0]]
    if any(b <= a for a, b in zip(epochs, epochs[1:], strict=False)) or epochs[-1] != epoch:
        raise ModelFileError(
            f"The model's history epochs must increase and end at its epoch ({epoch})."
        )
    rows = np.empty((n, len(columns)))
    rows[:, 0] = epochs
    for j, (name, values) in enumerate(zip(columns[1:], lists[1:], strict=True), start=1):
        rows[:, j] = [_number(value, name) for value in values]
    return rows


def past(model: dict, columns: tuple[str, ...]) -> tuple[np.ndarray, int | None]:
    """(history rows, restored epoch or None) to go on from (TrainingSession.carry_history).
    Without a history (an older file) the counter goes on from the weights' epoch alone."""
    epoch, restored = _epochs(model)
    if model.get("history") is None:
        weights_epoch = epoch if restored is None else restored
        return np.array([[weights_epoch] + [math.nan] * (len(columns) - 1)]), None
    rows = _history_rows(model["history"], columns, epoch)
    if restored is not None and restored not in rows[:, 0]:
        raise ModelFileError(f"The model's history has no row of its restored epoch {restored}.")
    return rows, restored
