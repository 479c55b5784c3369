"""Predict with a model trained in the Neural Network Playground. Needs only NumPy.

    python predict.py rows.csv                   # model.json is read from beside this file
    python predict.py rows.csv --model other/model.json

rows.csv has a header line and one row per example, with the model's input columns in
real units, as in the data the model learned from (text categories as text; other columns
are ignored; the values may be separated by commas, semicolons or tabs). The predictions
go to standard output as CSV: the row's number in the file (1 = the first row under the
header), the prediction (a class name or a value) and, for classes, the probability of
each class. A row that cannot be used (an empty cell, a word where a number belongs, a
category the model never saw) is reported on standard error and left out: the script
never guesses. The exit status is 0 when every row was used, 1 when some were left out,
2 when the file or the model cannot be read at all.

How a row becomes a prediction, step by step (model.json holds every number used):
  1. read the columns listed in model.json's "encoder" -> "columns": a number as it is; a
     text column becomes one 0/1 input per category ("one-hot"), in the listed order;
  2. a 2-D data set ("derived" not null) computes its features from x1 and x2: x1^2,
     x1*x2, sin(x1), ...;
  3. standardize ("mean" and "scale" not null): input = (value - mean) / scale;
  4. the network: each layer computes activation(inputs @ W + b);
  5. the output: a class's probability (softmax or sigmoid), or a value, turned back
     into real units as value * target_scale + target_mean.

This model's input columns:
  (the exporter lists them here)
"""

import argparse
import csv
import json
import math
import sys
from pathlib import Path

import numpy as np

BUNDLE_FORMAT = "nn-playground-bundle"
BUNDLE_VERSION = 1
MISSING = {"", "na", "n/a", "nan", "null", "none", "-", "?", "#n/a"}  # an empty cell
DELIMITERS = (",", ";", "\t")
LEAKY_SLOPE = 0.01  # as the playground's leaky ReLU
GELU_C, GELU_K = math.sqrt(2.0 / math.pi), 0.044715  # the tanh form of GELU
FILE_ERROR, SOME_ROWS_LEFT_OUT = 2, 1

# The 2-D sets' features, computed from the plane's coordinates x1 and x2.
DERIVED = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1^2": lambda x1, x2: x1 * x1,
    "x2^2": lambda x1, x2: x2 * x2,
    "x1*x2": lambda x1, x2: x1 * x2,
    "sin(x1)": lambda x1, x2: np.sin(x1),
    "sin(x2)": lambda x1, x2: np.sin(x2),
}


def sigmoid(z):
    """1 / (1 + e^-z), written so that it never overflows."""
    return 0.5 * np.tanh(0.5 * z) + 0.5


def softmax(z):
    """Each row's outputs as probabilities that add up to 1."""
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


ACTIVATIONS = {
    "linear": lambda z: z,
    "tanh": np.tanh,
    "sigmoid": sigmoid,
    "relu": lambda z: np.maximum(z, 0.0),
    "leaky_relu": lambda z: np.maximum(z, LEAKY_SLOPE * z),
    "elu": lambda z: np.maximum(z, np.expm1(np.minimum(z, 0.0))),
    "swish": lambda z: z * sigmoid(z),
    "gelu": lambda z: 0.5 * z * (1.0 + np.tanh(GELU_C * (z + GELU_K * z**3))),
    "softmax": softmax,
}


class UnusableRowError(Exception):
    """A row that cannot be used, with the reason."""


def fail(message):
    """Stop with a message on standard error: the file or the model cannot be read."""
    print(f"predict.py: {message}", file=sys.stderr)
    sys.exit(FILE_ERROR)


def read_model(path):
    """model.json as a dict; exits with a message if it is not a model bundle's."""
    try:
        model = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        fail(f"cannot read the model {path}: {error}")
    if not isinstance(model, dict) or model.get("format") != BUNDLE_FORMAT:
        fail(f"{path} is not a playground model bundle's model.json")
    if model.get("version") != BUNDLE_VERSION or "encoder" not in model:
        fail(f"{path} is another version, or a model this script cannot run")
    return model


def read_rows(path):
    """(header, rows) of a CSV file, every cell stripped, and its delimiter."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"cannot read {path} as UTF-8 text: {error}")
    first_line = text.lstrip().split("\n", 1)[0]
    counts = [first_line.count(d) for d in DELIMITERS]
    delimiter = DELIMITERS[counts.index(max(counts))] if max(counts) else ","
    try:
        records = [row for row in csv.reader(text.splitlines(), delimiter=delimiter) if row]
    except csv.Error as error:
        fail(f"cannot read {path} as CSV: {error}")
    if not records:
        fail(f"{path} is empty")
    header = [name.strip() for name in records[0]]
    rows = [[cell.strip() for cell in row] for row in records[1:]]
    return header, rows, delimiter


def missing(name, text):
    """Why a cell that marks a missing value cannot be used: empty, or 'NA' and the like."""
    if not text:
        return f"column '{name}' is empty"
    return f"column '{name}' holds {text!r}, which marks a missing value"


def number(text, name, decimal_comma):
    """A cell as a finite number, or UnusableRowError."""
    if text.lower() in MISSING:
        raise UnusableRowError(missing(name, text))
    try:
        value = float(text.replace(",", ".") if decimal_comma else text)
    except ValueError:
        raise UnusableRowError(f"column '{name}' holds {text!r}, not a number") from None
    if not math.isfinite(value):
        raise UnusableRowError(f"column '{name}' holds {text!r}, not a finite number")
    return value


def one_hot(text, column):
    """A text cell as 0/1 values, one per category, or UnusableRowError."""
    if text.lower() in MISSING:
        raise UnusableRowError(missing(column["name"], text))
    if text not in column["categories"]:
        known = ", ".join(column["categories"])
        raise UnusableRowError(f"column '{column['name']}' holds {text!r}, not one of: {known}")
    return [1.0 if text == category else 0.0 for category in column["categories"]]


def raw_inputs(row, where, columns, decimal_comma):
    """One row's raw inputs: numbers as they are, categories one-hot."""
    if len(row) <= max(where.values()):
        raise UnusableRowError("the row has fewer cells than the header")
    values = []
    for column in columns:
        text = row[where[column["name"]]]
        if column["type"] == "number":
            values.append(number(text, column["name"], decimal_comma))
        else:
            values += one_hot(text, column)
    return values


def model_inputs(raw, encoder):
    """Raw inputs (n, r) -> the network's inputs (n, f): derived features, then scaling."""
    if encoder["derived"] is not None:
        x1, x2 = raw[:, 0], raw[:, 1]
        raw = np.column_stack([DERIVED[name](x1, x2) for name in encoder["derived"]])
    if encoder["mean"] is not None:
        raw = (raw - np.array(encoder["mean"])) / np.array(encoder["scale"])
    return raw


def network_output(x, network):
    """The network's output (n, outputs): each layer is activation(x @ W + b); the
    hidden layers' activations are listed in "activations", the last layer's is "output"."""
    names = [*network["activations"], network["output"]]
    for W, b, name in zip(network["weights"], network["biases"], names, strict=True):
        x = ACTIVATIONS[name](x @ np.array(W) + np.array(b))
    return x


def predictions(output, task):
    """(what to print per row, probability columns (n, k) or None) from the output."""
    if task["task"] == "regression":
        values = output[:, 0] * task["target_scale"] + task["target_mean"]
        return [repr(float(v)) for v in values], None
    if output.shape[1] == 1:  # one output neuron: the probability of the second class
        p = output[:, 0]
        p = (p + 1.0) / 2.0 if task["activation"] == "tanh" else p  # tanh is in [-1, 1]
        probabilities = np.column_stack([1.0 - p, p])
        classes = (p > 0.5).astype(int)
    else:
        probabilities, classes = output, np.argmax(output, axis=1)
    return [task["classes"][k] for k in classes], probabilities


def main(argv=None):
    """Read the model and the rows, print the predictions; returns the exit status."""
    parser = argparse.ArgumentParser(description="Predict with a playground model.")
    parser.add_argument("rows", help="a CSV file with the model's input columns")
    default_model = Path(__file__).with_name("model.json")
    parser.add_argument("--model", default=default_model, help="model.json (default: beside)")
    args = parser.parse_args(argv)
    model = read_model(args.model)
    encoder, task = model["encoder"], model["output"]
    header, rows, delimiter = read_rows(args.rows)
    missing = [c["name"] for c in encoder["columns"] if c["name"] not in header]
    if missing:
        fail(f"{args.rows} has no column {', '.join(missing)}")
    where = {name: header.index(name) for name in header}
    numbers, used = [], []
    for i, row in enumerate(rows, start=1):
        try:
            numbers.append(raw_inputs(row, where, encoder["columns"], delimiter == ";"))
            used.append(i)
        except UnusableRowError as reason:
            print(f"row {i}: left out: {reason}", file=sys.stderr)
    width = sum(1 if c["type"] == "number" else len(c["categories"]) for c in encoder["columns"])
    raw = np.array(numbers, dtype=np.float64).reshape(len(numbers), width)
    output = network_output(model_inputs(raw, encoder), model["network"])
    labels, probabilities = predictions(output, task)
    sys.stdout.reconfigure(encoding="utf-8", newline="")  # class names may be any text
    out = csv.writer(sys.stdout, lineterminator="\n")
    classes = [] if probabilities is None else [f"P({name})" for name in task["classes"]]
    out.writerow(["row", task["target"], *classes])
    for k, (i, label) in enumerate(zip(used, labels, strict=True)):
        extra = [] if probabilities is None else [repr(float(p)) for p in probabilities[k]]
        out.writerow([i, label, *extra])
    return SOME_ROWS_LEFT_OUT if len(used) < len(rows) else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. piped into `head`
        sys.exit(0)
