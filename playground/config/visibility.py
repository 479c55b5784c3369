"""What a teacher's `hide` hides, and what the page may still change.

`hide` names panels (the setting groups), settings and toolbar buttons (config.toolbar).
Hidden things are not drawn, and the server keeps them as they are: `keep_hidden` undoes a
change of a hidden setting, whatever widget message asked for it. Pure Python.
"""

from collections.abc import Mapping
from typing import Any

from playground.config.rules import is_shown
from playground.config.setting import GROUPS, Setting
from playground.config.table import SETTINGS_BY_NAME

# Never changed from the page: the teacher's link sets it once (not even shown).
PAGE_FIXED = ("hide",)
# Drawn beside the toolbar, not in their panel: presentation mode closes the sidebar.
ON_THE_TOOLBAR = ("present",)


HELD = "_held"  # in the views' copy of a session's settings (labs.base.view_settings)


def held_settings(settings: Mapping[str, Any]) -> frozenset[str]:
    """Names of the settings the page's assignment holds (locked or hidden), from the
    views' copy of the settings: the views offer no control that changes one."""
    return frozenset(settings.get(HELD, ()))


def hidden_settings(
    settings: Mapping[str, Any], table: Mapping[str, Setting] = SETTINGS_BY_NAME
) -> frozenset[str]:
    """Names of the settings a teacher hid via `hide` (a group name hides its whole panel)."""
    hidden = set()
    for item in settings.get("hide", ()):
        if item in GROUPS:
            hidden.update(name for name, s in table.items() if s.group == item)
        elif item in table:
            hidden.add(item)
    return frozenset(hidden)


def is_hidden(name: str, settings: Mapping[str, Any], table=SETTINGS_BY_NAME) -> bool:
    """Whether a panel, setting or toolbar button named `name` is hidden by `hide`."""
    return name in settings.get("hide", ()) or name in hidden_settings(settings, table)


def panel_settings(
    group: str, settings: Mapping[str, Any], table: Mapping[str, Setting] = SETTINGS_BY_NAME
) -> list[str]:
    """The settings the panel `group` draws now, in table order: those that apply (see
    is_shown) and are not hidden; `hide` itself is never drawn, and ON_THE_TOOLBAR's are
    drawn beside the toolbar. Empty = no panel at all (not even its heading)."""
    hidden = hidden_settings(settings, table)
    return [
        name
        for name, setting in table.items()
        if setting.group == group
        and name not in PAGE_FIXED
        and name not in ON_THE_TOOLBAR
        and name not in hidden
        and is_shown(name, settings, table)
    ]


def keep_hidden(
    old: Mapping[str, Any], new: Mapping[str, Any], table: Mapping[str, Setting] = SETTINGS_BY_NAME
) -> tuple[dict[str, Any], list[str]]:
    """New settings with every hidden setting (and PAGE_FIXED) put back to its old value.

    Returns (settings, the names put back). The server's side of hiding: a widget message
    for a hidden setting, or a rule that would move it, changes nothing.
    """
    fixed, kept, hidden = dict(new), [], hidden_settings(old, table)
    for name in table:
        if (
            (name in hidden or name in PAGE_FIXED)
            and name in fixed
            and fixed[name] != old.get(name, table[name].default)
        ):
            fixed[name] = old.get(name, table[name].default)
            kept.append(name)
    return fixed, kept
