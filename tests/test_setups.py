"""Each data set's suggested setup learns its data to a stated test score in a stated budget."""

import numpy as np
import pytest

from playground import config
from playground.config.table import DATASETS
from playground.labs.classify.session import CsvChoice, Playground

# data set (and problem) -> (epochs, the test score the setup must reach). Seed 0 throughout.
BUDGETS = {
    ("circle", "auto"): (200, 0.95),
    ("xor", "auto"): (200, 0.95),
    ("gauss", "auto"): (50, 0.95),
    ("spiral", "auto"): (300, 0.95),
    ("moons", "auto"): (200, 0.95),
    ("spiral3", "auto"): (300, 0.90),
    ("blobs3", "auto"): (100, 0.95),
    ("plane", "auto"): (100, 0.95),  # R²
    ("multigauss", "auto"): (300, 0.80),  # R²
    ("penguins", "auto"): (100, 0.95),
    ("penguins", "regression"): (100, 0.75),  # R² of body mass from three measurements
    ("digits", "auto"): (30, 0.95),
}


def _score(playground: Playground) -> float:
    metrics = playground.snapshot().metrics
    return metrics["r2"] if "r2" in metrics else metrics["accuracy"]


@pytest.mark.parametrize(
    ("dataset", "problem"), list(BUDGETS), ids=[f"{d}-{p}" for d, p in BUDGETS]
)
def test_the_suggested_setup_reaches_its_score_within_its_budget_with_no_warning(dataset, problem):
    epochs, wanted = BUDGETS[(dataset, problem)]
    query = {"dataset": dataset} | ({"problem": problem} if problem != "auto" else {})
    settings, notes = config.from_query(query)  # as a shared link opens it
    assert notes == []
    playground = Playground(settings)
    assert playground.trainer.run_epochs(epochs) == epochs
    assert _score(playground) >= wanted
    assert playground.snapshot().diagnosis == []  # not stuck, no swings, no dead neurons


def test_the_csv_setup_learns_a_table():
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, (300, 2))
    rows = "".join(f"{a:.3f},{b:.3f},{int(a * b > 0)}\n" for a, b in x)
    settings = config.from_query({"dataset": "csv"})[0]
    playground = Playground(settings, CsvChoice(("a,b,label\n" + rows).encode()))
    playground.trainer.run_epochs(200)
    assert _score(playground) >= 0.9


def test_every_data_set_has_a_valid_setup_of_setup_keys_only():
    assert set(config.SUGGESTED_SETUPS) == set(DATASETS)
    for name, setup in config.SUGGESTED_SETUPS.items():
        assert set(setup) <= set(config.SETUP_KEYS), name
        for key, value in setup.items():
            assert config.validate(key, value) == (value, None), (name, key)


def test_a_url_naming_a_data_set_means_its_setup_and_explicit_values_win():
    digits, _ = config.from_query({"dataset": "digits"})
    assert digits["hidden"] == (32,) and digits["activation"] == "leaky_relu"
    assert config.to_query(digits) == {"dataset": "digits", "seed": "0"}
    mine, _ = config.from_query({"dataset": "digits", "hidden": "4,2"})
    assert mine["hidden"] == (4, 2) and mine["optimizer"] == "adam"
    assert config.to_query(mine)["hidden"] == "4,2"  # the default, but not digits' setup


def test_switching_data_sets_resets_every_setup_key():
    digits = config.with_setup(config.defaults() | {"learning_rate": 1.0}, "digits")
    circle = config.with_setup(digits, "circle")
    for key in config.SETUP_KEYS:
        assert circle[key] == config.defaults()[key], key
    kept = config.with_setup(digits, "circle", keep=("learning_rate",))
    assert kept["learning_rate"] == 0.003


def test_the_setup_note_names_the_setup_and_what_the_url_kept():
    settings = config.from_query({"dataset": "digits"})[0]
    note = config.setup_note("digits", settings, kept=("learning_rate",))
    assert note.startswith("Suggested setup") and "hidden layers 32" in note
    assert "activation leaky_relu" in note and "learning rate" not in note.split("Kept")[0]
    assert "Kept from the URL: learning_rate" in note
    assert "input features" not in note  # digits have no 2-D features
    spiral = config.from_query({"dataset": "spiral"})[0]
    assert "input features x1,x2,sin(x1),sin(x2)" in config.setup_note("spiral", spiral)


def test_the_setup_note_does_not_say_it_kept_a_setting_the_data_set_has_not():
    # ?dataset=digits&features=x1^2: input features do not apply to digits (not shown), so
    # "Kept from the URL: features" would name a setting the student cannot find.
    settings = config.with_setup(config.defaults(), "digits", keep=("features",))
    assert not config.is_shown("features", settings)
    assert "features" not in config.setup_note("digits", settings, kept=("features",))
    assert "Kept from the URL: hidden" in config.setup_note("digits", settings, kept=("hidden",))
