"""An assignment: a teacher's setup, what the student may not see or change, and a target.

A link carries it as one URL parameter, ``assignment=`` (compact JSON, base64url), beside
the page's usual settings, and, when the host has set a secret, its signature
``assignment_sig=`` (see assignment_codes). `encode` and `decode` are exact inverses for a
valid assignment; `decode` checks every part against the lab's settings table and the size
limits below and says in one plain sentence what is wrong. Pure Python, no streamlit.

    text = encode(assignment)                      # the URL parameter's value
    assignment, problem = decode(text, lab)        # (Assignment, None) or (None, "why")
"""

import base64
import binascii
import hashlib
import json
import math
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from playground.config.boxes import BOX_NAMES
from playground.config.coerce import MAX_RAW_CHARS
from playground.config.setting import GROUPS
from playground.config.toolbar import BUTTON_NAMES

ASSIGNMENT_PARAM = "assignment"
SIGNATURE_PARAM = "assignment_sig"
LINK_PARAMS = (ASSIGNMENT_PARAM, SIGNATURE_PARAM)
FORMAT_VERSION = 1
MAX_LINK_CHARS = 4000  # the encoded parameter; a full assignment of the first lab is ~1,000
MAX_TITLE_CHARS = 120
MAX_SETUP_KEYS = 64
MAX_LIMITS = 4
MAX_EPOCH_BUDGET = 1_000_000
MAX_METRIC_VALUE = 1e9  # |threshold|; a metric is a loss, a share, an R² or a return
OPS = (">=", "<=")
_METRIC_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
_BASE64URL = re.compile(r"[A-Za-z0-9_-]+")
LIMIT_KINDS = ("int", "float", "int_list")  # settings a limit may bound (a list: its sum)


class LinkError(ValueError):
    """A part of an assignment link that cannot be used; its text says which and why."""


@dataclass(frozen=True)
class Limit:
    """At most `most` for setting `setting` (for a list setting, the sum of its items:
    "at most 6 hidden neurons" is Limit("hidden", 6))."""

    setting: str
    most: float


@dataclass(frozen=True)
class Target:
    """What the student must reach: `metric` (a column of the session's history, e.g.
    "test_accuracy") `op` (">=" or "<=") `value`, at an epoch no later than `epochs`
    (0 = any), with the current settings within every one of `limits`."""

    metric: str
    op: str
    value: float
    epochs: int = 0
    limits: tuple[Limit, ...] = ()


@dataclass(frozen=True)
class Assignment:
    """A teacher's task for one lab.

    lab: the lab's name. title: the task's name as the teacher typed it (plain text).
    setup: the lab's URL query of the starting settings (Lab.to_query). hide, lock: names
    of panels (config.GROUPS), settings and toolbar buttons the page does not draw, or
    draws disabled (hide may also name the page's boxes, config.boxes); the server keeps
    both as the setup has them. target: see Target.
    """

    lab: str
    title: str
    setup: Mapping[str, str]
    hide: tuple[str, ...]
    lock: tuple[str, ...]
    target: Target


def controls(table: Mapping[str, Any]) -> tuple[str, ...]:
    """The names a lab's assignment may hide or lock: its panels, its settings (but the
    page-fixed `hide`) and the toolbar buttons."""
    return (*GROUPS, *(name for name in table if name != "hide"), *BUTTON_NAMES)


def hideable(table: Mapping[str, Any]) -> tuple[str, ...]:
    """The names a lab's assignment may hide: its controls and the page's boxes (the
    model's download and importer; a box is hidden or drawn, never locked)."""
    return (*controls(table), *BOX_NAMES)


def _plain(assignment: Assignment) -> dict:
    data = asdict(assignment)
    data["setup"] = dict(assignment.setup)
    return {"v": FORMAT_VERSION, **data}


def encode(assignment: Assignment) -> str:
    """The value of the `assignment=` URL parameter: canonical JSON (sorted keys, ASCII),
    base64url without padding. decode(encode(a), lab) == (a, None) for a valid `a`."""
    text = json.dumps(_plain(assignment), sort_keys=True, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode("ascii")).decode("ascii").rstrip("=")


def _unpack(text: Any) -> dict:
    """The JSON object inside an encoded parameter (LinkError if it is not one)."""
    if not isinstance(text, str) or not text:
        raise LinkError("it is empty")
    if len(text) > MAX_LINK_CHARS:
        raise LinkError(f"it is longer than {MAX_LINK_CHARS:,} characters")
    if not _BASE64URL.fullmatch(text):
        raise LinkError("it has characters a link of this kind never has")
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        data = json.loads(raw.decode("ascii"))
    except (binascii.Error, UnicodeDecodeError, ValueError, RecursionError):
        raise LinkError("it cannot be read (cut short or edited?)") from None
    if not isinstance(data, dict):
        raise LinkError("it cannot be read (cut short or edited?)")
    return data


def _fields(data: Mapping, names: tuple[str, ...], where: str) -> None:
    if set(data) != set(names):
        raise LinkError(f"its {where} has other parts than an assignment has")


def _text(value: Any, where: str, most: int) -> str:
    if not isinstance(value, str) or len(value) > most or not value.isprintable():
        raise LinkError(f"its {where} is not a short line of text")
    return value


def _number(value: Any, where: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise LinkError(f"its {where} is not a number")
    try:
        number = float(value)
    except OverflowError:  # a JSON whole number beyond any float
        number = math.inf
    if not math.isfinite(number) or not low <= number <= high:
        raise LinkError(f"its {where} is outside {low:g} to {high:g}")
    return value


def _names(value: Any, allowed: tuple[str, ...], where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) > len(allowed):
        raise LinkError(f"its {where} is not a list of controls")
    unknown = [item for item in value if item not in allowed]
    if unknown or len(set(value)) != len(value):
        shown = unknown[0] if unknown and isinstance(unknown[0], str) else "a name"
        raise LinkError(f"its {where} names {shown[:24]!r}, not a control of this page once")
    return tuple(value)


def _setup(value: Any, table: Mapping[str, Any]) -> dict[str, str]:
    if not isinstance(value, dict) or len(value) > MAX_SETUP_KEYS:
        raise LinkError("its setup is not a list of settings")
    for name, raw in value.items():
        if name not in table or not isinstance(raw, str) or len(raw) > MAX_RAW_CHARS:
            raise LinkError(f"its setup has {name[:24]!r}, not a setting of this page")
    return dict(value)


def _limits(value: Any, table: Mapping[str, Any]) -> tuple[Limit, ...]:
    if not isinstance(value, list) or len(value) > MAX_LIMITS:
        raise LinkError(f"its target has more than {MAX_LIMITS} limits")
    limits = []
    for item in value:
        if not isinstance(item, dict):
            raise LinkError("a limit of its target is not a limit")
        _fields(item, ("setting", "most"), "target's limit")
        name = item["setting"]
        if not isinstance(name, str) or getattr(table.get(name), "kind", "") not in LIMIT_KINDS:
            raise LinkError("a limit of its target names no number setting of this page")
        limits.append(Limit(name, _number(item["most"], "limit", 0, MAX_METRIC_VALUE)))
    return tuple(limits)


def _target(value: Any, table: Mapping[str, Any]) -> Target:
    if not isinstance(value, dict):
        raise LinkError("its target is not a target")
    _fields(value, ("metric", "op", "value", "epochs", "limits"), "target")
    metric = value["metric"]
    if not isinstance(metric, str) or not _METRIC_NAME.fullmatch(metric):
        raise LinkError("its target's metric is not a metric name")
    if value["op"] not in OPS:
        raise LinkError("its target's comparison is not >= or <=")
    epochs = value["epochs"]
    if isinstance(epochs, bool) or not isinstance(epochs, int):
        raise LinkError("its epoch budget is not a whole number")
    _number(epochs, "epoch budget", 0, MAX_EPOCH_BUDGET)
    threshold = _number(value["value"], "target value", -MAX_METRIC_VALUE, MAX_METRIC_VALUE)
    return Target(metric, value["op"], float(threshold), epochs, _limits(value["limits"], table))


def decode(text: Any, lab) -> tuple[Assignment | None, str | None]:
    """(the assignment, None) from an `assignment=` value for `lab` (its name and table;
    the setup is checked with lab.settings_from_query), or (None, a plain sentence on why
    it cannot be used). Never raises."""
    try:
        data = _unpack(text)
        _fields(data, ("v", "lab", "title", "setup", "hide", "lock", "target"), "text")
        if data["v"] != FORMAT_VERSION:
            raise LinkError("it was made by another version of the playground")
        if data["lab"] != lab.name:
            raise LinkError("it is for another lab's page")
        allowed = controls(lab.table)
        assignment = Assignment(
            lab=lab.name,
            title=_text(data["title"], "title", MAX_TITLE_CHARS),
            setup=_setup(data["setup"], lab.table),
            hide=_names(data["hide"], hideable(lab.table), "hidden controls"),
            lock=_names(data["lock"], allowed, "locked controls"),
            target=_target(data["target"], lab.table),
        )
        if lab.settings_from_query(assignment.setup)[1]:
            raise LinkError("its setup has values this page does not accept")
    except LinkError as error:
        return None, f"This assignment link cannot be used: {error}."
    return assignment, None


def assignment_id(text: str) -> str:
    """A short name of an encoded assignment (10 base64url characters of its SHA-256),
    the same for the teacher's link and the result codes made from it."""
    digest = hashlib.sha256(text.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")[:10]
