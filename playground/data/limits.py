"""Every cap of the data layer, in one place, so the page can show them to the user.

The CSV limits keep one upload from hanging the shared server or filling its memory:
the byte size is checked before anything is parsed, then rows and columns while the
text is scanned, then the values. The ones a host may change come from
``playground.hosting`` (environment variables or a file).
"""

from playground.hosting import HOST

MAX_CSV_BYTES = HOST.max_upload_mb * 2**20
"""Largest CSV upload, in bytes (checked before decoding); a host limit, 10 MB by default,
as Streamlit's uploader counts them (MiB), so its own refusal ("File must be 10.0MB or
smaller") and this cap say the same number. Sized so the row and column caps can be
reached: 10,000 rows x 50 columns of numbers written at full precision (as Python, pandas
or a spreadsheet's round-trip export write floats, ~19 bytes a cell) measured 9.3 MB; the
same table with 3 decimals is 4 MB. Loading it takes ~0.6 s and ~70 MB for a moment on one core."""

UPLOADER_MAX_MB = MAX_CSV_BYTES // 2**20
"""The file uploader's own limit, in Streamlit's unit (MiB): the byte cap. The uploader
refuses a larger file in the browser with only a red mark, so the page states the limits
under it. ``server.maxUploadSize`` in .streamlit/config.toml, which the server enforces,
must be at least this (tests/data/test_data_limits.py)."""

MAX_CSV_ROWS = HOST.max_csv_rows
"""Most data rows in a CSV (the header line not counted); a host limit."""

MAX_CSV_COLUMNS = 50
"""Most columns in a CSV."""

MAX_NAME_CHARS = 40
"""Longest column, class or category name kept from a file; longer ones are cut short
(ending in "…"). Every chart title, label and hover text repeats the names, so without a
cap a 1.9 MB header made every live frame 3.55 MB."""

MIN_ROWS = 10
"""Fewest usable rows (after rows with missing values are dropped) to train and test on."""

MAX_CLASSES = 20
"""Most classes a classification target may have."""

MAX_AUTO_CLASSES = 10
"""A numeric target of whole numbers with at most this many distinct values is taken to
be classes when the task is not given."""

MAX_ONE_HOT_CATEGORIES = 20
"""Most distinct values a text feature may have to be one-hot encoded."""

MAX_ENCODED_FEATURES = 100
"""Most model inputs after one-hot encoding."""

MAX_ABS_VALUE = 1e9
"""Largest magnitude accepted for a number in a CSV; beyond it the file is rejected."""

MAX_PLANE_RESOLUTION = 400
"""Most grid points per axis that ``Dataset.plane`` computes."""

NOISE_RANGE = (0.0, 0.5)
"""Allowed noise for the generated 2-D sets (the page's slider is 0..50 %)."""

TRAIN_FRACTION_RANGE = (0.1, 0.9)
"""Allowed share of rows used for training."""


def megabytes(size: int) -> str:
    """A byte count in MB as Streamlit's uploader writes them (MiB), e.g. "10" or "10.4"."""
    return f"{size / 2**20:.1f}".removesuffix(".0")


def describe_csv_limits() -> list[str]:
    """The CSV caps as short sentences for the page, e.g. "at most 10,000 rows"."""
    return [
        f"at most {megabytes(MAX_CSV_BYTES)} MB",
        f"at most {MAX_CSV_ROWS:,} rows and {MAX_CSV_COLUMNS} columns",
        f"at least {MIN_ROWS} complete rows",
        f"at most {MAX_CLASSES} classes",
        f"names of at most {MAX_NAME_CHARS} characters (longer ones are cut short)",
        f"text columns with at most {MAX_ONE_HOT_CATEGORIES} distinct values",
        f"numbers no larger than {MAX_ABS_VALUE:g} in magnitude",
    ]
