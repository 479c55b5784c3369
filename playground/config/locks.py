"""Locked settings: values a page may show but never change (an assignment's locks and
hidden settings). `Lab.page_change` refuses a change of one with a note, and no rule
moves one. Pure Python."""

from collections.abc import Mapping
from typing import Any

from playground.config.coerce import validate
from playground.config.rules import reconcile
from playground.config.setting import Setting

Locked = Mapping[str, Any]
"""Setting name -> the value it is locked at."""


def refuse_locked(
    changes: Mapping[str, Any], locked: Locked, table: Mapping[str, Setting]
) -> tuple[dict[str, Any], list[str]]:
    """The changes without those of locked settings, and a note for each refused one that
    asked for another value (a widget message, a hostile one or a stale page)."""
    allowed, notes = {}, []
    for name, raw in changes.items():
        if name not in locked:
            allowed[name] = raw
        elif name in table and validate(name, raw, table)[0] != locked[name]:
            label = table[name].label
            notes.append(f"'{label}' is locked by this assignment; it stays as it is.")
    return allowed, notes


def hold_locked(
    settings: Mapping[str, Any], locked: Locked, table: Mapping[str, Setting]
) -> dict[str, Any]:
    """Settings with every locked one at its locked value, the table's rules applied to the
    others (a rule that would move a locked setting does not)."""
    held = {**settings, **{k: v for k, v in locked.items() if k in table}}
    held, _ = reconcile(held, table)
    return {**held, **{k: v for k, v in locked.items() if k in table}}
