"""Names from a user's file are cut to MAX_NAME_CHARS with a note: column names, class
names and one-hot category names. A 1.9 MB header used to make every live frame 3.55 MB."""

from playground.data import csv_column_names, load_csv
from playground.data.limits import MAX_NAME_CHARS
from playground.data.names import CUT_MARK, shorten_names

LONG = 30_000  # characters: under the csv module's 131,072 per cell


def test_short_names_stay_and_long_ones_keep_their_start_and_end():
    names, n_cut = shorten_names(["age", "a" * 100 + "_final_v2"])
    assert names[0] == "age" and n_cut == 1
    assert len(names[1]) == MAX_NAME_CHARS and CUT_MARK in names[1]
    assert names[1].startswith("aaaa") and names[1].endswith("final_v2")


def test_names_that_would_repeat_after_the_cut_stay_unique():
    names, n_cut = shorten_names(["x" * 100 + "y" * 100, "x" * 100 + "z" + "y" * 100, "x" * 500])
    assert len(set(names)) == 3 and n_cut == 3
    assert all(len(name) <= MAX_NAME_CHARS for name in names)


def _long_header_csv() -> bytes:
    header = [f"feature_{i}_" + "x" * LONG for i in range(3)] + ["label_" + "y" * LONG]
    rows = [f"{2 * i},{i * 2 % 7},{i % 5},{'AB'[i % 2] + 'q' * LONG}" for i in range(30)]
    return ("\n".join([",".join(header), *rows])).encode()


def test_a_huge_header_and_huge_class_names_are_cut_with_notes():
    ds = load_csv(_long_header_csv())
    names = [*ds.raw_feature_names, ds.target_name, *ds.class_names]
    assert max(map(len, names)) == MAX_NAME_CHARS
    assert ds.raw_feature_names[0].startswith("feature_0_")
    assert ds.class_names[0].startswith("A") and ds.class_names[1].startswith("B")
    notes = " ".join(ds.notes)
    assert "4 column names longer than 40 characters are shortened" in notes
    assert "2 class names" in notes


def test_the_pickers_offer_the_same_names_the_loader_uses():
    data = _long_header_csv()
    names = csv_column_names(data)
    ds = load_csv(data, target=names[-1], features=names[:2])
    assert ds.raw_feature_names == tuple(names[:2]) and ds.target_name == names[-1]


def test_long_text_categories_make_short_input_names():
    rows = [f"{2 * i},{'cat_' + str(i % 3) + 'w' * LONG},{i % 2}" for i in range(30)]
    ds = load_csv(("x,kind,y\n" + "\n".join(rows)).encode())
    assert len(ds.raw_feature_names) == 4 and max(map(len, ds.raw_feature_names)) <= 40
    assert any("input names" in note for note in ds.notes)
