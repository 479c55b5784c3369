"""Tests of the settings table: defaults, validation, hostile URLs, round trip, resets."""

import math
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playground.config import (
    MAX_RAW_CHARS,
    SETTINGS,
    SETTINGS_BY_NAME,
    build_settings,
    check_plane_features,
    defaults,
    diff_kind,
    effective_activations,
    effective_loss,
    encode,
    from_query,
    hidden_settings,
    is_shown,
    reconcile,
    to_query,
    validate,
)


def _valid_value(setting):
    """A hypothesis strategy for every valid value of one setting."""
    low, high, kind = setting.low, setting.high, setting.kind
    if kind == "choice":
        return st.sampled_from(setting.choices)
    if kind == "int" and setting.step:
        return st.integers(0, (high - low) // setting.step).map(lambda k: low + k * setting.step)
    if kind == "int":
        return st.integers(low, high)
    if kind == "float":
        return st.floats(low, high) | st.sampled_from(setting.presets or (setting.default,))
    if kind == "bool":
        return st.booleans()
    if kind == "str":
        letters = st.characters(categories=("L", "N", "P", "S"))
        return st.text(letters, max_size=setting.max_len)
    if kind == "int_list":
        return st.lists(st.integers(low, high), max_size=setting.max_len).map(tuple)
    if kind == "choice_list":
        return st.lists(st.sampled_from(setting.choices), max_size=setting.max_len).map(tuple)
    chosen = st.sets(st.sampled_from(setting.choices), min_size=setting.min_len)
    return chosen.map(lambda picked: tuple(c for c in setting.choices if c in picked))


VALID_SETTINGS = st.fixed_dictionaries({s.name: _valid_value(s) for s in SETTINGS}).map(
    lambda drawn: reconcile(drawn)[0]
)


def _assert_all_valid(values):
    for name, value in values.items():
        assert validate(name, value) == (value, None), name


# --- the table and its defaults ---------------------------------------------------------


def test_every_default_is_valid_as_a_value_and_as_url_text():
    for setting in SETTINGS:
        assert validate(setting.name, setting.default) == (setting.default, None)
        assert validate(setting.name, encode(setting, setting.default)) == (setting.default, None)
    assert reconcile(defaults()) == (defaults(), [])
    assert from_query({}) == (defaults(), [])


def test_defaults_are_tensorflow_playgrounds():
    d = defaults()
    assert (d["dataset"], d["hidden"], d["activation"]) == ("circle", (4, 2), "tanh")
    assert (d["learning_rate"], d["batch_size"], d["train_pct"]) == (0.03, 10, 50)
    assert d["features"] == ("x1", "x2") and d["optimizer"] == "sgd"


def test_every_setting_has_a_label_and_help_and_a_unique_name():
    assert len(SETTINGS_BY_NAME) == len(SETTINGS)
    assert all(s.label and s.help for s in SETTINGS)


def test_longest_valid_url_value_fits_the_raw_length_cap():
    for setting in SETTINGS:
        if setting.kind == "multi_choice":
            assert len(encode(setting, setting.choices)) <= MAX_RAW_CHARS
        if setting.kind == "choice_list":
            longest = max(setting.choices, key=len)
            assert len(encode(setting, (longest,) * setting.max_len)) <= MAX_RAW_CHARS


def test_build_settings_takes_choices_from_the_caller():
    table = {s.name: s for s in build_settings(activations=("relu", "mish"), datasets=("a",))}
    assert table["activation"].choices == ("relu", "mish")
    assert table["layer_activations"].choices == ("relu", "mish")
    assert table["dataset"].choices == ("a",)
    assert validate("activation", "mish", table) == ("mish", None)
    assert validate("activation", "mish")[1] is not None  # not in the default table


def test_importing_config_does_not_load_streamlit():
    code = (
        "import sys, playground.config; "
        "print([m for m in sys.modules if m.startswith('streamlit')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_choices_come_from_the_registries():
    from playground.data import DATASETS, FEATURES_2D
    from playground.engine import HIDDEN_ACTIVATIONS, INITIALIZERS, OPTIMIZERS

    table = SETTINGS_BY_NAME
    assert table["activation"].choices == HIDDEN_ACTIVATIONS
    assert table["dataset"].choices == (*DATASETS, "csv")
    assert table["features"].choices == FEATURES_2D
    assert table["init"].choices == tuple(INITIALIZERS)
    assert table["optimizer"].choices == tuple(OPTIMIZERS)


# --- validate: coercion and clamping ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("batch_size", 9999, 512),
        ("batch_size", 0, 1),
        ("noise", "999", 50),
        ("noise", 7, 5),  # snapped to the slider's step
        ("train_pct", "-20", 10),
        ("learning_rate", 50.0, 10.0),
        ("learning_rate", "-1", 1e-6),
        ("momentum", 1.5, 0.99),
        ("hidden", (100, 0, 3), (64, 1, 3)),
        ("hidden", "4,4,4,4,4,4,4,4,4,4", (4,) * 8),
        ("max_epochs", 10**9, 1_000_000),
        ("seed", -5, 0),
    ],
)
def test_out_of_range_values_are_clamped_with_a_note_naming_the_setting(name, raw, expected):
    value, note = validate(name, raw)
    assert value == expected
    assert note is not None and repr(name) in note and "using" in note


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("batch_size", "32", 32),
        ("batch_size", 32.0, 32),
        ("learning_rate", "1e-05", 1e-05),
        ("show_test", "TRUE", True),
        ("show_test", "off", False),
        ("dataset", " Spiral ", "spiral"),
        ("hidden", [8, 8], (8, 8)),
        ("hidden", "", ()),  # no hidden layer is a valid network
        ("features", "x1*x2,x1,x1", ("x1", "x1*x2")),  # table order, no duplicates
        ("hide", "Training,seed", ("training", "seed")),
        ("plane_x", "bill_length_mm", "bill_length_mm"),
        ("plane_x", "Länge", "Länge"),  # a CSV column name may be non-ASCII
    ],
)
def test_well_formed_values_are_read_without_a_note(name, raw, expected):
    assert validate(name, raw) == (expected, None)


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("batch_size", True),
        ("batch_size", 3.5),
        ("learning_rate", float("nan")),
        ("learning_rate", math.inf),
        ("learning_rate", 10**400),
        ("hidden", "4,x"),
        ("layer_activations", "relu,swishy"),
        ("features", []),
        ("dataset", 3),
        ("plane_x", "a\nb"),
        ("show_test", "maybe"),
    ],
)
def test_malformed_python_values_fall_back_to_the_default(name, raw):
    value, note = validate(name, raw)
    assert value == SETTINGS_BY_NAME[name].default
    assert repr(name) in note and "default" in note


# --- from_query: hostile and malformed URLs -----------------------------------------------


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        pytest.param("batch_size", "9" * 5000, 10, id="huge-string"),  # rejected unparsed
        ("learning_rate", "NaN", 0.03),
        ("learning_rate", "inf", 0.03),
        ("learning_rate", "1e999", 0.03),
        ("learning_rate", "0x10", 0.03),
        ("batch_size", "-3", 1),
        pytest.param("hidden", ",".join(["4"] * 10_000), (4, 2), id="10000-layers"),
        ("hidden", "4,,2", (4, 2)),
        ("seed", "١٢٣", 0),  # Arabic-Indic digits: int() would accept them
        ("learning_rate", "٠.١", 0.03),
        ("dataset", "circlé", "circle"),
        ("features", "", ("x1", "x2")),
        ("features", [], ("x1", "x2")),  # a key given with no value at all
        ("speed", "1000", "auto"),
        ("show_test", "<script>", False),
    ],
)
def test_hostile_url_values_fall_back_with_a_note(name, raw, expected):
    values, notes = from_query({name: raw})
    assert values[name] == expected
    assert len(notes) == 1 and repr(name) in notes[0] and len(notes[0]) < 300
    assert notes[0].isascii()  # hostile text is escaped before the page shows it


def test_unknown_parameters_are_ignored_with_one_capped_note():
    values, notes = from_query({f"junk{i}": "1" for i in range(500)} | {"noise": "20"})
    assert values == defaults() | {"noise": 20}
    assert len(notes) == 1 and "497 more" in notes[0]


def test_repeated_parameter_uses_its_last_value():
    assert from_query({"batch_size": ["5", "7"]})[0]["batch_size"] == 7


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([s.name for s in SETTINGS]) | st.text(max_size=10),
        st.text(max_size=40) | st.lists(st.text(max_size=10), max_size=3),
        max_size=8,
    )
)
def test_arbitrary_text_params_never_raise_and_give_valid_settings(params):
    values, notes = from_query(params)
    assert set(values) == set(SETTINGS_BY_NAME)
    _assert_all_valid(values)
    assert reconcile(values) == (values, [])
    assert all(isinstance(note, str) for note in notes)


# --- the URL round trip -------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(VALID_SETTINGS)
def test_to_query_then_from_query_gives_back_the_same_settings(values):
    query = to_query(values)
    assert all(isinstance(v, str) for v in query.values())
    assert from_query(query) == (values, [])


def test_to_query_writes_only_changes_plus_the_seed_in_readable_form():
    values = defaults() | {"learning_rate": 0.003, "hidden": (8, 8, 2), "show_test": True}
    assert to_query(values) == {
        "seed": "0",
        "hidden": "8,8,2",
        "learning_rate": "0.003",
        "show_test": "true",
    }


# --- cross-field rules --------------------------------------------------------------------


def test_layer_activations_follow_the_number_of_hidden_layers():
    base = defaults() | {"hidden": (4, 4, 4), "activation": "relu"}
    grown, notes = reconcile(base | {"layer_activations": ("tanh",)})
    assert grown["layer_activations"] == ("tanh", "relu", "relu") and notes
    shrunk, _ = reconcile(base | {"hidden": (4,), "layer_activations": ("elu", "gelu")})
    assert shrunk["layer_activations"] == ("elu",)
    assert (
        reconcile(base | {"hidden": (), "layer_activations": ("elu",)})[0]["layer_activations"]
        == ()
    )


def test_effective_activations_use_the_per_layer_list_only_when_it_fits():
    assert effective_activations(defaults()) == ["tanh", "tanh"]
    assert effective_activations(defaults() | {"layer_activations": ("relu", "elu")}) == [
        "relu",
        "elu",
    ]
    assert effective_activations(defaults() | {"layer_activations": ("relu",)}) == ["tanh"] * 2


def test_problem_applies_only_to_tabular_data_and_dropout_rate_is_capped():
    fixed, notes = reconcile(defaults() | {"problem": "regression"})
    assert fixed["problem"] == "auto" and len(notes) == 1
    assert reconcile(defaults() | {"dataset": "penguins", "problem": "regression"})[1] == []
    dropout = defaults() | {"regularization": "dropout", "reg_rate": 3.0}
    assert reconcile(dropout)[0]["reg_rate"] == 0.9
    assert reconcile(dropout | {"regularization": "l2"})[0]["reg_rate"] == 3.0


def test_plane_features_are_checked_against_the_data_columns():
    columns = ["bill_length_mm", "body_mass_g"]
    good = defaults() | {"plane_x": "body_mass_g"}
    assert check_plane_features(good, columns) == (good, [])
    fixed, notes = check_plane_features(good | {"plane_y": "nope"}, columns)
    assert fixed["plane_y"] == "" and len(notes) == 1
    same, _ = check_plane_features(good | {"plane_y": "body_mass_g"}, columns)
    assert same["plane_y"] == ""


def test_shown_when_hides_knobs_of_other_optimizers():
    assert not is_shown("beta1", defaults())
    assert is_shown("beta1", defaults() | {"optimizer": "adam"})
    assert is_shown("features", defaults()) and not is_shown("features", {"dataset": "digits"})


def test_hide_expands_group_names_to_their_settings():
    hidden = hidden_settings(defaults() | {"hide": ("training", "noise")})
    assert {"noise", "optimizer", "learning_rate"} <= hidden and "dataset" not in hidden


def test_regression_always_trains_with_squared_error():
    assert effective_loss(defaults(), is_regression=True) == "squared_error"
    assert effective_loss(defaults(), is_regression=False) == "cross_entropy"


# --- what resets ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"dataset": "xor"}, "data"),  # choice
        ({"noise": 10}, "data"),  # int
        ({"features": ("x1",)}, "network"),  # multi_choice
        ({"hidden": (4,)}, "network"),  # int_list
        ({"layer_activations": ("relu", "relu")}, "network"),  # choice_list
        ({"learning_rate": 0.1}, "live"),  # float
        ({"batch_size": 20}, "live"),
        ({"show_test": True}, "view"),  # bool
        ({"plane_x": "body_mass_g"}, "view"),  # str
        ({"learning_rate": 0.1, "seed": 3, "show_test": True}, "data"),  # strongest wins
        ({}, None),
    ],
)
def test_diff_kind_is_the_strongest_reset_of_the_change(change, expected):
    assert diff_kind(defaults(), defaults() | change) == expected
