"""The settings panels in the sidebar, one per group of the settings table."""

import streamlit as st

from playground import config
from playground.ui import plain, state
from playground.ui.controls import setting_widget
from playground.ui.data_panel import csv_upload, dataset_picker
from playground.ui.model_bundle import model_bundle_panel
from playground.ui.network_controls import hidden_layers_widget, layer_activation_widgets

GROUP_TITLES = {"data": "Data", "network": "Network", "training": "Training", "view": "View"}
GROUP_NOTES = {
    "data": "Changing the data regenerates the points and rebuilds the network.",
    "network": "Changing the network rebuilds it with new weights (epoch 0).",
    "training": "These apply at the next step: the network keeps learning where it is.",
    "view": "Display only.",
}


def _draw(name: str, settings: dict, options: dict[str, list[str]]) -> None:
    """The widget(s) of one visible setting; a few have their own. options: the choices
    that depend on the data, by setting name."""
    if name == "dataset":
        dataset_picker(settings)
        csv_upload()
    elif name == "hidden":
        hidden_layers_widget(settings)
    elif name == "layer_activations":
        layer_activation_widgets(settings)
    elif name in ("plane_x", "plane_y"):
        if len(options[name]) >= 2:  # a single input is drawn along a line: no plane to choose
            setting_widget(name, settings, options[name])
    else:
        setting_widget(name, settings, options.get(name))


def sidebar(playground) -> None:
    """Draw every panel that has something to show; a teacher hides panels, settings and
    buttons with ?hide=... (a panel left with nothing to show has no heading either)."""
    settings = playground.settings
    plane_names = list(playground.dataset.raw_feature_names)
    target = playground.dataset.target_name  # not offered as an input of itself
    inputs = [c for c in config.SETTINGS_BY_NAME["inputs"].choices if c != target]
    options = {"plane_x": plane_names, "plane_y": plane_names, "inputs": inputs}
    with st.sidebar:
        _panels(settings, config.SETTINGS_BY_NAME, lambda name: _draw(name, settings, options))
        model_bundle_panel(playground)


def _panels(settings: dict, table, draw, notes=GROUP_NOTES) -> None:
    for group, title in GROUP_TITLES.items():
        names = [n for n in config.panel_settings(group, settings, table) if not state.hidden(n)]
        if not names:
            continue
        st.subheader(title)
        plain.caption(notes[group])  # a lab's own words: plain text
        for name in names:
            draw(name)


def settings_sidebar(session) -> None:
    """Any lab's panels: one widget per setting of its table (as sidebar does for the
    first lab, without its own widgets for data sets and layers)."""
    settings = session.settings
    with st.sidebar:
        _panels(settings, session.lab.table, lambda name: setting_widget(name, settings),
                {**GROUP_NOTES, **session.lab.group_notes})  # fmt: skip
        model_bundle_panel(session)
