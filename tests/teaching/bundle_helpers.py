"""Helpers for the model-bundle tests: trained sessions, rows in real units, and running
an exported predict.py where only NumPy can be imported."""

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from playground.labs.classify.lab import CLASSIFY
from playground.labs.classify.session import CsvChoice, Playground
from playground.problem import class_probabilities, predicted_classes

PENGUINS_ALL = "bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,island,sex"
# The other labs whose bundles download and import: a small model of each (seconds to train).
LAB_QUERIES = {
    "autoencoder": "encoder=16",
    "convnet": "conv_filters=4&train_pct=50",
    "rnn": "units=8",
}

# A CSV with a text target and a text feature among numbers (60 rows, no pattern needed).
_RNG = np.random.default_rng(3)
FRUIT_CSV = "weight_g,colour,length cm,fruit\n" + "".join(
    f"{w:.1f},{c},{n:.2f},{f}\n"
    for w, c, n, f in zip(
        _RNG.uniform(80, 220, 60),
        _RNG.choice(["red", "yellow", "green"], 60),
        _RNG.uniform(4, 20, 60),
        _RNG.choice(["apple", "banana", "cherry"], 60),
        strict=True,
    )
)


def trained(query: str, epochs: int = 5, csv_text: str | None = None) -> Playground:
    """A first-lab session opened from a query (with a CSV if given), trained `epochs`."""
    settings, notes = CLASSIFY.settings_from_query(
        {k: [v] for k, v in (p.split("=", 1) for p in query.split("&"))}
    )
    assert not notes, notes
    choice = None if csv_text is None else CsvChoice(csv_text.encode())
    session = Playground(settings, choice)
    for _ in range(epochs):
        session.step()
    return session


def text_rows(session) -> str:
    """The session's training and test rows written back as a CSV in real units: numbers
    as Python writes them (exactly), a one-hot group as its category's text."""
    ds = session.dataset
    raw = np.concatenate([ds.raw_train, ds.raw_test])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["ignored column", *(c.name for c in ds.encoder.columns)])
    for values in raw:
        cells, j = ["x"], 0
        for column in ds.encoder.columns:
            block = values[j : j + column.width]
            if column.categories is None:
                cells.append(repr(float(block[0])))
            else:
                cells.append(column.categories[int(np.argmax(block))])
            j += column.width
        writer.writerow(cells)
    return out.getvalue()


def page_predictions(session) -> tuple[list[str], np.ndarray]:
    """What the page predicts for the session's training then test rows: class names and
    probabilities (n, k) per class, or values in real units and an empty (n, 0)."""
    ds, spec = session.dataset, session.spec
    X = np.concatenate([ds.X_train, ds.X_test])
    output = session.network.predict(X)
    if ds.task == "regression":
        values = output[:, 0] * ds.target_scale + ds.target_mean
        return [repr(float(v)) for v in values], np.zeros((len(X), 0))
    p = class_probabilities(spec, output)
    probabilities = np.column_stack([1 - p, p]) if p.ndim == 1 else p
    names = [ds.class_names[k] for k in predicted_classes(spec, output)]
    return names, probabilities


def numpy_only_path(tmp_path: Path) -> Path:
    """A folder holding only NumPy (links to the installed package and its libraries)."""
    folder = tmp_path / "numpy_only"
    folder.mkdir()
    site = Path(np.__file__).resolve().parent.parent
    for name in ("numpy", "numpy.libs"):
        if (site / name).exists():
            (folder / name).symlink_to(site / name)
    return folder


def run_isolated(args: list[str], cwd: Path, numpy_folder: Path) -> subprocess.CompletedProcess:
    """Run `python -S args...` in `cwd` with only `numpy_folder` on the import path: no
    site-packages (so no pandas, streamlit or playground) and no inherited environment."""
    env = {"PYTHONPATH": str(numpy_folder), "PATH": os.environ.get("PATH", ""), "LANG": "C"}
    return subprocess.run(
        [sys.executable, "-S", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def read_output(text: str) -> tuple[list[str], list[int], list[str], np.ndarray]:
    """predict.py's CSV: (header, row numbers, predictions, probabilities (n, k))."""
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    numbers = [int(r[0]) for r in body]
    probabilities = np.array([[float(v) for v in r[2:]] for r in body]).reshape(len(body), -1)
    return header, numbers, [r[1] for r in body], probabilities
