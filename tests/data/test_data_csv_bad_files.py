"""Every kind of bad CSV ends in a DataError that says what is wrong (and the limit)."""

import gzip
import io
import zipfile

import pytest

from playground.data import DataError, csv_column_names, limits, load_csv


def table(header: str, rows: list[str]) -> bytes:
    """CSV bytes from a header line and data lines."""
    return ("\n".join([header, *rows]) + "\n").encode()


GOOD_ROWS = [f"{i},{i % 3},{'ab'[i % 2]}" for i in range(30)]


def zipped(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data.csv", data)
    return buffer.getvalue()


BAD_FILES = {
    "empty": (b"", "empty"),
    "blank lines": (b"\n\n  \n", "empty"),
    "header only": (b"a,b,c\n", "no data rows"),
    "one column": (table("a", [str(i) for i in range(20)]), "single column"),
    "single class": (table("x,y", [f"{i},yes" for i in range(20)]), "single class"),
    "too many classes": (
        table("x,y", [f"{i},class{i}" for i in range(limits.MAX_CLASSES + 5)]),
        f"limit is {limits.MAX_CLASSES}",
    ),
    "no usable feature": (
        table("id,y", [f"person{i},{'ab'[i % 2]}" for i in range(40)]),
        "No column can be used",
    ),
    "undecodable": ("x,y\n1,é\n".encode("latin-1") * 5, "not UTF-8"),
    "utf-16": ("x,y\n1,2\n".encode("utf-16"), "UTF-16"),
    "gzip": (gzip.compress(table("x,y", GOOD_ROWS)), "gzip"),
    "zip": (zipped(table("x,y", GOOD_ROWS)), "zip"),
    "png": (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG"),
    "pdf": (b"%PDF-1.7\n%binary", "PDF"),
    "nul bytes": (b"x,y\n1,\x002\n", "NUL"),
    "infinity": (table("x,y", [f"{i},{i % 2}" for i in range(20)] + ["inf,1"]), "infinite"),
    "absurd magnitude": (table("x,y", [f"{i}e300,{i % 2}" for i in range(20)]), r"1e\+09"),
    "duplicate names": (table("x,x,y", [f"1,2,{i % 2}" for i in range(20)]), "repeated: x"),
    "blank name": (table("x,,y", [f"1,2,{i % 2}" for i in range(20)]), "no name"),
    "long row": (
        table("x,y", [f"{i},{i % 2}" for i in range(20)] + ["1,2,3"]),
        r"Line 22 has 3 value\(s\)",
    ),
    "short row": (table("x,y,z", ["1,2,3", "4,5", "6,7,8"]), r"Line 3 has 2 value\(s\)"),
    "unclosed quote": (b'x,y\n"' + b"a\n" * 70_000, "quote"),
    "too many rows": (
        table("x,y", [f"{i},{i % 2}" for i in range(limits.MAX_CSV_ROWS + 1)]),
        f"the limit is {limits.MAX_CSV_ROWS:,} rows",
    ),
    "too many columns": (
        table(",".join(f"c{i}" for i in range(limits.MAX_CSV_COLUMNS + 1)), ["1"]),
        f"the limit is {limits.MAX_CSV_COLUMNS} columns",
    ),
    "too many bytes": (
        b"x,y\n" + b"1,2\n" * (limits.MAX_CSV_BYTES // 4),
        f"the limit is {limits.megabytes(limits.MAX_CSV_BYTES)} MB",
    ),
    "too few complete rows": (table("x,y", ["1,0", "2,1", ",1", "4,"]), "at least"),
    "not bytes": ("x,y\n1,2\n", "bytes"),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_file_is_a_data_error_with_a_clear_message(kind):
    data, expected = BAD_FILES[kind]
    with pytest.raises(DataError, match=expected) as caught:
        load_csv(data)
    assert isinstance(caught.value, ValueError)


def test_undecodable_message_says_what_to_do():
    with pytest.raises(DataError, match="CSV UTF-8"):
        load_csv("a,b\nü,1\n".encode("cp1252"))


def test_unknown_target_names_the_columns():
    with pytest.raises(DataError, match="the columns are x, y, z"):
        load_csv(table("x,y,z", GOOD_ROWS), target="w")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"features": ["q"]}, "no column 'q'"),
        ({"features": ["z"], "target": "z"}, "cannot also be a feature"),
        ({"task": "regression"}, "holds text"),
        ({"task": "clustering"}, "must be one of"),
        ({"train_fraction": 1.0}, "between"),
    ],
)
def test_bad_choices_are_data_errors(options, expected):
    with pytest.raises(DataError, match=expected):
        load_csv(table("x,y,z", GOOD_ROWS), **options)


def test_explicit_unusable_feature_says_why():
    rows = [f"{i},name{i},{i % 2}" for i in range(40)]
    with pytest.raises(DataError, match="40 different texts"):
        load_csv(table("x,name,y", rows), features=["x", "name"])


def test_column_names_for_the_pickers_pass_the_same_checks():
    assert csv_column_names(b"\xef\xbb\xbfa; b;c\n1;2;3\n") == ["a", "b", "c"]
    with pytest.raises(DataError, match="gzip"):
        csv_column_names(gzip.compress(b"a,b\n1,2\n"))
