"""The settings panels in the sidebar, one per group of the settings table."""

import streamlit as st

from playground import config
from playground.ui.controls import setting_widget
from playground.ui.data_panel import csv_upload, dataset_picker
from playground.ui.network_controls import hidden_layers_widget, layer_activation_widgets

GROUP_TITLES = {"data": "Data", "network": "Network", "training": "Training", "view": "View"}
GROUP_NOTES = {
    "data": "Changing the data regenerates the points and rebuilds the network.",
    "network": "Changing the network rebuilds it with new weights (epoch 0).",
    "training": "These apply at the next step: the network keeps learning where it is.",
    "view": "Display only.",
}


def _names(group: str) -> list[str]:
    return [s.name for s in config.SETTINGS if s.group == group and s.name != "hide"]


def _data_panel(settings: dict, plane_names: list[str]) -> None:
    dataset_picker(settings)
    csv_upload()
    for name in _names("data"):
        if name == "dataset":
            continue
        options = plane_names if name in ("plane_x", "plane_y") else None
        setting_widget(name, settings, options)


def _network_panel(settings: dict) -> None:
    hidden = config.hidden_settings(settings)
    for name in _names("network"):
        if name in hidden:
            continue
        if name == "hidden":
            hidden_layers_widget(settings)
        elif name == "layer_activations":
            layer_activation_widgets(settings)
        else:
            setting_widget(name, settings)


def sidebar(playground) -> None:
    """Draw every visible panel; a teacher hides panels or settings with ?hide=..."""
    settings = playground.settings
    hidden = config.hidden_settings(settings)
    plane_names = list(playground.dataset.raw_feature_names)
    with st.sidebar:
        for group, title in GROUP_TITLES.items():
            if group in hidden:
                continue
            st.subheader(title)
            st.caption(GROUP_NOTES[group])
            if group == "data":
                _data_panel(settings, plane_names)
            elif group == "network":
                _network_panel(settings)
            else:
                for name in _names(group):
                    setting_widget(name, settings)
