"""The labs without a browser: list them, and train one from its URL query.

The query is the page's, validated the same way (Lab.settings_from_query); where the page
would show a note and go on with another value, the command line refuses (a script should
not silently train something else). No streamlit.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

import numpy as np

from playground.config import Setting
from playground.config.coerce import MAX_RAW_CHARS, describe
from playground.data import DataError
from playground.labs.base import LAB_PARAM, Lab
from playground.labs.registry import (
    LABS,
    UnknownLabError,
    aliases_of,
    lab_for_query,
    lab_named,
)

MAX_QUERY_CHARS = 8 * MAX_RAW_CHARS  # more than any valid query; longer ones are refused
MAX_EPOCHS = 1_000_000  # as the stop epoch's limit


class QueryError(ValueError):
    """A query the command line will not train: its text is one plain line for the user."""


def parse_query(text: str) -> tuple[dict[str, list[str]], str]:
    """(params, URL path) of a query string, with or without "?" or a whole page address
    ("http://host/autoencoder?dataset=digits" gives the path "autoencoder")."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"The query has {len(text):,} characters; at most {MAX_QUERY_CHARS:,}.")
    path, query = "", text.strip()
    if "?" in query:
        before, query = query.split("?", 1)
        path = urlsplit(before).path.strip("/")
    elif "://" in query:
        path, query = urlsplit(query).path.strip("/"), ""
    try:
        return parse_qs(query, keep_blank_values=True, strict_parsing=False), path
    except ValueError as error:
        raise QueryError(f"The query cannot be read: {error}.") from None


def choose_lab(params: Mapping[str, list[str]], path: str, lab_name: str | None) -> Lab:
    """The lab named by --lab, by the page's path or by `lab=` (they must agree); else the
    first lab. Raises QueryError."""
    try:
        named = [lab_named(name) for name in (lab_name, path) if name]
        named.append(lab_for_query(params) if LAB_PARAM in params else None)
    except UnknownLabError as error:
        raise QueryError(str(error)) from None
    chosen = {lab.name for lab in named if lab is not None}
    if len(chosen) > 1:
        raise QueryError(f"The query names more than one lab: {', '.join(sorted(chosen))}.")
    return LABS[chosen.pop()] if chosen else lab_for_query({})


def query_settings(text: str, lab_name: str | None = None) -> tuple[Lab, dict[str, Any]]:
    """(lab, settings) of a query, as the page reads it. Raises QueryError when a value
    would not be used as given (the page's notes, joined)."""
    params, path = parse_query(text)
    lab = choose_lab(params, path, lab_name)
    settings, notes = lab.settings_from_query(params)
    if notes:
        raise QueryError(" ".join(notes))
    return lab, settings


def open_session(text: str, lab_name: str | None = None):
    """A session of the lab the query names, with the query's settings. Raises QueryError
    when a value would not be used as given, or the lab cannot open them (e.g. no file)."""
    lab, settings = query_settings(text, lab_name)
    try:
        return lab.open(settings)
    except DataError as error:
        raise QueryError(str(error)) from None


def train(session, epochs: int) -> Iterator[dict[str, Any]]:
    """The session's record after each of `epochs` epochs: fewer if training diverges or a
    stop condition of the query holds (the stop epoch, patience, a target; the record's
    "stopped" says which)."""
    stopped = getattr(session, "stop_reason", lambda: None)  # the RL lab has none
    for _ in range(epochs):
        done = session.step()
        yield session.record()
        if not done or stopped():
            return


def run_figures(session) -> dict[str, Any]:
    """Figures of the whole run for the final line (a lesson's expectations read them):
    "best_test_loss" and "best_test_epoch" (the lowest test loss so far and the epoch it
    was reached: a final test loss above it is overfitting), "train_loss_rises" (epochs
    that ended with a higher training loss than the one before: noisy steps) and, where
    the lab logs each layer's gradient norm, "first_layer_gradient" and
    "last_layer_gradient" (the mean over the run of the gradient norm of the first and the
    last layer's [W; b], sampled after each epoch: vanishing gradients). Empty for a lab
    without a Trainer's history."""
    history = getattr(getattr(session, "trainer", None), "history", None)
    if history is None or "test_loss" not in history.columns or len(history) < 2:
        return {}
    figures: dict[str, Any] = {}
    test, epochs = history.column("test_loss")[1:], history.column("epoch")[1:]
    finite = np.isfinite(test)
    if finite.any():
        best = int(np.argmin(np.where(finite, test, np.inf)))
        figures["best_test_loss"], figures["best_test_epoch"] = float(test[best]), int(epochs[best])
    train = history.column("train_loss")
    figures["train_loss_rises"] = int(np.sum(np.diff(train[1:]) > 0))
    log = getattr(session, "gradient_log", None)
    if log is not None and len(log):
        norms = log.norms.mean(axis=0)
        figures["first_layer_gradient"] = _finite(norms[0])
        figures["last_layer_gradient"] = _finite(norms[-1])
    return figures


def _finite(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


def final_record(session) -> dict[str, Any]:
    """The run's last line: the session's record (a lab may add to it with its own
    final_record) and the figures of the whole run (run_figures)."""
    record = getattr(session, "final_record", session.record)()
    return {**record, **run_figures(session)}


def setting_facts(setting: Setting) -> dict[str, Any]:
    """A setting as plain JSON data: name, label, kind, group, what it resets, its default
    and its range (low, high, step; lengths for lists) or its choices."""
    facts = {"name": setting.name, "label": setting.label, "kind": setting.kind,
             "group": setting.group, "resets": setting.resets,
             "default": list(setting.default) if isinstance(setting.default, tuple)
             else setting.default}  # fmt: skip
    for key in ("low", "high", "step", "choices"):
        value = getattr(setting, key)
        if value is not None:
            facts[key] = list(value) if isinstance(value, tuple) else value
    if setting.kind in ("int_list", "multi_choice", "choice_list", "str"):
        facts["min_len"], facts["max_len"] = setting.min_len, setting.max_len
    return facts


def lab_facts(lab: Lab) -> dict[str, Any]:
    """A lab as plain JSON data: name, its other names (aliases, for --lab and lab=), URL
    path, title, summary and its settings."""
    return {"name": lab.name, "aliases": list(aliases_of(lab)), "path": "/" + lab.path,
            "title": lab.title,
            "summary": lab.summary,
            "settings": [setting_facts(s) for s in lab.table.values()]}  # fmt: skip


def _range_text(facts: dict[str, Any]) -> str:
    if "choices" in facts:
        return (
            "one of " + ", ".join(facts["choices"])
            if facts["kind"] == "choice"
            else ("any of " + ", ".join(facts["choices"]))
        )
    if "low" in facts:
        return f"{facts['low']:g} to {facts['high']:g}"
    return facts["kind"]


def labs_text(labs: Mapping[str, Lab] = LABS) -> Iterator[str]:
    """The labs and their settings as lines for a person to read."""
    for lab in labs.values():
        also = "".join(f", also --lab {alias}" for alias in aliases_of(lab))
        yield f"{lab.name}  (page /{lab.path}{also})  {lab.title}"
        yield f"  {lab.summary}"
        for setting in lab.table.values():
            facts = setting_facts(setting)
            default = describe(setting.default)
            yield f"    {setting.name:<18} default {default:<14} {_range_text(facts)}"
        yield ""


def print_labs(as_json: bool, out: Callable[[str], None] = print) -> None:
    """Print every lab (text, or one JSON list of lab_facts)."""
    if as_json:
        out(json.dumps([lab_facts(lab) for lab in LABS.values()]))
        return
    for line in labs_text():
        out(line)
