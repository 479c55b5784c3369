"""Teacher controls that hold: `hide` hides every panel, setting and toolbar button on the
page (AppTest), and the server keeps what is hidden as it is, whatever message arrives."""

import functools

import pytest
from streamlit.testing.v1 import AppTest

from playground import config
from tests.ui.test_app_flow import playground, start

SETTING_NAMES = [s.name for s in config.SETTINGS if s.name not in config.PAGE_FIXED]
# URL settings under which each setting applies (is drawn at all); others: the defaults.
CONTEXT = {
    "problem": {"dataset": "penguins"},
    "plane_x": {"dataset": "penguins"},
    "plane_y": {"dataset": "penguins"},
    "inputs": {"dataset": "penguins"},
    "momentum": {"optimizer": "momentum"},
    "beta1": {"optimizer": "adam"},
    "beta2": {"optimizer": "adam"},
    "rmsprop_alpha": {"optimizer": "rmsprop"},
    "reg_rate": {"regularization": "l2"},
    "stop_value": {"stop_metric": "test_accuracy"},
}
# The widget keys of the settings drawn by their own widgets (the others: "set_<name>").
OWN_KEYS = {
    "dataset": ("ds_circle", "ds_penguins", "csv_upload"),
    "hidden": ("add_layer", "remove_layer", "set_hidden_0"),
    "layer_activations": ("per_layer_activation",),
}


def widget_keys(name: str) -> tuple[str, ...]:
    """The keys of the widgets that change setting `name`."""
    return OWN_KEYS.get(name, (f"set_{name}",))


def keys_on_page(at: AppTest) -> set[str]:
    """Every widget key in the page's element tree."""
    found, stack = set(), [at._tree]
    while stack:
        node = stack.pop()
        if getattr(node, "key", None):
            found.add(node.key)
        children = getattr(node, "children", None)
        stack.extend(children.values() if isinstance(children, dict) else ())
    return found


@functools.cache
def keys_without_hide(context: tuple) -> frozenset[str]:
    """The widget keys of the page opened with these URL settings and no hide."""
    return frozenset(keys_on_page(start(**dict(context))))


def headings(at: AppTest) -> list[str]:
    return [h.value for h in at.sidebar.subheader]


def drawn_settings(query: dict) -> set[str]:
    """The settings the page draws for these URL settings, as the table says (the panels',
    and the ones beside the toolbar)."""
    settings, _ = config.from_query(query)
    beside = {n for n in config.ON_THE_TOOLBAR if not config.is_hidden(n, settings)}
    return beside | {n for group in config.GROUPS for n in config.panel_settings(group, settings)}


@pytest.mark.parametrize("name", SETTING_NAMES)
def test_hiding_a_setting_removes_its_widgets_only_and_keeps_its_value(name):
    context = CONTEXT.get(name, {})
    assert name in drawn_settings(context), "the context must show the setting"
    assert set(widget_keys(name)) <= keys_without_hide(tuple(context.items()))
    at = start(**context, hide=name)
    on_page = keys_on_page(at)
    assert not set(widget_keys(name)) & on_page, f"{name} is still drawn"
    others = drawn_settings(context) - {name}
    assert all(set(widget_keys(o)) <= on_page for o in others), "hid more than asked"
    # A value for its widget arriving anyway (a crafted message) changes nothing.
    before = playground(at).settings[name]
    at.session_state[widget_keys(name)[0]] = other_value(config.SETTINGS_BY_NAME[name], before)
    at.run()
    assert playground(at).settings[name] == before and not at.exception


@pytest.mark.parametrize("group", config.GROUPS)
def test_hiding_a_panel_removes_its_heading_and_every_widget_in_it(group):
    in_group = [s.name for s in config.SETTINGS if s.group == group and s.name != "hide"]
    titles = {"data": "Data", "network": "Network", "training": "Training", "view": "View"}
    assert titles[group] in headings(start())
    at = start(hide=group)
    assert titles[group] not in headings(at)
    assert [t for t in titles.values() if t != titles[group]] == headings(at)
    on_page = keys_on_page(at)
    assert not {key for name in in_group for key in widget_keys(name)} & on_page
    if group == "data":  # the data-set picker and the CSV upload go with it
        assert not {k for k in on_page if k.startswith(("ds_", "pick_", "csv_"))}


@pytest.mark.parametrize("button", config.BUTTON_NAMES)
def test_hiding_a_toolbar_button_removes_it_only(button):
    assert button in keys_on_page(start())
    on_page = keys_on_page(start(hide=button))
    assert button not in on_page
    assert set(config.BUTTON_NAMES) - {button} <= on_page


def test_the_readme_example_leaves_no_empty_heading():
    at = start(dataset="xor", hidden="3", hide="network,training")
    assert headings(at) == ["Data", "View"] and not at.exception
    assert playground(at).spec.sizes == (2, 3, 1)


def test_a_panel_whose_every_setting_is_hidden_or_inapplicable_has_no_heading():
    network = "hidden,activation,layer_activations,loss,init"
    assert "Network" not in headings(start(hide=f"features,{network}"))
    # On penguins the input features do not apply, so hiding the rest empties the panel.
    assert "Network" not in headings(start(dataset="penguins", hide=network))
    assert "Network" in headings(start(hide=network))  # features are still there


def test_hide_data_step_reset_regenerate_leaves_play_and_step_batch():
    at = start(hide="data,step,reset,regenerate")
    on_page = keys_on_page(at)
    assert {"play", "step_batch"} <= on_page
    assert not {"step", "reset", "regenerate", "ds_circle", "csv_upload"} & on_page
    assert headings(at) == ["Network", "Training", "View"]


def test_an_unknown_hide_name_gives_a_note():
    at = start(hide="training,nonsense")
    assert any("nonsense" in note.value for note in at.info)
    assert "Training" not in headings(at)


# --- enforcement on the server: callbacks a crafted widget message could reach -------------


def other_value(setting, current):
    """A valid value of `setting` that differs from `current`."""
    kind = setting.kind
    if kind == "choice":
        return next(c for c in setting.choices if c != current)
    if kind in ("int", "float"):
        return setting.high if current != setting.high else setting.low
    if kind == "bool":
        return not current
    if kind == "str":
        return "bill_depth_mm" if current != "bill_depth_mm" else "body_mass_g"
    if kind == "int_list":
        return (3,) if current != (3,) else (5, 5)
    if kind == "choice_list":
        return ("relu", "relu") if current != ("relu", "relu") else ("elu", "elu")
    if setting.name == "inputs":
        return ("bill_length_mm", "island")
    return ("x1",) if setting.name == "features" else ("play",)  # multi_choice


def change_each_setting(names, contexts, hide_it):
    """An app script: for each setting, a playground from the URL (hiding that setting if
    hide_it), then the change its widget's callback would make; records the results."""
    import streamlit as st

    from playground import config
    from playground.labs.classify.session import Playground
    from playground.ui import state
    from tests.ui.test_hide import other_value

    results = {}
    for name in names:
        query = {**contexts.get(name, {}), **({"hide": name} if hide_it else {})}
        st.session_state[state.PLAYGROUND] = Playground(config.from_query(query)[0])
        before = state.playground().settings[name]
        wanted = other_value(config.SETTINGS_BY_NAME[name], before)
        state.change_settings(**{name: wanted})
        results[name] = state.playground().settings[name] != before
    st.session_state["changed"] = results


@pytest.mark.parametrize("hide_it", [True, False])
def test_a_hidden_setting_cannot_be_changed_by_its_callback(hide_it):
    at = AppTest.from_function(change_each_setting, args=(SETTING_NAMES, CONTEXT, hide_it))
    at.run(timeout=60)
    assert not at.exception
    changed = at.session_state["changed"]
    if hide_it:
        assert not any(changed.values()), [n for n, c in changed.items() if c]
    else:  # the same callbacks do change visible settings (so the test above can fail)
        assert all(changed.values()), [n for n, c in changed.items() if not c]


def clear_hide():
    """An app script: a playground hiding Reset, then a change of `hide` itself."""
    import streamlit as st

    from playground.ui import state

    st.query_params["hide"] = "reset"
    state.playground()
    state.change_settings(hide=[])


def test_hide_itself_cannot_be_changed_from_the_page():
    at = AppTest.from_function(clear_hide)
    at.run(timeout=60)
    assert playground(at).settings["hide"] == ("reset",) and not at.exception
    assert at.query_params["hide"] == "reset"


def press_each_button(hide):
    """An app script: a playground hiding `hide`, then every toolbar action as a crafted
    click would call it, and a data-set pick; records what each changed."""
    import streamlit as st

    from playground.ui import data_panel, state, toolbar

    st.query_params["hide"] = hide
    pg = state.playground()
    if "done" in st.session_state:
        return
    st.session_state["done"] = True
    looks = {
        "play": lambda: pg.playing,
        "step_batch": lambda: (pg.trainer.epoch, pg.trainer.batch),
        "step": lambda: pg.trainer.epoch,
        "reset": lambda: pg.weight_round,
        "regenerate": lambda: pg.settings["seed"],
        "dataset": lambda: pg.settings["dataset"],
    }
    changed = {}
    for name, look in looks.items():
        before = look()
        if name == "dataset":
            data_panel._pick("xor")
        else:
            toolbar.press(name, *((True,) if name == "play" else ()))
        changed[name] = look() != before
        pg.set_playing(False)
    st.session_state["changed"] = changed


@pytest.mark.parametrize("hide", ["play,step_batch,step,reset,regenerate,dataset", ""])
def test_a_hidden_buttons_action_does_nothing(hide):
    at = AppTest.from_function(press_each_button, args=(hide,))
    at.run(timeout=60)
    assert not at.exception
    changed = at.session_state["changed"]
    assert set(changed.values()) == {not hide}, changed
