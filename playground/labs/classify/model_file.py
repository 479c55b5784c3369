"""The first lab's part of importing a model.json: what the file says about its data.

A model of this lab carries its input encoder (columns, categories, scaling) and its output
(task, class names, the target's units) besides the network, and it must fit the data its
settings open exactly: a model of other data would predict nonsense. The network must be
the engine's dense format (sizes and activations), as this lab's networks are saved; the
generic checks (the network's layers and shapes, the epochs, the history) are the
importer's (playground/teaching/model_import.py). No streamlit.
"""

from __future__ import annotations

import math

import numpy as np

from playground.data import CSV_INFO
from playground.data.encoder_json import encoder_from_dict, same_encoding
from playground.engine.serialize import FORMAT as NETWORK_FORMAT
from playground.labs.classify.session import CsvChoice, Playground
from playground.teaching.model_file import ModelFileError


def open_model(settings: dict, model: dict, current: Playground) -> Playground:
    """The session the file's settings open, on the data they name (a CSV model needs the
    file the page has), after the file's encoder and output are checked against those
    data. Raises ModelFileError (DataError: the data cannot be opened)."""
    network = model.get("network")
    if not isinstance(network, dict) or network.get("format") != NETWORK_FORMAT:
        raise ModelFileError("The model's 'network' is missing or not a dense network.")
    try:
        encoder, _ = encoder_from_dict(model.get("encoder"))
    except ValueError as error:
        raise ModelFileError(f"The model's encoder is not valid: {error}.") from None
    output = _output(model)
    session = Playground(settings, _csv(settings, current, encoder, output))
    problem = _mismatch(session, encoder, output)
    if problem:
        raise ModelFileError(f"This model does not fit its data: {problem}.")
    return session


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


def _csv(settings: dict, current: Playground, encoder, output: dict) -> CsvChoice | None:
    """The uploaded file a CSV model learned from, with its columns: the page's upload."""
    if settings["dataset"] != "csv":
        return None
    if getattr(current, "csv", None) is None:
        raise ModelFileError(
            "This model learned from an uploaded CSV file: upload that "
            "file first, then import the model again."
        )
    columns = tuple(column.name for column in encoder.columns)
    return CsvChoice(current.csv.raw, current.csv.name, output.get("target"), columns)


def _mismatch(session: Playground, encoder, output: dict) -> str | None:
    """What about the model's inputs and output does not fit the session's data, or None."""
    ds = session.dataset
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
    return None
