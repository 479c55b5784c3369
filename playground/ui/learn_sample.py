"""'How it learns', step 1's picker: which row the step is worked out for.

A row number for every data set, plus a way to find a row that fits the data: the point
nearest to typed coordinates (2-D sets), a table of the raw values (penguins, CSV), a strip
of images (digits). Every helper sets the row in a callback, before the widgets draw.
"""

import numpy as np
import streamlit as st

from playground.teaching.sample import nearest_row, split_size

SPLIT_KEY, ROW_KEY = "learn_split", "learn_row"
SPLIT_LABELS = {"train": "training rows", "test": "test rows"}
MAX_TABLE_ROWS = 1_000  # rows of raw values in the table (beyond: the row number)
STRIP = 8  # digit images in the picker's strip
PIXEL = 6  # screen pixels per digit pixel


def _set_row(row: int) -> None:
    st.session_state[ROW_KEY] = int(row)


def _nearest(points: np.ndarray) -> None:
    x, y = st.session_state.get("learn_x1", 0.0), st.session_state.get("learn_x2", 0.0)
    _set_row(nearest_row(points, float(x), float(y)))


def _table_selected() -> None:
    selection = st.session_state.get("learn_table")
    rows = selection["selection"]["rows"] if selection else []
    if rows:
        _set_row(rows[0])


def _nearest_picker(source, split: str) -> None:
    left, mid, right = st.columns([1, 1, 1], vertical_alignment="bottom")
    left.number_input("x₁", key="learn_x1", value=0.0, step=0.5, format="%.2f")
    mid.number_input("x₂", key="learn_x2", value=0.0, step=0.5, format="%.2f")
    right.button("Nearest point", key="learn_nearest", on_click=_nearest,
                 args=(source.raw[split],))  # fmt: skip


def _table_picker(source, split: str) -> None:
    raw = source.raw[split][:MAX_TABLE_ROWS]
    # A dataframe's cells and headers are text, never Markdown: CSV names are safe here.
    columns = {name: raw[:, i] for i, name in enumerate(source.dataset.raw_feature_names)}
    st.dataframe(
        columns,
        key="learn_table",
        on_select=_table_selected,
        selection_mode="single-row",
        height=180,
    )


def digit_image(
    pixels: np.ndarray, shape: tuple[int, int], scale: int = PIXEL, top: float | None = None
) -> np.ndarray:
    """A digit's raw pixels (h*w,) as a grey uint8 image (h*scale, w*scale), ink dark;
    `top` is the darkest value (default: the image's own largest), so that a copy can be
    drawn on its original's scale."""
    values = np.asarray(pixels, dtype=float).reshape(shape)
    top = top or values.max() or 1.0
    grey = (255 * (1 - np.clip(values / top, 0.0, 1.0))).astype(np.uint8)
    return np.kron(grey, np.ones((scale, scale), dtype=np.uint8))


def _digit_picker(source, split: str, row: int) -> None:
    raw, n = source.raw[split], split_size(source, split)
    shape = source.dataset.image_shape
    first = row // STRIP * STRIP
    columns = st.columns(STRIP)
    for column, index in zip(columns, range(first, min(first + STRIP, n)), strict=False):
        column.image(digit_image(raw[index], shape), width=48)
        column.button(
            f"{index}",
            key=f"learn_digit_{index - first}",
            on_click=_set_row,
            args=(index,),
            type="primary" if index == row else "secondary",
        )


def pick_sample(source) -> tuple[str, int]:
    """Draw the picker for a lab's StepSource; returns (split, row) of the sample chosen."""
    splits = [s for s in SPLIT_LABELS if split_size(source, s)]
    split = st.radio(
        "Sample from", splits, key=SPLIT_KEY, horizontal=True, format_func=SPLIT_LABELS.get
    )
    n = split_size(source, split)
    if st.session_state.get(ROW_KEY, 0) >= n:
        _set_row(0)
    dataset = source.dataset
    if dataset.kind == "2d":
        _nearest_picker(source, split)
    elif dataset.kind == "images" and dataset.image_shape:
        _digit_picker(source, split, int(st.session_state.get(ROW_KEY, 0)))
    else:
        _table_picker(source, split)
    row = st.number_input(f"Row (0 to {n - 1})", min_value=0, max_value=n - 1, step=1, key=ROW_KEY)
    return split, int(row)
