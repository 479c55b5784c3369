"""Widgets for the hidden layers: add / remove layers, neurons per layer, and an
activation per layer (the setting kinds "int_list" and "choice_list")."""

import streamlit as st

from playground import config
from playground.ui import state
from playground.ui.labels import choice_label


def _set_layers(hidden: tuple[int, ...]) -> None:
    # The target list, not a +1/-1: Streamlit can run a click's callback twice.
    state.change_settings(hidden=list(hidden))


def _neurons_changed() -> None:
    n = len(state.playground().settings["hidden"])
    state.change_settings(
        hidden=[st.session_state[state.widget_key(f"hidden_{i}")] for i in range(n)]
    )


def _activations_changed() -> None:
    settings = state.playground().settings
    if not st.session_state["per_layer_activation"]:
        state.change_settings(layer_activations=[])
        return
    n = len(settings["hidden"])
    chosen = [
        st.session_state.get(state.widget_key(f"layer_act_{i}"), settings["activation"])
        for i in range(n)
    ]
    state.change_settings(layer_activations=chosen)


def hidden_layers_widget(settings: dict) -> None:
    """Layer count buttons and a neuron count per hidden layer."""
    hidden = list(settings["hidden"])
    setting, locked = config.SETTINGS_BY_NAME["hidden"], state.locked("hidden")
    label, plus, minus = st.columns([3, 1, 1], vertical_alignment="bottom")
    label.markdown(
        f"**{len(hidden)} hidden layer{'s' if len(hidden) != 1 else ''}**", help=setting.help
    )
    more = (*hidden, hidden[-1] if hidden else 4)
    plus.button(
        "",
        icon=":material/add:",
        key="add_layer",
        help="Add a hidden layer",
        on_click=_set_layers,
        args=(more,),
        disabled=len(hidden) >= config.MAX_LAYERS or locked,
    )
    minus.button(
        "",
        icon=":material/remove:",
        key="remove_layer",
        help="Remove the last hidden layer",
        on_click=_set_layers,
        args=(tuple(hidden[:-1]),),
        disabled=not hidden or locked,
    )
    columns = st.columns(max(1, min(4, len(hidden))))
    for i, size in enumerate(hidden):
        key = state.show_in_widget(state.widget_key(f"hidden_{i}"), int(size))
        columns[i % len(columns)].number_input(
            f"Layer {i + 1}",
            1,
            config.MAX_NEURONS,
            step=1,
            key=key,
            on_change=_neurons_changed,
            disabled=locked,
        )


def layer_activation_widgets(settings: dict) -> None:
    """A toggle for one activation per layer and, when on, a choice per hidden layer."""
    per_layer = bool(settings["layer_activations"])
    state.show_in_widget("per_layer_activation", per_layer)
    locked = state.locked("layer_activations")
    st.toggle("Activation per layer", key="per_layer_activation", on_change=_activations_changed,
              disabled=locked)  # fmt: skip
    if not per_layer:
        return
    choices = config.SETTINGS_BY_NAME["layer_activations"].choices
    for i, name in enumerate(config.effective_activations(settings)):
        key = state.show_in_widget(state.widget_key(f"layer_act_{i}"), name)
        st.selectbox(
            f"Layer {i + 1} activation",
            choices,
            key=key,
            format_func=choice_label,
            on_change=_activations_changed,
            disabled=locked,
        )
