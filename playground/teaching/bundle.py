"""A trained model to take home: model.json, model.npz, predict.py and history.csv.

model.json holds everything a prediction needs, in plain JSON (the engine's own network
format inside): the format and version, the lab, its settings (also as the page's query),
the input encoder (the columns, derived features, scaling and one-hot categories, see
playground.data.encoder_json), the output (task, class names, the target's units) and the
weights, the epochs trained and their history (at most MAX_HISTORY_ROWS rows, for the
importer to go on with the counter and the loss curve). predict.py is predict_template.py
with this model's columns listed in its docstring: it reads model.json and needs only
NumPy. model.npz is the engine's save_npz of the same network (np.load(...,
allow_pickle=False) reads it); history.csv the loss and metrics after every epoch.

A lab whose session has no encoder (every lab but the first) gets model.json with its
network (no "encoder", no "output"), model.npz and history.csv: no predict.py.
No streamlit.
"""

from __future__ import annotations

import csv
import io
import json
import math
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import numpy as np

from playground.data.encoder_json import encoder_to_dict
from playground.engine.serialize import save_npz
from playground.plots.arrays import minmax_indices
from playground.teaching.predict_template import BUNDLE_FORMAT, BUNDLE_VERSION

TEMPLATE = Path(__file__).with_name("predict_template.py")
COLUMNS_MARK = "  (the exporter lists them here)\n"  # the template's line the columns replace
BUNDLE_FILES = ("model.json", "model.npz", "predict.py", "history.csv")
MAX_HISTORY_ROWS = 5_000
"""History rows model.json keeps (a longer run's are thinned, keeping each stretch's lowest
and highest losses, the first, the last and the restored epoch's): ~0.5 MB of JSON at
most; history.csv has every row."""


def settings_json(settings) -> dict[str, Any]:
    """Settings as JSON data (tuples become lists)."""
    return {name: list(v) if isinstance(v, tuple) else v for name, v in settings.items()}


def output_dict(session) -> dict[str, Any]:
    """What the first lab's output means: the task, the output activation and loss, the
    class names (None for regression), the target's name and its units (a regression
    output times target_scale plus target_mean is in real units)."""
    ds, spec = session.dataset, session.spec
    return {
        "task": ds.task,
        "activation": spec.output,
        "loss": spec.loss,
        "classes": None if ds.class_names is None else list(ds.class_names),
        "target": ds.target_name,
        "target_mean": float(ds.target_mean),
        "target_scale": float(ds.target_scale),
    }


def can_export(session) -> bool:
    """Whether the session's lab has a network to bundle (every lab trained by the
    engine's Trainer; not the reinforcement lab's agent)."""
    return hasattr(session, "network") and hasattr(session, "trainer")


def has_encoder(session) -> bool:
    """Whether the session's model reads encoded table rows (the first lab's: a dataset
    with its encoder and a model spec): its bundle then has "encoder", "output" and
    predict.py."""
    return getattr(session, "dataset", None) is not None and (
        getattr(session, "spec", None) is not None
    )


def model_dict(session) -> dict[str, Any]:
    """model.json's content for a session (hold its lock while calling, or let
    bundle_files do it)."""
    lab = session.lab
    model = {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "lab": lab.name,
        "query": urlencode(lab.to_query(session.settings)),
        "settings": settings_json(session.settings),
        "epoch": session.epoch,
        "metrics": session.record(),
    }
    restored = session.stop_watch.restored_epoch if hasattr(session, "stop_watch") else None
    model["history"] = history_columns(session.trainer.history, restored)
    if has_encoder(session):
        dataset = session.dataset
        model["dataset"] = dataset.name
        model["encoder"] = encoder_to_dict(dataset.encoder, dataset.feature_names)
        model["output"] = output_dict(session)
    model["network"] = session.network.to_dict()
    return model


def _column_line(column: dict) -> str:
    if column["type"] == "number":
        return f"  {column['name']}: a number"
    return f"  {column['name']}: one of {', '.join(column['categories'])}"


def predict_script(model: dict) -> str:
    """predict.py for this model: the template, its docstring listing the input columns."""
    columns = model["encoder"]["columns"]
    derived = model["encoder"]["derived"]
    lines = [_column_line(column) for column in columns]
    if derived is not None:
        lines.append(f"  (the network's inputs, computed from them: {', '.join(derived)})")
    listed = "".join(f"{line}\n" for line in lines)
    listed = listed.replace("\\", "\\\\").replace('"""', '\\"""')  # a docstring stays one
    return TEMPLATE.read_text(encoding="utf-8").replace(COLUMNS_MARK, listed, 1)


def history_columns(history, keep_epoch: int | None = None) -> dict[str, list]:
    """The training history for model.json: column name -> list (a non-finite value as
    None, JSON has no NaN), at most MAX_HISTORY_ROWS rows (thinned by the losses' shape,
    the first and last rows kept, and the row of keep_epoch, e.g. the restored one)."""
    columns = {name: history.column(name) for name in history.columns}
    losses = [columns[name] for name in ("train_loss", "test_loss") if name in columns]
    keep = minmax_indices(losses, MAX_HISTORY_ROWS - 1)
    if keep_epoch is not None:
        keep = np.union1d(keep, np.flatnonzero(columns["epoch"] == keep_epoch))
    return {
        name: [int(v) for v in values[keep]] if name == "epoch"
        else [float(v) if math.isfinite(v) else None for v in values[keep]]
        for name, values in columns.items()
    }  # fmt: skip


def history_csv(history) -> str:
    """The training history as CSV text: a header of its columns, one row per epoch
    (epoch 0, before training, first); numbers as Python writes them back exactly."""
    text = io.StringIO()
    out = csv.writer(text, lineterminator="\n")
    out.writerow(history.columns)
    for i in range(len(history)):
        row = history[i]
        out.writerow([repr(row[name]) for name in history.columns])
    return text.getvalue()


def model_json(model: dict) -> str:
    """model.json's text: one line per top-level field (the weights on one line), and no
    NaN or Infinity, which are not JSON (the engine keeps its weights finite)."""
    fields = [
        f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False, allow_nan=False)}"
        for key, value in model.items()
    ]
    return "{\n" + ",\n".join(fields) + "\n}\n"


def bundle_files(session) -> dict[str, bytes]:
    """File name -> content of the session's bundle, taken at one moment (under its
    lock: the live feed may be training)."""
    with session.lock:
        model = model_dict(session)
        npz = io.BytesIO()
        save_npz(session.network, npz)
        history = history_csv(session.trainer.history)
    files = {
        "model.json": model_json(model).encode("utf-8"),
        "model.npz": npz.getvalue(),
    }
    if "encoder" in model:
        files["predict.py"] = predict_script(model).encode("utf-8")
    files["history.csv"] = history.encode("utf-8")
    return files


def write_bundle(session, directory) -> list[Path]:
    """Write the bundle's files into `directory` (made if missing); their paths."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, content in bundle_files(session).items():
        path = folder / name
        path.write_bytes(content)
        paths.append(path)
    return paths


def bundle_zip(session) -> bytes:
    """The bundle as the bytes of a .zip archive (files in a folder "model/")."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in bundle_files(session).items():
            archive.writestr(f"model/{name}", content)
    return buffer.getvalue()
