"""Assignment links: encode/decode round trip, every broken or hostile part refused with a
sentence, the link signature, what an assignment fixes, and the URL held to it."""

import base64
import json

import pytest

from playground.labs.classify.lab import CLASSIFY
from playground.labs.registry import LABS
from playground.teaching import assignment_locks as locks
from playground.teaching.assignment import (
    MAX_LINK_CHARS,
    Assignment,
    Limit,
    Target,
    assignment_id,
    controls,
    decode,
    encode,
)
from playground.teaching.assignment_codes import link_is_signed, link_signature

SECRET = "s" * 32


def xor_task(**changes) -> Assignment:
    fields = dict(lab="classify", title="XOR with few neurons",
                  setup={"dataset": "xor", "hidden": "4", "seed": "0"},
                  hide=("dataset",), lock=("learning_rate",),
                  target=Target("test_accuracy", ">=", 0.95, 500,
                                (Limit("hidden", 6),)))  # fmt: skip
    return Assignment(**{**fields, **changes})


def packed(data: dict) -> str:
    text = json.dumps(data, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def plain_dict(assignment: Assignment) -> dict:
    return json.loads(base64.urlsafe_b64decode(encode(assignment) + "==="))


def test_round_trip_is_exact_and_canonical():
    task = xor_task()
    text = encode(task)
    assert decode(text, CLASSIFY) == (task, None)
    assert encode(decode(text, CLASSIFY)[0]) == text
    assert len(text) < MAX_LINK_CHARS and assignment_id(text) == assignment_id(encode(task))


@pytest.mark.parametrize("lab", list(LABS.values()), ids=list(LABS))
def test_every_lab_round_trips_an_assignment_of_its_defaults(lab):
    setting = next(iter(lab.table))
    task = Assignment(lab.name, "t", lab.to_query(lab.defaults()), (), (setting,),
                      Target("train_loss", "<=", 0.5))  # fmt: skip
    assert decode(encode(task), lab) == (task, None)
    other = next(o for o in LABS.values() if o is not lab)
    assert decode(encode(task), other)[0] is None  # another lab's page refuses it


def edited(**part) -> str:
    data = plain_dict(xor_task())
    for key, value in part.items():
        if key.startswith("target_"):
            data["target"][key.removeprefix("target_")] = value
        else:
            data[key] = value
    return packed(data)


BROKEN = {
    "empty": "",
    "not text": 12,
    "too long": "A" * (MAX_LINK_CHARS + 1),
    "not base64url": "abc$def",
    "cut short": encode(xor_task())[:-7],
    "not an object": packed([1, 2]),  # type: ignore[arg-type]
    "another version": edited(v=2),
    "another lab": edited(lab="rnn"),
    "extra part": edited(extra=1),
    "title with a line break": edited(title="a\nb"),
    "title too long": edited(title="x" * 121),
    "title not text": edited(title=["x"]),
    "unknown hidden control": edited(hide=["nonsense"]),
    "hidden twice": edited(hide=["dataset", "dataset"]),
    "hide not a list": edited(hide="dataset"),
    "lock of a dict": edited(lock=[{"a": 1}]),
    "setup unknown setting": edited(setup={"bogus": "1"}),
    "setup bad value": edited(setup={"hidden": "4,999999"}),
    "setup value not text": edited(setup={"hidden": 4}),
    "metric not a name": edited(target_metric="<script>"),
    "bad comparison": edited(target_op="=="),
    "NaN threshold": edited(target_value=float("nan")),
    "huge threshold": edited(target_value=10**400),
    "bool threshold": edited(target_value=True),
    "negative budget": edited(target_epochs=-1),
    "fractional budget": edited(target_epochs=1.5),
    "limit on a choice": edited(target_limits=[{"setting": "activation", "most": 1}]),
    "limit with extra part": edited(target_limits=[{"setting": "hidden", "most": 6, "x": 0}]),
    "too many limits": edited(target_limits=[{"setting": "hidden", "most": 6}] * 5),
}


@pytest.mark.parametrize("text", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_part_is_refused_with_a_sentence(text):
    assignment, problem = decode(text, CLASSIFY)
    assert assignment is None
    assert problem.startswith("This assignment link cannot be used: ") and problem.endswith(".")


def test_the_signature_covers_every_part():
    text = encode(xor_task())
    signature = link_signature(SECRET, text)
    assert link_is_signed(SECRET, text, signature)
    for other in (xor_task(lock=()), xor_task(hide=()), xor_task(title="x"),
                  xor_task(setup={"dataset": "xor", "hidden": "8", "seed": "0"}),
                  xor_task(target=Target("test_accuracy", ">=", 0.5, 500))):  # fmt: skip
        assert not link_is_signed(SECRET, encode(other), signature)
    assert not link_is_signed("t" * 32, text, signature)
    assert not link_is_signed(SECRET, text, signature[:-1] + "A")
    assert not link_is_signed(SECRET, text, None)
    assert not link_is_signed(SECRET, text, "é" * 22)
    assert not link_is_signed(SECRET, text + "é", signature)  # never raises either
    assert not link_is_signed(SECRET, None, signature)


def test_fixed_settings_are_the_setups_values_of_hidden_and_locked_ones():
    fixed = locks.fixed_settings(xor_task(lock=("learning_rate", "network")), CLASSIFY)
    assert fixed["dataset"] == "xor" and fixed["learning_rate"] == 0.03
    assert fixed["hidden"] == (4,) and fixed["activation"] == "tanh"
    assert fixed["hide"] == ("dataset",) and "noise" not in fixed
    assert set(controls(CLASSIFY.table)) >= {"data", "dataset", "play", "regenerate"}


def test_locks_name_buttons_panels_and_the_seed_locks_regenerate():
    task = xor_task(lock=("data", "reset"))
    table = CLASSIFY.table
    assert locks.is_locked("reset", task, table) and locks.is_locked("seed", task, table)
    assert locks.is_locked("regenerate", task, table)  # it would draw a new seed
    assert not locks.is_locked("play", task, table) and not locks.is_locked("hidden", task, table)
    assert locks.is_hidden("dataset", task, table) and not locks.is_hidden("seed", task, table)
    assert not locks.is_locked("regenerate", xor_task(), table)


def test_an_edited_url_cannot_move_a_fixed_setting():
    query = {"dataset": "circle", "hidden": "8,8", "learning_rate": "3.0", "noise": "20"}
    held, notes = locks.held_query(xor_task(), CLASSIFY, query)
    settings, _ = CLASSIFY.settings_from_query(held)
    assert settings["dataset"] == "xor" and settings["learning_rate"] == 0.03  # held
    assert settings["hidden"] == (8, 8) and settings["noise"] == 20  # the student's own
    assert settings["hide"] == ("dataset",)
    assert any("Data set" in note and "Learning rate" in note for note in notes)


def test_an_assignment_may_hide_the_model_box_but_not_lock_it():
    hidden = xor_task(hide=("dataset", "bundle"))
    assert decode(encode(hidden), CLASSIFY) == (hidden, None)
    assert locks.hide_value(hidden, CLASSIFY.table) == ("dataset", "bundle")
    assert "bundle" not in controls(CLASSIFY.table)
    back, problem = decode(encode(xor_task(lock=("bundle",))), CLASSIFY)
    assert back is None and "'bundle'" in problem
    rl = LABS["rl"]
    task = Assignment("rl", "t", {}, ("bundle",), (), Target("train_loss", "<=", 1.0))
    assert decode(encode(task), rl) == (task, None)  # any lab's page, hide= or not
