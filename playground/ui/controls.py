"""Widgets for the settings, drawn from the settings table (one widget function per kind).

Each widget has the key "set_<name>" (see state.widget_key); its on_change hands the new value to
`state.change_settings`, which validates it on the server.
"""

import streamlit as st

from playground import config
from playground.ui import state
from playground.ui.labels import choice_label

SLIDER_KINDS = ("int", "float")


def widget_key(name: str) -> str:
    """Session-state key of a setting's widget."""
    return state.widget_key(name)


def _sync(name: str, value) -> str:
    """Make the widget show the current setting (it may have changed elsewhere)."""
    return state.show_in_widget(widget_key(name), value)


def _help(setting) -> str:
    """The setting's help plus what changing it does (rebuild or live)."""
    return f"{setting.help} Changing it {config.RESET_EXPLANATIONS[setting.resets]}."


def _on_change(name: str) -> None:
    state.change_settings(**{name: st.session_state[widget_key(name)]})


def _choice(setting, value, options=None) -> None:
    options = list(options if options is not None else setting.choices)
    if value not in options:
        options.append(value)
    key = _sync(setting.name, value)
    st.selectbox(
        setting.label,
        options,
        key=key,
        help=_help(setting),
        format_func=choice_label,
        on_change=_on_change,
        args=(setting.name,),
        disabled=state.locked(setting.name),
    )


def _number(setting, value, presets) -> None:
    key = _sync(setting.name, value)
    if presets:
        options = sorted({*presets, value})
        st.select_slider(
            setting.label,
            options,
            key=key,
            help=_help(setting),
            format_func=lambda v: f"{v:g}",
            on_change=_on_change,
            args=(setting.name,),
            disabled=state.locked(setting.name),
        )
    elif setting.step:
        st.slider(
            setting.label,
            setting.low,
            setting.high,
            step=setting.step,
            key=key,
            help=_help(setting),
            on_change=_on_change,
            args=(setting.name,),
            disabled=state.locked(setting.name),
        )
    else:
        # Floats show the table's digits and step by one unit of the last (0.999 is not
        # "1.00", and a step of 0.01 from 0.999 would overshoot the maximum).
        decimals = setting.decimals or 2
        step = 1 if setting.kind == "int" else 10.0**-decimals
        st.number_input(
            setting.label,
            setting.low,
            setting.high,
            step=step,
            format=None if setting.kind == "int" else f"%.{decimals}f",
            key=key,
            help=_help(setting),
            on_change=_on_change,
            args=(setting.name,),
            disabled=state.locked(setting.name),
        )


def _toggle(setting, value) -> None:
    key = _sync(setting.name, value)
    st.toggle(setting.label, key=key, help=_help(setting), on_change=_on_change,
              args=(setting.name,), disabled=state.locked(setting.name))  # fmt: skip


def _features(setting, value, options=None) -> None:
    from playground.data import FEATURE_LABELS

    options = list(setting.choices if options is None else options)
    key = _sync(setting.name, [v for v in value if v in options])
    st.pills(
        setting.label,
        options,
        selection_mode="multi",
        key=key,
        help=_help(setting),
        format_func=lambda f: FEATURE_LABELS.get(f, f),
        on_change=_on_change,
        args=(setting.name,),
        disabled=state.locked(setting.name),
    )


def _list_text(setting, value) -> None:
    """A list setting as comma-separated text ("32,16"), read back by the table's rules."""
    key = _sync(setting.name, config.encode(setting, value))
    st.text_input(setting.label, key=key, help=_help(setting) + " Comma-separated.",
                  on_change=_on_change, args=(setting.name,),
                  disabled=state.locked(setting.name))  # fmt: skip


def setting_widget(name: str, settings: dict, options=None) -> None:
    """Draw the widget for one setting of the lab shown, if it applies and a teacher has
    not hidden it (disabled if the page's assignment locks it)."""
    table = state.lab().table
    if state.hidden(name) or not config.is_shown(name, settings, table):
        return
    setting, value = table[name], settings[name]
    if setting.kind == "choice" or setting.kind == "str":
        _choice(setting, value, options)
    elif setting.kind in SLIDER_KINDS:
        _number(setting, value, config.presets_for(name, settings, table))
    elif setting.kind == "bool":
        _toggle(setting, value)
    elif setting.kind == "multi_choice":
        _features(setting, value, options)
    elif setting.kind in ("int_list", "choice_list"):
        _list_text(setting, value)
