"""The settings table's controls: hide names (panels, settings, toolbar buttons), hidden
settings kept on the server, rates that follow the regularization, digits of number boxes."""

import pytest

from playground.config import (
    BUTTON_NAMES,
    DROPOUT_MAX_RATE,
    GROUPS,
    SETTINGS,
    SETTINGS_BY_NAME,
    default_for,
    defaults,
    follow_up,
    from_query,
    is_hidden,
    is_shown,
    keep_hidden,
    panel_settings,
    presets_for,
    to_query,
)


def test_hide_accepts_every_panel_setting_button_and_box_and_nothing_else():
    names = (*GROUPS, *(s.name for s in SETTINGS if s.name != "hide"), *BUTTON_NAMES, "bundle")
    assert SETTINGS_BY_NAME["hide"].choices == names
    assert len(set(names)) == len(names)  # one meaning per name
    settings, notes = from_query({"hide": "step,reset,bogus"})
    assert settings["hide"] == ("step", "reset") and any("bogus" in n for n in notes)


def test_is_hidden_covers_groups_settings_and_buttons():
    settings = defaults() | {"hide": ("training", "noise", "reset")}
    assert is_hidden("learning_rate", settings) and is_hidden("training", settings)
    assert is_hidden("noise", settings) and is_hidden("reset", settings)
    assert not is_hidden("seed", settings) and not is_hidden("step", settings)


def test_panel_settings_leave_out_hidden_and_inapplicable_ones():
    assert panel_settings("training", defaults()) == [
        "optimizer", "learning_rate", "regularization", "max_epochs", "patience",
        "restore_best", "stop_metric", "speed"
    ]  # fmt: skip
    adam = defaults() | {"optimizer": "adam", "hide": ("beta1",)}
    assert "beta2" in panel_settings("training", adam)
    assert "beta1" not in panel_settings("training", adam)
    assert panel_settings("network", defaults() | {"hide": ("network",)}) == []
    assert "hide" not in panel_settings("view", defaults())


@pytest.mark.parametrize("name", [s.name for s in SETTINGS])
def test_keep_hidden_puts_back_a_hidden_setting_and_hide_itself(name):
    old = defaults() | {"hide": (name,) if name != "hide" else ("step",)}
    new = old | {"learning_rate": 0.3} | {name: "changed"}
    fixed, kept = keep_hidden(old, new)
    assert fixed[name] == old[name] and kept == [name]
    if name != "learning_rate":
        assert fixed["learning_rate"] == 0.3  # what is not hidden changes


def test_the_main_activation_gives_way_to_per_layer_activations():
    assert is_shown("activation", defaults())
    per_layer = defaults() | {"layer_activations": ("relu", "tanh")}
    assert not is_shown("activation", per_layer)
    assert "activation" not in panel_settings("network", per_layer)


# --- the regularization rate follows the regularization -----------------------------------


def test_choosing_a_regularization_sets_its_usual_rate():
    none = defaults()
    assert follow_up(none, none | {"regularization": "l1"}, {"regularization"})["reg_rate"] > 0
    l2 = follow_up(none, none | {"regularization": "l2"}, {"regularization"})
    dropout = follow_up(l2, l2 | {"regularization": "dropout"}, {"regularization"})
    assert l2["reg_rate"] == 0.001 and dropout["reg_rate"] == 0.2
    back = follow_up(dropout, dropout | {"regularization": "none"}, {"regularization"})
    assert back["reg_rate"] == 0.0
    given = follow_up(none, none | {"regularization": "l1", "reg_rate": 0.03},
                      {"regularization", "reg_rate"})  # fmt: skip
    assert given["reg_rate"] == 0.03


def test_a_url_regularization_without_a_rate_gets_its_usual_rate():
    assert from_query({"regularization": "l1"})[0]["reg_rate"] == 0.001
    assert from_query({"regularization": "dropout"})[0]["reg_rate"] == 0.2
    assert from_query({"regularization": "l2", "reg_rate": "0.1"})[0]["reg_rate"] == 0.1
    # A rate of 0 chosen on purpose survives the round trip through the URL.
    zero = defaults() | {"regularization": "l2", "reg_rate": 0.0}
    assert to_query(zero)["reg_rate"] == "0.0" and from_query(to_query(zero)) == (zero, [])
    usual = defaults() | {"regularization": "l2", "reg_rate": 0.001}
    assert "reg_rate" not in to_query(usual)


def test_dropout_has_its_own_stops_up_to_the_cap():
    dropout = defaults() | {"regularization": "dropout"}
    stops = presets_for("reg_rate", dropout)
    assert 0.5 in stops and max(stops) == DROPOUT_MAX_RATE and min(stops) > 0
    assert presets_for("reg_rate", defaults() | {"regularization": "l1"}) == (
        SETTINGS_BY_NAME["reg_rate"].presets
    )
    assert default_for("reg_rate", dropout) in stops


def test_number_boxes_show_every_digit_of_their_default_and_limits():
    boxes = [s for s in SETTINGS if s.kind == "float" and not s.presets]
    assert boxes  # momentum, Adam's betas, RMSprop's alpha
    for setting in boxes:
        for value in (setting.default, setting.low, setting.high):
            assert round(value, setting.decimals) == value, setting.name
    assert SETTINGS_BY_NAME["beta2"].decimals >= 3
