"""Columns that number the rows (passenger_id, index, 1..n) are left out by default."""

import numpy as np
import pytest

from playground.data import load_csv
from playground.data.csv_loader import looks_like_row_id

RNG = np.random.default_rng(0)


def _titanic_like(id_name: str = "passenger_id") -> bytes:
    rows = [f"{i + 1},{RNG.integers(1, 4)},{RNG.uniform(1, 80):.1f},{i % 2}" for i in range(60)]
    return (f"{id_name},pclass,age,survived\n" + "\n".join(rows) + "\n").encode()


@pytest.mark.parametrize("name", ["passenger_id", "PassengerId", "ID", "index", "Row", "row_id"])
def test_an_id_column_is_left_out_by_default_with_a_note(name):
    ds = load_csv(_titanic_like(name))
    assert ds.raw_feature_names == ("pclass", "age")
    [note] = [n for n in ds.notes if name in n]
    assert "looks like a row ID" in note and "to use it anyway" in note


def test_the_student_can_still_add_the_id_column():
    ds = load_csv(_titanic_like(), features=["passenger_id", "age"])
    assert ds.raw_feature_names == ("passenger_id", "age")
    assert not any("row ID" in n for n in ds.notes)


def test_consecutive_unique_whole_numbers_look_like_ids_whatever_the_name():
    shuffled = RNG.permutation(np.arange(5.0, 45.0))
    assert looks_like_row_id("ticket", shuffled)
    assert not looks_like_row_id("ticket", np.arange(0.0, 80.0, 2.0))  # gaps: a measurement
    assert not looks_like_row_id("age", np.array([3.0, 4.0, 4.0, 5.0]))  # repeats
    assert not looks_like_row_id("width", np.array([0.5, 1.5, 2.5]))  # not whole
    assert not looks_like_row_id("acid", np.array([1.0, 7.0, 3.0]))  # "id" inside a word
    assert not looks_like_row_id("kind", np.array([None, "a"], dtype=object))


def test_an_id_like_column_that_is_the_only_input_is_kept():
    rows = "".join(f"{i},{int(i > 9)}\n" for i in range(1, 21))
    ds = load_csv(("hours,passed\n" + rows).encode())
    assert ds.raw_feature_names == ("hours",)
