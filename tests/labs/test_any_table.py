"""The settings machinery (playground.config) works for any lab's table: a one-setting
table and a small made-up one validate, round-trip through the URL and say what resets.
The first lab's table once raised KeyError 'problem' here."""

import pytest

from playground import config
from playground.config import Setting
from tests.labs.tiny_lab import LINE, TABLE

ONE = {"rate": Setting("rate", "float", 0.1, "training", "Rate", "Step size.", "live",
                       low=0.001, high=1.0)}  # fmt: skip
# A table that shares names with the first lab's (dataset, hidden) but not its setups.
SHARED = {s.name: s for s in (
    Setting("dataset", "choice", "penguins", "data", "Data", "Which data.", "data",
            choices=("penguins", "digits")),
    Setting("hidden", "int_list", (4,), "network", "Layers", "Sizes.", "network", low=1,
            high=64, min_len=0, max_len=4),
    Setting("activation", "choice", "tanh", "network", "Act", "Activation.", "network",
            choices=("tanh", "relu")),
    Setting("layer_activations", "choice_list", (), "network", "Per layer", "Each.",
            "network", choices=("tanh", "relu"), min_len=0, max_len=4),
)}  # fmt: skip


def test_a_one_setting_table_validates_and_round_trips():
    assert config.from_query({}, ONE) == ({"rate": 0.1}, [])
    settings, notes = config.from_query({"rate": "0.5"}, ONE)
    assert settings == {"rate": 0.5} and notes == []
    assert config.to_query(settings, ONE) == {"rate": "0.5"}
    assert config.from_query(config.to_query(settings, ONE), ONE) == (settings, [])
    assert config.to_query({"rate": 0.1}, ONE) == {}  # only what differs from the default


def test_a_one_setting_table_says_what_was_not_used():
    settings, notes = config.from_query({"rate": "lots", "problem": "x"}, ONE)
    assert settings == {"rate": 0.1}
    assert notes[0].startswith("URL parameter 'rate': 'lots' is not a number")
    assert "unknown URL parameter(s) 'problem'" in notes[1]
    settings, notes = config.from_query({"rate": "7"}, ONE)
    assert settings == {"rate": 1.0} and "above the maximum" in notes[0]
    assert config.validate("rate", 2, ONE) == (
        1.0,
        "'rate': 2.0 is above the maximum 1.0; using 1.0.",
    )


def test_a_one_setting_table_says_what_a_change_resets():
    assert config.diff_kind({"rate": 0.1}, {"rate": 0.2}, ONE) == "live"
    assert config.diff_kind({"rate": 0.1}, {"rate": 0.1}, ONE) is None
    assert config.reconcile({"rate": 0.1}, ONE) == ({"rate": 0.1}, [])
    assert config.panel_settings("training", {"rate": 0.1}, ONE) == ["rate"]
    assert config.keep_hidden({"rate": 0.1}, {"rate": 0.3}, ONE) == ({"rate": 0.3}, [])


@pytest.mark.parametrize("name", list(TABLE))
def test_every_setting_of_a_made_up_table_resets_what_it_says(name):
    base = config.defaults(TABLE)
    setting = TABLE[name]
    other = {"int": setting.high, "float": setting.low, "bool": not setting.default,
             "choice": (setting.choices or ("",))[-1]}[setting.kind]  # fmt: skip
    assert other != setting.default
    changed = {**base, name: other}
    assert config.diff_kind(base, changed, TABLE) == setting.resets
    query = LINE.to_query(changed)
    assert name in query
    assert LINE.settings_from_query({**query, "lab": "line"}) == (changed, [])


def test_a_table_sharing_names_gets_the_rules_but_not_the_first_labs_setups():
    settings, notes = config.from_query({"dataset": "digits"}, SHARED)
    assert settings["hidden"] == (4,)  # the first lab's digits setup has (32,)
    assert notes == []
    settings, notes = config.from_query({"hidden": "4,4", "layer_activations": "relu"}, SHARED)
    assert settings["layer_activations"] == ("relu", "tanh")  # one per layer, padded
    assert "one entry per hidden layer (2)" in notes[0]
    assert config.from_query(config.to_query(settings, SHARED), SHARED) == (settings, [])
