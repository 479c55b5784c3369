"""Ready-made lessons: TOML files under lessons/ (data, not code), read and checked here.

A lesson names its lab, says in plain words what to look at and what to try, and has one
or more runs: a URL query of its lab (validated exactly as the page and the command line
validate it), an epoch budget and what the headless trainer's final line must show then
(a list of {metric, op, value}). `check_run` trains a run headless and says which
expectations are met, so a lesson's claim can never silently become false. No streamlit.

    title = "XOR needs a hidden layer"
    lab = "classify"
    order = 20                        # where it comes in the list (then by name)
    goal = "..."                      # one sentence
    text = \"\"\"...\"\"\"                  # a few short paragraphs (blank line between)
    try = ["...", "..."]              # what to try, one sentence each
    [[runs]]
    label = "No hidden layer"         # the run's name on the page
    query = "dataset=xor&hidden="
    epochs = 200
    expect = [{metric = "test_accuracy", op = "<", value = 0.75}]
"""

from __future__ import annotations

import math
import operator
import re
import time
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playground.labs import headless
from playground.labs.base import LAB_PARAM
from playground.labs.registry import LABS
from playground.teaching.assignment_target import metric_label

LESSONS_DIR = Path(__file__).resolve().parents[2] / "lessons"
MAX_FILE_BYTES = 32_000  # a lesson is a page of text, not a book
MAX_RUNS = 6
MAX_EXPECTATIONS = 8
MAX_EPOCHS = 5_000  # a run's budget: the whole check must stay quick
MAX_TEXT_CHARS = {"title": 80, "goal": 300, "text": 3_000, "label": 60, "try": 300}
MAX_TRY = 8
NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")  # a file stem that is safe in a URL
METRIC = re.compile(r"[a-z][a-z0-9_]{0,39}")
OPS: Mapping[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
    "==": operator.eq,
    "!=": operator.ne,
}
"""The comparisons an expectation may use; a text value (e.g. status == "diverged") only
with == and !=."""

LESSON_KEYS = {"title", "lab", "order", "goal", "text", "try", "runs"}
RUN_KEYS = {"label", "query", "epochs", "expect"}
EXPECT_KEYS = {"metric", "op", "value"}


class LessonError(ValueError):
    """A lesson file that cannot be used; the text names the file and what is wrong."""


@dataclass(frozen=True)
class Expectation:
    """What a run's final line must show: `metric` (a key of it) `op` `value`."""

    metric: str
    op: str
    value: float | int | str

    def met(self, record: Mapping[str, Any]) -> bool:
        """Whether the final line `record` meets it (a missing or null figure does not)."""
        figure = record.get(self.metric)
        if figure is None or isinstance(figure, bool):
            return False
        if isinstance(self.value, str) != isinstance(figure, str):
            return False
        return OPS[self.op](figure, self.value)

    def text(self) -> str:
        """E.g. "test_accuracy >= 0.95"."""
        value = self.value if isinstance(self.value, str) else f"{self.value:g}"
        return f"{self.metric} {self.op} {value}"

    def as_json(self) -> dict[str, Any]:
        """{"metric", "op", "value"}."""
        return {"metric": self.metric, "op": self.op, "value": self.value}


@dataclass(frozen=True)
class Run:
    """One setup of a lesson: its label, its lab's URL query (valid), the epochs to train
    (episodes for the reinforcement lab) and the expectations of the final line."""

    label: str
    query: str
    epochs: int
    expect: tuple[Expectation, ...]

    def as_json(self) -> dict[str, Any]:
        """{"label", "query", "epochs", "expect": [...]}."""
        return {"label": self.label, "query": self.query, "epochs": self.epochs,
                "expect": [e.as_json() for e in self.expect]}  # fmt: skip


@dataclass(frozen=True)
class Lesson:
    """A lesson: `name` (its file's stem, the `lesson=` URL value), title, lab (a name in
    LABS), order, goal, text (paragraphs), what to try (sentences) and its runs."""

    name: str
    title: str
    lab: str
    order: int
    goal: str
    text: tuple[str, ...]
    try_: tuple[str, ...]
    runs: tuple[Run, ...]

    def as_json(self) -> dict[str, Any]:
        """{"name", "title", "lab", "goal", "text", "try", "runs": [...]}."""
        return {"name": self.name, "title": self.title, "lab": self.lab,
                "goal": self.goal, "text": list(self.text), "try": list(self.try_),
                "runs": [run.as_json() for run in self.runs]}  # fmt: skip


# --- reading ----------------------------------------------------------------------------
def _text(table: Mapping[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LessonError(f"{where}: {key!r} must be a non-empty text.")
    value = value.strip()
    if len(value) > MAX_TEXT_CHARS[key]:
        raise LessonError(f"{where}: {key!r} has {len(value):,} characters; at most "
                          f"{MAX_TEXT_CHARS[key]:,}.")  # fmt: skip
    return value


def _only_keys(table: Any, allowed: set[str], where: str) -> None:
    if not isinstance(table, dict):
        raise LessonError(f"{where} must be a table.")
    if unknown := sorted(set(table) - allowed):
        raise LessonError(f"{where}: unknown key(s) {', '.join(unknown)}; the keys are "
                          f"{', '.join(sorted(allowed))}.")  # fmt: skip


def _expectation(raw: Any, where: str) -> Expectation:
    _only_keys(raw, EXPECT_KEYS, where)
    metric, op, value = raw.get("metric"), raw.get("op"), raw.get("value")
    if not isinstance(metric, str) or not METRIC.fullmatch(metric):
        raise LessonError(f"{where}: 'metric' must be a key of the final line, e.g. "
                          "test_accuracy.")  # fmt: skip
    if op not in OPS:
        raise LessonError(f"{where}: 'op' must be one of {' '.join(OPS)}.")
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number and not math.isfinite(value):
        raise LessonError(f"{where}: 'value' must be a finite number.")
    if not number and not (isinstance(value, str) and op in ("==", "!=")):
        raise LessonError(f"{where}: 'value' must be a number (or a text with == or !=).")
    return Expectation(metric, op, value)


def _run(raw: Any, lab: str, where: str) -> Run:
    _only_keys(raw, RUN_KEYS, where)
    label, query = _text(raw, "label", where), raw.get("query")
    if not isinstance(query, str):
        raise LessonError(f"{where}: 'query' must be a text (the page's URL query).")
    try:
        headless.query_settings(query, lab)
    except headless.QueryError as error:
        raise LessonError(f"{where}: the query {query!r} is not valid: {error}") from None
    epochs = raw.get("epochs")
    if isinstance(epochs, bool) or not isinstance(epochs, int) or not 1 <= epochs <= MAX_EPOCHS:
        raise LessonError(f"{where}: 'epochs' must be a whole number from 1 to {MAX_EPOCHS:,}.")
    expect = raw.get("expect")
    if not isinstance(expect, list) or not 1 <= len(expect) <= MAX_EXPECTATIONS:
        raise LessonError(f"{where}: 'expect' must list 1 to {MAX_EXPECTATIONS} expectations.")
    checks = tuple(_expectation(e, f"{where}, expectation {i}") for i, e in enumerate(expect, 1))
    return Run(label, query.strip(), epochs, checks)


def _paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs (blank lines between) with their lines joined by spaces."""
    blocks = re.split(r"\n\s*\n", text)
    return tuple(" ".join(block.split()) for block in blocks if block.strip())


def parse_lesson(name: str, data: Mapping[str, Any], where: str) -> Lesson:
    """A Lesson from a TOML file's table; raises LessonError (starting with `where`)."""
    _only_keys(data, LESSON_KEYS, where)
    lab = data.get("lab")
    if lab not in LABS:
        raise LessonError(f"{where}: 'lab' must be one of {', '.join(LABS)}.")
    order = data.get("order", 0)
    if isinstance(order, bool) or not isinstance(order, int):
        raise LessonError(f"{where}: 'order' must be a whole number.")
    tries = data.get("try")
    if not isinstance(tries, list) or not 1 <= len(tries) <= MAX_TRY:
        raise LessonError(f"{where}: 'try' must list 1 to {MAX_TRY} things to try.")
    tries = tuple(_text({"try": t}, "try", where) for t in tries)
    runs = data.get("runs")
    if not isinstance(runs, list) or not 1 <= len(runs) <= MAX_RUNS:
        raise LessonError(f"{where}: 'runs' must be 1 to {MAX_RUNS} [[runs]] tables.")
    return Lesson(
        name=name,
        title=_text(data, "title", where),
        lab=lab,
        order=order,
        goal=_text(data, "goal", where),
        text=_paragraphs(_text(data, "text", where)),
        try_=tries,
        runs=tuple(_run(run, lab, f"{where}, run {i}") for i, run in enumerate(runs, 1)),
    )


def load_lesson(path: Path) -> Lesson:
    """The lesson in a TOML file (its stem is the name); raises LessonError naming it."""
    where = f"lesson file {path.name}"
    if not NAME.fullmatch(path.stem):
        raise LessonError(f"{where}: the name must be lower-case letters, digits and dashes.")
    try:
        raw = path.read_bytes()
        if len(raw) > MAX_FILE_BYTES:
            raise LessonError(f"{where}: {len(raw):,} bytes; at most {MAX_FILE_BYTES:,}.")
        data = tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise LessonError(f"{where} cannot be read: {error}") from None
    return parse_lesson(path.stem, data, where)


def load_lessons(directory: Path = LESSONS_DIR) -> dict[str, Lesson]:
    """Every lesson in `directory` (*.toml), by name, in order (then by name). Raises
    LessonError for the first file that cannot be used."""
    lessons = [load_lesson(path) for path in sorted(directory.glob("*.toml"))]
    return {lesson.name: lesson for lesson in sorted(lessons, key=lambda x: (x.order, x.name))}


# --- on the page ------------------------------------------------------------------------
STOP_SETTINGS = ("max_epochs", "max_episodes")  # a lab's "stop after" setting, if it has one


def page_query(lesson: Lesson, run: Run) -> dict[str, list[str]]:
    """The query a page opens a run with: the run's own (without `lab=`, the page knows its
    lab), with the lab's stop setting at the run's budget unless the query sets it, so Play
    stops where the expectations are about."""
    params, _ = headless.parse_query(run.query)
    params.pop(LAB_PARAM, None)
    table = LABS[lesson.lab].table
    stop = next((name for name in STOP_SETTINGS if name in table), None)
    if stop is not None and stop not in params:
        params[stop] = [str(run.epochs)]
    return params


def unit_word(lab: str) -> str:
    """What a run's budget counts in the lab named `lab`: "epoch", or "episode" for a lab
    that counts episodes."""
    return "episode" if "max_episodes" in LABS[lab].table else "epoch"


OP_SIGNS = {">=": "≥", "<=": "≤", "==": "=", "!=": "≠", ">": ">", "<": "<"}


def expectation_words(expectation: Expectation) -> str:
    """An expectation for a person: "test accuracy ≥ 0.95"."""
    e = expectation
    value = e.value if isinstance(e.value, str) else f"{e.value:g}"
    return f"{metric_label(e.metric)} {OP_SIGNS[e.op]} {value}"


# --- checking ---------------------------------------------------------------------------
@dataclass(frozen=True)
class RunCheck:
    """A run trained headless: its final line, each expectation with whether it was met,
    and the seconds it took."""

    lesson: str
    lab: str
    run: Run
    final: dict[str, Any]
    results: tuple[tuple[Expectation, bool], ...]
    seconds: float

    @property
    def passed(self) -> bool:
        """Whether every expectation was met."""
        return all(met for _, met in self.results)


def check_run(lesson: Lesson, run: Run) -> RunCheck:
    """Train `run` headless for its epochs and compare its final line with its
    expectations (the query was validated when the lesson was read)."""
    started = time.perf_counter()
    session = headless.open_session(run.query, lesson.lab)
    for _ in headless.train(session, run.epochs):
        pass
    final = headless.final_record(session)
    results = tuple((e, e.met(final)) for e in run.expect)
    seconds = time.perf_counter() - started
    return RunCheck(lesson.name, lesson.lab, run, final, results, seconds)


def figure_text(value: Any) -> str:
    """A figure of the final line for a person: 4 significant digits, null as "none"."""
    if value is None:
        return "none"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def check_lines(check: RunCheck) -> Iterator[str]:
    """A checked run as lines: the run, then each expectation with its figure."""
    run = check.run
    took = f"{run.epochs} {unit_word(check.lab)}s ({check.seconds:.1f} s)"
    yield f"{check.lesson} · {run.label}: {run.query!r}, {took}"
    for expectation, met in check.results:
        figure = figure_text(check.final.get(expectation.metric, "missing"))
        yield f"  {'met    ' if met else 'NOT MET'}  {expectation.text()}: {figure}"
