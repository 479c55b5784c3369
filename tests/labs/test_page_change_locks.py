"""Every lab's page_change refuses a change of a locked setting with a note (a widget's,
a hostile message's), keeps the others' changes, and no rule moves a locked setting."""

import pytest

from playground.labs.classify.lab import CLASSIFY
from playground.labs.registry import LABS


def another_value(setting):
    """A valid value of the setting that is not its default."""
    if setting.kind == "choice":
        return next(c for c in setting.choices if c != setting.default)
    if setting.kind == "bool":
        return not setting.default
    if setting.kind in ("int", "float"):
        return setting.high if setting.default != setting.high else setting.low
    return None


def number_settings(lab):
    return [n for n, s in lab.table.items() if another_value(s) is not None and n != "hide"]


@pytest.mark.parametrize("lab", list(LABS.values()), ids=list(LABS))
def test_a_locked_setting_cannot_change(lab):
    old = lab.defaults()
    name, other = number_settings(lab)[:2]
    locked = {name: old[name]}
    changes = {name: another_value(lab.table[name]), other: another_value(lab.table[other])}
    new, notes, later = lab.page_change(old, changes, locked=locked)
    assert new[name] == old[name]
    assert new[other] == lab.page_change(old, {other: changes[other]})[0][other]
    label = lab.table[name].label
    assert f"'{label}' is locked by this assignment; it stays as it is." in notes + later
    unlocked, *_ = lab.page_change(old, changes)
    assert unlocked[name] != old[name]  # without the lock the change goes through


@pytest.mark.parametrize("lab", list(LABS.values()), ids=list(LABS))
def test_a_hostile_value_for_a_locked_setting_is_refused(lab):
    name = number_settings(lab)[0]
    old = {**lab.defaults(), name: another_value(lab.table[name])}  # a hostile value's
    for raw in (["x"] * 100, {"a": 1}, "1e999", None):  # fallback, the default, differs
        new, notes, _ = lab.page_change(old, {name: raw}, locked={name: old[name]})
        assert new == old


def test_asking_for_the_locked_value_itself_needs_no_note():
    old = CLASSIFY.defaults()
    new, notes, _ = CLASSIFY.page_change(old, {"learning_rate": 0.03}, {"learning_rate": 0.03})
    assert new == old and notes == []


def test_no_rule_moves_a_locked_setting():
    # A new data set brings its suggested setup (xor: 8 hidden neurons), but not over a lock.
    old = CLASSIFY.defaults()
    new, *_ = CLASSIFY.page_change(old, {"dataset": "xor"}, locked={"hidden": (4, 2)})
    assert new["dataset"] == "xor" and new["hidden"] == (4, 2)
    free, *_ = CLASSIFY.page_change(old, {"dataset": "xor"})
    assert free["hidden"] != (4, 2)
