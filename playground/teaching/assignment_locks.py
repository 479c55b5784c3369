"""What an assignment fixes on a lab's page: the settings it hides or locks keep the
setup's values (a panel's name stands for its settings), and the toolbar buttons it
hides or locks do nothing. Pure Python over a lab's table and its settings_from_query.
"""

from collections.abc import Mapping
from typing import Any

from playground import config
from playground.config.setting import GROUPS
from playground.config.toolbar import BUTTON_NAMES
from playground.teaching.assignment import Assignment

# A toolbar button that changes a setting is locked with it: Regenerate draws a new seed.
BUTTON_SETTINGS = {"regenerate": "seed"}


def settings_named(names: tuple[str, ...], table: Mapping[str, Any]) -> frozenset[str]:
    """The settings of `table` that panel and setting names stand for (buttons: none)."""
    found = set()
    for name in names:
        if name in GROUPS:
            found.update(n for n, setting in table.items() if setting.group == name)
        elif name in table:
            found.add(name)
    return frozenset(found)


def hide_value(assignment: Assignment, table: Mapping[str, Any]) -> tuple[str, ...]:
    """The `hide` setting's value for a table that has one: the assignment's hidden
    controls, in the setting's order (the page's own hiding then draws and holds them)."""
    return tuple(c for c in table["hide"].choices if c in assignment.hide)


def fixed_settings(assignment: Assignment, lab) -> dict[str, Any]:
    """Setting name -> the value the assignment holds it at: every hidden or locked
    setting at its setup value, and `hide` (if the lab's table has it) as hide_value."""
    setup, _ = lab.settings_from_query(assignment.setup)
    names = settings_named((*assignment.hide, *assignment.lock), lab.table)
    fixed = {name: setup[name] for name in names if name != "hide"}
    if "hide" in lab.table:
        fixed["hide"] = hide_value(assignment, lab.table)
    return fixed


def is_hidden(name: str, assignment: Assignment | None, table: Mapping[str, Any]) -> bool:
    """Whether the assignment hides this panel, setting or button (a setting in a hidden
    panel too)."""
    if assignment is None:
        return False
    return name in assignment.hide or name in settings_named(assignment.hide, table)


def is_locked(name: str, assignment: Assignment | None, table: Mapping[str, Any]) -> bool:
    """Whether the assignment locks this panel, setting or button: named, in a locked
    panel, or a button whose setting (BUTTON_SETTINGS) is fixed."""
    if assignment is None:
        return False
    if name in assignment.lock or name in settings_named(assignment.lock, table):
        return True
    if name in BUTTON_NAMES and BUTTON_SETTINGS.get(name) in table:
        fixed = settings_named((*assignment.hide, *assignment.lock), table)
        return BUTTON_SETTINGS[name] in fixed
    return False


def held_query(
    assignment: Assignment, lab, query: Mapping[str, Any]
) -> tuple[dict[str, str], list[str]]:
    """The URL query a page opens with under the assignment: the link's settings with every
    fixed one at the assignment's value (an edited URL cannot move one), and notes: the
    URL's own (values not used as given) and one if the link had changed a fixed one."""
    settings, notes = lab.settings_from_query(query)
    fixed = fixed_settings(assignment, lab)
    held = config.hold_locked(settings, fixed, lab.table)
    moved = [lab.table[n].label for n in fixed if settings.get(n) != held[n] and n != "hide"]
    if moved:
        notes.append(f"This link changed what the assignment fixes ({', '.join(moved[:4])}); "
                     "the assignment's values are used.")  # fmt: skip
    return lab.to_query(held), notes
