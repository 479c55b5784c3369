"""The upload limits on the page: the uploader's own limit comes from the data layer, a
note under it states every cap, and a file over a cap gets an error naming that limit."""

from streamlit.testing.v1 import AppTest

from playground.data import limits
from playground.ui import data_panel
from tests.markup_corpus import markdown_text
from tests.one_input_tables import one_input_csv
from tests.ui.page_app import APP


def start() -> AppTest:
    return AppTest.from_file(APP, default_timeout=60).run()


def test_the_uploader_limit_and_the_note_come_from_the_data_limits():
    at = start()
    uploader = at.file_uploader(key="csv_upload")
    assert uploader.proto.max_upload_size_mb == limits.UPLOADER_MAX_MB
    captions = [markdown_text(c.value) or c.value for c in at.sidebar.caption]  # as shown
    notes = [c for c in captions if c.startswith("Limits:")]
    assert notes and f"{limits.MAX_CSV_ROWS:,} rows" in notes[0]
    assert f"{limits.megabytes(limits.MAX_CSV_BYTES)} MB" in notes[0]


def test_a_file_over_the_byte_cap_is_refused_with_the_limit_named():
    at = start()
    big = b"x,y\n" + b"1,0\n" * (limits.MAX_CSV_BYTES // 4 + 10)
    at.file_uploader(key="csv_upload").set_value(("big.csv", big, "text/csv")).run()
    assert not at.exception
    (error,) = at.error
    shown = markdown_text(error.value)
    assert (
        "big.csv" in shown and f"the limit is {limits.megabytes(limits.MAX_CSV_BYTES)} MB" in shown
    )
    assert at.session_state["playground"].dataset.name == "circle"  # the old data stay


def test_a_file_over_the_row_cap_is_refused_with_the_limit_named():
    at = start()
    rows = b"".join(b"%d,%d\n" % (i, i % 2) for i in range(limits.MAX_CSV_ROWS + 1))
    at.file_uploader(key="csv_upload").set_value(("rows.csv", b"x,y\n" + rows, "text/csv")).run()
    (error,) = at.error
    assert f"the limit is {limits.MAX_CSV_ROWS:,} rows" in markdown_text(error.value)


def test_the_column_names_are_read_once_per_upload_not_on_every_rerun(monkeypatch):
    calls = []
    real = data_panel.csv_column_names
    monkeypatch.setattr(data_panel, "csv_column_names", lambda raw: calls.append(1) or real(raw))
    at = start()
    at.file_uploader(key="csv_upload").set_value(("a.csv", one_input_csv(), "text/csv")).run()
    for _ in range(3):
        at.button(key="step").click().run()
    assert not at.exception and len(calls) == 1
