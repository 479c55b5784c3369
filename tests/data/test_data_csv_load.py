"""Valid CSV uploads: target, features, task detection, missing values, scaling."""

import numpy as np

from playground.data import load_csv
from playground.data.tables import encode_classes


def table(header: str, rows: list[str], delimiter: str = ",") -> bytes:
    """CSV bytes from a header line and data lines."""
    return ("\n".join([header, *rows]) + "\n").replace(",", delimiter).encode()


ROWS = [
    f"{2 * i},{i * i % 7 - 3.5},{'red' if i % 3 else 'blue'},{'yes' if i % 2 else 'no'}"
    for i in range(40)
]


def test_default_target_is_the_last_column_and_text_means_classification():
    ds = load_csv(table("a,b,colour,answer", ROWS))
    assert ds.target_name == "answer" and ds.task == "binary"
    assert ds.class_names == ("no", "yes")
    assert ds.feature_names == ("a", "b", "colour=blue", "colour=red")
    assert len(ds.X_train) == 32 and len(ds.X_test) == 8  # default train share 0.8
    assert ds.y_train.dtype == np.int64


def test_chosen_target_and_features():
    ds = load_csv(table("a,b,colour,answer", ROWS), target="colour", features=["b"])
    assert ds.feature_names == ("b",) and ds.class_names == ("blue", "red")


def test_few_whole_numbers_are_classes_and_decimals_a_regression():
    ds = load_csv(table("a,b,colour,answer", ROWS), target="a", features=["b"])
    assert ds.task == "regression"  # 40 distinct whole numbers
    rows = [f"{i * 0.5},{i % 4}" for i in range(40)]
    assert load_csv(table("x,level", rows)).task == "multiclass"
    assert load_csv(table("x,level", rows), task="regression").task == "regression"


def test_regression_target_is_standardized_on_training_rows():
    rows = [f"{i},{2 * i + 1}" for i in range(50)]
    ds = load_csv(table("x,y", rows), train_fraction=0.5, seed=2)
    real = ds.y_train * ds.target_scale + ds.target_mean
    assert np.allclose(real, 2 * ds.raw_train[:, 0] + 1)
    assert np.isclose(ds.y_train.mean(), 0) and np.isclose(ds.y_train.std(), 1)


def test_no_test_row_in_the_scaling_statistics():
    rows = [f"{i},{i % 2}" for i in range(60)]
    ds = load_csv(table("x,y", rows), seed=5)
    assert np.isclose(ds.encoder.mean[0], ds.raw_train[:, 0].mean())
    assert not np.isclose(ds.encoder.mean[0], 29.5)  # the mean of all rows


def test_missing_cells_drop_rows_visibly():
    rows = [f"{i},{'' if i % 10 == 0 else i},{i % 2}" for i in range(40)]
    ds = load_csv(table("a,b,y", rows))
    assert len(ds.X_train) + len(ds.X_test) == 36
    assert any("Dropped 4 of 40 rows" in note and "b: 4" in note for note in ds.notes)


def test_mostly_empty_and_id_columns_are_left_out_with_a_note():
    rows = [f"{i},id{i},{i if i < 5 else 'NA'},{i % 2}" for i in range(40)]
    ds = load_csv(table("a,id,sparse,y", rows))
    assert ds.feature_names == ("a",)
    assert any("'id' is not used" in note for note in ds.notes)
    assert any("'sparse' is not used" in note for note in ds.notes)


def test_semicolons_decimal_commas_bom_quotes_and_crlf():
    lines = "".join(f'"{i},5";{"ab"[i % 2]}\r\n' for i in range(20))
    ds = load_csv(('\ufeff"len; mm";kind\r\n' + lines).encode("utf-8"))
    assert ds.raw_feature_names == ("len; mm",) and ds.target_name == "kind"
    assert sorted(np.concatenate([ds.raw_train, ds.raw_test])[:, 0])[:2] == [0.5, 1.5]
    assert any("';'" in note for note in ds.notes)


def test_tab_separated_with_old_mac_line_ends():
    ds = load_csv(("x\ty\r" + "".join(f"{i}\t{i % 2}\r" for i in range(20))).encode())
    assert ds.feature_names == ("x",) and ds.class_names == ("0", "1")


def test_same_seed_same_split():
    data = table("a,b,colour,answer", ROWS)
    assert np.array_equal(load_csv(data, seed=1).X_test, load_csv(data, seed=1).X_test)
    assert not np.array_equal(load_csv(data, seed=1).X_test, load_csv(data, seed=2).X_test)


def test_text_classes_and_categories_with_numbers_in_them_count_up():
    # k0, k1, k2, ..., k10, k11 as a person counts, not k0, k1, k10, k11, k2 (string order)
    rows = [f"{i % 5 + 0.5},{'grade ' + str(i % 12)},k{i % 12}" for i in range(48)]
    ds = load_csv(table("x,grade,kind", rows))
    assert ds.class_names == tuple(f"k{i}" for i in range(12))
    ids, names = encode_classes(np.array(["k10", "k2", "k1", "k2"], dtype=object), "kind")
    assert names == ("k1", "k2", "k10") and ids.tolist() == [2, 1, 0, 1]
    assert ds.feature_names[1:] == tuple(f"grade=grade {i}" for i in range(12))
