"""The upload limits agree: the largest table the row and column caps allow fits under the
byte cap, and the uploader, the server and the loader stop at the same size. A 2 MB cap
used to make "10,000 rows, 50 columns" unreachable."""

import tomllib
from pathlib import Path

import numpy as np

from playground.data import limits, load_csv

CONFIG = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"
MIB = 2**20


def largest_allowed_table() -> bytes:
    """MAX_CSV_ROWS x MAX_CSV_COLUMNS of numbers at full precision (as Python writes
    floats: repr, up to 17 significant digits), the last column a class label."""
    rng = np.random.default_rng(0)
    n_inputs = limits.MAX_CSV_COLUMNS - 1
    values = rng.normal(size=(limits.MAX_CSV_ROWS, n_inputs)) * rng.uniform(1, 1000, n_inputs)
    labels = rng.integers(0, 3, limits.MAX_CSV_ROWS)
    header = ",".join([*(f"measurement_{i}" for i in range(n_inputs)), "label"])
    rows = (
        ",".join([*map(repr, row.tolist()), str(label)])
        for row, label in zip(values, labels, strict=True)
    )
    return "\n".join([header, *rows]).encode()


def test_the_row_and_column_caps_can_be_reached_under_the_byte_cap():
    data = largest_allowed_table()
    assert len(data) <= limits.MAX_CSV_BYTES
    ds = load_csv(data)
    assert len(ds.X_train) + len(ds.X_test) == limits.MAX_CSV_ROWS
    assert len(ds.feature_names) == limits.MAX_CSV_COLUMNS - 1


def test_the_uploader_stops_at_the_loader_cap():
    assert limits.UPLOADER_MAX_MB * MIB == limits.MAX_CSV_BYTES


def test_the_server_accepts_what_the_uploader_accepts():
    server_mb = tomllib.loads(CONFIG.read_text())["server"]["maxUploadSize"]
    assert server_mb >= limits.UPLOADER_MAX_MB


def test_the_page_states_every_cap():
    note = " ".join(limits.describe_csv_limits())
    assert "at most 10 MB" in note
    assert f"{limits.MAX_CSV_ROWS:,} rows" in note and f"{limits.MAX_CSV_COLUMNS} columns" in note
