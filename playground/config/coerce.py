"""Coerce one raw value (from a widget, a URL or anywhere) into a valid setting value.

Out-of-range values are clamped; malformed ones fall back to the default. Either way a
plain note for the page says what happened. Strings come from the URL: they are capped in
length and parsed with strict ASCII patterns, so "1e999", "NaN", non-ASCII digits and
10,000-item lists never reach `int()`/`float()` in a harmful form.
"""

import math
import numbers
import re
from collections.abc import Callable, Mapping
from typing import Any

from playground.config.setting import Setting
from playground.config.table import SETTINGS_BY_NAME

MAX_RAW_CHARS = 400  # longer raw strings are rejected unparsed; "hide" listing all is ~275
MAX_RAW_ITEMS = 64  # longer raw lists are rejected before looking at the items
_INT_TEXT = re.compile(r"[+-]?[0-9]+")
_FLOAT_TEXT = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
_TRUE_TEXT = ("true", "1", "yes", "on")
_FALSE_TEXT = ("false", "0", "no", "off")


class InvalidValueError(ValueError):
    """A raw value that cannot be read as the setting's kind; its text is the reason."""


def preview(raw: Any, limit: int = 24) -> str:
    """A short, ASCII-only rendering of a raw value for a note; text is quoted."""
    text = raw if isinstance(raw, str) else repr(raw)
    cut = text[:limit] + ("..." if len(text) > limit else "")
    return ascii(cut) if isinstance(raw, str) else ascii(cut)[1:-1]


def describe(value: Any) -> str:
    """A valid value as a note shows it: lists comma-separated, empty text/list named."""
    if isinstance(value, tuple):
        return ",".join(str(item) for item in value) if value else "(none)"
    if isinstance(value, bool):
        return "on" if value else "off"
    if value == "":
        return "(empty)"
    return str(value)


def _to_int(raw: Any) -> int:
    if isinstance(raw, bool):
        raise InvalidValueError(f"{preview(raw)} is not a whole number")
    if isinstance(raw, numbers.Integral):
        return int(raw)
    if isinstance(raw, numbers.Real) and math.isfinite(raw) and float(raw).is_integer():
        return int(raw)
    if isinstance(raw, str) and _INT_TEXT.fullmatch(raw.strip()):
        return int(raw.strip())
    raise InvalidValueError(f"{preview(raw)} is not a whole number")


def _to_float(raw: Any) -> float:
    if isinstance(raw, numbers.Real) and not isinstance(raw, bool):
        try:
            number = float(raw)
        except OverflowError:  # a Python int beyond float range
            number = math.inf
    elif isinstance(raw, str) and _FLOAT_TEXT.fullmatch(raw.strip()):
        number = float(raw.strip())
    else:
        raise InvalidValueError(f"{preview(raw)} is not a number")
    if not math.isfinite(number):
        raise InvalidValueError(f"{preview(raw)} is not a finite number")
    return number + 0.0  # turns -0.0 into 0.0


def _clamp(setting: Setting, number: float) -> tuple[float, str | None]:
    if setting.low is not None and number < setting.low:
        return setting.low, f"{preview(number)} is below the minimum {setting.low}"
    if setting.high is not None and number > setting.high:
        return setting.high, f"{preview(number)} is above the maximum {setting.high}"
    return number, None


def _coerce_int(setting: Setting, raw: Any) -> tuple[int, str | None]:
    number = _to_int(raw)
    clamped, note = _clamp(setting, number)
    clamped = int(clamped)
    if setting.step and note is None:
        base = int(setting.low or 0)
        snapped = base + round((clamped - base) / setting.step) * setting.step
        clamped, _ = _clamp(setting, snapped)
        if clamped != number:
            note = f"{number} is not a multiple of {setting.step}"
    return int(clamped), note


def _coerce_float(setting: Setting, raw: Any) -> tuple[float, str | None]:
    number, note = _clamp(setting, _to_float(raw))
    return float(number), note


def _coerce_bool(setting: Setting, raw: Any) -> tuple[bool, str | None]:
    if isinstance(raw, bool) or type(raw).__name__ == "bool_":  # numpy.bool_ too
        return bool(raw), None
    if isinstance(raw, numbers.Integral) and raw in (0, 1):
        return bool(raw), None
    if isinstance(raw, str) and raw.strip().lower() in _TRUE_TEXT + _FALSE_TEXT:
        return raw.strip().lower() in _TRUE_TEXT, None
    raise InvalidValueError(f"{preview(raw)} is not true or false")


def _resolve_choice(setting: Setting, raw: Any) -> str | None:
    """The canonical choice that raw names (exactly or ignoring case), else None."""
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    if text in setting.choices:
        return text
    folded = {choice.casefold(): choice for choice in setting.choices}
    return folded.get(text.casefold())


def _coerce_choice(setting: Setting, raw: Any) -> tuple[str, str | None]:
    choice = _resolve_choice(setting, raw)
    if choice is None:
        raise InvalidValueError(f"{preview(raw)} is not one of {', '.join(setting.choices)}")
    return choice, None


def _coerce_str(setting: Setting, raw: Any) -> tuple[str, str | None]:
    if not isinstance(raw, str):
        raise InvalidValueError(f"{preview(raw)} is not text")
    text = raw.strip()
    if len(text) > (setting.max_len or MAX_RAW_CHARS) or not text.isprintable():
        raise InvalidValueError(f"{preview(raw)} is not a short printable name")
    return text, None


def _items(raw: Any) -> list[Any]:
    """Split a raw list value: "4,2" or a list/tuple/array; "" is the empty list."""
    if isinstance(raw, str):
        items = [part.strip() for part in raw.split(",")] if raw.strip() else []
    elif isinstance(raw, list | tuple | set | frozenset):
        items = list(raw)
    elif callable(getattr(raw, "tolist", None)) and getattr(raw, "ndim", None) == 1:
        items = list(raw.tolist())  # a 1-D NumPy array
    else:
        raise InvalidValueError(f"{preview(raw)} is not a list")
    if len(items) > MAX_RAW_ITEMS:
        raise InvalidValueError(f"{len(items)} items are far too many")
    return items


def _check_length(setting: Setting, items: list[Any]) -> tuple[list[Any], str | None]:
    if len(items) < setting.min_len:
        raise InvalidValueError(f"needs at least {setting.min_len} item(s)")
    if setting.max_len is not None and len(items) > setting.max_len:
        return items[: setting.max_len], f"{len(items)} items are more than {setting.max_len}"
    return items, None


def _coerce_int_list(setting: Setting, raw: Any) -> tuple[tuple[int, ...], str | None]:
    items, note = _check_length(setting, _items(raw))
    values, clamp_notes = [], []
    for item in items:
        value, clamp_note = _clamp(setting, _to_int(item))
        values.append(int(value))
        if clamp_note:
            clamp_notes.append(clamp_note)
    notes = [n for n in (note, *clamp_notes[:1]) if n]  # one clamp note tells the story
    return tuple(values), "; ".join(notes) or None


def _coerce_multi_choice(setting: Setting, raw: Any) -> tuple[tuple[str, ...], str | None]:
    items = _items(raw)
    resolved = {_resolve_choice(setting, item) for item in items}
    unknown = [item for item in items if _resolve_choice(setting, item) is None]
    chosen = [choice for choice in setting.choices if choice in resolved]
    note = f"ignored unknown {', '.join(preview(u, 12) for u in unknown[:3])}" if unknown else None
    if len(chosen) < setting.min_len:
        raise InvalidValueError(
            "; ".join(n for n in (note, f"needs at least {setting.min_len} item(s)") if n)
        )
    return tuple(chosen[: setting.max_len]), note


def _coerce_choice_list(setting: Setting, raw: Any) -> tuple[tuple[str, ...], str | None]:
    items, note = _check_length(setting, _items(raw))
    values = tuple(_coerce_choice(setting, item)[0] for item in items)
    return values, note


_COERCERS: dict[str, Callable[[Setting, Any], tuple[Any, str | None]]] = {
    "int": _coerce_int,
    "float": _coerce_float,
    "bool": _coerce_bool,
    "choice": _coerce_choice,
    "str": _coerce_str,
    "int_list": _coerce_int_list,
    "multi_choice": _coerce_multi_choice,
    "choice_list": _coerce_choice_list,
}


def coerce(setting: Setting, raw: Any) -> tuple[Any, str | None]:
    """Like `validate`, for a Setting object (e.g. from a table built elsewhere)."""
    name = repr(setting.name)
    if isinstance(raw, str) and len(raw) > MAX_RAW_CHARS:
        reason = f"a value of {len(raw)} characters is too long"
        return setting.default, f"{name}: {reason}; using the default {describe(setting.default)}."
    try:
        value, reason = _COERCERS[setting.kind](setting, raw)
    except InvalidValueError as err:
        return setting.default, f"{name}: {err}; using the default {describe(setting.default)}."
    if reason:
        return value, f"{name}: {reason}; using {describe(value)}."
    return value, None


def validate(
    name: str, raw_value: Any, table: Mapping[str, Setting] = SETTINGS_BY_NAME
) -> tuple[Any, str | None]:
    """Coerce raw_value into a valid value of setting `name`.

    raw_value: a widget's Python value, or URL text ("4,2" for lists, "true" for bools).
    Returns (value, note): value is always valid (the clamped value, or the default when
    raw_value is malformed); note is None when raw_value was already valid, else one plain
    sentence naming the setting and the value used. Raises KeyError for an unknown name
    (a programming error); never for a bad value. Cross-field rules are in `reconcile`.
    """
    return coerce(table[name], raw_value)
