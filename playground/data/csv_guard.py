"""First line of defence for an uploaded CSV: size, file type, encoding, shape.

Everything here runs before pandas sees the text, and everything that can go wrong
ends in a ``DataError`` that says what to do.
"""

import csv
import io

from playground.data.errors import DataError
from playground.data.limits import MAX_CSV_BYTES, MAX_CSV_COLUMNS, MAX_CSV_ROWS, megabytes

# Leading bytes of files that students upload by mistake under a .csv name.
_MAGIC_BYTES = (
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"PK\x03\x04", "a zip archive (an Excel .xlsx workbook is one)"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"%PDF", "a PDF document"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Excel (.xls) or Office file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"BZh", "a bzip2-compressed file"),
)
_SAVE_AS_CSV = "Open it in a spreadsheet and save it as 'CSV UTF-8 (comma delimited)'."
_DELIMITERS = (",", ";", "\t")


def as_bytes(raw) -> bytes:
    """The upload as bytes (bytes, bytearray or memoryview), checked against the size cap."""
    if not isinstance(raw, bytes | bytearray | memoryview):
        raise DataError("The upload must be the bytes of a CSV file.")
    if len(raw) > MAX_CSV_BYTES:
        raise DataError(
            f"The file is {megabytes(len(raw))} MB; the limit is {megabytes(MAX_CSV_BYTES)} MB. "
            "Upload fewer rows or columns, or round the numbers to fewer decimals."
        )
    return bytes(raw)


def reject_binary(data: bytes) -> None:
    """Raise ``DataError`` if the bytes look like a binary or compressed file."""
    for magic, what in _MAGIC_BYTES:
        if data.startswith(magic) and (magic != b"BZh" or data[3:4].isdigit()):
            raise DataError(f"This is {what}, not a CSV text file. {_SAVE_AS_CSV}")
    if b"\x00" in data:
        raise DataError(
            "The file contains NUL bytes: it is a binary file or UTF-16 text, not a CSV. "
            + _SAVE_AS_CSV
        )


def decode_text(data: bytes) -> str:
    """The bytes as text: UTF-8, with or without a byte-order mark; lines end in LF."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError(
            f"The file is not UTF-8 text (byte {error.start} cannot be read). "
            "In Excel use File > Save As > 'CSV UTF-8'; in LibreOffice tick 'Edit filter "
            "settings' and choose the Unicode (UTF-8) character set."
        ) from None
    if not text.strip():
        raise DataError("The file is empty: it needs a header line and rows of data.")
    # One line ending for both parsers (old Mac files end lines with a lone CR).
    return text.replace("\r\n", "\n").replace("\r", "\n")


def guess_delimiter(text: str) -> str:
    """The most frequent of comma, semicolon and tab in the first line (comma if none)."""
    first_line = text.lstrip().split("\n", 1)[0]
    counts = [first_line.count(d) for d in _DELIMITERS]
    return _DELIMITERS[counts.index(max(counts))] if max(counts) else ","


def read_header(text: str, delimiter: str) -> list[str]:
    """Column names from the first non-blank record, checked: count, blanks, duplicates."""
    try:
        header = next(row for row in csv.reader(io.StringIO(text), delimiter=delimiter) if row)
    except (csv.Error, StopIteration) as error:
        raise DataError(f"The header line cannot be read as CSV ({error}).") from None
    names = [name.strip() for name in header]
    if len(names) > MAX_CSV_COLUMNS:
        raise DataError(
            f"The file has {len(names)} columns; the limit is {MAX_CSV_COLUMNS} columns. "
            "Keep only the columns you need."
        )
    if len(names) < 2:
        raise DataError(
            "The file has a single column; it needs one to predict and at least one to "
            "learn from. Are the values separated by commas?"
        )
    blank = [str(i + 1) for i, name in enumerate(names) if not name]
    if blank:
        raise DataError(f"Column {', '.join(blank)} has no name in the header line.")
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise DataError(f"Column names must be unique; repeated: {', '.join(repeated)}.")
    return names


def check_rows(text: str, delimiter: str, n_columns: int) -> int:
    """Count the data rows, checking each holds ``n_columns`` values; return the count.

    Stops at the first ragged row or as soon as the row cap is passed, so a huge file
    costs no more than the cap. Blank lines are skipped (as pandas does).
    """
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    n_rows = -1  # the header is the first record
    try:
        for record in reader:
            if not record:
                continue
            n_rows += 1
            if len(record) != n_columns:
                raise DataError(
                    f"Line {reader.line_num} has {len(record)} value(s) but the header names "
                    f"{n_columns} columns; every row needs one value per column."
                )
            if n_rows > MAX_CSV_ROWS:
                raise DataError(
                    f"The file has more than {MAX_CSV_ROWS:,} rows of data; the limit is "
                    f"{MAX_CSV_ROWS:,} rows. Keep a sample of the rows."
                )
    except csv.Error as error:
        raise DataError(
            f'Line {reader.line_num} cannot be read as CSV ({error}). Is a quote (") '
            "left open, or a cell longer than 131,072 characters?"
        ) from None
    if n_rows == 0:
        raise DataError("The file has a header line but no data rows.")
    return n_rows
