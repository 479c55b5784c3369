"""The data panel: a picker of data sets with thumbnails, and the CSV upload."""

import base64

import streamlit as st

from playground import config
from playground.data import CSV_INFO, DATASETS, DataError, csv_column_names, limits, load_dataset
from playground.labs.classify.session import CsvChoice
from playground.plots import dataset_thumbnail_png
from playground.ui import plain, state

PICKER_COLUMNS = 3


@st.cache_data(show_spinner=False)
def thumbnail(name: str) -> str:
    """A small PNG of a 2-D data set's points at noise 0, as a data URI (cached per server
    process). A URI, not bytes: st.image opens, resizes and re-encodes bytes with PIL on
    every rerun (~1 ms a picture, a tenth of a rerun of the page), but passes a URI on."""
    ds = load_dataset(name, noise=0.0, seed=0)
    labels = ds.y_train if ds.task != "regression" else (ds.y_train > 0).astype(int)
    png = dataset_thumbnail_png(ds.raw_train, labels, size=64)
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _pick(name: str) -> None:
    if state.hidden("dataset") or state.locked("dataset"):
        return  # a teacher's link fixed the data: no message can change it
    if name == "csv" and state.playground().csv is None:
        state.report_error("Upload a CSV file below to use your own data.")
        return
    state.change_settings(dataset=name)


def dataset_picker(settings: dict) -> None:
    """Thumbnail buttons for the 2-D sets, then buttons for the real data sets."""
    current, locked = settings["dataset"], state.locked("dataset")
    planar = [n for n, info in DATASETS.items() if info.kind == "2d"]
    for start in range(0, len(planar), PICKER_COLUMNS):
        columns = st.columns(PICKER_COLUMNS)
        for column, name in zip(columns, planar[start : start + PICKER_COLUMNS], strict=False):
            with column, st.container(key=f"pick_{name}"):
                st.image(thumbnail(name), width=56)
                st.button(
                    DATASETS[name].label,
                    key=f"ds_{name}",
                    on_click=_pick,
                    args=(name,),
                    type="primary" if name == current else "secondary",
                    help=DATASETS[name].description,
                    width="stretch",
                    disabled=locked,
                )
    others = [n for n, info in DATASETS.items() if info.kind != "2d"] + ["csv"]
    for column, name in zip(st.columns(len(others)), others, strict=True):
        info = CSV_INFO if name == "csv" else DATASETS[name]
        column.button(
            info.label,
            key=f"ds_{name}",
            on_click=_pick,
            args=(name,),
            type="primary" if name == current else "secondary",
            help=info.description,
            width="stretch",
            disabled=locked,
        )


def _upload_changed() -> None:
    upload = st.session_state.get("csv_upload")
    if upload is None or state.hidden("dataset") or state.locked("dataset"):
        return
    raw = upload.getvalue()
    pg = state.playground()
    try:
        switched = pg.settings["dataset"] != "csv"
        pg.set_csv(CsvChoice(raw=raw, name=upload.name))
    except DataError as error:
        state.report_error(f"{upload.name}: {error}")
        return
    state.report_error(None)
    setup = [config.setup_note("csv", pg.settings)] if switched else []
    state.report_notes(pg.take_notes() + setup)
    state.write_url()


def _columns_changed() -> None:
    if state.hidden("dataset") or state.locked("dataset"):
        return
    pg = state.playground()
    target = st.session_state["csv_target"]
    features = tuple(st.session_state["csv_features"]) or None
    choice = CsvChoice(pg.csv.raw, pg.csv.name, target, features)
    try:
        pg.set_csv(choice)
    except DataError as error:
        state.report_error(str(error))
    else:
        state.report_error(None)
        state.report_notes(pg.take_notes())  # a plane feature no longer among the columns
        state.write_url()


def _column_names(raw: bytes) -> list[str]:
    """The file's column names, read once per upload: the checks behind them decode the
    whole file (up to 10 MB, ~30 ms), which every rerun of the page would pay again."""
    cached = st.session_state.get("csv_columns")
    if cached is None or cached[0] is not raw:
        cached = (raw, csv_column_names(raw))
        st.session_state["csv_columns"] = cached
    return cached[1]


def upload_limits_note() -> str:
    """The CSV caps in one sentence, for the note under the uploader."""
    return (
        "Limits: " + "; ".join(limits.describe_csv_limits()) + ". A red mark by the file's "
        f"name means it is over {limits.megabytes(limits.MAX_CSV_BYTES)} MB."
    )


def csv_upload() -> None:
    """The uploader and, once a file is in use, its target and feature columns."""
    st.file_uploader(
        f"Your own CSV (up to {limits.MAX_CSV_ROWS:,} rows, {limits.MAX_CSV_COLUMNS} columns)",
        type=["csv"],
        key="csv_upload",
        on_change=_upload_changed,
        max_upload_size=limits.UPLOADER_MAX_MB,
        disabled=state.locked("dataset"),
        help="The first row names the columns. The last column is predicted unless you pick "
        "another one.",
    )
    # The uploader refuses a file over its size limit in the browser with a bare red mark
    # (the server never sees it): the limits stand here in words, so the mark has a reason.
    plain.caption(upload_limits_note())
    pg = state.playground()
    if pg.csv is None or pg.settings["dataset"] != "csv":
        return
    header = _column_names(pg.csv.raw)
    target = pg.csv.target or header[-1]
    st.session_state["csv_target"] = target
    locked = state.locked("dataset")
    st.selectbox("Column to predict", header, key="csv_target", on_change=_columns_changed,
                 disabled=locked)  # fmt: skip
    chosen = list(pg.csv.features or [])
    st.session_state["csv_features"] = [c for c in chosen if c in header and c != target]
    st.multiselect(
        "Columns to learn from (empty = all usable ones but row IDs)",
        [c for c in header if c != target],
        key="csv_features",
        on_change=_columns_changed,
        disabled=locked,
    )
