"""Property: any bytes given to load_csv end in a DataError with a message or a clean set.

Thousands of generated files: raw bytes, mangled tables (ragged rows, odd cells,
quotes, infinities, huge numbers, odd encodings) and near-valid tables.
"""

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.data import DataError, load_csv

SETTINGS = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ODD_CELLS = st.sampled_from(
    [
        "",
        "NA",
        "nan",
        "inf",
        "-inf",
        "1e400",
        "1e300",
        "-0",
        '"',
        '""',
        "a,b",
        "?",
        " ",
        "é",
        "\x00",
    ]
)
NUMBER_CELLS = st.one_of(
    st.integers(-5, 5).map(str),
    st.floats(allow_nan=True, allow_infinity=True, width=64).map(repr),
    st.floats(-1e6, 1e6).map(lambda x: f"{x:.3f}"),
)
TEXT_CELLS = st.one_of(st.sampled_from(["red", "blue", "yes", "no", "True"]), st.text(max_size=6))
CELLS = st.one_of(NUMBER_CELLS, TEXT_CELLS, ODD_CELLS)
NAMES = st.one_of(st.sampled_from(["x", "y", "label", "", "x ", "a;b"]), st.text(max_size=5))


@st.composite
def mangled_tables(draw) -> bytes:
    """A table that is often wrong: odd names, ragged rows, odd cells and encodings."""
    names = draw(st.lists(NAMES, min_size=0, max_size=6))
    rows = draw(
        st.lists(st.lists(CELLS, min_size=0, max_size=len(names) + 1), min_size=0, max_size=25)
    )
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = newline.join(delimiter.join(row) for row in [names, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "latin-1", "utf-16"]))
    return text.encode(encoding, errors="replace")


@st.composite
def near_valid_tables(draw) -> bytes:
    """A well-formed table of 10..40 rows with a few planted defects at most.

    The bulk of the cells come from a drawn NumPy seed (cheap to generate); the
    defects are drawn by hypothesis so that failures shrink to the defect.
    """
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    n_rows, n_features = draw(st.integers(10, 40)), draw(st.integers(1, 4))
    makers = {
        "float": lambda: [f"{x:.4g}" for x in rng.normal(0, 10 ** rng.integers(0, 6), n_rows)],
        "int": lambda: [str(x) for x in rng.integers(0, 4, n_rows)],
        "text": lambda: list(rng.choice(["a", "b", "c"], n_rows)),
    }
    kinds = draw(st.lists(st.sampled_from(list(makers)), min_size=n_features, max_size=n_features))
    columns = [makers[kind]() for kind in kinds]
    targets = draw(st.sampled_from([["0", "1"], ["0", "1", "2"], ["1.5", "2.5", "7"], ["cat"]]))
    columns.append(list(rng.choice(targets, n_rows)))
    rows = [[column[i] for column in columns] for i in range(n_rows)]
    for _ in range(draw(st.integers(0, 3))):
        row, col = draw(st.integers(0, n_rows - 1)), draw(st.integers(0, n_features))
        rows[row][col] = draw(ODD_CELLS)
    header = [f"f{i}" for i in range(n_features)] + ["target"]
    return "\n".join(",".join(row) for row in [header, *rows]).encode()


OPTIONS = st.fixed_dictionaries(
    {},
    optional={
        "target": st.one_of(st.none(), st.sampled_from(["target", "x", "f0", "nope"])),
        "features": st.one_of(st.none(), st.lists(st.sampled_from(["f0", "f1", "x", "target"]))),
        "task": st.sampled_from([None, "classification", "regression", "multiclass"]),
        "seed": st.integers(0, 3),
    },
)


def assert_clean_or_data_error(data: bytes, options: dict) -> None:
    """load_csv either raises DataError with a message or returns a usable data set."""
    try:
        ds = load_csv(data, **options)
    except DataError as error:
        assert str(error).strip()
        return
    assert len(ds.X_train) >= 1 and len(ds.X_test) >= 1
    assert ds.X_train.shape[1] == ds.X_test.shape[1] == len(ds.feature_names) >= 1
    for array in (ds.X_train, ds.X_test, ds.y_train, ds.y_test):
        assert np.isfinite(array).all()
    if ds.task == "regression":
        assert ds.class_names is None and ds.y_train.dtype == np.float64
    else:
        assert len(ds.class_names) >= 2 and ds.y_train.dtype == np.int64
        assert ds.task == ("binary" if len(ds.class_names) == 2 else "multiclass")
        labels = np.concatenate([ds.y_train, ds.y_test])
        assert labels.min() >= 0 and labels.max() < len(ds.class_names)


@SETTINGS
@given(data=st.binary(max_size=400), options=OPTIONS)
def test_random_bytes(data, options):
    assert_clean_or_data_error(data, options)


@SETTINGS
@given(data=mangled_tables(), options=OPTIONS)
def test_mangled_tables(data, options):
    assert_clean_or_data_error(data, options)


@SETTINGS
@given(data=near_valid_tables(), options=OPTIONS)
def test_near_valid_tables(data, options):
    assert_clean_or_data_error(data, options)
