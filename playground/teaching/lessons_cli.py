"""`python -m playground lessons [--json] [--check [NAME ...]]`: list the lessons, or
train every run headless and say which expectations are met (exit status 1 if any is not).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from playground.teaching.lessons import (
    LESSONS_DIR,
    LessonError,
    check_lines,
    check_run,
    load_lessons,
)

FAILED = 1
BROKEN = 2  # a lesson file that cannot be read, or a name no lesson has


def lessons_text(lessons) -> list[str]:
    """One line per lesson (name, lab, title) and one per run."""
    lines = []
    for lesson in lessons.values():
        lines.append(f"{lesson.name:<22} {lesson.lab:<12} {lesson.title}")
        for run in lesson.runs:
            expect = ", ".join(e.text() for e in run.expect)
            lines.append(f"    {run.label}: {run.query!r}, {run.epochs} epochs: {expect}")
    return lines


def run_lessons(
    as_json: bool,
    check: bool,
    names: Sequence[str] = (),
    out: Callable[[str], None] = print,
    directory: Path = LESSONS_DIR,
) -> int:
    """List the lessons of `directory` (text, or one JSON list) or, with `check`, train
    their runs (only the lessons `names`, if given) and report each expectation; returns
    the exit status (1: an expectation not met; 2: a broken lesson file or unknown name)."""
    try:
        lessons = load_lessons(directory)
    except LessonError as error:
        print(f"python -m playground: {error}", file=sys.stderr)
        return BROKEN
    if unknown := [name for name in names if name not in lessons]:
        print(f"python -m playground: no lesson is called {', '.join(unknown)}; the lessons "
              f"are {', '.join(lessons)}.", file=sys.stderr)  # fmt: skip
        return BROKEN
    chosen = {name: lessons[name] for name in names} if names else lessons
    if not check:
        if as_json:
            out(json.dumps([lesson.as_json() for lesson in chosen.values()]))
        else:
            for line in lessons_text(chosen):
                out(line)
        return 0
    return _check(chosen, out)


def _check(lessons, out: Callable[[str], None]) -> int:
    started, failed, runs = time.perf_counter(), 0, 0
    for lesson in lessons.values():
        for run in lesson.runs:
            result = check_run(lesson, run)
            runs += 1
            failed += not result.passed
            for line in check_lines(result):
                out(line)
    seconds = time.perf_counter() - started
    verdict = "all met" if not failed else f"{failed} with an expectation not met"
    out(f"{len(lessons)} lessons, {runs} runs in {seconds:.1f} s: {verdict}.")
    return FAILED if failed else 0
